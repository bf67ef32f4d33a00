// timeline.js -- the answer of POST /v1/timeline (docs/server.md) as the
// picture uses it: every activity with a Map from day to
// {verdict, rule, text, source, condition}, and the same for the compared
// protocol (null without "compare").
//
// The answer: {"protocol", "from", "to", "compare"?, "activities": [
//   {"activity", "days": [{"day", "verdict", "condition"?, "rule",
//    "reason", "source", "compare"?: {the same members} or null}]}]}

const UNKNOWN = { verdict: 'unknown', rule: null, text: null, source: null, condition: null };

function cell(v) {
  if (!v) return UNKNOWN;
  return {
    verdict: v.verdict || 'unknown',
    rule: v.rule || null,
    text: v.reason || null,
    source: v.source || null,
    condition: v.condition || null,
  };
}

export function normalizeTimeline(json, from, to) {
  const dayList = [];
  for (let d = from; d <= to; d++) dayList.push(d);
  const comparing = typeof json.compare === 'string';
  const activities = (json.activities || []).map((a) => {
    const days = new Map();
    const compare = comparing ? new Map() : null;
    for (const d of a.days || []) {
      days.set(d.day, cell(d));
      if (compare) compare.set(d.day, cell(d.compare));
    }
    return { name: a.activity, label: a.label || a.activity, days, compare };
  });
  return { activities, dayList };
}
