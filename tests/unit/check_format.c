/*
 * check_format.c -- the canonical layout of protocols (src/format.c): a
 * statement that fits in 80 columns is one line, one that does not is split
 * into its head and clauses; comments stay in place; blank lines are
 * squeezed to one; split strings go one to a line; formatting is
 * idempotent; input with syntax errors is refused.
 *
 * Sources are built in memory ("t.care") and the results compared whole.
 */
#include "config.h"

#include "format.h"
#include "unit.h"

/* Formats text that must format; the result in the test's arena. */
static const char *fmt_ok(const char *text) {
  char *out = NULL;
  size_t len = 0;
  int r = ac_format_source(ut_arena, ut_source("t.care", text), &ut_diags, &out, &len);
  ck_assert_msg(r == 0, "format failed (%d):\n%s", r, ut_render(&ut_diags));
  ck_assert_ptr_nonnull(out);
  ck_assert_uint_eq(strlen(out), len);
  const char *s = ac_arena_strndup(ut_arena, out, len);
  free(out);
  ut_assert_clean(&ut_diags);
  return s;
}

/* Formats text, checks the result, and that it formats to itself. */
static void check_fmt(const char *text, const char *expected) {
  const char *once = fmt_ok(text);
  ck_assert_str_eq(once, expected);
  const char *twice = fmt_ok(once);
  ck_assert_str_eq(twice, once);
}

/* ---- Statements that fit ---- */

START_TEST(test_fits_one_line) {
  check_fmt("protocol   t ;\n"
            "activity  swim   \"go swimming\" ;\n"
            "activity sauna;\n"
            "forbid\n  swim\n  first 10 days\n  ;\n",
            "protocol t;\n"
            "activity swim \"go swimming\";\n"
            "activity sauna;\n"
            "forbid swim first 10 days;\n");
}
END_TEST

START_TEST(test_spaces_around_punctuation) {
  check_fmt("protocol t;\nactivity a;\nactivity b;\ngroup g = a , b ;\n"
            "forbid a days 0 .. 5 ;\n",
            "protocol t;\nactivity a;\nactivity b;\ngroup g = a, b;\n"
            "forbid a days 0..5;\n");
}
END_TEST

START_TEST(test_exactly_80_columns) {
  /* 80 columns: one line; 81: split. */
  const char *in80 = "protocol t;\nactivity swim;\n"
                     "forbid swim first 10 days because \"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq\";\n";
  const char *line80 = "forbid swim first 10 days because \"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq\";";
  ck_assert_int_eq((int)strlen(line80), 80);
  check_fmt(in80, in80);
  check_fmt("protocol t;\nactivity swim;\n"
            "forbid swim first 10 days because \"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqr\";\n",
            "protocol t;\nactivity swim;\n"
            "forbid swim first 10 days\n"
            "  because \"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqr\";\n");
}
END_TEST

/* ---- Statements that do not fit ---- */

START_TEST(test_long_rule_clauses) {
  check_fmt("protocol t;\nactivity swim;\n"
            "rule no_water: forbid swim first 10 days because \"Keep it dry, because the "
            "wound is still fresh and needs it.\" cites R1, T2;\n",
            "protocol t;\nactivity swim;\n"
            "rule no_water:\n"
            "  forbid swim first 10 days\n"
            "  because \"Keep it dry, because the wound is still fresh and needs it.\"\n"
            "  cites R1, T2;\n");
}
END_TEST

START_TEST(test_long_advice) {
  check_fmt("protocol t;\n"
            "advice pillow \"Use a fresh pillowcase.\" \"Every night, for the first week "
            "after the session.\" first 3 days;\n",
            "protocol t;\n"
            "advice pillow\n"
            "  \"Use a fresh pillowcase.\" \"Every night, for the first week after the "
            "session.\"\n"
            "  first 3 days;\n");
}
END_TEST

START_TEST(test_split_strings) {
  check_fmt("protocol t;\nactivity swim;\n"
            "rule r: forbid swim first 10 days because \"The first part of a long reason, \" "
            "\"and the second part of it, \" \"and a third.\" ;\n",
            "protocol t;\nactivity swim;\n"
            "rule r:\n"
            "  forbid swim first 10 days\n"
            "  because \"The first part of a long reason, \"\n"
            "    \"and the second part of it, \"\n"
            "    \"and a third.\";\n");
}
END_TEST

START_TEST(test_split_strings_that_fit) {
  /* adjacent literals stay as written, on one line when they fit */
  check_fmt("protocol t;\nactivity swim;\nforbid swim always because \"a\"   \"b\";\n",
            "protocol t;\nactivity swim;\nforbid swim always because \"a\" \"b\";\n");
}
END_TEST

START_TEST(test_block) {
  check_fmt("protocol t;\n"
            "phase early \"Early\" first 3 days { do \"Keep dry.\"; dont \"Scratch.\"; }\n",
            "protocol t;\n"
            "phase early \"Early\" first 3 days {\n"
            "  do \"Keep dry.\";\n"
            "  dont \"Scratch.\";\n"
            "}\n");
}
END_TEST

/* ---- Comments and blank lines ---- */

START_TEST(test_comments_kept) {
  check_fmt("protocol t;\n"
            "# own comment\n"
            "activity sauna;   # trailing   \n"
            "activity swim; # another\n"
            "# at the end\n",
            "protocol t;\n"
            "# own comment\n"
            "activity sauna;  # trailing\n"
            "activity swim;   # another\n"
            "# at the end\n");
}
END_TEST

START_TEST(test_comment_inside_statement) {
  check_fmt("protocol t;\nactivity swim;\n"
            "forbid swim # why\n"
            "  first 10 days;\n",
            "protocol t;\nactivity swim;\n"
            "forbid swim  # why\n"
            "  first 10 days;\n");
}
END_TEST

START_TEST(test_comment_in_block) {
  check_fmt("protocol t;\n"
            "phase early first 3 days {\n"
            "# first\n"
            "do \"Keep dry.\";\n"
            "    # last\n"
            "}\n",
            "protocol t;\n"
            "phase early first 3 days {\n"
            "  # first\n"
            "  do \"Keep dry.\";\n"
            "  # last\n"
            "}\n");
}
END_TEST

START_TEST(test_blank_lines_squeezed) {
  check_fmt("protocol t;\n\n\n\n"
            "activity swim;\n"
            "activity sauna;\n\n\n"
            "# c\n\n\n\n"
            "activity run;\n",
            "protocol t;\n\n"
            "activity swim;\n"
            "activity sauna;\n\n"
            "# c\n\n"
            "activity run;\n");
}
END_TEST

START_TEST(test_canonical_is_unchanged) {
  const char *canon = "protocol t;\n"
                      "activity swim \"go swimming\";\n"
                      "\n"
                      "# rules\n"
                      "rule no_water:\n"
                      "  forbid swim first 10 days\n"
                      "  because \"Keep it dry, because the wound is still fresh and needs it.\"\n"
                      "  cites R1, T2;\n";
  check_fmt(canon, canon);
}
END_TEST

/* ---- Refusal ---- */

START_TEST(test_syntax_error_refused) {
  char *out = NULL;
  size_t len = 0;
  int r = ac_format_source(ut_arena, ut_source("t.care", "protocol t;\nactivity ;\n"), &ut_diags,
                           &out, &len);
  ck_assert_int_eq(r, 1);
  ck_assert_ptr_null(out);
  ck_assert_int_eq(ut_diags.errors, 1);
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0001");
  ut_assert_at(ut_expect(&ut_diags, AC_E_SYNTAX), 2, 10);
}
END_TEST

START_TEST(test_unterminated_string_refused) {
  char *out = NULL;
  size_t len = 0;
  int r = ac_format_source(ut_arena, ut_source("t.care", "protocol t;\nactivity a \"x;\n"),
                           &ut_diags, &out, &len);
  ck_assert_int_eq(r, 1);
  ck_assert_ptr_null(out);
  ck_assert_int_ge(ut_diags.errors, 1);
  ck_assert_ptr_nonnull(ut_find(&ut_diags, AC_E_STRING));
}
END_TEST

static Suite *format_suite(void) {
  Suite *s = suite_create("format");
  TCase *tc = ut_tcase("fits");
  tcase_add_test(tc, test_fits_one_line);
  tcase_add_test(tc, test_spaces_around_punctuation);
  tcase_add_test(tc, test_exactly_80_columns);
  suite_add_tcase(s, tc);
  tc = ut_tcase("split");
  tcase_add_test(tc, test_long_rule_clauses);
  tcase_add_test(tc, test_long_advice);
  tcase_add_test(tc, test_split_strings);
  tcase_add_test(tc, test_split_strings_that_fit);
  tcase_add_test(tc, test_block);
  suite_add_tcase(s, tc);
  tc = ut_tcase("comments");
  tcase_add_test(tc, test_comments_kept);
  tcase_add_test(tc, test_comment_inside_statement);
  tcase_add_test(tc, test_comment_in_block);
  tcase_add_test(tc, test_blank_lines_squeezed);
  tcase_add_test(tc, test_canonical_is_unchanged);
  suite_add_tcase(s, tc);
  tc = ut_tcase("errors");
  tcase_add_test(tc, test_syntax_error_refused);
  tcase_add_test(tc, test_unterminated_string_refused);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(format_suite()); }
