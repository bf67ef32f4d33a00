/*
 * fuzz_query.c -- libFuzzer harness: the query language against the
 * standard protocol.
 *
 * The input is read as `aftercare query --batch` reads standard input: one
 * query per line.  Each is asked in one of the three formats (text, JSON,
 * one line) in turn; the first line is also given to aftercare_can as the
 * name of an activity.  Then the lines are asked again, one by one and
 * together as `--batch` asks them (aftercare_ask_batch, whose fast path
 * takes several queries through the steps of an answer at once), answers
 * and diagnostics into one stream each: the two must be the same, byte
 * for byte, or the harness aborts.
 * The standard protocol is loaded once.
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
  enum { MAX_BATCH = 256 };
  const char *batch[MAX_BATCH];
  int numbers[MAX_BATCH];
  size_t nbatch = 0;
  int lineno = 0;
  for (char *line = text, *next; line; line = next) {
    lineno++;
    next = memchr(line, '\n', size - (size_t)(line - text));
    if (next) *next++ = '\0';
    if (nbatch < MAX_BATCH) {
      batch[nbatch] = line;
      numbers[nbatch++] = lineno;
    }
    /* Each line in one of the formats, in turn (asking every line in all
     * three would triple the cost of an input for little more coverage). */
    aftercare_format fmt = (aftercare_format)((lineno + (int)(size & 1)) % 3);
    aftercare_ask(standard, line, fmt, null, null, lineno > 1 ? "<stdin>" : "query", lineno,
                  lineno & 2);
    if (lineno == 1) (void)aftercare_can(standard, line, (int)(size % 61) - 5);
  }
  aftercare_format bf = (aftercare_format)(size % 3);
  char *one = NULL, *all = NULL;
  size_t one_len = 0, all_len = 0;
  FILE *fone = open_memstream(&one, &one_len), *fall = open_memstream(&all, &all_len);
  if (!fone || !fall) abort();
  int failed_one = 0;
  for (size_t i = 0; i < nbatch; i++)
    failed_one += aftercare_ask(standard, batch[i], bf, fone, fone, "<stdin>", numbers[i], 0);
  int failed_all =
      aftercare_ask_batch(standard, batch, numbers, nbatch, bf, fall, fall, "<stdin>", 0);
  if (fclose(fone) != 0 || fclose(fall) != 0) abort();
  if (failed_one != failed_all || one_len != all_len || memcmp(one, all, one_len) != 0) abort();
  free(one);
  free(all);
  free(text);
  return 0;
}
