/*
 * check_diagnostic.c -- collecting, sorting and printing diagnostics
 * (src/diagnostic.c).
 */
#include "config.h"

#include "unit.h"

static ac_loc at(int line, int col, int end_col) {
  ac_loc l = {line, col, line, end_col};
  return l;
}

static const ac_loc nowhere = {0, 0, 0, 0};

START_TEST(init_defaults) {
  ck_assert_ptr_eq(ut_diags.arena, ut_arena);
  ck_assert_ptr_null(ut_diags.first);
  ck_assert_ptr_null(ut_diags.last);
  ck_assert_int_eq(ut_diags.errors, 0);
  ck_assert_int_eq(ut_diags.warnings, 0);
  ck_assert_int_eq(ut_diags.dropped, 0);
  ck_assert_int_eq(ut_diags.limit, AC_DEFAULT_DIAG_LIMIT);
  ck_assert(!ac_diags_full(&ut_diags));
}
END_TEST

START_TEST(add_formats_and_counts) {
  ac_source *s = ut_source("t.care", "forbid swimm first 3 days;\n");
  ac_diag *g = ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_UNKNOWN, s, at(1, 8, 13),
                           "unknown %s '%s'", "activity", "swimm");
  ck_assert_ptr_nonnull(g);
  ck_assert_str_eq(g->message, "unknown activity 'swimm'");
  ck_assert_int_eq(g->severity, AC_SEV_ERROR);
  ck_assert_int_eq(g->code, AC_E_UNKNOWN);
  ck_assert_ptr_eq(g->src, s);
  ck_assert_int_eq(g->loc.first_column, 8);
  ac_diag *w = ac_diag_add(&ut_diags, AC_SEV_WARNING, AC_W_GAP, s, at(1, 1, 2), "gap");
  ck_assert_int_eq(ut_diags.errors, 1);
  ck_assert_int_eq(ut_diags.warnings, 1);
  ck_assert_ptr_eq(ut_diags.first, g);
  ck_assert_ptr_eq(g->next, w);
  ck_assert_ptr_eq(ut_diags.last, w);
  /* a long message is not cut */
  char long_name[600];
  memset(long_name, 'x', sizeof long_name - 1);
  long_name[sizeof long_name - 1] = '\0';
  ac_diag *l = ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_LIMIT, s, at(1, 1, 2), "[%s]",
                           long_name);
  ck_assert_uint_eq(strlen(l->message), 601);
}
END_TEST

START_TEST(notes_attach_in_order) {
  ac_source *s = ut_source("t.care", "a\nb\nc\n");
  ac_diag *g = ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_CONFLICT, s, at(3, 1, 2), "conflict");
  ac_diag_note(&ut_diags, g, s, at(1, 1, 2), "first %d", 1);
  ac_diag_note(&ut_diags, g, s, at(2, 1, 2), "second %d", 2);
  ck_assert_int_eq(ut_nnotes(g), 2);
  ck_assert_str_eq(g->notes->message, "first 1");
  ck_assert_str_eq(g->notes->next->message, "second 2");
  ck_assert_int_eq(g->notes->severity, AC_SEV_NOTE);
  ck_assert_int_eq(g->notes->code, AC_E_CONFLICT);
  /* notes are not counted, and not in the main list */
  ck_assert_int_eq(ut_diags.errors, 1);
  ck_assert_int_eq(ut_diags.warnings, 0);
  ck_assert_ptr_null(g->next);
  /* a note on nothing is nothing */
  ac_diag_note(&ut_diags, NULL, s, at(1, 1, 2), "ignored");
  ck_assert_ptr_eq(ut_diags.first, g);
  ck_assert_ptr_null(g->next);
}
END_TEST

START_TEST(limit_drops_and_counts) {
  ac_source *s = ut_source("t.care", "x\n");
  ut_diags.limit = 2;
  ck_assert_ptr_nonnull(ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, s, at(1, 1, 2), "e1"));
  ck_assert(!ac_diags_full(&ut_diags));
  ck_assert_ptr_nonnull(
      ac_diag_add(&ut_diags, AC_SEV_WARNING, AC_W_GAP, s, at(1, 1, 2), "w1"));
  ck_assert(ac_diags_full(&ut_diags));
  ac_diag *dropped = ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, s, at(1, 1, 2), "e2");
  ck_assert_ptr_null(dropped);
  ac_diag_note(&ut_diags, dropped, s, at(1, 1, 2), "note of a dropped one");
  ck_assert_ptr_null(ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, s, at(1, 1, 2), "e3"));
  ck_assert_ptr_null(ac_diag_add(&ut_diags, AC_SEV_WARNING, AC_W_GAP, s, at(1, 1, 2), "w2"));
  ck_assert_int_eq(ut_diags.dropped, 3);
  /* every error counts, kept or not: the exit status depends on it */
  ck_assert_int_eq(ut_diags.errors, 3);
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0001 AC0402");
  ck_assert_str_eq(ut_render(&ut_diags),
                   "t.care:1:1: error: e1 [AC0001]\n"
                   "    1 | x\n"
                   "      | ^\n"
                   "t.care:1:1: warning: w1 [AC0402]\n"
                   "    1 | x\n"
                   "      | ^\n"
                   "aftercare: note: 3 more diagnostics not shown (limit 2) [AC0901]\n");
}
END_TEST

START_TEST(limit_one_dropped_singular) {
  ut_diags.limit = 1;
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_QUERY, NULL, nowhere, "first");
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_QUERY, NULL, nowhere, "second");
  ck_assert_str_eq(ut_render(&ut_diags),
                   "aftercare: error: first [AC0601]\n"
                   "aftercare: note: 1 more diagnostic not shown (limit 1) [AC0901]\n");
}
END_TEST

START_TEST(notes_do_not_fill_the_limit) {
  ut_diags.limit = 1;
  ac_diag *g = ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_QUERY, NULL, nowhere, "one");
  for (int i = 0; i < 5; i++) ac_diag_note(&ut_diags, g, NULL, nowhere, "note %d", i);
  ck_assert_int_eq(ut_nnotes(g), 5);
  ck_assert_int_eq(ut_diags.dropped, 0);
}
END_TEST

START_TEST(sort_by_source_line_column_stable) {
  ac_source *a = ut_source("a.care", "a\nb\nc\n");
  ac_source *b = ut_source("b.care", "a\nb\nc\n");
  a->id = 0;
  b->id = 1;
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, b, at(1, 1, 2), "b1:1");
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, a, at(3, 1, 2), "a3:1");
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, a, at(2, 5, 6), "a2:5 first");
  ac_diag_add(&ut_diags, AC_SEV_WARNING, AC_W_GAP, a, at(2, 1, 2), "a2:1");
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, a, at(2, 5, 6), "a2:5 second");
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_QUERY, NULL, nowhere, "no source");
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, a, at(2, 5, 9), "a2:5 third");
  ac_diags_sort(&ut_diags);
  static const char *const order[] = {"no source", "a2:1", "a2:5 first", "a2:5 second",
                                      "a2:5 third", "a3:1", "b1:1"};
  const ac_diag *g = ut_diags.first;
  for (size_t i = 0; i < sizeof order / sizeof *order; i++, g = g->next) {
    ck_assert_ptr_nonnull(g);
    ck_assert_str_eq(g->message, order[i]);
  }
  ck_assert_ptr_null(g);
  ck_assert_str_eq(ut_diags.last->message, "b1:1");
  ck_assert_ptr_null(ut_diags.last->next);
}
END_TEST

START_TEST(sort_many_is_stable) {
  ac_source *s = ut_source("t.care", "x\n");
  ut_diags.limit = 1000;
  for (int i = 0; i < 500; i++)
    ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, s, at((i * 7) % 10 + 1, 1, 2), "%d", i);
  ac_diags_sort(&ut_diags);
  int n = 0, prev_line = 0, prev_i = -1;
  for (const ac_diag *g = ut_diags.first; g; g = g->next, n++) {
    int i = atoi(g->message);
    ck_assert_int_ge(g->loc.first_line, prev_line);
    if (g->loc.first_line == prev_line) ck_assert_int_gt(i, prev_i);
    prev_line = g->loc.first_line;
    prev_i = i;
  }
  ck_assert_int_eq(n, 500);
}
END_TEST

START_TEST(sort_empty_list) {
  ac_diags_sort(&ut_diags);
  ck_assert_ptr_null(ut_diags.first);
  ck_assert_ptr_null(ut_diags.last);
  /* adding after a sort appends at the end */
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_QUERY, NULL, nowhere, "x");
  ck_assert_ptr_eq(ut_diags.first, ut_diags.last);
}
END_TEST

START_TEST(code_and_severity_names) {
  char buf[8];
  ck_assert_str_eq(ac_diag_code_name(AC_E_SYNTAX, buf), "AC0001");
  ck_assert_str_eq(ac_diag_code_name(AC_E_UNKNOWN, buf), "AC0101");
  ck_assert_str_eq(ac_diag_code_name(AC_E_CONFLICT, buf), "AC0201");
  ck_assert_str_eq(ac_diag_code_name(AC_N_TOO_MANY, buf), "AC0901");
  ck_assert_str_eq(ac_diag_severity_name(AC_SEV_ERROR), "error");
  ck_assert_str_eq(ac_diag_severity_name(AC_SEV_WARNING), "warning");
  ck_assert_str_eq(ac_diag_severity_name(AC_SEV_NOTE), "note");
}
END_TEST

/* ---- Text rendering ---- */

START_TEST(render_error_with_caret_and_tildes) {
  ac_source *s = ut_source("t.care", "protocol t;\nforbid swimm first 3 days;\n");
  ac_diag *g = ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_UNKNOWN, s, at(2, 8, 13),
                           "unknown activity 'swimm'");
  ck_assert_str_eq(ut_render_one(g),
                   "t.care:2:8: error: unknown activity 'swimm' [AC0101]\n"
                   "    2 | forbid swimm first 3 days;\n"
                   "      |        ^~~~~\n");
}
END_TEST

START_TEST(render_note_and_warning) {
  ac_source *s = ut_source("dir/t.care", "allow swim always;\nforbid swim day 3;\n");
  ac_diag *g = ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_CONFLICT, s, at(2, 1, 19),
                           "conflict");
  ac_diag_note(&ut_diags, g, s, at(1, 1, 19), "rule 'a' is here");
  ac_diag_add(&ut_diags, AC_SEV_WARNING, AC_W_NO_EFFECT, s, at(1, 7, 11), "never");
  ck_assert_str_eq(ut_render(&ut_diags),
                   "dir/t.care:2:1: error: conflict [AC0201]\n"
                   "    2 | forbid swim day 3;\n"
                   "      | ^~~~~~~~~~~~~~~~~~\n"
                   "dir/t.care:1:1: note: rule 'a' is here\n"
                   "    1 | allow swim always;\n"
                   "      | ^~~~~~~~~~~~~~~~~~\n"
                   "dir/t.care:1:7: warning: never [AC0401]\n"
                   "    1 | allow swim always;\n"
                   "      |       ^~~~\n");
}
END_TEST

START_TEST(render_without_place) {
  ac_source *s = ut_source("query", "can swim on day 3");
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_QUERY, NULL, nowhere, "no file");
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_QUERY, s, nowhere, "no line");
  ck_assert_str_eq(ut_render(&ut_diags),
                   "aftercare: error: no file [AC0601]\n"
                   "query: error: no line [AC0601]\n");
}
END_TEST

START_TEST(render_line_offset) {
  ac_source *s = ut_source("<stdin>", "can swimm on day 3");
  s->line_offset = 41;
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_UNKNOWN, s, at(1, 5, 10), "unknown");
  ck_assert_str_eq(ut_render(&ut_diags),
                   "<stdin>:42:5: error: unknown [AC0101]\n"
                   "   42 | can swimm on day 3\n"
                   "      |     ^~~~~\n");
}
END_TEST

START_TEST(render_single_caret_cases) {
  ac_source *s = ut_source("t.care", "abc\ndef\n");
  /* a span over two lines, an empty span, a reversed one: one caret */
  ac_loc two = {1, 2, 2, 3};
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, s, two, "two lines");
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, s, at(1, 3, 3), "empty");
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, s, at(2, 3, 1), "reversed");
  /* past the end of the line: the caret just after it */
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, s, at(2, 4, 5), "at end");
  ck_assert_str_eq(ut_render(&ut_diags),
                   "t.care:1:2: error: two lines [AC0001]\n"
                   "    1 | abc\n"
                   "      |  ^\n"
                   "t.care:1:3: error: empty [AC0001]\n"
                   "    1 | abc\n"
                   "      |   ^\n"
                   "t.care:2:3: error: reversed [AC0001]\n"
                   "    2 | def\n"
                   "      |   ^\n"
                   "t.care:2:4: error: at end [AC0001]\n"
                   "    2 | def\n"
                   "      |    ^\n");
}
END_TEST

START_TEST(render_line_that_does_not_exist) {
  ac_source *s = ut_source("t.care", "abc");
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, s, at(7, 1, 2), "beyond");
  ck_assert_str_eq(ut_render(&ut_diags), "t.care:7:1: error: beyond [AC0001]\n");
}
END_TEST

START_TEST(render_utf8_columns) {
  /* Columns count characters: the caret lines up under 'swimm'. */
  ac_source *s = ut_source("t.care", "# caf\xC3\xA9 \xE2\x82\xAC swimm\n");
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_UNKNOWN, s, at(1, 10, 15), "x");
  ck_assert_str_eq(ut_render(&ut_diags),
                   "t.care:1:10: error: x [AC0101]\n"
                   "    1 | # caf\xC3\xA9 \xE2\x82\xAC swimm\n"
                   "      |          ^~~~~\n");
}
END_TEST

START_TEST(render_tabs_and_control_characters) {
  /* A tab is one column shown as a space; control characters, DEL and
   * invalid bytes are shown as '?', one per byte, so that the caret stays
   * in place and the terminal is safe. */
  const char text[] = "\tx\x01y\x1B[31m\x7F\xFFz bad\r\n";
  ac_source *s = ac_source_from_memory(ut_arena, "t.care", text, sizeof text - 1);
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_CHARACTER, s, at(1, 14, 17), "bad");
  ck_assert_str_eq(ut_render(&ut_diags),
                   "t.care:1:14: error: bad [AC0002]\n"
                   "    1 |  x?y?[31m??z bad\n"
                   "      |              ^~~\n");
}
END_TEST

START_TEST(render_nul_byte_safely) {
  const char text[] = "ab\0cd";
  ac_source *s = ac_source_from_memory(ut_arena, "t.care", text, sizeof text - 1);
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_ENCODING, s, at(1, 3, 4), "nul");
  ck_assert_str_eq(ut_render(&ut_diags),
                   "t.care:1:3: error: nul [AC0006]\n"
                   "    1 | ab?cd\n"
                   "      |   ^\n");
}
END_TEST

/* A line of n characters: the digits 0-9 repeated. */
static const char *digits(size_t n) {
  char *t = ac_arena_alloc(ut_arena, n + 2);
  for (size_t i = 0; i < n; i++) t[i] = (char)('0' + i % 10);
  t[n] = '\n';
  return t;
}

static const char *spaces(int n) {
  char *t = ac_arena_alloc(ut_arena, (size_t)n + 1);
  memset(t, ' ', (size_t)n);
  return t;
}

START_TEST(render_long_line_windowed) {
  /* 400 characters, the span at columns 250..253: the quote starts 80
   * columns before it (column 170) with "...", shows 160 characters, and
   * ends with "..." since the line goes on. */
  const char *line = digits(400);
  ac_source *s = ut_source("t.care", line);
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, s, at(1, 250, 254), "far");
  const char *shown = ac_arena_strndup(ut_arena, line + 169, 160);
  const char *expect = ac_arena_printf(ut_arena,
                                       "t.care:1:250: error: far [AC0001]\n"
                                       "    1 | ...%s...\n"
                                       "      |    %s^~~~\n",
                                       shown, spaces(80));
  ck_assert_str_eq(ut_render(&ut_diags), expect);
}
END_TEST

START_TEST(render_long_line_end_visible) {
  /* 300 characters, the span at column 250: the quote runs to the end of
   * the line, with no "..." after it. */
  const char *line = digits(300);
  ac_source *s = ut_source("t.care", line);
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, s, at(1, 250, 251), "far");
  const char *shown = ac_arena_strndup(ut_arena, line + 169, 131);
  const char *expect = ac_arena_printf(ut_arena,
                                       "t.care:1:250: error: far [AC0001]\n"
                                       "    1 | ...%s\n"
                                       "      |    %s^\n",
                                       shown, spaces(80));
  ck_assert_str_eq(ut_render(&ut_diags), expect);
}
END_TEST

START_TEST(render_long_line_start_visible) {
  /* The span near the start of a long line: no leading "...", the quote is
   * cut after 160 characters. */
  const char *line = digits(1000);
  ac_source *s = ut_source("t.care", line);
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, s, at(1, 5, 8), "near");
  const char *shown = ac_arena_strndup(ut_arena, line, 160);
  const char *expect = ac_arena_printf(ut_arena,
                                       "t.care:1:5: error: near [AC0001]\n"
                                       "    1 | %s...\n"
                                       "      |     ^~~\n",
                                       shown);
  ck_assert_str_eq(ut_render(&ut_diags), expect);
}
END_TEST

START_TEST(render_long_line_of_multibyte_characters) {
  /* 300 characters of two bytes each: the window is counted in
   * characters, never cutting a character in two. */
  size_t n = 300;
  char *line = ac_arena_alloc(ut_arena, 2 * n + 2);
  for (size_t i = 0; i < n; i++) memcpy(line + 2 * i, "\xC3\xA9", 2);
  ac_source *s = ut_source("t.care", line);
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, s, at(1, 200, 201), "x");
  const char *rendered = ut_render(&ut_diags);
  const char *shown = ac_arena_strndup(ut_arena, line + 2 * 119, 2 * 160);
  const char *expect = ac_arena_printf(ut_arena,
                                       "t.care:1:200: error: x [AC0001]\n"
                                       "    1 | ...%s...\n"
                                       "      |    %s^\n",
                                       shown, spaces(80));
  ck_assert_str_eq(rendered, expect);
}
END_TEST

START_TEST(render_color) {
  ac_source *s = ut_source("t.care", "abc\n");
  ac_diag *g = ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, s, at(1, 2, 3), "m");
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  ac_render_opts o = {true};
  ac_diag_print_text(g, f, o);
  fclose(f);
  char *text = ac_arena_strndup(ut_arena, buf, len);
  free(buf);
  ck_assert_str_eq(text,
                   "\033[1mt.care:1:2: \033[0m\033[1;31merror:\033[0m m [AC0001]\n"
                   "    1 | abc\n"
                   "      |  \033[1;32m^\033[0m\n");
}
END_TEST

/* A stream that counts its writes, for an unbuffered one like standard
 * error: each write would be a write(2) call. */
typedef struct {
  int writes;
  char text[512];
  size_t len;
} counted_stream;

static ssize_t counted_write(void *cookie, const char *buf, size_t size) {
  counted_stream *c = cookie;
  c->writes++;
  size_t n = size < sizeof c->text - 1 - c->len ? size : sizeof c->text - 1 - c->len;
  memcpy(c->text + c->len, buf, n);
  c->len += n;
  c->text[c->len] = '\0';
  return (ssize_t)size;
}

START_TEST(render_in_one_write) {
  ac_source *s = ut_source("t.care", "allow swim always;\nforbid swimm day 3;\n");
  ac_diag *g = ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_UNKNOWN, s, at(2, 8, 13),
                           "unknown activity 'swimm'");
  ac_diag_note(&ut_diags, g, s, at(1, 7, 11), "did you mean this one?");
  counted_stream c = {0, "", 0};
  cookie_io_functions_t io = {NULL, counted_write, NULL, NULL};
  FILE *f = fopencookie(&c, "w", io);
  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq(setvbuf(f, NULL, _IONBF, 0), 0);
  ac_render_opts o = {false};
  ac_diag_print_text(g, f, o);
  /* the diagnostic, its note and their quoted lines: one write */
  ck_assert_int_eq(c.writes, 1);
  ck_assert_str_eq(c.text, "t.care:2:8: error: unknown activity 'swimm' [AC0101]\n"
                           "    2 | forbid swimm day 3;\n"
                           "      |        ^~~~~\n"
                           "t.care:1:7: note: did you mean this one?\n"
                           "    1 | allow swim always;\n"
                           "      |       ^~~~\n");
  fclose(f);
}
END_TEST

static Suite *diagnostic_suite(void) {
  Suite *s = suite_create("diagnostic");
  TCase *tc = ut_tcase("list");
  tcase_add_test(tc, init_defaults);
  tcase_add_test(tc, add_formats_and_counts);
  tcase_add_test(tc, notes_attach_in_order);
  tcase_add_test(tc, limit_drops_and_counts);
  tcase_add_test(tc, limit_one_dropped_singular);
  tcase_add_test(tc, notes_do_not_fill_the_limit);
  tcase_add_test(tc, code_and_severity_names);
  suite_add_tcase(s, tc);

  tc = ut_tcase("sort");
  tcase_add_test(tc, sort_by_source_line_column_stable);
  tcase_add_test(tc, sort_many_is_stable);
  tcase_add_test(tc, sort_empty_list);
  suite_add_tcase(s, tc);

  tc = ut_tcase("render");
  tcase_add_test(tc, render_error_with_caret_and_tildes);
  tcase_add_test(tc, render_note_and_warning);
  tcase_add_test(tc, render_without_place);
  tcase_add_test(tc, render_line_offset);
  tcase_add_test(tc, render_single_caret_cases);
  tcase_add_test(tc, render_line_that_does_not_exist);
  tcase_add_test(tc, render_utf8_columns);
  tcase_add_test(tc, render_tabs_and_control_characters);
  tcase_add_test(tc, render_nul_byte_safely);
  tcase_add_test(tc, render_long_line_windowed);
  tcase_add_test(tc, render_long_line_end_visible);
  tcase_add_test(tc, render_long_line_start_visible);
  tcase_add_test(tc, render_long_line_of_multibyte_characters);
  tcase_add_test(tc, render_color);
  tcase_add_test(tc, render_in_one_write);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(diagnostic_suite()); }
