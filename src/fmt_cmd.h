/*
 * fmt_cmd.h -- the tools around the language in the aftercare program:
 * fmt (fmt_cmd.c), check --format sarif and check --explain (check_cmd.c).
 */
#ifndef AC_FMT_CMD_H
#define AC_FMT_CMD_H

#include "aftercare.h"

/* Opens a protocol file named on the command line (main.c).  If it cannot
 * be read, says so on standard error, sets *status to the usage/I-O exit
 * status and returns NULL. */
aftercare *ac_main_open(const char *program, const char *path, int *status);

/* aftercare fmt [--check|--diff|-w] FILE...: argv[0] is "fmt". */
int ac_fmt_cmd_main(int argc, char **argv);

/* check --format sarif FILE...: one SARIF log on standard output. */
int ac_check_cmd_sarif(const char *program, int argc, char **argv);

/* check --explain CODE: prints the explanation; exit status. */
int ac_check_cmd_explain(const char *program, const char *code);

#endif
