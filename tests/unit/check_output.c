/*
 * check_output.c -- rendering answers and diagnostics (src/output.c): every
 * query kind as text, as one line and as JSON; days; query errors; the JSON
 * document of `check`.
 *
 * Protocols are built in memory ("t.care", "c.care"), so that the expected
 * texts do not depend on rules/smp.care.  Answers are rendered into memory
 * streams and compared whole; JSON is also parsed back with jansson.
 */
#include "config.h"

#include <jansson.h>

#include "output.h"
#include "unit.h"

/* Line numbers matter: sources are "t.care:LINE". */
static const char *const protocol_text =
    "protocol t { sessions 2; horizon 40 days; }\n"                          /* 1 */
    "activity swim \"go swimming\" aliases \"swimming\", \"a swim\";\n"      /* 2 */
    "activity shave_razor \"shave with a razor\" aliases \"razor\";\n"       /* 3 */
    "activity sauna;\n"                                                      /* 4 */
    "activity shampoo \"wash hair\";\n"                                      /* 5 */
    "activity hot_water \"use hot water\";\n"                                /* 6 */
    "activity exercise \"exercise\";\n"                                      /* 7 */
    "activity alcohol \"drink alcohol\";\n"                                  /* 8 */
    "group water \"getting wet\" = swim, shampoo;\n"                         /* 9 */
    "symptom redness \"redness\" aliases \"red skin\";\n"                    /* 10 */
    "symptom burning \"a burning sensation\";\n"                             /* 11 */
    "fact healed boolean \"healed\";\n"                                      /* 12 */
    "fact spf number \"sun protection factor\";\n"                           /* 13 */
    "phase early \"Early days\" first 3 days {\n"                            /* 14 */
    "  do \"Keep dry.\";\n"                                                  /* 15 */
    "  dont \"Don't scratch.\";\n"                                           /* 16 */
    "  why \"It is fragile.\";\n"                                            /* 17 */
    "  cites T1;\n"                                                          /* 18 */
    "}\n"                                                                    /* 19 */
    "phase later \"Later\" from day 4 { do \"Moisturize.\"; }\n"             /* 20 */
    "advice pillow \"Use a fresh pillowcase.\" first 3 days;\n"              /* 21 */
    "advice sun \"Avoid the sun.\" days 0..30;\n"                            /* 22 */
    "rule no_water: forbid water first 10 days because \"Keep it dry.\";\n"  /* 23 */
    "allow swim after 10 days;\n"                                            /* 24 */
    "rule razor_healed: allow shave_razor after 3 days only if healed\n"     /* 25 */
    "  because \"Only when healed.\" cites R5, T2;\n"                        /* 26 */
    "forbid shave_razor first 3 days;\n"                                     /* 27 */
    "discourage sauna always because \"Heat slows healing (caf\xC3\xA9).\";\n" /* 28 */
    "recommend shampoo after 10 days;\n"                                     /* 29 */
    "rule no_hot: forbid hot_water from day 0 because \"Never.\";\n"         /* 30 */
    "rule rest: forbid exercise first 5 days after final session;\n"         /* 31 */
    "allow exercise after 5 days;\n"                                         /* 32 */
    "forbid alcohol days -3..0 because \"Thins the blood.\";\n"              /* 33 */
    "allow alcohol after 0 days;\n"                                          /* 34 */
    "triage severe_burn: symptoms severe burning level urgent advice \"See a doctor.\";\n" /* 35 */
    "triage burn: symptoms burning first 14 days level monitor advice \"Keep watching.\";\n" /* 36 */
    "triage red: symptoms redness level normal advice \"Normal.\";\n"        /* 37 */
    "document guide \"The guide\" { statement R5 \"Shave when healed.\";\n"  /* 38 */
    "  statement T1 \"Keep it dry.\"; statement T2 \"Wait.\"; }\n";          /* 39 */

/* Several conditional rules on the same days, and `unless`. */
static const char *const conditions_text =
    "protocol c;\n"                                /* 1 */
    "activity swim;\n"                             /* 2 */
    "activity run \"go running\";\n"               /* 3 */
    "fact healed boolean;\n"                       /* 4 */
    "fact spf number;\n"                           /* 5 */
    "allow swim always only if healed;\n"          /* 6 */
    "allow swim days 0..5 only if spf >= 30;\n"    /* 7 */
    "forbid run days ..-1 unless healed;\n"        /* 8 */
    "allow run days 0..4 unless healed;\n"         /* 9 */
    "recommend run from day 5;\n";                 /* 10 */

static ac_protocol *proto;

/* JSON values parsed by a test: released by the teardown, so that a test
 * leaks nothing even when it fails. */
static json_t *kept[64];
static int nkept;

static void setup(void) {
  ut_setup();
  nkept = 0;
  proto = ut_load(protocol_text);
  ut_assert_clean(&ut_diags);
}

static void teardown(void) {
  for (int i = 0; i < nkept; i++) json_decref(kept[i]);
  nkept = 0;
  ut_teardown();
}

/* ---- Rendering ---- */

/* memout, mem_open, mem_close: see unit.h */

/* The answer of p to a query that must resolve. */
static const char *answer_of(const ac_protocol *p, const char *query, ac_format fmt) {
  ac_request r;
  bool resolved = ut_request(p, query, &r);
  ck_assert_msg(resolved, "'%s' did not resolve:\n%s", query, ut_render(&ut_diags));
  memout m;
  mem_open(&m);
  ac_output_answer(p, ut_arena, &r, query, fmt, m.f);
  return mem_close(&m);
}

static const char *text(const char *query) { return answer_of(proto, query, AC_FORMAT_TEXT); }
static const char *line(const char *query) { return answer_of(proto, query, AC_FORMAT_LINE); }

/* Parses a JSON text that must be one object on one line. */
static json_t *parse_line(const char *s) {
  size_t n = strlen(s);
  ck_assert_msg(n > 0 && s[n - 1] == '\n', "not one line: %s", s);
  ck_assert_msg(memchr(s, '\n', n - 1) == NULL, "more than one line: %s", s);
  json_error_t e;
  json_t *j = json_loads(s, 0, &e);
  ck_assert_msg(j != NULL, "invalid JSON (%s): %s", e.text, s);
  ck_assert_int_lt(nkept, (int)(sizeof kept / sizeof *kept));
  kept[nkept++] = j;
  ck_assert(json_is_object(j));
  return j;
}

static json_t *json_of(const ac_protocol *p, const char *query) {
  return parse_line(answer_of(p, query, AC_FORMAT_JSON));
}

static json_t *json(const char *query) { return json_of(proto, query); }

/* Members, their type checked. */
static json_t *member(const json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  ck_assert_msg(v != NULL, "no member '%s'", key);
  return v;
}

static const char *jstr(const json_t *o, const char *key) {
  json_t *v = member(o, key);
  ck_assert_msg(json_is_string(v), "'%s' is not a string", key);
  return json_string_value(v);
}

static long long jint(const json_t *o, const char *key) {
  json_t *v = member(o, key);
  ck_assert_msg(json_is_integer(v), "'%s' is not an integer", key);
  return json_integer_value(v);
}

static bool jnull(const json_t *o, const char *key) { return json_is_null(member(o, key)); }

static json_t *jarr(const json_t *o, const char *key, size_t len) {
  json_t *v = member(o, key);
  ck_assert_msg(json_is_array(v), "'%s' is not an array", key);
  ck_assert_uint_eq(json_array_size(v), len);
  return v;
}

static const char *jstr_at(const json_t *a, size_t i) {
  json_t *v = json_array_get(a, i);
  ck_assert(json_is_string(v));
  return json_string_value(v);
}

/* The member names of an object, in order: "a,b,c". */
static const char *keys(json_t *o) {
  char *out = ac_arena_strdup(ut_arena, "");
  const char *k;
  json_t *v;
  json_object_foreach(o, k, v) {
    (void)v;
    out = ac_arena_printf(ut_arena, "%s%s%s", out, *out ? "," : "", k);
  }
  return out;
}

/* A text answer as a one-line answer says it: lines joined by " | ",
 * blanks that start a line after the first dropped. */
static const char *joined(const char *t) {
  size_t n = strlen(t);
  ck_assert(n > 0 && t[n - 1] == '\n');
  char *out = ac_arena_alloc(ut_arena, 3 * n + 2);
  size_t k = 0;
  for (size_t i = 0; i < n - 1; i++) {
    if (t[i] != '\n') {
      out[k++] = t[i];
      continue;
    }
    memcpy(out + k, " | ", 3);
    k += 3;
    while (t[i + 1] == ' ') i++;
  }
  out[k++] = '\n';
  out[k] = '\0';
  return out;
}

/* ---- can ---- */

START_TEST(can_text) {
  ck_assert_str_eq(text("can swim on day 3"),
                   "swim on day 3: forbidden\n"
                   "  rule 'no_water' (t.care:23): Keep it dry.\n");
  /* the activity's identifier, whatever the query called it */
  ck_assert_str_eq(text("can I go swimming on day 11?"),
                   "swim on day 11: allowed\n"
                   "  rule 'allow_swim_11_end' (t.care:24)\n");
  ck_assert_str_eq(text("can shampoo on day 30"),
                   "shampoo on day 30: recommended\n"
                   "  rule 'recommend_shampoo_11_end' (t.care:29)\n");
  ck_assert_str_eq(text("can sauna on day -100"),
                   "sauna on day -100: discouraged\n"
                   "  rule 'discourage_sauna_start_end' (t.care:28): Heat slows healing "
                   "(caf\xC3\xA9).\n");
  ck_assert_str_eq(text("can swim on day -1"),
                   "swim on day -1: unknown (no rule covers this day: ask your practitioner)\n");
  ck_assert_str_eq(text("can alcohol on day -3"),
                   "alcohol on day -3: forbidden\n"
                   "  rule 'forbid_alcohol_m3_0' (t.care:33): Thins the blood.\n");
}
END_TEST

START_TEST(can_text_conditional) {
  ck_assert_str_eq(text("can razor on day 5"),
                   "shave_razor on day 5: conditional, allowed only if healed\n"
                   "  rule 'razor_healed' (t.care:25) [only if healed]: Only when healed.\n");
  ck_assert_str_eq(text("can razor on day 5 with healed"),
                   "shave_razor on day 5: allowed (healed holds)\n"
                   "  rule 'razor_healed' (t.care:25) [only if healed]: Only when healed.\n");
  ck_assert_str_eq(text("can razor on day 5 with healed = no"),
                   "shave_razor on day 5: forbidden (healed does not hold)\n"
                   "  rule 'razor_healed' (t.care:25) [only if healed]: Only when healed.\n");
  /* a fact given twice: its last value counts */
  ck_assert_str_eq(text("can razor on day 5 with healed = no, healed"),
                   "shave_razor on day 5: allowed (healed holds)\n"
                   "  rule 'razor_healed' (t.care:25) [only if healed]: Only when healed.\n");
  ck_assert_str_eq(text("can razor on day 5 with healed and no healed"),
                   "shave_razor on day 5: forbidden (healed does not hold)\n"
                   "  rule 'razor_healed' (t.care:25) [only if healed]: Only when healed.\n");
  /* a fact that decides nothing leaves it open */
  ck_assert_str_eq(text("can razor on day 5 with spf = 50"),
                   "shave_razor on day 5: conditional, allowed only if healed\n"
                   "  rule 'razor_healed' (t.care:25) [only if healed]: Only when healed.\n");
}
END_TEST

START_TEST(can_text_sessions) {
  ck_assert_str_eq(text("can exercise on day 2"),
                   "exercise on day 2: forbidden\n"
                   "  rule 'rest' (t.care:31)\n");
  ck_assert_str_eq(text("can exercise on day 2 after the final session"),
                   "exercise on day 2 after the final session: forbidden\n"
                   "  rule 'rest' (t.care:31)\n");
  ck_assert_str_eq(text("can exercise on day 2 after session 2"),
                   "exercise on day 2 after session 2: forbidden\n"
                   "  rule 'rest' (t.care:31)\n");
  /* the rule applies after the final session only */
  ck_assert_str_eq(text("can exercise on day 2 after session 1"),
                   "exercise on day 2 after session 1: unknown (no rule covers this day: "
                   "ask your practitioner)\n");
  ck_assert_str_eq(text("can exercise on day 6 after session 1"),
                   "exercise on day 6 after session 1: allowed\n"
                   "  rule 'allow_exercise_6_end' (t.care:32)\n");
}
END_TEST

START_TEST(can_text_several_conditions) {
  ac_protocol *c = ut_load(conditions_text);
  ut_assert_clean(&ut_diags);
  /* (ut_load names every protocol t.care) */
  ck_assert_str_eq(answer_of(c, "can swim on day 3", AC_FORMAT_TEXT),
                   "swim on day 3: conditional, allowed only if healed and spf >= 30\n"
                   "  rule 'allow_swim_start_end' (t.care:6) [only if healed]\n"
                   "  rule 'allow_swim_0_5' (t.care:7) [only if spf >= 30]\n");
  ck_assert_str_eq(answer_of(c, "can swim on day 3 with healed, spf = 40", AC_FORMAT_TEXT),
                   "swim on day 3: allowed (every condition holds)\n"
                   "  rule 'allow_swim_start_end' (t.care:6) [only if healed]\n"
                   "  rule 'allow_swim_0_5' (t.care:7) [only if spf >= 30]\n");
  ck_assert_str_eq(answer_of(c, "can swim on day 3 with healed, spf = 10", AC_FORMAT_TEXT),
                   "swim on day 3: forbidden (spf >= 30 does not hold)\n"
                   "  rule 'allow_swim_start_end' (t.care:6) [only if healed]\n"
                   "  rule 'allow_swim_0_5' (t.care:7) [only if spf >= 30]\n");
  /* the first condition that is still open is the one named */
  ck_assert_str_eq(answer_of(c, "can swim on day 3 with healed", AC_FORMAT_TEXT),
                   "swim on day 3: conditional, allowed only if spf >= 30\n"
                   "  rule 'allow_swim_start_end' (t.care:6) [only if healed]\n"
                   "  rule 'allow_swim_0_5' (t.care:7) [only if spf >= 30]\n");
  /* one rule left after day 5: it holds */
  ck_assert_str_eq(answer_of(c, "can swim on day 9 with healed", AC_FORMAT_TEXT),
                   "swim on day 9: allowed (healed holds)\n"
                   "  rule 'allow_swim_start_end' (t.care:6) [only if healed]\n");
  /* forbid ... unless C: allowed only if C; allow ... unless C: only if not (C) */
  ck_assert_str_eq(answer_of(c, "can run on day -1", AC_FORMAT_TEXT),
                   "run on day -1: conditional, allowed only if healed\n"
                   "  rule 'forbid_run_start_m1' (t.care:8) [only if healed]\n");
  ck_assert_str_eq(answer_of(c, "can run on day 2", AC_FORMAT_TEXT),
                   "run on day 2: conditional, allowed only if not (healed)\n"
                   "  rule 'allow_run_0_4' (t.care:9) [only if not (healed)]\n");
  ck_assert_str_eq(answer_of(c, "can run on day 2 with healed", AC_FORMAT_TEXT),
                   "run on day 2: forbidden (not (healed) does not hold)\n"
                   "  rule 'allow_run_0_4' (t.care:9) [only if not (healed)]\n");
  ck_assert_str_eq(answer_of(c, "can run on day 2 with no healed", AC_FORMAT_TEXT),
                   "run on day 2: allowed (not (healed) holds)\n"
                   "  rule 'allow_run_0_4' (t.care:9) [only if not (healed)]\n");
}
END_TEST

START_TEST(can_line) {
  ck_assert_str_eq(line("can swim on day 3"),
                   "swim on day 3: forbidden | rule 'no_water' (t.care:23): Keep it dry.\n");
  ck_assert_str_eq(line("can razor on day 5 with healed"),
                   "shave_razor on day 5: allowed (healed holds) | rule 'razor_healed' "
                   "(t.care:25) [only if healed]: Only when healed.\n");
  ck_assert_str_eq(line("can swim on day -1"),
                   "swim on day -1: unknown (no rule covers this day: ask your practitioner)\n");
  ac_protocol *c = ut_load(conditions_text);
  ck_assert_str_eq(answer_of(c, "can swim on day 0", AC_FORMAT_LINE),
                   "swim on day 0: conditional, allowed only if healed and spf >= 30 | rule "
                   "'allow_swim_start_end' (t.care:6) [only if healed] | rule 'allow_swim_0_5' "
                   "(t.care:7) [only if spf >= 30]\n");
}
END_TEST

START_TEST(can_json) {
  const char *raw = answer_of(proto, "can swim on day 3", AC_FORMAT_JSON);
  ck_assert_str_eq(raw, "{\"query\":\"can swim on day 3\",\"activity\":\"swim\",\"day\":3,"
                        "\"verdict\":\"forbidden\",\"reasons\":[{\"rule\":\"no_water\","
                        "\"text\":\"Keep it dry.\",\"source\":\"t.care:23\",\"cites\":[]}]}\n");
  json_t *o = parse_line(raw);
  ck_assert_str_eq(keys(o), "query,activity,day,verdict,reasons");
  ck_assert_str_eq(jstr(o, "query"), "can swim on day 3");
  ck_assert_str_eq(jstr(o, "activity"), "swim");
  ck_assert_int_eq(jint(o, "day"), 3);
  ck_assert_str_eq(jstr(o, "verdict"), "forbidden");
  json_t *rs = jarr(o, "reasons", 1);
  json_t *r0 = json_array_get(rs, 0);
  ck_assert_str_eq(keys(r0), "rule,text,source,cites");
  ck_assert_str_eq(jstr(r0, "rule"), "no_water");
  ck_assert_str_eq(jstr(r0, "text"), "Keep it dry.");
  ck_assert_str_eq(jstr(r0, "source"), "t.care:23");

  /* no because: text is null; the query as given, the activity's identifier */
  o = json("can  Go Swimming on day 11 ?");
  ck_assert_str_eq(jstr(o, "query"), "can  Go Swimming on day 11 ?");
  ck_assert_str_eq(jstr(o, "activity"), "swim");
  ck_assert_str_eq(jstr(o, "verdict"), "allowed");
  r0 = json_array_get(jarr(o, "reasons", 1), 0);
  ck_assert(jnull(r0, "text"));
  ck_assert_str_eq(jstr(r0, "rule"), "allow_swim_11_end");

  /* unknown: no reasons */
  o = json("can swim on day -1");
  ck_assert_str_eq(jstr(o, "verdict"), "unknown");
  jarr(o, "reasons", 0);
  ck_assert_int_eq(jint(o, "day"), -1);
}
END_TEST

START_TEST(can_json_conditions) {
  json_t *o = json("can razor on day 5");
  ck_assert_str_eq(keys(o), "query,activity,day,verdict,condition,if_holds,otherwise,reasons");
  ck_assert_str_eq(jstr(o, "verdict"), "conditional");
  ck_assert_str_eq(jstr(o, "condition"), "healed");
  ck_assert_str_eq(jstr(o, "if_holds"), "allowed");
  ck_assert_str_eq(jstr(o, "otherwise"), "forbidden");
  json_t *r0 = json_array_get(jarr(o, "reasons", 1), 0);
  ck_assert_str_eq(keys(r0), "rule,text,source,condition,cites");
  ck_assert_str_eq(jstr(r0, "rule"), "razor_healed");
  ck_assert_str_eq(jstr(r0, "text"), "Only when healed.");
  /* each cited statement with its document and text */
  json_t *c1 = json_array_get(jarr(r0, "cites", 2), 1);
  ck_assert_str_eq(keys(c1), "id,document,text");
  ck_assert_str_eq(jstr(c1, "id"), "T2");
  ck_assert_str_eq(jstr(c1, "document"), "guide");
  ck_assert_str_eq(jstr(c1, "text"), "Wait.");
  ck_assert_str_eq(jstr(r0, "source"), "t.care:25");
  ck_assert_str_eq(jstr(r0, "condition"), "healed");
  /* decided by the facts: the condition stays */
  o = json("can razor on day 5 with healed = true");
  ck_assert_str_eq(jstr(o, "verdict"), "allowed");
  ck_assert_str_eq(jstr(o, "condition"), "healed");
  o = json("can razor on day 5 with healed = false");
  ck_assert_str_eq(jstr(o, "verdict"), "forbidden");
  ck_assert_str_eq(jstr(o, "condition"), "healed");
  /* no condition for a rule without one */
  ck_assert_ptr_null(json_object_get(json("can swim on day 3"), "condition"));

  ac_protocol *c = ut_load(conditions_text);
  /* several conditional rules that all hold: no single condition */
  o = json_of(c, "can swim on day 3 with healed, spf = 40");
  ck_assert_str_eq(jstr(o, "verdict"), "allowed");
  ck_assert_ptr_null(json_object_get(o, "condition"));
  json_t *rs = jarr(o, "reasons", 2);
  ck_assert_str_eq(jstr(json_array_get(rs, 0), "condition"), "healed");
  ck_assert_str_eq(jstr(json_array_get(rs, 1), "condition"), "spf >= 30");
  ck_assert_str_eq(jstr(json_array_get(rs, 1), "source"), "t.care:7");
  o = json_of(c, "can swim on day 3 with healed, spf = 4");
  ck_assert_str_eq(jstr(o, "verdict"), "forbidden");
  ck_assert_str_eq(jstr(o, "condition"), "spf >= 30");
  o = json_of(c, "can run on day 1");
  ck_assert_str_eq(jstr(o, "condition"), "not (healed)");
  o = json_of(c, "can run on day -9");
  ck_assert_str_eq(jstr(o, "condition"), "healed");
}
END_TEST

START_TEST(can_json_sessions) {
  json_t *o = json("can exercise on day 2 after session 1");
  ck_assert_str_eq(keys(o), "query,activity,day,session,verdict,reasons");
  ck_assert_int_eq(jint(o, "session"), 1);
  ck_assert_str_eq(jstr(o, "verdict"), "unknown");
  o = json("can exercise on day 2 after the final session");
  ck_assert_str_eq(jstr(o, "session"), "final");
  ck_assert_str_eq(jstr(o, "verdict"), "forbidden");
  o = json("can exercise on day 2 after session 7");
  ck_assert_int_eq(jint(o, "session"), 7);
  ck_assert_str_eq(jstr(o, "verdict"), "forbidden");
  /* not said: no member */
  ck_assert_ptr_null(json_object_get(json("can exercise on day 2"), "session"));
}
END_TEST

START_TEST(json_is_ascii) {
  const char *raw = answer_of(proto, "can sauna on day 1", AC_FORMAT_JSON);
  ck_assert_str_eq(raw, "{\"query\":\"can sauna on day 1\",\"activity\":\"sauna\",\"day\":1,"
                        "\"verdict\":\"discouraged\",\"reasons\":[{\"rule\":"
                        "\"discourage_sauna_start_end\",\"text\":\"Heat slows healing "
                        "(caf\\u00E9).\",\"source\":\"t.care:28\",\"cites\":[]}]}\n");
  json_t *o = parse_line(raw);
  ck_assert_str_eq(jstr(json_array_get(jarr(o, "reasons", 1), 0), "text"),
                   "Heat slows healing (caf\xC3\xA9).");
}
END_TEST

/* ---- when ---- */

START_TEST(when_text) {
  ck_assert_str_eq(text("when swim"),
                   "swim: no longer forbidden from day 11\n"
                   "  days 0..10     forbidden\n"
                   "  days 11..      allowed\n");
  ck_assert_str_eq(text("when can I shave with a razor"),
                   "shave_razor: no longer forbidden from day 4\n"
                   "  days 0..3      forbidden\n"
                   "  days 4..       conditional (only if healed)\n");
  /* never forbidden, one rule for every day */
  ck_assert_str_eq(text("when sauna"),
                   "sauna: no longer forbidden from day 0\n"
                   "  always         discouraged\n");
  ck_assert_str_eq(text("when hot water"),
                   "hot_water: never allowed (it stays forbidden)\n"
                   "  days 0..       forbidden\n");
  /* windows start before day 0 when a rule does */
  ck_assert_str_eq(text("when alcohol"),
                   "alcohol: no longer forbidden from day 1\n"
                   "  days -3..0     forbidden\n"
                   "  days 1..       allowed\n");
  ac_protocol *c = ut_load(conditions_text);
  ck_assert_str_eq(answer_of(c, "when run", AC_FORMAT_TEXT),
                   "run: no longer forbidden from day 0\n"
                   "  days ..-1      conditional (only if healed)\n"
                   "  days 0..4      conditional (only if not (healed))\n"
                   "  days 5..       recommended\n");
}
END_TEST

START_TEST(when_line) {
  ck_assert_str_eq(line("when swim"),
                   "swim: no longer forbidden from day 11 | days 0..10     forbidden | "
                   "days 11..      allowed\n");
  ck_assert_str_eq(line("when hot_water"),
                   "hot_water: never allowed (it stays forbidden) | days 0..       forbidden\n");
}
END_TEST

START_TEST(when_json) {
  const char *raw = answer_of(proto, "when swim", AC_FORMAT_JSON);
  ck_assert_str_eq(raw, "{\"query\":\"when swim\",\"activity\":\"swim\",\"allowed_from\":11,"
                        "\"windows\":[{\"from\":0,\"to\":10,\"verdict\":\"forbidden\"},"
                        "{\"from\":11,\"to\":null,\"verdict\":\"allowed\"}]}\n");
  json_t *o = parse_line(raw);
  ck_assert_str_eq(keys(o), "query,activity,allowed_from,windows");
  ck_assert_int_eq(jint(o, "allowed_from"), 11);
  json_t *ws = jarr(o, "windows", 2);
  ck_assert_str_eq(keys(json_array_get(ws, 0)), "from,to,verdict");
  ck_assert_int_eq(jint(json_array_get(ws, 1), "from"), 11);
  ck_assert(jnull(json_array_get(ws, 1), "to"));

  /* stays forbidden: allowed_from is null */
  o = json("when hot_water");
  ck_assert_str_eq(jstr(o, "activity"), "hot_water");
  ck_assert(jnull(o, "allowed_from"));
  ws = jarr(o, "windows", 1);
  ck_assert_int_eq(jint(json_array_get(ws, 0), "from"), 0);
  ck_assert(jnull(json_array_get(ws, 0), "to"));
  ck_assert_str_eq(jstr(json_array_get(ws, 0), "verdict"), "forbidden");

  /* open at both ends */
  o = json("when sauna");
  ck_assert_int_eq(jint(o, "allowed_from"), 0);
  ws = jarr(o, "windows", 1);
  ck_assert(jnull(json_array_get(ws, 0), "from"));
  ck_assert(jnull(json_array_get(ws, 0), "to"));
  ck_assert_str_eq(jstr(json_array_get(ws, 0), "verdict"), "discouraged");

  /* before day 0 */
  o = json("when alcohol");
  ck_assert_int_eq(jint(o, "allowed_from"), 1);
  ws = jarr(o, "windows", 2);
  ck_assert_int_eq(jint(json_array_get(ws, 0), "from"), -3);
  ck_assert_int_eq(jint(json_array_get(ws, 0), "to"), 0);

  ac_protocol *c = ut_load(conditions_text);
  o = json_of(c, "when run");
  /* conditional days join only when their conditions are the same */
  ws = jarr(o, "windows", 3);
  ck_assert(jnull(json_array_get(ws, 0), "from"));
  ck_assert_int_eq(jint(json_array_get(ws, 0), "to"), -1);
  ck_assert_str_eq(keys(json_array_get(ws, 0)), "from,to,verdict,condition,if_holds,otherwise");
  ck_assert_str_eq(jstr(json_array_get(ws, 0), "verdict"), "conditional");
  ck_assert_str_eq(jstr(json_array_get(ws, 0), "condition"), "healed");
  ck_assert_int_eq(jint(json_array_get(ws, 1), "from"), 0);
  ck_assert_int_eq(jint(json_array_get(ws, 1), "to"), 4);
  ck_assert_str_eq(jstr(json_array_get(ws, 1), "condition"), "not (healed)");
  ck_assert_str_eq(jstr(json_array_get(ws, 1), "if_holds"), "allowed");
  ck_assert_str_eq(jstr(json_array_get(ws, 1), "otherwise"), "forbidden");
}
END_TEST

/* ---- symptoms ---- */

START_TEST(symptoms_text) {
  ck_assert_str_eq(text("symptoms severe burning, red skin on day 3"),
                   "severe burning, redness on day 3: urgent\n"
                   "  urgent: See a doctor. (symptom rule 'severe_burn', t.care:35)\n"
                   "  monitor: Keep watching. (symptom rule 'burn', t.care:36)\n"
                   "  normal: Normal. (symptom rule 'red', t.care:37)\n");
  /* the most severe first, whatever the order of the query */
  ck_assert_str_eq(text("symptoms redness and moderate a burning sensation on day 3"),
                   "redness, moderate burning on day 3: monitor\n"
                   "  monitor: Keep watching. (symptom rule 'burn', t.care:36)\n"
                   "  normal: Normal. (symptom rule 'red', t.care:37)\n");
  ck_assert_str_eq(text("symptoms mild burning on day 20"),
                   "mild burning on day 20: unknown (no symptom rule covers this: ask your "
                   "practitioner)\n");
}
END_TEST

START_TEST(symptoms_json) {
  json_t *o = json("symptoms redness, severe burning on day 3");
  ck_assert_str_eq(keys(o), "query,day,symptoms,intensities,level,advice");
  ck_assert_int_eq(jint(o, "day"), 3);
  json_t *ss = jarr(o, "symptoms", 2);
  ck_assert_str_eq(jstr_at(ss, 0), "redness");
  ck_assert_str_eq(jstr_at(ss, 1), "burning");
  json_t *is = jarr(o, "intensities", 2);
  ck_assert(json_is_null(json_array_get(is, 0)));
  ck_assert_str_eq(jstr_at(is, 1), "severe");
  ck_assert_str_eq(jstr(o, "level"), "urgent");
  json_t *adv = jarr(o, "advice", 3);
  static const char *const levels[] = {"urgent", "monitor", "normal"};
  static const char *const texts[] = {"See a doctor.", "Keep watching.", "Normal."};
  static const char *const rules[] = {"severe_burn", "burn", "red"};
  static const char *const sources[] = {"t.care:35", "t.care:36", "t.care:37"};
  for (size_t i = 0; i < 3; i++) {
    json_t *a = json_array_get(adv, i);
    ck_assert_str_eq(keys(a), "level,text,rule,source,cites");
    ck_assert_str_eq(jstr(a, "level"), levels[i]);
    ck_assert_str_eq(jstr(a, "text"), texts[i]);
    ck_assert_str_eq(jstr(a, "rule"), rules[i]);
    ck_assert_str_eq(jstr(a, "source"), sources[i]);
  }
  o = json("symptoms mild burning, moderate redness on day -2");
  is = jarr(o, "intensities", 2);
  ck_assert_str_eq(jstr_at(is, 0), "mild");
  ck_assert_str_eq(jstr_at(is, 1), "moderate");
  ck_assert_str_eq(jstr(o, "level"), "normal");
  ck_assert_int_eq(jint(o, "day"), -2);
  o = json("symptoms mild burning on day 20");
  ck_assert_str_eq(jstr(o, "level"), "unknown");
  jarr(o, "advice", 0);
}
END_TEST

/* ---- day ---- */

START_TEST(day_text) {
  ck_assert_str_eq(text("day 2"),
                   "day 2\n"
                   "phases:\n"
                   "  Early days (days 0..3)\n"
                   "    do    Keep dry.\n"
                   "    dont  Don't scratch.\n"
                   "    why   It is fragile.\n"
                   "advice:\n"
                   "  - Use a fresh pillowcase.\n"
                   "  - Avoid the sun.\n"
                   "activities:\n"
                   "  swim                     forbidden\n"
                   "  shave_razor              forbidden\n"
                   "  sauna                    discouraged\n"
                   "  shampoo                  forbidden\n"
                   "  hot_water                forbidden\n"
                   "  exercise                 forbidden\n"
                   "  alcohol                  allowed\n");
  ck_assert_str_eq(text("day 20"),
                   "day 20\n"
                   "phases:\n"
                   "  Later (days 4..)\n"
                   "    do    Moisturize.\n"
                   "advice:\n"
                   "  - Avoid the sun.\n"
                   "activities:\n"
                   "  swim                     allowed\n"
                   "  shave_razor              conditional (only if healed)\n"
                   "  sauna                    discouraged\n"
                   "  shampoo                  recommended\n"
                   "  hot_water                forbidden\n"
                   "  exercise                 allowed\n"
                   "  alcohol                  allowed\n");
  /* no phase: (none); no advice: no section */
  ck_assert_str_eq(text("day -5"),
                   "day -5\n"
                   "phases:\n"
                   "  (none)\n"
                   "activities:\n"
                   "  swim                     unknown\n"
                   "  shave_razor              unknown\n"
                   "  sauna                    discouraged\n"
                   "  shampoo                  unknown\n"
                   "  hot_water                unknown\n"
                   "  exercise                 unknown\n"
                   "  alcohol                  unknown\n");
}
END_TEST

START_TEST(day_line) {
  ck_assert_str_eq(line("day 20"),
                   "day 20 | phases: | Later (days 4..) | do    Moisturize. | advice: | "
                   "- Avoid the sun. | activities: | swim                     allowed | "
                   "shave_razor              conditional (only if healed) | sauna          "
                   "          discouraged | shampoo                  recommended | hot_water  "
                   "              forbidden | exercise                 allowed | alcohol      "
                   "            allowed\n");
}
END_TEST

START_TEST(day_json) {
  json_t *o = json("day 2");
  ck_assert_str_eq(keys(o), "query,day,phases,advice,activities,conditions");
  ck_assert_str_eq(jstr(o, "query"), "day 2");
  ck_assert_int_eq(jint(o, "day"), 2);
  json_t *ps = jarr(o, "phases", 1);
  json_t *p0 = json_array_get(ps, 0);
  ck_assert_str_eq(keys(p0), "name,title,from,to,do,dont,why");
  ck_assert_str_eq(jstr(p0, "name"), "early");
  ck_assert_str_eq(jstr(p0, "title"), "Early days");
  ck_assert_int_eq(jint(p0, "from"), 0);
  ck_assert_int_eq(jint(p0, "to"), 3);
  ck_assert_str_eq(jstr_at(jarr(p0, "do", 1), 0), "Keep dry.");
  ck_assert_str_eq(jstr_at(jarr(p0, "dont", 1), 0), "Don't scratch.");
  ck_assert_str_eq(jstr_at(jarr(p0, "why", 1), 0), "It is fragile.");
  json_t *adv = jarr(o, "advice", 2);
  ck_assert_str_eq(jstr_at(adv, 0), "Use a fresh pillowcase.");
  ck_assert_str_eq(jstr_at(adv, 1), "Avoid the sun.");
  json_t *acts = member(o, "activities");
  ck_assert(json_is_object(acts));
  ck_assert_str_eq(keys(acts), "swim,shave_razor,sauna,shampoo,hot_water,exercise,alcohol");
  ck_assert_str_eq(jstr(acts, "swim"), "forbidden");
  ck_assert_str_eq(jstr(acts, "sauna"), "discouraged");
  ck_assert_str_eq(jstr(acts, "alcohol"), "allowed");

  o = json("day 20");
  p0 = json_array_get(jarr(o, "phases", 1), 0);
  ck_assert_str_eq(jstr(p0, "name"), "later");
  ck_assert_int_eq(jint(p0, "from"), 4);
  ck_assert(jnull(p0, "to"));
  jarr(p0, "dont", 0);
  jarr(p0, "why", 0);
  acts = member(o, "activities");
  /* a conditional verdict stays conditional */
  ck_assert_str_eq(jstr(acts, "shave_razor"), "conditional");
  ck_assert_str_eq(jstr(acts, "shampoo"), "recommended");

  o = json("day -5");
  jarr(o, "phases", 0);
  jarr(o, "advice", 0);
  ck_assert_str_eq(jstr(member(o, "activities"), "swim"), "unknown");
}
END_TEST

/* ---- phases, activities, symptoms ---- */

START_TEST(lists_text) {
  ck_assert_str_eq(text("phases"),
                   "early                    days 0..3        Early days\n"
                   "later                    days 4..         Later\n");
  ck_assert_str_eq(text("activities"),
                   "swim                     go swimming (also: swimming, a swim)\n"
                   "shave_razor              shave with a razor (also: razor)\n"
                   "sauna\n"
                   "shampoo                  wash hair\n"
                   "hot_water                use hot water\n"
                   "exercise                 exercise\n"
                   "alcohol                  drink alcohol\n");
  ck_assert_str_eq(text("symptoms"),
                   "redness                  redness (also: red skin)\n"
                   "burning                  a burning sensation\n");
  ck_assert_str_eq(line("symptoms"),
                   "redness                  redness (also: red skin) | burning                  "
                   "a burning sensation\n");
  /* issue 15: facts (with their type), groups (their activities), rules */
  ck_assert_str_eq(text("facts"),
                   "healed                   boolean healed\n"
                   "spf                      number  sun protection factor\n");
  ck_assert_str_eq(text("groups"), "water                    getting wet = swim, shampoo\n");
  /* names padded to the longest (discourage_sauna_start_end, 26) */
  ck_assert_str_eq(text("rules"),
                   "no_water                   water: forbidden, days 0..10\n"
                   "allow_swim_11_end          swim: allowed, days 11..\n"
                   "razor_healed               shave_razor: conditional, days 4.., only if healed\n"
                   "forbid_shave_razor_0_3     shave_razor: forbidden, days 0..3\n"
                   "discourage_sauna_start_end sauna: discouraged, always\n"
                   "recommend_shampoo_11_end   shampoo: recommended, days 11..\n"
                   "no_hot                     hot_water: forbidden, days 0..\n"
                   "rest                       exercise: forbidden, days 0..5, after the final session only\n"
                   "allow_exercise_6_end       exercise: allowed, days 6..\n"
                   "forbid_alcohol_m3_0        alcohol: forbidden, days -3..0\n"
                   "allow_alcohol_1_end        alcohol: allowed, days 1..\n");
  ck_assert_str_eq(text("constraints"), "");
}
END_TEST

START_TEST(lists_json) {
  json_t *o = json("phases");
  ck_assert_str_eq(keys(o), "query,phases");
  json_t *ps = jarr(o, "phases", 2);
  ck_assert_str_eq(keys(json_array_get(ps, 0)), "name,title,from,to");
  ck_assert_str_eq(jstr(json_array_get(ps, 0), "name"), "early");
  ck_assert_str_eq(jstr(json_array_get(ps, 0), "title"), "Early days");
  ck_assert_int_eq(jint(json_array_get(ps, 0), "from"), 0);
  ck_assert_int_eq(jint(json_array_get(ps, 0), "to"), 3);
  ck_assert_int_eq(jint(json_array_get(ps, 1), "from"), 4);
  ck_assert(jnull(json_array_get(ps, 1), "to"));

  o = json("activities");
  ck_assert_str_eq(keys(o), "query,activities");
  json_t *as = jarr(o, "activities", 7);
  json_t *a0 = json_array_get(as, 0);
  ck_assert_str_eq(keys(a0), "name,label,aliases");
  ck_assert_str_eq(jstr(a0, "name"), "swim");
  ck_assert_str_eq(jstr(a0, "label"), "go swimming");
  json_t *al = jarr(a0, "aliases", 2);
  ck_assert_str_eq(jstr_at(al, 0), "swimming");
  ck_assert_str_eq(jstr_at(al, 1), "a swim");
  json_t *a2 = json_array_get(as, 2);
  ck_assert_str_eq(jstr(a2, "name"), "sauna");
  ck_assert(jnull(a2, "label"));
  jarr(a2, "aliases", 0);
  ck_assert_str_eq(jstr(json_array_get(as, 6), "name"), "alcohol");

  o = json("symptoms");
  ck_assert_str_eq(keys(o), "query,symptoms");
  json_t *ss = jarr(o, "symptoms", 2);
  ck_assert_str_eq(jstr(json_array_get(ss, 0), "name"), "redness");
  ck_assert_str_eq(jstr(json_array_get(ss, 0), "label"), "redness");
  ck_assert_str_eq(jstr_at(jarr(json_array_get(ss, 0), "aliases", 1), 0), "red skin");
  ck_assert_str_eq(jstr(json_array_get(ss, 1), "label"), "a burning sensation");
  jarr(json_array_get(ss, 1), "aliases", 0);
}
END_TEST

/* ---- explain ---- */

START_TEST(explain_text) {
  ck_assert_str_eq(text("explain razor_healed"),
                   "rule 'razor_healed' (t.care:25)\n"
                   "  conditional, days 4..\n"
                   "  only if healed\n"
                   "  because: Only when healed.\n"
                   "  cites: R5, T2\n"
                   "    R5: Shave when healed.\n"
                   "    T2: Wait.\n"
                   "  | rule razor_healed: allow shave_razor after 3 days only if healed\n"
                   "  |   because \"Only when healed.\" cites R5, T2;\n");
  ck_assert_str_eq(text("explain rest"),
                   "rule 'rest' (t.care:31)\n"
                   "  forbidden, days 0..5, after the final session only\n"
                   "  | rule rest: forbid exercise first 5 days after final session;\n");
  /* a derived name, days before day 0 */
  ck_assert_str_eq(text("explain forbid_alcohol_m3_0"),
                   "rule 'forbid_alcohol_m3_0' (t.care:33)\n"
                   "  forbidden, days -3..0\n"
                   "  because: Thins the blood.\n"
                   "  | forbid alcohol days -3..0 because \"Thins the blood.\";\n");
  ck_assert_str_eq(text("explain discourage_sauna_start_end"),
                   "rule 'discourage_sauna_start_end' (t.care:28)\n"
                   "  discouraged, always\n"
                   "  because: Heat slows healing (caf\xC3\xA9).\n"
                   "  | discourage sauna always because \"Heat slows healing (caf\xC3\xA9).\";\n");
  ck_assert_str_eq(text("explain early"),
                   "phase 'early' (t.care:14)\n"
                   "  cites: T1\n"
                   "    T1: Keep it dry.\n"
                   "  | phase early \"Early days\" first 3 days {\n"
                   "  |   do \"Keep dry.\";\n"
                   "  |   dont \"Don't scratch.\";\n"
                   "  |   why \"It is fragile.\";\n"
                   "  |   cites T1;\n"
                   "  | }\n");
  ck_assert_str_eq(text("explain swim"),
                   "activity 'swim' (t.care:2)\n"
                   "  | activity swim \"go swimming\" aliases \"swimming\", \"a swim\";\n");
  ck_assert_str_eq(text("explain Severe_Burn"),
                   "symptom rule 'severe_burn' (t.care:35)\n"
                   "  | triage severe_burn: symptoms severe burning level urgent advice \"See "
                   "a doctor.\";\n");
  ck_assert_str_eq(text("explain water"),
                   "group 'water' (t.care:9)\n"
                   "  | group water \"getting wet\" = swim, shampoo;\n");
}
END_TEST

START_TEST(explain_line) {
  ck_assert_str_eq(line("explain razor_healed"),
                   "rule 'razor_healed' (t.care:25) | conditional, days 4.. | only if healed | "
                   "because: Only when healed. | cites: R5, T2 | R5: Shave when healed. | T2: Wait. | | "
                   "rule razor_healed: allow "
                   "shave_razor after 3 days only if healed | |   because \"Only when healed.\" "
                   "cites R5, T2;\n");
}
END_TEST

START_TEST(explain_json) {
  json_t *o = json("explain razor_healed");
  /* everything the text shows (issue 15): the verdict, days and condition */
  ck_assert_str_eq(keys(o), "query,name,kind,source,replaced,target,group,verdict,from,to,"
                            "final_session_only,condition,if_holds,otherwise,because,cites,text");
  ck_assert_str_eq(jstr(o, "name"), "razor_healed");
  ck_assert_str_eq(jstr(o, "kind"), "rule");
  ck_assert_str_eq(jstr(o, "source"), "t.care:25");
  ck_assert(json_is_false(json_object_get(o, "replaced")));
  ck_assert_str_eq(jstr(o, "target"), "shave_razor");
  ck_assert(json_is_false(json_object_get(o, "group")));
  ck_assert_str_eq(jstr(o, "verdict"), "conditional");
  ck_assert_int_eq(jint(o, "from"), 4);
  ck_assert(jnull(o, "to"));
  ck_assert(json_is_false(json_object_get(o, "final_session_only")));
  ck_assert_str_eq(jstr(o, "condition"), "healed");
  ck_assert_str_eq(jstr(o, "if_holds"), "allowed");
  ck_assert_str_eq(jstr(o, "otherwise"), "forbidden");
  ck_assert_str_eq(jstr(o, "because"), "Only when healed.");
  json_t *cites = jarr(o, "cites", 2);
  ck_assert_str_eq(keys(json_array_get(cites, 0)), "id,document,text");
  ck_assert_str_eq(jstr(json_array_get(cites, 0), "id"), "R5");
  ck_assert_str_eq(jstr(json_array_get(cites, 0), "document"), "guide");
  ck_assert_str_eq(jstr(json_array_get(cites, 0), "text"), "Shave when healed.");
  ck_assert_str_eq(jstr(json_array_get(cites, 1), "id"), "T2");
  ck_assert_str_eq(jstr(o, "text"),
                   "rule razor_healed: allow shave_razor after 3 days only if healed\n"
                   "  because \"Only when healed.\" cites R5, T2;\n");
  o = json("explain early");
  ck_assert_str_eq(jstr(o, "kind"), "phase");
  ck_assert(jnull(o, "because"));
  ck_assert_str_eq(jstr(json_array_get(jarr(o, "cites", 1), 0), "text"), "Keep it dry.");
  o = json("explain red");
  ck_assert_str_eq(jstr(o, "kind"), "symptom rule");
  ck_assert_str_eq(jstr(o, "source"), "t.care:37");
  o = json("explain spf");
  ck_assert_str_eq(jstr(o, "kind"), "fact");
  jarr(o, "cites", 0);
  ck_assert_str_eq(jstr(o, "text"), "fact spf number \"sun protection factor\";\n");
  o = json("explain pillow");
  ck_assert_str_eq(jstr(o, "kind"), "advice");
}
END_TEST

/* An extension replaces a rule of its base: explain says so. */
START_TEST(explain_replaced) {
  const char *dir = ut_tmpdir();
  ut_write(dir, "base.care",
           "protocol base;\n"
           "activity swim;\n"
           "rule no_swim: forbid swim first 10 days because \"Wait.\";\n"
           "allow swim after 10 days;\n");
  const char *ext = ut_write(dir, "ext.care",
                             "protocol ext;\n"
                             "extends \"base.care\";\n"
                             "rule short_wait: forbid swim first 3 days overrides no_swim;\n"
                             "allow swim days 4..10;\n");
  int err = 0;
  ac_protocol *p = ut_compile_file(ext, &err);
  ck_assert_ptr_nonnull(p);
  ut_assert_clean(&ut_diags);
  const char *base = ac_arena_printf(ut_arena, "%s/base.care", dir);
  ck_assert_str_eq(answer_of(p, "explain no_swim", AC_FORMAT_TEXT),
                   ac_arena_printf(ut_arena,
                                   "rule 'no_swim' (%s:3), replaced by an extension\n"
                                   "  forbidden, days 0..10\n"
                                   "  because: Wait.\n"
                                   "  | rule no_swim: forbid swim first 10 days because \"Wait.\";\n",
                                   base));
  ck_assert_str_eq(answer_of(p, "can swim on day 12", AC_FORMAT_TEXT),
                   ac_arena_printf(ut_arena,
                                   "swim on day 12: allowed\n"
                                   "  rule 'allow_swim_11_end' (%s:4)\n",
                                   base));
  ck_assert_str_eq(answer_of(p, "can swim on day 5", AC_FORMAT_TEXT),
                   ac_arena_printf(ut_arena,
                                   "swim on day 5: allowed\n"
                                   "  rule 'allow_swim_4_10' (%s:4)\n",
                                   ext));
  /* a replaced rule is not listed, and not in force */
  json_t *o = json_of(p, "explain no_swim");
  ck_assert_str_eq(jstr(o, "source"), ac_arena_printf(ut_arena, "%s:3", base));
  ck_assert(json_is_true(json_object_get(o, "replaced")));
  ck_assert_str_eq(answer_of(p, "rules", AC_FORMAT_TEXT),
                   "allow_swim_11_end        swim: allowed, days 11..\n"
                   "short_wait               swim: forbidden, days 0..3\n"
                   "allow_swim_4_10          swim: allowed, days 4..10\n");
}
END_TEST

/* ---- help ---- */

static const char *const help_lines[] = {
    "can ACTIVITY on day N [with FACT = VALUE, ...] [after session K | after the final session]",
    "    the verdict for an activity on a day, and the rules behind it",
    "day N                   the phases in force, and every activity's verdict",
    "when ACTIVITY           from which day it is no longer forbidden, and its windows",
    "symptoms S1, S2, ... on day N",
    "    triage: the level, and the advice of every symptom rule that fires",
    "phases | activities | symptoms | facts | rules | groups | constraints",
    "    what the protocol names: labels, aliases, what each rule says",
    "explain NAME            a rule (or any named thing): where, why, as written",
    "help                    this list",
};

START_TEST(help_all_formats) {
  size_t n = sizeof help_lines / sizeof *help_lines;
  const char *want = "";
  for (size_t i = 0; i < n; i++) want = ac_arena_printf(ut_arena, "%s%s\n", want, help_lines[i]);
  ck_assert_str_eq(text("help"), want);
  ck_assert_str_eq(line("help"), joined(want));
  json_t *o = json("HELP");
  ck_assert_str_eq(keys(o), "query,help");
  ck_assert_str_eq(jstr(o, "query"), "HELP");
  json_t *l = jarr(o, "help", n);
  for (size_t i = 0; i < n; i++) ck_assert_str_eq(jstr_at(l, i), help_lines[i]);
}
END_TEST

/* ---- Every kind: one line is the text joined; JSON is one object ---- */

static const char *const every_query[] = {
    "can swim on day 3",
    "can razor on day 5",
    "can razor on day 5 with healed",
    "can exercise on day 2 after session 1",
    "can sauna on day 9 after the final session",
    "when swim",
    "when hot_water",
    "when sauna",
    "symptoms severe burning, redness on day 3",
    "symptoms burning on day 99",
    "day 0",
    "day 4",
    "day -5",
    "phases",
    "activities",
    "symptoms",
    "explain razor_healed",
    "explain early",
    "explain swim",
    "help",
};

START_TEST(line_is_text_joined) {
  for (size_t i = 0; i < sizeof every_query / sizeof *every_query; i++) {
    const char *t = text(every_query[i]);
    const char *l = line(every_query[i]);
    ck_assert_msg(strcmp(l, joined(t)) == 0, "'%s':\n%s\nvs\n%s", every_query[i], l, joined(t));
  }
}
END_TEST

START_TEST(json_one_object_per_answer) {
  for (size_t i = 0; i < sizeof every_query / sizeof *every_query; i++) {
    const char *raw = answer_of(proto, every_query[i], AC_FORMAT_JSON);
    for (const char *c = raw; *c; c++) ck_assert_msg((unsigned char)*c < 0x80, "not ASCII: %s", raw);
    json_t *o = parse_line(raw);
    ck_assert_str_eq(jstr(o, "query"), every_query[i]);
    ck_assert_str_eq(json_object_iter_key(json_object_iter(o)), "query");
    json_decref(kept[--nkept]);
  }
}
END_TEST

/* One-line answers reuse a stream: a short answer after a long one. */
START_TEST(line_after_longer_line) {
  const char *longer = line("day 2");
  ck_assert_str_eq(line("when sauna"), "sauna: no longer forbidden from day 0 | always         "
                                       "discouraged\n");
  ck_assert_str_eq(line("day 2"), longer);
  ck_assert_str_eq(line("phases"), "early                    days 0..3        Early days | later"
                                   "                    days 4..         Later\n");
}
END_TEST

/* ---- Days and places ---- */

START_TEST(days_every_shape) {
  ck_assert_str_eq(ac_output_days(ut_arena, AC_DAY_MIN, AC_DAY_MAX), "always");
  ck_assert_str_eq(ac_output_days(ut_arena, 4, AC_DAY_MAX), "days 4..");
  ck_assert_str_eq(ac_output_days(ut_arena, -3, AC_DAY_MAX), "days -3..");
  ck_assert_str_eq(ac_output_days(ut_arena, AC_DAY_MIN, -1), "days ..-1");
  ck_assert_str_eq(ac_output_days(ut_arena, AC_DAY_MIN, 10), "days ..10");
  ck_assert_str_eq(ac_output_days(ut_arena, 4, 4), "day 4");
  ck_assert_str_eq(ac_output_days(ut_arena, 0, 0), "day 0");
  ck_assert_str_eq(ac_output_days(ut_arena, -2, -2), "day -2");
  ck_assert_str_eq(ac_output_days(ut_arena, 0, 3), "days 0..3");
  ck_assert_str_eq(ac_output_days(ut_arena, -3, -1), "days -3..-1");
  ck_assert_str_eq(ac_output_days(ut_arena, -3, 5), "days -3..5");
  ck_assert_str_eq(ac_output_days(ut_arena, AC_DAY_MIN + 1, AC_DAY_MAX - 1),
                   "days -2147483647..2147483646");
}
END_TEST

START_TEST(where_entities) {
  ck_assert_str_eq(ac_output_where(ut_arena, ut_entity(proto, "swim")), "t.care:2");
  ck_assert_str_eq(ac_output_where(ut_arena, ut_entity(proto, "razor_healed")), "t.care:25");
  ck_assert_str_eq(ac_output_where(ut_arena, ut_entity(proto, "early")), "t.care:14");
  ck_assert_str_eq(ac_output_where(ut_arena, ut_entity(proto, "red")), "t.care:37");
}
END_TEST

/* ---- Query errors ---- */

static const ac_loc nowhere = {0, 0, 0, 0};

/* Renders ac_output_query_error: *out_text and *err_text. */
static void query_error(const ac_diags *d, const char *qt, ac_format fmt, bool color,
                        const char **out_text, const char **err_text) {
  memout out, err;
  mem_open(&out);
  mem_open(&err);
  ac_output_query_error(d, qt, fmt, out.f, err.f, color);
  *out_text = mem_close(&out);
  *err_text = mem_close(&err);
}

START_TEST(query_error_text) {
  ac_request r;
  ck_assert(!ut_request(proto, "can swimm on day 3", &r));
  const char *out, *err;
  query_error(&ut_diags, "can swimm on day 3", AC_FORMAT_TEXT, false, &out, &err);
  ck_assert_str_eq(out, "");
  ck_assert_str_eq(err, "query:1:5: error: unknown activity 'swimm' (did you mean 'swim'?) "
                        "[AC0101]\n"
                        "    1 | can swimm on day 3\n"
                        "      |     ^~~~~\n");
  /* one-line answers: errors are the same text */
  query_error(&ut_diags, "can swimm on day 3", AC_FORMAT_LINE, false, &out, &err);
  ck_assert_str_eq(out, "");
  ck_assert(strncmp(err, "query:1:5: error: unknown activity 'swimm'", 42) == 0);
  query_error(&ut_diags, "can swimm on day 3", AC_FORMAT_TEXT, true, &out, &err);
  ck_assert_str_eq(out, "");
  ck_assert_str_eq(err, "\033[1mquery:1:5: \033[0m\033[1;31merror:\033[0m unknown activity "
                        "'swimm' (did you mean 'swim'?) [AC0101]\n"
                        "    1 | can swimm on day 3\n"
                        "      |     \033[1;32m^~~~~\033[0m\n");
}
END_TEST

START_TEST(query_error_json) {
  ac_source *src = ut_source("<stdin>", "can swimm on day 3 with heald");
  src->line_offset = 6;
  ac_query *q = ac_parse_query(ut_arena, src, &ut_diags);
  ck_assert_ptr_nonnull(q);
  ac_request r;
  ck_assert(!ac_query_resolve(proto, ut_arena, q, src, &ut_diags, &r));
  const char *out, *err;
  query_error(&ut_diags, "can swimm on day 3 with heald", AC_FORMAT_JSON, false, &out, &err);
  ck_assert_str_eq(err, "");
  ck_assert_str_eq(out, "{\"query\":\"can swimm on day 3 with heald\",\"error\":\"unknown "
                        "activity 'swimm' (did you mean 'swim'?)\",\"diagnostics\":[{\"file\":"
                        "\"<stdin>\",\"line\":7,\"column\":5,\"end_line\":7,\"end_column\":10,"
                        "\"severity\":\"error\",\"code\":\"AC0101\",\"message\":\"unknown "
                        "activity 'swimm' (did you mean 'swim'?)\"}]}\n");
  json_t *o = parse_line(out);
  ck_assert_str_eq(keys(o), "query,error,diagnostics");
  json_t *ds = jarr(o, "diagnostics", 1);
  json_t *d0 = json_array_get(ds, 0);
  ck_assert_str_eq(keys(d0), "file,line,column,end_line,end_column,severity,code,message");
  ck_assert_int_eq(jint(d0, "line"), 7);
  ck_assert_int_eq(jint(d0, "end_line"), 7);
}
END_TEST

START_TEST(query_error_facts_in_order) {
  ac_request r;
  ck_assert(!ut_request(proto, "can razor on day 5 with heald, spf, healed = 2", &r));
  const char *out, *err;
  query_error(&ut_diags, "can razor on day 5 with heald, spf, healed = 2", AC_FORMAT_TEXT, false,
              &out, &err);
  ck_assert_str_eq(out, "");
  ck_assert_str_eq(err, "query:1:25: error: unknown fact 'heald' (did you mean 'healed'?) "
                        "[AC0101]\n"
                        "    1 | can razor on day 5 with heald, spf, healed = 2\n"
                        "      |                         ^~~~~\n"
                        "query:1:32: error: 'spf' is a number: say 'spf = N' [AC0107]\n"
                        "    1 | can razor on day 5 with heald, spf, healed = 2\n"
                        "      |                                ^~~\n"
                        "query:1:37: error: 'healed' is yes or no: say 'healed = true' or "
                        "'healed = false' [AC0107]\n"
                        "    1 | can razor on day 5 with heald, spf, healed = 2\n"
                        "      |                                     ^~~~~~~~~~\n");
  query_error(&ut_diags, "can razor on day 5 with heald, spf, healed = 2", AC_FORMAT_JSON, false,
              &out, &err);
  json_t *o = parse_line(out);
  /* the error is the first problem of the query */
  ck_assert_str_eq(jstr(o, "error"), "unknown fact 'heald' (did you mean 'healed'?)");
  json_t *ds = jarr(o, "diagnostics", 3);
  ck_assert_int_eq(jint(json_array_get(ds, 0), "column"), 25);
  ck_assert_int_eq(jint(json_array_get(ds, 1), "column"), 32);
  ck_assert_int_eq(jint(json_array_get(ds, 2), "column"), 37);
}
END_TEST

START_TEST(query_error_json_several) {
  ac_request r;
  ck_assert(!ut_request(proto, "symptoms rednes, burnin on day 5", &r));
  ck_assert_int_eq(ut_diags.errors, 2);
  const char *out, *err;
  query_error(&ut_diags, "symptoms rednes, burnin on day 5", AC_FORMAT_JSON, false, &out, &err);
  ck_assert_str_eq(err, "");
  json_t *o = parse_line(out);
  ck_assert_str_eq(jstr(o, "error"), "unknown symptom 'rednes' (did you mean 'redness'?)");
  json_t *ds = jarr(o, "diagnostics", 2);
  ck_assert_str_eq(jstr(json_array_get(ds, 0), "file"), "query");
  ck_assert_int_eq(jint(json_array_get(ds, 0), "column"), 10);
  ck_assert_int_eq(jint(json_array_get(ds, 1), "column"), 18);
  ck_assert_str_eq(jstr(json_array_get(ds, 1), "code"), "AC0101");
}
END_TEST

START_TEST(query_error_json_invalid_utf8) {
  /* text that is not UTF-8 in the query, the file name and a message */
  ac_source *src = ut_source("in\xFF.txt", "x");
  ac_diags d;
  ac_diags_init(&d, ut_arena);
  ac_loc at = {1, 2, 1, 3};
  ac_diag_add(&d, AC_SEV_ERROR, AC_E_UNKNOWN, src, at, "unknown activity 'caf\xE9'");
  const char *out, *err;
  query_error(&d, "can caf\xE9 on day \xC3", AC_FORMAT_JSON, false, &out, &err);
  ck_assert_str_eq(err, "");
  ck_assert_str_eq(out, "{\"query\":\"can caf\\uFFFD on day \\uFFFD\",\"error\":\"unknown "
                        "activity 'caf\\uFFFD'\",\"diagnostics\":[{\"file\":\"in\\uFFFD.txt\","
                        "\"line\":1,\"column\":2,\"end_line\":1,\"end_column\":3,\"severity\":"
                        "\"error\",\"code\":\"AC0101\",\"message\":\"unknown activity "
                        "'caf\\uFFFD'\"}]}\n");
  json_t *o = parse_line(out);
  ck_assert_str_eq(jstr(o, "query"), "can caf\xEF\xBF\xBD on day \xEF\xBF\xBD");
  json_t *d0 = json_array_get(jarr(o, "diagnostics", 1), 0);
  ck_assert_str_eq(jstr(d0, "file"), "in\xEF\xBF\xBD.txt");
  ck_assert_str_eq(jstr(d0, "message"), "unknown activity 'caf\xEF\xBF\xBD'");
  /* valid UTF-8 is kept (escaped) */
  ac_diags_init(&d, ut_arena);
  ac_diag_add(&d, AC_SEV_ERROR, AC_E_QUERY, NULL, nowhere, "no");
  query_error(&d, "caf\xC3\xA9 \xE2\x82\xAC", AC_FORMAT_JSON, false, &out, &err);
  ck_assert(strstr(out, "\"query\":\"caf\\u00E9 \\u20AC\"") != NULL);
  o = parse_line(out);
  ck_assert_str_eq(jstr(o, "query"), "caf\xC3\xA9 \xE2\x82\xAC");
}
END_TEST

START_TEST(query_error_no_place) {
  ac_diags d;
  ac_diags_init(&d, ut_arena);
  ac_diag_add(&d, AC_SEV_ERROR, AC_E_QUERY, NULL, nowhere,
              "the protocol has errors: run 'aftercare check' on it first");
  const char *out, *err;
  query_error(&d, "day 1", AC_FORMAT_TEXT, false, &out, &err);
  ck_assert_str_eq(out, "");
  ck_assert_str_eq(err, "aftercare: error: the protocol has errors: run 'aftercare check' on "
                        "it first [AC0601]\n");
  query_error(&d, "day 1", AC_FORMAT_JSON, false, &out, &err);
  ck_assert_str_eq(err, "");
  json_t *o = parse_line(out);
  json_t *d0 = json_array_get(jarr(o, "diagnostics", 1), 0);
  ck_assert(jnull(d0, "file"));
  ck_assert_str_eq(jstr(d0, "severity"), "error");
  ck_assert_str_eq(jstr(d0, "code"), "AC0601");
  /* no diagnostic at all */
  ac_diags_init(&d, ut_arena);
  query_error(&d, "day 1", AC_FORMAT_JSON, false, &out, &err);
  ck_assert_str_eq(out, "{\"query\":\"day 1\",\"error\":\"invalid query\",\"diagnostics\":[]}\n");
  ck_assert_str_eq(err, "");
}
END_TEST

/* ---- check --format json ---- */

static const char *diags_json(const ac_diags *d) {
  memout m;
  mem_open(&m);
  ac_output_diags_json(d, m.f);
  return mem_close(&m);
}

static json_t *parse_doc(const char *s) {
  json_error_t e;
  json_t *j = json_loads(s, 0, &e);
  ck_assert_msg(j != NULL, "invalid JSON (%s): %s", e.text, s);
  ck_assert_int_lt(nkept, (int)(sizeof kept / sizeof *kept));
  kept[nkept++] = j;
  return j;
}

START_TEST(diags_json_clean) {
  ac_diags d;
  ac_diags_init(&d, ut_arena);
  ck_assert_str_eq(diags_json(&d), "{\n"
                                   "  \"diagnostics\": [],\n"
                                   "  \"errors\": 0,\n"
                                   "  \"warnings\": 0\n"
                                   "}\n");
}
END_TEST

START_TEST(diags_json_notes) {
  ac_source *src = ut_source("x.care", "protocol x;\nactivity swim;\nactivity swim;\n");
  ac_diags d;
  ac_diags_init(&d, ut_arena);
  ac_loc second = {3, 10, 3, 14}, first = {2, 10, 2, 14};
  ac_diag *g = ac_diag_add(&d, AC_SEV_ERROR, AC_E_DUPLICATE, src, second,
                           "'swim' is declared twice");
  ac_diag_note(&d, g, src, first, "the first 'swim' is here");
  ac_diag_add(&d, AC_SEV_WARNING, AC_W_GAP, src, first, "a gap \"quoted\"");
  ck_assert_str_eq(diags_json(&d),
                   "{\n"
                   "  \"diagnostics\": [\n"
                   "    {\n"
                   "      \"file\": \"x.care\",\n"
                   "      \"line\": 3,\n"
                   "      \"column\": 10,\n"
                   "      \"end_line\": 3,\n"
                   "      \"end_column\": 14,\n"
                   "      \"severity\": \"error\",\n"
                   "      \"code\": \"AC0102\",\n"
                   "      \"message\": \"'swim' is declared twice\",\n"
                   "      \"notes\": [\n"
                   "        {\n"
                   "          \"file\": \"x.care\",\n"
                   "          \"line\": 2,\n"
                   "          \"column\": 10,\n"
                   "          \"end_line\": 2,\n"
                   "          \"end_column\": 14,\n"
                   "          \"severity\": \"note\",\n"
                   "          \"code\": \"AC0102\",\n"
                   "          \"message\": \"the first 'swim' is here\"\n"
                   "        }\n"
                   "      ]\n"
                   "    },\n"
                   "    {\n"
                   "      \"file\": \"x.care\",\n"
                   "      \"line\": 2,\n"
                   "      \"column\": 10,\n"
                   "      \"end_line\": 2,\n"
                   "      \"end_column\": 14,\n"
                   "      \"severity\": \"warning\",\n"
                   "      \"code\": \"AC0402\",\n"
                   "      \"message\": \"a gap \\\"quoted\\\"\"\n"
                   "    }\n"
                   "  ],\n"
                   "  \"errors\": 1,\n"
                   "  \"warnings\": 1\n"
                   "}\n");
}
END_TEST

START_TEST(diags_json_counts) {
  ac_source *src = ut_source("x.care", "a\nb\nc\n");
  ac_diags d;
  ac_diags_init(&d, ut_arena);
  ac_loc l1 = {1, 1, 1, 2}, l2 = {2, 1, 2, 2};
  ac_diag_add(&d, AC_SEV_ERROR, AC_E_SYNTAX, src, l1, "one");
  ac_diag_add(&d, AC_SEV_ERROR, AC_E_SYNTAX, src, l2, "two");
  ac_diag_add(&d, AC_SEV_WARNING, AC_W_NO_EFFECT, src, l2, "three");
  ac_diag_add(&d, AC_SEV_ERROR, AC_E_QUERY, NULL, nowhere, "four");
  json_t *o = parse_doc(diags_json(&d));
  ck_assert_str_eq(keys(o), "diagnostics,errors,warnings");
  ck_assert_int_eq(jint(o, "errors"), 3);
  ck_assert_int_eq(jint(o, "warnings"), 1);
  json_t *ds = jarr(o, "diagnostics", 4);
  ck_assert_str_eq(jstr(json_array_get(ds, 0), "code"), "AC0001");
  ck_assert_str_eq(jstr(json_array_get(ds, 2), "severity"), "warning");
  ck_assert_str_eq(jstr(json_array_get(ds, 2), "code"), "AC0401");
  ck_assert_ptr_null(json_object_get(json_array_get(ds, 0), "notes"));
  json_t *d3 = json_array_get(ds, 3);
  ck_assert(jnull(d3, "file"));
  ck_assert_str_eq(jstr(d3, "message"), "four");
}
END_TEST

START_TEST(diags_json_dropped) {
  ac_source *src = ut_source("x.care", "a\nb\nc\nd\n");
  ac_diags d;
  ac_diags_init(&d, ut_arena);
  d.limit = 2;
  for (int i = 1; i <= 4; i++) {
    ac_loc l = {i, 1, i, 2};
    ac_diag_add(&d, AC_SEV_ERROR, AC_E_SYNTAX, src, l, "error %d", i);
  }
  ac_loc l = {4, 1, 4, 2};
  ac_diag_add(&d, AC_SEV_WARNING, AC_W_GAP, src, l, "dropped warning");
  ck_assert_int_eq(d.dropped, 3);
  const char *doc = diags_json(&d);
  json_t *o = parse_doc(doc);
  /* the totals count what was dropped too */
  ck_assert_int_eq(jint(o, "errors"), 4);
  ck_assert_int_eq(jint(o, "warnings"), 1);
  json_t *ds = jarr(o, "diagnostics", 3);
  ck_assert_str_eq(jstr(json_array_get(ds, 0), "message"), "error 1");
  ck_assert_str_eq(jstr(json_array_get(ds, 1), "message"), "error 2");
  json_t *n = json_array_get(ds, 2);
  ck_assert_str_eq(keys(n), "file,line,column,end_line,end_column,severity,code,message");
  ck_assert(jnull(n, "file"));
  ck_assert(jnull(n, "line"));
  ck_assert(jnull(n, "column"));
  ck_assert(jnull(n, "end_line"));
  ck_assert(jnull(n, "end_column"));
  ck_assert_str_eq(jstr(n, "severity"), "note");
  ck_assert_str_eq(jstr(n, "code"), "AC0901");
  ck_assert_str_eq(jstr(n, "message"), "3 more diagnostics not shown (limit 2)");
  ck_assert(strstr(doc, "    {\n"
                        "      \"file\": null,\n"
                        "      \"line\": null,\n"
                        "      \"column\": null,\n"
                        "      \"end_line\": null,\n"
                        "      \"end_column\": null,\n"
                        "      \"severity\": \"note\",\n"
                        "      \"code\": \"AC0901\",\n"
                        "      \"message\": \"3 more diagnostics not shown (limit 2)\"\n"
                        "    }\n"
                        "  ],\n") != NULL);

  /* one dropped: singular, as in the text */
  ac_diags_init(&d, ut_arena);
  d.limit = 1;
  ac_diag_add(&d, AC_SEV_ERROR, AC_E_SYNTAX, src, l, "kept");
  ac_diag_add(&d, AC_SEV_ERROR, AC_E_SYNTAX, src, l, "dropped");
  o = parse_doc(diags_json(&d));
  ds = jarr(o, "diagnostics", 2);
  ck_assert_str_eq(jstr(json_array_get(ds, 1), "message"), "1 more diagnostic not shown (limit 1)");
  ck_assert_int_eq(jint(o, "errors"), 2);
  ck_assert_str_eq(ut_render(&d),
                   "x.care:4:1: error: kept [AC0001]\n"
                   "    4 | d\n"
                   "      | ^\n"
                   "aftercare: note: 1 more diagnostic not shown (limit 1) [AC0901]\n");
}
END_TEST

START_TEST(diags_json_invalid_utf8) {
  ac_source *src = ut_source("bad\xC0.care", "x\n");
  ac_diags d;
  ac_diags_init(&d, ut_arena);
  ac_loc l = {1, 1, 1, 2};
  ac_diag *g = ac_diag_add(&d, AC_SEV_ERROR, AC_E_ENCODING, src, l, "byte \xFE here");
  ac_diag_note(&d, g, src, l, "note \xFF");
  json_t *o = parse_doc(diags_json(&d));
  json_t *d0 = json_array_get(jarr(o, "diagnostics", 1), 0);
  ck_assert_str_eq(jstr(d0, "file"), "bad\xEF\xBF\xBD.care");
  ck_assert_str_eq(jstr(d0, "message"), "byte \xEF\xBF\xBD here");
  json_t *n0 = json_array_get(jarr(d0, "notes", 1), 0);
  ck_assert_str_eq(jstr(n0, "message"), "note \xEF\xBF\xBD");
  ck_assert_str_eq(jstr(n0, "severity"), "note");
  ck_assert_str_eq(jstr(n0, "code"), "AC0006");
}
END_TEST

static Suite *output_suite(void) {
  Suite *s = suite_create("output");
  TCase *tc = tcase_create("can");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, can_text);
  tcase_add_test(tc, can_text_conditional);
  tcase_add_test(tc, can_text_sessions);
  tcase_add_test(tc, can_text_several_conditions);
  tcase_add_test(tc, can_line);
  tcase_add_test(tc, can_json);
  tcase_add_test(tc, can_json_conditions);
  tcase_add_test(tc, can_json_sessions);
  tcase_add_test(tc, json_is_ascii);
  suite_add_tcase(s, tc);

  tc = tcase_create("when_symptoms_day");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, when_text);
  tcase_add_test(tc, when_line);
  tcase_add_test(tc, when_json);
  tcase_add_test(tc, symptoms_text);
  tcase_add_test(tc, symptoms_json);
  tcase_add_test(tc, day_text);
  tcase_add_test(tc, day_line);
  tcase_add_test(tc, day_json);
  suite_add_tcase(s, tc);

  tc = tcase_create("lists_explain_help");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, lists_text);
  tcase_add_test(tc, lists_json);
  tcase_add_test(tc, explain_text);
  tcase_add_test(tc, explain_line);
  tcase_add_test(tc, explain_json);
  tcase_add_test(tc, explain_replaced);
  tcase_add_test(tc, help_all_formats);
  suite_add_tcase(s, tc);

  tc = tcase_create("formats");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, line_is_text_joined);
  tcase_add_test(tc, json_one_object_per_answer);
  tcase_add_test(tc, line_after_longer_line);
  tcase_add_test(tc, days_every_shape);
  tcase_add_test(tc, where_entities);
  suite_add_tcase(s, tc);

  tc = tcase_create("errors");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, query_error_text);
  tcase_add_test(tc, query_error_json);
  tcase_add_test(tc, query_error_facts_in_order);
  tcase_add_test(tc, query_error_json_several);
  tcase_add_test(tc, query_error_json_invalid_utf8);
  tcase_add_test(tc, query_error_no_place);
  tcase_add_test(tc, diags_json_clean);
  tcase_add_test(tc, diags_json_notes);
  tcase_add_test(tc, diags_json_counts);
  tcase_add_test(tc, diags_json_dropped);
  tcase_add_test(tc, diags_json_invalid_utf8);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(output_suite()); }
