/*
 * check_lsp.c -- the language server's positions and URIs
 * (src/lsp_position.c, src/lsp_uri.c).
 */
#include "config.h"

#include "unit.h"

#include "lsp_position.h"
#include "lsp_uri.h"

/* chars -> units, and units -> chars, along one line. */
static int units_of(const char *line, int chars) {
  int units = 0;
  ac_lsp_position_convert(line, strlen(line), &chars, &units, false);
  return units;
}

static int chars_of(const char *line, int units) {
  int chars = 0;
  ac_lsp_position_convert(line, strlen(line), &chars, &units, true);
  return chars;
}

START_TEST(ascii_is_the_same) {
  ck_assert_int_eq(units_of("rule a: forbid x;", 5), 5);
  ck_assert_int_eq(chars_of("rule a: forbid x;", 5), 5);
  ck_assert_int_eq(units_of("", 3), 0); /* past the end: its end */
  ck_assert_int_eq(chars_of("ab", 9), 2);
}
END_TEST

START_TEST(accents_are_one_unit) {
  /* "é" and "à" are two bytes, one character, one UTF-16 unit */
  const char *line = "\"rincé à l'eau\" x";
  ck_assert_int_eq(units_of(line, 16), 16);
  ck_assert_int_eq(chars_of(line, 16), 16);
  int chars = 16, units = 0;
  size_t bytes = ac_lsp_position_convert(line, strlen(line), &chars, &units, false);
  ck_assert_uint_eq(bytes, 18);
  ck_assert_str_eq(line + bytes, "x");
}
END_TEST

START_TEST(an_emoji_is_two_units) {
  /* U+1F600 is four bytes, one character, two UTF-16 units (a pair) */
  const char *line = "a \xF0\x9F\x98\x80 rinze";
  ck_assert_int_eq(units_of(line, 2), 2);
  ck_assert_int_eq(units_of(line, 3), 4);
  ck_assert_int_eq(units_of(line, 4), 5);
  ck_assert_int_eq(chars_of(line, 5), 4);
  ck_assert_int_eq(chars_of(line, 4), 3);
  /* a position inside the pair is before it */
  ck_assert_int_eq(chars_of(line, 3), 2);
}
END_TEST

START_TEST(invalid_bytes_count_one) {
  const char *line = "a\xFF" "b";
  ck_assert_int_eq(units_of(line, 2), 2);
  ck_assert_int_eq(chars_of(line, 2), 2);
}
END_TEST

START_TEST(range_of_a_span) {
  const char *text = "x\n\xC3\xA9\xF0\x9F\x98\x80 rinze;\n";
  ac_source *s = ac_source_from_memory(ut_arena, "t.care", text, strlen(text));
  ac_loc loc = {2, 4, 2, 9}; /* 'rinze': characters 4..8 */
  json_t *r = ac_lsp_position_range(s, loc);
  char *got = json_dumps(r, JSON_COMPACT | JSON_SORT_KEYS);
  ck_assert_str_eq(got, "{\"end\":{\"character\":9,\"line\":1},"
                        "\"start\":{\"character\":4,\"line\":1}}");
  free(got);
  json_decref(r);
  int line, column;
  ck_assert(ac_lsp_position_to_loc(s, 1, 4, &line, &column));
  ck_assert_int_eq(line, 2);
  ck_assert_int_eq(column, 4);
  ck_assert(!ac_lsp_position_to_loc(s, 7, 0, &line, &column));
  ck_assert(!ac_lsp_position_to_loc(s, -1, 0, &line, &column));
  ck_assert_int_eq(ac_lsp_position_offset(s, 1, 4), 9);
  ck_assert_int_eq(ac_lsp_position_offset(s, 1, 99), 15); /* the end of the line */
  ck_assert_int_eq(ac_lsp_position_offset(s, 9, 0), -1);
}
END_TEST

START_TEST(uris_round_trip) {
  char *uri = ac_lsp_uri_of_path(ut_arena, "/a b/é#.care");
  ck_assert_str_eq(uri, "file:///a%20b/%C3%A9%23.care");
  char *path = ac_lsp_uri_to_path(uri);
  ck_assert_str_eq(path, "/a b/é#.care");
  free(path);
  ck_assert_ptr_null(ac_lsp_uri_to_path("http://x/y"));
  ck_assert_ptr_null(ac_lsp_uri_to_path("file://host/y"));
  ck_assert_ptr_null(ac_lsp_uri_to_path("file:///a%00b"));
  path = ac_lsp_uri_to_path("file:///a%2"); /* a broken escape: as written */
  ck_assert_str_eq(path, "/a%2");
  free(path);
}
END_TEST

static Suite *lsp_suite(void) {
  Suite *s = suite_create("lsp");
  TCase *tc = ut_tcase("positions");
  tcase_add_test(tc, ascii_is_the_same);
  tcase_add_test(tc, accents_are_one_unit);
  tcase_add_test(tc, an_emoji_is_two_units);
  tcase_add_test(tc, invalid_bytes_count_one);
  tcase_add_test(tc, range_of_a_span);
  suite_add_tcase(s, tc);
  tc = ut_tcase("uris");
  tcase_add_test(tc, uris_round_trip);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(lsp_suite()); }
