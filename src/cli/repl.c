/*
 * repl.c -- the interactive session; see repl.h.
 *
 * Queries are the query language; lines starting with '.' are commands,
 * matched from one table that also makes the help; `exit` and `quit`
 * leave too.  Line editing, history and completion come from lineedit.h
 * when configure found a library; without one, plain input still works.
 * Completion depends on where the word is: commands and query keywords at
 * the start of a line, activities and their aliases after `can` and
 * `when`, symptoms after `symptoms`, facts after `with`, file names after
 * `.load` and `.read`.  Ctrl-C abandons the line, Ctrl-D quits; no error
 * ends the session.  Without a terminal on standard input there are no
 * prompts, so the REPL can be scripted: then the exit status is 1 if any
 * command or query failed.
 */
#include "config.h"

#include "repl.h"

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "aftercare.h"
#include "i18n.h"
#include "lineedit.h"

/* How deeply .read may nest (a file that reads itself stops there). */
#define REPL_MAX_READ_DEPTH 16

/* A protocol loaded in the session. */
typedef struct repl_protocol {
  aftercare *protocol;
  char *path; /* NULL: the standard protocol */
} repl_protocol;

typedef struct repl {
  repl_protocol *loaded; /* every protocol loaded in the session */
  size_t nloaded, caploaded;
  size_t in_use;         /* index in loaded */
  bool json;
  bool color;
  bool interactive;      /* standard input is a terminal */
  bool quit;
  int status;            /* 1 once a command or query failed (for scripts) */
  const char *where;     /* the input being read: "repl", "<stdin>", a .read file */
  int line;              /* its line */
  int depth;             /* of .read */
} repl;

#define REPL_IN_USE(r) ((r)->loaded[(r)->in_use].protocol)

/* A command or a protocol failed: the message, after the place when the
 * input is a script, not a person at the terminal.  Returns 1. */
static int repl_fail(repl *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int repl_fail(repl *r, const char *fmt, ...) {
  if (!r->interactive || r->depth > 0) fprintf(stderr, "%s:%d: ", r->where, r->line);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  r->status = 1;
  return 1;
}

/* ---- The protocols of the session ---- */

static aftercare *repl_open(repl *r, const char *path) {
  if (!path) return aftercare_open_standard();
  int err = 0;
  aftercare *p = aftercare_open(path, &err);
  if (!p) {
    repl_fail(r, _("cannot read '%s': %s\n"), path, strerror(err));
    return NULL;
  }
  if (aftercare_errors(p) > 0) {
    aftercare_print_diagnostics(p, stderr, AFTERCARE_TEXT, r->color);
    repl_fail(r, _("'%s' has errors: the protocol in use is unchanged\n"), path);
    aftercare_close(p);
    return NULL;
  }
  return p;
}

static bool repl_same_path(const char *a, const char *b) {
  return a == b || (a && b && strcmp(a, b) == 0);
}

/* Adds p (read from path) to the session, in place of the one read from
 * the same path if any; it is then the one in use. */
static void repl_add(repl *r, aftercare *p, const char *path) {
  size_t i = 0;
  while (i < r->nloaded && !repl_same_path(r->loaded[i].path, path)) i++;
  if (i < r->nloaded) {
    aftercare_close(r->loaded[i].protocol);
  } else {
    if (r->nloaded == r->caploaded) {
      r->caploaded = r->caploaded ? 2 * r->caploaded : 4;
      r->loaded = realloc(r->loaded, r->caploaded * sizeof *r->loaded);
      if (!r->loaded) abort();
    }
    r->loaded[i].path = path ? strdup(path) : NULL;
    if (path && !r->loaded[i].path) abort();
    r->nloaded++;
  }
  r->loaded[i].protocol = p;
  r->in_use = i;
}

static const char *repl_name(const aftercare *p) {
  return aftercare_name(p) ? aftercare_name(p) : "?";
}

/* The standard protocol, opened when first needed. */
static const aftercare *repl_standard(repl *r) {
  for (size_t i = 0; i < r->nloaded; i++)
    if (!r->loaded[i].path) return r->loaded[i].protocol;
  size_t in_use = r->in_use;
  repl_add(r, aftercare_open_standard(), NULL);
  r->in_use = in_use;
  return r->loaded[r->nloaded - 1].protocol;
}

/* The protocol of the session named `name` (its header's name or its
 * path; the latest loaded first; the standard one is opened if need be),
 * or -1. */
static long repl_find(repl *r, const char *name) {
  for (;;) {
    for (size_t i = r->nloaded; i-- > 0;) {
      const aftercare *p = r->loaded[i].protocol;
      if ((aftercare_name(p) && strcmp(aftercare_name(p), name) == 0) ||
          strcmp(aftercare_path(p), name) == 0)
        return (long)i;
    }
    size_t n = r->nloaded;
    repl_standard(r);
    if (r->nloaded == n) return -1;
  }
}

/* ---- Commands ---- */

typedef struct repl_command {
  const char *name;
  const char *args;
  const char *help; /* NULL: another name of the command before it */
  int (*run)(repl *r, const char *arg); /* 0, or 1 when it failed */
} repl_command;

static int cmd_load(repl *r, const char *arg) {
  if (!*arg) return repl_fail(r, _(".load needs a file name\n"));
  aftercare *p = repl_open(r, arg);
  if (!p) return 1;
  repl_add(r, p, arg);
  printf(_("loaded %s (%s)\n"), repl_name(p), aftercare_path(p));
  return 0;
}

static int cmd_reload(repl *r, const char *arg) {
  (void)arg;
  char *path = r->loaded[r->in_use].path ? strdup(r->loaded[r->in_use].path) : NULL;
  aftercare *p = repl_open(r, path);
  if (p) {
    repl_add(r, p, path);
    printf(_("loaded %s (%s)\n"), repl_name(p), aftercare_path(p));
  }
  free(path);
  return p ? 0 : 1;
}

static void repl_count(const char *name, void *ctx) {
  (void)name;
  (*(int *)ctx)++;
}

static int cmd_protocol(repl *r, const char *arg) {
  if (*arg) {
    long i = repl_find(r, arg);
    if (i < 0) {
      char *names = NULL;
      size_t len = 0;
      FILE *list = open_memstream(&names, &len);
      if (!list) abort();
      for (size_t k = 0; k < r->nloaded; k++)
        fprintf(list, "%s%s", k ? ", " : "", repl_name(r->loaded[k].protocol));
      fclose(list);
      repl_fail(r, _("no protocol '%s' in this session (it has %s): .load FILE adds one\n"), arg,
                names);
      free(names);
      return 1;
    }
    r->in_use = (size_t)i;
  }
  const aftercare *p = REPL_IN_USE(r);
  int acts = 0, rules = 0;
  aftercare_names(p, "activities", repl_count, &acts);
  aftercare_names(p, "rules", repl_count, &rules);
  printf(_("%s (%s): %d activities, %d rules\n"), repl_name(p), aftercare_path(p), acts, rules);
  return 0;
}

static int cmd_json(repl *r, const char *arg) {
  if (strcmp(arg, "on") == 0)
    r->json = true;
  else if (strcmp(arg, "off") == 0)
    r->json = false;
  else
    return repl_fail(r, _(".json takes on or off\n"));
  return 0;
}

static int cmd_quit(repl *r, const char *arg) {
  (void)arg;
  r->quit = true;
  return 0;
}

static int cmd_help(repl *r, const char *arg);
static int cmd_read(repl *r, const char *arg);

static const repl_command repl_commands[] = {
    {".load", N_("FILE"), N_("load a protocol (one with errors is not loaded)"), cmd_load},
    {".read", N_("FILE"), N_("run the queries and commands of a file, as if typed"), cmd_read},
    {".reload", "", N_("read the protocol in use again"), cmd_reload},
    {".protocol", N_("[NAME]"), N_("which protocol is in use; NAME: use that one of the session"),
     cmd_protocol},
    {".json", N_("on|off"), N_("answer in JSON, one object per line"), cmd_json},
    {".help", "", N_("this help"), cmd_help},
    {".quit", "", N_("leave (so do exit, quit and Ctrl-D)"), cmd_quit},
    {".exit", "", NULL, cmd_quit},
};
#define REPL_NCOMMANDS (sizeof repl_commands / sizeof *repl_commands)

/* The words that leave, besides the commands: not queries. */
static const char *const repl_leave_words[] = {"exit", "quit"};
#define REPL_NLEAVE (sizeof repl_leave_words / sizeof *repl_leave_words)

static int cmd_help(repl *r, const char *arg) {
  (void)arg;
  for (size_t i = 0; i < REPL_NCOMMANDS; i++) {
    if (!repl_commands[i].help) continue;
    char left[32];
    snprintf(left, sizeof left, "%s", repl_commands[i].name);
    /* the other names of the command */
    for (size_t j = i + 1; j < REPL_NCOMMANDS && !repl_commands[j].help; j++)
      snprintf(left + strlen(left), sizeof left - strlen(left), ", %s", repl_commands[j].name);
    if (*repl_commands[i].args)
      snprintf(left + strlen(left), sizeof left - strlen(left), " %s", _(repl_commands[i].args));
    printf("%-20s %s\n", left, _(repl_commands[i].help));
  }
  puts(_("Anything else is a query:"));
  aftercare_ask(REPL_IN_USE(r), "help", AFTERCARE_TEXT, stdout, stderr, "repl", 1, 0);
  return 0;
}

static void repl_line(repl *r, char *line);

/* A line of any length from `in`, without its line end, or NULL at the
 * end or on an error (errno says which: 0 at the end). */
static char *repl_read_line(FILE *in) {
  char *line = NULL;
  size_t cap = 0;
  errno = 0;
  ssize_t n = getline(&line, &cap, in);
  if (n < 0) {
    int err = errno;
    free(line);
    errno = err;
    return NULL;
  }
  while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
  return line;
}

static int cmd_read(repl *r, const char *arg) {
  if (!*arg) return repl_fail(r, _(".read needs a file name\n"));
  if (r->depth >= REPL_MAX_READ_DEPTH)
    return repl_fail(r, _(".read goes more than %d files deep\n"),
                     REPL_MAX_READ_DEPTH);
  FILE *f = fopen(arg, "r");
  if (!f) return repl_fail(r, _("cannot read '%s': %s\n"), arg, strerror(errno));
  char *where = strdup(arg);
  if (!where) abort();
  const char *outer = r->where;
  int outer_line = r->line;
  r->where = where;
  r->line = 0;
  r->depth++;
  char *line;
  while (!r->quit && (line = repl_read_line(f)) != NULL) {
    r->line++;
    repl_line(r, line);
    free(line);
  }
  int failed = ferror(f) ? repl_fail(r, _("cannot read '%s': %s\n"), arg, strerror(errno)) : 0;
  fclose(f);
  r->depth--;
  r->where = outer;
  r->line = outer_line;
  free(where);
  return failed;
}

static void repl_command_line(repl *r, char *line) {
  char *arg = line;
  while (*arg && *arg != ' ' && *arg != '\t') arg++;
  size_t n = (size_t)(arg - line);
  while (*arg == ' ' || *arg == '\t') arg++;
  for (size_t i = 0; i < REPL_NCOMMANDS; i++)
    if (strlen(repl_commands[i].name) == n && strncmp(repl_commands[i].name, line, n) == 0) {
      repl_commands[i].run(r, arg);
      fflush(stdout);
      return;
    }
  repl_fail(r, _("unknown command '%.*s': try .help\n"), (int)n, line);
}

static void repl_line(repl *r, char *line) {
  while (*line == ' ' || *line == '\t') line++;
  char *end = line + strlen(line);
  while (end > line && (end[-1] == ' ' || end[-1] == '\t')) *--end = '\0';
  if (!*line || *line == '#') return;
  if (*line == '.') {
    repl_command_line(r, line);
    return;
  }
  for (size_t i = 0; i < REPL_NLEAVE; i++)
    if (strcasecmp(line, repl_leave_words[i]) == 0) {
      r->quit = true;
      return;
    }
  int rc = aftercare_ask(REPL_IN_USE(r), line, r->json ? AFTERCARE_JSON : AFTERCARE_TEXT, stdout,
                         stderr, r->where, r->line, r->color);
  if (rc != 0) r->status = 1;
  fflush(stdout);
}

/* ---- Ctrl-C ---- */

static volatile sig_atomic_t repl_interrupted;

static void repl_on_sigint(int sig) {
  (void)sig;
  repl_interrupted = 1;
#if AC_HAVE_LINEEDIT && defined(HAVE_READLINE)
  /* Abandon the line being edited and show a fresh prompt. */
  (void)write(STDOUT_FILENO, "\n", 1);
  rl_on_new_line();
  rl_replace_line("", 0);
  rl_redisplay();
#endif
}

/* ---- Completion ---- */

#if AC_HAVE_LINEEDIT
static repl *repl_current;

/* The matches: each the rest of a name from the word being completed. */
static const char **repl_matches;
static size_t repl_nmatches, repl_capmatches;

/* What is typed of the name being completed (it may be several words, as
 * "shave with a r"), and where in it the word being completed starts. */
static const char *repl_phrase;
static size_t repl_phrase_len, repl_word_at;

static void repl_offer(const char *name, void *ctx) {
  (void)ctx;
  if (strncasecmp(name, repl_phrase, repl_phrase_len) != 0) return;
  if (repl_nmatches == repl_capmatches) {
    repl_capmatches = repl_capmatches ? repl_capmatches * 2 : 64;
    repl_matches = realloc(repl_matches, repl_capmatches * sizeof *repl_matches);
    if (!repl_matches) abort();
  }
  repl_matches[repl_nmatches++] = name + repl_word_at;
}

/* The keywords of queries, or those of a class (the library's table). */
static void repl_offer_keyword(const char *word, const char *cls, int languages, void *ctx) {
  if ((languages & AFTERCARE_IN_QUERIES) && (!ctx || strcmp(cls, ctx) == 0))
    repl_offer(word, NULL);
}

/* After a name, the words that may go on a query ("on", "with", "after"):
 * keywords of both languages, not the words only a query starts with
 * ("rules", "help"), which would make "can shave with a r" ambiguous. */
static void repl_offer_continuation(const char *word, const char *cls, int languages,
                                    void *ctx) {
  (void)cls;
  (void)ctx;
  if ((languages & AFTERCARE_IN_QUERIES) && (languages & AFTERCARE_IN_PROTOCOLS))
    repl_offer(word, NULL);
}

/* Names (and their aliases) of a kind, for what is typed from `from`
 * (before the word at `start`) to `end`. */
static void repl_phrase_from(const char *line, size_t from, size_t start, size_t end) {
  while (from < start && isspace((unsigned char)line[from])) from++;
  repl_phrase = line + from;
  repl_phrase_len = end - from;
  repl_word_at = start - from;
}

static void repl_offer_kind(const aftercare *p, const char *kind, bool aliases) {
  aftercare_names(p, kind, repl_offer, NULL);
  if (aliases) aftercare_aliases(p, kind, repl_offer, NULL);
}

enum { AT_WORDS, AT_ACTIVITY, AT_SYMPTOM, AT_FACT, AT_VALUE, AT_NAME };

/* Where the word at `start` is in a query: after `can` (an activity),
 * `symptoms`, `with` (a fact or a symptom, or more of an activity's
 * phrase, which may hold `with`), `=` (a value), `explain`, or elsewhere
 * (keywords).  *from: where the name being typed starts; *activity: where
 * an activity's phrase starts, when a `with` may belong to it. */
static int repl_query_place(const char *line, size_t pos, size_t start, size_t *from,
                            size_t *activity) {
  int at = AT_WORDS;
  int nwords = 0;
  bool when = false, can = false;
  *from = *activity = start;
  while (pos < start) {
    while (pos < start && isspace((unsigned char)line[pos])) pos++;
    if (pos >= start) break;
    size_t b = pos;
    if (line[pos] == ',' || line[pos] == '=')
      pos++;
    else
      while (pos < start && !isspace((unsigned char)line[pos]) && line[pos] != ',' &&
             line[pos] != '=')
        pos++;
    size_t n = pos - b;
#define REPL_IS(w) (n == strlen(w) && strncasecmp(line + b, w, n) == 0)
    bool item_start = b == *from || (*from < b && strspn(line + *from, " \t") == b - *from);
    if (nwords == 0 || (nwords == 1 && when && REPL_IS("can"))) {
      when = REPL_IS("when");
      can = REPL_IS("can") || when;
      if (can) at = AT_ACTIVITY, *from = *activity = pos;
      else if (REPL_IS("symptoms")) at = AT_SYMPTOM, *from = pos;
      else if (REPL_IS("explain")) at = AT_NAME, *from = pos;
    } else if (at == AT_NAME) {
      /* a name may hold any word */
    } else if (REPL_IS("with") && can) {
      at = AT_FACT, *from = pos;
    } else if ((REPL_IS(",") || REPL_IS("and")) && (at == AT_SYMPTOM || at == AT_FACT ||
                                                    at == AT_VALUE)) {
      at = at == AT_SYMPTOM ? AT_SYMPTOM : AT_FACT, *from = pos, *activity = start;
    } else if (REPL_IS("=") && at == AT_FACT) {
      at = AT_VALUE, *activity = start;
    } else if (REPL_IS("no") && at == AT_FACT && item_start) {
      *from = pos; /* no irritation */
    } else if (REPL_IS("on") || REPL_IS("after") || REPL_IS("day")) {
      at = AT_WORDS, *activity = start;
    }
#undef REPL_IS
    nwords++;
  }
  if (at == AT_WORDS || at == AT_VALUE) *from = start;
  return at;
}

static char *repl_generator(const char *text, int state) {
  static size_t next;
  (void)text;
  if (state == 0) next = 0;
  return next < repl_nmatches ? strdup(repl_matches[next++]) : NULL;
}

static char **repl_complete(const char *text, int start, int end) {
  rl_attempted_completion_over = 1;
  repl *r = repl_current;
  const aftercare *p = REPL_IN_USE(r);
  const char *line = rl_line_buffer;
  size_t s = (size_t)start, e = (size_t)end, i = 0, from, activity;
  repl_nmatches = 0;
  while (i < s && isspace((unsigned char)line[i])) i++;
  if (i == s) {
    /* the start of a line: a command, a query's first word, exit, quit */
    repl_phrase_from(line, s, s, e);
    for (size_t k = 0; k < REPL_NCOMMANDS; k++) repl_offer(repl_commands[k].name, NULL);
    for (size_t k = 0; k < REPL_NLEAVE; k++) repl_offer(repl_leave_words[k], NULL);
    aftercare_keywords(repl_offer_keyword, NULL);
  } else if (line[i] == '.') {
    /* a command's argument: only one */
    size_t cmd = i;
    while (i < s && !isspace((unsigned char)line[i])) i++;
    size_t n = i - cmd;
    while (i < s && isspace((unsigned char)line[i])) i++;
    if (i != s) return NULL;
#define REPL_CMD(w) (n == strlen(w) && strncmp(line + cmd, w, n) == 0)
    if (REPL_CMD(".load") || REPL_CMD(".read")) {
      rl_attempted_completion_over = 0;
      return rl_completion_matches(text, rl_filename_completion_function);
    }
    repl_phrase_from(line, s, s, e);
    if (REPL_CMD(".protocol")) {
      repl_standard(r);
      for (size_t k = 0; k < r->nloaded; k++)
        repl_offer(repl_name(r->loaded[k].protocol), NULL);
    } else if (REPL_CMD(".json")) {
      repl_offer("on", NULL);
      repl_offer("off", NULL);
    }
#undef REPL_CMD
  } else {
    int at = repl_query_place(line, i, s, &from, &activity);
    repl_phrase_from(line, from, s, e);
    switch (at) {
    case AT_ACTIVITY: repl_offer_kind(p, "activities", true); break;
    case AT_SYMPTOM: repl_offer_kind(p, "symptoms", true); break;
    case AT_FACT:
      repl_offer_kind(p, "facts", true);
      repl_offer_kind(p, "symptoms", true);
      if (activity < s) {
        repl_phrase_from(line, activity, s, e);
        repl_offer_kind(p, "activities", true);
      }
      break;
    case AT_VALUE: aftercare_keywords(repl_offer_keyword, "boolean"); break;
    case AT_NAME:
      repl_offer_kind(p, "rules", false);
      repl_offer_kind(p, "activities", false);
      repl_offer_kind(p, "symptoms", false);
      repl_offer_kind(p, "facts", false);
      repl_offer_kind(p, "phases", false);
      break;
    default: aftercare_keywords(repl_offer_keyword, NULL); break;
    }
    /* after the first word of a name, what may follow it */
    if (at != AT_WORDS && at != AT_VALUE && at != AT_NAME && from < s) {
      repl_phrase_from(line, s, s, e);
      aftercare_keywords(repl_offer_continuation, NULL);
    }
  }
  if (!repl_nmatches) return NULL;
  return rl_completion_matches(text, repl_generator);
}

static char *repl_history_path(void) {
  const char *env = getenv("AFTERCARE_HISTORY");
  if (env) return *env ? strdup(env) : NULL;
  const char *home = getenv("HOME");
  if (!home || !*home) return NULL;
  size_t n = strlen(home) + 32;
  char *p = malloc(n);
  if (!p) abort();
  snprintf(p, n, "%s/.aftercare_history", home);
  return p;
}
#endif

/* Plain input: a line of any length, or NULL at end of input. */
static char *repl_getline(const char *prompt) {
  if (prompt) {
    fputs(prompt, stdout);
    fflush(stdout);
  }
  for (;;) {
    char *line = repl_read_line(stdin);
    if (line || errno != EINTR || !repl_interrupted) return line;
    /* Ctrl-C: abandon the line, prompt again */
    clearerr(stdin);
    repl_interrupted = 0;
    if (prompt) {
      fputs("\n", stdout);
      fputs(prompt, stdout);
      fflush(stdout);
    }
  }
}

int ac_repl_run(const char *path, bool json, int color) {
  repl r;
  memset(&r, 0, sizeof r);
  r.interactive = isatty(STDIN_FILENO);
  r.where = r.interactive ? "repl" : "<stdin>";
  const char *nc = getenv("NO_COLOR");
  r.color = color >= 0 ? color != 0 : (isatty(STDERR_FILENO) && !(nc && *nc));
  r.json = json;
  if (path) {
    int err = 0;
    aftercare *p = aftercare_open(path, &err);
    if (!p) {
      fprintf(stderr, _("aftercare: cannot read '%s': %s\n"), path, strerror(err));
      return 2;
    }
    if (aftercare_errors(p) > 0) {
      aftercare_print_diagnostics(p, stderr, AFTERCARE_TEXT, r.color);
      aftercare_close(p);
      return 1;
    }
    repl_add(&r, p, path);
  } else {
    repl_add(&r, aftercare_open_standard(), NULL);
  }

  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = repl_on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0; /* no SA_RESTART: a plain read returns EINTR */
  sigaction(SIGINT, &sa, NULL);

  const char *prompt = NULL;
  char *history = NULL;
  if (r.interactive) {
#if AC_HAVE_LINEEDIT
    /* \001 \002 tell the line editor that what they enclose takes no room */
    prompt = r.color ? "\001\033[1;36m\002aftercare>\001\033[0m\002 " : "aftercare> ";
#else
    prompt = r.color ? "\033[1;36maftercare>\033[0m " : "aftercare> ";
#endif
    printf(_("aftercare %s: %s loaded. Type help for queries, .help for commands.\n"),
           aftercare_version(), aftercare_path(REPL_IN_USE(&r)));
  }
#if AC_HAVE_LINEEDIT
  /* Words end at blanks, ',' and '=': names may hold apostrophes. */
  static char word_breaks[] = " \t\n,=";
  if (r.interactive) {
    repl_current = &r;
#if defined(HAVE_READLINE)
    rl_catch_signals = 0;
    rl_readline_name = "aftercare";
#endif
    rl_completer_word_break_characters = word_breaks;
    rl_attempted_completion_function = repl_complete;
    history = repl_history_path();
    if (history) ac_history_load(history);
  }
#endif
  while (!r.quit) {
    char *line;
#if AC_HAVE_LINEEDIT
    if (r.interactive) {
      repl_interrupted = 0;
      line = ac_readline(prompt);
#if !defined(HAVE_READLINE)
      /* libedit gives up the line on Ctrl-C: prompt again on a new line.
         (GNU readline keeps reading after Ctrl-C, see repl_on_sigint, so
         there NULL is always the end of input, even after a Ctrl-C.) */
      if (!line && repl_interrupted) {
        fputc('\n', stdout);
        fflush(stdout);
        continue;
      }
#endif
      if (line && *line) ac_add_history(line);
    } else
#endif
      line = repl_getline(prompt);
    if (!line) break;
    r.line++;
    repl_line(&r, line);
    free(line);
  }
  if (r.interactive && !r.quit) fputc('\n', stdout);
#if AC_HAVE_LINEEDIT
  if (history) ac_history_save(history);
  free(repl_matches);
  repl_matches = NULL;
  repl_nmatches = repl_capmatches = 0;
#endif
  free(history);
  for (size_t i = 0; i < r.nloaded; i++) {
    aftercare_close(r.loaded[i].protocol);
    free(r.loaded[i].path);
  }
  free(r.loaded);
  return r.interactive ? 0 : r.status;
}
