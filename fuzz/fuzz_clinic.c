/*
 * fuzz_clinic.c -- libFuzzer harness: a clinic protocol that extends the
 * standard one.
 *
 * The input is the body of a protocol whose first line is
 *     protocol x; extends "smp";
 * so that every rule, constraint and symptom rule it adds meets those of
 * the standard protocol (conflicts, constraints, overrides, triage floors).
 * Diagnostics are printed; a clean protocol has its expectations run and is
 * asked about every name.
 */
#include "config.h"

#include "fuzz_common.h"

static const char prefix[] = "protocol x; extends \"smp\";\n";

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  aftercare_set_diagnostic_limit(100);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t n = sizeof prefix - 1;
  char *text = malloc(n + size + 1);
  if (!text) return 0;
  memcpy(text, prefix, n);
  memcpy(text + n, data, size);
  text[n + size] = '\0';
  aftercare *p = aftercare_open_memory("clinic.care", text, n + size);
  free(text);
  if (!p) abort();
  fuzz_exercise(p, (int)(size & 1));
  aftercare_close(p);
  return 0;
}
