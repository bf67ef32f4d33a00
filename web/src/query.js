// query.js -- the query box: a question to the protocol being written
// (POST /v1/query), answered with the verdict, its reasons and their
// lines (choosing a line in this protocol moves the cursor there).
import { postJSON, parseSource } from './api.js';

function reasonItem(reason, sourceFile, goTo) {
  const item = document.createElement('li');
  const where = parseSource(reason.source);
  const place = document.createElement(where.file === sourceFile ? 'button' : 'span');
  place.className = 'source';
  if (where.file === sourceFile) {
    place.type = 'button';
    place.className = 'link source';
    place.textContent = `line ${where.line}`;
    place.addEventListener('click', () => goTo(where.line, 1));
  } else {
    place.textContent = reason.source;
  }
  const rule = document.createElement('code');
  rule.textContent = reason.rule;
  item.append(rule, ' (', place, ')');
  const text = reason.text;
  if (text) item.append(`: ${text}`);
  if (reason.level) item.prepend(`${reason.level}: `);
  return item;
}

// Renders an answer (see docs/json.md) into `out`.
export function renderAnswer(out, answer, sourceFile, goTo) {
  out.replaceChildren();
  if (answer.error || answer.errors) {
    const p = document.createElement('p');
    p.className = 'answer-error';
    const message = answer.error ? answer.error.message || answer.error : answer.message;
    p.textContent = typeof message === 'string' ? message : JSON.stringify(answer);
    out.append(p);
    return;
  }
  const head = document.createElement('p');
  head.className = 'answer';
  const verdict = answer.verdict || answer.level;
  if (verdict) {
    const v = document.createElement('strong');
    v.className = `verdict verdict-${verdict}`;
    v.dataset.verdict = verdict;
    v.textContent = verdict;
    head.append(v);
    if (answer.condition) head.append(` (${answer.condition})`);
  } else {
    head.textContent = answer.query;
  }
  out.append(head);
  if (Array.isArray(answer.windows)) {
    const list = document.createElement('ul');
    list.className = 'windows';
    for (const w of answer.windows) {
      const item = document.createElement('li');
      let days = `days ${w.from} to ${w.to}`;
      if (w.from === null) days = `until day ${w.to}`;
      else if (w.to === null) days = `days ${w.from} and later`;
      else if (w.from === w.to) days = `day ${w.from}`;
      item.textContent = `${days}: ${w.verdict}${w.condition ? ` (${w.condition})` : ''}`;
      list.append(item);
    }
    out.append(list);
    return;
  }
  const reasons = answer.reasons || answer.advice || [];
  if (reasons.length) {
    const list = document.createElement('ul');
    list.className = 'reasons';
    for (const r of reasons) list.append(reasonItem(r, sourceFile, goTo));
    out.append(list);
  } else if (!verdict) {
    const pre = document.createElement('pre');
    pre.textContent = JSON.stringify(answer, null, 2);
    out.append(pre);
  }
}

export function createQueryBox({ form, input, out, sourceFile, text, goTo }) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const query = input.value.trim();
    if (!query) return;
    out.textContent = 'Asking...';
    try {
      const { json } = await postJSON('/v1/query', { source: text(), query });
      if (json) renderAnswer(out, json, sourceFile, goTo);
      else out.textContent = 'The server did not answer.';
    } catch (e) {
      out.textContent = `The server did not answer: ${e.message}`;
    }
  });
}
