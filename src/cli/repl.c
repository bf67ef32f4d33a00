/*
 * repl.c -- the interactive session; see repl.h.
 *
 * Queries are the query language; lines starting with '.' are commands,
 * matched from one table that also makes the help.  Line editing, history
 * and completion come from lineedit.h when configure found a library;
 * without one, plain input still works.  Ctrl-C abandons the line, Ctrl-D
 * quits; no error ends the session.  Without a terminal on standard input
 * there are no prompts, so the REPL can be scripted.
 */
#include "config.h"

#include "repl.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aftercare.h"
#include "i18n.h"
#include "lineedit.h"

typedef struct repl {
  aftercare *protocol;
  char *path;        /* NULL: the standard protocol */
  bool json;
  bool color;
  bool interactive;  /* standard input is a terminal */
  bool quit;
  int status;        /* 1 once a query failed (for scripts) */
} repl;

/* ---- Commands ---- */

typedef struct repl_command {
  const char *name;
  const char *args;
  const char *help;
  void (*run)(repl *r, const char *arg);
} repl_command;

static aftercare *repl_open(const char *path, bool color) {
  if (!path) return aftercare_open_standard();
  int err = 0;
  aftercare *p = aftercare_open(path, &err);
  if (!p) {
    fprintf(stderr, _("cannot read '%s': %s\n"), path, strerror(err));
    return NULL;
  }
  if (aftercare_errors(p) > 0) {
    aftercare_print_diagnostics(p, stderr, AFTERCARE_TEXT, color);
    fprintf(stderr, _("'%s' has errors: the protocol in use is unchanged\n"), path);
    aftercare_close(p);
    return NULL;
  }
  return p;
}

static void repl_use(repl *r, aftercare *p, const char *path) {
  aftercare_close(r->protocol);
  r->protocol = p;
  free(r->path);
  r->path = path ? strdup(path) : NULL;
  printf(_("loaded %s (%s)\n"), aftercare_name(p) ? aftercare_name(p) : "?", aftercare_path(p));
}

static void cmd_load(repl *r, const char *arg) {
  if (!*arg) {
    fputs(_(".load needs a file name\n"), stderr);
    return;
  }
  aftercare *p = repl_open(arg, r->color);
  if (p) repl_use(r, p, arg);
}

static void cmd_reload(repl *r, const char *arg) {
  (void)arg;
  char *path = r->path ? strdup(r->path) : NULL;
  aftercare *p = repl_open(path, r->color);
  if (p) repl_use(r, p, path);
  free(path);
}

static void repl_count(const char *name, void *ctx) {
  (void)name;
  (*(int *)ctx)++;
}

static void cmd_protocol(repl *r, const char *arg) {
  (void)arg;
  int acts = 0, rules = 0;
  aftercare_names(r->protocol, "activities", repl_count, &acts);
  aftercare_names(r->protocol, "rules", repl_count, &rules);
  printf(_("%s (%s): %d activities, %d rules\n"),
         aftercare_name(r->protocol) ? aftercare_name(r->protocol) : "?",
         aftercare_path(r->protocol), acts, rules);
}

static void cmd_json(repl *r, const char *arg) {
  if (strcmp(arg, "on") == 0)
    r->json = true;
  else if (strcmp(arg, "off") == 0)
    r->json = false;
  else
    fputs(_(".json takes on or off\n"), stderr);
}

static void cmd_quit(repl *r, const char *arg) {
  (void)arg;
  r->quit = true;
}

static void cmd_help(repl *r, const char *arg);

static const repl_command repl_commands[] = {
    {".load", N_("FILE"), N_("load a protocol (one with errors is not loaded)"), cmd_load},
    {".reload", "", N_("read the protocol in use again"), cmd_reload},
    {".protocol", "", N_("which protocol is in use"), cmd_protocol},
    {".json", N_("on|off"), N_("answer in JSON, one object per line"), cmd_json},
    {".help", "", N_("this help"), cmd_help},
    {".quit", "", N_("leave (Ctrl-D does too)"), cmd_quit},
};
#define REPL_NCOMMANDS (sizeof repl_commands / sizeof *repl_commands)

static void cmd_help(repl *r, const char *arg) {
  (void)arg;
  for (size_t i = 0; i < REPL_NCOMMANDS; i++) {
    char left[32];
    snprintf(left, sizeof left, "%s %s", repl_commands[i].name, _(repl_commands[i].args));
    printf("%-20s %s\n", left, _(repl_commands[i].help));
  }
  puts(_("Anything else is a query:"));
  aftercare_ask(r->protocol, "help", AFTERCARE_TEXT, stdout, stderr, "repl", 1, 0);
}

static void repl_command_line(repl *r, char *line) {
  char *arg = line;
  while (*arg && *arg != ' ' && *arg != '\t') arg++;
  size_t n = (size_t)(arg - line);
  while (*arg == ' ' || *arg == '\t') arg++;
  char *end = arg + strlen(arg);
  while (end > arg && (end[-1] == ' ' || end[-1] == '\t')) *--end = '\0';
  for (size_t i = 0; i < REPL_NCOMMANDS; i++)
    if (strlen(repl_commands[i].name) == n && strncmp(repl_commands[i].name, line, n) == 0) {
      repl_commands[i].run(r, arg);
      return;
    }
  fprintf(stderr, _("unknown command '%.*s': try .help\n"), (int)n, line);
}

static void repl_line(repl *r, char *line, int lineno) {
  while (*line == ' ' || *line == '\t') line++;
  if (!*line || *line == '#') return;
  if (*line == '.') {
    repl_command_line(r, line);
    return;
  }
  int rc = aftercare_ask(r->protocol, line, r->json ? AFTERCARE_JSON : AFTERCARE_TEXT, stdout,
                         stderr, r->interactive ? "repl" : "<stdin>", lineno, r->color);
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
static const char **repl_words;
static size_t repl_nwords, repl_capwords;

static void repl_add_word(const char *w, void *ctx) {
  (void)ctx;
  if (repl_nwords == repl_capwords) {
    repl_capwords = repl_capwords ? repl_capwords * 2 : 64;
    repl_words = realloc(repl_words, repl_capwords * sizeof *repl_words);
    if (!repl_words) abort();
  }
  repl_words[repl_nwords++] = w;
}

/* The keywords of queries (the library's table). */
static void repl_add_keyword(const char *word, const char *cls, int languages, void *ctx) {
  (void)cls;
  if (languages & AFTERCARE_IN_QUERIES) repl_add_word(word, ctx);
}

static void repl_collect(void) {
  repl_nwords = 0;
  aftercare_keywords(repl_add_keyword, NULL);
  for (size_t i = 0; i < REPL_NCOMMANDS; i++) repl_add_word(repl_commands[i].name, NULL);
  aftercare_names(repl_current->protocol, "activities", repl_add_word, NULL);
  aftercare_names(repl_current->protocol, "symptoms", repl_add_word, NULL);
  aftercare_names(repl_current->protocol, "rules", repl_add_word, NULL);
}

static char *repl_generator(const char *text, int state) {
  static size_t next;
  static size_t len;
  if (state == 0) {
    repl_collect();
    next = 0;
    len = strlen(text);
  }
  while (next < repl_nwords) {
    const char *w = repl_words[next++];
    if (strncmp(w, text, len) == 0) return strdup(w);
  }
  return NULL;
}

static char **repl_complete(const char *text, int start, int end) {
  (void)start;
  (void)end;
  rl_attempted_completion_over = 1;
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
  char *line = NULL;
  size_t cap = 0;
  for (;;) {
    errno = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n >= 0) {
      while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
      return line;
    }
    if (errno == EINTR && repl_interrupted) {
      /* Ctrl-C: abandon the line, prompt again */
      clearerr(stdin);
      repl_interrupted = 0;
      if (prompt) {
        fputs("\n", stdout);
        fputs(prompt, stdout);
        fflush(stdout);
      }
      continue;
    }
    free(line);
    return NULL;
  }
}

int ac_repl_run(const char *path, bool json, int color) {
  repl r;
  memset(&r, 0, sizeof r);
  r.interactive = isatty(STDIN_FILENO);
  const char *nc = getenv("NO_COLOR");
  r.color = color >= 0 ? color != 0 : (isatty(STDERR_FILENO) && !(nc && *nc));
  r.json = json;
  r.protocol = path ? NULL : aftercare_open_standard();
  if (path) {
    int err = 0;
    r.protocol = aftercare_open(path, &err);
    if (!r.protocol) {
      fprintf(stderr, _("aftercare: cannot read '%s': %s\n"), path, strerror(err));
      return 2;
    }
    if (aftercare_errors(r.protocol) > 0) {
      aftercare_print_diagnostics(r.protocol, stderr, AFTERCARE_TEXT, r.color);
      aftercare_close(r.protocol);
      return 1;
    }
    r.path = strdup(path);
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
           aftercare_version(), aftercare_path(r.protocol));
  }
#if AC_HAVE_LINEEDIT
  if (r.interactive) {
    repl_current = &r;
#if defined(HAVE_READLINE)
    rl_catch_signals = 0;
    rl_readline_name = "aftercare";
#endif
    rl_attempted_completion_function = repl_complete;
    history = repl_history_path();
    if (history) ac_history_load(history);
  }
#endif
  int lineno = 0;
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
    lineno++;
    repl_line(&r, line, lineno);
    free(line);
  }
  if (r.interactive && !r.quit) fputc('\n', stdout);
#if AC_HAVE_LINEEDIT
  if (history) ac_history_save(history);
  free(repl_words);
  repl_words = NULL;
  repl_nwords = repl_capwords = 0;
#endif
  free(history);
  free(r.path);
  aftercare_close(r.protocol);
  return r.interactive ? 0 : r.status;
}
