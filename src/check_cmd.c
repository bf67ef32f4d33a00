/*
 * check_cmd.c -- the parts of `aftercare check` around the language tools:
 * --format sarif (one SARIF log for every file) and --explain CODE.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aftercare.h"
#include "fmt_cmd.h"
#include "i18n.h"

int ac_check_cmd_sarif(const char *program, int argc, char **argv) {
  int status = AFTERCARE_EXIT_OK;
  size_t cap = argc > 0 ? (size_t)argc : 1;
  aftercare **ps = calloc(cap, sizeof *ps);
  const aftercare **read = calloc(cap, sizeof *read);
  if (!ps || !read) abort();
  int n = 0;
  for (int i = 0; i < argc; i++) {
    aftercare *p = ac_main_open(program, argv[i], &status);
    if (!p) continue;
    if (aftercare_errors(p) > 0 && status == AFTERCARE_EXIT_OK) status = AFTERCARE_EXIT_INPUT;
    read[n] = p;
    ps[n++] = p;
  }
  aftercare_print_sarif(read, n, stdout);
  for (int i = 0; i < n; i++) aftercare_close(ps[i]);
  free(read);
  free(ps);
  return status;
}

int ac_check_cmd_explain(const char *program, const char *code) {
  const char *text = aftercare_explain(code);
  if (!text) {
    fprintf(stderr, _("%s: unknown diagnostic code '%s' (codes look like AC0107; "
                      "see docs/diagnostics.md)\n"),
            program, code);
    return AFTERCARE_EXIT_USAGE;
  }
  fputs(text, stdout);
  return AFTERCARE_EXIT_OK;
}
