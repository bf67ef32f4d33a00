// diagnostics.js -- the protocol checked as you type (POST /v1/check,
// debounced by the linter): underlines at the exact ranges, and the list
// with code, message and explanation; choosing one moves the cursor there.
import { linter } from '@codemirror/lint';
import { postJSON } from './api.js';

// The offset in the document of LINE:COLUMN as the core counts them
// (1-based; a column counts characters, where CodeMirror counts UTF-16
// units).
export function offsetOf(doc, line, column) {
  if (line < 1) return 0;
  if (line > doc.lines) return doc.length;
  const l = doc.line(line);
  let pos = l.from;
  for (let c = 1; c < column && pos < l.to; c++) {
    const code = doc.sliceString(pos, pos + 1).charCodeAt(0);
    pos += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  }
  return Math.min(pos, l.to);
}

// The diagnostics of the editor's own text: those with a place in the
// request's source (not in a protocol it extends).
export function ownDiagnostics(result, sourceFile) {
  return (result.diagnostics || []).filter((d) => d.line !== null && d.file === sourceFile);
}

function toLint(doc, d) {
  const from = offsetOf(doc, d.line, d.column);
  let to = offsetOf(doc, d.end_line, d.end_column);
  if (to <= from) to = Math.min(from + 1, doc.length);
  return {
    from,
    to,
    severity: d.severity === 'note' ? 'info' : d.severity,
    source: d.code,
    message: d.message,
  };
}

// The diagnostics list in `list` (an <ol>) and its summary in `status`;
// explanations maps a code to {title, text}.
export function createDiagnostics({ list, status, sourceFile, explanations, goTo, onResult }) {
  let generation = 0;

  function render(result, own) {
    status.textContent = result
      ? `${result.errors} error${result.errors === 1 ? '' : 's'}, ` +
        `${result.warnings} warning${result.warnings === 1 ? '' : 's'}`
      : 'The server did not answer.';
    list.replaceChildren();
    for (const d of own) {
      const item = document.createElement('li');
      item.className = `diagnostic ${d.severity}`;
      item.dataset.code = d.code;
      item.dataset.line = d.line;
      item.dataset.column = d.column;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = `${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`;
      button.addEventListener('click', () => goTo(d.line, d.column));
      item.append(button);
      const explanation = explanations()[d.code];
      if (explanation) {
        const details = document.createElement('details');
        const summary = document.createElement('summary');
        summary.textContent = `${d.code}: ${explanation.title}`;
        const text = document.createElement('p');
        text.className = 'explanation';
        text.textContent = explanation.text;
        details.append(summary, text);
        item.append(details);
      }
      list.append(item);
    }
  }

  return linter(
    async (view) => {
      const mine = ++generation;
      const doc = view.state.doc;
      let answer;
      try {
        answer = await postJSON('/v1/check', { source: doc.toString() });
      } catch (e) {
        answer = { status: 0, json: null };
      }
      if (mine !== generation) return [];
      const result = answer.json && Array.isArray(answer.json.diagnostics) ? answer.json : null;
      const own = result ? ownDiagnostics(result, sourceFile) : [];
      render(result, own);
      if (onResult) onResult(result);
      return own.map((d) => toLint(doc, d));
    },
    { delay: 300 },
  );
}
