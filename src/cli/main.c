/*
 * main.c -- the aftercare program: a thin client of aftercare.h.
 *
 *   aftercare COMMAND [OPTION]... [ARGUMENT]...
 *
 * The commands and their options are tables of cli.c; each command is a
 * file of src/cli/.  This file finds the command, parses its options and
 * runs it, and answers `help` and the REPL's command.
 *
 * Exit status: 0 success; 1 the input has problems; 2 usage or I/O
 * errors; 3 (query --fail) a `can` answer is 'forbidden'.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "repl.h"

int ac_cli_help(ac_cli *c, int argc, char **argv) {
  if (argc > 1) return ac_cli_usage_error(c, "%s", _("help takes at most one command"));
  if (argc == 0) {
    ac_cli_print_help(NULL, stdout);
    return AFTERCARE_EXIT_OK;
  }
  const ac_verb *v = ac_cli_find_verb(argv[0]);
  if (!v) {
    char list[256];
    ac_cli_verb_list(list, sizeof list);
    return ac_cli_usage_error(c, _("unknown command '%s' (commands: %s)"), argv[0], list);
  }
  ac_cli_print_help(v, stdout);
  return AFTERCARE_EXIT_OK;
}

int ac_cli_repl(ac_cli *c, int argc, char **argv) {
  (void)argv;
  if (argc > 0) return ac_cli_usage_error(c, "%s", _("repl takes no arguments (use -p FILE for a protocol)"));
  if (c->protocol && strcmp(c->protocol, "-") == 0)
    return ac_cli_usage_error(c, "%s", _("standard input holds the queries: it cannot hold "
                                         "the protocol too"));
  return ac_repl_run(c->protocol, c->format == AC_CLI_JSON, c->color);
}

/* Where the message catalogues are: AFTERCARE_LOCALEDIR when it is set (a
   catalogue that is not installed); the build tree's locale/ (which make
   fills from po/) when this is the program of the build tree, so that
   ./aftercare speaks the user's language before make install; else the
   installed ones. */
static const char *locale_directory(void) {
  const char *dir = getenv("AFTERCARE_LOCALEDIR");
  if (dir && *dir) return dir;
  char self[4096];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n > 0) {
    self[n] = '\0';
    if (strcmp(self, BUILD_PROGRAM) == 0) return BUILD_LOCALEDIR;
  }
  return LOCALEDIR;
}

int main(int argc, char **argv) {
  setlocale(LC_ALL, "");
  bindtextdomain(PACKAGE, locale_directory());
  ac_cli c;
  memset(&c, 0, sizeof c);
  c.format = AC_CLI_TEXT;
  c.color = -1;
  char list[256];
  ac_cli_verb_list(list, sizeof list);
  if (argc < 2) return ac_cli_usage_error(&c, _("missing command (commands: %s)"), list);
  const char *name = argv[1];
  if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
    ac_cli_print_help(NULL, stdout);
    return ac_cli_flush(AFTERCARE_EXIT_OK);
  }
  if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
    ac_cli_print_version();
    return ac_cli_flush(AFTERCARE_EXIT_OK);
  }
  const ac_verb *v = ac_cli_find_verb(name);
  if (!v) return ac_cli_usage_error(&c, _("unknown command '%s' (commands: %s)"), name, list);
  int first = ac_cli_parse(&c, v, argc - 1, argv + 1);
  if (first == -2) return ac_cli_flush(AFTERCARE_EXIT_OK);
  if (first < 0) return AFTERCARE_EXIT_USAGE;
  int status = v->run(&c, argc - 1 - first, argv + 1 + first);
  return ac_cli_flush(status);
}
