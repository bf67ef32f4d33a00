// highlight.js -- syntax highlighting of protocols from the keyword table
// the core writes out (GET /keywords.json: `aftercare keywords --json`).
import { StreamLanguage, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';

// The token of each keyword class (the classes of src/keywords.def).
const TOKEN_OF_CLASS = {
  statement: 'keyword',
  clause: 'keyword',
  verb: 'keyword',
  query: 'keyword',
  days: 'unit',
  field: 'propertyName',
  verdict: 'atom',
  level: 'atom',
  intensity: 'atom',
  boolean: 'bool',
  type: 'typeName',
  operator: 'operator',
  answer: 'atom',
};

// A StreamLanguage for protocols; `table` is the keyword document.
export function protocolLanguage(table) {
  const words = new Map();
  if (table) {
    for (const k of table.keywords || []) {
      if (k.protocol) words.set(k.word, TOKEN_OF_CLASS[k.class] || 'keyword');
    }
    for (const w of table.verdicts || []) words.set(w, 'atom');
    for (const w of table.levels || []) words.set(w, 'atom');
    for (const w of table.intensities || []) words.set(w, 'atom');
  }
  return StreamLanguage.define({
    name: 'aftercare',
    token(stream) {
      if (stream.eatSpace()) return null;
      if (stream.match('#')) {
        stream.skipToEnd();
        return 'comment';
      }
      if (stream.match('"')) {
        while (!stream.eol()) {
          const c = stream.next();
          if (c === '\\') stream.next();
          else if (c === '"') break;
        }
        return 'string';
      }
      if (stream.match(/^-?\d+/)) return 'number';
      if (stream.match(/^[A-Za-z_][A-Za-z0-9_]*/)) {
        return words.get(stream.current()) || 'variableName';
      }
      stream.next();
      return null;
    },
    languageData: { commentTokens: { line: '#' } },
    tokenTable: { unit: tags.unit, bool: tags.bool },
  });
}

// Colours with a contrast of at least 4.5:1 on white (axe's color-contrast).
export const protocolHighlight = syntaxHighlighting(HighlightStyle.define([
  { tag: tags.keyword, color: '#7a1fa2', fontWeight: 'bold' },
  { tag: tags.comment, color: '#5c6370', fontStyle: 'italic' },
  { tag: tags.string, color: '#0b6e24' },
  { tag: tags.number, color: '#a0430a' },
  { tag: tags.unit, color: '#a0430a' },
  { tag: tags.atom, color: '#0b55a6', fontWeight: 'bold' },
  { tag: tags.bool, color: '#0b55a6' },
  { tag: tags.typeName, color: '#0b55a6' },
  { tag: tags.propertyName, color: '#7a1fa2' },
  { tag: tags.operator, color: '#333333' },
]));
