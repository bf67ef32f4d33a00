/*
 * embed.c -- clinic software embedding libaftercare: the C API in one page.
 *
 *   cc embed.c $(pkg-config --cflags --libs aftercare) -o embed
 *   ./embed [PROTOCOL]
 *
 * Opens a protocol (the file named, or the standard SMP protocol built into
 * the library), refuses it if it has errors, then asks it what a client
 * wants to know: a verdict as a word (aftercare_can), a full answer as text
 * and as JSON (aftercare_ask), the names it knows (aftercare_names).  It
 * also formats a protocol held in memory (aftercare_format_text).  `make
 * check` builds it and runs it as a test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <aftercare.h>

static void count_name(const char *name, void *ctx) {
  (void)name;
  ++*(int *)ctx;
}

int main(int argc, char **argv) {
  printf("libaftercare %s\n", aftercare_version());

  /* 1. Open a protocol: NULL only when the file cannot be read. */
  aftercare *p;
  if (argc > 1) {
    int err = 0;
    p = aftercare_open(argv[1], &err);
    if (!p) {
      fprintf(stderr, "embed: cannot read %s: %s\n", argv[1], strerror(err));
      return 2;
    }
  } else {
    p = aftercare_open_standard();
  }
  printf("protocol %s (%s)\n", aftercare_name(p), aftercare_path(p));

  /* 2. A protocol with errors must not be used: show why and stop. */
  if (aftercare_errors(p) > 0) {
    aftercare_print_diagnostics(p, stderr, AFTERCARE_TEXT, 0);
    aftercare_close(p);
    return 1;
  }

  /* 3. A verdict as one word: what a booking screen needs. */
  for (int day = 28; day <= 32; day += 2)
    printf("swim on day %d: %s\n", day, aftercare_can(p, "swim", day));

  /* 4. A full answer, with its reasons, for people and for programs. */
  int status = aftercare_ask(p, "when shave_razor", AFTERCARE_TEXT, stdout, stderr, "embed", 1, 0);
  status |= aftercare_ask(p, "symptoms discharge on day 5", AFTERCARE_JSON, stdout, stderr,
                          "embed", 1, 0);

  /* 5. What the protocol knows about. */
  int n = 0;
  aftercare_names(p, "activities", count_name, &n);
  printf("%d activities\n", n);
  aftercare_close(p);

  /* 6. Format a protocol held in memory. */
  const char *text = "protocol   mine;\nactivity nap \"take a nap\";   allow nap always;\n";
  char *out = NULL;
  size_t len = 0;
  if (aftercare_format_text("mine.care", text, strlen(text), &out, &len, stderr, 0) == 0) {
    fputs(out, stdout);
    free(out);
  } else {
    status = 1;
  }
  return status;
}
