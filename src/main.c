/*
 * main.c -- the aftercare program: a thin client of aftercare.h.
 *
 *   aftercare check [--format text|json] FILE...
 *   aftercare query [-p FILE] [--format text|json] [--batch] QUERY...
 *   aftercare repl  [-p FILE]
 *   aftercare test  FILE...
 *
 * Exit status: 0 success; 1 the input has problems; 2 usage or I/O errors.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aftercare.h"
#include "i18n.h"
#include "fmt_cmd.h"
#include "plan_main.h"
#include "repl.h"

static const char *program = "aftercare";

static void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "%s: ", program);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, _("\nTry '%s --help' for more information.\n"), program);
}

static void print_help(FILE *out) {
  fprintf(out, _("Usage: %s COMMAND [OPTION]... [ARGUMENT]...\n"), program);
  fputs(_("Check aftercare protocols and answer questions about them.\n"
          "\n"
          "Commands:\n"
          "  check FILE...     report every problem of protocol files\n"
          "  query QUERY...    answer queries (default protocol: the standard SMP one)\n"
          "  repl              ask queries interactively\n"
          "  test FILE...      run the expectations written in protocol files\n"
          "  plan              the protocol as a day-by-day plan (plan --help)\n"
          "  fmt FILE...       print protocol files in the canonical layout (fmt --help)\n"
          "\n"
          "Options:\n"
          "  -p, --protocol=FILE   query this protocol instead of the standard one\n"
          "      --format=FORMAT   text (default) or json; check also takes sarif\n"
          "      --explain=CODE    (check) explain a diagnostic code, such as AC0107\n"
          "      --json            the same as --format=json\n"
          "      --batch           read queries from standard input, one per line, and\n"
          "                        answer each on one line\n"
          "      --coverage        (test) list what no expectation exercises\n"
          "      --color=WHEN      colour diagnostics: auto (default), always, never\n"
          "      --max-errors=N    show at most N diagnostics (default 100)\n"
          "  -h, --help            display this help and exit\n"
          "  -V, --version         output version information and exit\n"
          "\n"
          "Queries:\n"
          "  can swim on day 20            when shave_razor\n"
          "  day 8                         symptoms redness, discharge on day 5\n"
          "  phases, activities, symptoms, explain RULE, help\n"
          "\n"
          "Exit status: 0 success; 1 the input has problems (protocol errors, a\n"
          "failed query or expectation); 2 usage errors or unreadable files.\n"),
        out);
  /* GNU: the last lines say where to report bugs and find the manual. */
  fputc('\n', out);
  if (PACKAGE_BUGREPORT[0])
    fprintf(out, _("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
  else
    fputs(_("Report bugs to the maintainers of aftercare, with the output of\n"
            "'aftercare --version' and a protocol that shows the problem.\n"),
          out);
  if (PACKAGE_URL[0]) fprintf(out, _("%s home page: <%s>\n"), PACKAGE_NAME, PACKAGE_URL);
  fputs(_("Full documentation: man aftercare, man aftercare-language.\n"), out);
}

static void print_version(void) {
  printf("aftercare %s\n", aftercare_version());
  puts(_("The standard SMP aftercare protocol is built in."));
  puts(_("Copyright (C) 2026 the authors of aftercare."));
  puts(_("The licence is that of the source distribution; there is NO WARRANTY,\n"
         "to the extent permitted by law."));
}

typedef struct options {
  const char *protocol;
  aftercare_format format;
  bool batch;
  bool coverage;
  int color; /* -1 auto */
} options;

enum { OPT_FORMAT = 256, OPT_JSON, OPT_BATCH, OPT_COLOR, OPT_MAX_ERRORS, OPT_COVERAGE, OPT_EXPLAIN };

static const struct option long_options[] = {
    {"protocol", required_argument, NULL, 'p'},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"json", no_argument, NULL, OPT_JSON},
    {"batch", no_argument, NULL, OPT_BATCH},
    {"coverage", no_argument, NULL, OPT_COVERAGE},
    {"color", required_argument, NULL, OPT_COLOR},
    {"colour", required_argument, NULL, OPT_COLOR},
    {"max-errors", required_argument, NULL, OPT_MAX_ERRORS},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {"explain", required_argument, NULL, OPT_EXPLAIN},
    {NULL, 0, NULL, 0},
};

/* Parses options after the command; returns the index of the first
 * operand, or -1 (usage error, reported), or -2 (--help/--version done). */
static int parse_options(int argc, char **argv, options *o) {
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "p:hV", long_options, NULL)) != -1) {
    switch (c) {
    case 'p':
      o->protocol = optarg;
      break;
    case OPT_FORMAT:
      if (strcmp(optarg, "text") == 0)
        o->format = AFTERCARE_TEXT;
      else if (strcmp(optarg, "json") == 0)
        o->format = AFTERCARE_JSON;
      else if (strcmp(optarg, "sarif") == 0)
        o->format = AFTERCARE_SARIF;
      else {
        usage_error(_("unknown format '%s' (use text, json or sarif)"), optarg);
        return -1;
      }
      break;
    case OPT_EXPLAIN:
      return ac_check_cmd_explain(program, optarg) == AFTERCARE_EXIT_OK ? -2 : -1;
    case OPT_JSON:
      o->format = AFTERCARE_JSON;
      break;
    case OPT_BATCH:
      o->batch = true;
      break;
    case OPT_COVERAGE:
      o->coverage = true;
      break;
    case OPT_COLOR:
      if (strcmp(optarg, "auto") == 0)
        o->color = -1;
      else if (strcmp(optarg, "always") == 0)
        o->color = 1;
      else if (strcmp(optarg, "never") == 0)
        o->color = 0;
      else {
        usage_error(_("unknown colour mode '%s' (use auto, always or never)"), optarg);
        return -1;
      }
      break;
    case OPT_MAX_ERRORS: {
      char *end;
      long n = strtol(optarg, &end, 10);
      if (*end || n < 1 || n > 1000000) {
        usage_error(_("--max-errors takes a number from 1 to 1000000, not '%s'"), optarg);
        return -1;
      }
      aftercare_set_diagnostic_limit((int)n);
      break;
    }
    case 'h':
      print_help(stdout);
      return -2;
    case 'V':
      print_version();
      return -2;
    default:
      fprintf(stderr, _("Try '%s --help' for more information.\n"), program);
      return -1;
    }
  }
  return optind;
}

static bool use_color(const options *o, FILE *f) {
  if (o->color >= 0) return o->color;
  const char *nc = getenv("NO_COLOR");
  if (nc && *nc) return false;
  return isatty(fileno(f));
}

aftercare *ac_main_open(const char *prog, const char *path, int *status) {
  int err = 0;
  aftercare *p = aftercare_open(path, &err);
  if (!p) {
    fprintf(stderr, _("%s: cannot read '%s': %s\n"), prog, path, strerror(err));
    *status = AFTERCARE_EXIT_USAGE;
  }
  return p;
}

/* Opens the protocol named by -p, or the standard one.  NULL: reported,
 * with *status set. */
static aftercare *open_protocol(const options *o, int *status) {
  if (!o->protocol) return aftercare_open_standard();
  int err = 0;
  aftercare *p = aftercare_open(o->protocol, &err);
  if (!p) {
    fprintf(stderr, _("%s: cannot read '%s': %s\n"), program, o->protocol, strerror(err));
    *status = AFTERCARE_EXIT_USAGE;
  }
  return p;
}

static int cmd_check(int argc, char **argv, options *o) {
  if (argc < 1) {
    usage_error("%s", _("check: name at least one protocol file"));
    return AFTERCARE_EXIT_USAGE;
  }
  if (o->format == AFTERCARE_SARIF) return ac_check_cmd_sarif(program, argc, argv);
  int status = AFTERCARE_EXIT_OK;
  bool color = use_color(o, stderr);
  for (int i = 0; i < argc; i++) {
    aftercare *p = ac_main_open(program, argv[i], &status);
    if (!p) continue;
    if (o->format == AFTERCARE_JSON)
      aftercare_print_diagnostics(p, stdout, AFTERCARE_JSON, 0);
    else
      aftercare_print_diagnostics(p, stderr, AFTERCARE_TEXT, color);
    if (aftercare_errors(p) > 0 && status == AFTERCARE_EXIT_OK) status = AFTERCARE_EXIT_INPUT;
    if (o->format == AFTERCARE_TEXT && argc > 1 && aftercare_errors(p) == 0 &&
        aftercare_warnings(p) == 0)
      fprintf(stderr, _("%s: ok\n"), argv[i]);
    aftercare_close(p);
  }
  return status;
}

/* Reads queries from standard input, one per line; answers each. */
static int run_batch(aftercare *p, const options *o) {
  /* Standard input is read with read(2) into one buffer, and the complete
   * lines it holds are answered before the program waits for more;
   * standard output is flushed before each wait.  So a person or a program
   * that writes one query and waits gets its answer at once. */
  int status = AFTERCARE_EXIT_OK;
  size_t cap = 64 * 1024, len = 0, pos = 0;
  char *buf = malloc(cap + 1); /* + 1: a NUL after a last line without end */
  if (!buf) abort();
  int lineno = 0;
  bool eof = false, color = use_color(o, stderr);
  aftercare_format f = o->format == AFTERCARE_TEXT ? AFTERCARE_LINE : o->format;
  /* Answers and diagnostics are written in large blocks, both flushed
   * before each wait for input (a million answers: 800 writes, not 24,000;
   * a write costs as much as answering ten queries). */
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
      if (aftercare_ask(p, line, f, stdout, stderr, "<stdin>", lineno, color) != 0)
        status = AFTERCARE_EXIT_INPUT;
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
    fflush(stdout);
    fflush(stderr);
    ssize_t got = read(STDIN_FILENO, buf + len, cap - len);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      fprintf(stderr, _("%s: error reading standard input: %s\n"), program, strerror(errno));
      status = AFTERCARE_EXIT_USAGE;
      break;
    }
    if (got == 0)
      eof = true;
    else
      len += (size_t)got;
  }
  free(buf);
  return status;
}

static int cmd_query(int argc, char **argv, options *o) {
  if (argc < 1 && !o->batch) {
    usage_error("%s", _("query: give a query, or --batch to read them from standard input"));
    return AFTERCARE_EXIT_USAGE;
  }
  int status = AFTERCARE_EXIT_OK;
  aftercare *p = open_protocol(o, &status);
  if (!p) return status;
  if (aftercare_errors(p) > 0) {
    aftercare_print_diagnostics(p, stderr, AFTERCARE_TEXT, use_color(o, stderr));
    aftercare_close(p);
    return AFTERCARE_EXIT_INPUT;
  }
  bool color = use_color(o, stderr);
  for (int i = 0; i < argc; i++)
    if (aftercare_ask(p, argv[i], o->format, stdout, stderr, "query", 1, color) != 0)
      status = AFTERCARE_EXIT_INPUT;
  if (o->batch) {
    int b = run_batch(p, o);
    if (b > status) status = b;
  }
  aftercare_close(p);
  if (fflush(stdout) != 0) {
    fprintf(stderr, _("%s: error writing output: %s\n"), program, strerror(errno));
    status = AFTERCARE_EXIT_USAGE;
  }
  return status;
}

static int cmd_test(int argc, char **argv, options *o) {
  if (argc < 1) {
    usage_error("%s", _("test: name at least one protocol file"));
    return AFTERCARE_EXIT_USAGE;
  }
  int status = AFTERCARE_EXIT_OK;
  for (int i = 0; i < argc; i++) {
    aftercare *p = ac_main_open(program, argv[i], &status);
    if (!p) continue;
    if (aftercare_errors(p) > 0) {
      aftercare_print_diagnostics(p, stderr, AFTERCARE_TEXT, use_color(o, stderr));
      if (status == AFTERCARE_EXIT_OK) status = AFTERCARE_EXIT_INPUT;
    } else if (aftercare_test(p, stdout, use_color(o, stdout), o->coverage) > 0 &&
               status == AFTERCARE_EXIT_OK) {
      status = AFTERCARE_EXIT_INPUT;
    }
    aftercare_close(p);
  }
  return status;
}

static void print_keyword(const char *word, const char *cls, int languages, void *ctx) {
  (void)ctx;
  printf("%s\t%s\t%s\n", word, cls,
         languages == (AFTERCARE_IN_PROTOCOLS | AFTERCARE_IN_QUERIES) ? "protocol,query"
         : languages == AFTERCARE_IN_QUERIES                          ? "query"
                                                                      : "protocol");
}

/* The keywords of the language, for editors: a word, its class and its
 * languages a line, or one JSON document. */
static int cmd_keywords(int argc, char **argv, options *o) {
  (void)argv;
  if (argc > 0) {
    usage_error("%s", _("keywords: takes no arguments"));
    return AFTERCARE_EXIT_USAGE;
  }
  if (o->format == AFTERCARE_JSON)
    aftercare_keywords_json(stdout);
  else
    aftercare_keywords(print_keyword, NULL);
  return AFTERCARE_EXIT_OK;
}

static int cmd_repl(int argc, char **argv, options *o) {
  (void)argv;
  if (argc > 0) {
    usage_error("%s", _("repl: takes no arguments (use -p FILE for a protocol)"));
    return AFTERCARE_EXIT_USAGE;
  }
  return ac_repl_run(o->protocol, o->format == AFTERCARE_JSON, o->color);
}

typedef struct command {
  const char *name;
  int (*run)(int argc, char **argv, options *o);
} command;

static const command commands[] = {
    {"check", cmd_check},
    {"query", cmd_query},
    {"repl", cmd_repl},
    {"test", cmd_test},
    {"keywords", cmd_keywords},
};

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
  options o = {NULL, AFTERCARE_TEXT, false, false, -1};
  if (argc < 2) {
    usage_error("%s", _("missing command (check, query, repl or test)"));
    return AFTERCARE_EXIT_USAGE;
  }
  const char *name = argv[1];
  if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
    print_help(stdout);
    return AFTERCARE_EXIT_OK;
  }
  if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
    print_version();
    return AFTERCARE_EXIT_OK;
  }
  if (strcmp(name, "fmt") == 0) return ac_fmt_cmd_main(argc - 1, argv + 1);
  if (strcmp(name, "plan") == 0) return ac_plan_main(program, argc - 1, argv + 1);
  for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
    if (strcmp(name, commands[i].name) != 0) continue;
    int first = parse_options(argc - 1, argv + 1, &o);
    if (first == -2) return AFTERCARE_EXIT_OK;
    if (first < 0) return AFTERCARE_EXIT_USAGE;
    if (o.format == AFTERCARE_SARIF && strcmp(name, "check") != 0) {
      usage_error("%s", _("--format sarif is for check only"));
      return AFTERCARE_EXIT_USAGE;
    }
    int status = commands[i].run(argc - 1 - first, argv + 1 + first, &o);
    if (fflush(stdout) != 0 && status == AFTERCARE_EXIT_OK) status = AFTERCARE_EXIT_USAGE;
    return status;
  }
  usage_error(_("unknown command '%s' (use check, query, repl or test)"), name);
  return AFTERCARE_EXIT_USAGE;
}
