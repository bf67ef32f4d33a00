/*
 * check.c -- `aftercare check [FILE]...`: every problem of protocol files,
 * as text (standard error), JSON or one SARIF log (standard output); and
 * `check --explain CODE|all`, from the explanations compiled into the
 * program (docs/diagnostics.md).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"

/* Whether a protocol fails the check: errors, or warnings with --werror. */
static bool fails(const ac_cli *c, const aftercare *p) {
  return aftercare_errors(p) > 0 || (c->werror && aftercare_warnings(p) > 0);
}

static int sarif(ac_cli *c, int argc, char **argv) {
  int status = AFTERCARE_EXIT_OK;
  size_t cap = argc > 0 ? (size_t)argc : 1;
  aftercare **ps = calloc(cap, sizeof *ps);
  const aftercare **read = calloc(cap, sizeof *read);
  if (!ps || !read) abort();
  int n = 0;
  for (int i = 0; i < argc; i++) {
    aftercare *p = ac_cli_open(c, argv[i], &status);
    if (!p) continue;
    if (fails(c, p)) status = ac_cli_worse(status, AFTERCARE_EXIT_INPUT);
    read[n] = p;
    ps[n++] = p;
  }
  aftercare_print_sarif(read, n, stdout);
  for (int i = 0; i < n; i++) aftercare_close(ps[i]);
  free(read);
  free(ps);
  return status;
}

static void print_code(const char *code, const char *title, void *ctx) {
  (void)ctx;
  printf("%s  %s\n", code, title);
}

static int explain(ac_cli *c, int argc) {
  if (argc > 0) return ac_cli_usage_error(c, "%s", _("--explain takes no file"));
  if (strcmp(c->explain, "all") == 0) {
    aftercare_diagnostic_codes(print_code, NULL);
    return AFTERCARE_EXIT_OK;
  }
  const char *text = aftercare_explain(c->explain);
  if (!text) {
    ac_cli_error(_("unknown diagnostic code '%s' (codes look like AC0107; "
                   "'%s check --explain all' lists them)"),
                 c->explain, AC_CLI_PROGRAM);
    return AFTERCARE_EXIT_USAGE;
  }
  fputs(text, stdout);
  return AFTERCARE_EXIT_OK;
}

int ac_cli_check(ac_cli *c, int argc, char **argv) {
  if (c->explain) return explain(c, argc);
  if (ac_cli_files(c, &argc, &argv) != 0) return AFTERCARE_EXIT_USAGE;
  if (c->format == AC_CLI_SARIF) return sarif(c, argc, argv);
  int status = AFTERCARE_EXIT_OK;
  bool color = ac_cli_color(c, stderr);
  for (int i = 0; i < argc; i++) {
    aftercare *p = ac_cli_open(c, argv[i], &status);
    if (!p) continue;
    if (c->format == AC_CLI_JSON)
      aftercare_print_diagnostics(p, stdout, AFTERCARE_JSON, 0);
    else
      aftercare_print_diagnostics(p, stderr, AFTERCARE_TEXT, color);
    if (fails(c, p)) status = ac_cli_worse(status, AFTERCARE_EXIT_INPUT);
    if (c->format == AC_CLI_TEXT && argc > 1 && !c->quiet && aftercare_errors(p) == 0 &&
        aftercare_warnings(p) == 0)
      fprintf(stderr, _("%s: ok\n"), ac_cli_name(argv[i]));
    aftercare_close(p);
  }
  return status;
}
