/*
 * check_timeline.c -- compiling rules into per-activity timelines
 * (src/timeline.c): precedence, overrides, open and negative ranges,
 * merging, reasons, huge ranges, binary search, sessions.
 */
#include "config.h"

#include <time.h>

#include "unit.h"

#define VOCAB                                                                  \
  "protocol t;\n"                                                              \
  "activity swim;\n"                                                           \
  "activity rinse;\n"                                                          \
  "activity run;\n"                                                            \
  "group water = swim, rinse;\n"                                               \
  "fact healed boolean;\n"                                                     \
  "fact minutes number;\n"

/* Loads VOCAB and the rules; errors fail the test unless allowed. */
static ac_protocol *load(const char *rules) {
  ac_protocol *p = ut_load(ac_arena_printf(ut_arena, VOCAB "%s", rules));
  ut_assert_no_errors(&ut_diags);
  return p;
}

static const char *tl(const ac_protocol *p, const char *activity) {
  return ut_tl_text(ut_tl(p, activity, true));
}

START_TEST(single_rules) {
  ac_protocol *p = load("forbid swim first 10 days;\nallow swim after 10 days;\n");
  ck_assert_str_eq(tl(p, "swim"), "0..10 forbidden; 11..end allowed");
  ck_assert_str_eq(tl(p, "rinse"), "");
  const ac_timeline *t = ut_tl(p, "swim", true);
  ck_assert_int_eq(t->nsegs, 2);
  ck_assert_int_eq(t->segs[0].nrules, 1);
  ck_assert_str_eq(ut_seg_rules(&t->segs[0]), "forbid_swim_0_10");
  ck_assert_str_eq(ut_seg_rules(&t->segs[1]), "allow_swim_11_end");
  ck_assert(ut_rule(p, "forbid_swim_0_10")->used);
}
END_TEST

START_TEST(every_verdict) {
  ac_protocol *p = load("forbid run day 0;\ndiscourage run day 1;\nallow run day 2;\n"
                        "recommend run day 3;\nallow run day 4 only if healed;\n");
  ck_assert_str_eq(tl(p, "run"), "0..0 forbidden; 1..1 discouraged; 2..2 allowed; "
                                 "3..3 recommended; 4..4 conditional");
}
END_TEST

START_TEST(activity_rule_over_group_rule) {
  ac_protocol *p = load("forbid water first 10 days;\nallow swim days 5..20;\n");
  ck_assert_str_eq(tl(p, "swim"), "0..4 forbidden; 5..20 allowed");
  ck_assert_str_eq(tl(p, "rinse"), "0..10 forbidden");
  const ac_timeline *t = ut_tl(p, "swim", true);
  ck_assert_str_eq(ut_seg_rules(&t->segs[0]), "forbid_water_0_10");
  ck_assert_str_eq(ut_seg_rules(&t->segs[1]), "allow_swim_5_20");
  ck_assert_int_eq(ut_count(&ut_diags, AC_E_CONFLICT), 0); /* different levels */
}
END_TEST

START_TEST(activity_rule_inside_group_rule) {
  ac_protocol *p = load("allow water always;\nforbid swim days 3..4;\n");
  ck_assert_str_eq(tl(p, "swim"), "start..2 allowed; 3..4 forbidden; 5..end allowed");
  ck_assert_str_eq(tl(p, "rinse"), "start..end allowed");
}
END_TEST

START_TEST(overrides_carves_within_protocol) {
  ac_protocol *p = load("rule wide: forbid run always;\n"
                        "rule narrow: allow run days 3..5 overrides wide;\n");
  ck_assert_int_eq(ut_count(&ut_diags, AC_E_CONFLICT), 0);
  ck_assert_str_eq(tl(p, "run"), "start..2 forbidden; 3..5 allowed; 6..end forbidden");
  /* the loser wins the other days */
  const ac_timeline *t = ut_tl(p, "run", true);
  ck_assert_str_eq(ut_seg_rules(&t->segs[2]), "wide");
}
END_TEST

START_TEST(overrides_wholly) {
  /* The loser covers exactly the winner's days: nothing of it is left. */
  ac_protocol *p = load("rule a: forbid run days 0..10;\n"
                        "rule b: allow run days 0..10 overrides a;\n"
                        "rule c: discourage run days 20..30;\n"
                        "rule d: recommend run days 20..30 overrides c;\n"
                        "rule e: forbid run days 20..30 overrides d;\n");
  ck_assert_str_eq(tl(p, "run"), "0..10 allowed; 20..30 forbidden");
  ck_assert(!ut_rule(p, "a")->used);
  ck_assert(ut_rule(p, "b")->used);
  ck_assert(!ut_rule(p, "d")->used);
}
END_TEST

START_TEST(overrides_on_group) {
  /* A group rule that overrides another group rule: carved per member. */
  ac_protocol *p = load("rule dry: forbid water first 10 days;\n"
                        "rule rinse_ok: allow water days 4..10 overrides dry;\n");
  ck_assert_str_eq(tl(p, "swim"), "0..3 forbidden; 4..10 allowed");
  ck_assert_str_eq(tl(p, "rinse"), "0..3 forbidden; 4..10 allowed");
}
END_TEST

START_TEST(conflict_takes_strictest_and_merges) {
  /* A conflict (reported) is decided on the cautious side; the forbidding
   * rule's days before and during the overlap become one segment. */
  ac_protocol *p = ut_load(VOCAB "rule a: forbid run days 0..5;\nrule b: allow run days 3..8;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0201");
  const ac_timeline *t = ut_tl(p, "run", true);
  ck_assert_str_eq(ut_tl_text(t), "0..5 forbidden; 6..8 allowed");
  ck_assert_str_eq(ut_seg_rules(&t->segs[0]), "a");
}
END_TEST

START_TEST(adjacent_segments_merge) {
  /* 'x' is wholly overridden by 'w', but its start still cuts the sweep:
   * days 2 and 3..6 have the same reasons and become one segment. */
  ac_protocol *p = load("rule all: allow run days 0..10;\n"
                        "rule x: forbid run days 3..5;\n"
                        "rule w: allow run days 2..6 overrides x;\n");
  const ac_timeline *t = ut_tl(p, "run", true);
  ck_assert_str_eq(ut_tl_text(t), "0..1 allowed; 2..6 allowed; 7..10 allowed");
  ck_assert_str_eq(ut_seg_rules(&t->segs[0]), "all");
  ck_assert_str_eq(ut_seg_rules(&t->segs[1]), "all,w");
  ck_assert_str_eq(ut_seg_rules(&t->segs[2]), "all");
}
END_TEST

START_TEST(same_reasons_not_adjacent_stay_apart) {
  ac_protocol *p = load("rule a: forbid run days 0..3;\nrule b: forbid run days 5..6;\n"
                        "rule c: forbid run days 4..4;\n");
  const ac_timeline *t = ut_tl(p, "run", true);
  ck_assert_str_eq(ut_tl_text(t), "0..3 forbidden; 4..4 forbidden; 5..6 forbidden");
  ck_assert_str_eq(ut_seg_rules(&t->segs[1]), "c");
}
END_TEST

START_TEST(open_ranges) {
  ac_protocol *p = load("forbid run until day 3;\nallow run days 4..;\n"
                        "recommend swim always;\n"
                        "forbid rinse before treatment;\n");
  ck_assert_str_eq(tl(p, "run"), "start..3 forbidden; 4..end allowed");
  ck_assert_str_eq(tl(p, "swim"), "start..end recommended");
  ck_assert_str_eq(tl(p, "rinse"), "start..-1 forbidden");
  const ac_timeline *t = ut_tl(p, "run", true);
  ck_assert_int_eq(t->segs[0].from, INT32_MIN);
  ck_assert_int_eq(t->segs[1].to, INT32_MAX);
}
END_TEST

START_TEST(negative_days) {
  ac_protocol *p = load("forbid run days -3..-1;\nallow run days 0..;\n"
                        "forbid swim days -10..-5;\nallow swim days -4..2;\n");
  ck_assert_str_eq(tl(p, "run"), "-3..-1 forbidden; 0..end allowed");
  ck_assert_str_eq(tl(p, "swim"), "-10..-5 forbidden; -4..2 allowed");
}
END_TEST

START_TEST(conditional_lists_every_rule) {
  ac_protocol *p = load("rule r1: allow run always only if healed;\n"
                        "rule r2: allow run days 0..5 only if minutes < 3;\n");
  const ac_timeline *t = ut_tl(p, "run", true);
  ck_assert_str_eq(ut_tl_text(t),
                   "start..-1 conditional; 0..5 conditional; 6..end conditional");
  ck_assert_str_eq(ut_seg_rules(&t->segs[0]), "r1");
  ck_assert_str_eq(ut_seg_rules(&t->segs[1]), "r1,r2");
  ck_assert_str_eq(ut_seg_rules(&t->segs[2]), "r1");
}
END_TEST

START_TEST(many_reasons) {
  /* Ten conditional rules on one day: all listed (all must hold); ten
   * forbidding rules: at most AC_MAX_REASONS listed. */
  char *rules = ac_arena_strdup(ut_arena, "");
  for (int i = 0; i < 10; i++)
    rules = ac_arena_printf(ut_arena,
                            "%srule c%d: allow run day 1 only if minutes > %d;\n"
                            "rule f%d: forbid swim day 1;\n",
                            rules, i, i, i);
  ac_protocol *p = load(rules);
  const ac_timeline *run = ut_tl(p, "run", true);
  ck_assert_int_eq(run->nsegs, 1);
  ck_assert_int_eq(run->segs[0].nrules, 10);
  ck_assert_str_eq(ut_seg_rules(&run->segs[0]), "c0,c1,c2,c3,c4,c5,c6,c7,c8,c9");
  const ac_timeline *swim = ut_tl(p, "swim", true);
  ck_assert_int_eq(swim->nsegs, 1);
  ck_assert_int_eq(swim->segs[0].nrules, AC_MAX_REASONS);
  ck_assert_int_eq(ac_segment_nmore(&swim->segs[0]), 2);
  ck_assert_int_eq(ac_segment_nmore(&run->segs[0]), 0);
  ck_assert_str_eq(ut_seg_rules(&swim->segs[0]), "f0,f1,f2,f3,f4,f5,f6,f7");
}
END_TEST

START_TEST(huge_ranges_cost_nothing) {
  clock_t start = clock();
  ac_protocol *p = load("forbid run days 0..2000000000;\nallow run days 2000000001..;\n"
                        "forbid swim days -2147483648..-1;\nallow swim days 0..2147483647;\n"
                        "discourage rinse days -2000000000..2000000000;\n");
  double secs = (double)(clock() - start) / CLOCKS_PER_SEC;
  ck_assert_str_eq(tl(p, "run"), "0..2000000000 forbidden; 2000000001..end allowed");
  ck_assert_str_eq(tl(p, "swim"), "start..-1 forbidden; 0..end allowed");
  ck_assert_str_eq(tl(p, "rinse"), "-2000000000..2000000000 discouraged");
  ck_assert_msg(secs < 1.0, "compiling took %.2f s", secs);
  const ac_timeline *t = ut_tl(p, "run", true);
  ck_assert_ptr_eq(ac_timeline_find(t, 1999999999), &t->segs[0]);
  ck_assert_ptr_eq(ac_timeline_find(t, INT32_MAX), &t->segs[1]);
  ck_assert_ptr_null(ac_timeline_find(t, -1));
}
END_TEST

START_TEST(many_rules_many_segments) {
  /* 2000 one-day rules alternating verdicts over a huge spread of days. */
  size_t cap = 2000 * 40, len = 0;
  char *rules = ac_arena_alloc(ut_arena, cap);
  for (int i = 0; i < 2000; i++)
    len += (size_t)snprintf(rules + len, cap - len, "%s run day %d;\n",
                            i % 2 ? "allow" : "forbid", i * 1000000);
  ac_protocol *p = load(rules);
  const ac_timeline *t = ut_tl(p, "run", true);
  ck_assert_int_eq(t->nsegs, 2000);
  for (int i = 0; i < 2000; i++) {
    const ac_segment *s = ac_timeline_find(t, i * 1000000);
    ck_assert_ptr_eq(s, &t->segs[i]);
    ck_assert_int_eq(s->verdict, i % 2 ? AC_ALLOWED : AC_FORBIDDEN);
    ck_assert_ptr_null(ac_timeline_find(t, i * 1000000 + 1));
  }
}
END_TEST

/* ---- Binary search ---- */

START_TEST(find_and_lower) {
  ac_segment segs[3] = {
      {.from = 0, .to = 3, .verdict = AC_FORBIDDEN},
      {.from = 5, .to = 9, .verdict = AC_ALLOWED},
      {.from = 20, .to = 20, .verdict = AC_DISCOURAGED},
  };
  int32_t ends[3] = {3, 9, 20};
  ac_timeline t = {3, ends, segs};
  ck_assert_int_eq(ac_timeline_lower(&t, INT32_MIN), 0);
  ck_assert_int_eq(ac_timeline_lower(&t, 0), 0);
  ck_assert_int_eq(ac_timeline_lower(&t, 3), 0);
  ck_assert_int_eq(ac_timeline_lower(&t, 4), 1);
  ck_assert_int_eq(ac_timeline_lower(&t, 9), 1);
  ck_assert_int_eq(ac_timeline_lower(&t, 10), 2);
  ck_assert_int_eq(ac_timeline_lower(&t, 20), 2);
  ck_assert_int_eq(ac_timeline_lower(&t, 21), 3);
  ck_assert_int_eq(ac_timeline_lower(&t, INT32_MAX), 3);
  ck_assert_ptr_null(ac_timeline_find(&t, -1));
  ck_assert_ptr_eq(ac_timeline_find(&t, 0), &segs[0]);
  ck_assert_ptr_eq(ac_timeline_find(&t, 3), &segs[0]);
  ck_assert_ptr_null(ac_timeline_find(&t, 4));
  ck_assert_ptr_eq(ac_timeline_find(&t, 5), &segs[1]);
  ck_assert_ptr_eq(ac_timeline_find(&t, 9), &segs[1]);
  ck_assert_ptr_null(ac_timeline_find(&t, 19));
  ck_assert_ptr_eq(ac_timeline_find(&t, 20), &segs[2]);
  ck_assert_ptr_null(ac_timeline_find(&t, 21));
  ck_assert_ptr_null(ac_timeline_find(&t, INT32_MIN));
  ck_assert_ptr_null(ac_timeline_find(&t, INT32_MAX));
}
END_TEST

START_TEST(find_in_empty_and_full) {
  ac_timeline empty = {0, NULL, NULL};
  ck_assert_int_eq(ac_timeline_lower(&empty, 5), 0);
  ck_assert_ptr_null(ac_timeline_find(&empty, 5));
  ck_assert_ptr_null(ac_timeline_find(NULL, 5));
  ac_segment all = {.from = INT32_MIN, .to = INT32_MAX, .verdict = AC_ALLOWED};
  int32_t end = INT32_MAX;
  ac_timeline full = {1, &end, &all};
  ck_assert_ptr_eq(ac_timeline_find(&full, INT32_MIN), &all);
  ck_assert_ptr_eq(ac_timeline_find(&full, 0), &all);
  ck_assert_ptr_eq(ac_timeline_find(&full, INT32_MAX), &all);
}
END_TEST

/* ---- Extensions ---- */

START_TEST(extension_over_base) {
  const char *dir = ut_tmpdir();
  ut_write(dir, "base.care",
           "protocol base;\nactivity swim;\nactivity rinse;\ngroup water = swim, rinse;\n"
           "rule no_swim: forbid swim first 10 days;\nrule swim_later: allow swim after 10 days;\n"
           "rule wet: allow water always;\n");
  const char *text = ac_arena_printf(ut_arena,
                                     "protocol clinic;\nextends \"%s/base.care\";\n"
                                     "rule pool_party: allow swim days 5..7;\n"
                                     "rule dry: forbid water days 100..200;\n",
                                     dir);
  ac_protocol *p = ut_compile_memory("clinic.care", text, strlen(text));
  ut_assert_no_errors(&ut_diags);
  /* the extension decides its days; the base the others */
  ck_assert_str_eq(tl(p, "swim"), "start..-1 allowed; 0..4 forbidden; 5..7 allowed; "
                                  "8..10 forbidden; 11..99 allowed; 100..200 forbidden; "
                                  "201..end allowed");
  const ac_timeline *t = ut_tl(p, "swim", true);
  ck_assert_str_eq(ut_seg_rules(&t->segs[0]), "wet");
  ck_assert_str_eq(ut_seg_rules(&t->segs[1]), "no_swim");
  ck_assert_str_eq(ut_seg_rules(&t->segs[2]), "pool_party");
  /* an extension's group rule beats the base's activity rule */
  ck_assert_str_eq(ut_seg_rules(&t->segs[5]), "dry");
  ck_assert_str_eq(tl(p, "rinse"), "start..99 allowed; 100..200 forbidden; 201..end allowed");
}
END_TEST

START_TEST(extension_replaces_rule_by_name) {
  /* `overrides` naming a base rule replaces it on all its days. */
  const char *dir = ut_tmpdir();
  ut_write(dir, "base.care",
           "protocol base;\nactivity swim;\nrule no_swim: forbid swim first 10 days;\n"
           "rule swim_later: allow swim after 10 days;\n");
  const char *text = ac_arena_printf(ut_arena,
                                     "protocol clinic;\nextends \"%s/base.care\";\n"
                                     "rule short: forbid swim first 3 days overrides no_swim;\n",
                                     dir);
  ac_protocol *p = ut_compile_memory("clinic.care", text, strlen(text));
  ck_assert_int_eq(ut_diags.errors, 0);
  ck_assert_str_eq(tl(p, "swim"), "0..3 forbidden; 11..end allowed");
  ck_assert(ut_rule(p, "no_swim")->e.replaced);
}
END_TEST

START_TEST(extension_of_standard) {
  const char *text = "protocol clinic;\nextends \"smp\";\n"
                     "rule gym_early: allow exercise days 20..25;\n";
  ac_protocol *p = ut_compile_memory("clinic.care", text, strlen(text));
  ut_assert_no_errors(&ut_diags);
  const ac_timeline *t = ut_tl(p, "exercise", true);
  const ac_segment *s = ac_timeline_find(t, 22);
  ck_assert_ptr_nonnull(s);
  ck_assert_int_eq(s->verdict, AC_ALLOWED);
  ck_assert_int_eq(s->from, 20);
  ck_assert_int_eq(s->to, 25);
  ck_assert_str_eq(ut_seg_rules(s), "gym_early");
  /* the base decides the days around */
  ck_assert_int_eq(ac_timeline_find(t, 19)->verdict, AC_FORBIDDEN);
  ck_assert_int_eq(ac_timeline_find(t, 26)->verdict, AC_FORBIDDEN);
  ck_assert_int_eq(ac_timeline_find(t, 19)->to, 19);
  ck_assert_int_eq(ac_timeline_find(t, 26)->from, 26);
}
END_TEST

/* ---- Sessions ---- */

START_TEST(final_only_rules) {
  ac_protocol *p = load("rule long: forbid run first 10 days after final session;\n"
                        "rule short: forbid run first 3 days;\n"
                        "rule later: allow run after 10 days;\n");
  ck_assert(p->has_final_only);
  ck_assert_ptr_ne(ut_tl(p, "run", true)->segs, ut_tl(p, "run", false)->segs);
  ck_assert_str_eq(ut_tl_text(ut_tl(p, "run", true)), "0..3 forbidden; 4..10 forbidden; "
                                                      "11..end allowed");
  ck_assert_str_eq(ut_seg_rules(&ut_tl(p, "run", true)->segs[0]), "long,short");
  ck_assert_str_eq(ut_tl_text(ut_tl(p, "run", false)), "0..3 forbidden; 11..end allowed");
  /* activities without final-only rules are the same in both */
  ck_assert_str_eq(ut_tl_text(ut_tl(p, "swim", false)), "");
}
END_TEST

START_TEST(no_final_only_rules_share_timelines) {
  ac_protocol *p = load("forbid run first 3 days after every session;\n");
  ck_assert(!p->has_final_only);
  ck_assert_ptr_eq(ut_tl(p, "run", true)->segs, ut_tl(p, "run", false)->segs);
}
END_TEST

static Suite *timeline_suite(void) {
  Suite *s = suite_create("timeline");
  TCase *tc = ut_tcase("compile");
  tcase_add_test(tc, single_rules);
  tcase_add_test(tc, every_verdict);
  tcase_add_test(tc, activity_rule_over_group_rule);
  tcase_add_test(tc, activity_rule_inside_group_rule);
  tcase_add_test(tc, overrides_carves_within_protocol);
  tcase_add_test(tc, overrides_wholly);
  tcase_add_test(tc, overrides_on_group);
  tcase_add_test(tc, conflict_takes_strictest_and_merges);
  tcase_add_test(tc, adjacent_segments_merge);
  tcase_add_test(tc, same_reasons_not_adjacent_stay_apart);
  tcase_add_test(tc, open_ranges);
  tcase_add_test(tc, negative_days);
  tcase_add_test(tc, conditional_lists_every_rule);
  tcase_add_test(tc, many_reasons);
  tcase_add_test(tc, huge_ranges_cost_nothing);
  tcase_add_test(tc, many_rules_many_segments);
  suite_add_tcase(s, tc);

  tc = ut_tcase("search");
  tcase_add_test(tc, find_and_lower);
  tcase_add_test(tc, find_in_empty_and_full);
  suite_add_tcase(s, tc);

  tc = ut_tcase("chains");
  tcase_add_test(tc, extension_over_base);
  tcase_add_test(tc, extension_replaces_rule_by_name);
  tcase_add_test(tc, extension_of_standard);
  tcase_add_test(tc, final_only_rules);
  tcase_add_test(tc, no_final_only_rules_share_timelines);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(timeline_suite()); }
