/*
 * check_library.c -- the public interface (src/aftercare.h) end to end:
 * opening protocols (file, memory, standard), diagnostics and their limit,
 * asking queries in every format (equivalent forms answered alike),
 * verdict words, names, expectations, the version.
 *
 * Protocols are written in the tests, so that the expected texts do not
 * depend on rules/smp.care.  Output goes to memory streams and is compared
 * whole.
 */
#include "config.h"

#include <jansson.h>

#include "aftercare.h"
#include "output.h"
#include "unit.h"

/* Line numbers matter: diagnostics and sources say "lib.care:LINE". */
static const char *const lib_text =
    "protocol lib { sessions 2; horizon 30 days; }\n"                  /* 1 */
    "activity swim \"go swimming\" aliases \"swimming\";\n"            /* 2 */
    "activity sauna \"use a sauna\";\n"                                /* 3 */
    "activity shampoo \"wash hair\";\n"                                /* 4 */
    "activity shave_razor \"shave with a razor\" aliases \"razor\";\n" /* 5 */
    "activity tan \"sunbathe\";\n"                                     /* 6 */
    "symptom redness aliases \"red skin\";\n"                          /* 7 */
    "symptom burning;\n"                                               /* 8 */
    "fact healed boolean;\n"                                           /* 9 */
    "phase early \"Early\" first 3 days { do \"Rest.\"; }\n"           /* 10 */
    "phase later \"Later\" from day 4 { do \"Moisturize.\"; }\n"       /* 11 */
    "rule no_swim: forbid swim first 10 days because \"Keep it dry.\";\n" /* 12 */
    "allow swim after 10 days;\n"                                      /* 13 */
    "discourage sauna always;\n"                                       /* 14 */
    "recommend shampoo always;\n"                                      /* 15 */
    "allow shave_razor always only if healed;\n"                       /* 16 */
    "allow tan days 0..30;\n"                                          /* 17 */
    "triage red: symptoms redness level normal advice \"Normal.\";\n"  /* 18 */
    "expect can swim on day 3 is forbidden;\n"                         /* 19 */
    "expect when swim is from day 11;\n"                               /* 20 */
    "expect symptoms redness on day 2 is normal;\n";                   /* 21 */

/* Four errors: unknown activities on lines 3 to 6. */
static const char *const bad_text =
    "protocol bad;\n"
    "activity swim;\n"
    "forbid swimm always;\n"
    "forbid swimmm always;\n"
    "allow sauna always;\n"
    "allow tan always;\n";

/* ---- The fixture: every protocol a test opens is closed after it ---- */

static aftercare *opened[16];
static int nopened;
static json_t *kept[16];
static int nkept;

static void setup(void) {
  ut_setup();
  nopened = 0;
  nkept = 0;
}

static void teardown(void) {
  for (int i = 0; i < nopened; i++) aftercare_close(opened[i]);
  nopened = 0;
  for (int i = 0; i < nkept; i++) json_decref(kept[i]);
  nkept = 0;
  aftercare_set_diagnostic_limit(AC_DEFAULT_DIAG_LIMIT);
  ut_teardown();
}

static aftercare *keep(aftercare *p) {
  ck_assert_ptr_nonnull(p);
  ck_assert_int_lt(nopened, (int)(sizeof opened / sizeof *opened));
  opened[nopened++] = p;
  return p;
}

static aftercare *open_text(const char *name, const char *text) {
  return keep(aftercare_open_memory(name, text, strlen(text)));
}

static aftercare *open_lib(void) {
  aftercare *p = open_text("lib.care", lib_text);
  ck_assert_int_eq(aftercare_errors(p), 0);
  ck_assert_int_eq(aftercare_warnings(p), 0);
  return p;
}

static json_t *parse(const char *s) {
  json_error_t e;
  json_t *j = json_loads(s, 0, &e);
  ck_assert_msg(j != NULL, "invalid JSON (%s): %s", e.text, s);
  ck_assert_int_lt(nkept, (int)(sizeof kept / sizeof *kept));
  kept[nkept++] = j;
  return j;
}

/* ---- Output into memory ---- */

/* memout, mem_open, mem_close: see unit.h */

typedef struct asked {
  int rc;
  const char *out, *err;
} asked;

static asked ask_at(aftercare *p, const char *query, aftercare_format fmt, const char *where,
                    int line) {
  memout out, err;
  mem_open(&out);
  mem_open(&err);
  asked a;
  a.rc = aftercare_ask(p, query, fmt, out.f, err.f, where, line, 0);
  a.out = mem_close(&out);
  a.err = mem_close(&err);
  return a;
}

static asked ask(aftercare *p, const char *query, aftercare_format fmt) {
  return ask_at(p, query, fmt, "query", 1);
}

/* An answer that must be given: its text on `out`. */
static const char *answer(aftercare *p, const char *query, aftercare_format fmt) {
  asked a = ask(p, query, fmt);
  ck_assert_msg(a.rc == 0, "'%s' not answered:\n%s%s", query, a.out, a.err);
  ck_assert_str_eq(a.err, "");
  return a.out;
}

static const char *diagnostics(const aftercare *p, aftercare_format fmt, int color) {
  memout m;
  mem_open(&m);
  aftercare_print_diagnostics(p, m.f, fmt, color);
  return mem_close(&m);
}

/* ---- Opening ---- */

START_TEST(open_file) {
  const char *dir = ut_tmpdir();
  const char *path = ut_write(dir, "lib.care", lib_text);
  int err = -1;
  aftercare *p = keep(aftercare_open(path, &err));
  ck_assert_int_eq(err, -1); /* untouched on success */
  ck_assert_int_eq(aftercare_errors(p), 0);
  ck_assert_int_eq(aftercare_warnings(p), 0);
  ck_assert_str_eq(aftercare_path(p), path);
  ck_assert_str_eq(aftercare_name(p), "lib");
  ck_assert_str_eq(answer(p, "can swim on day 3", AFTERCARE_TEXT),
                   ac_arena_printf(ut_arena,
                                   "swim on day 3: forbidden\n"
                                   "  rule 'no_swim' (%s:12): Keep it dry.\n",
                                   path));
}
END_TEST

START_TEST(open_missing) {
  const char *dir = ut_tmpdir();
  int err = 0;
  errno = 0;
  ck_assert_ptr_null(aftercare_open(ac_arena_printf(ut_arena, "%s/none.care", dir), &err));
  ck_assert_int_eq(err, ENOENT);
  err = 0;
  ck_assert_ptr_null(aftercare_open(dir, &err));
  ck_assert_int_eq(err, EISDIR);
  /* the error is optional */
  ck_assert_ptr_null(aftercare_open(ac_arena_printf(ut_arena, "%s/none.care", dir), NULL));
  err = 0;
  ck_assert_ptr_null(aftercare_open(ac_arena_printf(ut_arena, "%s/no/such/dir/x.care", dir), &err));
  ck_assert_int_eq(err, ENOENT);
}
END_TEST

START_TEST(open_memory) {
  aftercare *p = open_lib();
  ck_assert_str_eq(aftercare_path(p), "lib.care");
  ck_assert_str_eq(aftercare_name(p), "lib");
  /* the text need not end with a NUL: only len bytes are read */
  static const char m_text[] = "protocol m;\nactivity swim;\nallow swim always;\nGARBAGE";
  aftercare *q = keep(aftercare_open_memory("m.care", m_text, strlen(m_text) - 7));
  ck_assert_int_eq(aftercare_errors(q), 0);
  ck_assert_str_eq(aftercare_name(q), "m");
  ck_assert_str_eq(answer(q, "can swim on day 1", AFTERCARE_LINE),
                   "swim on day 1: allowed | rule 'allow_swim_start_end' (m.care:3)\n");
  /* an empty text: an error, no name */
  aftercare *e = keep(aftercare_open_memory("empty.care", "", 0));
  ck_assert_int_eq(aftercare_errors(e), 1);
  ck_assert_ptr_null(aftercare_name(e));
  ck_assert_str_eq(aftercare_path(e), "empty.care");
  ck_assert_str_eq(diagnostics(e, AFTERCARE_TEXT, 0),
                   "empty.care:1:1: error: empty protocol: a protocol starts with 'protocol "
                   "NAME { ... }' [AC0009]\n"
                   "    1 | \n"
                   "      | ^\n");
}
END_TEST

START_TEST(open_standard) {
  aftercare *p = keep(aftercare_open_standard());
  ck_assert_int_eq(aftercare_errors(p), 0);
  ck_assert_int_eq(aftercare_warnings(p), 0);
  ck_assert_str_eq(aftercare_path(p), "rules/smp.care");
  ck_assert_str_eq(aftercare_name(p), "smp");
  ck_assert_str_eq(diagnostics(p, AFTERCARE_TEXT, 0), "");
  const char *a = answer(p, "can swim on day 20", AFTERCARE_TEXT);
  ck_assert_msg(strncmp(a, "swim on day 20: ", 16) == 0, "%s", a);
  ck_assert(strstr(a, "(rules/smp.care:") != NULL);
  /* its expectations hold */
  memout m;
  mem_open(&m);
  int failed = aftercare_test(p, m.f, 0, 0);
  const char *out = mem_close(&m);
  ck_assert_msg(failed == 0, "%s", out);
  size_t n = strlen(out);
  ck_assert(n > 10 && strcmp(out + n - 10, " 0 failed\n") == 0);
  /* a protocol that extends the standard one, in memory */
  aftercare *x = open_text("clinic.care", "protocol clinic;\nextends \"smp\";\n");
  ck_assert_int_eq(aftercare_errors(x), 0);
  ck_assert_str_eq(aftercare_name(x), "clinic");
  ck_assert_str_eq(aftercare_path(x), "clinic.care");
  ck_assert_str_eq(answer(x, "can swim on day 20", AFTERCARE_TEXT), a);
  /* the standard protocol's expectations are not the clinic's */
  mem_open(&m);
  failed = aftercare_test(x, m.f, 0, 0);
  out = mem_close(&m);
  ck_assert_int_eq(failed, 0);
  ck_assert_str_eq(out, "0 passed, 0 failed\n");
}
END_TEST

START_TEST(protocols_are_independent) {
  aftercare *a = open_lib();
  aftercare *b = open_text("other.care", "protocol other;\nactivity swim;\nforbid swim always;\n");
  ck_assert_str_eq(aftercare_can(a, "swim", 20), "allowed");
  ck_assert_str_eq(aftercare_can(b, "swim", 20), "forbidden");
  ck_assert_str_eq(answer(b, "can swim on day 20", AFTERCARE_LINE),
                   "swim on day 20: forbidden | rule 'forbid_swim_start_end' (other.care:3)\n");
  ck_assert_str_eq(answer(a, "can swim on day 20", AFTERCARE_LINE),
                   "swim on day 20: allowed | rule 'allow_swim_11_end' (lib.care:13)\n");
  aftercare_close(NULL); /* a no-op */
}
END_TEST

/* ---- Diagnostics ---- */

START_TEST(errors_and_warnings) {
  aftercare *p = open_text("bad.care", bad_text);
  ck_assert_int_eq(aftercare_errors(p), 4);
  ck_assert_int_eq(aftercare_warnings(p), 0);
  /* warnings only when there is no error */
  aftercare *w = open_text("w.care",
                           "protocol w { horizon 10 days; }\n"
                           "activity swim;\n"
                           "activity run;\n"
                           "allow swim first 5 days;\n"
                           "forbid run always;\n");
  ck_assert_int_eq(aftercare_errors(w), 0);
  ck_assert_int_eq(aftercare_warnings(w), 1);
  ck_assert_str_eq(diagnostics(w, AFTERCARE_TEXT, 0),
                   "w.care:2:10: warning: no rule decides 'swim' on days 6..10, within the "
                   "horizon (days 0..10): add a rule, or say 'no guidance for swim ...' "
                   "[AC0402]\n"
                   "    2 | activity swim;\n"
                   "      |          ^~~~\n");
  /* a protocol with warnings answers */
  ck_assert_str_eq(answer(w, "can swim on day 7", AFTERCARE_TEXT),
                   "swim on day 7: unknown (no rule covers this day: ask your practitioner)\n");
  ck_assert_str_eq(aftercare_can(w, "run", 7), "forbidden");
}
END_TEST

START_TEST(print_diagnostics_text) {
  aftercare *p = open_text("bad.care", bad_text);
  ck_assert_str_eq(diagnostics(p, AFTERCARE_TEXT, 0),
                   "bad.care:3:8: error: unknown activity 'swimm' (did you mean 'swim'?) [AC0101]\n"
                   "    3 | forbid swimm always;\n"
                   "      |        ^~~~~\n"
                   "bad.care:4:8: error: unknown activity 'swimmm' (did you mean 'swim'?) "
                   "[AC0101]\n"
                   "    4 | forbid swimmm always;\n"
                   "      |        ^~~~~~\n"
                   "bad.care:5:7: error: unknown activity 'sauna' [AC0101]\n"
                   "    5 | allow sauna always;\n"
                   "      |       ^~~~~\n"
                   "bad.care:6:7: error: unknown activity 'tan' [AC0101]\n"
                   "    6 | allow tan always;\n"
                   "      |       ^~~\n");
  /* JSON ignores colour; text has it when asked */
  ck_assert_str_eq(diagnostics(p, AFTERCARE_JSON, 1), diagnostics(p, AFTERCARE_JSON, 0));
  const char *c = diagnostics(p, AFTERCARE_TEXT, 1);
  ck_assert(strncmp(c,
                    "\033[1mbad.care:3:8: \033[0m\033[1;31merror:\033[0m unknown activity "
                    "'swimm' (did you mean 'swim'?) [AC0101]\n"
                    "    3 | forbid swimm always;\n"
                    "      |        \033[1;32m^~~~~\033[0m\n",
                    strlen("\033[1mbad.care:3:8: \033[0m\033[1;31merror:\033[0m unknown activity "
                           "'swimm' (did you mean 'swim'?) [AC0101]\n"
                           "    3 | forbid swimm always;\n"
                           "      |        \033[1;32m^~~~~\033[0m\n")) == 0);
  /* one-line format: diagnostics are text */
  ck_assert_str_eq(diagnostics(p, AFTERCARE_LINE, 0), diagnostics(p, AFTERCARE_TEXT, 0));
  /* a clean protocol: nothing */
  ck_assert_str_eq(diagnostics(open_lib(), AFTERCARE_TEXT, 0), "");
}
END_TEST

START_TEST(print_diagnostics_json) {
  ck_assert_str_eq(diagnostics(open_lib(), AFTERCARE_JSON, 0),
                   "{\n  \"diagnostics\": [],\n  \"errors\": 0,\n  \"warnings\": 0\n}\n");
  aftercare *p = open_text("bad.care", bad_text);
  json_t *o = parse(diagnostics(p, AFTERCARE_JSON, 0));
  ck_assert_int_eq(json_integer_value(json_object_get(o, "errors")), 4);
  ck_assert_int_eq(json_integer_value(json_object_get(o, "warnings")), 0);
  json_t *ds = json_object_get(o, "diagnostics");
  ck_assert_uint_eq(json_array_size(ds), 4);
  json_t *d0 = json_array_get(ds, 0);
  ck_assert_str_eq(json_string_value(json_object_get(d0, "file")), "bad.care");
  ck_assert_int_eq(json_integer_value(json_object_get(d0, "line")), 3);
  ck_assert_int_eq(json_integer_value(json_object_get(d0, "column")), 8);
  ck_assert_int_eq(json_integer_value(json_object_get(d0, "end_line")), 3);
  ck_assert_int_eq(json_integer_value(json_object_get(d0, "end_column")), 13);
  ck_assert_str_eq(json_string_value(json_object_get(d0, "severity")), "error");
  ck_assert_str_eq(json_string_value(json_object_get(d0, "code")), "AC0101");
  ck_assert_str_eq(json_string_value(json_object_get(d0, "message")),
                   "unknown activity 'swimm' (did you mean 'swim'?)");
  /* sorted by line */
  for (size_t i = 0; i < 4; i++)
    ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(ds, i), "line")),
                     (json_int_t)i + 3);
}
END_TEST

START_TEST(diagnostic_limit) {
  aftercare *before = open_text("bad.care", bad_text);
  aftercare_set_diagnostic_limit(2);
  aftercare *p = open_text("bad.care", bad_text);
  ck_assert_int_eq(aftercare_errors(p), 4); /* all counted */
  ck_assert_str_eq(diagnostics(p, AFTERCARE_TEXT, 0),
                   "bad.care:3:8: error: unknown activity 'swimm' (did you mean 'swim'?) [AC0101]\n"
                   "    3 | forbid swimm always;\n"
                   "      |        ^~~~~\n"
                   "bad.care:4:8: error: unknown activity 'swimmm' (did you mean 'swim'?) "
                   "[AC0101]\n"
                   "    4 | forbid swimmm always;\n"
                   "      |        ^~~~~~\n"
                   "aftercare: note: 2 more diagnostics not shown (limit 2) [AC0901]\n");
  json_t *o = parse(diagnostics(p, AFTERCARE_JSON, 0));
  ck_assert_int_eq(json_integer_value(json_object_get(o, "errors")), 4);
  json_t *ds = json_object_get(o, "diagnostics");
  ck_assert_uint_eq(json_array_size(ds), 3);
  json_t *n = json_array_get(ds, 2);
  ck_assert_str_eq(json_string_value(json_object_get(n, "code")), "AC0901");
  ck_assert_str_eq(json_string_value(json_object_get(n, "severity")), "note");
  ck_assert(json_is_null(json_object_get(n, "file")));
  ck_assert(json_is_null(json_object_get(n, "line")));
  ck_assert_str_eq(json_string_value(json_object_get(n, "message")),
                   "2 more diagnostics not shown (limit 2)");
  /* a protocol opened before keeps the limit it was opened with */
  ck_assert_int_eq(aftercare_errors(before), 4);
  ck_assert(strstr(diagnostics(before, AFTERCARE_TEXT, 0), "AC0901") == NULL);
  /* at least one is kept */
  aftercare_set_diagnostic_limit(0);
  aftercare *one = open_text("bad.care", bad_text);
  const char *t = diagnostics(one, AFTERCARE_TEXT, 0);
  ck_assert(strstr(t, "bad.care:3:8: error:") == t);
  ck_assert(strstr(t, "bad.care:4:8") == NULL);
  ck_assert(strstr(t, "aftercare: note: 3 more diagnostics not shown (limit 1) [AC0901]\n") != NULL);
  aftercare_set_diagnostic_limit(-5);
  one = open_text("bad.care", bad_text);
  ck_assert(strstr(diagnostics(one, AFTERCARE_TEXT, 0), "(limit 1)") != NULL);
  /* the limit applies to the protocol, not to queries */
  aftercare_set_diagnostic_limit(1);
  aftercare *lib = open_lib();
  asked a = ask(lib, "symptoms rednes, burnin, swelln on day 3", AFTERCARE_JSON);
  ck_assert_int_eq(a.rc, 1);
  o = parse(a.out);
  ck_assert_uint_eq(json_array_size(json_object_get(o, "diagnostics")), 3);
}
END_TEST

/* ---- Asking ---- */

START_TEST(ask_every_format) {
  aftercare *p = open_lib();
  asked a = ask(p, "can swim on day 3", AFTERCARE_TEXT);
  ck_assert_int_eq(a.rc, 0);
  ck_assert_str_eq(a.out, "swim on day 3: forbidden\n"
                          "  rule 'no_swim' (lib.care:12): Keep it dry.\n");
  ck_assert_str_eq(a.err, "");
  a = ask(p, "can swim on day 3", AFTERCARE_LINE);
  ck_assert_int_eq(a.rc, 0);
  ck_assert_str_eq(a.out, "swim on day 3: forbidden | rule 'no_swim' (lib.care:12): Keep it dry.\n");
  ck_assert_str_eq(a.err, "");
  a = ask(p, "can swim on day 3", AFTERCARE_JSON);
  ck_assert_int_eq(a.rc, 0);
  ck_assert_str_eq(a.out, "{\"query\":\"can swim on day 3\",\"activity\":\"swim\",\"day\":3,"
                          "\"verdict\":\"forbidden\",\"reasons\":[{\"rule\":\"no_swim\","
                          "\"text\":\"Keep it dry.\",\"source\":\"lib.care:12\",\"cites\":[]}]}\n");
  ck_assert_str_eq(a.err, "");
  /* other kinds */
  ck_assert_str_eq(answer(p, "when swim", AFTERCARE_LINE),
                   "swim: no longer forbidden from day 11 | days 0..10     forbidden | "
                   "days 11..      allowed\n");
  ck_assert_str_eq(answer(p, "symptoms red skin on day 2", AFTERCARE_TEXT),
                   "redness on day 2: normal\n"
                   "  normal: Normal. (symptom rule 'red', lib.care:18)\n");
  ck_assert_str_eq(answer(p, "phases", AFTERCARE_TEXT),
                   "early                    days 0..3        Early\n"
                   "later                    days 4..         Later\n");
  ck_assert_str_eq(answer(p, "day 1", AFTERCARE_LINE),
                   "day 1 | phases: | Early (days 0..3) | do    Rest. | activities: | "
                   "swim                     forbidden | sauna                    discouraged | "
                   "shampoo                  recommended | shave_razor              conditional "
                   "(only if healed) | tan                      allowed\n");
  json_t *o = parse(answer(p, "explain no_swim", AFTERCARE_JSON));
  ck_assert_str_eq(json_string_value(json_object_get(o, "source")), "lib.care:12");
  ck_assert_str_eq(json_string_value(json_object_get(o, "text")),
                   "rule no_swim: forbid swim first 10 days because \"Keep it dry.\";\n");
}
END_TEST

START_TEST(ask_failure_where_line) {
  aftercare *p = open_lib();
  asked a = ask_at(p, "can swimm on day 3", AFTERCARE_TEXT, "<stdin>", 3);
  ck_assert_int_eq(a.rc, 1);
  ck_assert_str_eq(a.out, "");
  ck_assert_str_eq(a.err, "<stdin>:3:5: error: unknown activity 'swimm' (did you mean 'swim'?) "
                          "[AC0101]\n"
                          "    3 | can swimm on day 3\n"
                          "      |     ^~~~~\n");
  /* one-line answers: the error is the same text, on err */
  a = ask_at(p, "can swimm on day 3", AFTERCARE_LINE, "<stdin>", 3);
  ck_assert_int_eq(a.rc, 1);
  ck_assert_str_eq(a.out, "");
  ck_assert(strncmp(a.err, "<stdin>:3:5: error: unknown activity 'swimm'", 44) == 0);
  /* JSON: an error object on out, nothing on err */
  a = ask_at(p, "can swimm on day 3", AFTERCARE_JSON, "<stdin>", 3);
  ck_assert_int_eq(a.rc, 1);
  ck_assert_str_eq(a.err, "");
  ck_assert_str_eq(a.out, "{\"query\":\"can swimm on day 3\",\"error\":\"unknown activity 'swimm' "
                          "(did you mean 'swim'?)\",\"diagnostics\":[{\"file\":\"<stdin>\","
                          "\"line\":3,\"column\":5,\"end_line\":3,\"end_column\":10,"
                          "\"severity\":\"error\",\"code\":\"AC0101\",\"message\":\"unknown "
                          "activity 'swimm' (did you mean 'swim'?)\"}]}\n");
  /* no `where`: "query"; a line of 0 or 1: line 1 */
  a = ask_at(p, "can swim on day", AFTERCARE_TEXT, NULL, 0);
  ck_assert_int_eq(a.rc, 1);
  ck_assert_str_eq(a.err, "query:1:16: error: missing a number after 'day' [AC0001]\n"
                          "    1 | can swim on day\n"
                          "      |                ^\n");
  a = ask_at(p, "day 99999999999", AFTERCARE_TEXT, "batch.txt", 1);
  ck_assert_int_eq(a.rc, 1);
  ck_assert_str_eq(a.err, "batch.txt:1:5: error: day out of range (it must be between "
                          "-2147483648 and 2147483647) [AC0005]\n"
                          "    1 | day 99999999999\n"
                          "      |     ^~~~~~~~~~~\n");
  /* several problems in one query: every one */
  a = ask_at(p, "can swim on day 3 with heald, healed = 2", AFTERCARE_JSON, "<stdin>", 12);
  ck_assert_int_eq(a.rc, 1);
  json_t *o = parse(a.out);
  json_t *ds = json_object_get(o, "diagnostics");
  ck_assert_uint_eq(json_array_size(ds), 2);
  ck_assert_str_eq(json_string_value(json_object_get(o, "error")),
                   "unknown fact 'heald' (did you mean 'healed'?)");
  ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(ds, 1), "line")), 12);
  ck_assert_str_eq(json_string_value(json_object_get(json_array_get(ds, 1), "code")), "AC0107");
  /* bytes that are not UTF-8 */
  a = ask_at(p, "can sw\xFFim on day 3", AFTERCARE_JSON, "in\xFE", 1);
  ck_assert_int_eq(a.rc, 1);
  ck_assert_str_eq(a.out, "{\"query\":\"can sw\\uFFFDim on day 3\",\"error\":\"invalid UTF-8 "
                          "byte 0xFF\",\"diagnostics\":[{\"file\":\"in\\uFFFD\",\"line\":1,"
                          "\"column\":7,\"end_line\":1,\"end_column\":8,\"severity\":\"error\","
                          "\"code\":\"AC0006\",\"message\":\"invalid UTF-8 byte 0xFF\"}]}\n");
  /* the empty query */
  a = ask(p, "", AFTERCARE_JSON);
  ck_assert_int_eq(a.rc, 1);
  o = parse(a.out);
  ck_assert_str_eq(json_string_value(json_object_get(o, "query")), "");
  ck_assert_str_eq(json_string_value(json_object_get(json_array_get(
                       json_object_get(o, "diagnostics"), 0), "code")),
                   "AC0001");
}
END_TEST

START_TEST(ask_color) {
  aftercare *p = open_lib();
  memout out, err;
  mem_open(&out);
  mem_open(&err);
  int rc = aftercare_ask(p, "can swimm on day 3", AFTERCARE_TEXT, out.f, err.f, "query", 1, 1);
  const char *o = mem_close(&out), *e = mem_close(&err);
  ck_assert_int_eq(rc, 1);
  ck_assert_str_eq(o, "");
  ck_assert_str_eq(e, "\033[1mquery:1:5: \033[0m\033[1;31merror:\033[0m unknown activity 'swimm' "
                      "(did you mean 'swim'?) [AC0101]\n"
                      "    1 | can swimm on day 3\n"
                      "      |     \033[1;32m^~~~~\033[0m\n");
  /* answers have no colour */
  mem_open(&out);
  mem_open(&err);
  rc = aftercare_ask(p, "can swim on day 3", AFTERCARE_TEXT, out.f, err.f, "query", 1, 1);
  o = mem_close(&out);
  e = mem_close(&err);
  ck_assert_int_eq(rc, 0);
  ck_assert_str_eq(o, "swim on day 3: forbidden\n"
                      "  rule 'no_swim' (lib.care:12): Keep it dry.\n");
  ck_assert_str_eq(e, "");
}
END_TEST

/* err may be NULL: a query that fails says so by its return value only,
 * and an answer is written as ever. */
START_TEST(ask_without_err) {
  aftercare *p = open_lib();
  memout out;
  mem_open(&out);
  int rc = aftercare_ask(p, "can swimm on day 3", AFTERCARE_TEXT, out.f, NULL, "query", 1, 0);
  ck_assert_int_eq(rc, 1);
  rc = aftercare_ask_status(p, "can swim on day 3", AFTERCARE_LINE, out.f, NULL, "query", 1, 0);
  ck_assert_int_eq(rc, AFTERCARE_EXIT_FORBIDDEN);
  ck_assert_str_eq(mem_close(&out), "swim on day 3: forbidden | rule 'no_swim' (lib.care:12): Keep it dry.\n");
}
END_TEST

START_TEST(ask_refused_with_errors) {
  aftercare *p = open_text("bad.care", bad_text);
  asked a = ask(p, "can swim on day 3", AFTERCARE_TEXT);
  ck_assert_int_eq(a.rc, 1);
  ck_assert_str_eq(a.out, "");
  ck_assert_str_eq(a.err, "aftercare: error: the protocol has errors: run 'aftercare check' on "
                          "it first [AC0601]\n");
  a = ask(p, "can swim on day 3", AFTERCARE_LINE);
  ck_assert_int_eq(a.rc, 1);
  ck_assert_str_eq(a.out, "");
  ck_assert_str_eq(a.err, "aftercare: error: the protocol has errors: run 'aftercare check' on "
                          "it first [AC0601]\n");
  a = ask(p, "help", AFTERCARE_JSON);
  ck_assert_int_eq(a.rc, 1);
  ck_assert_str_eq(a.err, "");
  ck_assert_str_eq(a.out, "{\"query\":\"help\",\"error\":\"the protocol has errors: run "
                          "'aftercare check' on it first\",\"diagnostics\":[{\"file\":null,"
                          "\"line\":0,\"column\":0,\"end_line\":0,\"end_column\":0,"
                          "\"severity\":\"error\",\"code\":\"AC0601\",\"message\":\"the "
                          "protocol has errors: run 'aftercare check' on it first\"}]}\n");
  /* and aftercare_can says nothing */
  ck_assert_ptr_null(aftercare_can(p, "swim", 3));
}
END_TEST

/* Queries written in two ways that mean the same (filler words, leading
 * zeros, comments, case, blanks): the answers must be the same. */
static const char *const same_pairs[][2] = {
    {"can swim on day 3", "can I swim on day 3"},
    {"can swim on day 3", "can swim on day 00000000003"},
    {"can swim on day 3", "can swim on day 3 # a comment"},
    {"can swim on day 3?", "can swim on day 3 ? # why"},
    {"can go swimming on day 12", "can we go swimming on day 12"},
    {"CAN Swimming ON DAY -2", "CAN I Swimming ON DAY -2"},
    {"  can   shave_razor\ton day 5 ", "can please shave_razor on day 5"},
    {"can Shave With A Razor on day 5", "can you still shave with a razor on day 5"},
    {"can sauna on day 2147483647", "can sauna on day 02147483647"},
    {"can tan on day -2147483648", "can to tan on day -2147483648"},
    {"can tan on day 31", "can may tan on day 31"},
};

/* A one-line answer is cached per segment: never a conditional one, which
 * the symptoms and facts a query gives decide (this protocol declares no
 * fact, only a symptom). */
START_TEST(line_answers_follow_the_symptoms_given) {
  static const char text[] =
      "protocol c { horizon 30 days; }\n"
      "activity shave;\n"
      "symptom irritation;\n"
      "allow shave always only if not symptom irritation because \"Healed skin.\";\n";
  aftercare *p = keep(aftercare_open_memory("c.care", text, sizeof text - 1));
  ck_assert_int_eq(aftercare_errors(p), 0);
  for (int round = 0; round < 2; round++) {
    ck_assert_str_eq(answer(p, "can shave on day 6", AFTERCARE_LINE),
                     "shave on day 6: conditional, allowed only if not symptom irritation | "
                     "rule 'allow_shave_start_end' (c.care:4) [only if not symptom irritation]: "
                     "Healed skin.\n");
    ck_assert_str_eq(answer(p, "can shave on day 6 with irritation = yes", AFTERCARE_LINE),
                     "shave on day 6: forbidden (not symptom irritation does not hold) | "
                     "rule 'allow_shave_start_end' (c.care:4) [only if not symptom irritation]: "
                     "Healed skin.\n");
  }
}
END_TEST

START_TEST(equivalent_forms_answer_alike) {
  aftercare *p = open_lib();
  for (size_t i = 0; i < sizeof same_pairs / sizeof *same_pairs; i++) {
    const char *one = same_pairs[i][0], *two = same_pairs[i][1];
    ck_assert_str_eq(answer(p, one, AFTERCARE_TEXT), answer(p, two, AFTERCARE_TEXT));
    ck_assert_str_eq(answer(p, one, AFTERCARE_LINE), answer(p, two, AFTERCARE_LINE));
    json_t *j1 = parse(answer(p, one, AFTERCARE_JSON));
    json_t *j2 = parse(answer(p, two, AFTERCARE_JSON));
    ck_assert_str_eq(json_string_value(json_object_get(j1, "query")), one);
    ck_assert_str_eq(json_string_value(json_object_get(j2, "query")), two);
    json_object_del(j1, "query");
    json_object_del(j2, "query");
    ck_assert_msg(json_equal(j1, j2), "'%s' and '%s' differ in JSON", one, two);
    json_decref(kept[--nkept]);
    json_decref(kept[--nkept]);
  }
}
END_TEST

START_TEST(ask_many_times) {
  aftercare *p = open_lib();
  /* the scratch arena is reset before each query */
  for (int i = 0; i < 2000; i++) {
    asked a = ask(p, i % 2 ? "can swim on day 3" : "when swim", AFTERCARE_LINE);
    ck_assert_int_eq(a.rc, 0);
  }
  ck_assert_str_eq(answer(p, "can swim on day 11", AFTERCARE_LINE),
                   "swim on day 11: allowed | rule 'allow_swim_11_end' (lib.care:13)\n");
}
END_TEST

/* ---- aftercare_can ---- */

START_TEST(can_verdict_words) {
  aftercare *p = open_lib();
  ck_assert_str_eq(aftercare_can(p, "swim", 3), "forbidden");
  ck_assert_str_eq(aftercare_can(p, "shave_razor", 3), "conditional");
  ck_assert_str_eq(aftercare_can(p, "sauna", 3), "discouraged");
  ck_assert_str_eq(aftercare_can(p, "swim", 11), "allowed");
  ck_assert_str_eq(aftercare_can(p, "shampoo", 3), "recommended");
  ck_assert_str_eq(aftercare_can(p, "tan", 31), "unknown");
  ck_assert_str_eq(aftercare_can(p, "swim", -1), "unknown");
  ck_assert_str_eq(aftercare_can(p, "tan", 30), "allowed");
  /* identifier, label, alias, in any case; '_' and ' ' alike */
  ck_assert_str_eq(aftercare_can(p, "go swimming", 10), "forbidden");
  ck_assert_str_eq(aftercare_can(p, "SWIMMING", 10), "forbidden");
  ck_assert_str_eq(aftercare_can(p, "Swim", 2147483647), "allowed");
  ck_assert_str_eq(aftercare_can(p, "shave razor", 0), "conditional");
  ck_assert_str_eq(aftercare_can(p, "Shave With A Razor", 0), "conditional");
  ck_assert_str_eq(aftercare_can(p, "razor", 0), "conditional");
  /* no such activity */
  ck_assert_ptr_null(aftercare_can(p, "swimm", 3));
  ck_assert_ptr_null(aftercare_can(p, "redness", 3)); /* a symptom */
  ck_assert_ptr_null(aftercare_can(p, "healed", 3));  /* a fact */
  ck_assert_ptr_null(aftercare_can(p, "no_swim", 3)); /* a rule */
  ck_assert_ptr_null(aftercare_can(p, "", 3));
  ck_assert_ptr_null(aftercare_can(p, "I swim", 3)); /* no fillers */
  /* the same as the query's verdict */
  ck_assert_str_eq(answer(p, "can sauna on day 3", AFTERCARE_LINE),
                   "sauna on day 3: discouraged | rule 'discourage_sauna_start_end' (lib.care:14)\n");
}
END_TEST

START_TEST(can_after_final_session) {
  aftercare *q = open_text("q.care",
                           "protocol q { sessions 3; }\n"
                           "activity run;\n"
                           "forbid run first 5 days after final session;\n"
                           "allow run after 5 days;\n");
  ck_assert_int_eq(aftercare_errors(q), 0);
  ck_assert_str_eq(aftercare_can(q, "run", 2), "forbidden");
  ck_assert_str_eq(answer(q, "can run on day 2 after session 1", AFTERCARE_LINE),
                   "run on day 2 after session 1: unknown (no rule covers this day: ask your "
                   "practitioner)\n");
  ck_assert_str_eq(answer(q, "can run on day 2 after session 3", AFTERCARE_LINE),
                   "run on day 2 after session 3: forbidden | rule 'forbid_run_0_5' (q.care:3)\n");
}
END_TEST

/* ---- aftercare_names ---- */

static void collect(const char *name, void *ctx) {
  const char **s = ctx;
  *s = ac_arena_printf(ut_arena, "%s%s%s", *s, **s ? " " : "", name);
}

static const char *names_of(const aftercare *p, const char *kind, int *n) {
  const char *s = "";
  *n = aftercare_names(p, kind, collect, &s);
  return s;
}

START_TEST(names_every_kind) {
  aftercare *p = open_lib();
  int n;
  ck_assert_str_eq(names_of(p, "activities", &n), "swim sauna shampoo shave_razor tan");
  ck_assert_int_eq(n, 5);
  ck_assert_str_eq(names_of(p, "symptoms", &n), "redness burning");
  ck_assert_int_eq(n, 2);
  ck_assert_str_eq(names_of(p, "phases", &n), "early later");
  ck_assert_int_eq(n, 2);
  ck_assert_str_eq(names_of(p, "rules", &n),
                   "no_swim allow_swim_11_end discourage_sauna_start_end "
                   "recommend_shampoo_start_end allow_shave_razor_start_end allow_tan_0_30");
  ck_assert_int_eq(n, 6);
  /* the kinds the listing queries list (issue 15: completion after 'with') */
  ck_assert_str_eq(names_of(p, "facts", &n), "healed");
  ck_assert_int_eq(n, 1);
  ck_assert_str_eq(names_of(p, "groups", &n), "");
  ck_assert_int_eq(n, 0);
  ck_assert_str_eq(names_of(p, "constraints", &n), "");
  ck_assert_int_eq(n, 0);
  /* unknown kinds: -1, and fn is not called */
  static const char *const unknown[] = {"Activities", "activity", "", "triage", "advice"};
  for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++) {
    ck_assert_str_eq(names_of(p, unknown[i], &n), "");
    ck_assert_int_eq(n, -1);
  }
  /* none of a kind */
  aftercare *q = open_text("q.care", "protocol q;\nactivity swim;\nallow swim always;\n");
  ck_assert_str_eq(names_of(q, "symptoms", &n), "");
  ck_assert_int_eq(n, 0);
  ck_assert_str_eq(names_of(q, "phases", &n), "");
  ck_assert_int_eq(n, 0);
  ck_assert_str_eq(names_of(q, "facts", &n), "");
  ck_assert_int_eq(n, 0);
}
END_TEST

/* ---- aftercare_aliases (and facts in aftercare_names): REPL completion ---- */

static const char *aliases_of(const aftercare *p, const char *kind, int *n) {
  const char *s = "";
  *n = aftercare_aliases(p, kind, collect, &s);
  return s;
}

START_TEST(aliases_every_kind) {
  aftercare *p = open_text("a.care",
                           "protocol a;\n"
                           "activity swim \"go swimming\" aliases \"swimming\", \"pool\";\n"
                           "activity sauna;\n"
                           "symptom itching aliases \"itchy scalp\";\n"
                           "fact healed boolean aliases \"fully healed\";\n"
                           "fact spf number;\n"
                           "allow swim always;\nallow sauna always;\n");
  ck_assert_int_eq(aftercare_errors(p), 0);
  int n;
  ck_assert_str_eq(aliases_of(p, "activities", &n), "swimming pool");
  ck_assert_int_eq(n, 2);
  ck_assert_str_eq(aliases_of(p, "symptoms", &n), "itchy scalp");
  ck_assert_int_eq(n, 1);
  ck_assert_str_eq(names_of(p, "facts", &n), "healed spf");
  ck_assert_int_eq(n, 2);
  ck_assert_str_eq(aliases_of(p, "facts", &n), "fully healed");
  ck_assert_int_eq(n, 1);
  ck_assert_str_eq(aliases_of(p, "rules", &n), "");
  ck_assert_int_eq(n, 0);
  ck_assert_str_eq(aliases_of(p, "groups", &n), ""); /* groups have labels, no aliases */
  ck_assert_int_eq(n, 0);
  ck_assert_str_eq(aliases_of(p, "triage", &n), "");
  ck_assert_int_eq(n, -1);
}
END_TEST

/* ---- A chain of files ---- */

static const char *const base_text =
    "protocol base { sessions 2; }\n"                                      /* 1 */
    "activity swim \"go swimming\";\n"                                     /* 2 */
    "phase early \"Early\" first 3 days { do \"Rest.\"; }\n"               /* 3 */
    "rule no_swim: forbid swim first 10 days because \"Wait.\";\n"         /* 4 */
    "allow swim after 10 days;\n"                                          /* 5 */
    "expect can swim on day 5 is forbidden;\n"                             /* 6 */
    "expect can swim on day 20 is forbidden;\n";                           /* 7 */

static const char *const ext_text =
    "protocol ext;\n"                                                      /* 1 */
    "extends \"base.care\";\n"                                             /* 2 */
    "activity sauna;\n"                                                    /* 3 */
    "forbid sauna always;\n"                                               /* 4 */
    "rule short_wait: forbid swim first 3 days overrides no_swim;\n"       /* 5 */
    "allow swim days 4..10;\n"                                             /* 6 */
    "expect can swim on day 5 is allowed;\n"                               /* 7 */
    "expect can swim on day 2 is allowed;\n"                               /* 8 */
    "expect when swim is from day 4;\n"                                    /* 9 */
    "expect when sauna is from day 0;\n";                                  /* 10 */

START_TEST(chain_of_files) {
  const char *dir = ut_tmpdir();
  const char *base = ut_write(dir, "base.care", base_text);
  const char *ext = ut_write(dir, "ext.care", ext_text);
  int err = 0;
  aftercare *p = keep(aftercare_open(ext, &err));
  ck_assert_int_eq(aftercare_errors(p), 0);
  ck_assert_str_eq(aftercare_path(p), ext);
  ck_assert_str_eq(aftercare_name(p), "ext");
  int n;
  ck_assert_str_eq(names_of(p, "activities", &n), "swim sauna");
  /* the rule the extension replaced is not listed */
  ck_assert_str_eq(names_of(p, "rules", &n),
                   "allow_swim_11_end forbid_sauna_start_end short_wait allow_swim_4_10");
  ck_assert_int_eq(n, 4);
  ck_assert_str_eq(names_of(p, "phases", &n), "early");
  ck_assert_str_eq(aftercare_can(p, "swim", 5), "allowed");
  ck_assert_str_eq(aftercare_can(p, "swim", 12), "allowed");
  ck_assert_str_eq(answer(p, "can swim on day 12", AFTERCARE_LINE),
                   ac_arena_printf(ut_arena,
                                   "swim on day 12: allowed | rule 'allow_swim_11_end' (%s:5)\n",
                                   base));
  /* only the extension's own expectations run */
  memout m;
  mem_open(&m);
  int failed = aftercare_test(p, m.f, 0, 0);
  const char *out = mem_close(&m);
  ck_assert_int_eq(failed, 2);
  ck_assert_str_eq(out, ac_arena_printf(ut_arena,
                                        "%s:8:1: expectation failed: can swim on day 2: expected "
                                        "allowed, the protocol answers forbidden [AC0501]\n"
                                        "%s:10:1: expectation failed: when sauna: expected from "
                                        "day 0, the protocol answers never [AC0501]\n"
                                        "2 passed, 2 failed\n",
                                        ext, ext));
  /* the base alone runs its own */
  aftercare *b = keep(aftercare_open(base, &err));
  mem_open(&m);
  failed = aftercare_test(b, m.f, 0, 0);
  out = mem_close(&m);
  ck_assert_int_eq(failed, 1);
  ck_assert_str_eq(out, ac_arena_printf(ut_arena,
                                        "%s:7:1: expectation failed: can swim on day 20: "
                                        "expected forbidden, the protocol answers allowed "
                                        "[AC0501]\n"
                                        "1 passed, 1 failed\n",
                                        base));
}
END_TEST

START_TEST(chain_missing_base) {
  const char *dir = ut_tmpdir();
  const char *ext = ut_write(dir, "ext.care", ext_text);
  int err = 0;
  /* the file itself is read: a missing base is a diagnostic, not NULL */
  aftercare *p = keep(aftercare_open(ext, &err));
  ck_assert_int_eq(err, 0);
  ck_assert_int_ge(aftercare_errors(p), 1);
  ck_assert(strstr(diagnostics(p, AFTERCARE_TEXT, 0), "[AC0301]") != NULL);
  ck_assert_str_eq(aftercare_path(p), ext);
  ck_assert_int_eq(ask(p, "can sauna on day 1", AFTERCARE_TEXT).rc, 1);
}
END_TEST

/* ---- Resolvers: extends found among texts a server keeps, by name ---- */

typedef struct kept_text {
  const char *name, *text;
} kept_text;

static const kept_text kept_texts[] = {
    {"base", "protocol base { horizon 30 days; }\n"
             "activity sauna \"use a sauna\";\n"
             "rule hot: forbid sauna first 14 days because \"Heat.\";\n"
             "allow sauna after 14 days;\n"},
    {"loop_a", "protocol loop_a;\nextends \"loop_b\";\n"},
    {"loop_b", "protocol loop_b;\nextends \"loop_a\";\n"},
};

static int asked_names;
static int resolver_context; /* what the resolver is given as ctx */

/* Finds a protocol among kept_texts; any other name is unknown. */
static int resolve_kept(void *ctx, const char *name, const char *from, aftercare_resolution *r) {
  ck_assert_ptr_eq(ctx, &resolver_context);
  ck_assert_ptr_nonnull(from);
  asked_names++;
  for (size_t i = 0; i < sizeof kept_texts / sizeof *kept_texts; i++)
    if (strcmp(kept_texts[i].name, name) == 0) {
      char path[64];
      snprintf(path, sizeof path, "kept:%s", name); /* copied by the library */
      aftercare_resolved(r, path, kept_texts[i].text, strlen(kept_texts[i].text));
      return 0;
    }
  return ENOENT;
}

static aftercare *open_resolved(const char *name, const char *text) {
  asked_names = 0;
  return keep(aftercare_open_with(name, text, strlen(text), resolve_kept, &resolver_context));
}

START_TEST(resolver_finds_kept_texts) {
  aftercare *p = open_resolved("clinic", "protocol clinic;\nextends \"base\";\n"
                                         "rule hot_longer: forbid sauna days 15..20;\n");
  ck_assert_str_eq(diagnostics(p, AFTERCARE_TEXT, 0), "");
  ck_assert_int_eq(asked_names, 1);
  ck_assert_str_eq(answer(p, "can sauna on day 17", AFTERCARE_LINE),
                   "sauna on day 17: forbidden | rule 'hot_longer' (clinic:3)\n");
  ck_assert_str_eq(answer(p, "can sauna on day 3", AFTERCARE_LINE),
                   "sauna on day 3: forbidden | rule 'hot' (kept:base:3): Heat.\n");
  ck_assert_str_eq(answer(p, "can sauna on day 21", AFTERCARE_LINE),
                   "sauna on day 21: allowed | rule 'allow_sauna_15_end' (kept:base:4)\n");
  ck_assert_str_eq(answer(p, "explain hot", AFTERCARE_TEXT),
                   "rule 'hot' (kept:base:3)\n"
                   "  forbidden, days 0..14\n"
                   "  because: Heat.\n"
                   "  | rule hot: forbid sauna first 14 days because \"Heat.\";\n");
  /* "smp" is the standard protocol: no resolver is asked */
  p = open_resolved("smp-clinic", "protocol c;\nextends \"smp\";\n");
  ck_assert_int_eq(aftercare_errors(p), 0);
  ck_assert_int_eq(asked_names, 0);
}
END_TEST

START_TEST(resolver_unknown_name_and_cycle) {
  aftercare *p = open_resolved("clinic", "protocol clinic;\nextends \"nowhere\";\n");
  ck_assert_str_eq(diagnostics(p, AFTERCARE_TEXT, 0),
                   "clinic:2:9: error: cannot read the extended protocol 'nowhere': No such "
                   "file or directory [AC0301]\n"
                   "    2 | extends \"nowhere\";\n"
                   "      |         ^~~~~~~~~\n");
  p = open_resolved("loop_a", kept_texts[1].text);
  const char *d = diagnostics(p, AFTERCARE_TEXT, 0);
  ck_assert_msg(strstr(d, "kept:loop_a:2:9: error: protocols extend each other in a cycle "
                          "[AC0302]") != NULL, "%s", d);
}
END_TEST

/* ---- aftercare_test ---- */

START_TEST(test_passes) {
  aftercare *p = open_lib();
  memout m;
  mem_open(&m);
  int failed = aftercare_test(p, m.f, 0, 0);
  const char *out = mem_close(&m);
  ck_assert_int_eq(failed, 0);
  ck_assert_str_eq(out, "3 passed, 0 failed\n");
  /* again: the same */
  mem_open(&m);
  failed = aftercare_test(p, m.f, 1, 0);
  out = mem_close(&m);
  ck_assert_int_eq(failed, 0);
  ck_assert_str_eq(out, "3 passed, 0 failed\n");
}
END_TEST

static const char *const failing_text =
    "protocol f;\n"                                            /* 1 */
    "activity swim;\n"                                         /* 2 */
    "symptom redness;\n"                                       /* 3 */
    "forbid swim first 10 days;\n"                             /* 4 */
    "allow swim after 10 days;\n"                              /* 5 */
    "symptoms redness level monitor advice \"M.\";\n"          /* 6 */
    "expect can swim on day 3 is forbidden;\n"                 /* 7 */
    "expect can swim on day 3 is allowed;\n"                   /* 8 */
    "  expect when swim is never;\n"                           /* 9 */
    "expect when swim is from day 11;\n"                       /* 10 */
    "expect symptoms redness on day 1 is urgent;\n"            /* 11 */
    "expect can swim on day 11 with no redness is allowed;\n"; /* 12 */

START_TEST(test_failures) {
  aftercare *p = open_text("f.care", failing_text);
  ck_assert_msg(aftercare_errors(p) == 0, "%s", diagnostics(p, AFTERCARE_TEXT, 0));
  memout m;
  mem_open(&m);
  int failed = aftercare_test(p, m.f, 0, 0);
  const char *out = mem_close(&m);
  ck_assert_int_eq(failed, 3);
  ck_assert_str_eq(out, "f.care:8:1: expectation failed: can swim on day 3: expected allowed, "
                        "the protocol answers forbidden [AC0501]\n"
                        "f.care:9:3: expectation failed: when swim: expected never, the protocol "
                        "answers from day 11 [AC0501]\n"
                        "f.care:11:1: expectation failed: symptoms redness on day 1: expected "
                        "urgent, the protocol answers monitor [AC0501]\n"
                        "3 passed, 3 failed\n");
  /* colour */
  mem_open(&m);
  failed = aftercare_test(p, m.f, 1, 0);
  out = mem_close(&m);
  ck_assert_int_eq(failed, 3);
  ck_assert(strncmp(out,
                    "\033[1mf.care:8:1: \033[1;31mexpectation failed:\033[0m can swim on day 3: "
                    "expected allowed, the protocol answers forbidden [AC0501]\n",
                    strlen("\033[1mf.care:8:1: \033[1;31mexpectation failed:\033[0m can swim on "
                           "day 3: expected allowed, the protocol answers forbidden [AC0501]\n")) == 0);
}
END_TEST

/* With coverage, the result counts what is not exercised too: one line
 * "...: not exercised: ..." each. */
START_TEST(test_coverage) {
  aftercare *p = open_text("f.care", failing_text);
  memout m;
  mem_open(&m);
  int result = aftercare_test(p, m.f, 0, 1);
  const char *out = mem_close(&m);
  int gaps = 0;
  for (const char *s = out; (s = strstr(s, ": not exercised: ")) != NULL; s++) gaps++;
  ck_assert_int_eq(result, 3 + gaps);
  size_t n = strlen(out);
  ck_assert_msg(n > 19 && strcmp(out + n - 19, "3 passed, 3 failed\n") == 0, "%s", out);
  ck_assert_msg(strstr(out, "\ncoverage: ") != NULL, "%s", out);
  /* the failures come first, as without coverage */
  ck_assert(strncmp(out, "f.care:8:1: expectation failed: ", 32) == 0);
  /* no expectation: every rule of the file is not exercised */
  aftercare *q = open_text("q.care", "protocol q;\nactivity swim;\nallow swim always;\n");
  mem_open(&m);
  result = aftercare_test(q, m.f, 0, 1);
  out = mem_close(&m);
  ck_assert_int_ge(result, 1);
  ck_assert_msg(strstr(out, "q.care:3: not exercised: rule 'allow_swim_start_end'\n") != NULL,
                "%s", out);
  /* without coverage: nothing failed */
  mem_open(&m);
  result = aftercare_test(q, m.f, 0, 0);
  out = mem_close(&m);
  ck_assert_int_eq(result, 0);
  ck_assert_str_eq(out, "0 passed, 0 failed\n");
}
END_TEST

/* ---- The version ---- */

START_TEST(version) {
  ck_assert_str_eq(aftercare_version(), PACKAGE_VERSION);
  ck_assert_str_eq(aftercare_version(), "0.1.0");
}
END_TEST

static Suite *library_suite(void) {
  Suite *s = suite_create("library");
  TCase *tc = tcase_create("open");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, open_file);
  tcase_add_test(tc, open_missing);
  tcase_add_test(tc, open_memory);
  tcase_add_test(tc, open_standard);
  tcase_add_test(tc, protocols_are_independent);
  tcase_add_test(tc, chain_of_files);
  tcase_add_test(tc, chain_missing_base);
  tcase_add_test(tc, resolver_finds_kept_texts);
  tcase_add_test(tc, resolver_unknown_name_and_cycle);
  tcase_add_test(tc, version);
  suite_add_tcase(s, tc);

  tc = tcase_create("diagnostics");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, errors_and_warnings);
  tcase_add_test(tc, print_diagnostics_text);
  tcase_add_test(tc, print_diagnostics_json);
  tcase_add_test(tc, diagnostic_limit);
  suite_add_tcase(s, tc);

  tc = tcase_create("ask");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, ask_every_format);
  tcase_add_test(tc, ask_failure_where_line);
  tcase_add_test(tc, ask_color);
  tcase_add_test(tc, ask_without_err);
  tcase_add_test(tc, ask_refused_with_errors);
  tcase_add_test(tc, equivalent_forms_answer_alike);
  tcase_add_test(tc, line_answers_follow_the_symptoms_given);
  tcase_add_test(tc, ask_many_times);
  suite_add_tcase(s, tc);

  tc = tcase_create("can_names_test");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, can_verdict_words);
  tcase_add_test(tc, can_after_final_session);
  tcase_add_test(tc, names_every_kind);
  tcase_add_test(tc, aliases_every_kind);
  tcase_add_test(tc, test_passes);
  tcase_add_test(tc, test_failures);
  tcase_add_test(tc, test_coverage);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(library_suite()); }
