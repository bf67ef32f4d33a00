/*
 * cli.c -- what every verb of the program shares (see cli.h): the verbs,
 * the one table of options, help, usage errors, inputs, colour.
 */
#include "config.h"

#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"

/* Files larger than this are refused (the library refuses them too). */
#define AC_CLI_MAX_FILE ((size_t)512 * 1024 * 1024)

enum {
  B_CHECK = 1 << 0,
  B_QUERY = 1 << 1,
  B_REPL = 1 << 2,
  B_TEST = 1 << 3,
  B_PLAN = 1 << 4,
  B_FMT = 1 << 5,
  B_KEYWORDS = 1 << 6,
  B_HELP = 1 << 7,
  B_SERVE = 1 << 8,
  B_LSP = 1 << 9,
  B_ALL = (1 << 10) - 1, /* every command above */
  B_DIAGNOSTICS = B_CHECK | B_QUERY | B_TEST | B_PLAN | B_FMT /* --max-errors, --werror */
};

#define F(x) (1u << (x))

static const char *const format_names[AC_CLI_NFORMATS] = {
    "text", "json", "sarif", "tap", "junit", "markdown", "html", "ics"};

const ac_verb ac_cli_verbs[] = {
    {"check", B_CHECK, F(AC_CLI_TEXT) | F(AC_CLI_JSON) | F(AC_CLI_SARIF), "[FILE]...",
     N_("report every problem of protocol files"),
     N_("Report every problem of protocol files (and of the protocols they extend):\n"
        "diagnostics on standard error, or one JSON document or SARIF log on\n"
        "standard output."),
     ac_cli_check},
    {"query", B_QUERY, F(AC_CLI_TEXT) | F(AC_CLI_JSON), "QUERY...",
     N_("answer queries (default protocol: the standard SMP one)"),
     N_("Answer queries about a protocol: can swim on day 20, when shave_razor,\n"
        "day 8, symptoms redness on day 5, phases, activities, explain RULE, help."),
     ac_cli_query},
    {"repl", B_REPL, F(AC_CLI_TEXT) | F(AC_CLI_JSON), "", N_("ask queries interactively"),
     N_("Ask queries interactively (.help lists the dot-commands)."), ac_cli_repl},
    {"test", B_TEST, F(AC_CLI_TEXT) | F(AC_CLI_JSON) | F(AC_CLI_TAP) | F(AC_CLI_JUNIT), "[FILE]...",
     N_("run the expectations written in protocol files"),
     N_("Run the expectations written in protocol files (expect ...;)."), ac_cli_test},
    {"plan", B_PLAN,
     F(AC_CLI_TEXT) | F(AC_CLI_MARKDOWN) | F(AC_CLI_HTML) | F(AC_CLI_JSON) | F(AC_CLI_ICS), "",
     N_("the protocol as the client's day-by-day leaflet"),
     N_("Write the protocol as the client's leaflet: the whole situation after the\n"
        "session, then on each day the instructions change, what changes and why;\n"
        "and the signs to watch for, as a table."),
     ac_cli_plan},
    {"fmt", B_FMT, 0, "[FILE]...", N_("print protocol files in the canonical layout"),
     N_("Print protocol files in the canonical layout.  A file with syntax errors\n"
        "is left as it is: its diagnostics are printed and the exit status is 1."),
     ac_cli_fmt},
    {"keywords", B_KEYWORDS, F(AC_CLI_TEXT) | F(AC_CLI_JSON), "",
     N_("the keywords of the language, for editors"),
     N_("List the keywords of the language: a word, its class and its languages\n"
        "a line, or one JSON document."),
     ac_cli_keywords},
    {"serve", B_SERVE, 0, "", N_("answer queries over HTTP, for clinic software"),
     N_("Answer queries, checks, plans and timelines over HTTP, as JSON: the standard\n"
        "protocol and those of -p, reloaded on SIGHUP (docs/server.md).  Stops on\n"
        "SIGTERM or SIGINT once the requests in flight are answered."),
     ac_cli_serve},
    {"lsp", B_LSP, 0, "", N_("a language server for editors (LSP, on standard I/O)"),
     N_("Speak the Language Server Protocol on standard input and output: the\n"
        "checker's diagnostics, hovers, completion, definitions, references,\n"
        "outline, formatting, quick fixes and code lenses (docs/editors.md)."),
     ac_cli_lsp},
    {"help", B_HELP, 0, "[COMMAND]", N_("show the help of the program or of a command"),
     N_("Show the help of the program, or of a command."), ac_cli_help},
};
const int ac_cli_nverbs = (int)(sizeof ac_cli_verbs / sizeof *ac_cli_verbs);

const ac_verb *ac_cli_find_verb(const char *name) {
  for (int i = 0; i < ac_cli_nverbs; i++)
    if (strcmp(ac_cli_verbs[i].name, name) == 0) return &ac_cli_verbs[i];
  return NULL;
}

/* ---- the one table of options ---- */

enum {
  O_FORMAT = 256, O_JSON, O_COLOR, O_MAX_ERRORS, O_WERROR, O_BATCH, O_FAIL, O_COVERAGE, O_RUN,
  O_EXPLAIN, O_SESSION, O_FROM, O_TO, O_LISTEN, O_WORKERS, O_TOKEN_FILE, O_MAX_BODY,
  O_MAX_CONNECTIONS
};

typedef struct ac_cli_option {
  const char *name;
  int val;        /* its short letter, or O_* */
  int has_arg;
  const char *arg;
  unsigned verbs; /* the verbs that take it */
  const char *help; /* NULL: not listed (a second spelling) */
} ac_cli_option;

static const ac_cli_option options[] = {
    {"protocol", 'p', required_argument, "FILE", B_QUERY | B_REPL | B_PLAN | B_SERVE,
     N_("the protocol ('-': standard input; default: the\nstandard SMP one)")},
    {"format", O_FORMAT, required_argument, "FORMAT",
     B_CHECK | B_QUERY | B_REPL | B_TEST | B_PLAN | B_KEYWORDS, NULL /* listed with formats */},
    {"json", O_JSON, no_argument, NULL, B_CHECK | B_QUERY | B_REPL | B_TEST | B_PLAN | B_KEYWORDS,
     N_("the same as --format=json")},
    {"batch", O_BATCH, no_argument, NULL, B_QUERY,
     N_("read queries from standard input, one a line,\nand answer each on one line")},
    {"fail", O_FAIL, no_argument, NULL, B_QUERY,
     N_("exit status 3 when a 'can' answer is 'forbidden'")},
    {"explain", O_EXPLAIN, required_argument, "CODE", B_CHECK,
     N_("explain a diagnostic code, such as AC0107;\n'all' lists every code")},
    {"verbose", 'v', no_argument, NULL, B_TEST, N_("list the expectations that pass too")},
    {"run", O_RUN, required_argument, "PATTERN", B_TEST,
     N_("only the expectations of files, or about rules,\nwhose name matches PATTERN (* ? [...])")},
    {"coverage", O_COVERAGE, no_argument, NULL, B_TEST, N_("list what no expectation exercises")},
    {"check", 'c', no_argument, NULL, B_FMT,
     N_("list the files that are not formatted (exit 1 if\nany)")},
    {"diff", 'd', no_argument, NULL, B_FMT,
     N_("show what would change, as a unified diff (exit 1\nif anything)")},
    {"write", 'w', no_argument, NULL, B_FMT,
     N_("rewrite the files that are not formatted, in place")},
    {"session", 's', required_argument, "DATE", B_PLAN,
     N_("the date of a session, YYYY-MM-DD; repeat it for\ntouch-ups: days count from the latest session")},
    {"from", O_FROM, required_argument, "DAY", B_PLAN,
     N_("first day (default: the first day a rule names,\nor 0)")},
    {"to", O_TO, required_argument, "DAY", B_PLAN,
     N_("last day, counted from the last session (default:\nthe protocol's horizon)")},
    {"listen", O_LISTEN, required_argument, "ADDR:PORT", B_SERVE,
     N_("where to listen (default 127.0.0.1:8177; port 0:\nany free one; IPv6 as [::1]:8177)")},
    {"workers", O_WORKERS, required_argument, "N", B_SERVE,
     N_("threads answering requests (default: the cores)")},
    {"token-file", O_TOKEN_FILE, required_argument, "FILE", B_SERVE,
     N_("the /v1/ routes need 'Authorization: Bearer TOKEN',\nTOKEN being the first line of FILE")},
    {"max-body", O_MAX_BODY, required_argument, "BYTES", B_SERVE,
     N_("refuse larger bodies with 413 (default 1048576)")},
    {"max-connections", O_MAX_CONNECTIONS, required_argument, "N", B_SERVE,
     N_("connections at once (default 1024)")},
    {"max-errors", O_MAX_ERRORS, required_argument, "N", B_DIAGNOSTICS,
     N_("show at most N diagnostics (default 100)")},
    {"werror", O_WERROR, no_argument, NULL, B_DIAGNOSTICS,
     N_("warnings count as errors (exit status 1)")},
    {"quiet", 'q', no_argument, NULL, B_CHECK | B_QUERY | B_FMT | B_SERVE,
     N_("print only diagnostics: no answers, no 'ok';\nserve: no access log")},
    {"color", O_COLOR, required_argument, "WHEN", B_ALL & ~B_HELP,
     N_("colour: auto (default: on a terminal, unless\nNO_COLOR is set), always, never")},
    {"colour", O_COLOR, required_argument, "WHEN", B_ALL & ~B_HELP, NULL},
    {"help", 'h', no_argument, NULL, B_ALL, N_("display this help and exit")},
    {"version", 'V', no_argument, NULL, B_ALL, N_("output version information and exit")},
};
#define NOPTIONS (sizeof options / sizeof *options)

static const ac_cli_option *find_option(int val) {
  for (size_t i = 0; i < NOPTIONS; i++)
    if (options[i].val == val) return &options[i];
  return NULL;
}

/* ---- messages ---- */

static void say(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
static void say(const char *fmt, va_list ap) {
  fputs(AC_CLI_PROGRAM ": ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
}

void ac_cli_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  say(fmt, ap);
  va_end(ap);
}

int ac_cli_usage_error(const ac_cli *c, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  say(fmt, ap);
  va_end(ap);
  if (c && c->verb && c->verb->bit != B_HELP)
    fprintf(stderr, _("Try '%s %s --help' for more information.\n"), AC_CLI_PROGRAM,
            c->verb->name);
  else
    fprintf(stderr, _("Try '%s --help' for more information.\n"), AC_CLI_PROGRAM);
  return AFTERCARE_EXIT_USAGE;
}

/* "check, query, repl, ..." */
void ac_cli_verb_list(char *buf, size_t size) {
  buf[0] = '\0';
  for (int i = 0; i < ac_cli_nverbs; i++) {
    size_t n = strlen(buf);
    snprintf(buf + n, size - n, "%s%s", i ? ", " : "", ac_cli_verbs[i].name);
  }
}

/* "text (default), json, sarif" */
static void format_list(unsigned formats, char *buf, size_t size) {
  buf[0] = '\0';
  for (int f = 0; f < AC_CLI_NFORMATS; f++) {
    if (!(formats & F(f))) continue;
    size_t n = strlen(buf);
    snprintf(buf + n, size - n, "%s%s%s", n ? ", " : "", format_names[f],
             f == AC_CLI_TEXT ? _(" (default)") : "");
  }
}

/* ---- help ---- */

static void print_option(const ac_cli_option *o, const char *help, FILE *out) {
  char left[64];
  if (o->val < 256)
    snprintf(left, sizeof left, "  -%c, --%s%s%s", o->val, o->name, o->arg ? "=" : "",
             o->arg ? o->arg : "");
  else
    snprintf(left, sizeof left, "      --%s%s%s", o->name, o->arg ? "=" : "",
             o->arg ? o->arg : "");
  fprintf(out, "%-24s", left);
  if (strlen(left) >= 24) fprintf(out, "\n%24s", "");
  for (const char *s = help; *s; s++) {
    fputc(*s, out);
    if (*s == '\n') fprintf(out, "%24s", "");
  }
  fputc('\n', out);
}

/* The options of a verb (bit), or those of every verb (bit 0). */
static void print_options(unsigned bit, unsigned formats, FILE *out) {
  for (size_t i = 0; i < NOPTIONS; i++) {
    const ac_cli_option *o = &options[i];
    if (bit ? !(o->verbs & bit) : (o->verbs | B_HELP) != B_ALL) continue;
    if (o->val == O_FORMAT && formats) {
      char list[128], help[192];
      format_list(formats, list, sizeof list);
      snprintf(help, sizeof help, _("output: %s"), list);
      print_option(o, help, out);
    } else if (o->help && (o->val != O_JSON || (formats & F(AC_CLI_JSON)))) {
      print_option(o, _(o->help), out);
    }
  }
}

static void print_exit_status(FILE *out) {
  fputs(_("\nExit status: 0 success; 1 the input has problems (protocol errors, a\n"
          "failed query or expectation); 2 usage errors or unreadable files; 3 (query\n"
          "--fail) a 'can' answer is 'forbidden'.\n"),
        out);
}

void ac_cli_print_help(const ac_verb *v, FILE *out) {
  if (v) {
    fprintf(out, _("Usage: %s %s [OPTION]...%s%s\n"), AC_CLI_PROGRAM, v->name,
            v->operands[0] ? " " : "", v->operands);
    fprintf(out, "%s\n", _(v->text));
    if (v->bit == B_QUERY || v->bit == B_REPL || v->bit == B_PLAN)
      fputs(_("A FILE '-' is standard input.\n"), out);
    else if (v->bit == B_CHECK || v->bit == B_TEST || v->bit == B_FMT)
      fputs(_("A FILE '-' is standard input, which is read when no FILE is named.\n"), out);
    fputs(_("\nOptions:\n"), out);
    print_options(v->bit, v->formats, out);
    if (v->bit != B_HELP) print_exit_status(out);
    return;
  }
  fprintf(out, _("Usage: %s COMMAND [OPTION]... [ARGUMENT]...\n"), AC_CLI_PROGRAM);
  fputs(_("Check aftercare protocols and answer questions about them.\n"), out);
  fputs(_("\nCommands:\n"), out);
  for (int i = 0; i < ac_cli_nverbs; i++)
    fprintf(out, "  %-10s %s\n", ac_cli_verbs[i].name, _(ac_cli_verbs[i].summary));
  fputs(_("\nOptions of every command:\n"), out);
  print_options(0, 0, out);
  fprintf(out, _("\n'%s help COMMAND' or '%s COMMAND --help' lists the options of a\ncommand.\n"),
          AC_CLI_PROGRAM, AC_CLI_PROGRAM);
  print_exit_status(out);
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

void ac_cli_print_version(void) {
  printf("aftercare %s\n", aftercare_version());
  puts(_("The standard SMP aftercare protocol is built in."));
  puts(_("Copyright (C) 2026 the authors of aftercare."));
  puts(_("The licence is that of the source distribution; there is NO WARRANTY,\n"
         "to the extent permitted by law."));
}

/* ---- parsing ---- */

static bool parse_day(const char *s, long *out) {
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || end == s || *end || v < -100000 || v > 100000) return false;
  *out = v;
  return true;
}

/* How the user wrote the option just parsed: "--format", "-p". */
static const char *spelled(char **argv, int longindex, int ch, char *buf, size_t size) {
  if (longindex >= 0) {
    snprintf(buf, size, "--%s", options[longindex].name);
  } else if (ch > 0 && ch < 256) {
    snprintf(buf, size, "-%c", ch);
  } else {
    const char *arg = argv[optind - 1];
    size_t n = strcspn(arg, "=");
    snprintf(buf, size, "%.*s", (int)(n < size ? n : size - 1), arg);
  }
  return buf;
}

static int set_option(ac_cli *c, const ac_verb *v, int ch, const char *arg) {
  switch (ch) {
  case 'p':
    if (c->nprotocols == AC_CLI_MAX_PROTOCOLS)
      return ac_cli_usage_error(c, _("at most %d protocols"), AC_CLI_MAX_PROTOCOLS);
    c->protocol = arg;
    c->protocols[c->nprotocols++] = arg;
    break;
  case O_LISTEN: c->listen = arg; break;
  case O_TOKEN_FILE: c->token_file = arg; break;
  case O_WORKERS:
  case O_MAX_CONNECTIONS:
  case O_MAX_BODY: {
    char *end;
    errno = 0;
    long long n = strtoll(arg, &end, 10);
    long long most = ch == O_MAX_BODY ? 1LL << 40 : ch == O_WORKERS ? 1024 : 1000000;
    if (errno || end == arg || *end || n < 1 || n > most)
      return ac_cli_usage_error(c, _("'%s' is not a number from 1 to %lld"), arg, most);
    if (ch == O_WORKERS) c->workers = (int)n;
    else if (ch == O_MAX_CONNECTIONS) c->max_connections = (int)n;
    else c->max_body = n;
    break;
  }
  case O_FORMAT: {
    for (int f = 0; f < AC_CLI_NFORMATS; f++)
      if (strcmp(arg, format_names[f]) == 0 && (v->formats & F(f))) {
        c->format = (ac_cli_format)f;
        return 0;
      }
    char list[128];
    format_list(v->formats, list, sizeof list);
    return ac_cli_usage_error(c, _("'%s' is not a format of '%s' (formats: %s)"), arg, v->name,
                              list);
  }
  case O_JSON: c->format = AC_CLI_JSON; break;
  case O_BATCH: c->batch = true; break;
  case O_FAIL: c->fail = true; break;
  case O_EXPLAIN: c->explain = arg; break;
  case 'v': c->verbose = true; break;
  case O_RUN: c->run = arg; break;
  case O_COVERAGE: c->coverage = true; break;
  case 'c': c->check = true; break;
  case 'd': c->diff = true; break;
  case 'w': c->write = true; break;
  case 'q': c->quiet = true; break;
  case O_WERROR: c->werror = true; break;
  case 's':
    if (c->nsessions == AC_CLI_MAX_SESSIONS)
      return ac_cli_usage_error(c, _("at most %d sessions"), AC_CLI_MAX_SESSIONS);
    if (aftercare_parse_date(arg, &c->sessions[c->nsessions]) != 0)
      return ac_cli_usage_error(c, _("'%s' is not a date: use YYYY-MM-DD"), arg);
    c->nsessions++;
    break;
  case O_FROM:
  case O_TO:
    if (!parse_day(arg, ch == O_FROM ? &c->from : &c->to))
      return ac_cli_usage_error(c, _("'%s' is not a day number"), arg);
    if (ch == O_FROM) c->has_from = true;
    else c->has_to = true;
    break;
  case O_COLOR:
    if (strcmp(arg, "auto") == 0) c->color = -1;
    else if (strcmp(arg, "always") == 0) c->color = 1;
    else if (strcmp(arg, "never") == 0) c->color = 0;
    else return ac_cli_usage_error(c, _("unknown colour mode '%s' (use auto, always or never)"), arg);
    break;
  case O_MAX_ERRORS: {
    char *end;
    errno = 0;
    long n = strtol(arg, &end, 10);
    if (errno || end == arg || *end || n < 1 || n > 1000000)
      return ac_cli_usage_error(c, _("--max-errors takes a number from 1 to 1000000, not '%s'"),
                                arg);
    c->max_errors = (int)n;
    aftercare_set_diagnostic_limit((int)n);
    break;
  }
  default: break;
  }
  return 0;
}

int ac_cli_parse(ac_cli *c, const ac_verb *v, int argc, char **argv) {
  struct option longs[NOPTIONS + 1];
  char shorts[2 * NOPTIONS + 2], *s = shorts;
  *s++ = ':'; /* a missing argument is ':', not '?' */
  for (size_t i = 0; i < NOPTIONS; i++) {
    longs[i] = (struct option){options[i].name, options[i].has_arg, NULL, options[i].val};
    if (options[i].val < 256) {
      *s++ = (char)options[i].val;
      if (options[i].has_arg) *s++ = ':';
    }
  }
  *s = '\0';
  longs[NOPTIONS] = (struct option){NULL, 0, NULL, 0};
  c->verb = v;
  optind = 1;
  opterr = 0;
  for (;;) {
    int longindex = -1;
    int ch = getopt_long(argc, argv, shorts, longs, &longindex);
    if (ch == -1) break;
    char name[64];
    if (ch == '?') {
      ac_cli_usage_error(c, _("unknown option '%s'"), spelled(argv, -1, optopt, name, sizeof name));
      return -1;
    }
    if (ch == ':') {
      ac_cli_usage_error(c, _("option '%s' needs an argument"),
                         spelled(argv, longindex, optopt, name, sizeof name));
      return -1;
    }
    const ac_cli_option *o = longindex >= 0 ? &options[longindex] : find_option(ch);
    unsigned verbs = o ? o->verbs : 0;
    if (ch == O_JSON && !(v->formats & F(AC_CLI_JSON))) verbs = 0;
    if (!(verbs & v->bit)) {
      ac_cli_usage_error(c, _("'%s' is not an option of '%s'"),
                         spelled(argv, longindex, ch, name, sizeof name), v->name);
      return -1;
    }
    if (ch == 'h') {
      ac_cli_print_help(v->bit == B_HELP ? NULL : v, stdout);
      return -2;
    }
    if (ch == 'V') {
      ac_cli_print_version();
      return -2;
    }
    if (set_option(c, v, ch, optarg) != 0) return -1;
  }
  return optind;
}

/* ---- inputs, colour, statuses ---- */

bool ac_cli_color(const ac_cli *c, FILE *f) {
  if (c->color >= 0) return c->color;
  const char *nc = getenv("NO_COLOR");
  if (nc && *nc) return false;
  return isatty(fileno(f));
}

const char *ac_cli_name(const char *path) { return strcmp(path, "-") == 0 ? "<stdin>" : path; }

char *ac_cli_read(ac_cli *c, const char *path, size_t *len, int *status) {
  bool in = strcmp(path, "-") == 0;
  if (in && c->stdin_taken) {
    *status = ac_cli_usage_error(c, "%s", _("standard input can be read only once"));
    return NULL;
  }
  if (in) c->stdin_taken = true;
  FILE *fp = in ? stdin : fopen(path, "rb");
  size_t cap = 65536, n = 0;
  char *buf = fp ? malloc(cap + 1) : NULL;
  if (fp && !buf) abort();
  while (fp) {
    if (n == cap) {
      if (cap >= AC_CLI_MAX_FILE) {
        errno = EFBIG;
        break;
      }
      cap *= 2;
      char *q = realloc(buf, cap + 1);
      if (!q) abort();
      buf = q;
    }
    size_t k = fread(buf + n, 1, cap - n, fp);
    n += k;
    if (k == 0) {
      if (ferror(fp)) break;
      if (fp != stdin) fclose(fp);
      buf[n] = '\0';
      *len = n;
      return buf;
    }
  }
  int e = errno ? errno : EIO;
  if (fp && fp != stdin) fclose(fp);
  free(buf);
  ac_cli_error(_("cannot read '%s': %s"), path, strerror(e));
  *status = AFTERCARE_EXIT_USAGE;
  return NULL;
}

aftercare *ac_cli_open(ac_cli *c, const char *path, int *status) {
  if (!path) return aftercare_open_standard();
  if (strcmp(path, "-") == 0) {
    size_t len;
    char *text = ac_cli_read(c, path, &len, status);
    if (!text) return NULL;
    aftercare *p = aftercare_open_memory(ac_cli_name(path), text, len);
    free(text);
    return p;
  }
  int err = 0;
  aftercare *p = aftercare_open(path, &err);
  if (!p) {
    ac_cli_error(_("cannot read '%s': %s"), path, strerror(err));
    *status = AFTERCARE_EXIT_USAGE;
  }
  return p;
}

int ac_cli_files(ac_cli *c, int *argc, char ***argv) {
  static char dash[] = "-";
  static char *in[] = {dash};
  if (*argc > 0) return 0;
  if (isatty(STDIN_FILENO)) {
    ac_cli_usage_error(c, "%s", _("name a protocol file, or '-' for standard input"));
    return AFTERCARE_EXIT_USAGE;
  }
  *argc = 1;
  *argv = in;
  return 0;
}

aftercare *ac_cli_protocol(ac_cli *c, int *status) {
  aftercare *p = ac_cli_open(c, c->protocol, status);
  if (p && ac_cli_refuse(c, p)) {
    aftercare_close(p);
    *status = AFTERCARE_EXIT_INPUT;
    return NULL;
  }
  return p;
}

bool ac_cli_refuse(const ac_cli *c, const aftercare *p) {
  if (aftercare_errors(p) == 0 && !(c->werror && aftercare_warnings(p) > 0)) return false;
  aftercare_print_diagnostics(p, stderr, AFTERCARE_TEXT, ac_cli_color(c, stderr));
  return true;
}

static int rank(int status) {
  return status == AFTERCARE_EXIT_USAGE ? 3 : status == AFTERCARE_EXIT_INPUT ? 2 : status ? 1 : 0;
}

int ac_cli_worse(int a, int b) { return rank(b) > rank(a) ? b : a; }

int ac_cli_flush(int status) {
  if (fflush(stdout) != 0) {
    ac_cli_error(_("error writing output: %s"), strerror(errno));
    return AFTERCARE_EXIT_USAGE;
  }
  return status;
}
