/*
 * evaluator.c -- answering requests; see evaluator.h.
 */
#include "config.h"

#include "evaluator.h"

#include <string.h>

#include "condition.h"

void ac_eval_can(const ac_protocol *p, const ac_request *r, ac_can_answer *out) {
  (void)p;
  const ac_timeline *t = r->final_session ? &r->activity->final_tl : &r->activity->every_tl;
  const ac_segment *seg = ac_timeline_find(t, r->day);
  out->seg = seg;
  out->deciding = NULL;
  out->deciding_holds = false;
  out->timeline = out->verdict = seg ? seg->verdict : AC_UNKNOWN;
  out->holds = out->otherwise = AC_UNKNOWN;
  if (!seg || seg->verdict != AC_CONDITIONAL) return;
  ac_rule *const *rules = ac_segment_rules(seg);
  out->holds = rules[0]->holds;
  out->otherwise = rules[0]->otherwise;
  /* In each case of the facts the segment's verdict is the strictest its
   * rules give (rules of one segment give the same two verdicts, or they
   * conflict): one condition that fails decides; every one must hold. */
  ac_verdict known = AC_UNKNOWN, open = AC_UNKNOWN; /* UNKNOWN: none yet */
  const ac_rule *failed = NULL, *first_open = NULL;
  for (int i = 0; i < seg->nrules; i++) {
    const ac_rule *rule = rules[i];
    ac_truth t1 = ac_cond_eval(rule->cond, &r->facts);
    if (rule->cond_negated && t1 != AC_UNSURE) t1 = t1 == AC_TRUE ? AC_FALSE : AC_TRUE;
    if (t1 == AC_UNSURE) {
      if (!first_open) first_open = rule;
      if (rule->otherwise < open) open = rule->otherwise;
      continue;
    }
    ac_verdict v = t1 == AC_TRUE ? rule->holds : rule->otherwise;
    if (v < known) {
      known = v;
      if (t1 == AC_FALSE) failed = rule;
    }
  }
  if (first_open && known > open) {
    out->verdict = AC_CONDITIONAL; /* still open */
    out->deciding = first_open;
  } else {
    out->verdict = known;
    if (failed) {
      out->deciding = failed;
    } else if (seg->nrules == 1) {
      out->deciding = rules[0];
      out->deciding_holds = true;
    }
  }
}

static bool ac_same_rules(const ac_segment *x, const ac_segment *y) {
  if (x == y) return true;
  if (!x || !y || x->nrules != y->nrules) return false;
  ac_rule *const *rx = ac_segment_rules(x), *const *ry = ac_segment_rules(y);
  for (int i = 0; i < x->nrules; i++)
    if (rx[i] != ry[i]) return false;
  return true;
}

static void ac_window_add(ac_arena *a, ac_when_answer *out, size_t *cap, int64_t from,
                          int64_t to, ac_verdict v, const ac_segment *seg) {
  if (out->nwindows > 0) {
    ac_window *last = &out->windows[out->nwindows - 1];
    /* conditional days join when they have the same conditions */
    if (last->verdict == v && (int64_t)last->to + 1 == from &&
        (v != AC_CONDITIONAL || ac_same_rules(last->seg, seg))) {
      last->to = (int32_t)to;
      last->open_to = to >= AC_DAY_MAX;
      return;
    }
  }
  if ((size_t)out->nwindows == *cap) {
    size_t nc = *cap ? *cap * 2 : 8;
    ac_window *w = ac_arena_array(a, nc, sizeof *w);
    for (int i = 0; i < out->nwindows; i++) w[i] = out->windows[i];
    out->windows = w;
    *cap = nc;
  }
  ac_window *w = &out->windows[out->nwindows++];
  w->from = (int32_t)from;
  w->to = (int32_t)to;
  w->open_from = from <= AC_DAY_MIN;
  w->open_to = to >= AC_DAY_MAX;
  w->verdict = v;
  w->seg = seg;
}

void ac_eval_when(const ac_protocol *p, ac_arena *a, const ac_activity *act,
                  bool final_session, ac_when_answer *out) {
  const ac_timeline *t = ac_timeline_for(p, act->e.index, final_session);
  out->never = false;
  out->allowed_from = 0;
  out->windows = NULL;
  out->nwindows = 0;
  /* allowed_from: after the last forbidden segment. */
  for (int i = t->nsegs - 1; i >= 0; i--) {
    if (t->segs[i].verdict != AC_FORBIDDEN) continue;
    if (t->segs[i].to >= AC_DAY_MAX)
      out->never = true;
    else if (t->segs[i].to + 1 > 0)
      out->allowed_from = t->segs[i].to + 1;
    break;
  }
  /* Windows: from the first rule's day (or day 0) through the horizon, and
   * on to the end of the window that crosses it. */
  size_t cap = 0;
  int64_t start = 0;
  if (t->nsegs > 0 && t->segs[0].from < 0) start = t->segs[0].from;
  int64_t horizon = p->horizon;
  int64_t pos = start;
  int i = ac_timeline_lower(t, (int32_t)start);
  while (pos <= horizon) {
    if (i < t->nsegs && t->segs[i].from <= pos) {
      ac_window_add(a, out, &cap, pos, t->segs[i].to, t->segs[i].verdict, &t->segs[i]);
      pos = (int64_t)t->segs[i].to + 1;
      i++;
    } else {
      int64_t end = i < t->nsegs ? (int64_t)t->segs[i].from - 1 : AC_DAY_MAX;
      ac_window_add(a, out, &cap, pos, end, AC_UNKNOWN, NULL);
      pos = end + 1;
    }
  }
  if (out->nwindows > 0 && start <= AC_DAY_MIN) out->windows[0].open_from = true;
}

static bool ac_fires(const ac_triage *t, const ac_request *r) {
  if (r->day < t->from || r->day > t->to) return false;
  if (t->fallback) return r->nunknown > 0;
  for (const ac_symptom_item *need = t->items; need; need = need->next) {
    bool found = false;
    for (int i = 0; i < r->nsymptoms && !found; i++)
      found = r->symptoms[i] == need->index &&
              ac_intensity_matches(r->intensities[i], need->intensity, need->most);
    if (!found) return false;
  }
  return true;
}

void ac_eval_symptoms(const ac_protocol *p, ac_arena *a, const ac_request *r,
                      ac_triage_answer *out) {
  out->level = AC_LEVEL_UNKNOWN;
  out->nfired = 0;
  out->fired = ac_arena_array(a, (size_t)p->ntriage + 1, sizeof *out->fired);
  for (int i = 0; i < p->ntriage; i++) {
    const ac_triage *t = p->triage_sorted[i];
    if (!ac_fires(t, r)) continue;
    out->fired[out->nfired++] = t;
    if (t->level > out->level) out->level = t->level;
  }
  /* A rule whose advice repeats one listed before it goes after the others,
   * in the same order, so that an answer cut at AC_MAX_REASONS still shows
   * every distinct advice it can. */
  const ac_triage **repeats = ac_arena_array(a, (size_t)out->nfired + 1, sizeof *repeats);
  int n = 0, nrep = 0;
  for (int i = 0; i < out->nfired; i++) {
    const ac_triage *t = out->fired[i];
    bool seen = false;
    for (int j = 0; j < n && !seen && t->advice; j++)
      seen = out->fired[j]->advice && strcmp(out->fired[j]->advice, t->advice) == 0;
    if (seen)
      repeats[nrep++] = t;
    else
      out->fired[n++] = t;
  }
  for (int i = 0; i < nrep; i++) out->fired[n++] = repeats[i];
}
