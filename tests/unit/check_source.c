/*
 * check_source.c -- sources, line index and UTF-8 (src/source.c).
 */
#include "config.h"

#include "unit.h"

/* The text of a line as a string in the arena, or NULL. */
static const char *line_of(const ac_source *s, int line) {
  size_t len = 12345;
  const char *p = ac_source_line(s, line, &len);
  if (!p) return NULL;
  return ac_arena_strndup(ut_arena, p, len);
}

START_TEST(from_memory_copies) {
  char text[] = "protocol t;\n";
  ac_source *s = ac_source_from_memory(ut_arena, "a/b.care", text, strlen(text));
  text[0] = 'X'; /* the source has its own copy */
  ck_assert_str_eq(s->path, "a/b.care");
  ck_assert_str_eq(s->text, "protocol t;\n");
  ck_assert_uint_eq(s->len, 12);
  ck_assert_int_eq(s->id, 0);
  ck_assert_int_eq(s->line_offset, 0);
  ck_assert(!s->embedded);
}
END_TEST

START_TEST(bom_is_stripped) {
  const char text[] = "\xEF\xBB\xBFprotocol t;";
  ac_source *s = ac_source_from_memory(ut_arena, "t.care", text, sizeof text - 1);
  ck_assert_uint_eq(s->len, 11);
  ck_assert_str_eq(s->text, "protocol t;");
  ck_assert_str_eq(line_of(s, 1), "protocol t;");
}
END_TEST

START_TEST(bom_only_at_start) {
  /* A BOM later in the text is text; a lone BOM leaves an empty source. */
  const char text[] = "a\xEF\xBB\xBF";
  ac_source *s = ac_source_from_memory(ut_arena, "t.care", text, sizeof text - 1);
  ck_assert_uint_eq(s->len, 4);
  ac_source *e = ac_source_from_memory(ut_arena, "t.care", "\xEF\xBB\xBF", 3);
  ck_assert_uint_eq(e->len, 0);
  ck_assert_str_eq(e->text, "");
  ck_assert_uint_eq(e->nlines, 1);
  ck_assert_str_eq(line_of(e, 1), "");
  /* two bytes of a BOM are not one */
  ac_source *t = ac_source_from_memory(ut_arena, "t.care", "\xEF\xBB", 2);
  ck_assert_uint_eq(t->len, 2);
}
END_TEST

START_TEST(line_index) {
  ac_source *s = ut_source("t.care", "one\ntwo\n\nfour");
  ck_assert_uint_eq(s->nlines, 4);
  ck_assert_uint_eq(s->line_start[0], 0);
  ck_assert_uint_eq(s->line_start[1], 4);
  ck_assert_uint_eq(s->line_start[2], 8);
  ck_assert_uint_eq(s->line_start[3], 9);
  ck_assert_str_eq(line_of(s, 1), "one");
  ck_assert_str_eq(line_of(s, 2), "two");
  ck_assert_str_eq(line_of(s, 3), "");
  ck_assert_str_eq(line_of(s, 4), "four");
  ck_assert_ptr_null(line_of(s, 0));
  ck_assert_ptr_null(line_of(s, 5));
  ck_assert_ptr_null(line_of(s, -1));
}
END_TEST

START_TEST(trailing_newline_makes_empty_last_line) {
  ac_source *s = ut_source("t.care", "a\nb\n");
  ck_assert_uint_eq(s->nlines, 3);
  ck_assert_str_eq(line_of(s, 2), "b");
  ck_assert_str_eq(line_of(s, 3), "");
  ac_source *e = ut_source("t.care", "");
  ck_assert_uint_eq(e->nlines, 1);
  ck_assert_str_eq(line_of(e, 1), "");
}
END_TEST

START_TEST(crlf_lines_without_cr) {
  ac_source *s = ut_source("t.care", "protocol t;\r\nactivity swim;\r\n\r\nlast\r");
  ck_assert_uint_eq(s->nlines, 4);
  size_t len;
  const char *p = ac_source_line(s, 1, &len);
  ck_assert_uint_eq(len, 11);
  ck_assert_int_eq(strncmp(p, "protocol t;", len), 0);
  ck_assert_str_eq(line_of(s, 2), "activity swim;");
  ck_assert_str_eq(line_of(s, 3), "");
  ck_assert_str_eq(line_of(s, 4), "last");
  /* a CR inside a line is text */
  ac_source *m = ut_source("t.care", "a\rb\n");
  ck_assert_str_eq(line_of(m, 1), "a\rb");
}
END_TEST

START_TEST(nul_bytes_are_kept) {
  const char text[] = "ab\0cd\nef";
  ac_source *s = ac_source_from_memory(ut_arena, "t.care", text, sizeof text - 1);
  ck_assert_uint_eq(s->len, 8);
  ck_assert_uint_eq(s->nlines, 2);
  size_t len;
  const char *p = ac_source_line(s, 1, &len);
  ck_assert_uint_eq(len, 5);
  ck_assert_int_eq(memcmp(p, "ab\0cd", 5), 0);
  ck_assert_int_eq(s->text[s->len], '\0');
}
END_TEST

START_TEST(read_file) {
  const char *dir = ut_tmpdir();
  const char *path = ut_write(dir, "x.care", "\xEF\xBB\xBFline one\r\nline two\n");
  int err = 0;
  ac_source *s = ac_source_read(ut_arena, path, &err);
  ck_assert_ptr_nonnull(s);
  ck_assert_int_eq(err, 0);
  ck_assert_str_eq(s->path, path);
  ck_assert_uint_eq(s->len, 19);
  ck_assert_uint_eq(s->nlines, 3);
  ck_assert_str_eq(line_of(s, 1), "line one");
  ck_assert_str_eq(line_of(s, 2), "line two");
}
END_TEST

START_TEST(read_large_file) {
  /* Larger than the first read buffer of a pipe (64 KiB). */
  const char *dir = ut_tmpdir();
  size_t n = 200000;
  char *text = ac_arena_alloc(ut_arena, n + 1);
  for (size_t i = 0; i < n; i++) text[i] = (i % 100 == 99) ? '\n' : 'a';
  const char *path = ut_write(dir, "big.care", text);
  int err = 0;
  ac_source *s = ac_source_read(ut_arena, path, &err);
  ck_assert_ptr_nonnull(s);
  ck_assert_uint_eq(s->len, n);
  ck_assert_uint_eq(s->nlines, n / 100 + 1);
  ck_assert_int_eq(memcmp(s->text, text, n), 0);
}
END_TEST

START_TEST(read_errors) {
  int err = 0;
  ck_assert_ptr_null(ac_source_read(ut_arena, "/nonexistent/dir/x.care", &err));
  ck_assert_int_eq(err, ENOENT);
  err = 0;
  const char *dir = ut_tmpdir();
  ck_assert_ptr_null(ac_source_read(ut_arena, dir, &err));
  ck_assert_int_eq(err, EISDIR);
  rmdir(dir);
}
END_TEST

/* ---- UTF-8 ---- */

static size_t seq(const char *bytes, size_t n) {
  return ac_utf8_valid_seq((const unsigned char *)bytes, n);
}

START_TEST(valid_sequences) {
  ck_assert_uint_eq(seq("a", 1), 1);
  ck_assert_uint_eq(seq("\x7F", 1), 1);
  ck_assert_uint_eq(seq("\0", 1), 1);
  ck_assert_uint_eq(seq("\xC2\x80", 2), 2);         /* U+0080 */
  ck_assert_uint_eq(seq("\xC3\xA9", 2), 2);         /* é */
  ck_assert_uint_eq(seq("\xDF\xBF", 2), 2);         /* U+07FF */
  ck_assert_uint_eq(seq("\xE0\xA0\x80", 3), 3);     /* U+0800 */
  ck_assert_uint_eq(seq("\xE2\x82\xAC", 3), 3);     /* € */
  ck_assert_uint_eq(seq("\xED\x9F\xBF", 3), 3);     /* U+D7FF */
  ck_assert_uint_eq(seq("\xEE\x80\x80", 3), 3);     /* U+E000 */
  ck_assert_uint_eq(seq("\xEF\xBF\xBF", 3), 3);     /* U+FFFF */
  ck_assert_uint_eq(seq("\xF0\x90\x80\x80", 4), 4); /* U+10000 */
  ck_assert_uint_eq(seq("\xF0\x9F\x98\x80", 4), 4); /* 😀 */
  ck_assert_uint_eq(seq("\xF4\x8F\xBF\xBF", 4), 4); /* U+10FFFF */
  /* only the first sequence is measured */
  ck_assert_uint_eq(seq("\xC3\xA9xyz", 5), 2);
}
END_TEST

START_TEST(invalid_sequences) {
  ck_assert_uint_eq(seq("", 0), 0);
  /* lone continuation bytes and bytes that never occur */
  ck_assert_uint_eq(seq("\x80", 1), 0);
  ck_assert_uint_eq(seq("\xBF", 1), 0);
  ck_assert_uint_eq(seq("\xFE", 1), 0);
  ck_assert_uint_eq(seq("\xFF", 1), 0);
  /* overlong forms */
  ck_assert_uint_eq(seq("\xC0\x80", 2), 0);
  ck_assert_uint_eq(seq("\xC1\xBF", 2), 0);
  ck_assert_uint_eq(seq("\xE0\x80\x80", 3), 0);
  ck_assert_uint_eq(seq("\xE0\x9F\xBF", 3), 0);
  ck_assert_uint_eq(seq("\xF0\x80\x80\x80", 4), 0);
  ck_assert_uint_eq(seq("\xF0\x8F\xBF\xBF", 4), 0);
  /* surrogates */
  ck_assert_uint_eq(seq("\xED\xA0\x80", 3), 0); /* U+D800 */
  ck_assert_uint_eq(seq("\xED\xBF\xBF", 3), 0); /* U+DFFF */
  /* beyond U+10FFFF */
  ck_assert_uint_eq(seq("\xF4\x90\x80\x80", 4), 0);
  ck_assert_uint_eq(seq("\xF5\x80\x80\x80", 4), 0);
  /* truncated: by the length, or by a byte that does not continue */
  ck_assert_uint_eq(seq("\xC3\xA9", 1), 0);
  ck_assert_uint_eq(seq("\xE2\x82\xAC", 2), 0);
  ck_assert_uint_eq(seq("\xF0\x9F\x98\x80", 3), 0);
  ck_assert_uint_eq(seq("\xC3" "a", 2), 0);
  ck_assert_uint_eq(seq("\xE2\x82" "a", 3), 0);
  ck_assert_uint_eq(seq("\xF0\x9F\x98" "a", 4), 0);
  ck_assert_uint_eq(seq("\xE2\xC3\xA9", 3), 0);
}
END_TEST

START_TEST(width_counts_characters) {
  ck_assert_int_eq(ac_utf8_width("", 0), 0);
  ck_assert_int_eq(ac_utf8_width("swim", 4), 4);
  ck_assert_int_eq(ac_utf8_width("caf\xC3\xA9", 5), 4);
  ck_assert_int_eq(ac_utf8_width("\xE2\x82\xAC" "5", 4), 2);
  ck_assert_int_eq(ac_utf8_width("\xF0\x9F\x98\x80!", 5), 2);
  /* only the first n bytes count */
  ck_assert_int_eq(ac_utf8_width("abcdef", 3), 3);
}
END_TEST

START_TEST(width_of_invalid_bytes) {
  /* Every invalid byte is one character. */
  ck_assert_int_eq(ac_utf8_width("\xFF\xFE", 2), 2);
  ck_assert_int_eq(ac_utf8_width("a\x80" "b", 3), 3);
  ck_assert_int_eq(ac_utf8_width("\xC0\x80", 2), 2);         /* overlong */
  ck_assert_int_eq(ac_utf8_width("\xED\xA0\x80", 3), 3);     /* surrogate */
  ck_assert_int_eq(ac_utf8_width("\xE2\x82", 2), 2);         /* truncated */
  ck_assert_int_eq(ac_utf8_width("\xE2\x82" "a", 3), 3);
  /* a sequence cut by n is invalid there */
  ck_assert_int_eq(ac_utf8_width("\xC3\xA9", 1), 1);
}
END_TEST

static Suite *source_suite(void) {
  Suite *s = suite_create("source");
  TCase *tc = ut_tcase("text");
  tcase_add_test(tc, from_memory_copies);
  tcase_add_test(tc, bom_is_stripped);
  tcase_add_test(tc, bom_only_at_start);
  tcase_add_test(tc, line_index);
  tcase_add_test(tc, trailing_newline_makes_empty_last_line);
  tcase_add_test(tc, crlf_lines_without_cr);
  tcase_add_test(tc, nul_bytes_are_kept);
  suite_add_tcase(s, tc);

  tc = ut_tcase("files");
  tcase_add_test(tc, read_file);
  tcase_add_test(tc, read_large_file);
  tcase_add_test(tc, read_errors);
  suite_add_tcase(s, tc);

  tc = ut_tcase("utf8");
  tcase_add_test(tc, valid_sequences);
  tcase_add_test(tc, invalid_sequences);
  tcase_add_test(tc, width_counts_characters);
  tcase_add_test(tc, width_of_invalid_bytes);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(source_suite()); }
