// timeline.js -- the answer of POST /v1/timeline (docs/server.md) as the
// picture uses it: every activity with a Map from day to
// {verdict, rule, text, source, condition}, and the same for the compared
// protocol.

function expand(entries, from, to) {
  const days = new Map();
  for (const e of entries || []) {
    const cell = {
      verdict: e.verdict || 'unknown',
      rule: e.rule || (e.reasons && e.reasons[0] && e.reasons[0].rule) || null,
      text: e.text || e.because || (e.reasons && e.reasons[0] && e.reasons[0].text) || null,
      source: e.source || (e.reasons && e.reasons[0] && e.reasons[0].source) || null,
      condition: e.condition || null,
    };
    const first = e.day !== undefined ? e.day : e.from === null ? from : e.from;
    const last = e.day !== undefined ? e.day : e.to === null ? to : e.to;
    for (let d = Math.max(first, from); d <= Math.min(last, to); d++) days.set(d, cell);
  }
  return days;
}

export function normalizeTimeline(json, from, to) {
  const dayList = [];
  for (let d = from; d <= to; d++) dayList.push(d);
  const activities = (json.activities || []).map((a) => ({
    name: a.activity || a.name,
    label: a.label || a.activity || a.name,
    days: expand(a.days || a.segments || a.windows, from, to),
    compare: a.compare ? expand(a.compare.days || a.compare.segments || a.compare, from, to) : null,
  }));
  return { activities, dayList };
}
