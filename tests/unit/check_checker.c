/*
 * check_checker.c -- semantic analysis (src/checker.c): names, days,
 * kinds, types, clauses, groups, conflicts, constraints, warnings.
 */
#include "config.h"

#include "unit.h"

/* The vocabulary every test starts from (9 lines). */
#define VOCAB                                                                  \
  "protocol t { horizon 20 days; }\n"                                          \
  "activity swim \"go swimming\" aliases \"swimming\";\n"                      \
  "activity shave_razor \"shave with a razor\";\n"                             \
  "activity run;\n"                                                            \
  "group water = swim;\n"                                                      \
  "symptom redness;\n"                                                         \
  "symptom discharge;\n"                                                       \
  "fact healed boolean;\n"                                                     \
  "fact minutes number;\n"

/* Rules so that VOCAB alone checks clean (no gaps). */
#define COVER                                                                  \
  "no guidance for swim always;\n"                                             \
  "no guidance for shave_razor always;\n"                                      \
  "no guidance for run always;\n"

/* Loads VOCAB followed by the text (which starts on line 10). */
static ac_protocol *load(const char *text) {
  return ut_load(ac_arena_printf(ut_arena, VOCAB "%s", text));
}

/* Loads and expects exactly one diagnostic: returns it. */
static const ac_diag *one(const char *text, ac_code code) {
  load(text);
  ck_assert_msg(ut_diags.first && !ut_diags.first->next, "expected one diagnostic, got:\n%s",
                ut_render(&ut_diags));
  const ac_diag *g = ut_diags.first;
  char c1[8], c2[8];
  ck_assert_msg(g->code == code, "expected %s, got %s", ac_diag_code_name(code, c1),
                ac_diag_code_name(g->code, c2));
  return g;
}

START_TEST(vocabulary_is_clean) {
  ac_protocol *p = load(COVER);
  ut_assert_clean(&ut_diags);
  ck_assert_int_eq(AC_NACTIVITIES(p), 3);
  ck_assert_int_eq((int)p->entities[AC_ENT_GROUP].len, 1);
  ck_assert_int_eq((int)p->entities[AC_ENT_SYMPTOM].len, 2);
  ck_assert_int_eq((int)p->entities[AC_ENT_FACT].len, 2);
  ck_assert_int_eq(p->horizon, 20);
  ck_assert_int_eq(p->sessions, 1);
  const ac_entity *e = ut_entity(p, "shave_razor");
  ck_assert_int_eq(e->index, 1);
  ck_assert_str_eq(((const ac_activity *)e)->label, "shave with a razor");
  ck_assert_ptr_null(ac_check_lookup(p, "nothing"));
  const ac_group *g = (const ac_group *)ut_entity(p, "water");
  ck_assert_int_eq(g->nmembers, 1);
  ck_assert_int_eq(g->members[0], 0);
  ck_assert(((const ac_fact *)ut_entity(p, "healed"))->is_bool);
  ck_assert(!((const ac_fact *)ut_entity(p, "minutes"))->is_bool);
}
END_TEST

/* ---- Unknown names ---- */

START_TEST(unknown_target_with_suggestion) {
  const ac_diag *g = one("forbid swimm always;\n", AC_E_UNKNOWN);
  ck_assert_str_eq(g->message, "unknown activity 'swimm' (did you mean 'swim'?)");
  ut_assert_at(g, 10, 8);
  ck_assert_int_eq(g->loc.last_column, 13);
}
END_TEST

START_TEST(unknown_target_without_suggestion) {
  const ac_diag *g = one("forbid alcohol always;\n", AC_E_UNKNOWN);
  ck_assert_str_eq(g->message, "unknown activity 'alcohol'");
}
END_TEST

START_TEST(suggestion_only_of_the_right_kind) {
  /* 'rednes' is close to the symptom 'redness', but a rule needs an
   * activity or a group. */
  const ac_diag *g = one("forbid rednes always;\n", AC_E_UNKNOWN);
  ck_assert_str_eq(g->message, "unknown activity 'rednes'");
  /* a group is a fine suggestion */
  ac_diags_init(&ut_diags, ut_arena);
  g = one("forbid watr always;\n", AC_E_UNKNOWN);
  ck_assert_str_eq(g->message, "unknown activity 'watr' (did you mean 'water'?)");
}
END_TEST

START_TEST(unknown_symptom_and_fact) {
  load("symptoms rednes, discharge level normal advice \"x\";\n"
       "allow run always only if heald or symptom dischrge;\n"
       "group g2 = swimm, run;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0101 AC0101 AC0101 AC0101");
  const ac_diag *g = ut_diags.first;
  /* groups are resolved first, then statements in order */
  ck_assert_str_eq(g->message, "unknown activity 'swimm' (did you mean 'swim'?)");
  ut_assert_at(g, 12, 12);
  ck_assert_str_eq(g->next->message, "unknown symptom 'rednes' (did you mean 'redness'?)");
  ut_assert_at(g->next, 10, 10);
  ck_assert_str_eq(g->next->next->message, "unknown fact 'heald' (did you mean 'healed'?)");
  ut_assert_at(g->next->next, 11, 26);
  ck_assert_str_eq(g->next->next->next->message,
                   "unknown symptom 'dischrge' (did you mean 'discharge'?)");
  ut_assert_at(g->next->next->next, 11, 43);
}
END_TEST

START_TEST(unknown_name_in_expectation) {
  load(COVER "expect can swimm on day 3 is forbidden;\n");
  ck_assert_int_eq(ut_count(&ut_diags, AC_E_UNKNOWN), 1);
  const ac_diag *g = ut_expect(&ut_diags, AC_E_UNKNOWN);
  ck_assert_str_eq(g->message, "unknown activity 'swimm' (did you mean 'swim'?)");
  ut_assert_at(g, 13, 12);
}
END_TEST

/* ---- Duplicates ---- */

START_TEST(duplicate_with_note) {
  const ac_diag *g = one("symptom swim;\n", AC_E_DUPLICATE);
  ck_assert_str_eq(g->message, "'swim' is already declared (as an activity)");
  ut_assert_at(g, 10, 9);
  ck_assert_int_eq(ut_nnotes(g), 1);
  ck_assert_str_eq(g->notes->message, "'swim' is declared here");
  ut_assert_at(g->notes, 2, 10);
}
END_TEST

START_TEST(duplicate_rule_name) {
  load("rule water: forbid run always;\n");
  const ac_diag *g = ut_expect(&ut_diags, AC_E_DUPLICATE);
  ck_assert_str_eq(g->message, "'water' is already declared (as a group)");
  ut_assert_at(g, 10, 6);
  ut_assert_at(g->notes, 5, 7);
}
END_TEST

START_TEST(duplicate_alias) {
  load(COVER "activity dive aliases \"swimming\";\nno guidance for dive always;\n");
  ck_assert_int_eq(ut_diags.errors, 1);
  const ac_diag *g = ut_expect(&ut_diags, AC_E_DUPLICATE);
  ck_assert_str_eq(g->message, "the name 'swimming' already stands for activity 'swim'");
  ut_assert_at(g, 13, 23);
}
END_TEST

START_TEST(derived_names_made_unique) {
  /* Two identical unnamed rules: no duplicate, the second gets _2. */
  ac_protocol *p = load("no guidance for swim always;\nno guidance for shave_razor always;\n"
                        "forbid run always;\nforbid run always;\n");
  ut_assert_no_errors(&ut_diags);
  ck_assert_int_eq(ut_entity(p, "forbid_run_start_end")->kind, AC_ENT_RULE);
  ck_assert_int_eq(ut_entity(p, "forbid_run_start_end_2")->kind, AC_ENT_RULE);
}
END_TEST

/* ---- Days ---- */

START_TEST(reversed_range) {
  const ac_diag *g = one("forbid run days 10..3;\n", AC_E_REVERSED);
  ck_assert_str_eq(g->message, "reversed range: day 10 comes after day 3 (write days 3..10)");
  ut_assert_at(g, 10, 12);
  ck_assert_int_eq(g->loc.last_column, 22);
  ac_diags_init(&ut_diags, ut_arena);
  g = one("forbid run days -1..-5;\n", AC_E_REVERSED);
  ck_assert_str_eq(g->message, "reversed range: day -1 comes after day -5 (write days -5..-1)");
}
END_TEST

START_TEST(empty_range) {
  const ac_diag *g = one("forbid run first -2 days;\n", AC_E_EMPTY_RANGE);
  ck_assert_str_eq(g->message,
                   "this range has no day in it (it would run from day 0 to day -2)");
  ut_assert_at(g, 10, 12);
}
END_TEST

START_TEST(day_out_of_range) {
  const ac_diag *g = one("forbid run day 3000000000;\n", AC_E_DAY_RANGE);
  ck_assert_str_eq(g->message, "day out of range: days go from -2147483648 to 2147483647");
  ut_assert_at(g, 10, 16);
  /* both ends out of range: one error for each */
  ac_diags_init(&ut_diags, ut_arena);
  load("forbid run days -3000000000..3000000000;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0105 AC0105");
  ut_assert_at(ut_diags.first, 10, 17);
  ut_assert_at(ut_diags.first->next, 10, 30);
  /* weeks are checked after scaling */
  ac_diags_init(&ut_diags, ut_arena);
  g = one("forbid run weeks 0..400000000;\n", AC_E_DAY_RANGE);
  ut_assert_at(g, 10, 21);
  ac_diags_init(&ut_diags, ut_arena);
  g = one("forbid run after 2147483647 days;\n", AC_E_DAY_RANGE);
  ut_assert_at(g, 10, 18);
}
END_TEST

START_TEST(extreme_days_are_fine) {
  load("no guidance for swim always;\nno guidance for shave_razor always;\n"
       "forbid run days -2147483648..2147483647;\n");
  ut_assert_clean(&ut_diags);
}
END_TEST

/* ---- Kinds and types ---- */

START_TEST(wrong_kinds) {
  load("forbid redness always;\n"
       "group g2 = run, healed;\n"
       "symptoms swim level normal advice \"x\";\n"
       "allow run always only if symptom healed;\n"
       "allow shave_razor always only if run;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0106 AC0106 AC0106 AC0106 AC0106");
  const ac_diag *g = ut_diags.first;
  ck_assert_str_eq(g->message, "'healed' is a fact: a group holds activities and groups");
  ut_assert_at(g, 11, 17);
  g = g->next;
  ck_assert_str_eq(g->message, "'redness' is a symptom, not an activity or a group");
  ut_assert_at(g, 10, 8);
  g = g->next;
  ck_assert_str_eq(g->message, "'swim' is an activity, not a symptom");
  ut_assert_at(g, 12, 10);
  g = g->next;
  ck_assert_str_eq(g->message, "'healed' is a fact, not a symptom");
  ut_assert_at(g, 13, 34);
  g = g->next;
  ck_assert_str_eq(g->message, "'run' is an activity, not a fact");
  ut_assert_at(g, 14, 34);
}
END_TEST

START_TEST(symptom_named_alone_in_a_condition) {
  /* "unless redness": a symptom alone is read as "symptom redness" */
  ac_protocol *p = load(COVER "rule r: allow swim days 1..2 unless redness overrides x;\n");
  (void)p;
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0204");
  ac_diags_init(&ut_diags, ut_arena);
  p = ut_load(VOCAB "no guidance for shave_razor always;\nno guidance for run always;\n"
                    "rule r: allow swim always unless redness;\n");
  ut_assert_clean(&ut_diags);
  const ac_rule *r = ut_rule(p, "r");
  ck_assert_int_eq(r->cond->kind, AC_COND_SYMPTOM);
  ck_assert(r->cond_negated);
  ck_assert_int_eq(r->verdict, AC_CONDITIONAL);
}
END_TEST

START_TEST(condition_types) {
  load("allow run always only if healed > 3;\n"
       "allow swim always only if minutes;\n"
       "allow shave_razor always only if minutes == true;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0107 AC0107 AC0107");
  const ac_diag *g = ut_diags.first;
  ck_assert_str_eq(g->message,
                   "'healed' is a boolean fact: use it alone, or compare it with true or false");
  ut_assert_at(g, 10, 26);
  ck_assert_int_eq(g->loc.last_column, 36);
  ck_assert_str_eq(g->next->message, "'minutes' is a number fact: compare it with a number");
  ck_assert_str_eq(g->next->next->message,
                   "'minutes' is a number fact: compare it with a number, not true or false");
}
END_TEST

START_TEST(good_conditions_resolve) {
  ac_protocol *p = load("no guidance for swim always;\nno guidance for shave_razor always;\n"
                        "rule r: allow run always only if (healed or minutes < 5) and not "
                        "symptom redness and healed != false;\n");
  ut_assert_clean(&ut_diags);
  const ac_rule *r = ut_rule(p, "r");
  ck_assert_int_eq(r->verdict, AC_CONDITIONAL);
  ck_assert(!r->cond_negated);
  ck_assert_int_eq(r->cond->kind, AC_COND_AND);
  const ac_cond *sym = r->cond->a->b->a;
  ck_assert_int_eq(sym->kind, AC_COND_SYMPTOM);
  ck_assert_int_eq(sym->index, 0);
  ck_assert_int_eq(r->cond->b->index, 0); /* healed */
  ck_assert_int_eq(r->cond->a->a->b->index, 1); /* minutes */
}
END_TEST

/* ---- Clauses ---- */

START_TEST(clause_errors) {
  load("forbid run days 0..5 because \"a\" because \"b\";\n"
       "forbid swim always if healed;\n"
       "discourage shave_razor always only if healed;\n"
       "allow run days 30..40 if healed unless healed;\n"
       "allow run days 50..60 after final session after every session;\n"
       "symptoms redness level normal level urgent advice \"x\";\n"
       "symptoms discharge advice \"no level\";\n"
       "advice a1 \"text\" because \"why\";\n");
  ck_assert_str_eq(ut_codes(&ut_diags),
                   "AC0108 AC0108 AC0108 AC0108 AC0108 AC0108 AC0108 AC0108");
  const ac_diag *g = ut_diags.first;
  ck_assert_str_eq(g->message, "'because' repeated: say it once");
  ut_assert_at(g, 10, 34);
  /* if and unless are one condition */
  g = g->next;
  ck_assert_str_eq(g->message, "'unless' repeated: say it once");
  ut_assert_at(g, 13, 33);
  g = g->next;
  ck_assert_str_eq(g->message, "'after every session' repeated: say it once");
  ut_assert_at(g, 14, 43);
  g = g->next;
  ck_assert_str_eq(g->message, "'level' repeated: say it once");
  ut_assert_at(g, 15, 31);
  g = g->next;
  ck_assert_str_eq(g->message,
                   "a symptom rule needs a level: 'level normal', 'level monitor' or 'level urgent'");
  ut_assert_at(g, 16, 1);
  g = g->next;
  ck_assert_str_eq(g->message, "'because' does not belong in advice");
  ut_assert_at(g, 17, 18);
  /* conditions are checked when names are resolved, after declarations */
  g = g->next;
  ck_assert_str_eq(g->message,
                   "a forbidding rule takes 'unless', not 'if': say when it is allowed with "
                   "'allow ... only if'");
  ut_assert_at(g, 11, 20);
  g = g->next;
  ck_assert_str_eq(g->message, "only 'allow ... if' and 'forbid ... unless' take a condition "
                               "alone: say what holds when it does not with 'otherwise VERDICT'");
  ut_assert_at(g, 12, 31);
  ck_assert_ptr_null(g->next);
}
END_TEST

START_TEST(clauses_in_source_order) {
  ac_protocol *p = load(COVER "rule r: forbid run day 1 because \"b\" cites X.1 after final session;\n"
                         "document d { statement X.1 \"x\"; }\n");
  ut_assert_no_errors(&ut_diags);
  const ac_clause *c = ut_rule(p, "r")->e.decl->clauses;
  ck_assert_int_eq(c->kind, AC_CLAUSE_BECAUSE);
  ck_assert_int_eq(c->next->kind, AC_CLAUSE_CITES);
  ck_assert_int_eq(c->next->next->kind, AC_CLAUSE_FINAL);
  ck_assert_ptr_null(c->next->next->next);
  ck_assert_str_eq(ut_rule(p, "r")->because, "b");
  ck_assert(ut_rule(p, "r")->final_only);
  ck_assert(p->has_final_only);
}
END_TEST

/* ---- Groups ---- */

START_TEST(group_cycle) {
  load("group ga = gb, run;\ngroup gb = ga;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0109");
  ck_assert_str_eq(ut_diags.first->message, "group 'ga' contains itself (through 'gb')");
  ut_assert_at(ut_diags.first, 11, 12);
  ac_diags_init(&ut_diags, ut_arena);
  load("group gc = run, gc;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0109");
  ck_assert_str_eq(ut_diags.first->message, "group 'gc' contains itself");
  ut_assert_at(ut_diags.first, 10, 17);
}
END_TEST

START_TEST(nested_groups_flatten) {
  ac_protocol *p = load(COVER "group outer = water, run, inner;\ngroup inner = swim, shave_razor;\n");
  ut_assert_clean(&ut_diags);
  const ac_group *g = (const ac_group *)ut_entity(p, "outer");
  /* swim (0), shave_razor (1), run (2): deduplicated and sorted */
  ck_assert_int_eq(g->nmembers, 3);
  ck_assert_int_eq(g->members[0], 0);
  ck_assert_int_eq(g->members[1], 1);
  ck_assert_int_eq(g->members[2], 2);
}
END_TEST

/* ---- Conflicts ---- */

START_TEST(conflict_names_both_rules) {
  load("no guidance for swim always;\nno guidance for shave_razor always;\n"
       "rule rest: forbid run first 7 days;\n"
       "rule light: allow run from day 5;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0201");
  const ac_diag *g = ut_diags.first;
  ck_assert_str_eq(g->message,
                   "rule 'light' (allowed) conflicts with rule 'rest' (forbidden) on day 5: "
                   "narrow a range, or say which wins with 'overrides'");
  ut_assert_at(g, 13, 6); /* the later rule's name */
  ck_assert_int_eq(ut_nnotes(g), 1);
  ck_assert_str_eq(g->notes->message, "rule 'rest' is here");
  ut_assert_at(g->notes, 12, 6);
}
END_TEST

START_TEST(conflict_of_unnamed_rules_on_their_lines) {
  load("no guidance for swim always;\nno guidance for shave_razor always;\n"
       "allow run after 3 days;\n"
       "  forbid run days 1..;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0201");
  const ac_diag *g = ut_diags.first;
  ck_assert_str_eq(g->message,
                   "rule 'forbid_run_1_end' (forbidden) conflicts with rule 'allow_run_4_end' "
                   "(allowed) on day 4: narrow a range, or say which wins with 'overrides'");
  ut_assert_at(g, 13, 3);
  ut_assert_at(g->notes, 12, 1);
}
END_TEST

START_TEST(conflict_group_and_activity_same_level) {
  /* A group rule and an activity rule: the activity rule wins, no conflict;
   * two group rules disagreeing: conflict. */
  load(COVER "group g2 = swim;\nforbid water always;\nallow swim day 3;\n");
  ut_assert_no_errors(&ut_diags);
  ac_diags_init(&ut_diags, ut_arena);
  load(COVER "group g2 = swim;\nforbid water always;\nallow g2 day 3;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0201");
  ck_assert_str_eq(ut_diags.first->message,
                   "rule 'allow_g2_3_3' (allowed) conflicts with rule 'forbid_water_start_end' "
                   "(forbidden) on day 3: narrow a range, or say which wins with 'overrides'");
}
END_TEST

START_TEST(same_verdict_overlaps_freely) {
  load(COVER "forbid run first 10 days;\nforbid run days 5..15;\n"
             "allow swim always only if healed;\n");
  ck_assert_int_eq(ut_count(&ut_diags, AC_E_CONFLICT), 0);
  ac_diags_init(&ut_diags, ut_arena);
  /* two conditional rules may overlap: both conditions must hold */
  load(COVER "allow run always only if healed;\nallow run days 0..5 only if minutes < 3;\n");
  ut_assert_no_errors(&ut_diags);
}
END_TEST

START_TEST(conflict_open_ranges_name_day_zero) {
  load(COVER "forbid run always;\nallow run until day 4;\n");
  ck_assert_int_eq(ut_count(&ut_diags, AC_E_CONFLICT), 1);
  ck_assert_str_eq(ut_diags.first->message,
                   "rule 'allow_run_start_4' (allowed) conflicts with rule "
                   "'forbid_run_start_end' (forbidden) on day 0: narrow a range, or say which "
                   "wins with 'overrides'");
}
END_TEST

START_TEST(conflict_reported_once_per_pair) {
  load(COVER "rule a: forbid water always;\nrule b: allow water days 1..3;\n"
             "group g2 = swim, run;\nrule c: allow g2 days 10..12;\n");
  /* a and b disagree on swim only once; a and c on swim; c does not reach
   * a for run (a is on water, which holds swim only) */
  ck_assert_int_eq(ut_count(&ut_diags, AC_E_CONFLICT), 2);
}
END_TEST

START_TEST(overrides_resolves_conflict) {
  ac_protocol *p = load(COVER "rule rest: forbid run first 7 days;\n"
                              "rule light: allow run from day 5 overrides rest;\n");
  ut_assert_no_errors(&ut_diags);
  const ac_rule *light = ut_rule(p, "light");
  ck_assert_int_eq(light->noverrides, 1);
  ck_assert_ptr_eq(light->overrides[0], ut_rule(p, "rest"));
}
END_TEST

/* ---- Overrides that do not exist ---- */

START_TEST(overrides_unknown) {
  load(COVER "rule rest_first_week: forbid run first 7 days;\n"
             "rule light: allow run from day 8 overrides rest_frist_week, nothing_like_it;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0204 AC0204");
  const ac_diag *g = ut_diags.first;
  ck_assert_str_eq(g->message,
                   "overrides 'rest_frist_week', which does not exist (did you mean "
                   "'rest_first_week'?)");
  ut_assert_at(g, 14, 44);
  ck_assert_str_eq(g->next->message, "overrides 'nothing_like_it', which does not exist");
}
END_TEST

START_TEST(overrides_wrong_kind) {
  const ac_diag *g = one(COVER "rule light: allow run from day 8 overrides water;\n"
                               "forbid run first 7 days;\n",
                         AC_E_KIND);
  ck_assert_str_eq(g->message, "'water' is a group: a rule can only override a rule");
}
END_TEST

/* ---- Constraints ---- */

START_TEST(constraint_violation) {
  load(COVER "rule short: forbid shave_razor first 7 days;\n"
             "rule razor_later: allow shave_razor after 7 days;\n"
             "constraint ten_days: shave_razor forbidden first 10 days because \"Infection.\";\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0202");
  const ac_diag *g = ut_diags.first;
  ck_assert_str_eq(g->message,
                   "rule 'razor_later' makes 'shave_razor' allowed on day 8, but constraint "
                   "'ten_days' requires it to be forbidden: \"Infection.\"");
  ut_assert_at(g, 14, 6);
  ck_assert_int_eq(ut_nnotes(g), 1);
  ck_assert_str_eq(g->notes->message, "constraint 'ten_days' is here");
  ut_assert_at(g->notes, 15, 12);
}
END_TEST

START_TEST(constraint_violation_by_unknown_day) {
  load(COVER "forbid shave_razor first 5 days;\n"
             "allow shave_razor from day 12;\n"
             "constraint ten_days: shave_razor forbidden first 10 days;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0202");
  const ac_diag *g = ut_diags.first;
  ck_assert_str_eq(g->message,
                   "no rule forbids 'shave_razor' on day 6, but constraint 'ten_days' requires "
                   "it to be forbidden: (no reason given)");
  ut_assert_at(g, 15, 12);
  ck_assert_int_eq(ut_nnotes(g), 0);
}
END_TEST

START_TEST(constraint_on_group_and_conditional) {
  load(COVER "forbid water first 3 days;\n"
             "allow swim days 4..6 only if healed;\n"
             "constraint dry: water forbidden first 6 days;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0202");
  ck_assert_str_eq(ut_diags.first->message,
                   "rule 'allow_swim_4_6' makes 'swim' conditional on day 4, but constraint "
                   "'dry' requires it to be forbidden: (no reason given)");
}
END_TEST

START_TEST(constraint_satisfied) {
  load(COVER "forbid shave_razor first 10 days;\nallow shave_razor after 10 days;\n"
             "constraint ten_days: shave_razor forbidden first 10 days;\n");
  ut_assert_no_errors(&ut_diags);
}
END_TEST

START_TEST(constraint_before_final_session) {
  /* Forbidden after the final session only: violated after the others. */
  load(COVER "forbid shave_razor first 10 days after final session;\n"
             "constraint ten_days: shave_razor forbidden first 10 days;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0202");
  ck_assert_str_eq(ut_diags.first->message,
                   "no rule forbids 'shave_razor' on day 0 after a session that is not the "
                   "final one, but constraint 'ten_days' requires it to be forbidden: (no "
                   "reason given)");
}
END_TEST

START_TEST(constraint_binds_extensions) {
  /* The standard protocol forbids razors for ten days; an extension that
   * allows them from day 8 violates the standard's constraint. */
  const char *text = "protocol clinic;\nextends \"smp\";\n"
                     "rule early_razor: allow shave_razor after 7 days;\n";
  ut_compile_memory("clinic.care", text, strlen(text));
  ck_assert_int_eq(ut_count(&ut_diags, AC_E_CONSTRAINT), 1);
  const ac_diag *g = ut_expect(&ut_diags, AC_E_CONSTRAINT);
  ck_assert_str_eq(g->src->path, "clinic.care");
  ut_assert_at(g, 3, 6);
  ck_assert(strstr(g->message, "rule 'early_razor' makes 'shave_razor' allowed on day 8") ==
            g->message);
  ck_assert_str_eq(g->notes->src->path, "rules/smp.care");
  ck_assert_str_eq(g->notes->message, "constraint 'no_razor_first_ten_days' is here");
}
END_TEST

/* ---- Triage floors ---- */

START_TEST(triage_floor_below) {
  load(COVER "triage watch: symptoms discharge level monitor advice \"Watch it.\";\n"
             "constraint urgent_discharge: symptoms discharge always at least urgent\n"
             "  because \"Infection.\";\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0203");
  const ac_diag *g = ut_diags.first;
  ck_assert_str_eq(g->message,
                   "symptom rule 'watch' gives only 'monitor' on day 0, below the floor 'urgent' "
                   "of constraint 'urgent_discharge': \"Infection.\"");
  ut_assert_at(g, 13, 8);
  ck_assert_str_eq(g->notes->message, "constraint 'urgent_discharge' is here");
  ut_assert_at(g->notes, 14, 12);
}
END_TEST

START_TEST(triage_floor_uncovered) {
  load(COVER "symptoms discharge first 5 days level urgent advice \"Go.\";\n"
             "constraint urgent_discharge: symptoms discharge first 10 days at least urgent;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0203");
  ck_assert_str_eq(ut_diags.first->message,
                   "no symptom rule makes these symptoms at least 'urgent' on day 6, as "
                   "constraint 'urgent_discharge' requires: (no reason given)");
  ut_assert_at(ut_diags.first, 14, 12);
}
END_TEST

START_TEST(triage_floor_met) {
  /* A rule that needs more symptoms than the constraint's does not count;
   * one that needs fewer (or a lower intensity) does. */
  load(COVER "symptoms discharge, redness level urgent advice \"Both.\";\n"
             "symptoms discharge level urgent advice \"Alone.\";\n"
             "constraint u: symptoms severe discharge always at least urgent;\n");
  ut_assert_no_errors(&ut_diags);
  ac_diags_init(&ut_diags, ut_arena);
  load(COVER "symptoms discharge, redness level urgent advice \"Both.\";\n"
             "constraint u: symptoms discharge always at least urgent;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0203");
}
END_TEST

/* ---- Warnings ---- */

START_TEST(warning_rule_never_takes_effect) {
  load(COVER "allow water always;\nforbid swim always;\n"
             "rule wide: forbid run always;\nrule narrow: allow run days 1..2 overrides wide;\n"
             "rule inner: forbid run days 1..2 overrides narrow;\n");
  ut_assert_no_errors(&ut_diags);
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0401 AC0401");
  const ac_diag *g = ut_diags.first;
  ck_assert_int_eq(g->severity, AC_SEV_WARNING);
  ck_assert_str_eq(g->message, "rule 'allow_water_start_end' never takes effect: other rules "
                               "decide every one of its days");
  ut_assert_at(g, 13, 1);
  ck_assert_str_eq(g->next->message, "rule 'narrow' never takes effect: other rules decide "
                                     "every one of its days");
  ut_assert_at(g->next, 16, 6);
  ck_assert_int_eq(ut_diags.warnings, 2);
}
END_TEST

START_TEST(warning_gap) {
  load("no guidance for swim always;\nno guidance for shave_razor always;\n"
       "forbid run first 5 days;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0402");
  const ac_diag *g = ut_diags.first;
  ck_assert_int_eq(g->severity, AC_SEV_WARNING);
  ck_assert_str_eq(g->message, "no rule decides 'run' on days 6..20, within the horizon (days "
                               "0..20): add a rule, or say 'no guidance for run ...'");
  ut_assert_at(g, 4, 10);
}
END_TEST

START_TEST(warning_gap_of_one_day) {
  load("no guidance for swim always;\nno guidance for shave_razor always;\n"
       "forbid run first 5 days;\nallow run days 7..;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0402");
  ck_assert_str_eq(ut_diags.first->message,
                   "no rule decides 'run' on day 6, within the horizon (days 0..20): add a rule, "
                   "or say 'no guidance for run ...'");
}
END_TEST

START_TEST(gap_suppressed_by_no_guidance) {
  load("no guidance for swim always;\nno guidance for shave_razor always;\n"
       "forbid run first 5 days;\nno guidance for run after 5 days because \"silent\";\n");
  ut_assert_clean(&ut_diags);
  /* partial: the rest is still a gap, first gap only */
  ac_diags_init(&ut_diags, ut_arena);
  load("no guidance for water always;\nno guidance for shave_razor always;\n"
       "forbid run first 5 days;\nno guidance for run days 6..10;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0402");
  ck_assert(strstr(ut_diags.first->message, "on days 11..20,") != NULL);
}
END_TEST

START_TEST(no_warnings_with_errors) {
  /* An error hides the warnings it would cause. */
  load("forbid run first 5 days;\nforbid swimm always;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0101");
  ck_assert_int_eq(ut_diags.warnings, 0);
}
END_TEST

START_TEST(no_warnings_for_the_standard_base) {
  /* A clinic extension is not warned about the standard protocol's rules. */
  const char *text = "protocol clinic;\nextends \"smp\";\n";
  ut_compile_memory("clinic.care", text, strlen(text));
  ut_assert_clean(&ut_diags);
}
END_TEST

/* ---- Headers ---- */

START_TEST(header_errors) {
  ut_load("");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0009");
  ck_assert_str_eq(ut_diags.first->message,
                   "empty protocol: a protocol starts with 'protocol NAME { ... }'");
  ac_diags_init(&ut_diags, ut_arena);
  ut_load("activity a;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0009");
  ck_assert_str_eq(ut_diags.first->message,
                   "no protocol header: a protocol starts with 'protocol NAME { ... }'");
  ac_diags_init(&ut_diags, ut_arena);
  ut_load("protocol a { sessions 2; sessions 3; }\nprotocol b;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0010 AC0010");
  ck_assert_str_eq(ut_diags.first->message, "this header field is already set");
  ut_assert_at(ut_diags.first, 1, 26);
  ut_assert_at(ut_diags.first->notes, 1, 14);
  ck_assert_str_eq(ut_diags.first->next->message,
                   "a second protocol header: a file holds one protocol");
  ac_diags_init(&ut_diags, ut_arena);
  ut_load("activity a;\nprotocol late;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0010");
  ck_assert_str_eq(ut_diags.first->message, "the protocol header must come first in the file");
}
END_TEST

/* ---- Derived names ---- */

static const char *derived(const char *rule) {
  ac_file *f = ut_parse(ac_arena_printf(ut_arena, "protocol t;\n%s\n", rule));
  ck_assert_msg(ut_diags.errors == 0, "%s", ut_render(&ut_diags));
  return ac_check_derived_name(ut_arena, f->stmts->next);
}

START_TEST(derived_rule_names) {
  ck_assert_str_eq(derived("forbid shave_razor first 10 days;"), "forbid_shave_razor_0_10");
  ck_assert_str_eq(derived("forbid alcohol days -3..-1;"), "forbid_alcohol_m3_m1");
  ck_assert_str_eq(derived("allow swim after 28 days;"), "allow_swim_29_end");
  ck_assert_str_eq(derived("discourage sun always;"), "discourage_sun_start_end");
  ck_assert_str_eq(derived("recommend rinse until day 5;"), "recommend_rinse_start_5");
  ck_assert_str_eq(derived("forbid alcohol before treatment;"), "forbid_alcohol_start_m1");
  ck_assert_str_eq(derived("allow x day 4 only if y;"), "allow_x_4_4");
  ck_assert_str_eq(derived("forbid x weeks 1..2;"), "forbid_x_7_14");
  ck_assert_str_eq(derived("forbid x days -2147483648..2147483647;"),
                   "forbid_x_m2147483648_2147483647");
}
END_TEST

START_TEST(derived_names_are_entities) {
  ac_protocol *p = load(COVER "forbid shave_razor first 10 days;\n"
                              "allow swim after 28 days;\n"
                              "symptoms severe redness, discharge level urgent advice \"x\";\n");
  ut_assert_no_errors(&ut_diags);
  const ac_rule *r = ut_rule(p, "forbid_shave_razor_0_10");
  ck_assert_int_eq(r->from, 0);
  ck_assert_int_eq(r->to, 10);
  ck_assert_int_eq(ut_rule(p, "allow_swim_29_end")->to, AC_DAY_MAX);
  ck_assert_int_eq(ut_entity(p, "triage_severe_redness_discharge")->kind, AC_ENT_TRIAGE);
}
END_TEST

static Suite *checker_suite(void) {
  Suite *s = suite_create("checker");
  TCase *tc = ut_tcase("names");
  tcase_add_test(tc, vocabulary_is_clean);
  tcase_add_test(tc, unknown_target_with_suggestion);
  tcase_add_test(tc, unknown_target_without_suggestion);
  tcase_add_test(tc, suggestion_only_of_the_right_kind);
  tcase_add_test(tc, unknown_symptom_and_fact);
  tcase_add_test(tc, unknown_name_in_expectation);
  tcase_add_test(tc, duplicate_with_note);
  tcase_add_test(tc, duplicate_rule_name);
  tcase_add_test(tc, duplicate_alias);
  tcase_add_test(tc, derived_names_made_unique);
  tcase_add_test(tc, derived_rule_names);
  tcase_add_test(tc, derived_names_are_entities);
  suite_add_tcase(s, tc);

  tc = ut_tcase("days");
  tcase_add_test(tc, reversed_range);
  tcase_add_test(tc, empty_range);
  tcase_add_test(tc, day_out_of_range);
  tcase_add_test(tc, extreme_days_are_fine);
  suite_add_tcase(s, tc);

  tc = ut_tcase("kinds");
  tcase_add_test(tc, wrong_kinds);
  tcase_add_test(tc, symptom_named_alone_in_a_condition);
  tcase_add_test(tc, condition_types);
  tcase_add_test(tc, good_conditions_resolve);
  tcase_add_test(tc, clause_errors);
  tcase_add_test(tc, clauses_in_source_order);
  tcase_add_test(tc, group_cycle);
  tcase_add_test(tc, nested_groups_flatten);
  tcase_add_test(tc, header_errors);
  suite_add_tcase(s, tc);

  tc = ut_tcase("conflicts");
  tcase_add_test(tc, conflict_names_both_rules);
  tcase_add_test(tc, conflict_of_unnamed_rules_on_their_lines);
  tcase_add_test(tc, conflict_group_and_activity_same_level);
  tcase_add_test(tc, same_verdict_overlaps_freely);
  tcase_add_test(tc, conflict_open_ranges_name_day_zero);
  tcase_add_test(tc, conflict_reported_once_per_pair);
  tcase_add_test(tc, overrides_resolves_conflict);
  tcase_add_test(tc, overrides_unknown);
  tcase_add_test(tc, overrides_wrong_kind);
  suite_add_tcase(s, tc);

  tc = ut_tcase("constraints");
  tcase_add_test(tc, constraint_violation);
  tcase_add_test(tc, constraint_violation_by_unknown_day);
  tcase_add_test(tc, constraint_on_group_and_conditional);
  tcase_add_test(tc, constraint_satisfied);
  tcase_add_test(tc, constraint_before_final_session);
  tcase_add_test(tc, constraint_binds_extensions);
  tcase_add_test(tc, triage_floor_below);
  tcase_add_test(tc, triage_floor_uncovered);
  tcase_add_test(tc, triage_floor_met);
  suite_add_tcase(s, tc);

  tc = ut_tcase("warnings");
  tcase_add_test(tc, warning_rule_never_takes_effect);
  tcase_add_test(tc, warning_gap);
  tcase_add_test(tc, warning_gap_of_one_day);
  tcase_add_test(tc, gap_suppressed_by_no_guidance);
  tcase_add_test(tc, no_warnings_with_errors);
  tcase_add_test(tc, no_warnings_for_the_standard_base);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(checker_suite()); }
