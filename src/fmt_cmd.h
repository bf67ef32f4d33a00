/*
 * fmt_cmd.h -- the tools around the language in the aftercare program:
 * fmt (fmt_cmd.c), check --format sarif and check --explain (check_cmd.c).
 */
#ifndef AC_FMT_CMD_H
#define AC_FMT_CMD_H

/* aftercare fmt [--check|--diff|-w] FILE...: argv[0] is "fmt". */
int ac_fmt_main(int argc, char **argv);

/* check --format sarif FILE...: one SARIF log on standard output. */
int ac_check_sarif(const char *program, int argc, char **argv);

/* check --explain CODE: prints the explanation; exit status. */
int ac_explain_main(const char *program, const char *code);

#endif
