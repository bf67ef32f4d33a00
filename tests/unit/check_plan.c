/*
 * check_plan.c -- day-by-day plans (src/plan.c): dates, spans, sessions,
 * what each span says (the leaflet's parts), the table of signs, the text
 * leaflet, and the iCalendar output parsed back with libical.
 */
#include "config.h"

#include <libical/ical.h>

#include "plan.h"
#include "unit.h"

static const char *const protocol_text =
    "protocol t { title \"Plan test\"; horizon 20 days; sessions 2; }\n"
    "activity swim \"swim\";\n"
    "activity razor \"shave with a razor\";\n"
    "activity alcohol \"drink alcohol\";\n"
    "symptom redness \"redness\";\n"
    "symptom odor \"an offensive smell\";\n"
    "fact healed boolean;\n"
    "rule a0: forbid alcohol days -2..-1 because \"No alcohol before the session.\";\n"
    "rule a1: allow alcohol days 0.. ;\n"
    "rule s0: forbid swim first 10 days because \"No pools: the skin must close.\";\n"
    "rule s1: allow swim after 10 days;\n"
    "rule r0: forbid razor first 5 days after final session overrides r2, r3 because \"Not yet: \u00e9t\u00e9 \u00e0 la plage.\";\n"
    "rule r1: allow razor after 5 days only if healed after final session overrides r2, r3;\n"
    "rule r2: forbid razor first 7 days because \"Between sessions, wait a week.\";\n"
    "rule r3: allow razor after 7 days;\n"
    "phase early \"First days\" first 3 days { do \"Keep it dry.\"; dont \"Do not touch.\"; why \"It is fragile.\"; }\n"
    "advice pillow \"Use a fresh pillowcase.\" first 2 days;\n"
    "triage infection: symptoms odor level urgent advice \"See a doctor today.\";\n"
    "triage redness_ok: symptoms redness first 7 days level normal advice \"Redness is normal at first.\";\n";

static ac_protocol *proto;

static void setup(void) {
  ut_setup();
  proto = ut_load(protocol_text);
  ut_assert_no_errors(&ut_diags);
}

START_TEST(dates_round_trip) {
  int y, m, d;
  ck_assert_int_eq(ac_plan_days(1970, 1, 1), 0);
  ck_assert_int_eq(ac_plan_days(2026, 3, 2), 20514);
  ac_plan_civil(20514, &y, &m, &d);
  ck_assert_int_eq(y, 2026);
  ck_assert_int_eq(m, 3);
  ck_assert_int_eq(d, 2);
  for (long z = -1000; z < 100000; z += 37) {
    ac_plan_civil(z, &y, &m, &d);
    ck_assert_int_eq(ac_plan_days(y, m, d), z);
  }
  long days;
  ck_assert_int_eq(aftercare_parse_date("2024-02-29", &days), 0);
  ck_assert_int_eq(days, ac_plan_days(2024, 2, 29));
  ck_assert_int_eq(aftercare_parse_date("2026-02-29", &days), -1);
  ck_assert_int_eq(aftercare_parse_date("2026-13-01", &days), -1);
  ck_assert_int_eq(aftercare_parse_date("2026-1-01", &days), -1);
  ck_assert_int_eq(aftercare_parse_date("2026-01-01x", &days), -1);
  ck_assert_int_eq(aftercare_parse_date("", &days), -1);
}
END_TEST

START_TEST(spans_without_sessions) {
  ac_plan plan;
  const char *why = NULL;
  aftercare_plan_options o;
  memset(&o, 0, sizeof o);
  ck_assert(ac_plan_build(&plan, proto, ut_arena, &o, &why));
  /* from the first day a rule names (-2) to the horizon (20) */
  ck_assert_int_eq(plan.from, -2);
  ck_assert_int_eq(plan.to, 20);
  ck_assert_int_eq(plan.spans[0].from, -2);
  ck_assert_int_eq(plan.spans[plan.nspans - 1].to, 20);
  /* spans are maximal and contiguous ("first N days" is days 0..N):
   * -2..-1, 0..2 (advice), 3 (phase), 4..5 (razor), 6..7 (redness),
   * 8..10 (swim), 11..20 */
  static const int32_t starts[] = {-2, 0, 3, 4, 6, 8, 11};
  ck_assert_int_eq(plan.nspans, 7);
  for (int i = 0; i < plan.nspans; i++) {
    ck_assert_int_eq(plan.spans[i].from, starts[i]);
    if (i) ck_assert_int_eq(plan.spans[i].from, plan.spans[i - 1].to + 1);
  }
  /* the final timeline without session dates: razor conditional after day 5 */
  ck_assert_int_eq(plan.spans[4].segs[1]->verdict, AC_CONDITIONAL);
  ck_assert_int_eq(plan.spans[1].nphases, 1);
  ck_assert_int_eq(plan.spans[1].nadvice, 1);
  ck_assert_int_eq(plan.spans[6].nwatch, 1); /* infection only */
  ck_assert_int_eq(plan.spans[0].nwatch, 1);
  ck_assert_int_eq(plan.spans[1].nwatch, 2); /* and redness, from day 0 */
}
END_TEST

START_TEST(spans_with_two_sessions) {
  long sessions[2] = {ac_plan_days(2026, 3, 2), ac_plan_days(2026, 3, 16)};
  aftercare_plan_options o;
  memset(&o, 0, sizeof o);
  o.sessions = sessions;
  o.nsessions = 2;
  ac_plan plan;
  const char *why = NULL;
  ck_assert(ac_plan_build(&plan, proto, ut_arena, &o, &why));
  const ac_plan_span *first = &plan.spans[0], *last = &plan.spans[plan.nspans - 1];
  ck_assert_int_eq(first->date_from, sessions[0] - 2);
  ck_assert_int_eq(first->session, 1);
  ck_assert(!first->final);
  ck_assert_int_eq(last->date_to, sessions[1] + 20);
  ck_assert(last->final);
  /* after the first session (not the final one) the razor waits a week:
   * allowed from day 8 */
  bool seen8 = false, restart = false;
  for (int i = 0; i < plan.nspans; i++) {
    const ac_plan_span *s = &plan.spans[i];
    if (s->session == 1 && s->from == 8) {
      seen8 = true;
      ck_assert_int_eq(s->segs[1]->verdict, AC_ALLOWED);
    }
    if (s->session == 1) ck_assert(!s->final);
    if (s->session == 2 && s->from == 0) {
      restart = true;
      ck_assert_int_eq(s->date_from, sessions[1]);
      ck_assert_int_eq(plan.spans[i - 1].session, 1);
      ck_assert_int_eq(plan.spans[i - 1].to, 13);
    }
  }
  ck_assert(seen8);
  ck_assert(restart);
  /* sessions out of order are refused */
  long bad[2] = {sessions[1], sessions[0]};
  o.sessions = bad;
  ck_assert(!ac_plan_build(&plan, proto, ut_arena, &o, &why));
  ck_assert_ptr_nonnull(why);
}
END_TEST

/* Day 0 starts a span even when nothing changes there: the leaflet's day of
 * the session has its heading. */
START_TEST(span_starts_on_day_0) {
  ac_protocol *p = ut_load("protocol z { horizon 5 days; }\n"
                           "activity a \"a\";\n"
                           "rule r: forbid a days -2..3 because \"Not yet.\";\n");
  ut_assert_no_errors(&ut_diags);
  ac_plan plan;
  const char *why = NULL;
  aftercare_plan_options o;
  memset(&o, 0, sizeof o);
  ck_assert(ac_plan_build(&plan, p, ut_arena, &o, &why));
  ck_assert_int_eq(plan.nspans, 3);
  ck_assert_int_eq(plan.spans[0].from, -2);
  ck_assert_int_eq(plan.spans[0].to, -1);
  ck_assert_int_eq(plan.spans[1].from, 0);
  ck_assert_int_eq(plan.spans[1].to, 3);
  ck_assert_int_eq(plan.spans[2].from, 4);
}
END_TEST

START_TEST(range_limits) {
  aftercare_plan_options o;
  memset(&o, 0, sizeof o);
  ac_plan plan;
  const char *why = NULL;
  o.has_from = o.has_to = 1;
  o.from = 5;
  o.to = 4;
  ck_assert(!ac_plan_build(&plan, proto, ut_arena, &o, &why));
  o.from = 0;
  o.to = 100000;
  ck_assert(!ac_plan_build(&plan, proto, ut_arena, &o, &why));
  o.to = 0;
  ck_assert(ac_plan_build(&plan, proto, ut_arena, &o, &why));
  ck_assert_int_eq(plan.nspans, 1);
}
END_TEST

START_TEST(fold_lines) {
  char *f = ac_plan_ics_fold("SHORT:x\r\nLONG:" "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
                             "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
                             "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
                             "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
                             "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\r\n");
  /* every line at most 75 octets, CRLF, never inside a UTF-8 sequence */
  const char *line = f;
  int lines = 0;
  while (*line) {
    const char *end = strstr(line, "\r\n");
    ck_assert_ptr_nonnull(end);
    ck_assert_int_le(end - line, 75);
    if (lines > 1) ck_assert_int_eq(line[0], ' ');
    ck_assert((line[lines > 1 ? 1 : 0] & 0xC0) != 0x80);
    line = end + 2;
    lines++;
  }
  ck_assert_int_eq(lines, 3);
  free(f);
}
END_TEST

/* Renders a plan into a string. */
static char *render(const ac_plan *plan, aftercare_plan_format fmt) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  ck_assert_ptr_nonnull(f);
  ck_assert_ptr_null(ac_plan_render(plan, ut_arena, fmt, 1767225600LL, f));
  fclose(f);
  return buf;
}

/* What each span says on its first day: the whole situation after the
 * session, then what changes, and what is still forbidden until when. */
START_TEST(news_what_changes) {
  ac_plan plan;
  const char *why = NULL;
  aftercare_plan_options o;
  memset(&o, 0, sizeof o);
  ck_assert(ac_plan_build(&plan, proto, ut_arena, &o, &why));
  ck_assert_int_eq(plan.nspans, 7); /* -2..-1, 0..2, 3, 4..5, 6..7, 8..10, 11..20 */
  const ac_plan_news *n = &plan.spans[0].news;
  ck_assert(n->fresh);
  ck_assert_int_eq(n->nchanged, 1);
  ck_assert_int_eq(n->changed[0].activity, 2); /* alcohol */
  ck_assert_int_eq(n->changed[0].after, AC_FORBIDDEN);
  ck_assert_int_eq(n->changed[0].until, -1);
  /* day 0 gives the whole situation again, each instruction until when */
  n = &plan.spans[1].news;
  ck_assert(n->fresh);
  ck_assert_int_eq(n->nchanged, 3);
  ck_assert_int_eq(n->changed[0].until, 10);        /* swim */
  ck_assert_int_eq(n->changed[1].until, 5);         /* razor */
  ck_assert_int_eq(n->changed[2].until, AC_DAY_MAX); /* alcohol: no end */
  ck_assert_int_eq(n->ngroups, 3);                  /* forbidden first */
  ck_assert_int_eq(n->groups[0].verdict, AC_FORBIDDEN);
  ck_assert_str_eq(n->groups[0].reason, "No pools: the skin must close.");
  ck_assert_int_eq(n->groups[2].verdict, AC_ALLOWED);
  ck_assert_str_eq(n->groups[2].reason, "");
  ck_assert_int_eq(n->nphases, 1);
  ck_assert_int_eq(n->nadvice, 1);
  /* an advice that ends, a phase that ends: nothing new to say */
  ck_assert(!ac_plan_says(&plan.spans[2]));
  ck_assert(!ac_plan_says(&plan.spans[3]));
  ck_assert_int_eq(ac_plan_part_end(&plan, 1), 3);
  /* day 6: the razor, allowed on a condition; the swim still forbidden */
  n = &plan.spans[4].news;
  ck_assert(!n->fresh);
  ck_assert_int_eq(n->nchanged, 1);
  ck_assert_int_eq(n->changed[0].before, AC_FORBIDDEN);
  ck_assert_int_eq(n->changed[0].after, AC_CONDITIONAL);
  ck_assert_str_eq(n->groups[0].condition, "only if healed");
  ck_assert_int_eq(n->nstill, 1);
  ck_assert_int_eq(n->still[0].activity, 0);
  ck_assert_int_eq(n->still[0].until, 10);
  ck_assert_int_eq(ac_plan_part_end(&plan, 4), 5);
  n = &plan.spans[6].news;
  ck_assert_int_eq(n->nchanged, 1);
  ck_assert_int_eq(n->changed[0].after, AC_ALLOWED);
  ck_assert_int_eq(n->nstill, 0);
  ck_assert_int_eq(ac_plan_part_end(&plan, 6), 6);
  /* days that say nothing before the first that says something: that one
   * gives the whole situation */
  o.has_from = o.has_to = 1;
  o.from = -6;
  o.to = 0;
  ck_assert(ac_plan_build(&plan, proto, ut_arena, &o, &why));
  ck_assert(!ac_plan_says(&plan.spans[0]));
  ck_assert(plan.spans[1].news.fresh);
}
END_TEST

/* With sessions, an instruction that lasts until the next session has no
 * end (the next session starts the days again). */
START_TEST(news_until_next_session) {
  long sessions[2] = {ac_plan_days(2026, 3, 2), ac_plan_days(2026, 3, 9)};
  aftercare_plan_options o;
  memset(&o, 0, sizeof o);
  o.sessions = sessions;
  o.nsessions = 2;
  ac_plan plan;
  const char *why = NULL;
  ck_assert(ac_plan_build(&plan, proto, ut_arena, &o, &why));
  const ac_plan_span *s = &plan.spans[1];
  ck_assert_int_eq(s->session, 1);
  ck_assert_int_eq(s->from, 0);
  ck_assert_int_eq(s->news.changed[0].activity, 0);
  ck_assert_int_eq(s->news.changed[0].until, AC_DAY_MAX); /* swim: days 0..10, session 2 on day 7 */
  ck_assert_int_eq(s->news.changed[1].until, AC_DAY_MAX); /* razor: days 0..7 */
  /* after the last session, the swim ends on day 10, the razor on day 5 */
  const ac_plan_span *last = &plan.spans[plan.nspans - 1];
  while (last->from != 0) last--;
  ck_assert_int_eq(last->session, 2);
  ck_assert_int_eq(last->news.changed[0].until, 10);
  ck_assert_int_eq(last->news.changed[1].until, 5);
}
END_TEST

/* The signs to watch for: what a `symptoms` query answers, day by day. */
START_TEST(signs_table) {
  ac_plan plan;
  const char *why = NULL;
  aftercare_plan_options o;
  memset(&o, 0, sizeof o);
  ck_assert(ac_plan_build(&plan, proto, ut_arena, &o, &why));
  ck_assert_int_eq(plan.nsigns, 2);
  const ac_plan_sign *sign = &plan.signs[0]; /* most severe first */
  ck_assert_str_eq(sign->rule->e.name, "infection");
  ck_assert_int_eq(sign->ndays, 1);
  ck_assert_int_eq(sign->days[0].from, AC_DAY_MIN);
  ck_assert_int_eq(sign->days[0].to, AC_DAY_MAX);
  ck_assert_int_eq(sign->days[0].level, AC_LEVEL_URGENT);
  ck_assert_str_eq(sign->days[0].advice, "See a doctor today.");
  sign = &plan.signs[1];
  ck_assert_str_eq(sign->rule->e.name, "redness_ok");
  ck_assert_int_eq(sign->ndays, 1);
  ck_assert_int_eq(sign->days[0].from, 0);
  ck_assert_int_eq(sign->days[0].to, 7);
  ck_assert_int_eq(sign->days[0].level, AC_LEVEL_NORMAL);
  /* only the days the plan covers from day 0 on: none before the session */
  o.has_from = o.has_to = 1;
  o.from = -2;
  o.to = -1;
  ck_assert(ac_plan_build(&plan, proto, ut_arena, &o, &why));
  ck_assert_int_eq(plan.nsigns, 0);
  o.from = 8;
  o.to = 20;
  ck_assert(ac_plan_build(&plan, proto, ut_arena, &o, &why));
  ck_assert_int_eq(plan.nsigns, 1); /* redness is normal on days 0..7 only */
}
END_TEST

/* The text leaflet, whole. */
START_TEST(leaflet_text) {
  ac_plan plan;
  const char *why = NULL;
  aftercare_plan_options o;
  memset(&o, 0, sizeof o);
  ck_assert(ac_plan_build(&plan, proto, ut_arena, &o, &why));
  char *text = render(&plan, AFTERCARE_PLAN_TEXT);
  ck_assert_str_eq(text,
                   "Aftercare plan: Plan test\n"
                   "Day 0 is the day of the session. Each part below starts on a day when your "
                   "instructions change, and says what changes; what it does not mention stays as "
                   "before.\n"
                   "Ask your practitioner about anything this plan does not mention.\n"
                   "\n"
                   "== Days -2 to -1 ==\n"
                   "Forbidden:\n"
                   "  - drink alcohol (until day -1): No alcohol before the session.\n"
                   "\n"
                   "== Days 0 to 5 ==\n"
                   "Forbidden:\n"
                   "  - swim (until day 10): No pools: the skin must close.\n"
                   "  - shave with a razor (until day 5): Not yet: \u00e9t\u00e9 \u00e0 la plage.\n"
                   "Allowed:\n"
                   "  - drink alcohol\n"
                   "Phases:\n"
                   "  First days (days 0 to 3)\n"
                   "    Do: Keep it dry.\n"
                   "    Don't: Do not touch.\n"
                   "    Why: It is fragile.\n"
                   "Advice:\n"
                   "  - Use a fresh pillowcase.\n"
                   "\n"
                   "== Days 6 to 10 ==\n"
                   "From day 6, depending on a condition:\n"
                   "  - shave with a razor (only if healed)\n"
                   "Still forbidden until day 10: swim.\n"
                   "\n"
                   "== Days 11 to 20 ==\n"
                   "From day 11 you may:\n"
                   "  - swim\n"
                   "\n"
                   "== Signs to watch for ==\n"
                   "Days are counted from the session.\n"
                   "an offensive smell:\n"
                   "  - at any time (urgent): See a doctor today.\n"
                   "redness:\n"
                   "  - days 0 to 7 (normal while healing): Redness is normal at first.\n");
  free(text);
}
END_TEST

/* The HTML page: A4, the table of signs once, after the days; nothing
 * about activities no rule covers. */
START_TEST(leaflet_html) {
  ac_plan plan;
  const char *why = NULL;
  aftercare_plan_options o;
  memset(&o, 0, sizeof o);
  ck_assert(ac_plan_build(&plan, proto, ut_arena, &o, &why));
  char *html = render(&plan, AFTERCARE_PLAN_HTML);
  ck_assert_ptr_nonnull(strstr(html, "@page{size:A4;"));
  ck_assert_ptr_nonnull(strstr(html, "font-size:10.5pt"));
  const char *table = strstr(html, "<table>");
  ck_assert_ptr_nonnull(table);
  ck_assert_ptr_null(strstr(table + 1, "<table>"));
  ck_assert_ptr_nonnull(strstr(html, "<h2>Days 11 to 20</h2>"));
  ck_assert(strstr(html, "<h2>Days 11 to 20</h2>") < table);
  ck_assert_ptr_nonnull(strstr(table, "<td class=\"when\">days 0 to 7<span class=\"sep\">: </span></td>"
                                      "<td><span class=\"normal\">normal while healing</span>: Redness is "
                                      "normal at first.</td>"));
  ck_assert_ptr_null(strstr(html, "No guidance"));
  ck_assert_ptr_nonnull(strstr(html, "<p class=\"still\"><strong>Still forbidden until day 10: </strong>swim.</p>"));
  free(html);
}
END_TEST

/* Without libical a calendar is refused, nothing written, and the reason
 * given; with it again the calendar is written (ical.h). */
START_TEST(ics_without_libical) {
  long sessions[1] = {ac_plan_days(2026, 3, 2)};
  aftercare_plan_options o;
  memset(&o, 0, sizeof o);
  o.sessions = sessions;
  o.nsessions = 1;
  ac_plan plan;
  const char *why = NULL;
  ck_assert(ac_plan_build(&plan, proto, ut_arena, &o, &why));
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  ck_assert_ptr_nonnull(f);
  setenv("AFTERCARE_LIBICAL", "/nonexistent/libical.so.3", 1);
  const char *fail = ac_plan_render(&plan, ut_arena, AFTERCARE_PLAN_ICS, 1767225600LL, f);
  unsetenv("AFTERCARE_LIBICAL");
  fclose(f);
  ck_assert_ptr_nonnull(fail);
  ck_assert_ptr_nonnull(strstr(fail, "/nonexistent/libical.so.3"));
  ck_assert_uint_eq(len, 0);
  free(buf);
  char *text = render(&plan, AFTERCARE_PLAN_ICS);
  ck_assert_ptr_nonnull(strstr(text, "BEGIN:VCALENDAR\r\n"));
  free(text);
}
END_TEST

START_TEST(ics_parses_back) {
  long sessions[2] = {ac_plan_days(2026, 3, 2), ac_plan_days(2026, 3, 30)};
  aftercare_plan_options o;
  memset(&o, 0, sizeof o);
  o.sessions = sessions;
  o.nsessions = 2;
  ac_plan plan;
  const char *why = NULL;
  ck_assert(ac_plan_build(&plan, proto, ut_arena, &o, &why));
  char *text = render(&plan, AFTERCARE_PLAN_ICS);

  /* the raw text: CRLF everywhere, folded at 75 octets */
  for (const char *p = text; *p; p++) {
    if (*p == '\n') ck_assert(p > text && p[-1] == '\r');
    if (*p == '\r') ck_assert(p[1] == '\n');
  }
  for (const char *line = text; *line;) {
    const char *end = strstr(line, "\r\n");
    ck_assert_ptr_nonnull(end);
    ck_assert_int_le(end - line, 75);
    line = end + 2;
  }

  icalcomponent *cal = icalparser_parse_string(text);
  ck_assert_ptr_nonnull(cal);
  ck_assert_int_eq(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
  ck_assert_int_eq(icalcomponent_count_errors(cal), 0);
  /* one event for each part of the leaflet: each span that says something */
  int parts = 0;
  for (int i = 0; i < plan.nspans; i++) parts += ac_plan_says(&plan.spans[i]);
  ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), parts);
  int k = -1, n = 0;
  char prev_date[16] = "";
  for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), n++) {
    do k++;
    while (!ac_plan_says(&plan.spans[k]));
    const ac_plan_span *s = &plan.spans[k];
    int y, m, d;
    ac_plan_civil(s->date_from, &y, &m, &d);
    struct icaltimetype start = icalcomponent_get_dtstart(ev);
    ck_assert(start.is_date);
    ck_assert_int_eq(start.year, y);
    ck_assert_int_eq(start.month, m);
    ck_assert_int_eq(start.day, d);
    struct icaltimetype end = icalcomponent_get_dtend(ev);
    ac_plan_civil(s->date_from + 1, &y, &m, &d);
    ck_assert_int_eq(end.year * 10000 + end.month * 100 + end.day, y * 10000 + m * 100 + d);
    /* one all-day event a day, at most one alarm */
    char date[16];
    snprintf(date, sizeof date, "%04d%02d%02d", start.year, start.month, start.day);
    ck_assert_str_ne(date, prev_date);
    strcpy(prev_date, date);
    ck_assert_int_le(icalcomponent_count_components(ev, ICAL_VALARM_COMPONENT), 1);
    const char *uid = icalcomponent_get_uid(ev);
    ck_assert_ptr_nonnull(uid);
    ck_assert_ptr_nonnull(strstr(uid, date));
    ck_assert_ptr_nonnull(strstr(uid, "t-"));
    struct icaltimetype stamp = icalcomponent_get_dtstamp(ev);
    ck_assert_int_eq(stamp.year, 2026);
    ck_assert(icaltime_is_utc(stamp));
    /* the title says what changes first, the description all of it (and
     * unfolds to the same text) */
    const char *summary = icalcomponent_get_summary(ev);
    ck_assert_ptr_nonnull(summary);
    const char *desc = icalcomponent_get_description(ev);
    ck_assert_ptr_nonnull(desc);
    const char *days = ac_plan_days_title(&plan, ut_arena, s, &plan.spans[ac_plan_part_end(&plan, k)]);
    ck_assert_ptr_eq(strstr(desc, days), desc);
    if (s->session == 1 && s->from == 0) {
      ck_assert_str_eq(summary, "Day 0 of session 1: the day of your session, aftercare begins");
      ck_assert_ptr_nonnull(strstr(desc, "\nAllowed:\n  - drink alcohol\n"));
    }
    if (s->session == 1 && s->from == 8) {
      ck_assert_str_eq(summary, "Day 8 of session 1: you may shave with a razor");
      ck_assert_ptr_nonnull(strstr(desc, "\nStill forbidden until day 10: swim."));
    }
    if (s->session == 2 && s->from == 0)
      ck_assert_ptr_nonnull(strstr(desc, "Not yet: \u00e9t\u00e9 \u00e0 la plage."));
    if (s->session == 2 && s->from == 6)
      ck_assert_str_eq(summary, "Day 6 of session 2: shave with a razor, depending on a condition");
  }
  ck_assert_int_eq(n, parts);
  icalcomponent_free(cal);
  free(text);
}
END_TEST

START_TEST(ics_is_reproducible) {
  long sessions[1] = {ac_plan_days(2026, 3, 2)};
  aftercare_plan_options o;
  memset(&o, 0, sizeof o);
  o.sessions = sessions;
  o.nsessions = 1;
  ac_plan plan;
  const char *why = NULL;
  ck_assert(ac_plan_build(&plan, proto, ut_arena, &o, &why));
  char *a = render(&plan, AFTERCARE_PLAN_ICS), *b = render(&plan, AFTERCARE_PLAN_ICS);
  ck_assert_str_eq(a, b);
  ck_assert_ptr_nonnull(strstr(a, "DTSTAMP:20260101T000000Z\r\n"));
  ck_assert_ptr_nonnull(strstr(a, "UID:t-20260302-"));
  free(a);
  free(b);
}
END_TEST

static Suite *plan_suite(void) {
  Suite *s = suite_create("plan");
  TCase *tc = tcase_create("plan");
  tcase_add_checked_fixture(tc, setup, ut_teardown);
  tcase_add_test(tc, dates_round_trip);
  tcase_add_test(tc, spans_without_sessions);
  tcase_add_test(tc, spans_with_two_sessions);
  tcase_add_test(tc, span_starts_on_day_0);
  tcase_add_test(tc, range_limits);
  tcase_add_test(tc, news_what_changes);
  tcase_add_test(tc, news_until_next_session);
  tcase_add_test(tc, signs_table);
  tcase_add_test(tc, leaflet_text);
  tcase_add_test(tc, leaflet_html);
  tcase_add_test(tc, fold_lines);
  tcase_add_test(tc, ics_parses_back);
  tcase_add_test(tc, ics_without_libical);
  tcase_add_test(tc, ics_is_reproducible);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(plan_suite()); }
