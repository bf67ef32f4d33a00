/*
 * query.c -- `aftercare query [-p FILE] [--batch] [--fail] QUERY...`:
 * answers queries given as arguments, then with --batch those of standard
 * input, one a line, each answered on one line as soon as it is read.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"

/* Where answers and diagnostics go, and how many failed so far. */
typedef struct asking {
  ac_cli *c;
  const aftercare *p;
  aftercare_format format;
  FILE *out;    /* standard output, or nowhere (--quiet) */
  FILE *sink;   /* nowhere (--quiet); NULL until needed */
  bool color;
  int failed;   /* queries that could not be answered */
  int status;
} asking;

static FILE *nowhere(asking *a) {
  if (!a->sink) a->sink = fopen("/dev/null", "w");
  return a->sink;
}

static void ask(asking *a, const char *query, const char *where, int line) {
  int limit = a->c->max_errors ? a->c->max_errors : 100;
  /* Past the limit, diagnostics are not even made into text. */
  FILE *err = a->failed < limit ? stderr : NULL;
  int rc = aftercare_ask_status(a->p, query, a->format, a->out, err, where, line, a->color);
  if (rc == AFTERCARE_EXIT_FORBIDDEN && !a->c->fail) rc = AFTERCARE_EXIT_OK;
  if (rc == AFTERCARE_EXIT_INPUT) a->failed++;
  a->status = ac_cli_worse(a->status, rc);
}

/* Reads queries from standard input, one per line; answers each. */
static void run_batch(asking *a) {
  /* Standard input is read with read(2) into one buffer, and the complete
   * lines it holds are answered before the program waits for more;
   * standard output is flushed before each wait.  So a person or a program
   * that writes one query and waits gets its answer at once. */
  size_t cap = 64 * 1024, len = 0, pos = 0;
  char *buf = malloc(cap + 1); /* + 1: a NUL after a last line without end */
  if (!buf) abort();
  int lineno = 0;
  bool eof = false;
  /* Answers and diagnostics are written in large blocks, both flushed
   * before each wait for input (a million answers: 1,500 writes, not
   * 24,000; a write costs as much as answering ten queries). */
  static char out_buf[1 << 16], err_buf[1 << 16];
  setvbuf(stdout, out_buf, _IOFBF, sizeof out_buf);
  setvbuf(stderr, err_buf, _IOFBF, sizeof err_buf);
  for (;;) {
    while (pos < len) {
      char *line = buf + pos;
      char *end = memchr(line, '\n', len - pos);
      if (!end && !eof) break; /* the rest of this line is still to come */
      size_t n = end ? (size_t)(end - line) : len - pos;
      pos += n + (end ? 1 : 0);
      lineno++;
      while (n > 0 && line[n - 1] == '\r') n--;
      line[n] = '\0';
      if (n == 0 || line[0] == '#') continue;
      ask(a, line, "<stdin>", lineno);
    }
    if (eof) break;
    /* Every complete line is answered: keep the start of the next one,
     * show the answers, and wait for more. */
    memmove(buf, buf + pos, len - pos);
    len -= pos;
    pos = 0;
    if (len == cap) {
      cap *= 2;
      char *nbuf = realloc(buf, cap + 1);
      if (!nbuf) abort();
      buf = nbuf;
    }
    fflush(a->out);
    fflush(stderr);
    ssize_t got = read(STDIN_FILENO, buf + len, cap - len);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      ac_cli_error(_("error reading standard input: %s"), strerror(errno));
      a->status = AFTERCARE_EXIT_USAGE;
      break;
    }
    if (got == 0)
      eof = true;
    else
      len += (size_t)got;
  }
  free(buf);
}

int ac_cli_query(ac_cli *c, int argc, char **argv) {
  if (argc < 1 && !c->batch)
    return ac_cli_usage_error(c, "%s", _("give a query, or --batch to read them from standard input"));
  if (c->batch && c->protocol && strcmp(c->protocol, "-") == 0)
    return ac_cli_usage_error(c, "%s", _("standard input holds the queries: it cannot hold "
                                         "the protocol too"));
  int status = AFTERCARE_EXIT_OK;
  aftercare *p = ac_cli_protocol(c, &status);
  if (!p) return status;
  asking a = {c, p, c->format == AC_CLI_JSON ? AFTERCARE_JSON : AFTERCARE_TEXT, stdout, NULL,
              ac_cli_color(c, stderr), 0, AFTERCARE_EXIT_OK};
  if (c->quiet) a.out = nowhere(&a) ? a.sink : stdout;
  for (int i = 0; i < argc; i++) ask(&a, argv[i], "query", 1);
  if (c->batch) {
    if (a.format == AFTERCARE_TEXT) a.format = AFTERCARE_LINE;
    run_batch(&a);
  }
  int limit = c->max_errors ? c->max_errors : 100;
  if (a.failed > limit)
    ac_cli_error(P_("%d more query failed (diagnostics past --max-errors=%d are not shown)",
                    "%d more queries failed (diagnostics past --max-errors=%d are not shown)",
                    (unsigned long)(a.failed - limit)),
                 a.failed - limit, limit);
  if (a.sink) fclose(a.sink);
  aftercare_close(p);
  return ac_cli_worse(a.status, status);
}
