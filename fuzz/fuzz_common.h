/*
 * fuzz_common.h -- what the libFuzzer harnesses share (see fuzz/README.md).
 *
 * Everything goes through the public interface (aftercare.h), as clinic
 * software would use it.  Output goes to /dev/null: the harnesses look for
 * crashes, sanitizer reports, leaks and hangs, not for particular answers
 * (but fuzz_query compares the batch's answers with the one-by-one ones).
 */
#ifndef AC_FUZZ_COMMON_H
#define AC_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aftercare.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Where answers and diagnostics go; opened once, never closed (the
 * process ends with the fuzzer). */
static inline FILE *fuzz_null(void) {
  static FILE *null;
  if (!null) {
    null = fopen("/dev/null", "w");
    if (!null) abort();
  }
  return null;
}

/* Asks every name of a kind a question or two (in turn: "when", "can",
 * "explain"; each in another format). */
typedef struct fuzz_ctx {
  aftercare *p;
  const char *kind;
  int n;
} fuzz_ctx;

static inline void fuzz_ask_name(const char *name, void *vctx) {
  fuzz_ctx *ctx = vctx;
  FILE *null = fuzz_null();
  char q[512];
  int turn = ctx->n++ % 3;
  if (strcmp(ctx->kind, "activities") == 0) {
    static const int days[] = {-1, 0, 7, 2147483647};
    (void)aftercare_can(ctx->p, name, days[ctx->n % 4]);
    if (turn == 0)
      snprintf(q, sizeof q, "when %s", name);
    else if (turn == 1)
      snprintf(q, sizeof q, "can %s on day 3", name);
    else
      snprintf(q, sizeof q, "explain %s", name);
    aftercare_ask(ctx->p, q, (aftercare_format)turn, null, null, "fuzz", 1, 0);
  } else if (strcmp(ctx->kind, "symptoms") == 0) {
    snprintf(q, sizeof q, "symptoms %s on day 2", name);
    aftercare_ask(ctx->p, q, (aftercare_format)turn, null, null, "fuzz", 1, 0);
  } else if (turn == 0) {
    snprintf(q, sizeof q, "explain %s", name);
    aftercare_ask(ctx->p, q, AFTERCARE_TEXT, null, null, "fuzz", 1, 0);
  }
}

/* Diagnostics in every format; for a clean protocol, its expectations and
 * questions about everything it names. */
static inline void fuzz_exercise(aftercare *p, int color) {
  FILE *null = fuzz_null();
  aftercare_print_diagnostics(p, null, AFTERCARE_TEXT, color);
  aftercare_print_diagnostics(p, null, AFTERCARE_JSON, 0);
  (void)aftercare_name(p);
  (void)aftercare_path(p);
  if (aftercare_errors(p) > 0) return;
  aftercare_test(p, null, color, 1);
  static const char *const kinds[] = {"activities", "symptoms", "phases", "rules"};
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
    fuzz_ctx ctx = {p, kinds[i], 0};
    aftercare_names(p, kinds[i], fuzz_ask_name, &ctx);
  }
  static const char *const queries[] = {"day 0", "day 14", "activities", "phases",
                                        "symptoms", "help"};
  for (size_t i = 0; i < sizeof queries / sizeof *queries; i++)
    aftercare_ask(p, queries[i], AFTERCARE_TEXT, null, null, "fuzz", 1, color);
}

#endif
