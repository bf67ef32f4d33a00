/*
 * check_expectations.c -- running the expectations of a protocol file
 * (src/expectations.c, `aftercare test`): passes and failures, the failure
 * lines, and --coverage (rules, cited statements, changes of verdict).
 */
#include "config.h"

#include "unit.h"

#include "expectations.h"

/* What one run printed, and what it returned. */
typedef struct run_result {
  const char *out; /* in the test's arena */
  int ret;
} run_result;

static run_result run(ac_protocol *p, bool color, bool coverage) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  ck_assert_ptr_nonnull(f);
  ac_arena *scratch = ac_arena_new();
  run_result r;
  r.ret = ac_expectations_run(p, scratch, f, color, coverage, false, NULL);
  fclose(f);
  ac_arena_free(scratch);
  r.out = ac_arena_strndup(ut_arena, buf, len);
  free(buf);
  return r;
}

/* The statements the tests cite, after the text (its lines keep their
 * numbers): context statements, which --coverage never lists as not cited. */
static const char *const cited_ids =
    "document unit \"What these tests cite\" {\n"
    "  context A1 \"a\"; context AD1 \"a\"; context C1 \"a\"; context G1 \"a\";\n"
    "  context G2 \"a\"; context L3.1 \"a\"; context NG1 \"a\"; context P1 \"a\";\n"
    "  context P2 \"a\"; context P3 \"a\"; context R1.1 \"a\"; context R5.1 \"a\";\n"
    "  context S2 \"a\"; context S6.1 \"a\"; context T1.do \"a\"; context T5.dont \"a\";\n"
    "  context X9 \"a\";\n"
    "}\n";

/* Loads a protocol that must check without errors. */
static ac_protocol *load(const char *text) {
  ac_protocol *p = ut_load(ac_arena_printf(ut_arena, "%s%s", text, cited_ids));
  ck_assert_msg(ut_diags.errors == 0, "%s", ut_render(&ut_diags));
  return p;
}

/* The number of lines of out that contain needle. */
static int lines_with(const char *out, const char *needle) {
  int n = 0;
  const char *line = out;
  while (*line) {
    const char *end = strchr(line, '\n');
    size_t len = end ? (size_t)(end - line) : strlen(line);
    char *copy = ac_arena_strndup(ut_arena, line, len);
    if (strstr(copy, needle)) n++;
    if (!end) break;
    line = end + 1;
  }
  return n;
}

/* The last line of out (without its newline). */
static const char *last_line(const char *out) {
  size_t len = strlen(out);
  if (len && out[len - 1] == '\n') len--;
  size_t start = len;
  while (start > 0 && out[start - 1] != '\n') start--;
  return ac_arena_strndup(ut_arena, out + start, len - start);
}

#define assert_has(out, text) \
  ck_assert_msg(strstr((out), (text)) != NULL, "no '%s' in:\n%s", (text), (out))
#define assert_lacks(out, text) \
  ck_assert_msg(strstr((out), (text)) == NULL, "unexpected '%s' in:\n%s", (text), (out))

static const char *const sauna_text =
    "protocol t { horizon 40 days; }\n"                      /* 1 */
    "activity sauna aliases \"saunas\";\n"                   /* 2 */
    "symptom redness;\n"                                     /* 3 */
    "rule no_sauna: forbid sauna first 30 days cites G1;\n"  /* 4 */
    "rule sauna_later: allow sauna after 30 days cites G1;\n" /* 5 */
    "triage red: symptoms redness first 14 days level normal advice \"N\";\n"; /* 6 */

/* ---- Passes and failures ---- */

START_TEST(all_pass) {
  const char *text = ac_arena_printf(ut_arena, "%s%s", sauna_text,
                                     "expect can sauna on day 30 is forbidden;\n"
                                     "expect can saunas on day 31 is allowed;\n"
                                     "expect when sauna is from day 31;\n"
                                     "expect symptoms redness on day 3 is normal;\n");
  run_result r = run(load(text), false, false);
  ck_assert_int_eq(r.ret, 0);
  ck_assert_str_eq(r.out, "4 passed, 0 failed\n");
}
END_TEST

START_TEST(failures_counted_and_printed) {
  const char *text = ac_arena_printf(ut_arena, "%s%s", sauna_text,
                                     "expect can sauna on day 30 is allowed;\n"       /* 7 */
                                     "expect can sauna on day 31 is allowed;\n"       /* 8 */
                                     "expect when sauna is from day 30;\n"            /* 9 */
                                     "  expect when sauna is never;\n"                /* 10 */
                                     "expect symptoms redness on day 20 is normal;\n" /* 11 */
                                     "expect symptoms redness on day 2 is normal;\n");
  run_result r = run(load(text), false, false);
  ck_assert_int_eq(r.ret, 4);
  ck_assert_str_eq(
      r.out,
      "t.care:7:1: expectation failed: can sauna on day 30: expected allowed, the protocol "
      "answers forbidden [AC0501]\n"
      "t.care:9:1: expectation failed: when sauna: expected from day 30, the protocol answers "
      "from day 31 [AC0501]\n"
      "t.care:10:3: expectation failed: when sauna: expected never, the protocol answers from "
      "day 31 [AC0501]\n"
      "t.care:11:1: expectation failed: symptoms redness on day 20: expected normal, the "
      "protocol answers unknown [AC0501]\n"
      "2 passed, 4 failed\n");
}
END_TEST

START_TEST(failure_quotes_the_query_as_written) {
  /* the query as written (alias, facts, cites after it left out) */
  const char *text =
      "protocol t;\n"
      "activity shave_razor aliases \"razor\";\n"
      "fact healed boolean;\n"
      "forbid shave_razor first 10 days;\n"
      "allow shave_razor after 10 days only if healed;\n"
      "expect can razor on day 11 with healed = false is allowed cites R5.1, T5.dont;\n";
  run_result r = run(load(text), false, false);
  ck_assert_int_eq(r.ret, 1);
  ck_assert_str_eq(r.out,
                   "t.care:6:1: expectation failed: can razor on day 11 with healed = false: "
                   "expected allowed, the protocol answers forbidden [AC0501]\n"
                   "0 passed, 1 failed\n");
}
END_TEST

START_TEST(failure_in_colour) {
  const char *text = ac_arena_printf(ut_arena, "%s%s", sauna_text,
                                     "expect can sauna on day 30 is allowed;\n");
  run_result r = run(load(text), true, false);
  ck_assert_int_eq(r.ret, 1);
  ck_assert_str_eq(r.out,
                   "\033[1mt.care:7:1: \033[1;31mexpectation failed:\033[0m can sauna on day 30: "
                   "expected allowed, the protocol answers forbidden [AC0501]\n"
                   "0 passed, 1 failed\n");
}
END_TEST

START_TEST(no_expectations) {
  run_result r = run(load(sauna_text), false, false);
  ck_assert_int_eq(r.ret, 0);
  ck_assert_str_eq(r.out, "0 passed, 0 failed\n");
}
END_TEST

START_TEST(only_the_files_own_expectations) {
  const char *dir = ut_tmpdir();
  ut_write(dir, "base.care",
           "protocol base;\n"
           "activity sauna;\n"
           "forbid sauna first 30 days;\n"
           "allow sauna after 30 days;\n"
           "expect can sauna on day 1 is allowed;\n" /* fails, but not run */
           "expect can sauna on day 2 is forbidden;\n");
  const char *top = ut_write(dir, "top.care",
                             "protocol top;\n"
                             "extends \"base.care\";\n"
                             "expect can sauna on day 31 is allowed;\n");
  int err = 0;
  ac_protocol *p = ut_compile_file(top, &err);
  ck_assert_ptr_nonnull(p);
  ut_assert_no_errors(&ut_diags);
  run_result r = run(p, false, false);
  ck_assert_int_eq(r.ret, 0);
  ck_assert_str_eq(r.out, "1 passed, 0 failed\n");
}
END_TEST

/* ---- The cites clause ---- */

START_TEST(cites_clause_parsed_in_order) {
  ac_file *f = ut_parse("protocol t;\n"
                        "activity a;\n"
                        "expect can a on day 1 is forbidden cites R1.1, T1.do, S2;\n"
                        "expect when a is never;\n");
  ck_assert_int_eq(f->syntax_errors, 0);
  const ac_stmt *s = f->stmts->next->next;
  ck_assert_int_eq(s->kind, AC_STMT_EXPECT);
  ck_assert_ptr_nonnull(s->clauses);
  ck_assert_int_eq(s->clauses->kind, AC_CLAUSE_CITES);
  ck_assert_ptr_null(s->clauses->next);
  const ac_ident *id = s->clauses->names;
  ck_assert_str_eq(id->name, "R1.1");
  ck_assert_int_eq(id->loc.first_line, 3);
  ck_assert_int_eq(id->loc.first_column, 42);
  ck_assert_str_eq(id->next->name, "T1.do");
  ck_assert_str_eq(id->next->next->name, "S2");
  ck_assert_ptr_null(id->next->next->next);
  ck_assert_ptr_null(s->next->clauses);
}
END_TEST

START_TEST(cites_clause_repeated) {
  ut_load("protocol t;\n"
          "activity a;\n"
          "forbid a always;\n"
          "expect can a on day 1 is forbidden cites G1 cites G2;\n"
          "document d { statement G1 \"a\"; statement G2 \"b\"; }\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0108");
  const ac_diag *g = ut_expect(&ut_diags, AC_E_CLAUSE);
  ut_assert_at(g, 4, 45);
  ck_assert_str_eq(g->message, "'cites' repeated: say it once");
}
END_TEST

START_TEST(cites_clause_only_clause) {
  ac_file *f = ut_parse("protocol t;\n"
                        "activity a;\n"
                        "expect can a on day 1 is forbidden because \"x\";\n");
  ck_assert_int_eq(f->syntax_errors, 1);
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0001");
}
END_TEST

/* ---- Coverage: rules ---- */

START_TEST(coverage_rules_and_symptom_rules) {
  const char *text =
      "protocol t { horizon 40 days; }\n"                                   /* 1 */
      "activity sauna;\n"                                                   /* 2 */
      "activity swim;\n"                                                    /* 3 */
      "symptom redness;\n"                                                  /* 4 */
      "symptom discharge;\n"                                                /* 5 */
      "rule no_sauna: forbid sauna first 30 days;\n"                        /* 6 */
      "rule sauna_later: allow sauna after 30 days;\n"                      /* 7 */
      "rule no_swim: forbid swim first 30 days;\n"                          /* 8 */
      "rule swim_later: allow swim after 30 days;\n"                        /* 9 */
      "triage red: symptoms redness level normal advice \"N\";\n"          /* 10 */
      "triage pus: symptoms discharge level urgent advice \"U\";\n"        /* 11 */
      "expect can sauna on day 30 is forbidden;\n"
      "expect can sauna on day 31 is allowed;\n"
      "expect when swim is from day 31;\n" /* a when exercises the rules behind it */
      "expect symptoms redness on day 3 is normal;\n";
  run_result r = run(load(text), false, true);
  ck_assert_int_eq(lines_with(r.out, "not exercised: rule"), 0);
  ck_assert_int_eq(lines_with(r.out, "not exercised: symptom rule"), 1);
  assert_has(r.out, "t.care:11: not exercised: symptom rule 'pus'\n");
  /* swim's change has neither side asked by a can */
  assert_has(r.out, "t.care:3: not exercised: swim changes from forbidden to allowed on day "
                    "31: no expectation asks day 30 / day 31\n");
  assert_has(r.out, "coverage: 1 rules, 0 statements, 1 changes of verdict not exercised; 0 statements not cited\n");
  ck_assert_str_eq(last_line(r.out), "4 passed, 0 failed");
  ck_assert_int_eq(r.ret, 2);
}
END_TEST

START_TEST(coverage_unexercised_rule) {
  const char *text = ac_arena_printf(ut_arena, "%s%s", sauna_text,
                                     "expect can sauna on day 5 is forbidden cites G1;\n"
                                     "expect symptoms redness on day 3 is normal;\n");
  run_result r = run(load(text), false, true);
  ck_assert_str_eq(r.out,
                   "t.care:5: not exercised: rule 'sauna_later'\n"
                   "t.care:2: not exercised: sauna changes from forbidden to allowed on day 31: "
                   "no expectation asks day 30 / day 31\n"
                   "coverage: 1 rules, 0 statements, 1 changes of verdict not exercised; 0 statements not cited\n"
                   "2 passed, 0 failed\n");
  ck_assert_int_eq(r.ret, 2);
}
END_TEST

START_TEST(coverage_replaced_and_base_rules_not_listed) {
  const char *dir = ut_tmpdir();
  ut_write(dir, "base.care",
           "protocol base { horizon 40 days; }\n"
           "activity sauna;\n"
           "rule no_sauna: forbid sauna first 30 days;\n"
           "rule sauna_later: allow sauna after 30 days;\n"
           "rule base_only: forbid sauna days -5..-1;\n");
  const char *top = ut_write(dir, "top.care",
                             "protocol top;\n"
                             "extends \"base.care\";\n"
                             "rule sauna_later: discourage sauna after 30 days\n"
                             "  overrides sauna_later;\n"
                             "expect can sauna on day 31 is discouraged;\n");
  int err = 0;
  ac_protocol *p = ut_compile_file(top, &err);
  ck_assert_ptr_nonnull(p);
  ut_assert_no_errors(&ut_diags);
  run_result r = run(p, false, true);
  /* the base's rules and activity are not this file's */
  ck_assert_msg(lines_with(r.out, "not exercised: ") == 0, "%s", r.out);
  assert_has(r.out, "coverage: 0 rules, 0 statements, 0 changes of verdict not exercised; 0 statements not cited\n");
  ck_assert_int_eq(r.ret, 0);
}
END_TEST

/* ---- Coverage: statements ---- */

START_TEST(coverage_statements) {
  const char *text =
      "protocol t { horizon 40 days; }\n"                          /* 1 */
      "activity sauna cites A1;\n"                                 /* 2 */
      "rule no_sauna: forbid sauna first 30 days cites G1, G2;\n"  /* 3 */
      "rule sauna_later: allow sauna after 30 days cites G2;\n"    /* 4 */
      "phase p \"P\" first 3 days {\n"                             /* 5 */
      "  do \"Rest.\" cites P1;\n"                                 /* 6 */
      "  why \"Because.\" cites G1, P2;\n"                         /* 7 */
      "  cites P3;\n"                                              /* 8 */
      "}\n"                                                        /* 9 */
      "advice a \"Text.\" cites AD1, G2;\n"                        /* 10 */
      "constraint c: sauna forbidden first 7 days cites C1;\n"     /* 11 */
      "no guidance for sauna before treatment cites NG1;\n"        /* 12 */
      "expect can sauna on day 30 is forbidden cites G1, P2;\n"
      "expect can sauna on day 31 is allowed cites G2, X9;\n";
  run_result r = run(load(text), false, true);
  ck_assert_str_eq(
      r.out,
      "t.care:2: not exercised: statement A1 is cited (t.care:2) but no expectation cites it\n"
      "t.care:6: not exercised: statement P1 is cited (t.care:6) but no expectation cites it\n"
      "t.care:8: not exercised: statement P3 is cited (t.care:8) but no expectation cites it\n"
      "t.care:10: not exercised: statement AD1 is cited (t.care:10) but no expectation cites "
      "it\n"
      "t.care:11: not exercised: statement C1 is cited (t.care:11) but no expectation cites it\n"
      "t.care:12: not exercised: statement NG1 is cited (t.care:12) but no expectation cites "
      "it\n"
      "coverage: 0 rules, 6 statements, 0 changes of verdict not exercised; 0 statements not cited\n"
      "2 passed, 0 failed\n");
  ck_assert_int_eq(r.ret, 6);
}
END_TEST

START_TEST(coverage_uncited_statements) {
  /* a statement of the file's own document that only an expectation
   * cites is not cited; a context statement never is */
  const char *text = "protocol t;\n"                                        /* 1 */
                     "activity a;\n"                                        /* 2 */
                     "rule r: forbid a always cites D1;\n"                  /* 3 */
                     "expect can a on day 1 is forbidden cites D1, D2;\n"   /* 4 */
                     "document d \"D\" {\n"                                  /* 5 */
                     "  statement D1 \"One.\";\n"                            /* 6 */
                     "  statement D2 \"Two.\";\n"                            /* 7 */
                     "  context D3 \"Three.\";\n"                            /* 8 */
                     "}\n";
  run_result r = run(load(text), false, true);
  ck_assert_str_eq(r.out,
                   "t.care:7: not cited: statement D2 of document 'd': no rule cites it\n"
                   "coverage: 0 rules, 0 statements, 0 changes of verdict not exercised; 1 "
                   "statements not cited\n"
                   "1 passed, 0 failed\n");
  ck_assert_int_eq(r.ret, 1);
}
END_TEST

START_TEST(coverage_statement_reported_once_at_first_citation) {
  const char *text =
      "protocol t { horizon 40 days; }\n"
      "activity sauna;\n"
      "rule no_sauna: forbid sauna first 30 days cites S6.1;\n" /* 3 */
      "rule sauna_later: allow sauna after 30 days\n"
      "  cites S6.1, L3.1;\n"                                  /* 5 */
      "expect can sauna on day 30 is forbidden;\n"
      "expect can sauna on day 31 is allowed;\n";
  run_result r = run(load(text), false, true);
  ck_assert_int_eq(lines_with(r.out, "statement S6.1"), 1);
  assert_has(r.out, "t.care:3: not exercised: statement S6.1 is cited (t.care:3)");
  assert_has(r.out, "t.care:5: not exercised: statement L3.1 is cited (t.care:5)");
  ck_assert_int_eq(r.ret, 2);
}
END_TEST

START_TEST(coverage_failing_expectation_still_cites) {
  /* a statement is cited by an expectation whether or not it passes; the
   * failure itself makes the run fail */
  const char *text = ac_arena_printf(ut_arena, "%s%s", sauna_text,
                                     "expect can sauna on day 30 is allowed cites G1;\n"
                                     "expect can sauna on day 31 is allowed;\n"
                                     "expect symptoms redness on day 3 is normal;\n");
  run_result r = run(load(text), false, true);
  ck_assert_msg(lines_with(r.out, "not exercised: ") == 0, "%s", r.out);
  ck_assert_str_eq(last_line(r.out), "2 passed, 1 failed");
  ck_assert_int_eq(r.ret, 1);
}
END_TEST

/* ---- Coverage: changes of verdict ---- */

START_TEST(coverage_changes_one_side) {
  const char *text =
      "protocol t { horizon 40 days; }\n"
      "activity sauna;\n"
      "forbid sauna first 30 days;\n"
      "discourage sauna days 31..35;\n"
      "allow sauna after 35 days;\n"
      "expect can sauna on day 30 is forbidden;\n" /* 30/31: 31 missing */
      "expect can sauna on day 36 is allowed;\n"   /* 35/36: 35 missing */
      "expect when sauna is from day 31;\n";       /* a when asks no day */
  run_result r = run(load(text), false, true);
  ck_assert_str_eq(r.out,
                   "t.care:2: not exercised: sauna changes from forbidden to discouraged on day "
                   "31: no expectation asks day 31\n"
                   "t.care:2: not exercised: sauna changes from discouraged to allowed on day "
                   "36: no expectation asks day 35\n"
                   "coverage: 0 rules, 0 statements, 2 changes of verdict not exercised; 0 statements not cited\n"
                   "3 passed, 0 failed\n");
  ck_assert_int_eq(r.ret, 2);
}
END_TEST

START_TEST(coverage_changes_any_facts_count) {
  /* a can with facts asks its day as well as one without */
  const char *text =
      "protocol t { horizon 40 days; }\n"
      "activity shave;\n"
      "fact healed boolean;\n"
      "forbid shave first 10 days;\n"
      "allow shave after 10 days only if healed;\n"
      "expect can shave on day 10 is forbidden;\n"
      "expect can shave on day 11 with healed = true is allowed;\n";
  run_result r = run(load(text), false, true);
  ck_assert_msg(lines_with(r.out, "not exercised: ") == 0, "%s", r.out);
  ck_assert_int_eq(r.ret, 0);
}
END_TEST

START_TEST(coverage_changes_to_unknown_and_horizon) {
  const char *text =
      "protocol t { horizon 20 days; }\n"
      "activity gym;\n"
      "activity hat;\n"
      "forbid gym first 7 days;\n"
      "allow gym days 8..14;\n"
      "no guidance for gym after 14 days;\n"
      "recommend hat first 20 days;\n"
      "forbid hat after 20 days;\n" /* the change on day 21 is past the horizon */
      "expect can gym on day 7 is forbidden;\n"
      "expect can gym on day 8 is allowed;\n"
      "expect can hat on day 20 is recommended;\n"
      "expect can hat on day 21 is forbidden;\n";
  run_result r = run(load(text), false, true);
  ck_assert_str_eq(r.out,
                   "t.care:2: not exercised: gym changes from allowed to unknown on day 15: no "
                   "expectation asks day 14 / day 15\n"
                   "coverage: 0 rules, 0 statements, 1 changes of verdict not exercised; 0 statements not cited\n"
                   "4 passed, 0 failed\n");
}
END_TEST

START_TEST(coverage_changes_before_day_zero) {
  /* days before 0 count from the first day a rule decides; the change
   * into that first day is not one */
  const char *text =
      "protocol t { horizon 10 days; }\n"
      "activity alcohol;\n"
      "activity wash;\n"
      "forbid alcohol days -3..0;\n"
      "allow alcohol after 0 days;\n"
      "recommend wash day -1;\n"
      "forbid wash days 0..3;\n"
      "allow wash after 3 days;\n"
      "expect can alcohol on day 0 is forbidden;\n"
      "expect can alcohol on day 1 is allowed;\n"
      "expect can wash on day 3 is forbidden;\n"
      "expect can wash on day 4 is allowed;\n"
      "expect when wash is from day 4;\n";
  run_result r = run(load(text), false, true);
  ck_assert_str_eq(r.out,
                   "t.care:3: not exercised: wash changes from recommended to forbidden on day "
                   "0: no expectation asks day -1 / day 0\n"
                   "coverage: 0 rules, 0 statements, 1 changes of verdict not exercised; 0 statements not cited\n"
                   "5 passed, 0 failed\n");
}
END_TEST

START_TEST(coverage_changes_open_start) {
  /* a rule with no first day: every change before day 0 counts */
  const char *text =
      "protocol t { horizon 10 days; }\n"
      "activity dye;\n"
      "forbid dye until day -8;\n"
      "allow dye days -7..-1;\n"
      "forbid dye from day 0;\n"
      "expect can dye on day -1 is allowed;\n"
      "expect can dye on day 0 is forbidden;\n"
      "expect when dye is never;\n";
  run_result r = run(load(text), false, true);
  ck_assert_str_eq(r.out,
                   "t.care:2: not exercised: dye changes from forbidden to allowed on day -7: no "
                   "expectation asks day -8 / day -7\n"
                   "coverage: 0 rules, 0 statements, 1 changes of verdict not exercised; 0 statements not cited\n"
                   "3 passed, 0 failed\n");
}
END_TEST

START_TEST(coverage_changes_same_verdict_is_no_change) {
  const char *text =
      "protocol t { horizon 40 days; }\n"
      "activity sauna;\n"
      "group heat = sauna;\n"
      "rule a: forbid sauna first 10 days;\n"
      "rule b: forbid heat days 11..30;\n"
      "rule c: allow sauna after 30 days;\n"
      "expect can sauna on day 5 is forbidden;\n"
      "expect can sauna on day 20 is forbidden;\n"
      "expect can sauna on day 30 is forbidden;\n"
      "expect can sauna on day 31 is allowed;\n";
  run_result r = run(load(text), false, true);
  ck_assert_msg(lines_with(r.out, "not exercised: ") == 0, "%s", r.out);
  ck_assert_int_eq(r.ret, 0);
}
END_TEST

START_TEST(coverage_changes_after_other_sessions) {
  /* with a final-only rule, the timeline after the other sessions has its
   * own changes, asked by expectations "after session K" (not final) */
  const char *text =
      "protocol t { horizon 20 days; sessions 3; }\n"
      "activity gym;\n"
      "rule rest: forbid gym first 3 days;\n"
      "rule rest_final: forbid gym first 10 days after final session\n"
      "  overrides between;\n"
      "rule back: allow gym after 10 days;\n"
      "rule between: allow gym days 4..10;\n"
      "expect can gym on day 10 is forbidden;\n"
      "expect can gym on day 11 is allowed;\n"
      "expect can gym on day 3 after session 1 is forbidden;\n"
      "expect can gym on day 10 after session 2 is allowed;\n";
  run_result r = run(load(text), false, true);
  ck_assert_str_eq(r.out,
                   "t.care:2: not exercised: gym changes from forbidden to allowed on day 4 "
                   "after a session that is not the final one: no expectation asks day 4\n"
                   "coverage: 0 rules, 0 statements, 1 changes of verdict not exercised; 0 statements not cited\n"
                   "4 passed, 0 failed\n");
}
END_TEST

START_TEST(coverage_off_returns_failures_only) {
  const char *text = ac_arena_printf(ut_arena, "%s%s", sauna_text,
                                     "expect can sauna on day 5 is forbidden;\n");
  run_result r = run(load(text), false, false);
  ck_assert_int_eq(r.ret, 0);
  assert_lacks(r.out, "coverage");
  ck_assert_str_eq(r.out, "1 passed, 0 failed\n");
}
END_TEST

static Suite *expectations_suite(void) {
  Suite *s = suite_create("expectations");
  TCase *tc = ut_tcase("run");
  tcase_add_test(tc, all_pass);
  tcase_add_test(tc, failures_counted_and_printed);
  tcase_add_test(tc, failure_quotes_the_query_as_written);
  tcase_add_test(tc, failure_in_colour);
  tcase_add_test(tc, no_expectations);
  tcase_add_test(tc, only_the_files_own_expectations);
  suite_add_tcase(s, tc);

  tc = ut_tcase("cites");
  tcase_add_test(tc, cites_clause_parsed_in_order);
  tcase_add_test(tc, cites_clause_repeated);
  tcase_add_test(tc, cites_clause_only_clause);
  suite_add_tcase(s, tc);

  tc = ut_tcase("coverage");
  tcase_add_test(tc, coverage_rules_and_symptom_rules);
  tcase_add_test(tc, coverage_unexercised_rule);
  tcase_add_test(tc, coverage_replaced_and_base_rules_not_listed);
  tcase_add_test(tc, coverage_statements);
  tcase_add_test(tc, coverage_uncited_statements);
  tcase_add_test(tc, coverage_statement_reported_once_at_first_citation);
  tcase_add_test(tc, coverage_failing_expectation_still_cites);
  tcase_add_test(tc, coverage_changes_one_side);
  tcase_add_test(tc, coverage_changes_any_facts_count);
  tcase_add_test(tc, coverage_changes_to_unknown_and_horizon);
  tcase_add_test(tc, coverage_changes_before_day_zero);
  tcase_add_test(tc, coverage_changes_open_start);
  tcase_add_test(tc, coverage_changes_same_verdict_is_no_change);
  tcase_add_test(tc, coverage_changes_after_other_sessions);
  tcase_add_test(tc, coverage_off_returns_failures_only);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(expectations_suite()); }
