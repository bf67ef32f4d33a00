/*
 * aftercare.h -- the public interface of libaftercare.
 *
 * Load a protocol (a file, text in memory, or the standard SMP protocol
 * compiled in), look at its diagnostics, and ask it questions in the query
 * language ("can swim on day 20", "when shave_razor", "symptoms redness,
 * discharge on day 5").  The aftercare program is a thin client of this
 * header; clinic software can embed the library the same way.
 *
 * All memory of a protocol is freed by aftercare_close().  A protocol may be
 * queried from one thread at a time.
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
  AFTERCARE_LINE  /* the text of an answer on one line (--batch): its lines
                   * joined with " | " */
} aftercare_format;

/* Exit statuses of the program, one per category (documented in README). */
enum {
  AFTERCARE_EXIT_OK = 0,      /* success */
  AFTERCARE_EXIT_INPUT = 1,   /* the input has problems: protocol errors, a failed
                               * query, a failed expectation */
  AFTERCARE_EXIT_USAGE = 2    /* usage errors, unreadable files, other I/O errors */
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
 * object on `out`).  `where` names the query's origin in diagnostics
 * ("query", "<stdin>"), and `line` its line there.  Returns 0 when
 * answered, 1 otherwise. */
int aftercare_ask(aftercare *p, const char *query, aftercare_format fmt, FILE *out,
                  FILE *err, const char *where, int line, int color);

/* The verdict of an activity (identifier, label or alias) on a day after
 * the final session, as a word: "forbidden", "conditional", "discouraged",
 * "allowed", "recommended", "unknown"; NULL if no such activity. */
const char *aftercare_can(aftercare *p, const char *activity, int day);

/* Calls fn for every name of a kind: "activities", "symptoms", "phases",
 * "rules" (for completion, menus).  Returns how many, or -1 for an unknown
 * kind. */
int aftercare_names(const aftercare *p, const char *kind,
                    void (*fn)(const char *name, void *ctx), void *ctx);

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
int aftercare_test(aftercare *p, FILE *out, int color, int coverage);

#ifdef __cplusplus
}
#endif

#endif
