/*
 * check_evaluator.c -- answering requests on a compiled protocol
 * (src/evaluator.c): can, when, symptoms.
 */
#include "config.h"

#include "unit.h"

static const char *const protocol_text =
    "protocol t { horizon 30 days; sessions 3; }\n"
    "activity shave_razor aliases \"razor\";\n"
    "activity swim;\n"
    "activity run;\n"
    "activity hot_water;\n"
    "activity sauna;\n"
    "activity alcohol;\n"
    "activity henna;\n"
    "activity gym;\n"
    "activity nothing_said;\n"
    "activity tan;\n"
    "symptom redness;\n"
    "symptom burning;\n"
    "symptom discharge;\n"
    "symptom swelling;\n"
    "fact healed boolean;\n"
    "fact minutes number;\n"
    "rule no_razor: forbid shave_razor first 10 days;\n"
    "rule razor_healed: allow shave_razor after 10 days only if healed and not symptom redness;\n"
    "rule swim_early: forbid swim first 3 days;\n"
    "rule swim_month: forbid swim days 4..28;\n"
    "rule swim_ok: allow swim after 28 days;\n"
    "rule never_hot: forbid hot_water always;\n"
    "rule run_rest: forbid run days 0..3;\n"
    "rule run_some: allow run days 10..15;\n"
    "rule sauna_short: forbid sauna first 5 days unless minutes < 3;\n"
    "rule sauna_later: allow sauna after 5 days unless symptom burning;\n"
    "rule alc_before: forbid alcohol days -3..-1;\n"
    "rule alc_after: allow alcohol days 0..;\n"
    "rule henna_a: allow henna days 0..9 only if healed;\n"
    "rule henna_b: allow henna days 5..9 only if minutes >= 10;\n"
    "rule gym_final: forbid gym first 10 days after final session;\n"
    "rule gym_every: forbid gym first 3 days;\n"
    "rule gym_later: allow gym after 10 days;\n"
    "rule tan_a: forbid tan days 0..3;\n"
    "rule tan_b: allow tan days 4..9;\n"
    "rule tan_c: forbid tan days 10..12;\n"
    "rule tan_d: recommend tan days 13..;\n"
    "triage infection_discharge: symptoms discharge level urgent advice \"A\";\n"
    "triage severe_burning: symptoms severe burning level urgent advice \"B\";\n"
    "triage burning_watch: symptoms burning level monitor advice \"C\";\n"
    "triage normal_redness: symptoms redness first 14 days level normal advice \"D\";\n"
    "triage red_swollen: symptoms redness, swelling level monitor advice \"E\";\n"
    "triage late_redness: symptoms redness after 14 days level monitor advice \"F\";\n";

static ac_protocol *proto;

static void setup(void) {
  ut_setup();
  proto = ut_load(protocol_text);
  ck_assert_msg(ut_diags.errors == 0, "%s", ut_render(&ut_diags));
}

/* A `can` request after the final session, nothing known. */
static ac_request can(const char *activity, int32_t day) {
  ac_request r;
  memset(&r, 0, sizeof r);
  r.kind = AC_Q_CAN;
  r.activity = ut_activity(proto, activity);
  r.day = day;
  r.final_session = true;
  ac_cond_facts_init(&r.facts, ut_arena, proto);
  return r;
}

static void fact(ac_request *r, const char *name, int64_t value) {
  int i = ut_entity(proto, name)->index;
  r->facts.known[i] = true;
  r->facts.value[i] = value;
}

static void symptom(ac_request *r, const char *name, bool reported) {
  int i = ut_entity(proto, name)->index;
  r->facts.symptom_known[i] = true;
  r->facts.reported[i] = reported;
}

static ac_can_answer ask(const ac_request *r) {
  ac_can_answer a;
  memset(&a, 0xFF, sizeof a); /* every field must be set */
  ac_eval_can(proto, r, &a);
  return a;
}

/* ---- can ---- */

START_TEST(can_plain_verdicts) {
  ac_request r = can("shave_razor", 5);
  ac_can_answer a = ask(&r);
  ck_assert_int_eq(a.verdict, AC_FORBIDDEN);
  ck_assert_int_eq(a.timeline, AC_FORBIDDEN);
  ck_assert_ptr_nonnull(a.seg);
  ck_assert_str_eq(ut_seg_rules(a.seg), "no_razor");
  ck_assert_ptr_null(a.deciding);
  r = can("swim", 29);
  a = ask(&r);
  ck_assert_int_eq(a.verdict, AC_ALLOWED);
  ck_assert_str_eq(ut_seg_rules(a.seg), "swim_ok");
  r = can("tan", 2000000000);
  ck_assert_int_eq(ask(&r).verdict, AC_RECOMMENDED);
}
END_TEST

START_TEST(can_unknown_day) {
  ac_request r = can("shave_razor", -1);
  ac_can_answer a = ask(&r);
  ck_assert_int_eq(a.verdict, AC_UNKNOWN);
  ck_assert_int_eq(a.timeline, AC_UNKNOWN);
  ck_assert_ptr_null(a.seg);
  ck_assert_ptr_null(a.deciding);
  r = can("run", 7);
  ck_assert_int_eq(ask(&r).verdict, AC_UNKNOWN);
  r = can("nothing_said", 0);
  ck_assert_int_eq(ask(&r).verdict, AC_UNKNOWN);
}
END_TEST

START_TEST(can_conditional_with_facts) {
  const ac_rule *rule = ut_rule(proto, "razor_healed");
  /* nothing known: conditional, the rule's condition is open */
  ac_request r = can("shave_razor", 12);
  ac_can_answer a = ask(&r);
  ck_assert_int_eq(a.verdict, AC_CONDITIONAL);
  ck_assert_int_eq(a.timeline, AC_CONDITIONAL);
  ck_assert_ptr_eq(a.deciding, rule);
  /* healed, no redness: allowed */
  fact(&r, "healed", 1);
  symptom(&r, "redness", false);
  a = ask(&r);
  ck_assert_int_eq(a.verdict, AC_ALLOWED);
  ck_assert_int_eq(a.timeline, AC_CONDITIONAL);
  ck_assert_ptr_eq(a.deciding, rule);
  /* healed, redness: forbidden */
  symptom(&r, "redness", true);
  a = ask(&r);
  ck_assert_int_eq(a.verdict, AC_FORBIDDEN);
  ck_assert_ptr_eq(a.deciding, rule);
  /* not healed, redness unknown: forbidden whatever the redness */
  ac_request r2 = can("shave_razor", 12);
  fact(&r2, "healed", 0);
  ck_assert_int_eq(ask(&r2).verdict, AC_FORBIDDEN);
  /* healed, redness unknown: still conditional */
  ac_request r3 = can("shave_razor", 12);
  fact(&r3, "healed", 1);
  ck_assert_int_eq(ask(&r3).verdict, AC_CONDITIONAL);
}
END_TEST

START_TEST(can_unless) {
  /* forbid ... unless C: allowed when C holds */
  ac_request r = can("sauna", 2);
  ck_assert_int_eq(ask(&r).verdict, AC_CONDITIONAL);
  fact(&r, "minutes", 2);
  ck_assert_int_eq(ask(&r).verdict, AC_ALLOWED);
  fact(&r, "minutes", 3);
  ck_assert_int_eq(ask(&r).verdict, AC_FORBIDDEN);
  /* allow ... unless C: forbidden when C holds */
  ac_request s = can("sauna", 6);
  ck_assert_int_eq(ask(&s).verdict, AC_CONDITIONAL);
  symptom(&s, "burning", true);
  ck_assert_int_eq(ask(&s).verdict, AC_FORBIDDEN);
  symptom(&s, "burning", false);
  ck_assert_int_eq(ask(&s).verdict, AC_ALLOWED);
}
END_TEST

START_TEST(can_every_condition_must_hold) {
  const ac_rule *a_rule = ut_rule(proto, "henna_a"), *b_rule = ut_rule(proto, "henna_b");
  /* day 7: both rules */
  ac_request r = can("henna", 7);
  ac_can_answer a = ask(&r);
  ck_assert_int_eq(a.verdict, AC_CONDITIONAL);
  ck_assert_str_eq(ut_seg_rules(a.seg), "henna_a,henna_b");
  ck_assert_ptr_eq(a.deciding, a_rule); /* the first open one */
  fact(&r, "healed", 1);
  a = ask(&r);
  ck_assert_int_eq(a.verdict, AC_CONDITIONAL);
  ck_assert_ptr_eq(a.deciding, b_rule);
  fact(&r, "minutes", 12);
  a = ask(&r);
  ck_assert_int_eq(a.verdict, AC_ALLOWED);
  fact(&r, "minutes", 5);
  a = ask(&r);
  ck_assert_int_eq(a.verdict, AC_FORBIDDEN);
  ck_assert_ptr_eq(a.deciding, b_rule);
  /* one false decides even when another is open */
  ac_request r2 = can("henna", 7);
  fact(&r2, "minutes", 5);
  a = ask(&r2);
  ck_assert_int_eq(a.verdict, AC_FORBIDDEN);
  ck_assert_ptr_eq(a.deciding, b_rule);
  /* day 3: only the first rule */
  ac_request r3 = can("henna", 3);
  fact(&r3, "healed", 1);
  a = ask(&r3);
  ck_assert_int_eq(a.verdict, AC_ALLOWED);
  ck_assert_str_eq(ut_seg_rules(a.seg), "henna_a");
}
END_TEST

START_TEST(can_by_session) {
  ac_request r = can("gym", 5);
  ck_assert_int_eq(ask(&r).verdict, AC_FORBIDDEN);
  r.final_session = false;
  ck_assert_int_eq(ask(&r).verdict, AC_UNKNOWN);
  r.day = 2;
  ck_assert_int_eq(ask(&r).verdict, AC_FORBIDDEN);
  ck_assert_ptr_eq(ac_timeline_for(proto, r.activity->e.index, false),
                   &r.activity->every_tl);
  ck_assert_ptr_eq(ac_timeline_for(proto, r.activity->e.index, true),
                   &r.activity->final_tl);
}
END_TEST

/* ---- when ---- */

static ac_when_answer when(const char *activity, bool final_session) {
  ac_when_answer w;
  ac_eval_when(proto, ut_arena, ut_activity(proto, activity), final_session, &w);
  return w;
}

/* Windows as text: "0..10 forbidden; 11..end conditional". */
static const char *windows(const ac_when_answer *w) {
  char *out = ac_arena_strdup(ut_arena, "");
  for (int i = 0; i < w->nwindows; i++) {
    const ac_window *x = &w->windows[i];
    char from[16], to[16];
    if (x->open_from)
      strcpy(from, "start");
    else
      snprintf(from, sizeof from, "%ld", (long)x->from);
    if (x->open_to)
      strcpy(to, "end");
    else
      snprintf(to, sizeof to, "%ld", (long)x->to);
    out = ac_arena_printf(ut_arena, "%s%s%s..%s %s", out, i ? "; " : "", from, to,
                          ac_verdict_name(x->verdict));
  }
  return out;
}

START_TEST(when_allowed_from) {
  ac_when_answer w = when("shave_razor", true);
  ck_assert(!w.never);
  ck_assert_int_eq(w.allowed_from, 11);
  ck_assert_str_eq(windows(&w), "0..10 forbidden; 11..end conditional");
  ck_assert_int_eq(w.windows[1].to, INT32_MAX);
  ck_assert_ptr_nonnull(w.windows[0].seg);
}
END_TEST

START_TEST(when_never) {
  ac_when_answer w = when("hot_water", true);
  ck_assert(w.never);
  ck_assert_str_eq(windows(&w), "start..end forbidden");
  ck_assert_int_eq(w.nwindows, 1);
  ck_assert_int_eq(w.windows[0].from, INT32_MIN);
}
END_TEST

START_TEST(when_unknown_windows) {
  ac_when_answer w = when("run", true);
  ck_assert(!w.never);
  ck_assert_int_eq(w.allowed_from, 4);
  ck_assert_str_eq(windows(&w), "0..3 forbidden; 4..9 unknown; 10..15 allowed; 16..end unknown");
  ck_assert_ptr_null(w.windows[1].seg);
  ck_assert_ptr_null(w.windows[3].seg);
  /* nothing said at all: one unknown window, allowed from day 0 */
  ac_when_answer n = when("nothing_said", true);
  ck_assert(!n.never);
  ck_assert_int_eq(n.allowed_from, 0);
  ck_assert_str_eq(windows(&n), "0..end unknown");
}
END_TEST

START_TEST(when_merges_same_verdict) {
  /* two forbidding rules back to back: one window */
  ac_when_answer w = when("swim", true);
  ck_assert_int_eq(w.allowed_from, 29);
  ck_assert_str_eq(windows(&w), "0..28 forbidden; 29..end allowed");
  ck_assert_int_eq(w.nwindows, 2);
}
END_TEST

START_TEST(when_last_forbidden_counts) {
  ac_when_answer w = when("tan", true);
  ck_assert_int_eq(w.allowed_from, 13);
  ck_assert_str_eq(windows(&w),
                   "0..3 forbidden; 4..9 allowed; 10..12 forbidden; 13..end recommended");
}
END_TEST

START_TEST(when_before_day_zero) {
  ac_when_answer w = when("alcohol", true);
  ck_assert(!w.never);
  ck_assert_int_eq(w.allowed_from, 0);
  ck_assert_str_eq(windows(&w), "-3..-1 forbidden; 0..end allowed");
}
END_TEST

START_TEST(when_by_session) {
  ck_assert_int_eq(when("gym", true).allowed_from, 11);
  ck_assert_int_eq(when("gym", false).allowed_from, 4);
  ac_when_answer w = when("gym", false);
  ck_assert_str_eq(windows(&w), "0..3 forbidden; 4..10 unknown; 11..end allowed");
}
END_TEST

/* ---- symptoms ---- */

/* A symptoms request: "severe burning, redness" (intensity words before a
 * name), on a day. */
static ac_request symptoms(const char *list, int32_t day) {
  ac_request r;
  memset(&r, 0, sizeof r);
  r.kind = AC_Q_SYMPTOMS;
  r.day = day;
  r.symptoms = ac_arena_array(ut_arena, 8, sizeof *r.symptoms);
  r.intensities = ac_arena_array(ut_arena, 8, sizeof *r.intensities);
  char *copy = ac_arena_strdup(ut_arena, list);
  for (char *item = strtok(copy, ","); item; item = strtok(NULL, ",")) {
    while (*item == ' ') item++;
    ac_intensity in = AC_INTENSITY_ANY;
    static const struct {
      const char *word;
      ac_intensity in;
    } words[] = {{"mild ", AC_INTENSITY_MILD},
                 {"moderate ", AC_INTENSITY_MODERATE},
                 {"severe ", AC_INTENSITY_SEVERE}};
    for (size_t k = 0; k < 3; k++)
      if (strncmp(item, words[k].word, strlen(words[k].word)) == 0) {
        in = words[k].in;
        item += strlen(words[k].word);
      }
    r.symptoms[r.nsymptoms] = ut_entity(proto, item)->index;
    r.intensities[r.nsymptoms] = in;
    r.nsymptoms++;
  }
  return r;
}

/* The names of the rules that fired, in order. */
static const char *fired(const char *list, int32_t day, ac_level *level) {
  ac_request r = symptoms(list, day);
  ac_triage_answer a;
  ac_eval_symptoms(proto, ut_arena, &r, &a);
  *level = a.level;
  char *out = ac_arena_strdup(ut_arena, "");
  for (int i = 0; i < a.nfired; i++)
    out = ac_arena_printf(ut_arena, "%s%s%s", out, i ? "," : "", a.fired[i]->e.name);
  return out;
}

START_TEST(symptoms_single) {
  ac_level l;
  ck_assert_str_eq(fired("redness", 5, &l), "normal_redness");
  ck_assert_int_eq(l, AC_LEVEL_NORMAL);
  ck_assert_str_eq(fired("redness", 20, &l), "late_redness");
  ck_assert_int_eq(l, AC_LEVEL_MONITOR);
  ck_assert_str_eq(fired("discharge", -100, &l), "infection_discharge");
  ck_assert_int_eq(l, AC_LEVEL_URGENT);
}
END_TEST

START_TEST(symptoms_nothing_fires) {
  ac_level l;
  ck_assert_str_eq(fired("swelling", 5, &l), "");
  ck_assert_int_eq(l, AC_LEVEL_UNKNOWN);
  /* a window ends: day 14 is the last of normal_redness, 15 the first of
   * late_redness */
  ck_assert_str_eq(fired("redness", 14, &l), "normal_redness");
  ck_assert_str_eq(fired("redness", 15, &l), "late_redness");
}
END_TEST

START_TEST(symptoms_every_item_needed) {
  ac_level l;
  ck_assert_str_eq(fired("redness, swelling", 5, &l), "red_swollen,normal_redness");
  ck_assert_int_eq(l, AC_LEVEL_MONITOR);
  ck_assert_str_eq(fired("swelling, redness", 5, &l), "red_swollen,normal_redness");
}
END_TEST

START_TEST(symptoms_intensity_matching) {
  ac_level l;
  /* `severe burning` matches a severe report only; `burning` any report */
  ck_assert_str_eq(fired("severe burning", 3, &l), "severe_burning,burning_watch");
  ck_assert_int_eq(l, AC_LEVEL_URGENT);
  ck_assert_str_eq(fired("burning", 3, &l), "burning_watch");
  ck_assert_int_eq(l, AC_LEVEL_MONITOR);
  ck_assert_str_eq(fired("moderate burning", 3, &l), "burning_watch");
  ck_assert_str_eq(fired("mild burning", 3, &l), "burning_watch");
}
END_TEST

START_TEST(symptoms_most_severe_first) {
  ac_level l;
  ck_assert_str_eq(fired("redness, severe burning, discharge", 1, &l),
                   "infection_discharge,severe_burning,burning_watch,normal_redness");
  ck_assert_int_eq(l, AC_LEVEL_URGENT);
  const ac_triage *t = (const ac_triage *)ut_entity(proto, "infection_discharge");
  ck_assert_str_eq(t->advice, "A");
  ck_assert_int_eq(proto->ntriage, 6);
  ck_assert_ptr_eq(proto->triage_sorted[0], t);
}
END_TEST

/* A report without intensity is mild; items bound it from below, above or
 * both; the fallback fires for undeclared symptoms only. */
START_TEST(symptoms_intensity_bounds) {
  proto = ut_load("protocol b;\n"
                  "symptom redness;\n"
                  "symptom swelling;\n"
                  "triage upto: symptoms at most moderate redness level normal advice \"U\";\n"
                  "triage from_moderate: symptoms at least moderate redness level monitor advice \"L\";\n"
                  "triage range: symptoms mild..moderate swelling level monitor advice \"R\";\n"
                  "triage high: symptoms severe..severe swelling level urgent advice \"H\";\n"
                  "triage fb: symptoms otherwise level monitor advice \"F\";\n");
  ck_assert_msg(ut_diags.errors == 0, "%s", ut_render(&ut_diags));
  ck_assert_ptr_eq(proto->fallback, (const ac_triage *)ut_entity(proto, "fb"));
  ac_level l;
  ck_assert_str_eq(fired("redness", 1, &l), "upto");
  ck_assert_int_eq(l, AC_LEVEL_NORMAL);
  ck_assert_str_eq(fired("mild redness", 1, &l), "upto");
  ck_assert_str_eq(fired("moderate redness", 1, &l), "from_moderate,upto");
  ck_assert_int_eq(l, AC_LEVEL_MONITOR);
  ck_assert_str_eq(fired("severe redness", 1, &l), "from_moderate");
  ck_assert_str_eq(fired("swelling", 1, &l), "range");
  ck_assert_str_eq(fired("moderate swelling", 1, &l), "range");
  ck_assert_str_eq(fired("severe swelling", 1, &l), "high");
  ck_assert_int_eq(l, AC_LEVEL_URGENT);
  /* an undeclared symptom with them: the fallback fires too */
  ac_request r = symptoms("redness", 1);
  r.nunknown = 1;
  ac_triage_answer a;
  ac_eval_symptoms(proto, ut_arena, &r, &a);
  ck_assert_int_eq(a.level, AC_LEVEL_MONITOR);
  ck_assert_int_eq(a.nfired, 2);
  ck_assert_str_eq(a.fired[0]->e.name, "fb");
  ck_assert(ac_intensity_matches(AC_INTENSITY_ANY, AC_INTENSITY_MILD, AC_INTENSITY_MILD));
  ck_assert(!ac_intensity_matches(AC_INTENSITY_ANY, AC_INTENSITY_MODERATE, AC_INTENSITY_ANY));
}
END_TEST

static Suite *evaluator_suite(void) {
  Suite *s = suite_create("evaluator");
  TCase *tc = tcase_create("can");
  tcase_add_checked_fixture(tc, setup, ut_teardown);
  tcase_add_test(tc, can_plain_verdicts);
  tcase_add_test(tc, can_unknown_day);
  tcase_add_test(tc, can_conditional_with_facts);
  tcase_add_test(tc, can_unless);
  tcase_add_test(tc, can_every_condition_must_hold);
  tcase_add_test(tc, can_by_session);
  suite_add_tcase(s, tc);

  tc = tcase_create("when");
  tcase_add_checked_fixture(tc, setup, ut_teardown);
  tcase_add_test(tc, when_allowed_from);
  tcase_add_test(tc, when_never);
  tcase_add_test(tc, when_unknown_windows);
  tcase_add_test(tc, when_merges_same_verdict);
  tcase_add_test(tc, when_last_forbidden_counts);
  tcase_add_test(tc, when_before_day_zero);
  tcase_add_test(tc, when_by_session);
  suite_add_tcase(s, tc);

  tc = tcase_create("symptoms");
  tcase_add_checked_fixture(tc, setup, ut_teardown);
  tcase_add_test(tc, symptoms_single);
  tcase_add_test(tc, symptoms_nothing_fires);
  tcase_add_test(tc, symptoms_every_item_needed);
  tcase_add_test(tc, symptoms_intensity_matching);
  tcase_add_test(tc, symptoms_most_severe_first);
  tcase_add_test(tc, symptoms_intensity_bounds);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(evaluator_suite()); }
