/*
 * aftercare.h -- the public interface of libaftercare.
 *
 * Load a protocol (a file, text in memory, or the standard SMP protocol
 * compiled in), look at its diagnostics, and ask it questions in the query
 * language ("can swim on day 20", "when shave_razor", "symptoms redness,
 * discharge on day 5").  The aftercare program is a thin client of this
 * header; clinic software can embed the library the same way.
 *
 * All memory of a protocol is freed by aftercare_close().  A loaded
 * protocol is not changed by any call but aftercare_close(): any number of
 * threads may use one loaded protocol at once (ask, can, test, plan, names,
 * diagnostics), each call with its own output streams; what a call needs
 * for itself is its own.  Opening protocols in several threads at once is
 * safe too.  Only aftercare_set_diagnostic_limit() is a setting of the
 * process.
 */
#ifndef AFTERCARE_H
#define AFTERCARE_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A loaded, checked and compiled protocol. */
typedef struct aftercare aftercare;

/* How answers and diagnostics are written. */
typedef enum aftercare_format {
  AFTERCARE_TEXT, /* for people */
  AFTERCARE_JSON, /* one JSON object per answer, on one line */
  AFTERCARE_LINE,  /* the text of an answer on one line (--batch): its lines
                    * joined with " | " */
  AFTERCARE_SARIF  /* diagnostics only: a SARIF 2.1.0 log (one per call) */
} aftercare_format;

/* Exit statuses of the program, one per category (documented in README). */
enum {
  AFTERCARE_EXIT_OK = 0,      /* success */
  AFTERCARE_EXIT_INPUT = 1,   /* the input has problems: protocol errors, a failed
                               * query, a failed expectation */
  AFTERCARE_EXIT_USAGE = 2,   /* usage errors, unreadable files, other I/O errors */
  AFTERCARE_EXIT_FORBIDDEN = 3 /* (query --fail) a `can` answer is 'forbidden'; 1 and
                                * 2 take precedence */
};

/* The version of the library, "0.1.0". */
const char *aftercare_version(void);

/* Loads the protocol in the file at `path` and the protocols it extends.
 * Returns NULL only when the file itself cannot be read (then *error is an
 * errno value); every other problem is a diagnostic of the result. */
aftercare *aftercare_open(const char *path, int *error);

/* The same for protocol text in memory; `name` is how diagnostics call it. */
aftercare *aftercare_open_memory(const char *name, const char *text, size_t len);

/* The standard SMP aftercare protocol, compiled into the library. */
aftercare *aftercare_open_standard(void);

/* Where `extends "NAME"` finds the protocol NAME.  A resolver is given the
 * name as written and the path of the extending protocol (NULL for the
 * standard one); it hands the text of the protocol NAME to
 * aftercare_resolved() and returns 0, or returns an errno value (ENOENT:
 * no such protocol), reported as an error of the extending protocol
 * (AC0301).  "smp" is the standard protocol, never asked for.  The
 * default resolver, that of aftercare_open() and aftercare_open_memory(),
 * reads files: NAME is a path, relative to the extending file's directory.
 * A server can resolve names among the protocols it has loaded. */
typedef struct aftercare_resolution aftercare_resolution;
typedef int (*aftercare_resolver)(void *ctx, const char *name, const char *from,
                                  aftercare_resolution *r);

/* The text of the protocol a resolver found (copied: it need not outlive
 * the call); `path` is how diagnostics name it, and tells it apart from
 * the others of a chain (a cycle of extends is an error). */
void aftercare_resolved(aftercare_resolution *r, const char *path, const char *text,
                        size_t len);

/* Protocol text in memory, as aftercare_open_memory(), whose extends
 * `resolve` finds (with `ctx`); NULL: the default resolver. */
aftercare *aftercare_open_with(const char *name, const char *text, size_t len,
                               aftercare_resolver resolve, void *ctx);

void aftercare_close(aftercare *p);

/* Errors and warnings found while loading.  A protocol with errors must not
 * be used for answers (aftercare_ask refuses). */
int aftercare_errors(const aftercare *p);
int aftercare_warnings(const aftercare *p);

/* The most diagnostics kept (default 100); the rest are counted.  Call
 * before opening: applies to protocols opened afterwards. */
void aftercare_set_diagnostic_limit(int limit);

/* Prints the diagnostics, sorted by file and line.  `color`: ANSI colours. */
void aftercare_print_diagnostics(const aftercare *p, FILE *out, aftercare_format fmt,
                                 int color);

/* Answers one query (see docs/queries.md).  The answer goes to `out`; a
 * query that cannot be answered gets diagnostics on `err` (or a JSON error
 * object on `out`); `err` may be NULL: diagnostics and warnings are then
 * not written (a caller past its limit of errors).  `where` names the query's origin in diagnostics
 * ("query", "<stdin>"), and `line` its line there.  Returns 0 when
 * answered, 1 otherwise. */
int aftercare_ask(const aftercare *p, const char *query, aftercare_format fmt, FILE *out,
                  FILE *err, const char *where, int line, int color);

/* As aftercare_ask, but a `can` query answered 'forbidden' returns
 * AFTERCARE_EXIT_FORBIDDEN (3), for scripts (`aftercare query --fail`). */
int aftercare_ask_status(const aftercare *p, const char *query, aftercare_format fmt, FILE *out,
                         FILE *err, const char *where, int line, int color);

/* The verdict of an activity (identifier, label or alias) on a day after
 * the final session, as a word: "forbidden", "conditional", "discouraged",
 * "allowed", "recommended", "unknown"; NULL if no such activity, or if the
 * protocol has errors. */
const char *aftercare_can(const aftercare *p, const char *activity, int day);

/* Calls fn for every name of a kind: "activities", "symptoms", "phases",
 * "rules", "facts", "groups", "constraints" (for completion, menus), in
 * force, in file order.  Returns how many, or -1 for an unknown kind. */
int aftercare_names(const aftercare *p, const char *kind,
                    void (*fn)(const char *name, void *ctx), void *ctx);

/* The same for the aliases of the names of a kind, as written (an
 * activity's "razor"), in the order of the protocol. */
int aftercare_aliases(const aftercare *p, const char *kind,
                      void (*fn)(const char *alias, void *ctx), void *ctx);

/* The languages a keyword belongs to (aftercare_keywords). */
enum {
  AFTERCARE_IN_PROTOCOLS = 1, /* a keyword of protocols: exact, reserved */
  AFTERCARE_IN_QUERIES = 2    /* a keyword of queries: in any case */
};

/* The keywords of the language, for editors and completion: fn is called
 * for each with its word, its class ("statement", "clause", "verdict",
 * "level", ...) and the languages it belongs to.  Returns how many. */
int aftercare_keywords(void (*fn)(const char *word, const char *cls, int languages, void *ctx),
                       void *ctx);

/* The same as one JSON document, with the words of verdicts, levels and
 * intensities (`aftercare keywords --json`). */
void aftercare_keywords_json(FILE *out);

/* The path of the protocol's file, as given ("rules/smp.care" for the
 * standard one). */
const char *aftercare_path(const aftercare *p);

/* The protocol's name (its header), or NULL. */
const char *aftercare_name(const aftercare *p);

/* Runs the expectations written in the protocol file (not those of the
 * protocols it extends).  Prints each failure, then "N passed, M failed".
 * With `coverage`, first lists what the file's expectations leave
 * unexercised: rules and symptom rules, statements the file cites that no
 * expectation cites, and sides of changes of verdict no `can` expectation
 * asks (docs/language.md, "Running expectations").  Returns the number of
 * failures, plus, with `coverage`, the number of things not exercised: 0
 * means everything passed (and is covered). */
int aftercare_test(const aftercare *p, FILE *out, int color, int coverage);

/* The same, running only the expectations `pattern` selects (NULL: all;
 * see aftercare_expectations), and with `verbose` listing the passing ones
 * too ("FILE:LINE:COLUMN: ok: QUERY: ANSWER"). */
int aftercare_test_run(const aftercare *p, FILE *out, int color, int coverage, int verbose,
                       const char *pattern);

/* One expectation of a protocol file and its outcome. */
typedef struct aftercare_expectation {
  const char *file;        /* the protocol file, as given */
  int line, column;        /* where the expectation is written */
  const char *query;       /* its query, as written: "can swim on day 3" */
  int passed;
  const char *expected;    /* what the file expects: "forbidden", "from day 31" */
  const char *answer;      /* what the protocol answers */
  const char *code;        /* a failure's diagnostic code ("AC0501"), else NULL */
  const char *const *rules; /* the rules behind the answer, by name */
  int nrules;
} aftercare_expectation;

/* Runs the expectations of the protocol's own file and calls fn with each
 * outcome, in file order (the strings live until fn returns).  `pattern`
 * (fnmatch(3) wildcards; NULL: all) selects those of a file whose path or
 * last component matches, or about a rule (one behind the answer) whose
 * name matches.  Returns the failures. */
int aftercare_expectations(const aftercare *p, const char *pattern,
                           void (*fn)(const aftercare_expectation *e, void *ctx), void *ctx);

/* Formats protocol text in the canonical layout (aftercare fmt): comments
 * kept, meaning unchanged.  On success returns 0 and sets *out to the
 * formatted text (*out_len bytes, NUL-terminated; free() it).  Returns 1 if
 * the text has syntax errors (printed to `err`, if not NULL, naming the
 * text `name`), 2 when out of memory, 3 on an internal error (the result
 * would not scan to the same tokens: nothing is returned). */
int aftercare_format_text(const char *name, const char *text, size_t len, char **out,
                          size_t *out_len, FILE *err, int color);

/* The diagnostics of several protocols as one SARIF 2.1.0 log (one run;
 * every diagnostic code is a rule of the tool). */
void aftercare_print_sarif(const aftercare *const *protocols, int n, FILE *out);

/* The explanation of a diagnostic code ("AC0107"), from
 * docs/diagnostics.md, as text; NULL for an unknown code. */
const char *aftercare_explain(const char *code);

/* Calls fn for every diagnostic code with its title ("AC0107", "wrong
 * type"), in order (`aftercare check --explain all`).  Returns how many. */
int aftercare_diagnostic_codes(void (*fn)(const char *code, const char *title, void *ctx),
                               void *ctx);

/* Day-by-day plans (aftercare plan; docs/plan.md). */
typedef enum aftercare_plan_format {
  AFTERCARE_PLAN_TEXT,
  AFTERCARE_PLAN_MARKDOWN,
  AFTERCARE_PLAN_HTML,     /* one self-contained printable page */
  AFTERCARE_PLAN_JSON,
  AFTERCARE_PLAN_ICS       /* iCalendar (RFC 5545): needs session dates */
} aftercare_plan_format;

typedef struct aftercare_plan_options {
  aftercare_plan_format format;
  const long *sessions;    /* session dates (days since 1970-01-01), in order;
                            * NULL: a plan in day numbers */
  int nsessions;
  int has_from, has_to;    /* the range, in days: `from` counts from the first
                            * session, `to` from the last; default from the
                            * first day a rule names (0 or before) to the
                            * horizon */
  long from, to;
  long long dtstamp;       /* ICS: DTSTAMP, seconds since the epoch; -1: now */
  const char *language;    /* the language of the plan's words, such as "fr"
                            * (aftercare_language() gives the protocol's):
                            * from its catalogue, whatever the process's
                            * language; as written ("en") if it has none;
                            * NULL: the process's language, as every message */
} aftercare_plan_options;

/* Writes the plan to `out`; problems go to `err`.  Returns an exit status. */
int aftercare_plan(const aftercare *p, const aftercare_plan_options *o, FILE *out, FILE *err);

/* A field of the protocol's own header: "title", "version", "procedure"
 * or "language" (not those of the protocols it extends), or NULL. */
const char *aftercare_field(const aftercare *p, const char *field);

/* The names of the chain of protocols: 0 is the protocol itself, 1 the
 * protocol it extends, and so on to the standard one ("smp"); NULL past
 * the end, and for a file without a name. */
const char *aftercare_chain(const aftercare *p, int i);

/* The language of the protocol's texts (its `language` field, or that of a
 * protocol it extends), or NULL. */
const char *aftercare_language(const aftercare *p);

/* Reads the catalogue of every language installed now, and keeps them:
 * from then on plans in any language read no file (a language without a
 * catalogue is written as the protocol writes it).  For servers, which
 * read no file while they answer; call it once, at start, before any
 * plan.  Returns how many catalogues were kept, -1 when called before. */
int aftercare_keep_languages(void);

/* A date YYYY-MM-DD as days since 1970-01-01; 0 if valid, else -1. */
int aftercare_parse_date(const char *s, long *days);

/* ---- Answers of the language server (aftercare lsp; docs/editors.md) ----
 * Each returns the JSON text of a Language Server Protocol 3.17 result
 * (free() it) about the protocol's own file, the last of its chain.
 * Positions are LSP's: `line` 0-based, `character` in UTF-16 code units.
 * URIs are file URIs; the standard protocol is named by a read-only copy
 * written once to $XDG_CACHE_HOME/aftercare/ (~/.cache/aftercare/). */

/* Diagnostic[] of the file (publishDiagnostics). */
char *aftercare_lsp_diagnostics(const aftercare *p);

/* Hover, or null, of the name at a position. */
char *aftercare_lsp_hover(const aftercare *p, int line, int character);

/* CompletionItem[] of what may be written at a position. */
char *aftercare_lsp_completion(const aftercare *p, int line, int character);

/* Location, or null, of the declaration of the name at a position. */
char *aftercare_lsp_definition(const aftercare *p, int line, int character);

/* Location[] of every occurrence in the chain of the name at a position
 * of the chain's file `path` (its declaration only with `declaration`). */
char *aftercare_lsp_references(const aftercare *p, const char *path, int line, int character,
                               int declaration);

/* DocumentSymbol[]: the outline of the file. */
char *aftercare_lsp_symbols(const aftercare *p);

/* CodeAction[]: quick fixes of the diagnostics on lines first..last of
 * the file, whose edits name it `uri`. */
char *aftercare_lsp_code_actions(const aftercare *p, const char *uri, int first, int last);

/* CodeLens[]: expectations passing or failing, activities' timelines. */
char *aftercare_lsp_code_lenses(const aftercare *p);

/* TextEdit[] making `text` (named `name` in diagnostics) what
 * aftercare_format_text() makes of it: [] when it is formatted already or
 * has syntax errors. */
char *aftercare_lsp_formatting(const char *name, const char *text, size_t len);

/* The file URI of a path (malloc'ed), and the path of a file URI (NULL if
 * it is not one). */
char *aftercare_lsp_uri(const char *path);
char *aftercare_lsp_path(const char *uri);

#ifdef __cplusplus
}
#endif

#endif
