/*
 * lsp.c -- the lsp command: aftercare lsp
 *
 * A language server (Language Server Protocol 3.17) on standard input and
 * output (lsp_server.c).  This loop reads what is there, has the server
 * handle every whole message, and checks the changed documents only when
 * no more input is waiting: a burst of edits is checked once.
 *
 * Exit status: 0 after shutdown and exit, 1 on exit without shutdown or at
 * the end of the input, 2 on a usage error.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "lsp_server.h"

/* Whether more input is ready now. */
static bool ac_input_ready(int fd) {
  struct pollfd p = {fd, POLLIN, 0};
  return poll(&p, 1, 0) > 0;
}

int ac_cli_lsp(ac_cli *c, int argc, char **argv) {
  int first = ac_cli_parse(c, ac_cli_find_verb("lsp"), argc, argv);
  if (first < 0) return first == -2 ? AFTERCARE_EXIT_OK : AFTERCARE_EXIT_USAGE;
  if (first < argc) return ac_cli_usage_error(c, _("lsp takes no operand"));
  ac_lsp_server *s = ac_lsp_server_new(stdout, stderr);
  char buf[65536];
  int status;
  for (;;) {
    if (!ac_input_ready(0)) ac_lsp_server_check(s); /* the input is drained */
    ssize_t n = read(0, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      status = 1; /* the client went away without exit */
      break;
    }
    ac_lsp_server_feed(s, buf, (size_t)n);
    ac_lsp_server_input(s);
    if ((status = ac_lsp_server_status(s)) >= 0) break;
  }
  ac_lsp_server_free(s);
  return status;
}
