/*
 * fuzz_query.c -- libFuzzer harness: the query language against the
 * standard protocol.
 *
 * The input is read as `aftercare query --batch` reads standard input: one
 * query per line.  Each is asked in one of the three formats (text, JSON,
 * one line) in turn; the first line is also given to aftercare_can as the
 * name of an activity.  The standard protocol is loaded once.
 */
#include "config.h"

#include "fuzz_common.h"

static aftercare *standard;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  standard = aftercare_open_standard();
  if (!standard || aftercare_errors(standard) > 0) abort();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FILE *null = fuzz_null();
  char *text = malloc(size + 1);
  if (!text) return 0;
  memcpy(text, data, size);
  text[size] = '\0';
  int lineno = 0;
  for (char *line = text, *next; line; line = next) {
    lineno++;
    next = memchr(line, '\n', size - (size_t)(line - text));
    if (next) *next++ = '\0';
    /* Each line in one of the formats, in turn (asking every line in all
     * three would triple the cost of an input for little more coverage). */
    aftercare_format fmt = (aftercare_format)((lineno + (int)(size & 1)) % 3);
    aftercare_ask(standard, line, fmt, null, null, lineno > 1 ? "<stdin>" : "query", lineno,
                  lineno & 2);
    if (lineno == 1) (void)aftercare_can(standard, line, (int)(size % 61) - 5);
  }
  free(text);
  return 0;
}
