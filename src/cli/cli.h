/*
 * cli.h -- the command line of the aftercare program: what every verb
 * shares (cli.c): the one table of options, the table of verbs, usage
 * errors, colour and NO_COLOR, opening inputs ("-" is standard input),
 * reporting a protocol's diagnostics (--werror), exit statuses.  One file
 * per verb (check.c, query.c, test.c, plan.c, fmt.c, keywords.c, serve.c;
 * the REPL is repl.c) runs over it; main.c dispatches and answers `help`.
 *
 * Exit statuses: 0 success; 1 the input has problems; 2 usage or I/O
 * errors; 3 (query --fail) a `can` answer is 'forbidden'.
 */
#ifndef AC_CLI_H
#define AC_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "aftercare.h"

#define AC_CLI_PROGRAM "aftercare"
#define AC_CLI_MAX_SESSIONS 64
#define AC_CLI_MAX_PROTOCOLS 256

/* Output formats: a verb takes a set of them (ac_verb.formats). */
typedef enum ac_cli_format {
  AC_CLI_TEXT,
  AC_CLI_JSON,
  AC_CLI_SARIF,
  AC_CLI_TAP,
  AC_CLI_JUNIT,
  AC_CLI_MARKDOWN,
  AC_CLI_HTML,
  AC_CLI_ICS,
  AC_CLI_NFORMATS
} ac_cli_format;

/* Everything the options of a command line say. */
typedef struct ac_cli {
  const struct ac_verb *verb;
  const char *protocol; /* -p (the last); NULL: the standard protocol */
  const char *protocols[AC_CLI_MAX_PROTOCOLS]; /* serve: every -p */
  int nprotocols;
  ac_cli_format format;
  int color;            /* --color: -1 auto, 0 never, 1 always */
  int max_errors;       /* --max-errors; 0: the default */
  bool werror, quiet;
  bool batch, fail;               /* query */
  bool coverage, verbose;         /* test */
  const char *run;                /* test --run PATTERN */
  bool check, diff, write;        /* fmt */
  const char *explain;            /* check --explain CODE */
  long sessions[AC_CLI_MAX_SESSIONS]; /* plan */
  int nsessions;
  bool has_from, has_to;
  long from, to;
  const char *listen;              /* serve: ADDR:PORT */
  const char *token_file;
  int workers, max_connections;    /* 0: the default */
  long long max_body;
  bool stdin_taken;     /* standard input is read at most once */
} ac_cli;

/* A verb of the program. */
typedef struct ac_verb {
  const char *name;
  unsigned bit;         /* its bit in ac_cli_option.verbs */
  unsigned formats;     /* 1 << ac_cli_format for each format it writes */
  const char *operands; /* in the usage line, "FILE..." */
  const char *summary;  /* one line in the list of verbs (N_) */
  const char *text;     /* its --help, between usage and options (N_) */
  int (*run)(ac_cli *c, int argc, char **argv);
} ac_verb;

int ac_cli_check(ac_cli *c, int argc, char **argv);
int ac_cli_query(ac_cli *c, int argc, char **argv);
int ac_cli_repl(ac_cli *c, int argc, char **argv);
int ac_cli_test(ac_cli *c, int argc, char **argv);
int ac_cli_plan(ac_cli *c, int argc, char **argv);
int ac_cli_fmt(ac_cli *c, int argc, char **argv);
int ac_cli_keywords(ac_cli *c, int argc, char **argv);
int ac_cli_lsp(ac_cli *c, int argc, char **argv);
int ac_cli_help(ac_cli *c, int argc, char **argv);
int ac_cli_serve(ac_cli *c, int argc, char **argv);

/* The verbs, in the order help lists them; NULL if no such verb. */
extern const ac_verb ac_cli_verbs[];
extern const int ac_cli_nverbs;
const ac_verb *ac_cli_find_verb(const char *name);
/* "check, query, repl, ...": the names of the verbs. */
void ac_cli_verb_list(char *buf, size_t size);

/* Parses the options after the verb (argv[0] is the verb).  Returns the
 * index of the first operand, -1 after a usage error (reported), -2 when
 * --help or --version was answered. */
int ac_cli_parse(ac_cli *c, const ac_verb *v, int argc, char **argv);

/* `aftercare --help` (v NULL) or `aftercare VERB --help`. */
void ac_cli_print_help(const ac_verb *v, FILE *out);
void ac_cli_print_version(void);

/* "aftercare: MESSAGE" and "Try 'aftercare [VERB] --help' ...": status 2. */
int ac_cli_usage_error(const ac_cli *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* "aftercare: MESSAGE" on standard error. */
void ac_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Whether to colour what goes to f (--color, NO_COLOR, a terminal). */
bool ac_cli_color(const ac_cli *c, FILE *f);

/* The whole content of a file, "-" being standard input (once); NUL
 * terminated.  NULL after saying why (status 2 in *status). */
char *ac_cli_read(ac_cli *c, const char *path, size_t *len, int *status);

/* Opens a protocol: a file, "-" (standard input), or NULL (the standard
 * one).  NULL after saying why (status 2 in *status). */
aftercare *ac_cli_open(ac_cli *c, const char *path, int *status);

/* The files a verb reads: its operands, or standard input when there are
 * none and it is not a terminal.  0, or 2 after a usage error. */
int ac_cli_files(ac_cli *c, int *argc, char ***argv);

/* The protocol of -p (or the standard one), opened; NULL if it cannot be
 * read (status 2) or it has errors, or warnings with --werror (shown;
 * status 1). */
aftercare *ac_cli_protocol(ac_cli *c, int *status);

/* How a diagnostic name reads: "<stdin>" for "-". */
const char *ac_cli_name(const char *path);

/* Whether the protocol's problems fail the command: errors, or warnings
 * with --werror.  If so, prints its diagnostics (text, standard error). */
bool ac_cli_refuse(const ac_cli *c, const aftercare *p);

/* The worse of two exit statuses: 2, then 1, then 3, then 0. */
int ac_cli_worse(int a, int b);

/* Flushes standard output; 2 (said) if it failed, else status. */
int ac_cli_flush(int status);

#endif
