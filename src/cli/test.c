/*
 * test.c -- `aftercare test [FILE]...`: runs the expectations written in
 * protocol files.  Text (failures, with -v every expectation, --coverage);
 * JSON (one document); TAP (version 13, for prove and CI); JUnit XML.
 * --run PATTERN selects expectations by file or rule (fnmatch wildcards).
 */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"

/* The outcome of the expectations of one file (or why it has none). */
typedef struct suite {
  const char *file;
  json_t *cases;  /* an array of objects (aftercare_expectation) */
  int passed, failed;
  const char *error; /* the file cannot be read, or the protocol has errors */
} suite;

static void add_case(const aftercare_expectation *e, void *ctx) {
  suite *s = ctx;
  json_t *rules = json_array();
  for (int i = 0; i < e->nrules; i++) json_array_append_new(rules, json_string(e->rules[i]));
  json_t *o = json_pack("{s:s, s:i, s:i, s:s, s:b, s:s, s:s}", "file", e->file, "line", e->line,
                        "column", e->column, "query", e->query, "passed", e->passed,
                        "expected", e->expected, "answer", e->answer);
  json_object_set_new(o, "code", e->code ? json_string(e->code) : json_null());
  json_object_set_new(o, "rules", rules);
  json_array_append_new(s->cases, o);
  if (e->passed) s->passed++;
  else s->failed++;
}

static const char *str(const json_t *o, const char *key) {
  const char *v = json_string_value(json_object_get(o, key));
  return v ? v : "";
}

/* " QUERY: expected X, the protocol answers Y" of a failed case. */
static void print_failure(FILE *out, const json_t *o) {
  fprintf(out, _(" %s: expected %s, the protocol answers %s"), str(o, "query"),
          str(o, "expected"), str(o, "answer"));
}

/* A TAP description: '#' would start a directive. */
static void tap_text(const char *s) {
  for (; *s; s++) {
    if (*s == '#' || *s == '\\') putchar('\\');
    putchar(*s == '\n' ? ' ' : *s);
  }
}

/* A YAML double-quoted string. */
static void yaml_text(const char *s) {
  putchar('"');
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') putchar('\\');
    if (*s == '\n') fputs("\\n", stdout);
    else putchar(*s);
  }
  putchar('"');
}

static void print_tap(const suite *suites, int n) {
  puts("TAP version 13");
  int k = 0;
  for (int i = 0; i < n; i++) {
    const suite *s = &suites[i];
    if (s->error) {
      printf("not ok %d - ", ++k);
      tap_text(s->file);
      fputs(": ", stdout);
      tap_text(s->error);
      putchar('\n');
      continue;
    }
    size_t j;
    json_t *o;
    json_array_foreach(s->cases, j, o) {
      bool ok = json_is_true(json_object_get(o, "passed"));
      printf("%s %d - ", ok ? "ok" : "not ok", ++k);
      char where[64];
      snprintf(where, sizeof where, ":%d:%d: ", (int)json_integer_value(json_object_get(o, "line")),
               (int)json_integer_value(json_object_get(o, "column")));
      tap_text(str(o, "file"));
      fputs(where, stdout);
      tap_text(str(o, "query"));
      printf(" %s %s\n", ok ? "->" : "!=", str(o, ok ? "answer" : "expected"));
      if (!ok) { /* TAP 13's YAML block: quoted strings */
        fputs("  ---\n  code: ", stdout);
        yaml_text(str(o, "code"));
        fputs("\n  expected: ", stdout);
        yaml_text(str(o, "expected"));
        fputs("\n  answer: ", stdout);
        yaml_text(str(o, "answer"));
        fputs("\n  ...\n", stdout);
      }
    }
  }
  printf("1..%d\n", k);
}

static void xml_text(const char *s) {
  for (; *s; s++) {
    switch (*s) {
    case '&': fputs("&amp;", stdout); break;
    case '<': fputs("&lt;", stdout); break;
    case '>': fputs("&gt;", stdout); break;
    case '"': fputs("&quot;", stdout); break;
    case '\n': fputs("&#10;", stdout); break;
    default: putchar(*s);
    }
  }
}

static void print_junit(const suite *suites, int n) {
  int tests = 0, failures = 0, errors = 0;
  for (int i = 0; i < n; i++) {
    tests += suites[i].error ? 1 : suites[i].passed + suites[i].failed;
    failures += suites[i].failed;
    errors += suites[i].error != NULL;
  }
  puts("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  printf("<testsuites name=\"aftercare test\" tests=\"%d\" failures=\"%d\" errors=\"%d\">\n", tests,
         failures, errors);
  for (int i = 0; i < n; i++) {
    const suite *s = &suites[i];
    fputs("  <testsuite name=\"", stdout);
    xml_text(s->file);
    printf("\" tests=\"%d\" failures=\"%d\" errors=\"%d\">\n",
           s->error ? 1 : s->passed + s->failed, s->failed, s->error != NULL);
    if (s->error) {
      fputs("    <testcase classname=\"", stdout);
      xml_text(s->file);
      fputs("\" name=\"", stdout);
      xml_text(s->file);
      fputs("\">\n      <error message=\"", stdout);
      xml_text(s->error);
      fputs("\"/>\n    </testcase>\n", stdout);
    }
    size_t j;
    json_t *o;
    json_array_foreach(s->cases, j, o) {
      fputs("    <testcase classname=\"", stdout);
      xml_text(s->file);
      printf("\" name=\"%d:%d: ", (int)json_integer_value(json_object_get(o, "line")),
             (int)json_integer_value(json_object_get(o, "column")));
      xml_text(str(o, "query"));
      if (json_is_true(json_object_get(o, "passed"))) {
        fputs("\"/>\n", stdout);
        continue;
      }
      fputs("\">\n      <failure type=\"", stdout);
      xml_text(str(o, "code"));
      fputs("\" message=\"", stdout);
      char *msg = NULL;
      size_t len = 0;
      FILE *m = open_memstream(&msg, &len);
      if (m) {
        print_failure(m, o);
        fclose(m);
        xml_text(msg[0] == ' ' ? msg + 1 : msg);
        free(msg);
      }
      fputs("\"/>\n    </testcase>\n", stdout);
    }
    fputs("  </testsuite>\n", stdout);
  }
  puts("</testsuites>");
}

static void print_json(const suite *suites, int n) {
  json_t *files = json_array();
  int passed = 0, failed = 0;
  for (int i = 0; i < n; i++) {
    const suite *s = &suites[i];
    json_array_append_new(files, json_pack("{s:s, s:s?, s:i, s:i, s:O}", "file", s->file,
                                           "error", s->error, "passed", s->passed, "failed",
                                           s->failed, "expectations", s->cases));
    passed += s->passed;
    failed += s->failed;
  }
  json_t *doc = json_pack("{s:o, s:i, s:i}", "files", files, "passed", passed, "failed", failed);
  json_dumpf(doc, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  putchar('\n');
  json_decref(doc);
}

int ac_cli_test(ac_cli *c, int argc, char **argv) {
  if (ac_cli_files(c, &argc, &argv) != 0) return AFTERCARE_EXIT_USAGE;
  if (c->coverage && c->format != AC_CLI_TEXT)
    return ac_cli_usage_error(c, "%s", _("--coverage is listed in text only"));
  int status = AFTERCARE_EXIT_OK;
  suite *suites = calloc((size_t)argc, sizeof *suites);
  if (!suites) abort();
  for (int i = 0; i < argc; i++) {
    suite *s = &suites[i];
    s->file = ac_cli_name(argv[i]);
    s->cases = json_array();
    int open_status = AFTERCARE_EXIT_OK;
    aftercare *p = ac_cli_open(c, argv[i], &open_status);
    if (!p) {
      s->error = _("cannot read it");
      status = ac_cli_worse(status, open_status);
      continue;
    }
    if (ac_cli_refuse(c, p)) {
      status = ac_cli_worse(status, AFTERCARE_EXIT_INPUT);
      if (aftercare_errors(p) > 0) {
        s->error = _("the protocol has errors: run 'aftercare check' on it first");
        aftercare_close(p);
        continue;
      }
    }
    int failed;
    if (c->format == AC_CLI_TEXT)
      failed = aftercare_test_run(p, stdout, ac_cli_color(c, stdout),
                                  c->coverage, c->verbose, c->run);
    else
      failed = aftercare_expectations(p, c->run, add_case, s);
    if (failed > 0) status = ac_cli_worse(status, AFTERCARE_EXIT_INPUT);
    aftercare_close(p);
  }
  switch (c->format) {
  case AC_CLI_TAP: print_tap(suites, argc); break;
  case AC_CLI_JUNIT: print_junit(suites, argc); break;
  case AC_CLI_JSON: print_json(suites, argc); break;
  default: break;
  }
  for (int i = 0; i < argc; i++) json_decref(suites[i].cases);
  free(suites);
  return status;
}
