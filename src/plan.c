/*
 * plan.c -- a protocol turned into a day-by-day plan; see plan.h and
 * docs/plan.md.  Formats: text, Markdown, HTML (one self-contained
 * printable page), JSON, iCalendar (libical).  The first four and the
 * calendar's events are a client's leaflet: each part says what changes
 * on its first day, and the signs to watch for come once, as a table.
 */
#include "config.h"

#include "plan.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "catalog.h"
#include "condition.h"
#include "evaluator.h"
#include "ical.h"
#include "i18n.h"
#include "output.h"

/* The plan's words are in the plan's language when it has one (the
 * catalogue of aftercare_plan_options.language: not gettext's, which is
 * the process's), else in the process's: _() here needs the plan in
 * scope. */
#undef _
#define _(text) ac_plan_word(plan, text)

__attribute__((format_arg(2))) static const char *ac_plan_word(const ac_plan *plan,
                                                               const char *msgid) {
  if (!plan->own_language) return ac_i18n_text(msgid);
  return ac_catalog_text(plan->words, msgid);
}

/* The language of the plan's words: `language`, or NULL for the
 * process's. */
static void ac_plan_language(ac_plan *plan, ac_arena *a, const char *language) {
  plan->own_language = language != NULL;
  plan->words = ac_catalog_load(a, language);
}

/* The most days a plan covers (ten years with their sessions). */
#define AC_PLAN_MAX_DAYS 4000

/* ---- Dates: days since 1970-01-01 (H. Hinnant's civil algorithms) ---- */

long ac_plan_days(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void ac_plan_civil(long z, int *y, int *m, int *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

int ac_plan_parse_date(const char *s, long *days) {
  int y, m, d, n = 0;
  if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10) return -1;
  if (s[4] != '-' || s[7] != '-' || y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
    return -1;
  long z = ac_plan_days(y, m, d);
  int y2, m2, d2;
  ac_plan_civil(z, &y2, &m2, &d2);
  if (y2 != y || m2 != m || d2 != d) return -1; /* 2026-02-30 */
  *days = z;
  return 0;
}

static const char *const ac_weekdays[] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
    N_("Friday"), N_("Saturday"), N_("Sunday"),
};
static const char *const ac_months[] = {
    N_("January"), N_("February"), N_("March"),     N_("April"),   N_("May"),      N_("June"),
    N_("July"),    N_("August"),   N_("September"), N_("October"), N_("November"), N_("December"),
};

static const char *ac_iso_date(ac_arena *a, long days) {
  int y, m, d;
  ac_plan_civil(days, &y, &m, &d);
  return ac_arena_printf(a, "%04d-%02d-%02d", y, m, d);
}

/* "Monday 2 March 2026" */
static const char *ac_long_date(const ac_plan *plan, ac_arena *a, long days) {
  int y, m, d;
  ac_plan_civil(days, &y, &m, &d);
  long wd = ((days % 7) + 7 + 3) % 7; /* 1970-01-01 was a Thursday */
  if (d == 1)
    /* TRANSLATORS: the first day of a month: weekday, month, year. */
    return ac_arena_printf(a, _("%s 1 %s %d"), _(ac_weekdays[wd]), _(ac_months[m - 1]), y);
  /* TRANSLATORS: a date: weekday, day of the month, month, year. */
  return ac_arena_printf(a, _("%s %d %s %d"), _(ac_weekdays[wd]), d, _(ac_months[m - 1]), y);
}

/* What separates a heading or a name from what follows. */
static const char *ac_colon(const ac_plan *plan) {
  /* TRANSLATORS: the separator after a heading or a name, as in "Forbidden: ...";
   * French puts a space before the colon. */
  return _(": ");
}

/* The same at the end of a line. */
static const char *ac_colon_end(const ac_plan *plan) {
  /* TRANSLATORS: a colon ending a heading line, as in "Forbidden:". */
  return _(":");
}

/* What separates the names of a list whose names may hold commas ("use
 * hair products, creams or lotions"). */
static const char *ac_list_sep(const ac_plan *plan) {
  /* TRANSLATORS: between the items of a list whose items may contain
   * commas, as in "touch the scalp; go swimming"; French puts a space
   * before the semicolon. */
  return _("; ");
}

/* ---- Words ---- */

/* The verdicts' headings and order, their words for a change, and the
 * levels' and intensities' words, are in their tables (verdicts.def,
 * levels.def, intensities.def). */

/* The words of a table with "%s" in them (not a printf format), filled. */
static const char *ac_plan_fill(ac_arena *a, const char *words, const char *s) {
  const char *at = strstr(words, "%s");
  if (!at) return words;
  return ac_arena_printf(a, "%.*s%s%s", (int)(at - words), words, s, at + 2);
}

/* The heading of the activities that have verdict v from day `day` on:
 * "From day 5 you may". */
static const char *ac_change_heading(const ac_plan *plan, ac_arena *a, ac_verdict v, int32_t day) {
  return ac_plan_fill(a, _(ac_verdict_change(v)), ac_arena_printf(a, "%ld", (long)day));
}

/* The same about one activity, for a calendar event's title: "you may
 * rinse the scalp with plain water". */
static const char *ac_change_phrase(const ac_plan *plan, ac_arena *a, ac_verdict v, const char *label) {
  return ac_plan_fill(a, _(ac_verdict_change_one(v)), label);
}

static const char *ac_level_word(const ac_plan *plan, ac_level l) {
  return _(ac_level_plan_word(l));
}

static const char *ac_activity_label(const ac_activity *act) {
  return act->label ? act->label : act->e.name;
}

/* The reason a leaflet gives for a segment's instruction: the `because`
 * of the rule that decides it, of those that give one: the one that lasts
 * longest, since it decides until when; when conditional, of every rule,
 * since every condition must hold. */
static const char *ac_seg_reason(ac_arena *a, const ac_segment *seg) {
  const char *s = "";
  const ac_rule *best = NULL;
  for (int i = 0; seg && i < seg->nrules; i++) {
    const ac_rule *r = ac_segment_rules(seg)[i];
    if (!r->because) continue;
    if (seg->verdict != AC_CONDITIONAL) {
      if (!best || r->to > best->to) best = r;
    } else if (!strstr(s, r->because)) {
      s = *s ? ac_arena_printf(a, "%s %s", s, r->because) : r->because;
    }
  }
  return best ? best->because : s;
}

/* The condition of a conditional segment: every rule's must hold. */
static const char *ac_seg_condition(ac_arena *a, const ac_segment *seg) {
  const char *s = "";
  for (int i = 0; seg && i < seg->nrules; i++) {
    const ac_rule *r = ac_segment_rules(seg)[i];
    if (!r->cond) continue;
    const char *c = ac_cond_text(a, r->cond);
    if (r->cond_negated) c = ac_arena_printf(a, "not (%s)", c);
    s = *s ? ac_arena_printf(a, "%s and %s", s, c) : c;
  }
  return s;
}

/* What a conditional segment says after its activity, in the plan's
 * words: "only if C" (allowed when C holds, forbidden when not), else both
 * verdicts: "discouraged if C, forbidden otherwise". */
static const char *ac_seg_both(const ac_plan *plan, ac_arena *a, const ac_segment *seg) {
  const ac_rule *r = ac_segment_rules(seg)[0];
  if (r->holds == AC_ALLOWED && r->otherwise == AC_FORBIDDEN)
    return ac_arena_printf(a, _("only if %s"), ac_seg_condition(a, seg));
  return ac_arena_printf(a, _("%s if %s, %s otherwise"), _(ac_verdict_name(r->holds)),
                         ac_seg_condition(a, seg), _(ac_verdict_name(r->otherwise)));
}

/* The symptoms of a symptom rule: "a burning sensation (severe)". */
static const char *ac_watch_symptoms(const ac_plan *plan, ac_arena *a, const ac_protocol *p, const ac_triage *t) {
  const char *s = "";
  for (const ac_symptom_item *it = t->items; it; it = it->next) {
    const ac_symptom *sym = p->entities[AC_ENT_SYMPTOM].items[it->index];
    const char *l = sym->label ? sym->label : sym->e.name;
    if (it->intensity != AC_INTENSITY_ANY)
      l = ac_plan_fill(a, _(ac_intensity_plan_format(it->intensity)), l);
    s = *s ? ac_arena_printf(a, _("%s with %s"), s, l) : l;
  }
  return s;
}

/* Days in a sentence: "days 0 to 3", "day 4", "from day 5", "until day
 * 2", "at any time". */
static const char *ac_days_text(const ac_plan *plan, ac_arena *a, int32_t from, int32_t to) {
  if (from == AC_DAY_MIN && to == AC_DAY_MAX) return _("at any time");
  if (from == AC_DAY_MIN) return ac_arena_printf(a, _("until day %ld"), (long)to);
  if (to == AC_DAY_MAX) return ac_arena_printf(a, _("from day %ld"), (long)from);
  if (from == to) return ac_arena_printf(a, _("day %ld"), (long)from);
  return ac_arena_printf(a, _("days %ld to %ld"), (long)from, (long)to);
}

/* When an instruction given on day `day` ends: " (until day 30)", " (day
 * 4 only)", or "" (no end). */
static const char *ac_until_text(const ac_plan *plan, ac_arena *a, int32_t day, int32_t until) {
  if (until == AC_DAY_MAX) return "";
  if (until == day) return ac_arena_printf(a, _(" (day %ld only)"), (long)until);
  return ac_arena_printf(a, _(" (until day %ld)"), (long)until);
}

static const char *ac_day_range(const ac_plan *plan, ac_arena *a, int32_t from, int32_t to) {
  if (from == to) return ac_arena_printf(a, _("Day %ld"), (long)from);
  return ac_arena_printf(a, _("Days %ld to %ld"), (long)from, (long)to);
}

const char *ac_plan_days_title(const ac_plan *plan, ac_arena *a, const ac_plan_span *first,
                               const ac_plan_span *last) {
  const char *days = ac_day_range(plan, a, first->from, last->to);
  if (plan->nsessions > 1)
    days = ac_arena_printf(a, _("%s of session %d"), days, first->session);
  if (!plan->nsessions) return days;
  const char *dates = first->date_from == last->date_to
                          ? ac_long_date(plan, a, first->date_from)
                          : ac_arena_printf(a, _("%s to %s"), ac_long_date(plan, a, first->date_from),
                                            ac_long_date(plan, a, last->date_to));
  return ac_arena_printf(a, "%s%s%s", days, ac_colon(plan), dates);
}

static const char *ac_protocol_field(const ac_protocol *p, ac_field f) {
  for (int i = p->nlayers - 1; i >= 0; i--)
    if (p->layers[i]->fields[f]) return p->layers[i]->fields[f];
  return NULL;
}

static const char *ac_plan_title(const ac_protocol *p) {
  const char *t = ac_protocol_field(p, AC_FIELD_TITLE);
  if (t) return t;
  const char *n = p->nlayers ? p->layers[p->nlayers - 1]->name : NULL;
  return n ? n : "";
}

static const char *ac_guidance_heading(const ac_plan *plan, ac_guidance_kind k) {
  switch (k) {
  case AC_GUIDE_DO: return _("Do");
  case AC_GUIDE_DONT: return _("Don't");
  case AC_GUIDE_WHY: return _("Why");
  default: return "";
  }
}

static const char *ac_phase_title(const ac_phase *ph) { return ph->title ? ph->title : ph->e.name; }

/* The sessions line: "Monday 2 March 2026, Monday 30 March 2026". */
static const char *ac_sessions_text(const ac_plan *plan, ac_arena *a) {
  const char *s = "";
  for (int i = 0; i < plan->nsessions; i++)
    s = ac_arena_printf(a, "%s%s%s", s, i ? ", " : "", ac_long_date(plan, a, plan->sessions[i]));
  return s;
}

/* What the top of a leaflet says under its title and sessions. */
static const char *ac_intro_text(const ac_plan *plan) {
  return _("Day 0 is the day of the session. Each part below starts on a day when your "
           "instructions change, and says what changes; what it does not mention stays as "
           "before.");
}

static const char *ac_ask_text(const ac_plan *plan) {
  return _("Ask your practitioner about anything this plan does not mention.");
}

/* Under the table of signs. */
static const char *ac_signs_days_text(const ac_plan *plan) {
  return plan->nsessions > 1 ? _("Days are counted from the latest session.")
                             : _("Days are counted from the session.");
}

/* ---- Building the spans ---- */

static int32_t ac_first_day(const ac_protocol *p) {
  int32_t first = 0;
  const ac_entity_kind kinds[] = {AC_ENT_RULE, AC_ENT_PHASE, AC_ENT_ADVICE};
  for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
    const ac_vec *v = &p->entities[kinds[k]];
    for (size_t i = 0; i < v->len; i++) {
      const ac_entity *e = v->items[i];
      if (e->replaced) continue;
      int32_t from = kinds[k] == AC_ENT_RULE    ? ((const ac_rule *)e)->from
                     : kinds[k] == AC_ENT_PHASE ? ((const ac_phase *)e)->from
                                                : ((const ac_advice *)e)->from;
      if (from != AC_DAY_MIN && from < first) first = from;
    }
  }
  return first;
}

static bool ac_seg_same(const ac_segment *x, const ac_segment *y) {
  if (x == y) return true;
  if (!x || !y || x->verdict != y->verdict || x->nrules != y->nrules) return false;
  ac_rule *const *rx = ac_segment_rules(x), *const *ry = ac_segment_rules(y);
  for (int i = 0; i < x->nrules; i++)
    if (rx[i] != ry[i]) return false;
  return true;
}

static bool ac_ints_same(const int *x, int nx, const int *y, int ny) {
  return nx == ny && (nx == 0 || memcmp(x, y, (size_t)nx * sizeof *x) == 0);
}

static bool ac_in(const int *list, int n, int x) {
  for (int i = 0; i < n; i++)
    if (list[i] == x) return true;
  return false;
}

/* Fills the instructions of one day into s (from/to/dates are the caller's). */
static void ac_plan_day(const ac_protocol *p, ac_arena *a, int32_t day, bool final,
                        ac_plan_span *s) {
  int na = AC_NACTIVITIES(p);
  s->segs = ac_arena_array(a, (size_t)(na ? na : 1), sizeof *s->segs);
  for (int i = 0; i < na; i++)
    s->segs[i] = ac_timeline_find(ac_timeline_for(p, i, final), day);
  const ac_vec *ph = &p->entities[AC_ENT_PHASE], *ad = &p->entities[AC_ENT_ADVICE];
  s->phases = ac_arena_array(a, ph->len + 1, sizeof(int));
  s->nphases = 0;
  for (size_t i = 0; i < ph->len; i++) {
    const ac_phase *x = ph->items[i];
    if (!x->e.replaced && day >= x->from && day <= x->to) s->phases[s->nphases++] = (int)i;
  }
  s->advice = ac_arena_array(a, ad->len + 1, sizeof(int));
  s->nadvice = 0;
  for (size_t i = 0; i < ad->len; i++) {
    const ac_advice *x = ad->items[i];
    if (!x->e.replaced && day >= x->from && day <= x->to) s->advice[s->nadvice++] = (int)i;
  }
  s->watch = ac_arena_array(a, (size_t)p->ntriage + 1, sizeof(int));
  s->nwatch = 0;
  for (int i = 0; i < p->ntriage; i++) {
    const ac_triage *t = p->triage_sorted[i];
    if (day >= t->from && day <= t->to) s->watch[s->nwatch++] = i;
  }
}

static bool ac_plan_same(const ac_protocol *p, const ac_plan_span *x, const ac_plan_span *y) {
  if (x->session != y->session || x->final != y->final) return false;
  for (int i = 0; i < AC_NACTIVITIES(p); i++)
    if (!ac_seg_same(x->segs[i], y->segs[i])) return false;
  return ac_ints_same(x->phases, x->nphases, y->phases, y->nphases) &&
         ac_ints_same(x->advice, x->nadvice, y->advice, y->nadvice) &&
         ac_ints_same(x->watch, x->nwatch, y->watch, y->nwatch);
}

/* ---- What each span says: what changes on its first day ---- */

/* Whether two segments give a client the same instruction: the same
 * verdict and, when conditional, the same condition (the rules behind it
 * may differ). */
static bool ac_same_instruction(ac_arena *a, const ac_segment *x, const ac_segment *y) {
  ac_verdict vx = x ? x->verdict : AC_UNKNOWN, vy = y ? y->verdict : AC_UNKNOWN;
  if (vx != vy) return false;
  if (vx != AC_CONDITIONAL || x == y) return true;
  const ac_rule *rx = ac_segment_rules(x)[0], *ry = ac_segment_rules(y)[0];
  return rx->holds == ry->holds && rx->otherwise == ry->otherwise &&
         strcmp(ac_seg_condition(a, x), ac_seg_condition(a, y)) == 0;
}

/* The last day of the instruction activity i has on day `day` of span s
 * (see ac_plan_item), from its timeline: the plan's range may end before
 * the instruction does. */
static int32_t ac_until(const ac_plan *plan, ac_arena *a, const ac_plan_span *s, int i, int32_t day) {
  const ac_timeline *t = ac_timeline_for(plan->p, i, s->final);
  int j = ac_timeline_lower(t, day);
  if (j == t->nsegs || t->segs[j].from > day) return AC_DAY_MAX; /* no rule */
  int32_t end = t->segs[j].to;
  while (end != AC_DAY_MAX && j + 1 < t->nsegs && t->segs[j + 1].from == end + 1 &&
         ac_same_instruction(a, &t->segs[j], &t->segs[j + 1]))
    end = t->segs[++j].to;
  /* the days count from 0 again at the next session */
  if (s->session && s->session < plan->nsessions &&
      end >= plan->sessions[s->session] - plan->sessions[s->session - 1] - 1)
    return AC_DAY_MAX;
  return end;
}

static int ac_cmp_still(const void *x, const void *y) {
  const ac_plan_item *a = x, *b = y;
  if (a->until != b->until) return a->until < b->until ? -1 : 1;
  return (a->activity > b->activity) - (a->activity < b->activity);
}

/* Groups the changed activities of s: the same verdict, condition and
 * reason. */
static void ac_group_news(const ac_plan *plan, ac_arena *a, const ac_plan_span *s, ac_plan_news *n) {
  int m = n->nchanged;
  const char **reasons = ac_arena_array(a, (size_t)m + 1, sizeof *reasons);
  const char **conds = ac_arena_array(a, (size_t)m + 1, sizeof *conds);
  bool *used = ac_arena_array(a, (size_t)m + 1, sizeof *used);
  ac_plan_item *items = ac_arena_array(a, (size_t)m + 1, sizeof *items);
  int nitems = 0;
  for (int i = 0; i < m; i++) {
    const ac_segment *seg = s->segs[n->changed[i].activity];
    reasons[i] = ac_seg_reason(a, seg);
    conds[i] = n->changed[i].after == AC_CONDITIONAL ? ac_seg_both(plan, a, seg) : "";
  }
  n->groups = ac_arena_array(a, (size_t)m + 1, sizeof *n->groups);
  n->ngroups = 0;
  for (int vi = 0; vi < AC_NVERDICTS; vi++) {
    ac_verdict v = n->fresh ? ac_verdict_in_plan_order(vi) : ac_verdict_in_change_order(vi);
    for (int i = 0; i < m; i++) {
      if (used[i] || n->changed[i].after != v) continue;
      ac_plan_group *g = &n->groups[n->ngroups++];
      g->verdict = v;
      g->items = items + nitems;
      g->nitems = 0;
      g->condition = conds[i];
      g->reason = reasons[i];
      for (int j = i; j < m; j++) {
        if (used[j] || n->changed[j].after != v || strcmp(reasons[j], reasons[i]) != 0 ||
            strcmp(conds[j], conds[i]) != 0)
          continue;
        used[j] = true;
        items[nitems++] = n->changed[j];
        g->nitems++;
      }
    }
  }
}

/* What span s says; prev is the span before it, fresh whether s gives the
 * whole situation. */
static void ac_plan_news_of(const ac_plan *plan, ac_arena *a, ac_plan_span *s,
                            const ac_plan_span *prev, bool fresh) {
  const ac_protocol *p = plan->p;
  ac_plan_news *n = &s->news;
  int na = AC_NACTIVITIES(p);
  n->fresh = fresh;
  n->changed = ac_arena_array(a, (size_t)na + 1, sizeof *n->changed);
  n->still = ac_arena_array(a, (size_t)na + 1, sizeof *n->still);
  n->nchanged = n->nstill = 0;
  for (int i = 0; i < na; i++) {
    const ac_segment *seg = s->segs[i];
    ac_verdict now = seg ? seg->verdict : AC_UNKNOWN;
    bool changed = fresh ? now != AC_UNKNOWN : !ac_same_instruction(a, prev->segs[i], seg);
    if (!changed && now != AC_FORBIDDEN) continue;
    ac_plan_item it = {i, AC_UNKNOWN, now, AC_DAY_MAX};
    if (!fresh && prev->segs[i]) it.before = prev->segs[i]->verdict;
    if (now != AC_UNKNOWN) it.until = ac_until(plan, a, s, i, s->from);
    if (changed)
      n->changed[n->nchanged++] = it;
    else if (it.until != AC_DAY_MAX)
      n->still[n->nstill++] = it;
  }
  qsort(n->still, (size_t)n->nstill, sizeof *n->still, ac_cmp_still);
  ac_group_news(plan, a, s, n);
  /* Phases and advice where they begin; before the session only what ends
   * before it (getting ready), the rest from day 0.  (Spans do not cross
   * day 0, and a span after it after a span before it is fresh.) */
  n->phases = ac_arena_array(a, (size_t)s->nphases + 1, sizeof(int));
  n->nphases = 0;
  for (int i = 0; i < s->nphases; i++) {
    const ac_phase *x = p->entities[AC_ENT_PHASE].items[s->phases[i]];
    if ((s->from >= 0 || x->to < 0) && (fresh || !ac_in(prev->phases, prev->nphases, s->phases[i])))
      n->phases[n->nphases++] = s->phases[i];
  }
  n->advice = ac_arena_array(a, (size_t)s->nadvice + 1, sizeof(int));
  n->nadvice = 0;
  for (int i = 0; i < s->nadvice; i++) {
    const ac_advice *x = p->entities[AC_ENT_ADVICE].items[s->advice[i]];
    if ((s->from >= 0 || x->to < 0) && (fresh || !ac_in(prev->advice, prev->nadvice, s->advice[i])))
      n->advice[n->nadvice++] = s->advice[i];
  }
}

bool ac_plan_says(const ac_plan_span *s) {
  return s->news.nchanged || s->news.nphases || s->news.nadvice;
}

int ac_plan_part_end(const ac_plan *plan, int k) {
  while (k + 1 < plan->nspans && !ac_plan_says(&plan->spans[k + 1])) k++;
  return k;
}

/* ---- The signs to watch for ---- */

/* Do two rules name the same report (the same symptoms, each reported at
 * the item's lowest intensity: mild when it has none)? */
static bool ac_same_items(const ac_symptom_item *x, const ac_symptom_item *y) {
  for (; x && y; x = x->next, y = y->next)
    if (x->index != y->index || ac_intensity_reported(x->intensity) != ac_intensity_reported(y->intensity))
      return false;
  return !x && !y;
}

static int ac_cmp_day(const void *x, const void *y) {
  int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
  return (a > b) - (a < b);
}

/* The advice of an answer for the sign `items`: of the symptom rules at
 * the answer's level that name exactly these symptoms when there are any
 * (the sign's own advice), else of all the rules at that level; joined. */
static const char *ac_answer_advice(ac_arena *a, const ac_triage_answer *ans,
                                    const ac_symptom_item *items) {
  const char *s = "";
  for (int own = 1; own >= 0 && !*s; own--)
    for (int i = 0; i < ans->nfired; i++) {
      const ac_triage *f = ans->fired[i];
      const char *t = f->advice;
      if (f->level != ans->level || !t || strstr(s, t)) continue;
      if (own && !ac_same_items(f->items, items)) continue;
      s = *s ? ac_arena_printf(a, "%s %s", s, t) : t;
    }
  return s;
}

/* The highest level of the symptoms of r, each reported alone on r's day. */
static ac_level ac_worst_alone(const ac_protocol *p, ac_arena *scratch, const ac_request *r) {
  ac_level worst = AC_LEVEL_UNKNOWN;
  for (int i = 0; i < r->nsymptoms; i++) {
    ac_request one = *r;
    one.symptoms = &r->symptoms[i];
    one.intensities = &r->intensities[i];
    one.nsymptoms = 1;
    ac_triage_answer ans;
    ac_eval_symptoms(p, scratch, &one, &ans);
    if (ans.level > worst) worst = ans.level;
  }
  return worst;
}

/* One sign: for each run of days between the days on which a symptom rule
 * starts or stops (cuts), what a client reporting exactly the symptoms of
 * rule t hears (the triage of a `symptoms` query, evaluated in the arena
 * scratch); runs with the same level and advice joined, and only those the
 * days lo..hi meet kept. */
static void ac_plan_sign_of(const ac_protocol *p, ac_arena *a, ac_arena *scratch,
                            const ac_triage *t, const int32_t *cuts, int ncuts, int32_t lo,
                            int32_t hi, ac_plan_sign *sign) {
  ac_request r;
  memset(&r, 0, sizeof r);
  r.kind = AC_Q_SYMPTOMS;
  r.symptoms = ac_arena_array(a, (size_t)t->nitems + 1, sizeof *r.symptoms);
  r.intensities = ac_arena_array(a, (size_t)t->nitems + 1, sizeof *r.intensities);
  for (const ac_symptom_item *it = t->items; it; it = it->next) {
    r.symptoms[r.nsymptoms] = it->index;
    r.intensities[r.nsymptoms++] = it->intensity;
  }
  sign->rule = t;
  sign->days = ac_arena_array(a, (size_t)ncuts, sizeof *sign->days);
  sign->ndays = 0;
  for (int c = 0; c < ncuts; c++) {
    int32_t from = cuts[c], to = c + 1 < ncuts ? cuts[c + 1] - 1 : AC_DAY_MAX;
    ac_triage_answer ans;
    r.day = from;
    ac_eval_symptoms(p, scratch, &r, &ans);
    /* A sign of several symptoms tells nothing new on days where it is no
     * more severe than one of them alone (each has its own row): left out
     * there. */
    if (r.nsymptoms > 1 && ac_worst_alone(p, scratch, &r) >= ans.level) ans.level = AC_LEVEL_UNKNOWN;
    const char *advice = ac_answer_advice(a, &ans, t->items);
    ac_arena_reset(scratch);
    ac_plan_sign_days *last = sign->ndays ? &sign->days[sign->ndays - 1] : NULL;
    if (last && last->to == from - 1 && last->level == ans.level && strcmp(last->advice, advice) == 0)
      last->to = to;
    else
      sign->days[sign->ndays++] = (ac_plan_sign_days){from, to, ans.level, advice};
  }
  int kept = 0;
  for (int i = 0; i < sign->ndays; i++) {
    const ac_plan_sign_days *d = &sign->days[i];
    if (d->level != AC_LEVEL_UNKNOWN && d->to >= lo && d->from <= hi) sign->days[kept++] = *d;
  }
  sign->ndays = kept;
}

/* Whether two signs give the same days, levels and advice. */
static bool ac_same_sign_days(const ac_plan_sign *x, const ac_plan_sign *y) {
  if (x->ndays != y->ndays) return false;
  for (int j = 0; j < x->ndays; j++) {
    const ac_plan_sign_days *a = &x->days[j], *b = &y->days[j];
    if (a->from != b->from || a->to != b->to || a->level != b->level || strcmp(a->advice, b->advice))
      return false;
  }
  return true;
}

/* The table of signs: one per distinct set of symptoms a symptom rule
 * names, most severe first, over the days from day 0 on that the plan
 * covers. */
static void ac_plan_signs(ac_plan *plan, ac_arena *a) {
  const ac_protocol *p = plan->p;
  int32_t lo = AC_DAY_MAX, hi = -1;
  for (int k = 0; k < plan->nspans; k++) {
    const ac_plan_span *s = &plan->spans[k];
    if (s->to < 0) continue;
    int32_t f = s->from < 0 ? 0 : s->from;
    if (f < lo) lo = f;
    if (s->to > hi) hi = s->to;
  }
  plan->signs = ac_arena_array(a, (size_t)p->ntriage + 1, sizeof *plan->signs);
  plan->nsigns = 0;
  if (hi < 0) return;
  int32_t *cuts = ac_arena_array(a, 2 * (size_t)p->ntriage + 1, sizeof *cuts);
  int ncuts = 0;
  cuts[ncuts++] = AC_DAY_MIN;
  for (int i = 0; i < p->ntriage; i++) {
    const ac_triage *t = p->triage_sorted[i];
    if (t->from != AC_DAY_MIN) cuts[ncuts++] = t->from;
    if (t->to != AC_DAY_MAX) cuts[ncuts++] = t->to + 1;
  }
  qsort(cuts, (size_t)ncuts, sizeof *cuts, ac_cmp_day);
  int n = 0;
  for (int i = 0; i < ncuts; i++)
    if (!n || cuts[i] != cuts[n - 1]) cuts[n++] = cuts[i];
  ncuts = n;
  ac_arena *scratch = ac_arena_new();
  for (int i = 0; i < p->ntriage; i++) {
    const ac_triage *t = p->triage_sorted[i];
    bool seen = false;
    for (int j = 0; j < plan->nsigns && !seen; j++) seen = ac_same_items(plan->signs[j].rule->items, t->items);
    if (seen) continue;
    ac_plan_sign_of(p, a, scratch, t, cuts, ncuts, lo, hi, &plan->signs[plan->nsigns]);
    if (plan->signs[plan->nsigns].ndays) plan->nsigns++;
  }
  ac_arena_free(scratch);
  /* Signs that say the same (days, levels, advice) are put together, at
   * the first one's place: the leaflet gives them one row. */
  for (int i = 0; i < plan->nsigns; i++) {
    int next = i + 1;
    for (int j = i + 1; j < plan->nsigns; j++) {
      if (!ac_same_sign_days(&plan->signs[i], &plan->signs[j])) continue;
      ac_plan_sign moved = plan->signs[j];
      memmove(&plan->signs[next + 1], &plan->signs[next], (size_t)(j - next) * sizeof moved);
      plan->signs[next++] = moved;
    }
    i = next - 1;
  }
}

bool ac_plan_build(ac_plan *plan, const ac_protocol *p, ac_arena *a,
                   const aftercare_plan_options *o, const char **why) {
  memset(plan, 0, sizeof *plan);
  ac_plan_language(plan, a, o->language);
  plan->p = p;
  plan->sessions = o->sessions;
  plan->nsessions = o->sessions ? o->nsessions : 0;
  int64_t from = o->has_from ? o->from : ac_first_day(p);
  int64_t to = o->has_to ? o->to : p->horizon;
  plan->from = (int32_t)(from < -AC_PLAN_MAX_DAYS ? -AC_PLAN_MAX_DAYS : from);
  plan->to = (int32_t)(to > AC_PLAN_MAX_DAYS ? AC_PLAN_MAX_DAYS : to);
  for (int i = 1; i < plan->nsessions; i++)
    if (plan->sessions[i] <= plan->sessions[i - 1]) {
      *why = _("the session dates must be distinct and in order");
      return false;
    }
  /* positions: days (no sessions) or calendar days */
  int64_t first = plan->nsessions ? plan->sessions[0] + (int64_t)from : from;
  int64_t last = plan->nsessions ? plan->sessions[plan->nsessions - 1] + (int64_t)to : to;
  if (last < first) {
    *why = _("the plan's range is empty: --from is after --to");
    return false;
  }
  if (last - first >= AC_PLAN_MAX_DAYS) {
    *why = _("the plan would cover more than 4000 days: narrow it with --from and --to");
    return false;
  }
  int n = (int)(last - first + 1);
  plan->spans = ac_arena_array(a, (size_t)n, sizeof *plan->spans);
  ac_plan_span cur;
  for (int k = 0; k < n; k++) {
    long pos = (long)(first + k);
    int session = 0;
    int32_t day = (int32_t)pos;
    bool final = true;
    if (plan->nsessions) {
      int j = 0;
      while (j + 1 < plan->nsessions && plan->sessions[j + 1] <= pos) j++;
      session = j + 1;
      day = (int32_t)(pos - plan->sessions[j]);
      final = session == plan->nsessions;
    }
    memset(&cur, 0, sizeof cur);
    cur.session = session;
    cur.final = final;
    ac_plan_day(p, a, day, final, &cur);
    ac_plan_span *prev = plan->nspans ? &plan->spans[plan->nspans - 1] : NULL;
    if (prev && day != 0 && ac_plan_same(p, prev, &cur)) {
      prev->to = day;
      prev->date_to = pos;
      continue;
    }
    cur.from = cur.to = day;
    cur.date_from = cur.date_to = pos;
    plan->spans[plan->nspans++] = cur;
  }
  /* A span gives the whole situation when it starts the plan, a session or
   * the days after the session, or follows spans that say nothing since. */
  bool fresh = true;
  for (int k = 0; k < plan->nspans; k++) {
    ac_plan_span *s = &plan->spans[k], *prev = k ? &plan->spans[k - 1] : NULL;
    if (prev && (prev->session != s->session || (prev->to < 0 && s->from >= 0))) fresh = true;
    ac_plan_news_of(plan, a, s, prev, fresh);
    if (ac_plan_says(s)) fresh = false;
  }
  ac_plan_signs(plan, a);
  return true;
}

/* ---- What a part of the leaflet says, in words ---- */

/* An activity and when its instruction ends: "go swimming (until day
 * 30)". */
static const char *ac_item_text(const ac_plan *plan, ac_arena *a, const ac_protocol *p, const ac_plan_item *it, int32_t day) {
  return ac_arena_printf(a, "%s%s", ac_activity_label(AC_ACTIVITY(p, it->activity)),
                         ac_until_text(plan, a, day, it->until));
}

/* Whether the instructions of the activities of g all end on one day. */
static bool ac_group_ends_together(const ac_plan_group *g) {
  for (int i = 1; i < g->nitems; i++)
    if (g->items[i].until != g->items[0].until) return false;
  return true;
}

/* The activities of a group with their ends, and its condition: "go
 * swimming; use a sauna (until day 30)" (one end when they share it), "go
 * swimming (until day 30); touch the scalp (until day 3)". */
static const char *ac_group_text(const ac_plan *plan, ac_arena *a, const ac_protocol *p, const ac_plan_group *g,
                                 int32_t day) {
  const char *s = "";
  bool together = ac_group_ends_together(g);
  for (int i = 0; i < g->nitems; i++)
    s = ac_arena_printf(a, "%s%s%s", s, i ? ac_list_sep(plan) : "",
                        together && i + 1 < g->nitems
                            ? ac_activity_label(AC_ACTIVITY(p, g->items[i].activity))
                            : ac_item_text(plan, a, p, &g->items[i], day));
  if (*g->condition) s = ac_arena_printf(a, "%s (%s)", s, g->condition);
  return s;
}

/* The heading of a group's verdict in span s. */
static const char *ac_group_heading(const ac_plan *plan, ac_arena *a, const ac_plan_span *s, const ac_plan_group *g) {
  return s->news.fresh ? _(ac_verdict_heading(g->verdict)) : ac_change_heading(plan, a, g->verdict, s->from);
}

/* Whether group g of span s starts (or ends) the groups of its verdict. */
static bool ac_group_first(const ac_plan_news *n, int g) {
  return g == 0 || n->groups[g].verdict != n->groups[g - 1].verdict;
}
static bool ac_group_last(const ac_plan_news *n, int g) {
  return g + 1 == n->ngroups || n->groups[g + 1].verdict != n->groups[g].verdict;
}

/* The reminder of what is still forbidden comes in runs of activities
 * forbidden until the same day: "Still forbidden until day 3: touch the
 * scalp; rinse the scalp with plain water. Until day 30: go swimming."
 * ac_still_run gives the heading and the activities of the run starting at
 * still[*i], and moves *i past it. */
static void ac_still_run(const ac_plan *plan, ac_arena *a, const ac_protocol *p, const ac_plan_span *s, int *i,
                         const char **heading, const char **names) {
  const ac_plan_news *n = &s->news;
  int32_t until = n->still[*i].until;
  bool first = *i == 0;
  if (until == s->from)
    *heading = first ? ac_arena_printf(a, _("Still forbidden on day %ld only"), (long)until)
                     : ac_arena_printf(a, _("On day %ld only"), (long)until);
  else
    *heading = first ? ac_arena_printf(a, _("Still forbidden until day %ld"), (long)until)
                     : ac_arena_printf(a, _("Until day %ld"), (long)until);
  *names = "";
  int j = *i;
  for (; j < n->nstill && n->still[j].until == until; j++) {
    *names = ac_arena_printf(a, "%s%s%s", *names, j > *i ? ac_list_sep(plan) : "",
                             ac_activity_label(AC_ACTIVITY(p, n->still[j].activity)));
  }
  /* Every activity still forbidden was named, with its last day, by a
   * part before (as forbidden then, or as still forbidden): a run of more
   * than three is counted, not listed again. */
  if (j - *i > 3)
    *names = ac_arena_printf(a, _("the %d activities listed before"), j - *i); /* more than 3 */
  *i = j;
}

/* ---- Text and Markdown ---- */

static void ac_text_heading(const ac_plan *plan, const char *h, bool md, FILE *out) {
  if (md)
    fprintf(out, "**%s**\n\n", h);
  else
    fprintf(out, "%s%s\n", h, ac_colon_end(plan));
}

/* The body of the part of the leaflet that starts at span s. */
static void ac_text_part(const ac_plan *plan, ac_arena *a, const ac_plan_span *s, bool md, FILE *out) {
  const ac_protocol *p = plan->p;
  const ac_plan_news *n = &s->news;
  for (int g = 0; g < n->ngroups; g++) {
    const ac_plan_group *gr = &n->groups[g];
    if (ac_group_first(n, g)) ac_text_heading(plan, ac_group_heading(plan, a, s, gr), md, out);
    fprintf(out, md ? "- %s" : "  - %s", ac_group_text(plan, a, p, gr, s->from));
    if (*gr->reason) fprintf(out, "%s%s", ac_colon(plan), gr->reason);
    fputc('\n', out);
    if (md && ac_group_last(n, g)) fputc('\n', out);
  }
  if (n->nphases) ac_text_heading(plan, _("Phases"), md, out);
  for (int i = 0; i < n->nphases; i++) {
    const ac_phase *ph = p->entities[AC_ENT_PHASE].items[n->phases[i]];
    fprintf(out, md ? "- *%s* (%s)\n" : "  %s (%s)\n", ac_phase_title(ph), ac_days_text(plan, a, ph->from, ph->to));
    for (const ac_guidance *g = ph->guidance; g; g = g->next)
      if (g->kind <= AC_GUIDE_WHY)
        fprintf(out, md ? "  - %s%s%s\n" : "    %s%s%s\n", ac_guidance_heading(plan, g->kind), ac_colon(plan), g->text.text);
  }
  if (n->nphases && md) fputc('\n', out);
  if (n->nadvice) ac_text_heading(plan, _("Advice"), md, out);
  for (int i = 0; i < n->nadvice; i++) {
    const ac_advice *ad = p->entities[AC_ENT_ADVICE].items[n->advice[i]];
    fprintf(out, md ? "- %s\n" : "  - %s\n", ad->text);
  }
  if (n->nadvice && md) fputc('\n', out);
  for (int i = 0; i < n->nstill;) {
    const char *heading, *names;
    bool first = i == 0;
    ac_still_run(plan, a, p, s, &i, &heading, &names);
    if (!first) fputc(' ', out);
    fprintf(out, md ? "**%s%s** %s." : "%s%s%s.", heading, md ? ac_colon_end(plan) : ac_colon(plan), names);
  }
  if (n->nstill) fputs(md ? "\n\n" : "\n", out);
}

/* A table cell of Markdown: '|' escaped. */
static void ac_md_cell(const char *s, FILE *out) {
  for (; *s; s++) {
    if (*s == '|') fputc('\\', out);
    fputc(*s, out);
  }
}

/* The signs from plan->signs[*i] on that give the same days, levels and
 * advice are one row of the table: their names joined ("redness with
 * swelling; unusual discharge"). Moves *i to the row's last sign. */
static const char *ac_sign_row(const ac_plan *plan, ac_arena *a, int *i) {
  const char *what = ac_watch_symptoms(plan, a, plan->p, plan->signs[*i].rule);
  while (*i + 1 < plan->nsigns && ac_same_sign_days(&plan->signs[*i], &plan->signs[*i + 1])) {
    ++*i;
    what = ac_arena_printf(a, "%s%s%s", what, ac_list_sep(plan), ac_watch_symptoms(plan, a, plan->p, plan->signs[*i].rule));
  }
  return what;
}

static void ac_text_signs(const ac_plan *plan, ac_arena *a, bool md, FILE *out) {
  if (!plan->nsigns) return;
  if (md)
    fprintf(out, "## %s\n\n%s\n\n| %s | %s | %s | %s |\n|---|---|---|---|\n", _("Signs to watch for"),
            ac_signs_days_text(plan), _("Sign"), _("Days"), _("What it means"), _("What to do"));
  else
    fprintf(out, "\n== %s ==\n%s\n", _("Signs to watch for"), ac_signs_days_text(plan));
  for (int i = 0; i < plan->nsigns; i++) {
    const ac_plan_sign *sign = &plan->signs[i];
    const char *what = ac_sign_row(plan, a, &i);
    if (!md) fprintf(out, "%s%s\n", what, ac_colon_end(plan));
    for (int j = 0; j < sign->ndays; j++) {
      const ac_plan_sign_days *d = &sign->days[j];
      const char *days = ac_days_text(plan, a, d->from, d->to);
      if (!md) {
        fprintf(out, "  - %s (%s)", days, ac_level_word(plan, d->level));
        if (*d->advice) fprintf(out, "%s%s", ac_colon(plan), d->advice);
        fputc('\n', out);
        continue;
      }
      fputs("| ", out);
      if (j == 0) ac_md_cell(what, out);
      fputs(" | ", out);
      ac_md_cell(days, out);
      fputs(" | ", out);
      ac_md_cell(ac_level_word(plan, d->level), out);
      fputs(" | ", out);
      ac_md_cell(d->advice, out);
      fputs(" |\n", out);
    }
  }
  if (md) fputc('\n', out);
}

static void ac_render_text(const ac_plan *plan, ac_arena *a, bool md, FILE *out) {
  const ac_protocol *p = plan->p;
  if (md)
    fprintf(out, "# %s\n\n", ac_plan_title(p));
  else
    fprintf(out, _("Aftercare plan: %s\n"), ac_plan_title(p));
  if (md) fprintf(out, "%s\n\n", _("Aftercare plan, day by day."));
  if (plan->nsessions)
    fprintf(out, md ? "%s%s%s\n\n" : "%s%s%s\n", _("Sessions"), ac_colon(plan), ac_sessions_text(plan, a));
  fprintf(out, md ? "%s\n\n%s\n\n" : "%s\n%s\n", ac_intro_text(plan), ac_ask_text(plan));
  for (int k = 0; k < plan->nspans; k++) {
    const ac_plan_span *s = &plan->spans[k];
    if (!ac_plan_says(s)) continue;
    const char *title = ac_plan_days_title(plan, a, s, &plan->spans[ac_plan_part_end(plan, k)]);
    if (md)
      fprintf(out, "## %s\n\n", title);
    else
      fprintf(out, "\n== %s ==\n", title);
    ac_text_part(plan, a, s, md, out);
  }
  ac_text_signs(plan, a, md, out);
}

/* ---- HTML: one self-contained page ---- */

static void ac_html(const char *s, FILE *out) {
  for (; *s; s++) {
    switch (*s) {
    case '&': fputs("&amp;", out); break;
    case '<': fputs("&lt;", out); break;
    case '>': fputs("&gt;", out); break;
    case '"': fputs("&quot;", out); break;
    default: fputc(*s, out);
    }
  }
}

/* <TAG class="CLASS">TEXT</TAG>, the class left out when NULL. */
static void ac_html_elem(const char *tag, const char *cls, const char *text, FILE *out) {
  fprintf(out, "<%s", tag);
  if (cls) fprintf(out, " class=\"%s\"", cls);
  fputc('>', out);
  ac_html(text, out);
  fprintf(out, "</%s>\n", tag);
}

static const char *const ac_verdict_class[] = {
    [AC_FORBIDDEN] = "forbidden", [AC_CONDITIONAL] = "conditional",
    [AC_DISCOURAGED] = "discouraged", [AC_ALLOWED] = "allowed",
    [AC_RECOMMENDED] = "recommended", [AC_UNKNOWN] = "unknown",
};

static const char *const ac_level_class[] = {
    [AC_LEVEL_UNKNOWN] = "unknown", [AC_LEVEL_NORMAL] = "normal",
    [AC_LEVEL_MONITOR] = "monitor", [AC_LEVEL_URGENT] = "urgent",
};

/* Printed: A4, 10.5-point text in Arial or a font of its metrics (the
 * page count does not depend on the fallback font of the machine that
 * prints), the days in two columns, the table of signs across the page,
 * compact spacing: the standard leaflet with one session on four pages. */
static const char ac_html_style[] =
    "*{box-sizing:border-box}"
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;"
    "line-height:1.4;color:#111;background:#fff;margin:0 auto;max-width:46rem;padding:1rem;"
    "font-size:1rem;overflow-wrap:break-word}"
    "h1{font-size:1.5em;margin:0 0 .25rem}"
    "h2{font-size:1.1em;margin:0;padding:.1em .4em;background:#eef2f5;border-left:.3em solid #345}"
    "h3{font-size:1em;margin:.3em 0 0}"
    "p{margin:.2em 0}p.meta{color:#333}"
    "section{margin:1em 0;border:1px solid #ccd;border-radius:.3em;padding:0 0 .3em}"
    "section>*:not(h2){margin-left:.5em;margin-right:.5em}"
    "ul{padding-left:1em;margin:0}"
    "li{margin:0}ul.guide,ul.guide li{display:inline;padding:0}ul.guide li:before{content:' '}"
    "h3.forbidden{color:#a00}h3.conditional{color:#850}h3.discouraged{color:#850}"
    "h3.recommended{color:#060}h3.allowed{color:#060}h3.unknown{color:#555}"
    ".why{color:#333}p.still{color:#333}"
    "section>table{border-collapse:collapse;width:100%;margin:.3em 0;table-layout:fixed}"
    "th,td{border:1px solid #ccd;padding:.15em .35em;text-align:left;vertical-align:top}"
    "thead th{background:#eef2f5}th.sign{width:25%}th.when{width:13%}"
    "span.sep{display:none}"
    ".urgent{color:#a00;font-weight:bold}.monitor{color:#850}.normal{color:#060}"
    "@media print{body{font-family:Arial,Helvetica,'Liberation Sans',sans-serif;max-width:none;"
    "padding:0;font-size:10.5pt;line-height:1.12}"
    "h2{break-inside:avoid;break-after:avoid;page-break-after:avoid;-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    "h3{break-after:avoid;page-break-after:avoid}li,tr{break-inside:avoid}"
    "section{margin:.35em 0 0;border:none;border-radius:0}h3{margin:.2em 0 0}"
    "div.days{column-count:2;column-gap:5mm}"
    /* printed, the table of signs flows in two columns too: a sign, then
       its days, each on a line of its own */
    "section.signs table{display:block;column-count:2;column-gap:5mm;border:none}"
    "section.signs thead{display:none}section.signs tbody,section.signs tr{display:block}"
    "section.signs tr{break-inside:avoid;padding:0}"
    "section.signs th{display:block;border:none;border-top:1px solid #ccd;padding:.1em 0 0}"
    "section.signs td{display:inline;border:none;padding:0}"
    "section.signs span.sep{display:inline}}"
    "@page{size:A4;margin:7mm}";

static void ac_html_part(const ac_plan *plan, ac_arena *a, const ac_plan_span *s, FILE *out) {
  const ac_protocol *p = plan->p;
  const ac_plan_news *n = &s->news;
  for (int g = 0; g < n->ngroups; g++) {
    const ac_plan_group *gr = &n->groups[g];
    if (ac_group_first(n, g)) {
      ac_html_elem("h3", ac_verdict_class[gr->verdict], ac_group_heading(plan, a, s, gr), out);
      fputs("<ul>\n", out);
    }
    fputs("<li>", out);
    bool together = ac_group_ends_together(gr);
    for (int i = 0; i < gr->nitems; i++) {
      const ac_plan_item *it = &gr->items[i];
      const char *until = together && i + 1 < gr->nitems ? "" : ac_until_text(plan, a, s->from, it->until);
      if (i) ac_html(ac_list_sep(plan), out);
      fputs("<strong>", out);
      ac_html(ac_activity_label(AC_ACTIVITY(p, it->activity)), out);
      fputs("</strong>", out);
      if (*until) {
        fputs("<span class=\"until\">", out);
        ac_html(until, out);
        fputs("</span>", out);
      }
    }
    if (*gr->condition) ac_html(ac_arena_printf(a, " (%s)", gr->condition), out);
    if (*gr->reason) {
      ac_html(ac_colon(plan), out);
      fputs("<span class=\"why\">", out);
      ac_html(gr->reason, out);
      fputs("</span>", out);
    }
    fputs("</li>\n", out);
    if (ac_group_last(n, g)) fputs("</ul>\n", out);
  }
  if (n->nphases) {
    ac_html_elem("h3", NULL, _("Phases"), out);
    fputs("<ul>\n", out);
  }
  for (int i = 0; i < n->nphases; i++) {
    const ac_phase *ph = p->entities[AC_ENT_PHASE].items[n->phases[i]];
    fputs("<li><strong>", out);
    ac_html(ac_phase_title(ph), out);
    fputs("</strong> (", out);
    ac_html(ac_days_text(plan, a, ph->from, ph->to), out);
    fputs(")<ul class=\"guide\">\n", out);
    for (const ac_guidance *g = ph->guidance; g; g = g->next) {
      if (g->kind > AC_GUIDE_WHY) continue;
      fputs("<li><em>", out);
      ac_html(ac_guidance_heading(plan, g->kind), out);
      ac_html(ac_colon(plan), out);
      fputs("</em>", out);
      ac_html(g->text.text, out);
      fputs("</li>\n", out);
    }
    fputs("</ul></li>\n", out);
  }
  if (n->nphases) fputs("</ul>\n", out);
  if (n->nadvice) {
    ac_html_elem("h3", NULL, _("Advice"), out);
    fputs("<ul>\n", out);
  }
  for (int i = 0; i < n->nadvice; i++)
    ac_html_elem("li", NULL, ((const ac_advice *)p->entities[AC_ENT_ADVICE].items[n->advice[i]])->text, out);
  if (n->nadvice) fputs("</ul>\n", out);
  if (n->nstill) fputs("<p class=\"still\">", out);
  for (int i = 0; i < n->nstill;) {
    const char *heading, *names;
    bool first = i == 0;
    ac_still_run(plan, a, p, s, &i, &heading, &names);
    fputs(first ? "<strong>" : " <strong>", out);
    ac_html(heading, out);
    ac_html(ac_colon(plan), out);
    fputs("</strong>", out);
    ac_html(names, out);
    fputc('.', out);
  }
  if (n->nstill) fputs("</p>\n", out);
}

static void ac_html_signs(const ac_plan *plan, ac_arena *a, FILE *out) {
  if (!plan->nsigns) return;
  fputs("<section class=\"signs\">\n", out);
  ac_html_elem("h2", NULL, _("Signs to watch for"), out);
  ac_html_elem("p", NULL, ac_signs_days_text(plan), out);
  fputs("<table>\n<thead><tr>", out);
  const char *heads[] = {_("Sign"), _("When"), _("What it means, and what to do")};
  const char *classes[] = {"sign", "when", "what"};
  for (int i = 0; i < 3; i++) {
    fprintf(out, "<th class=\"%s\">", classes[i]);
    ac_html(heads[i], out);
    fputs("</th>", out);
  }
  fputs("</tr></thead>\n<tbody>\n", out);
  for (int i = 0; i < plan->nsigns; i++) {
    const ac_plan_sign *sign = &plan->signs[i];
    const char *what = ac_sign_row(plan, a, &i);
    for (int j = 0; j < sign->ndays; j++) {
      const ac_plan_sign_days *d = &sign->days[j];
      fputs("<tr>", out);
      if (j == 0) {
        if (sign->ndays > 1) fprintf(out, "<th rowspan=\"%d\">", sign->ndays);
        else fputs("<th>", out);
        ac_html(what, out);
        fputs("</th>", out);
      }
      fputs("<td class=\"when\">", out);
      ac_html(ac_days_text(plan, a, d->from, d->to), out);
      fputs("<span class=\"sep\">", out); /* shown when printed (a line, not a table) */
      ac_html(ac_colon(plan), out);
      fprintf(out, "</span></td><td><span class=\"%s\">", ac_level_class[d->level]);
      ac_html(ac_level_word(plan, d->level), out);
      fputs("</span>", out);
      if (*d->advice) {
        ac_html(ac_colon(plan), out);
        ac_html(d->advice, out);
      }
      fputs("</td></tr>\n", out);
    }
  }
  fputs("</tbody>\n</table>\n</section>\n", out);
}

static void ac_render_html(const ac_plan *plan, ac_arena *a, FILE *out) {
  const ac_protocol *p = plan->p;
  const char *lang = ac_protocol_field(p, AC_FIELD_LANGUAGE);
  fputs("<!DOCTYPE html>\n<html lang=\"", out);
  ac_html(lang ? lang : "en", out);
  fputs("\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
        out);
  ac_html(ac_plan_title(p), out);
  fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n", ac_html_style);
  ac_html_elem("h1", NULL, ac_plan_title(p), out);
  ac_html_elem("p", "meta", _("Aftercare plan, day by day."), out);
  if (plan->nsessions)
    ac_html_elem("p", "meta", ac_arena_printf(a, "%s%s%s", _("Sessions"), ac_colon(plan), ac_sessions_text(plan, a)),
                 out);
  ac_html_elem("p", "meta", ac_intro_text(plan), out);
  ac_html_elem("p", "meta", ac_ask_text(plan), out);
  fputs("<div class=\"days\">\n", out);
  for (int k = 0; k < plan->nspans; k++) {
    const ac_plan_span *s = &plan->spans[k];
    if (!ac_plan_says(s)) continue;
    fputs("<section>\n", out);
    ac_html_elem("h2", NULL, ac_plan_days_title(plan, a, s, &plan->spans[ac_plan_part_end(plan, k)]), out);
    ac_html_part(plan, a, s, out);
    fputs("</section>\n", out);
  }
  fputs("</div>\n", out);
  ac_html_signs(plan, a, out);
  fputs("</main>\n</body>\n</html>\n", out);
}

/* ---- JSON ---- */

static json_t *ac_json_day(int32_t day) {
  return day == AC_DAY_MIN || day == AC_DAY_MAX ? json_null() : json_integer(day);
}

/* What a leaflet says on the span's first day (docs/plan.md). */
static json_t *ac_json_news(const ac_protocol *p, const ac_plan_news *n) {
  json_t *o = json_object();
  json_object_set_new(o, "fresh", json_boolean(n->fresh));
  json_t *acts = json_array();
  for (int i = 0; i < n->nchanged; i++) {
    const ac_plan_item *it = &n->changed[i];
    json_t *ao = json_object();
    json_object_set_new(ao, "activity", json_string(AC_ACTIVITY(p, it->activity)->e.name));
    json_object_set_new(ao, "before", n->fresh ? json_null() : json_string(ac_verdict_name(it->before)));
    json_object_set_new(ao, "verdict", json_string(ac_verdict_name(it->after)));
    json_object_set_new(ao, "until", ac_json_day(it->until));
    json_array_append_new(acts, ao);
  }
  json_object_set_new(o, "activities", acts);
  json_t *still = json_array();
  for (int i = 0; i < n->nstill; i++) {
    json_t *so = json_object();
    json_object_set_new(so, "activity", json_string(AC_ACTIVITY(p, n->still[i].activity)->e.name));
    json_object_set_new(so, "until", json_integer(n->still[i].until));
    json_array_append_new(still, so);
  }
  json_object_set_new(o, "still_forbidden", still);
  json_t *ps = json_array();
  for (int i = 0; i < n->nphases; i++)
    json_array_append_new(ps, json_string(((const ac_phase *)p->entities[AC_ENT_PHASE].items[n->phases[i]])->e.name));
  json_object_set_new(o, "phases", ps);
  json_t *as = json_array();
  for (int i = 0; i < n->nadvice; i++)
    json_array_append_new(as, json_string(((const ac_advice *)p->entities[AC_ENT_ADVICE].items[n->advice[i]])->e.name));
  json_object_set_new(o, "advice", as);
  return o;
}

static json_t *ac_json_span(const ac_plan *plan, ac_arena *a, const ac_plan_span *s) {
  const ac_protocol *p = plan->p;
  json_t *o = json_object();
  json_object_set_new(o, "from", json_integer(s->from));
  json_object_set_new(o, "to", json_integer(s->to));
  if (plan->nsessions) {
    json_object_set_new(o, "session", json_integer(s->session));
    json_object_set_new(o, "final", json_boolean(s->final));
    json_object_set_new(o, "from_date", json_string(ac_iso_date(a, s->date_from)));
    json_object_set_new(o, "to_date", json_string(ac_iso_date(a, s->date_to)));
  }
  json_t *acts = json_object();
  for (int vi = 0; vi < AC_NVERDICTS; vi++) {
    ac_verdict v = ac_verdict_in_plan_order(vi);
    json_t *list = json_array();
    for (int i = 0; i < AC_NACTIVITIES(p); i++) {
      const ac_segment *seg = s->segs[i];
      if ((seg ? seg->verdict : AC_UNKNOWN) != v) continue;
      const ac_activity *act = AC_ACTIVITY(p, i);
      json_t *ao = json_object();
      json_object_set_new(ao, "activity", json_string(act->e.name));
      json_object_set_new(ao, "label", json_string(ac_activity_label(act)));
      if (v == AC_CONDITIONAL) {
        json_object_set_new(ao, "condition", json_string(ac_seg_condition(a, seg)));
        const ac_rule *first = ac_segment_rules(seg)[0];
        json_object_set_new(ao, "if_holds", json_string(ac_verdict_name(first->holds)));
        json_object_set_new(ao, "otherwise", json_string(ac_verdict_name(first->otherwise)));
      }
      json_t *rs = json_array();
      for (int r = 0; seg && r < seg->nrules; r++)
        if (ac_segment_rules(seg)[r]->because) json_array_append_new(rs, json_string(ac_segment_rules(seg)[r]->because));
      json_object_set_new(ao, "reasons", rs);
      json_array_append_new(list, ao);
    }
    json_object_set_new(acts, ac_verdict_name(v), list);
  }
  json_object_set_new(o, "activities", acts);
  json_t *ps = json_array();
  for (int i = 0; i < s->nphases; i++) {
    const ac_phase *ph = p->entities[AC_ENT_PHASE].items[s->phases[i]];
    json_array_append_new(ps, ac_output_phase_json(ph, false));
  }
  json_object_set_new(o, "phases", ps);
  json_t *as = json_array();
  for (int i = 0; i < s->nadvice; i++)
    json_array_append_new(as, json_string(((const ac_advice *)p->entities[AC_ENT_ADVICE].items[s->advice[i]])->text));
  json_object_set_new(o, "advice", as);
  json_t *ws = json_array();
  for (int i = 0; i < s->nwatch; i++) {
    const ac_triage *t = p->triage_sorted[s->watch[i]];
    json_t *wo = json_object();
    json_object_set_new(wo, "rule", json_string(t->e.name));
    json_t *syms = json_array();
    for (const ac_symptom_item *it = t->items; it; it = it->next) {
      const ac_symptom *sym = p->entities[AC_ENT_SYMPTOM].items[it->index];
      json_array_append_new(syms, json_string(sym->e.name));
    }
    json_object_set_new(wo, "symptoms", syms);
    json_object_set_new(wo, "level", json_string(ac_level_name(t->level)));
    json_object_set_new(wo, "advice", t->advice ? json_string(t->advice) : json_null());
    json_array_append_new(ws, wo);
  }
  json_object_set_new(o, "watch", ws);
  json_object_set_new(o, "changes", ac_json_news(p, &s->news));
  return o;
}

/* The table of signs: its symptoms (with intensities, as a `symptoms`
 * answer gives them) and its days. */
static json_t *ac_json_signs(const ac_plan *plan, ac_arena *a) {
  const ac_protocol *p = plan->p;
  json_t *list = json_array();
  for (int i = 0; i < plan->nsigns; i++) {
    const ac_plan_sign *sign = &plan->signs[i];
    json_t *o = json_object();
    json_object_set_new(o, "sign", json_string(ac_watch_symptoms(plan, a, p, sign->rule)));
    json_t *ss = json_array(), *is = json_array();
    for (const ac_symptom_item *it = sign->rule->items; it; it = it->next) {
      json_array_append_new(ss, json_string(((const ac_symptom *)p->entities[AC_ENT_SYMPTOM].items[it->index])->e.name));
      json_array_append_new(is, it->intensity == AC_INTENSITY_SEVERE     ? json_string("severe")
                                : it->intensity == AC_INTENSITY_MODERATE ? json_string("moderate")
                                : it->intensity == AC_INTENSITY_MILD     ? json_string("mild")
                                                                          : json_null());
    }
    json_object_set_new(o, "symptoms", ss);
    json_object_set_new(o, "intensities", is);
    json_t *days = json_array();
    for (int j = 0; j < sign->ndays; j++) {
      const ac_plan_sign_days *d = &sign->days[j];
      json_t *dobj = json_object();
      json_object_set_new(dobj, "from", ac_json_day(d->from));
      json_object_set_new(dobj, "to", ac_json_day(d->to));
      json_object_set_new(dobj, "level", json_string(ac_level_name(d->level)));
      json_object_set_new(dobj, "advice", json_string(d->advice));
      json_array_append_new(days, dobj);
    }
    json_object_set_new(o, "days", days);
    json_array_append_new(list, o);
  }
  return list;
}

static void ac_render_json(const ac_plan *plan, ac_arena *a, FILE *out) {
  const ac_protocol *p = plan->p;
  json_t *o = json_object();
  const char *name = p->nlayers ? p->layers[p->nlayers - 1]->name : NULL;
  json_object_set_new(o, "protocol", name ? json_string(name) : json_null());
  json_object_set_new(o, "title", json_string(ac_plan_title(p)));
  const char *lang = ac_protocol_field(p, AC_FIELD_LANGUAGE);
  json_object_set_new(o, "language", lang ? json_string(lang) : json_null());
  json_t *ss = json_array();
  for (int i = 0; i < plan->nsessions; i++) json_array_append_new(ss, json_string(ac_iso_date(a, plan->sessions[i])));
  json_object_set_new(o, "sessions", ss);
  json_t *sp = json_array();
  for (int k = 0; k < plan->nspans; k++) json_array_append_new(sp, ac_json_span(plan, a, &plan->spans[k]));
  json_object_set_new(o, "spans", sp);
  json_object_set_new(o, "signs", ac_json_signs(plan, a));
  char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  if (s) {
    fputs(s, out);
    fputc('\n', out);
    free(s);
  }
  json_decref(o);
}

/* ---- iCalendar ---- */

char *ac_plan_ics_fold(const char *text) {
  size_t n = strlen(text);
  /* unfold first: a CRLF or LF followed by a space or a tab continues */
  char *flat = malloc(n + 1);
  char *res = malloc(n * 2 + 16);
  if (!flat || !res) abort();
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (text[i] == '\r' && text[i + 1] == '\n') continue;
    if (text[i] == '\n' && (text[i + 1] == ' ' || text[i + 1] == '\t')) {
      i++;
      continue;
    }
    flat[k++] = text[i];
  }
  flat[k] = '\0';
  size_t r = 0;
  for (const char *line = flat; *line;) {
    const char *nl = strchr(line, '\n');
    size_t len = nl ? (size_t)(nl - line) : strlen(line);
    size_t col = 0;
    for (size_t i = 0; i < len;) {
      size_t m = 1;
      unsigned char c = (unsigned char)line[i];
      if (c >= 0xF0) m = 4;
      else if (c >= 0xE0) m = 3;
      else if (c >= 0xC0) m = 2;
      if (i + m > len) m = len - i;
      if (col + m > 75) {
        res[r++] = '\r';
        res[r++] = '\n';
        res[r++] = ' ';
        col = 1;
      }
      memcpy(res + r, line + i, m);
      r += m;
      col += m;
      i += m;
    }
    if (len) {
      res[r++] = '\r';
      res[r++] = '\n';
    }
    line += len + (nl ? 1 : 0);
  }
  res[r] = '\0';
  free(flat);
  return res;
}


/* The title of the event of the part of the leaflet starting at span s:
 * the day and the first thing that changes ("Day 4: you should rinse the
 * scalp with plain water (and 3 more)"). */
static const char *ac_ics_summary(const ac_plan *plan, ac_arena *a, const ac_plan_span *s) {
  const ac_protocol *p = plan->p;
  const ac_plan_news *n = &s->news;
  const char *what;
  int more = 0;
  if (n->fresh && s->from == 0) {
    what = _("the day of your session, aftercare begins");
  } else {
    for (int g = 0; g < n->ngroups; g++) more += n->groups[g].nitems;
    more += n->nphases + (n->nadvice > 0);
    if (n->ngroups) {
      const ac_plan_group *g = &n->groups[0];
      what = ac_change_phrase(plan, a, g->verdict, ac_activity_label(AC_ACTIVITY(p, g->items[0].activity)));
    } else if (n->nphases) {
      what = ac_arena_printf(a, _("%s begins"), ac_phase_title(p->entities[AC_ENT_PHASE].items[n->phases[0]]));
    } else {
      what = _("new advice");
    }
    more--;
  }
  /* (a count of at least two: a plan's catalogue has no plural forms) */
  if (more > 0) what = ac_arena_printf(a, _("%s (%d changes in all)"), what, more + 1);
  if (plan->nsessions > 1) return ac_arena_printf(a, _("Day %ld of session %d: %s"), (long)s->from, s->session, what);
  return ac_arena_printf(a, _("Day %ld: %s"), (long)s->from, what);
}

/* The description of that event: the days it stands for, then what the
 * leaflet says on them, as text. */
static const char *ac_ics_description(const ac_plan *plan, ac_arena *a, int k) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  if (!f) abort();
  const ac_plan_span *s = &plan->spans[k];
  fprintf(f, "%s\n", ac_plan_days_title(plan, a, s, &plan->spans[ac_plan_part_end(plan, k)]));
  ac_text_part(plan, a, s, false, f);
  fclose(f);
  if (len && buf[len - 1] == '\n') len--;
  const char *d = ac_arena_strndup(a, buf, len);
  free(buf);
  return d;
}

static struct icaltimetype ac_ics_date(const ac_ical *ic, long days) {
  int y, m, d;
  ac_plan_civil(days, &y, &m, &d);
  struct icaltimetype t = ic->time_null_date();
  t.year = y;
  t.month = m;
  t.day = d;
  t.is_date = 1;
  return t;
}

/* A UID stable across runs: the protocol, the date, the event's index. */
static const char *ac_ics_uid(ac_arena *a, const ac_plan *plan, const ac_plan_span *s, int k) {
  const ac_protocol *p = plan->p;
  const char *name = p->nlayers && p->layers[p->nlayers - 1]->name ? p->layers[p->nlayers - 1]->name : "protocol";
  int y, m, d;
  ac_plan_civil(s->date_from, &y, &m, &d);
  return ac_arena_printf(a, "%s-%04d%02d%02d-%d@aftercare.plan", name, y, m, d, k + 1);
}

static void ac_render_ics(const ac_ical *ic, const ac_plan *plan, ac_arena *a, long long dtstamp,
                          FILE *out) {
  const ac_protocol *p = plan->p;
  icalcomponent *cal = ic->component_new_vcalendar();
  ic->component_add_property(cal, ic->property_new_prodid("-//aftercare//aftercare plan " PACKAGE_VERSION "//EN"));
  ic->component_add_property(cal, ic->property_new_version("2.0"));
  ic->component_add_property(cal, ic->property_new_calscale("GREGORIAN"));
  ic->component_add_property(cal, ic->property_new_method(ICAL_METHOD_PUBLISH));
  icalproperty *xname = ic->property_new_x(ac_plan_title(p));
  ic->property_set_x_name(xname, "X-WR-CALNAME");
  ic->component_add_property(cal, xname);
  struct icaltimetype stamp = ic->time_from_timet_with_zone((time_t)dtstamp, 0, ic->timezone_get_utc_timezone());
  int nevents = 0;
  for (int k = 0; k < plan->nspans; k++) {
    const ac_plan_span *s = &plan->spans[k];
    if (!ac_plan_says(s)) continue;
    icalcomponent *ev = ic->component_new_vevent();
    ic->component_add_property(ev, ic->property_new_uid(ac_ics_uid(a, plan, s, nevents++)));
    ic->component_add_property(ev, ic->property_new_dtstamp(stamp));
    ic->component_add_property(ev, ic->property_new_dtstart(ac_ics_date(ic, s->date_from)));
    ic->component_add_property(ev, ic->property_new_dtend(ac_ics_date(ic, s->date_from + 1)));
    const char *summary = ac_ics_summary(plan, a, s);
    ic->component_add_property(ev, ic->property_new_summary(summary));
    ic->component_add_property(ev, ic->property_new_description(ac_ics_description(plan, a, k)));
    ic->component_add_property(ev, ic->property_new_transp(ICAL_TRANSP_TRANSPARENT));
    ic->component_add_property(ev, ic->property_new_class(ICAL_CLASS_PRIVATE));
    /* one reminder, at 9:00 on the day */
    icalcomponent *al = ic->component_new_valarm();
    ic->component_add_property(al, ic->property_new_action(ICAL_ACTION_DISPLAY));
    struct icaltriggertype trig;
    memset(&trig, 0, sizeof trig);
    trig.time = ic->time_null_time();
    trig.duration = ic->durationtype_from_int(9 * 3600);
    ic->component_add_property(al, ic->property_new_trigger(trig));
    ic->component_add_property(al, ic->property_new_description(summary));
    ic->component_add_component(ev, al);
    ic->component_add_component(cal, ev);
  }
  char *text = ic->component_as_ical_string_r(cal);
  char *folded = ac_plan_ics_fold(text ? text : "");
  fputs(folded, out);
  free(folded);
  free(text);
  ic->component_free(cal);
}

const char *ac_plan_render(const ac_plan *plan, ac_arena *a, aftercare_plan_format fmt,
                           long long dtstamp, FILE *out) {
  ac_ical ic;
  const char *why = NULL;
  switch (fmt) {
  case AFTERCARE_PLAN_TEXT: ac_render_text(plan, a, false, out); break;
  case AFTERCARE_PLAN_MARKDOWN: ac_render_text(plan, a, true, out); break;
  case AFTERCARE_PLAN_HTML: ac_render_html(plan, a, out); break;
  case AFTERCARE_PLAN_JSON: ac_render_json(plan, a, out); break;
  case AFTERCARE_PLAN_ICS:
    if (!ac_ical_open(&ic, &why)) return why;
    ac_render_ics(&ic, plan, a, dtstamp, out);
    break;
  }
  return NULL;
}

/* ---- Writing a plan ---- */

int ac_plan_write(const ac_protocol *p, int errors, const aftercare_plan_options *o, FILE *out,
                  FILE *err) {
  ac_arena *a = ac_arena_new();
  ac_plan built, *plan = &built;
  memset(plan, 0, sizeof *plan);
  const char *why = NULL;
  int status = AFTERCARE_EXIT_OK;
  if (errors > 0) {
    ac_plan_language(plan, a, o->language);
    fprintf(err, "aftercare: plan: %s\n", _("the protocol has errors: run 'aftercare check' on it first"));
    status = AFTERCARE_EXIT_INPUT;
  } else if (o->format == AFTERCARE_PLAN_ICS && (!o->sessions || o->nsessions < 1)) {
    ac_plan_language(plan, a, o->language);
    fprintf(err, "aftercare: plan: %s\n", _("a calendar needs the date of the session: give --session YYYY-MM-DD"));
    status = AFTERCARE_EXIT_USAGE;
  } else if (!ac_plan_build(plan, p, a, o, &why)) {
    fprintf(err, "aftercare: plan: %s\n", why);
    status = AFTERCARE_EXIT_USAGE;
  } else {
    long long stamp = o->dtstamp;
    if (stamp < 0) stamp = (long long)time(NULL);
    const char *fail = ac_plan_render(plan, a, o->format, stamp, out);
    if (fail) {
      fprintf(err, "aftercare: plan: %s (%s)\n",
              _("cannot write a calendar: libical cannot be loaded"), fail);
      status = AFTERCARE_EXIT_USAGE;
    }
  }
  ac_arena_free(a);
  return status;
}
