/*
 * check_sarif.c -- diagnostics as SARIF 2.1.0 (src/sarif.c): the log, its
 * one run and tool, the rules (every diagnostic code), and a result per
 * diagnostic with its rule, level, message, location and, for its notes,
 * related locations.
 *
 * Diagnostics are made in memory (or by parsing a protocol), the log is
 * written into a memory stream and parsed back with jansson.
 */
#include "config.h"

#include <jansson.h>

#include "sarif.h"
#include "unit.h"

/* The parsed log: released by the teardown, so that a test leaks nothing
 * even when it fails. */
static json_t *log_json;

static void setup(void) {
  ut_setup();
  log_json = NULL;
}

static void teardown(void) {
  json_decref(log_json);
  log_json = NULL;
  ut_teardown();
}

static TCase *tcase(const char *name) {
  TCase *tc = tcase_create(name);
  tcase_add_checked_fixture(tc, setup, teardown);
  return tc;
}

/* Writes the SARIF log of lists and parses it back. */
static json_t *sarif_of(const ac_diags *const *lists, size_t n) {
  memout m;
  mem_open(&m);
  ac_sarif_write(lists, n, m.f);
  const char *s = mem_close(&m);
  size_t len = strlen(s);
  ck_assert_msg(len > 0 && s[len - 1] == '\n', "no final newline: %s", s);
  json_error_t e;
  json_decref(log_json);
  log_json = json_loads(s, 0, &e);
  ck_assert_msg(log_json != NULL, "invalid JSON (%s): %s", e.text, s);
  ck_assert(json_is_object(log_json));
  return log_json;
}

/* The log of ut_diags alone. */
static json_t *sarif(void) {
  const ac_diags *lists[] = {&ut_diags};
  return sarif_of(lists, 1);
}

static json_t *get(const json_t *o, const char *key) {
  ck_assert_msg(json_is_object(o), "not an object looking for '%s'", key);
  json_t *v = json_object_get(o, key);
  ck_assert_msg(v != NULL, "no member '%s'", key);
  return v;
}

static const char *str(const json_t *o, const char *key) {
  json_t *v = get(o, key);
  ck_assert_msg(json_is_string(v), "'%s' is not a string", key);
  return json_string_value(v);
}

static long long num(const json_t *o, const char *key) {
  json_t *v = get(o, key);
  ck_assert_msg(json_is_integer(v), "'%s' is not an integer", key);
  return (long long)json_integer_value(v);
}

static json_t *at(const json_t *a, size_t i) {
  ck_assert(json_is_array(a));
  ck_assert_msg(i < json_array_size(a), "no element %zu of %zu", i, json_array_size(a));
  return json_array_get(a, i);
}

static json_t *the_run(json_t *log) {
  json_t *runs = get(log, "runs");
  ck_assert_uint_eq(json_array_size(runs), 1);
  return at(runs, 0);
}

static json_t *results(json_t *log) {
  json_t *r = get(the_run(log), "results");
  ck_assert(json_is_array(r));
  return r;
}

static ac_loc loc(int l1, int c1, int l2, int c2) {
  ac_loc l = {l1, c1, l2, c2};
  return l;
}

/* Asserts a location: uri and region. */
static void assert_location(const json_t *l, const char *uri, int sl, int sc, int el, int ec) {
  json_t *phys = get(l, "physicalLocation");
  ck_assert_str_eq(str(get(phys, "artifactLocation"), "uri"), uri);
  json_t *region = get(phys, "region");
  ck_assert_int_eq(num(region, "startLine"), sl);
  ck_assert_int_eq(num(region, "startColumn"), sc);
  ck_assert_int_eq(num(region, "endLine"), el);
  ck_assert_int_eq(num(region, "endColumn"), ec);
  ck_assert_uint_eq(json_object_size(region), 4);
}

/* ---- The log and the tool ---- */

START_TEST(test_log_header) {
  json_t *log = sarif();
  ck_assert_str_eq(str(log, "version"), "2.1.0");
  ck_assert_str_eq(str(log, "$schema"), "https://json.schemastore.org/sarif-2.1.0.json");
  ck_assert_uint_eq(json_object_size(log), 3);
  json_t *run = the_run(log);
  ck_assert_str_eq(str(run, "columnKind"), "unicodeCodePoints");
  ck_assert_uint_eq(json_array_size(results(log)), 0);
}
END_TEST

START_TEST(test_driver) {
  json_t *driver = get(get(the_run(sarif()), "tool"), "driver");
  ck_assert_str_eq(str(driver, "name"), "aftercare");
  ck_assert_str_eq(str(driver, "version"), PACKAGE_VERSION);
  if (PACKAGE_URL[0])
    ck_assert_str_eq(str(driver, "informationUri"), PACKAGE_URL);
  else
    ck_assert_ptr_null(json_object_get(driver, "informationUri"));
}
END_TEST

START_TEST(test_rules) {
  static const char *const ids[] = {
      "AC0001", "AC0002", "AC0003", "AC0004", "AC0005", "AC0006", "AC0007", "AC0008",
      "AC0009", "AC0010", "AC0101", "AC0102", "AC0103", "AC0104", "AC0105", "AC0106",
      "AC0107", "AC0108", "AC0109", "AC0110", "AC0201", "AC0202", "AC0203", "AC0204",
      "AC0301", "AC0302", "AC0303", "AC0304", "AC0401", "AC0402", "AC0403", "AC0404",
      "AC0501", "AC0601", "AC0602", "AC0901"};
  json_t *rules = get(get(get(the_run(sarif()), "tool"), "driver"), "rules");
  ck_assert_uint_eq(json_array_size(rules), sizeof ids / sizeof *ids);
  for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
    json_t *r = at(rules, i);
    ck_assert_str_eq(str(r, "id"), ids[i]);
    ck_assert(strlen(str(get(r, "shortDescription"), "text")) > 0);
    const char *full = str(get(r, "fullDescription"), "text");
    ck_assert(strlen(full) > 0);
    ck_assert_ptr_null(strchr(full, '\n'));
  }
  ck_assert_str_eq(str(get(at(rules, 0), "shortDescription"), "text"), "syntax error");
  json_t *conflict = at(rules, 20);
  ck_assert_str_eq(str(conflict, "id"), "AC0201");
  ck_assert_str_eq(str(get(conflict, "shortDescription"), "text"), "conflicting rules");
  ck_assert_str_eq(
      str(get(conflict, "fullDescription"), "text"),
      "Two rules of the same protocol, at the same level (both naming the "
      "activity, or both naming groups that contain it), give different verdicts on "
      "the same day, and neither `overrides` the other. The error is at the later "
      "rule, with a note at the earlier one, and names the first day they overlap "
      "(day 0, or the last common day before it, for rules that both start before "
      "any day). Rules with the same verdict may overlap; two conditional rules "
      "may overlap (both conditions must hold). A rule naming the activity wins "
      "over rules naming its groups without a conflict, and an extension wins over "
      "its base.");
}
END_TEST

/* ---- Results ---- */

START_TEST(test_error_result) {
  ac_source *src = ut_source("t.care", "protocol t;\nforbid x always;\n");
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_UNKNOWN, src, loc(2, 8, 2, 8),
              "unknown activity '%s'", "x");
  json_t *res = results(sarif());
  ck_assert_uint_eq(json_array_size(res), 1);
  json_t *r = at(res, 0);
  ck_assert_str_eq(str(r, "ruleId"), "AC0101");
  ck_assert_int_eq(num(r, "ruleIndex"), 10);
  ck_assert_str_eq(str(r, "level"), "error");
  ck_assert_str_eq(str(get(r, "message"), "text"), "unknown activity 'x'");
  json_t *locs = get(r, "locations");
  ck_assert_uint_eq(json_array_size(locs), 1);
  assert_location(at(locs, 0), "t.care", 2, 8, 2, 8);
  ck_assert_ptr_null(json_object_get(r, "relatedLocations"));
}
END_TEST

START_TEST(test_levels) {
  ac_source *src = ut_source("t.care", "protocol t;\n");
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, src, loc(1, 1, 1, 8), "e");
  ac_diag_add(&ut_diags, AC_SEV_WARNING, AC_W_GAP, src, loc(1, 10, 1, 10), "w");
  ac_diag_add(&ut_diags, AC_SEV_NOTE, AC_N_TOO_MANY, src, loc(1, 11, 1, 11), "n");
  json_t *res = results(sarif());
  ck_assert_uint_eq(json_array_size(res), 3);
  ck_assert_str_eq(str(at(res, 0), "ruleId"), "AC0001");
  ck_assert_str_eq(str(at(res, 0), "level"), "error");
  ck_assert_int_eq(num(at(res, 0), "ruleIndex"), 0);
  ck_assert_str_eq(str(at(res, 1), "ruleId"), "AC0402");
  ck_assert_str_eq(str(at(res, 1), "level"), "warning");
  ck_assert_int_eq(num(at(res, 1), "ruleIndex"), 29);
  ck_assert_str_eq(str(at(res, 2), "ruleId"), "AC0901");
  ck_assert_str_eq(str(at(res, 2), "level"), "note");
  ck_assert_int_eq(num(at(res, 2), "ruleIndex"), 35);
  ck_assert_str_eq(str(get(at(res, 1), "message"), "text"), "w");
  assert_location(at(get(at(res, 1), "locations"), 0), "t.care", 1, 10, 1, 10);
}
END_TEST

START_TEST(test_multiline_region) {
  ac_source *src = ut_source("t.care", "protocol t;\nrule r:\n  forbid x\n  always;\n");
  ac_diag_add(&ut_diags, AC_SEV_WARNING, AC_W_NO_EFFECT, src, loc(2, 1, 4, 9), "never");
  json_t *r = at(results(sarif()), 0);
  ck_assert_str_eq(str(r, "ruleId"), "AC0401");
  assert_location(at(get(r, "locations"), 0), "t.care", 2, 1, 4, 9);
}
END_TEST

START_TEST(test_line_offset) {
  ac_source *src = ut_source("queries", "can swim\ncan x\n");
  src->line_offset = 10;
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_QUERY, src, loc(2, 5, 2, 5), "no x");
  json_t *r = at(results(sarif()), 0);
  ck_assert_str_eq(str(r, "ruleId"), "AC0601");
  assert_location(at(get(r, "locations"), 0), "queries", 12, 5, 12, 5);
}
END_TEST

START_TEST(test_notes_related_locations) {
  ac_source *src = ut_source("t.care", "protocol t;\nforbid a always;\nallow a always;\n");
  ac_source *other = ut_source("base.care", "protocol b;\n");
  ac_diag *g = ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_CONFLICT, src, loc(3, 1, 3, 15),
                           "conflicting rules");
  ac_diag_note(&ut_diags, g, src, loc(2, 1, 2, 16), "the other rule is here");
  ac_diag_note(&ut_diags, g, other, loc(1, 10, 1, 10), "and %d more", 2);
  ck_assert_int_eq(ut_nnotes(g), 2);
  json_t *res = results(sarif());
  ck_assert_uint_eq(json_array_size(res), 1); /* notes are no results */
  json_t *r = at(res, 0);
  ck_assert_str_eq(str(r, "ruleId"), "AC0201");
  ck_assert_int_eq(num(r, "ruleIndex"), 20);
  ck_assert_str_eq(str(r, "level"), "error");
  assert_location(at(get(r, "locations"), 0), "t.care", 3, 1, 3, 15);
  json_t *rel = get(r, "relatedLocations");
  ck_assert_uint_eq(json_array_size(rel), 2);
  ck_assert_int_eq(num(at(rel, 0), "id"), 1);
  ck_assert_str_eq(str(get(at(rel, 0), "message"), "text"), "the other rule is here");
  assert_location(at(rel, 0), "t.care", 2, 1, 2, 16);
  ck_assert_int_eq(num(at(rel, 1), "id"), 2);
  ck_assert_str_eq(str(get(at(rel, 1), "message"), "text"), "and 2 more");
  assert_location(at(rel, 1), "base.care", 1, 10, 1, 10);
}
END_TEST

/* The standard protocol built into the program is never a primary
 * location: its place becomes the first related location, and the first
 * note in a file of the user's becomes the primary one. */
START_TEST(test_embedded_not_primary) {
  ac_source *smp = ut_source("rules/smp.care", "protocol smp;\nconstraint c: a forbidden always;\n");
  smp->embedded = true;
  ac_source *clinic = ut_source("clinic.care", "protocol clinic;\nextends \"smp\";\n");
  ac_diag *g = ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_CONSTRAINT, smp, loc(2, 12, 2, 13),
                           "constraint broken");
  ac_diag_note(&ut_diags, g, smp, loc(2, 1, 2, 11), "a note in the standard protocol");
  ac_diag_note(&ut_diags, g, clinic, loc(2, 9, 2, 14), "the extends is here");
  /* and one with no note of the user's: no primary location at all */
  ac_diag_add(&ut_diags, AC_SEV_WARNING, AC_W_GAP, smp, loc(2, 12, 2, 13), "undecided");
  json_t *res = results(sarif());
  ck_assert_uint_eq(json_array_size(res), 2);
  json_t *r = at(res, 0);
  ck_assert_str_eq(str(get(r, "message"), "text"), "constraint broken");
  ck_assert_uint_eq(json_array_size(get(r, "locations")), 1);
  json_t *primary = at(get(r, "locations"), 0);
  assert_location(primary, "clinic.care", 2, 9, 2, 14);
  ck_assert_str_eq(str(get(primary, "message"), "text"), "the extends is here");
  json_t *rel = get(r, "relatedLocations");
  ck_assert_uint_eq(json_array_size(rel), 2);
  assert_location(at(rel, 0), "rules/smp.care", 2, 12, 2, 13);
  ck_assert_str_eq(str(get(at(rel, 0), "message"), "text"), "constraint broken");
  ck_assert_int_eq(num(at(rel, 0), "id"), 1);
  assert_location(at(rel, 1), "rules/smp.care", 2, 1, 2, 11);
  ck_assert_str_eq(str(get(at(rel, 1), "message"), "text"), "a note in the standard protocol");
  ck_assert_int_eq(num(at(rel, 1), "id"), 2);
  json_t *w = at(res, 1);
  ck_assert_uint_eq(json_array_size(get(w, "locations")), 0);
  rel = get(w, "relatedLocations");
  ck_assert_uint_eq(json_array_size(rel), 1);
  assert_location(at(rel, 0), "rules/smp.care", 2, 12, 2, 13);
}
END_TEST

START_TEST(test_no_source) {
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_EMPTY, NULL, loc(0, 0, 0, 0), "no protocol");
  json_t *r = at(results(sarif()), 0);
  ck_assert_str_eq(str(r, "ruleId"), "AC0009");
  ck_assert_str_eq(str(get(r, "message"), "text"), "no protocol");
  ck_assert_uint_eq(json_array_size(get(r, "locations")), 0);
}
END_TEST

START_TEST(test_no_region_before_line_one) {
  ac_source *src = ut_source("t.care", "");
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_EMPTY, src, loc(0, 0, 0, 0), "empty file");
  json_t *l = at(get(at(results(sarif()), 0), "locations"), 0);
  json_t *phys = get(l, "physicalLocation");
  ck_assert_str_eq(str(get(phys, "artifactLocation"), "uri"), "t.care");
  ck_assert_ptr_null(json_object_get(phys, "region"));
}
END_TEST

START_TEST(test_uri) {
  ac_source *a = ut_source("dir/a b%.care", "protocol t;\n");
  ac_source *b = ut_source("/abs/caf\xC3\xA9.care", "protocol t;\n");
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, a, loc(1, 1, 1, 1), "x");
  ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, b, loc(1, 1, 1, 1), "y");
  json_t *res = results(sarif());
  assert_location(at(get(at(res, 0), "locations"), 0), "dir/a%20b%25.care", 1, 1, 1, 1);
  assert_location(at(get(at(res, 1), "locations"), 0), "file:///abs/caf%C3%A9.care", 1, 1, 1,
                  1);
}
END_TEST

START_TEST(test_several_lists) {
  ac_diags second;
  ac_diags_init(&second, ut_arena);
  ac_source *s1 = ut_source("one.care", "protocol a;\n");
  ac_source *s2 = ut_source("two.care", "protocol b;\n");
  ac_diag_add(&ut_diags, AC_SEV_WARNING, AC_W_GAP, s1, loc(1, 1, 1, 1), "first");
  ac_diag_add(&second, AC_SEV_ERROR, AC_E_DUPLICATE, s2, loc(1, 10, 1, 10), "second");
  ac_diag_add(&second, AC_SEV_ERROR, AC_E_KIND, s2, loc(1, 2, 1, 3), "third");
  const ac_diags *lists[] = {&ut_diags, &second};
  json_t *res = results(sarif_of(lists, 2));
  ck_assert_uint_eq(json_array_size(res), 3);
  ck_assert_str_eq(str(get(at(res, 0), "message"), "text"), "first");
  ck_assert_str_eq(str(get(at(res, 1), "message"), "text"), "second");
  ck_assert_str_eq(str(get(at(res, 2), "message"), "text"), "third");
  ck_assert_str_eq(str(at(res, 1), "ruleId"), "AC0102");
  ck_assert_str_eq(str(at(res, 2), "ruleId"), "AC0106");
  assert_location(at(get(at(res, 0), "locations"), 0), "one.care", 1, 1, 1, 1);
  assert_location(at(get(at(res, 2), "locations"), 0), "two.care", 1, 2, 1, 3);
}
END_TEST

START_TEST(test_dropped) {
  ac_source *src = ut_source("t.care", "protocol t;\n");
  ut_diags.limit = 1;
  for (int i = 1; i <= 4; i++)
    ac_diag_add(&ut_diags, AC_SEV_ERROR, AC_E_SYNTAX, src, loc(1, i, 1, i), "error %d", i);
  ck_assert_int_eq(ut_diags.dropped, 3);
  json_t *res = results(sarif());
  ck_assert_uint_eq(json_array_size(res), 2);
  ck_assert_str_eq(str(get(at(res, 0), "message"), "text"), "error 1");
  json_t *more = at(res, 1);
  ck_assert_str_eq(str(more, "ruleId"), "AC0901");
  ck_assert_int_eq(num(more, "ruleIndex"), 35);
  ck_assert_str_eq(str(more, "level"), "note");
  ck_assert_str_eq(str(get(more, "message"), "text"), "3 more diagnostics not shown (limit 1)");
  ck_assert_uint_eq(json_array_size(get(more, "locations")), 0);
}
END_TEST

START_TEST(test_parsed_protocol) {
  ut_parse("protocol t;\nactivity ;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0001");
  json_t *res = results(sarif());
  ck_assert_uint_eq(json_array_size(res), 1);
  json_t *r = at(res, 0);
  ck_assert_str_eq(str(r, "ruleId"), "AC0001");
  ck_assert_str_eq(str(r, "level"), "error");
  ck_assert_str_eq(str(get(r, "message"), "text"), "unexpected ';', expected identifier");
  ut_assert_at(ut_diags.first, 2, 10);
  ck_assert_int_eq(ut_diags.first->loc.last_column, 11);
  assert_location(at(get(r, "locations"), 0), "t.care", 2, 10, 2, 11);
}
END_TEST

static Suite *sarif_suite(void) {
  Suite *s = suite_create("sarif");
  TCase *tc = tcase("log");
  tcase_add_test(tc, test_log_header);
  tcase_add_test(tc, test_driver);
  tcase_add_test(tc, test_rules);
  suite_add_tcase(s, tc);
  tc = tcase("results");
  tcase_add_test(tc, test_error_result);
  tcase_add_test(tc, test_levels);
  tcase_add_test(tc, test_multiline_region);
  tcase_add_test(tc, test_line_offset);
  tcase_add_test(tc, test_notes_related_locations);
  tcase_add_test(tc, test_embedded_not_primary);
  tcase_add_test(tc, test_no_source);
  tcase_add_test(tc, test_no_region_before_line_one);
  tcase_add_test(tc, test_uri);
  tcase_add_test(tc, test_several_lists);
  tcase_add_test(tc, test_dropped);
  tcase_add_test(tc, test_parsed_protocol);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(sarif_suite()); }
