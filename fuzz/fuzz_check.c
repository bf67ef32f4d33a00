/*
 * fuzz_check.c -- libFuzzer harness: `aftercare check` of arbitrary bytes.
 *
 * The input is a protocol file, loaded with aftercare_open_memory; its
 * diagnostics are printed as text and JSON, and a protocol that checks
 * clean has its expectations run and is asked about every name it has.
 */
#include "config.h"

#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  aftercare_set_diagnostic_limit(100);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  aftercare *p = aftercare_open_memory("fuzz.care", (const char *)data, size);
  if (!p) abort(); /* only a file that cannot be read gives NULL */
  fuzz_exercise(p, (int)(size & 1));
  aftercare_close(p);
  return 0;
}
