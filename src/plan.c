/*
 * plan.c -- a protocol turned into a day-by-day plan; see plan.h and
 * docs/plan.md.  Formats: text, Markdown, HTML (one self-contained
 * printable page), JSON, iCalendar (libical).
 */
#include "config.h"

#include "plan.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "catalog.h"
#include "condition.h"
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
  for (int i = 0; i < x->nrules; i++)
    if (x->rules[i] != y->rules[i]) return false;
  return true;
}

static bool ac_ints_same(const int *x, int nx, const int *y, int ny) {
  return nx == ny && (nx == 0 || memcmp(x, y, (size_t)nx * sizeof *x) == 0);
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
    if (prev && ac_plan_same(p, prev, &cur)) {
      prev->to = day;
      prev->date_to = pos;
      continue;
    }
    cur.from = cur.to = day;
    cur.date_from = cur.date_to = pos;
    plan->spans[plan->nspans++] = cur;
  }
  return true;
}

/* ---- Words ---- */

/* The verdicts' headings, words and order, and the levels' and
 * intensities' words, are in their tables (verdicts.def, levels.def,
 * intensities.def). */

static const char *ac_level_word(const ac_plan *plan, ac_level l) {
  return _(ac_level_plan_word(l));
}

/* The words of a table with "%s" in them (not a printf format), filled. */
static const char *ac_plan_fill(ac_arena *a, const char *words, const char *s) {
  const char *at = strstr(words, "%s");
  if (!at) return words;
  return ac_arena_printf(a, "%.*s%s%s", (int)(at - words), words, s, at + 2);
}

static const char *ac_activity_label(const ac_activity *act) {
  return act->label ? act->label : act->e.name;
}

/* The reasons of a segment: the distinct `because` texts, joined. */
static const char *ac_seg_reasons(ac_arena *a, const ac_segment *seg) {
  const char *s = "";
  if (!seg) return s;
  for (int i = 0; i < seg->nrules; i++) {
    const char *b = seg->rules[i]->because;
    if (!b || strstr(s, b)) continue;
    s = *s ? ac_arena_printf(a, "%s %s", s, b) : b;
  }
  return s;
}

/* The condition of a conditional segment: every rule's must hold. */
static const char *ac_seg_condition(ac_arena *a, const ac_segment *seg) {
  const char *s = "";
  for (int i = 0; seg && i < seg->nrules; i++) {
    const ac_rule *r = seg->rules[i];
    if (!r->cond) continue;
    const char *c = ac_cond_text(a, r->cond);
    if (r->cond_negated) c = ac_arena_printf(a, "not (%s)", c);
    s = *s ? ac_arena_printf(a, "%s and %s", s, c) : c;
  }
  return s;
}

static const char *ac_watch_symptoms(const ac_plan *plan, ac_arena *a, const ac_protocol *p,
                                     const ac_triage *t) {
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

static const char *ac_day_range(const ac_plan *plan, ac_arena *a, int32_t from, int32_t to) {
  if (from == to) return ac_arena_printf(a, _("Day %ld"), (long)from);
  return ac_arena_printf(a, _("Days %ld to %ld"), (long)from, (long)to);
}

const char *ac_plan_span_title(const ac_plan *plan, ac_arena *a, const ac_plan_span *s) {
  const char *days = ac_day_range(plan, a, s->from, s->to);
  if (plan->nsessions > 1)
    days = ac_arena_printf(a, _("%s of session %d"), days, s->session);
  if (!plan->nsessions) return days;
  const char *dates = s->date_from == s->date_to
                          ? ac_long_date(plan, a, s->date_from)
                          : ac_arena_printf(a, _("%s to %s"), ac_long_date(plan, a, s->date_from),
                                            ac_long_date(plan, a, s->date_to));
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

/* The sessions line: "2026-03-02, 2026-03-30 (last)". */
static const char *ac_sessions_text(const ac_plan *plan, ac_arena *a) {
  const char *s = "";
  for (int i = 0; i < plan->nsessions; i++)
    s = ac_arena_printf(a, "%s%s%s", s, i ? ", " : "", ac_long_date(plan, a, plan->sessions[i]));
  return s;
}

/* The activities no rule covers in a span, in one line: a long list of
 * "ask your practitioner" would drown what the plan says. */
static const char *ac_unknown_list(const ac_protocol *p, ac_arena *a, const ac_plan_span *s) {
  /* The length first, then the text: linear in the activities. */
  size_t len = 0;
  for (int i = 0; i < AC_NACTIVITIES(p); i++)
    if (!s->segs[i]) len += strlen(ac_activity_label(AC_ACTIVITY(p, i))) + 2;
  char *names = ac_arena_alloc(a, len + 1), *o = names;
  for (int i = 0; i < AC_NACTIVITIES(p); i++)
    if (!s->segs[i]) o = stpcpy(o != names ? stpcpy(o, ", ") : o, ac_activity_label(AC_ACTIVITY(p, i)));
  *o = '\0';
  return names;
}

/* ---- Text and Markdown ---- */

static void ac_render_text(const ac_plan *plan, ac_arena *a, bool md, FILE *out) {
  const ac_protocol *p = plan->p;
  int na = AC_NACTIVITIES(p);
  if (md)
    fprintf(out, "# %s\n\n", ac_plan_title(p));
  else
    fprintf(out, _("Aftercare plan: %s\n"), ac_plan_title(p));
  if (md) fprintf(out, "%s\n\n", _("Aftercare plan, day by day."));
  if (plan->nsessions)
    fprintf(out, md ? "%s%s%s\n\n" : "%s%s%s\n", _("Sessions"), ac_colon(plan), ac_sessions_text(plan, a));
  fprintf(out, md ? "%s\n\n" : "%s\n", _("Day 0 is the day of the session."));
  for (int k = 0; k < plan->nspans; k++) {
    const ac_plan_span *s = &plan->spans[k];
    const char *title = ac_plan_span_title(plan, a, s);
    if (md)
      fprintf(out, "## %s\n\n", title);
    else
      fprintf(out, "\n== %s ==\n", title);
    for (int vi = 0; vi < AC_NVERDICTS; vi++) {
      ac_verdict v = ac_verdict_in_plan_order(vi);
      int shown = 0;
      if (v == AC_UNKNOWN) {
        const char *names = ac_unknown_list(p, a, s);
        if (*names)
          fprintf(out, md ? "**%s**%s%s\n\n" : "%s%s%s\n", _(ac_verdict_heading(v)), ac_colon(plan), names);
        continue;
      }
      for (int i = 0; i < na; i++) {
        const ac_segment *seg = s->segs[i];
        if ((seg ? seg->verdict : AC_UNKNOWN) != v) continue;
        if (!shown++) fprintf(out, md ? "**%s**\n\n" : "%s%s\n", _(ac_verdict_heading(v)), md ? "" : ac_colon_end(plan));
        const ac_activity *act = AC_ACTIVITY(p, i);
        fputs(md ? "- " : "  - ", out);
        fputs(ac_activity_label(act), out);
        if (v == AC_CONDITIONAL) fprintf(out, _(" (only if %s)"), ac_seg_condition(a, seg));
        const char *why = ac_seg_reasons(a, seg);
        if (*why) fprintf(out, "%s%s", ac_colon(plan), why);
        fputc('\n', out);
      }
      if (shown && md) fputc('\n', out);
    }
    if (s->nphases) fprintf(out, md ? "**%s**\n\n" : "%s%s\n", _("Phases"), md ? "" : ac_colon_end(plan));
    for (int i = 0; i < s->nphases; i++) {
      const ac_phase *ph = p->entities[AC_ENT_PHASE].items[s->phases[i]];
      fprintf(out, md ? "- *%s*\n" : "  %s\n", ph->title ? ph->title : ph->e.name);
      for (const ac_guidance *g = ph->guidance; g; g = g->next)
        if (g->kind <= AC_GUIDE_WHY)
          fprintf(out, md ? "  - %s%s%s\n" : "    %s%s%s\n", ac_guidance_heading(plan, g->kind), ac_colon(plan), g->text.text);
    }
    if (s->nphases && md) fputc('\n', out);
    if (s->nadvice) fprintf(out, md ? "**%s**\n\n" : "%s%s\n", _("Advice"), md ? "" : ac_colon_end(plan));
    for (int i = 0; i < s->nadvice; i++) {
      const ac_advice *ad = p->entities[AC_ENT_ADVICE].items[s->advice[i]];
      fprintf(out, md ? "- %s\n" : "  - %s\n", ad->text);
    }
    if (s->nadvice && md) fputc('\n', out);
    if (s->nwatch) fprintf(out, md ? "**%s**\n\n" : "%s%s\n", _("Watch for"), md ? "" : ac_colon_end(plan));
    for (int i = 0; i < s->nwatch; i++) {
      const ac_triage *t = p->triage_sorted[s->watch[i]];
      fprintf(out, md ? "- %s (%s)" : "  - %s (%s)", ac_watch_symptoms(plan, a, p, t), ac_level_word(plan, t->level));
      if (t->advice) fprintf(out, "%s%s", ac_colon(plan), t->advice);
      fputc('\n', out);
    }
    if (s->nwatch && md) fputc('\n', out);
  }
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

static const char *const ac_verdict_class[] = {
    [AC_FORBIDDEN] = "forbidden", [AC_CONDITIONAL] = "conditional",
    [AC_DISCOURAGED] = "discouraged", [AC_ALLOWED] = "allowed",
    [AC_RECOMMENDED] = "recommended", [AC_UNKNOWN] = "unknown",
};

static const char ac_html_style[] =
    "*{box-sizing:border-box}"
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;"
    "line-height:1.45;color:#111;background:#fff;margin:0 auto;max-width:46rem;padding:1rem;"
    "font-size:1rem;overflow-wrap:break-word}"
    "h1{font-size:1.5rem;margin:0 0 .25rem}"
    "h2{font-size:1.15rem;margin:0;padding:.4rem .6rem;background:#eef2f5;border-left:.3rem solid #345}"
    "h3{font-size:1rem;margin:.7rem 0 .2rem}"
    "p.meta{margin:.2rem 0;color:#333}"
    "section{margin:1.2rem 0;border:1px solid #ccd;border-radius:.3rem;padding:0 0 .4rem}"
    "section>*:not(h2){margin-left:.6rem;margin-right:.6rem}"
    "ul{padding-left:1.2rem;margin:.2rem 0}"
    "li{margin:.15rem 0}"
    "h3.forbidden{color:#a00}h3.conditional{color:#850}h3.discouraged{color:#850}"
    "h3.recommended{color:#060}h3.allowed{color:#060}h3.unknown{color:#555}"
    "h3.watch{color:#a00}"
    ".why{color:#333}p.unknown{color:#444;margin:.2rem .6rem}"
    "@media print{body{max-width:none;padding:0;font-size:10.5pt}"
    "h2{break-after:avoid;page-break-after:avoid;-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    "h3{break-after:avoid;page-break-after:avoid}li{break-inside:avoid}"
    "section{border:none;border-top:1px solid #999;border-radius:0}}"
    "@page{margin:15mm}";

static void ac_render_html(const ac_plan *plan, ac_arena *a, FILE *out) {
  const ac_protocol *p = plan->p;
  int na = AC_NACTIVITIES(p);
  const char *lang = ac_protocol_field(p, AC_FIELD_LANGUAGE);
  fputs("<!DOCTYPE html>\n<html lang=\"", out);
  ac_html(lang ? lang : "en", out);
  fputs("\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
        out);
  ac_html(ac_plan_title(p), out);
  fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n<h1>", ac_html_style);
  ac_html(ac_plan_title(p), out);
  fputs("</h1>\n<p class=\"meta\">", out);
  ac_html(_("Aftercare plan, day by day."), out);
  fputc(' ', out);
  ac_html(_("Day 0 is the day of the session."), out);
  fputs("</p>\n", out);
  if (plan->nsessions) {
    fputs("<p class=\"meta\">", out);
    ac_html(_("Sessions"), out);
    ac_html(ac_colon(plan), out);
    ac_html(ac_sessions_text(plan, a), out);
    fputs("</p>\n", out);
  }
  for (int k = 0; k < plan->nspans; k++) {
    const ac_plan_span *s = &plan->spans[k];
    fputs("<section>\n<h2>", out);
    ac_html(ac_plan_span_title(plan, a, s), out);
    fputs("</h2>\n", out);
    for (int vi = 0; vi < AC_NVERDICTS; vi++) {
      ac_verdict v = ac_verdict_in_plan_order(vi);
      int shown = 0;
      if (v == AC_UNKNOWN) {
        const char *names = ac_unknown_list(p, a, s);
        if (*names) {
          fputs("<h3 class=\"unknown\">", out);
          ac_html(_(ac_verdict_heading(v)), out);
          fputs("</h3>\n<p class=\"unknown\">", out);
          ac_html(names, out);
          fputs("</p>\n", out);
        }
        continue;
      }
      for (int i = 0; i < na; i++) {
        const ac_segment *seg = s->segs[i];
        if ((seg ? seg->verdict : AC_UNKNOWN) != v) continue;
        if (!shown++) {
          fprintf(out, "<h3 class=\"%s\">", ac_verdict_class[v]);
          ac_html(_(ac_verdict_heading(v)), out);
          fputs("</h3>\n<ul>\n", out);
        }
        fputs("<li><strong>", out);
        ac_html(ac_activity_label(AC_ACTIVITY(p, i)), out);
        fputs("</strong>", out);
        if (v == AC_CONDITIONAL) ac_html(ac_arena_printf(a, _(" (only if %s)"), ac_seg_condition(a, seg)), out);
        const char *why = ac_seg_reasons(a, seg);
        if (*why) {
          ac_html(ac_colon(plan), out);
          fputs("<span class=\"why\">", out);
          ac_html(why, out);
          fputs("</span>", out);
        }
        fputs("</li>\n", out);
      }
      if (shown) fputs("</ul>\n", out);
    }
    if (s->nphases) {
      fputs("<h3>", out);
      ac_html(_("Phases"), out);
      fputs("</h3>\n<ul>\n", out);
      for (int i = 0; i < s->nphases; i++) {
        const ac_phase *ph = p->entities[AC_ENT_PHASE].items[s->phases[i]];
        fputs("<li><strong>", out);
        ac_html(ph->title ? ph->title : ph->e.name, out);
        fputs("</strong>\n<ul>\n", out);
        for (const ac_guidance *g = ph->guidance; g; g = g->next) {
          if (g->kind > AC_GUIDE_WHY) continue;
          fputs("<li>", out);
          ac_html(ac_guidance_heading(plan, g->kind), out);
          ac_html(ac_colon(plan), out);
          ac_html(g->text.text, out);
          fputs("</li>\n", out);
        }
        fputs("</ul></li>\n", out);
      }
      fputs("</ul>\n", out);
    }
    if (s->nadvice) {
      fputs("<h3>", out);
      ac_html(_("Advice"), out);
      fputs("</h3>\n<ul>\n", out);
      for (int i = 0; i < s->nadvice; i++) {
        fputs("<li>", out);
        ac_html(((const ac_advice *)p->entities[AC_ENT_ADVICE].items[s->advice[i]])->text, out);
        fputs("</li>\n", out);
      }
      fputs("</ul>\n", out);
    }
    if (s->nwatch) {
      fputs("<h3 class=\"watch\">", out);
      ac_html(_("Watch for"), out);
      fputs("</h3>\n<ul>\n", out);
      for (int i = 0; i < s->nwatch; i++) {
        const ac_triage *t = p->triage_sorted[s->watch[i]];
        fputs("<li><strong>", out);
        ac_html(ac_watch_symptoms(plan, a, p, t), out);
        fputs("</strong> (", out);
        ac_html(ac_level_word(plan, t->level), out);
        fputs(")", out);
        if (t->advice) {
          ac_html(ac_colon(plan), out);
          ac_html(t->advice, out);
        }
        fputs("</li>\n", out);
      }
      fputs("</ul>\n", out);
    }
    fputs("</section>\n", out);
  }
  fputs("</main>\n</body>\n</html>\n", out);
}

/* ---- JSON ---- */

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
      if (v == AC_CONDITIONAL) json_object_set_new(ao, "condition", json_string(ac_seg_condition(a, seg)));
      json_t *rs = json_array();
      for (int r = 0; seg && r < seg->nrules; r++)
        if (seg->rules[r]->because) json_array_append_new(rs, json_string(seg->rules[r]->because));
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
  return o;
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

static const char *ac_ics_changes(const ac_plan *plan, ac_arena *a, const ac_plan_span *prev,
                                  const ac_plan_span *s) {
  const ac_protocol *p = plan->p;
  const char *d = "";
#define ADD(...) d = ac_arena_printf(a, "%s%s", d, ac_arena_printf(a, __VA_ARGS__))
  if (!prev || prev->session != s->session) {
    if (plan->nsessions > 1)
      ADD(_("Session %d, day %ld.\n"), s->session, (long)s->from);
  }
  for (int vi = 0; vi < AC_NVERDICTS; vi++) {
    ac_verdict v = ac_verdict_in_plan_order(vi);
    for (int i = 0; i < AC_NACTIVITIES(p); i++) {
      const ac_segment *seg = s->segs[i];
      ac_verdict now = seg ? seg->verdict : AC_UNKNOWN;
      ac_verdict before = prev && prev->segs[i] ? prev->segs[i]->verdict : AC_UNKNOWN;
      if (now != v || (now == before && prev) || (!prev && now == AC_UNKNOWN)) continue;
      const char *why = ac_seg_reasons(a, seg);
      ADD(_("- %s: now %s"), ac_activity_label(AC_ACTIVITY(p, i)), _(ac_verdict_plan_word(now)));
      if (now == AC_CONDITIONAL) ADD(_(" (only if %s)"), ac_seg_condition(a, seg));
      if (*why) ADD(". %s", why);
      ADD("\n");
    }
  }
  const ac_vec *ph = &p->entities[AC_ENT_PHASE];
  for (int i = 0; i < s->nphases; i++) {
    bool was = false;
    for (int j = 0; prev && j < prev->nphases; j++) was |= prev->phases[j] == s->phases[i];
    if (was) continue;
    const ac_phase *x = ph->items[s->phases[i]];
    ADD(_("Begins: %s.\n"), x->title ? x->title : x->e.name);
    for (const ac_guidance *g = x->guidance; g; g = g->next)
      if (g->kind <= AC_GUIDE_WHY) ADD("  %s%s%s\n", ac_guidance_heading(plan, g->kind), ac_colon(plan), g->text.text);
  }
  for (int j = 0; prev && j < prev->nphases; j++) {
    bool is = false;
    for (int i = 0; i < s->nphases; i++) is |= prev->phases[j] == s->phases[i];
    if (is) continue;
    const ac_phase *x = ph->items[prev->phases[j]];
    ADD(_("Ends: %s.\n"), x->title ? x->title : x->e.name);
  }
  for (int i = 0; i < s->nadvice; i++) {
    bool was = false;
    for (int j = 0; prev && j < prev->nadvice; j++) was |= prev->advice[j] == s->advice[i];
    if (!was)
      ADD(_("Advice: %s\n"), ((const ac_advice *)p->entities[AC_ENT_ADVICE].items[s->advice[i]])->text);
  }
  for (int i = 0; i < s->nwatch; i++) {
    bool was = false;
    for (int j = 0; prev && j < prev->nwatch; j++) was |= prev->watch[j] == s->watch[i];
    if (was) continue;
    const ac_triage *t = p->triage_sorted[s->watch[i]];
    ADD(_("Watch for %s (%s)"), ac_watch_symptoms(plan, a, p, t), ac_level_word(plan, t->level));
    if (t->advice) ADD("%s%s", ac_colon(plan), t->advice);
    ADD("\n");
  }
  for (int j = 0; prev && j < prev->nwatch; j++) {
    bool is = false;
    for (int i = 0; i < s->nwatch; i++) is |= prev->watch[j] == s->watch[i];
    if (!is)
      ADD(_("No longer a concern: %s\n"), ac_watch_symptoms(plan, a, p, p->triage_sorted[prev->watch[j]]));
  }
#undef ADD
  size_t n = strlen(d);
  if (n && d[n - 1] == '\n') d = ac_arena_strndup(a, d, n - 1);
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
  for (int k = 0; k < plan->nspans; k++) {
    const ac_plan_span *s = &plan->spans[k];
    const ac_plan_span *prev = k ? &plan->spans[k - 1] : NULL;
    icalcomponent *ev = ic->component_new_vevent();
    ic->component_add_property(ev, ic->property_new_uid(ac_ics_uid(a, plan, s, k)));
    ic->component_add_property(ev, ic->property_new_dtstamp(stamp));
    ic->component_add_property(ev, ic->property_new_dtstart(ac_ics_date(ic, s->date_from)));
    ic->component_add_property(ev, ic->property_new_dtend(ac_ics_date(ic, s->date_from + 1)));
    const char *summary =
        plan->nsessions > 1
            ? ac_arena_printf(a, _("Aftercare, day %ld of session %d: new instructions"), (long)s->from, s->session)
            : ac_arena_printf(a, _("Aftercare, day %ld: new instructions"), (long)s->from);
    ic->component_add_property(ev, ic->property_new_summary(summary));
    const char *desc = ac_ics_changes(plan, a, prev, s);
    desc = ac_arena_printf(a, "%s\n%s", ac_plan_span_title(plan, a, s), desc);
    ic->component_add_property(ev, ic->property_new_description(desc));
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
