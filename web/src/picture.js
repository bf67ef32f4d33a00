// picture.js -- the protocol as a picture: activities (rows) by days
// (columns, -7..60 and more as it scrolls), each cell coloured by its
// verdict (and patterned: colour is never the only cue), with a legend, the
// rule behind a cell on hover or keyboard focus, a switch that keeps only
// the cells where this protocol differs from the standard one, and the same
// facts as a table (the text alternative).
import { postJSON, parseSource } from './api.js';
import { normalizeTimeline } from './timeline.js';

export const VERDICTS = ['forbidden', 'discouraged', 'conditional', 'allowed', 'recommended', 'unknown'];
const VERDICT_TEXT = {
  forbidden: 'forbidden',
  discouraged: 'discouraged',
  conditional: 'conditional (depends on a condition)',
  allowed: 'allowed',
  recommended: 'recommended',
  unknown: 'no rule',
};
const FIRST_DAY = -7;
const STEP = 30;       // days added when the picture scrolls to its end
const LAST_DAY = 366;  // at most a year (and a day) is drawn

export function createPicture({ root, grid, legend, tooltip, live, table, diffSwitch, moreButton, range, compare, sourceFile, text, goTo }) {
  let to = 60;
  let data = null;        // the normalized timeline
  let active = null;      // [row, column] of the cell with keyboard focus
  let requested = 0;

  for (const v of VERDICTS) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `swatch v-${v}`;
    swatch.dataset.verdict = v;
    swatch.setAttribute('aria-hidden', 'true');
    item.append(swatch, VERDICT_TEXT[v]);
    legend.append(item);
  }
  const diffItem = document.createElement('li');
  const diffSwatch = document.createElement('span');
  diffSwatch.className = 'swatch same';
  diffSwatch.setAttribute('aria-hidden', 'true');
  diffItem.append(diffSwatch, `same as ${compare} (with "differences only")`);
  legend.append(diffItem);

  const differencesOnly = () => diffSwitch.checked;

  function describe(row, day) {
    const cell = row.days.get(day) || { verdict: 'unknown' };
    let s = `${row.label}, day ${day}: ${VERDICT_TEXT[cell.verdict] || cell.verdict}`;
    if (cell.condition) s += ` (${cell.condition})`;
    if (cell.rule) s += `; rule ${cell.rule}`;
    if (cell.source) s += ` (${cell.source})`;
    if (cell.text) s += `: ${cell.text}`;
    if (row.compare) {
      const other = row.compare.get(day) || { verdict: 'unknown' };
      s += `. In ${compare}: ${VERDICT_TEXT[other.verdict] || other.verdict}`;
      if (other.rule) s += ` (rule ${other.rule})`;
    }
    return s;
  }

  function differs(row, day) {
    if (!row.compare) return false;
    const a = row.days.get(day) || { verdict: 'unknown' };
    const b = row.compare.get(day) || { verdict: 'unknown' };
    return a.verdict !== b.verdict || (a.condition || '') !== (b.condition || '');
  }

  function visibleRows() {
    if (!data) return [];
    if (!differencesOnly()) return data.activities;
    return data.activities.filter((row) => data.dayList.some((d) => differs(row, d)));
  }

  function showTip(cellEl, message) {
    tooltip.textContent = message;
    tooltip.hidden = false;
    const box = cellEl.getBoundingClientRect();
    const outer = root.getBoundingClientRect();
    tooltip.style.left = `${Math.max(0, box.left - outer.left)}px`;
    tooltip.style.top = `${box.bottom - outer.top + 4}px`;
  }

  function hideTip() {
    tooltip.hidden = true;
  }

  function cellAt(r, c) {
    return grid.querySelector(`[data-r="${r}"][data-c="${c}"]`);
  }

  function focusCell(r, c) {
    const rows = visibleRows();
    if (!rows.length) return;
    r = Math.min(Math.max(r, 0), rows.length - 1);
    c = Math.min(Math.max(c, 0), data.dayList.length - 1);
    const old = active && cellAt(active[0], active[1]);
    if (old) old.classList.remove('active');
    active = [r, c];
    const el = cellAt(r, c);
    if (!el) return;
    el.classList.add('active');
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const message = describe(rows[r], data.dayList[c]);
    showTip(el, message);
    live.textContent = message;
  }

  function jump(row, day) {
    const cell = row.days.get(day);
    if (!cell || !cell.source) return;
    const where = parseSource(cell.source);
    if (where.file === sourceFile && where.line) goTo(where.line, 1);
  }

  function renderGrid() {
    grid.replaceChildren();
    if (!data) return;
    const rows = visibleRows();
    const days = data.dayList;
    grid.style.setProperty('--days', days.length);
    const corner = document.createElement('div');
    corner.className = 'corner';
    corner.textContent = 'day';
    grid.append(corner);
    for (const d of days) {
      const h = document.createElement('div');
      h.className = 'day-head';
      if (d === 0) h.classList.add('day-zero');
      h.textContent = d % 7 === 0 ? String(d) : '';
      grid.append(h);
    }
    const diff = differencesOnly();
    rows.forEach((row, r) => {
      const label = document.createElement('div');
      label.className = 'row-head';
      label.textContent = row.name;
      label.title = row.label;
      grid.append(label);
      days.forEach((d, c) => {
        const cell = row.days.get(d) || { verdict: 'unknown' };
        const el = document.createElement('div');
        el.className = `cell v-${cell.verdict}`;
        if (diff && !differs(row, d)) el.classList.add('same');
        if (d === 0) el.classList.add('day-zero');
        el.dataset.activity = row.name;
        el.dataset.day = d;
        el.dataset.verdict = cell.verdict;
        el.dataset.r = r;
        el.dataset.c = c;
        grid.append(el);
      });
    });
    if (!rows.length) {
      const none = document.createElement('p');
      none.className = 'none';
      none.textContent = diff ? `No day differs from ${compare}.` : 'No activity.';
      grid.append(none);
    }
    active = null;
  }

  // The text alternative: each activity's runs of days with one verdict
  // and one rule (with "differences only": the runs that differ).
  function renderTable() {
    const body = table.tBodies[0];
    body.replaceChildren();
    if (!data) return;
    const diff = differencesOnly();
    for (const row of visibleRows()) {
      let start = null;
      let key = null;
      const flush = (end) => {
        if (start === null) return;
        const cell = row.days.get(start) || { verdict: 'unknown' };
        const other = row.compare ? row.compare.get(start) || { verdict: 'unknown' } : null;
        const tr = document.createElement('tr');
        tr.dataset.activity = row.name;
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = row.name;
        const cells = [
          start === end ? `${start}` : `${start} to ${end}`,
          VERDICT_TEXT[cell.verdict] + (cell.condition ? ` (${cell.condition})` : ''),
          cell.rule || '',
          cell.source || '',
          other ? VERDICT_TEXT[other.verdict] : '',
        ];
        tr.append(th);
        for (const t of cells) {
          const td = document.createElement('td');
          td.textContent = t;
          tr.append(td);
        }
        body.append(tr);
        start = null;
      };
      let last = null;
      for (const d of data.dayList) {
        const cell = row.days.get(d) || { verdict: 'unknown' };
        const show = !diff || differs(row, d);
        const k = show ? `${cell.verdict}|${cell.rule || ''}|${cell.condition || ''}` : null;
        if (k !== key) {
          flush(last);
          if (k !== null) start = d;
          key = k;
        }
        last = d;
      }
      flush(last);
    }
  }

  function render() {
    renderGrid();
    renderTable();
  }

  async function refresh() {
    const mine = ++requested;
    let answer;
    try {
      answer = await postJSON('/v1/timeline', { source: text(), from: FIRST_DAY, to, compare });
    } catch (e) {
      answer = { status: 0, json: null };
    }
    if (mine !== requested) return;
    if (answer.status !== 200 || !answer.json) {
      root.dataset.state = 'error';
      range.textContent = 'The picture waits for a protocol without errors.';
      return;
    }
    data = normalizeTimeline(answer.json, FIRST_DAY, to);
    root.dataset.state = 'ready';
    range.textContent = `Days ${FIRST_DAY} to ${to}.`;
    moreButton.disabled = to >= LAST_DAY;
    render();
  }

  diffSwitch.addEventListener('change', render);

  grid.addEventListener('mouseover', (event) => {
    const el = event.target.closest('.cell');
    if (!el) return;
    const row = visibleRows()[Number(el.dataset.r)];
    if (row) showTip(el, describe(row, Number(el.dataset.day)));
  });
  grid.addEventListener('mouseleave', hideTip);
  grid.addEventListener('click', (event) => {
    const el = event.target.closest('.cell');
    if (!el) return;
    const row = visibleRows()[Number(el.dataset.r)];
    if (row) jump(row, Number(el.dataset.day));
  });
  grid.addEventListener('focus', () => {
    if (!active) focusCell(0, data ? Math.max(0, data.dayList.indexOf(0)) : 0);
  });
  grid.addEventListener('blur', hideTip);
  grid.addEventListener('keydown', (event) => {
    if (!active) return;
    const [r, c] = active;
    const moves = {
      ArrowUp: [r - 1, c], ArrowDown: [r + 1, c], ArrowLeft: [r, c - 1], ArrowRight: [r, c + 1],
      Home: [r, 0], End: [r, data.dayList.length - 1],
      PageUp: [r, c - 7], PageDown: [r, c + 7],
    };
    if (moves[event.key]) {
      event.preventDefault();
      focusCell(...moves[event.key]);
      if (event.key === 'End' || (event.key === 'ArrowRight' && c >= data.dayList.length - 1)) more();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      jump(visibleRows()[r], data.dayList[c]);
    } else if (event.key === 'Escape') {
      hideTip();
    }
  });

  function more() {
    if (to >= LAST_DAY) return;
    to = Math.min(to + STEP, LAST_DAY);
    refresh();
  }
  moreButton.addEventListener('click', more);
  root.querySelector('.scroller').addEventListener('scroll', (event) => {
    const s = event.target;
    if (s.scrollLeft + s.clientWidth >= s.scrollWidth - 40) more();
  });

  return { refresh, more };
}
