// editor.js -- the CodeMirror 6 editor: the protocol's text, kept in the
// browser's local storage, opened from and downloaded as a .care file.
import { EditorView, basicSetup } from 'codemirror';
import { EditorState, Compartment } from '@codemirror/state';
import { protocolLanguage, protocolHighlight } from './highlight.js';
import { TEMPLATE } from './template.js';

const STORAGE_KEY = 'aftercare.protocol';

function load() {
  try {
    const text = window.localStorage.getItem(STORAGE_KEY);
    if (text !== null) return text;
  } catch (e) {
    // storage refused (private mode): start from the template
  }
  return TEMPLATE;
}

function save(text) {
  try {
    window.localStorage.setItem(STORAGE_KEY, text);
  } catch (e) {
    // storage full or refused: the text stays in the editor
  }
}

// Creates the editor in `parent`; onChange(text) is called after each
// change (and once at the start). Returns an object to drive it.
export function createEditor(parent, { onChange, extensions = [] }) {
  const language = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: load(),
      extensions: [
        basicSetup,
        language.of(protocolLanguage(null)),
        protocolHighlight,
        EditorView.contentAttributes.of({ 'aria-label': 'Protocol text' }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          const text = update.state.doc.toString();
          save(text);
          onChange(text);
        }),
        ...extensions,
      ],
    }),
  });

  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    setKeywords(table) {
      view.dispatch({ effects: language.reconfigure(protocolLanguage(table)) });
    },
    // Moves the cursor to LINE:COLUMN (1-based, columns in characters)
    // and gives the editor the focus.
    goTo(line, column = 1) {
      const doc = view.state.doc;
      const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
      const pos = Math.min(l.from + Math.max(column - 1, 0), l.to);
      view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
      view.focus();
    },
  };
}

// Offers `text` as a download named `name`.
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Reads a file the user chose, as text.
export function readFile(file) {
  return file.text();
}
