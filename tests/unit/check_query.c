/*
 * check_query.c -- resolving queries against a protocol (src/query.c):
 * names in any case, labels and aliases, filler words, facts, symptoms,
 * sessions, "did you mean".
 */
#include "config.h"

#include "unit.h"

static const char *const protocol_text =
    "protocol t { sessions 3; }\n"
    "activity shave_razor \"shave your head with a razor\"\n"
    "  aliases \"razor\", \"shave with a razor\", \"Razor Shaving\";\n"
    "activity swim \"go swimming\" aliases \"swimming\";\n"
    "activity long_shower \"take a long shower\";\n"
    "symptom redness \"redness\" aliases \"red skin\";\n"
    "symptom burning \"a burning sensation\" aliases \"stinging\";\n"
    "symptom discharge \"unusual discharge\" aliases \"pus\";\n"
    "fact healed boolean \"the treated area has fully healed\" aliases \"fully healed\";\n"
    "fact shower_minutes number \"length of the shower, in minutes\";\n"
    "rule no_razor: forbid shave_razor first 10 days;\n"
    "allow shave_razor after 10 days only if healed;\n"
    "allow swim always;\n"
    "allow long_shower always only if shower_minutes <= 5;\n";

static ac_protocol *proto;

static void setup(void) {
  ut_setup();
  proto = ut_load(protocol_text);
  ck_assert_msg(ut_diags.errors == 0, "%s", ut_render(&ut_diags));
}

/* Resolves a query that must resolve. */
static ac_request ok(const char *text) {
  ac_request r;
  bool resolved = ut_request(proto, text, &r);
  ck_assert_msg(resolved, "'%s' did not resolve:\n%s", text, ut_render(&ut_diags));
  ut_assert_clean(&ut_diags);
  return r;
}

/* Resolves a query that must fail with one diagnostic: returns it. */
static const ac_diag *fails(const char *text) {
  ac_request r;
  ck_assert_msg(!ut_request(proto, text, &r), "'%s' resolved", text);
  ck_assert_msg(ut_diags.first && !ut_diags.first->next, "'%s':\n%s", text,
                ut_render(&ut_diags));
  return ut_diags.first;
}

static const char *activity_of(const char *text) {
  ac_request r = ok(text);
  ck_assert_ptr_nonnull(r.activity);
  return r.activity->e.name;
}

START_TEST(identifiers_labels_aliases) {
  ck_assert_str_eq(activity_of("can shave_razor on day 9"), "shave_razor");
  ck_assert_str_eq(activity_of("can shave razor on day 9"), "shave_razor");
  ck_assert_str_eq(activity_of("can razor on day 9"), "shave_razor");
  ck_assert_str_eq(activity_of("can shave with a razor on day 9"), "shave_razor");
  ck_assert_str_eq(activity_of("can razor shaving on day 9"), "shave_razor");
  ck_assert_str_eq(activity_of("can shave your head with a razor on day 9"), "shave_razor");
  ck_assert_str_eq(activity_of("can go swimming on day 9"), "swim");
  ck_assert_str_eq(activity_of("can swimming on day 9"), "swim");
}
END_TEST

START_TEST(names_in_any_case) {
  ck_assert_str_eq(activity_of("can RAZOR on day 9"), "shave_razor");
  ck_assert_str_eq(activity_of("can Shave_Razor on day 9"), "shave_razor");
  ck_assert_str_eq(activity_of("CAN Shave With A Razor ON DAY 9"), "shave_razor");
  ck_assert_str_eq(activity_of("can Go Swimming on day 9"), "swim");
}
END_TEST

START_TEST(filler_words) {
  ac_request r = ok("can I shave with a razor on day 9?");
  ck_assert_int_eq(r.kind, AC_Q_CAN);
  ck_assert_str_eq(r.activity->e.name, "shave_razor");
  ck_assert_int_eq(r.day, 9);
  ck_assert(r.final_session);
  ck_assert_int_eq(r.session, 0);
  ck_assert_str_eq(activity_of("can I still go swimming on day 1"), "swim");
  ck_assert_str_eq(activity_of("can we please swim on day 1"), "swim");
  ck_assert_str_eq(activity_of("can you swim on day 1"), "swim");
  ck_assert_str_eq(activity_of("when can I swim"), "swim");
}
END_TEST

START_TEST(fillers_only_in_front) {
  /* a filler word inside the phrase is part of it */
  const ac_diag *g = fails("can swim please on day 3");
  ck_assert_int_eq(g->code, AC_E_UNKNOWN);
  ck_assert_str_eq(g->message, "unknown activity 'swim please'");
  /* a filler alone names nothing */
  ac_diags_init(&ut_diags, ut_arena);
  g = fails("can I on day 3");
  ck_assert_str_eq(g->message, "unknown activity 'I'");
}
END_TEST

START_TEST(unknown_activity_with_suggestion) {
  const ac_diag *g = fails("can I swimm on day 3");
  ck_assert_int_eq(g->code, AC_E_UNKNOWN);
  ck_assert_str_eq(g->message, "unknown activity 'I swimm' (did you mean 'swim'?)");
  ut_assert_at(g, 1, 5);
  ck_assert_int_eq(g->loc.last_column, 12);
}
END_TEST

START_TEST(unknown_activity_suggestions) {
  const ac_diag *g = fails("can swimm on day 3");
  ck_assert_str_eq(g->message, "unknown activity 'swimm' (did you mean 'swim'?)");
  ut_assert_at(g, 1, 5);
  ck_assert_int_eq(g->loc.last_column, 10);
  /* close to a label: the suggestion is the activity's name */
  ac_diags_init(&ut_diags, ut_arena);
  g = fails("can go swiming on day 3");
  ck_assert_str_eq(g->message, "unknown activity 'go swiming' (did you mean 'swim'?)");
  ac_diags_init(&ut_diags, ut_arena);
  g = fails("can fly a kite on day 3");
  ck_assert_str_eq(g->message, "unknown activity 'fly a kite'");
  /* symptoms are not activities (AC0106) */
  ac_diags_init(&ut_diags, ut_arena);
  g = fails("can redness on day 3");
  ck_assert_str_eq(g->message, "'redness' is a symptom, not an activity");
  ck_assert_int_eq(g->code, AC_E_KIND);
}
END_TEST

START_TEST(facts_in_with) {
  ac_request r = ok("can long shower on day 3 with shower minutes = 4");
  int m = ut_entity(proto, "shower_minutes")->index;
  int h = ut_entity(proto, "healed")->index;
  ck_assert(r.facts.known[m]);
  ck_assert_int_eq(r.facts.value[m], 4);
  ck_assert(!r.facts.known[h]);
  ac_request s = ok("can shave_razor on day 12 with healed = true, shower_minutes = -2");
  ck_assert(s.facts.known[h]);
  ck_assert_int_eq(s.facts.value[h], 1);
  ck_assert_int_eq(s.facts.value[m], -2);
  ac_request t = ok("can razor on day 12 with fully healed");
  ck_assert(t.facts.known[h]);
  ck_assert_int_eq(t.facts.value[h], 1);
  ac_request u = ok("can razor on day 12 with healed = no");
  ck_assert(u.facts.known[h]);
  ck_assert_int_eq(u.facts.value[h], 0);
  ac_request v = ok("can razor on day 12 with no healed");
  ck_assert(v.facts.known[h]);
  ck_assert_int_eq(v.facts.value[h], 0);
  ac_request w = ok("can razor on day 12 with Fully Healed = false");
  ck_assert(w.facts.known[h]);
  ck_assert_int_eq(w.facts.value[h], 0);
}
END_TEST

START_TEST(symptoms_in_with) {
  int red = ut_entity(proto, "redness")->index;
  int burn = ut_entity(proto, "burning")->index;
  ac_request r = ok("can razor on day 12 with red skin and no stinging");
  ck_assert(r.facts.symptom_known[red]);
  ck_assert(r.facts.reported[red]);
  ck_assert(r.facts.symptom_known[burn]);
  ck_assert(!r.facts.reported[burn]);
  ck_assert(!r.facts.symptom_known[ut_entity(proto, "discharge")->index]);
  ac_request s = ok("can razor on day 12 with some redness");
  ck_assert(s.facts.reported[red]);
}
END_TEST

START_TEST(fact_errors) {
  const ac_diag *g = fails("can razor on day 12 with healed = 3");
  ck_assert_int_eq(g->code, AC_E_TYPE);
  ck_assert_str_eq(g->message, "'healed' is yes or no: say 'healed = true' or 'healed = false'");
  ut_assert_at(g, 1, 26);
  ac_diags_init(&ut_diags, ut_arena);
  g = fails("can razor on day 12 with shower_minutes");
  ck_assert_int_eq(g->code, AC_E_TYPE);
  ck_assert_str_eq(g->message, "'shower_minutes' is a number: say 'shower_minutes = N'");
  ac_diags_init(&ut_diags, ut_arena);
  g = fails("can razor on day 12 with heald");
  ck_assert_int_eq(g->code, AC_E_UNKNOWN);
  ck_assert_str_eq(g->message, "unknown fact 'heald' (did you mean 'healed'?)");
  ut_assert_at(g, 1, 26);
}
END_TEST

START_TEST(every_fact_error_reported) {
  ac_request r;
  ck_assert(!ut_request(proto, "can razor on day 12 with heald, healed = 2", &r));
  ck_assert_int_eq(ut_diags.errors, 2);
}
END_TEST

START_TEST(sessions) {
  /* sessions 3: session 1 and 2 are not final, 3 and later are */
  ac_request r = ok("can swim on day 3 after session 1");
  ck_assert_int_eq(r.session, 1);
  ck_assert(!r.final_session);
  ck_assert(!ok("can swim on day 3 after session 2").final_session);
  ck_assert(ok("can swim on day 3 after session 3").final_session);
  ck_assert(ok("can swim on day 3 after session 7").final_session);
  ac_request f = ok("can swim on day 3 after the final session");
  ck_assert_int_eq(f.session, -1);
  ck_assert(f.final_session);
  ck_assert(ok("can swim on day 3").final_session);
}
END_TEST

START_TEST(sessions_default_one) {
  ac_protocol *p = ut_load("protocol t;\nactivity swim;\nallow swim always;\n");
  ac_request r;
  ck_assert(ut_request(p, "can swim on day 3 after session 1", &r));
  ck_assert(r.final_session);
}
END_TEST

START_TEST(symptoms_query) {
  ac_request r = ok("symptoms severe burning, red skin and mild pus on day 5");
  ck_assert_int_eq(r.kind, AC_Q_SYMPTOMS);
  ck_assert_int_eq(r.day, 5);
  ck_assert_int_eq(r.nsymptoms, 3);
  /* in reading order */
  ck_assert_int_eq(r.symptoms[0], ut_entity(proto, "burning")->index);
  ck_assert_int_eq(r.intensities[0], AC_INTENSITY_SEVERE);
  ck_assert_int_eq(r.symptoms[1], ut_entity(proto, "redness")->index);
  ck_assert_int_eq(r.intensities[1], AC_INTENSITY_ANY);
  ck_assert_int_eq(r.symptoms[2], ut_entity(proto, "discharge")->index);
  ck_assert_int_eq(r.intensities[2], AC_INTENSITY_MILD);
  ac_request s = ok("symptoms Moderate A Burning Sensation, some redness on day -2");
  ck_assert_int_eq(s.nsymptoms, 2);
  ck_assert_int_eq(s.intensities[0], AC_INTENSITY_MODERATE);
  ck_assert_int_eq(s.symptoms[0], ut_entity(proto, "burning")->index);
  ck_assert_int_eq(s.day, -2);
}
END_TEST

START_TEST(symptoms_query_unknown) {
  ac_request r;
  ck_assert(!ut_request(proto, "symptoms rednes, severe burnin on day 5", &r));
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0101 AC0101");
  ck_assert_str_eq(ut_diags.first->message, "unknown symptom 'rednes' (did you mean 'redness'?)");
  ut_assert_at(ut_diags.first, 1, 10);
  /* the intensity word is part of the phrase quoted */
  ck_assert(strncmp(ut_diags.first->next->message, "unknown symptom 'severe burnin'", 31) == 0);
  ut_assert_at(ut_diags.first->next, 1, 18);
}
END_TEST

START_TEST(other_queries) {
  ac_request d = ok("day 12");
  ck_assert_int_eq(d.kind, AC_Q_DAY);
  ck_assert_int_eq(d.day, 12);
  ac_request e = ok("explain no_razor");
  ck_assert_ptr_eq(e.explain, ut_entity(proto, "no_razor"));
  /* words are joined with '_' */
  ac_request e2 = ok("explain shave razor");
  ck_assert_ptr_eq(e2.explain, ut_entity(proto, "shave_razor"));
  ac_request e3 = ok("explain allow_shave_razor_11_end");
  ck_assert_int_eq(e3.explain->kind, AC_ENT_RULE);
  ck_assert_int_eq(ok("phases").kind, AC_Q_LIST);
  ck_assert_int_eq(ok("activities").query->list, AC_ENT_ACTIVITY);
  ck_assert_int_eq(ok("constraints").query->list, AC_ENT_CONSTRAINT);
  ck_assert_int_eq(ok("help").kind, AC_Q_HELP);
  ac_request w = ok("when razor");
  ck_assert_int_eq(w.kind, AC_Q_WHEN);
  ck_assert_str_eq(w.activity->e.name, "shave_razor");
}
END_TEST

START_TEST(explain_unknown) {
  const ac_diag *g = fails("explain no_razr");
  ck_assert_int_eq(g->code, AC_E_UNKNOWN);
  ck_assert_str_eq(g->message, "nothing is named 'no_razr' (did you mean 'no_razor'?)");
  ut_assert_at(g, 1, 9);
  ac_diags_init(&ut_diags, ut_arena);
  g = fails("explain something else entirely");
  ck_assert_str_eq(g->message, "nothing is named 'something_else_entirely'");
}
END_TEST

START_TEST(phrase_keys) {
  ck_assert_str_eq(ac_query_phrase_key(ut_arena, 'a', "Shave_Razor"), "a:shave razor");
  ck_assert_str_eq(ac_query_phrase_key(ut_arena, 's', "  Red   Skin "), "s:red skin");
  ck_assert_str_eq(ac_query_phrase_key(ut_arena, 'f', ""), "f:");
}
END_TEST

static Suite *query_suite(void) {
  Suite *s = suite_create("query");
  TCase *tc = tcase_create("names");
  tcase_add_checked_fixture(tc, setup, ut_teardown);
  tcase_add_test(tc, identifiers_labels_aliases);
  tcase_add_test(tc, names_in_any_case);
  tcase_add_test(tc, filler_words);
  tcase_add_test(tc, fillers_only_in_front);
  tcase_add_test(tc, unknown_activity_with_suggestion);
  tcase_add_test(tc, unknown_activity_suggestions);
  tcase_add_test(tc, phrase_keys);
  suite_add_tcase(s, tc);

  tc = tcase_create("with");
  tcase_add_checked_fixture(tc, setup, ut_teardown);
  tcase_add_test(tc, facts_in_with);
  tcase_add_test(tc, symptoms_in_with);
  tcase_add_test(tc, fact_errors);
  tcase_add_test(tc, every_fact_error_reported);
  tcase_add_test(tc, sessions);
  tcase_add_test(tc, sessions_default_one);
  suite_add_tcase(s, tc);

  tc = tcase_create("kinds");
  tcase_add_checked_fixture(tc, setup, ut_teardown);
  tcase_add_test(tc, symptoms_query);
  tcase_add_test(tc, symptoms_query_unknown);
  tcase_add_test(tc, other_queries);
  tcase_add_test(tc, explain_unknown);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(query_suite()); }
