/*
 * check_condition.c -- three-valued evaluation of conditions and their
 * text (src/condition.c).
 */
#include "config.h"

#include "unit.h"

/* Facts a, b, c (boolean), n (number); symptoms s, t.  The rule "r" holds
 * the condition under test. */
static const char *const vocab = "protocol t;\n"
                                 "activity x;\n"
                                 "fact a boolean;\n"
                                 "fact b boolean;\n"
                                 "fact c boolean;\n"
                                 "fact n number;\n"
                                 "symptom s;\n"
                                 "symptom tt;\n";

static ac_protocol *proto;
static ac_facts facts;

/* Loads the vocabulary with "rule r: allow x always only if COND;" and
 * returns the resolved condition (the facts are reset: nothing known). */
static const ac_cond *cond(const char *text) {
  proto = ut_load(ac_arena_printf(ut_arena, "%srule r: allow x always only if %s;\n", vocab,
                                  text));
  ck_assert_msg(ut_diags.errors == 0, "'%s':\n%s", text, ut_render(&ut_diags));
  ac_cond_facts_init(&facts, ut_arena, proto);
  return ut_rule(proto, "r")->cond;
}

/* Sets a boolean fact by name: 'T', 'F' or 'U' (unknown). */
static void set_bool(const char *name, char v) {
  int i = ut_entity(proto, name)->index;
  facts.known[i] = v != 'U';
  facts.value[i] = v == 'T';
}

static void set_num(const char *name, int64_t v) {
  int i = ut_entity(proto, name)->index;
  facts.known[i] = true;
  facts.value[i] = v;
}

static ac_truth truth(char v) { return v == 'T' ? AC_TRUE : v == 'F' ? AC_FALSE : AC_UNSURE; }

static char letter(ac_truth t) { return t == AC_TRUE ? 'T' : t == AC_FALSE ? 'F' : 'U'; }

START_TEST(facts_init_knows_nothing) {
  cond("a");
  ck_assert_int_eq(facts.nfacts, 4);
  ck_assert_int_eq(facts.nsymptoms, 2);
  for (int i = 0; i < 4; i++) ck_assert(!facts.known[i]);
  for (int i = 0; i < 2; i++) ck_assert(!facts.symptom_known[i] && !facts.reported[i]);
}
END_TEST

START_TEST(constants) {
  ck_assert_int_eq(ac_cond_eval(cond("true"), &facts), AC_TRUE);
  ck_assert_int_eq(ac_cond_eval(cond("false"), &facts), AC_FALSE);
  ck_assert_int_eq(ac_cond_eval(cond("not false"), &facts), AC_TRUE);
  ck_assert_int_eq(ac_cond_eval(cond("true and false"), &facts), AC_FALSE);
  ck_assert_int_eq(ac_cond_eval(cond("true or false"), &facts), AC_TRUE);
}
END_TEST

START_TEST(boolean_fact) {
  const ac_cond *c = cond("a");
  ck_assert_int_eq(ac_cond_eval(c, &facts), AC_UNSURE);
  set_bool("a", 'T');
  ck_assert_int_eq(ac_cond_eval(c, &facts), AC_TRUE);
  set_bool("a", 'F');
  ck_assert_int_eq(ac_cond_eval(c, &facts), AC_FALSE);
  /* with no facts at all: unknown */
  ck_assert_int_eq(ac_cond_eval(c, NULL), AC_UNSURE);
}
END_TEST

START_TEST(boolean_comparisons) {
  static const struct {
    const char *text;
    char when_true, when_false;
  } cases[] = {
      {"a == true", 'T', 'F'},
      {"a == false", 'F', 'T'},
      {"a != true", 'F', 'T'},
      {"a != false", 'T', 'F'},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const ac_cond *c = cond(cases[i].text);
    ck_assert_int_eq(ac_cond_eval(c, &facts), AC_UNSURE);
    set_bool("a", 'T');
    ck_assert_msg(letter(ac_cond_eval(c, &facts)) == cases[i].when_true, "%s", cases[i].text);
    set_bool("a", 'F');
    ck_assert_msg(letter(ac_cond_eval(c, &facts)) == cases[i].when_false, "%s", cases[i].text);
  }
}
END_TEST

START_TEST(kleene_not) {
  const ac_cond *c = cond("not a");
  static const char in[] = "TFU", out[] = "FTU";
  for (int i = 0; i < 3; i++) {
    set_bool("a", in[i]);
    ck_assert_int_eq(ac_cond_eval(c, &facts), truth(out[i]));
  }
}
END_TEST

START_TEST(kleene_and_or) {
  /* rows a = T, F, U; columns b = T, F, U */
  static const char *const and_table[] = {"TFU", "FFF", "UFU"};
  static const char *const or_table[] = {"TTT", "TFU", "TUU"};
  static const char vals[] = "TFU";
  const ac_cond *c_and = cond("a and b");
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++) {
      set_bool("a", vals[i]);
      set_bool("b", vals[j]);
      ck_assert_msg(letter(ac_cond_eval(c_and, &facts)) == and_table[i][j], "%c and %c: %c",
                    vals[i], vals[j], letter(ac_cond_eval(c_and, &facts)));
    }
  const ac_cond *c_or = cond("a or b");
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++) {
      set_bool("a", vals[i]);
      set_bool("b", vals[j]);
      ck_assert_msg(letter(ac_cond_eval(c_or, &facts)) == or_table[i][j], "%c or %c: %c",
                    vals[i], vals[j], letter(ac_cond_eval(c_or, &facts)));
    }
}
END_TEST

START_TEST(kleene_precedence) {
  /* a or b and not c == a or (b and (not c)) */
  const ac_cond *c = cond("a or b and not c");
  set_bool("a", 'F');
  set_bool("b", 'T');
  set_bool("c", 'F');
  ck_assert_int_eq(ac_cond_eval(c, &facts), AC_TRUE);
  set_bool("c", 'T');
  ck_assert_int_eq(ac_cond_eval(c, &facts), AC_FALSE);
  set_bool("c", 'U');
  ck_assert_int_eq(ac_cond_eval(c, &facts), AC_UNSURE);
  set_bool("a", 'T'); /* true whatever the rest */
  ck_assert_int_eq(ac_cond_eval(c, &facts), AC_TRUE);
  /* (a or b) and not c: false when c, even with a unknown */
  const ac_cond *d = cond("(a or b) and not c");
  set_bool("c", 'T');
  ck_assert_int_eq(ac_cond_eval(d, &facts), AC_FALSE);
  set_bool("c", 'F');
  ck_assert_int_eq(ac_cond_eval(d, &facts), AC_UNSURE);
  set_bool("b", 'T');
  ck_assert_int_eq(ac_cond_eval(d, &facts), AC_TRUE);
}
END_TEST

START_TEST(number_comparisons) {
  static const struct {
    const char *text;
    const char *at_4_5_6; /* truth with n = 4, 5, 6 */
  } cases[] = {
      {"n < 5", "TFF"},   {"n <= 5", "TTF"},       {"n > 5", "FFT"},
      {"n >= 5", "FTT"},  {"n == 5", "FTF"},       {"n != 5", "TFT"},
      {"n at most 5", "TTF"}, {"n at least 5", "FTT"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const ac_cond *c = cond(cases[i].text);
    ck_assert_int_eq(ac_cond_eval(c, &facts), AC_UNSURE);
    for (int k = 0; k < 3; k++) {
      set_num("n", 4 + k);
      ck_assert_msg(letter(ac_cond_eval(c, &facts)) == cases[i].at_4_5_6[k], "%s with n=%d",
                    cases[i].text, 4 + k);
    }
  }
}
END_TEST

START_TEST(number_extremes) {
  const ac_cond *c = cond("n > -9223372036854775808");
  set_num("n", INT64_MIN);
  ck_assert_int_eq(ac_cond_eval(c, &facts), AC_FALSE);
  set_num("n", INT64_MIN + 1);
  ck_assert_int_eq(ac_cond_eval(c, &facts), AC_TRUE);
  const ac_cond *d = cond("n <= 9223372036854775807");
  set_num("n", INT64_MAX);
  ck_assert_int_eq(ac_cond_eval(d, &facts), AC_TRUE);
  const ac_cond *e = cond("n == -3");
  set_num("n", -3);
  ck_assert_int_eq(ac_cond_eval(e, &facts), AC_TRUE);
}
END_TEST

START_TEST(symptom_conditions) {
  const ac_cond *c = cond("symptom s");
  int i = ut_entity(proto, "s")->index;
  ck_assert_int_eq(ac_cond_eval(c, &facts), AC_UNSURE);
  facts.symptom_known[i] = true;
  facts.reported[i] = true;
  ck_assert_int_eq(ac_cond_eval(c, &facts), AC_TRUE);
  facts.reported[i] = false;
  ck_assert_int_eq(ac_cond_eval(c, &facts), AC_FALSE);
  /* another symptom says nothing of this one */
  const ac_cond *d = cond("not symptom tt and a");
  int j = ut_entity(proto, "tt")->index;
  facts.symptom_known[i] = true;
  facts.reported[i] = true;
  set_bool("a", 'T');
  ck_assert_int_eq(ac_cond_eval(d, &facts), AC_UNSURE);
  facts.symptom_known[j] = true;
  ck_assert_int_eq(ac_cond_eval(d, &facts), AC_TRUE);
  facts.reported[j] = true;
  ck_assert_int_eq(ac_cond_eval(d, &facts), AC_FALSE);
  /* a symptom named alone is a symptom condition */
  const ac_cond *e = cond("s");
  ck_assert_int_eq(e->kind, AC_COND_SYMPTOM);
  facts.symptom_known[i] = true;
  facts.reported[i] = true;
  ck_assert_int_eq(ac_cond_eval(e, &facts), AC_TRUE);
}
END_TEST

START_TEST(facts_clear_forgets) {
  const ac_cond *c = cond("a and symptom s");
  set_bool("a", 'T');
  int i = ut_entity(proto, "s")->index;
  facts.symptom_known[i] = true;
  facts.reported[i] = true;
  ck_assert_int_eq(ac_cond_eval(c, &facts), AC_TRUE);
  ac_cond_facts_clear(&facts);
  ck_assert(!facts.known[ut_entity(proto, "a")->index]);
  ck_assert(!facts.symptom_known[i]);
  ck_assert(!facts.reported[i]);
  ck_assert_int_eq(ac_cond_eval(c, &facts), AC_UNSURE);
}
END_TEST

/* ---- Text ---- */

START_TEST(text_of_conditions) {
  static const struct {
    const char *in, *out;
  } cases[] = {
      {"a", "a"},
      {"true", "true"},
      {"false", "false"},
      {"a or b and not c", "a or b and not c"},
      {"(a or b) and c", "(a or b) and c"},
      {"a and (b or c)", "a and (b or c)"},
      {"a and (b and c)", "a and (b and c)"},
      {"(a and b) and c", "a and b and c"},
      {"a or (b or c)", "a or (b or c)"},
      {"(a or b) or c", "a or b or c"},
      {"not (a and b)", "not (a and b)"},
      {"not not a", "not not a"},
      {"((a))", "a"},
      {"n at least 30", "n >= 30"},
      {"n at most -5", "n <= -5"},
      {"n != 0", "n != 0"},
      {"n < 1 or n > 2", "n < 1 or n > 2"},
      {"a == true", "a == true"},
      {"a != false", "a != false"},
      {"symptom s", "symptom s"},
      {"s", "symptom s"},
      {"not symptom s or symptom tt and a", "not symptom s or symptom tt and a"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    ck_assert_str_eq(ac_cond_text(ut_arena, cond(cases[i].in)), cases[i].out);
}
END_TEST

/* Every combination of a, b, c in T, F, U, and two symptoms. */
static void same_truth(const ac_cond *x, ac_facts *fx, const ac_cond *y, ac_facts *fy,
                       const char *what) {
  static const char vals[] = "TFU";
  for (int m = 0; m < 27 * 9; m++) {
    int k = m;
    for (int f = 0; f < 3; f++, k /= 3) {
      fx->known[f] = fy->known[f] = vals[k % 3] != 'U';
      fx->value[f] = fy->value[f] = vals[k % 3] == 'T';
    }
    for (int s = 0; s < 2; s++, k /= 3) {
      fx->symptom_known[s] = fy->symptom_known[s] = vals[k % 3] != 'U';
      fx->reported[s] = fy->reported[s] = vals[k % 3] == 'T';
    }
    ck_assert_msg(ac_cond_eval(x, fx) == ac_cond_eval(y, fy), "%s differs", what);
  }
}

START_TEST(text_round_trip) {
  /* The text of a condition reads back as the same condition. */
  static const char *const conds[] = {
      "a or b and not c",
      "not (a or symptom s) and (b or c)",
      "(a or b) and (c or not symptom tt)",
      "not (not a and not (b or not c))",
      "a and b or c and not (a or b)",
      "a == false or b != true and c",
  };
  for (size_t i = 0; i < sizeof conds / sizeof *conds; i++) {
    const ac_cond *c1 = cond(conds[i]);
    ac_facts f1 = facts;
    char *t1 = ac_cond_text(ut_arena, c1);
    const ac_cond *c2 = cond(t1);
    ac_facts f2 = facts;
    ck_assert_str_eq(ac_cond_text(ut_arena, c2), t1);
    same_truth(c1, &f1, c2, &f2, conds[i]);
  }
}
END_TEST

static Suite *condition_suite(void) {
  Suite *s = suite_create("condition");
  TCase *tc = ut_tcase("eval");
  tcase_add_test(tc, facts_init_knows_nothing);
  tcase_add_test(tc, constants);
  tcase_add_test(tc, boolean_fact);
  tcase_add_test(tc, boolean_comparisons);
  tcase_add_test(tc, kleene_not);
  tcase_add_test(tc, kleene_and_or);
  tcase_add_test(tc, kleene_precedence);
  tcase_add_test(tc, number_comparisons);
  tcase_add_test(tc, number_extremes);
  tcase_add_test(tc, symptom_conditions);
  tcase_add_test(tc, facts_clear_forgets);
  suite_add_tcase(s, tc);

  tc = ut_tcase("text");
  tcase_add_test(tc, text_of_conditions);
  tcase_add_test(tc, text_round_trip);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(condition_suite()); }
