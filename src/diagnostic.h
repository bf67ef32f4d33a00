/*
 * diagnostic.h -- errors, warnings and notes about protocols and queries.
 *
 * A diagnostic has a severity, a stable code (explained in
 * docs/diagnostics.md), a location in a source and a message; it may carry
 * notes that point elsewhere ("the other rule is here").  Diagnostics are
 * collected in a list, then printed as text (like a compiler: the source
 * line and a caret under the span) or as JSON.
 */
#ifndef AC_DIAGNOSTIC_H
#define AC_DIAGNOSTIC_H

#include <stdbool.h>
#include <stdio.h>

#include "arena.h"
#include "source.h"

typedef enum ac_severity {
  AC_SEV_NOTE,    /* attached to another diagnostic */
  AC_SEV_WARNING, /* worth fixing; does not fail `check` */
  AC_SEV_ERROR    /* the protocol (or query) cannot be used */
} ac_severity;

/* Every class of diagnostic.  The numbers are stable: they are documented
 * and may appear in clinics' scripts.  Keep in step with ac_diag_codes[]. */
typedef enum ac_code {
  AC_E_SYNTAX = 1,         /* AC0001 the grammar does not allow this token */
  AC_E_CHARACTER = 2,      /* AC0002 a character that starts no token */
  AC_E_STRING = 3,         /* AC0003 unterminated string */
  AC_E_ESCAPE = 4,         /* AC0004 unknown escape in a string */
  AC_E_NUMBER = 5,         /* AC0005 number out of range */
  AC_E_ENCODING = 6,       /* AC0006 invalid UTF-8, NUL byte: not text */
  AC_E_LIMIT = 7,          /* AC0007 a size limit exceeded */
  AC_E_NESTING = 8,        /* AC0008 nested too deeply */
  AC_E_EMPTY = 9,          /* AC0009 no protocol header / empty file */
  AC_E_HEADER = 10,        /* AC0010 header misplaced, repeated, or field repeated */
  AC_E_UNKNOWN = 101,      /* AC0101 unknown name */
  AC_E_DUPLICATE = 102,    /* AC0102 a name declared twice */
  AC_E_REVERSED = 103,     /* AC0103 a range whose start is after its end */
  AC_E_EMPTY_RANGE = 104,  /* AC0104 a range with no day in it */
  AC_E_DAY_RANGE = 105,    /* AC0105 a day outside the 32-bit range */
  AC_E_KIND = 106,         /* AC0106 a name of the wrong kind here */
  AC_E_TYPE = 107,         /* AC0107 a condition compares the wrong type */
  AC_E_CLAUSE = 108,       /* AC0108 a clause repeated or not allowed here */
  AC_E_GROUP_CYCLE = 109,  /* AC0109 a group contains itself */
  AC_E_CITATION = 110,     /* AC0110 a citation no declared document holds */
  AC_E_CONFLICT = 201,     /* AC0201 two rules disagree on the same days */
  AC_E_CONSTRAINT = 202,   /* AC0202 a constraint is violated */
  AC_E_TRIAGE_FLOOR = 203, /* AC0203 a triage level is below a constraint's floor */
  AC_E_OVERRIDE = 204,     /* AC0204 overrides a rule that does not exist */
  AC_E_EXTENDS_MISSING = 301, /* AC0301 the extended protocol is missing */
  AC_E_EXTENDS_CYCLE = 302,   /* AC0302 protocols extend each other in a cycle */
  AC_E_EXTENDS_DEPTH = 303,   /* AC0303 too long a chain of extends */
  AC_E_EXTENDS_PLACE = 304,   /* AC0304 extends repeated or misplaced */
  AC_W_NO_EFFECT = 401,    /* AC0401 a rule that can never take effect */
  AC_W_GAP = 402,          /* AC0402 an activity left undecided in the horizon */
  AC_W_NO_GUIDANCE = 403,  /* AC0403 `no guidance` over days a rule decides */
  AC_W_ALIAS = 404,        /* AC0404 an alias that no query can match */
  AC_E_EXPECTATION = 501,  /* AC0501 an expectation that does not hold */
  AC_E_QUERY = 601,        /* AC0601 a query that cannot be answered */
  AC_W_UNDECLARED_SYMPTOM = 602, /* AC0602 a symptom not declared, answered by the fallback */
  AC_N_TOO_MANY = 901      /* AC0901 too many diagnostics: the rest not shown */
} ac_code;

typedef struct ac_diag {
  ac_severity severity;
  ac_code code;
  const ac_source *src; /* NULL: not about a place in a file */
  ac_loc loc;
  const char *message;
  struct ac_diag *notes; /* notes attached to this diagnostic */
  struct ac_diag *next;
} ac_diag;

typedef struct ac_diags {
  ac_arena *arena;
  ac_diag *first, *last;
  int errors, warnings;
  int limit;   /* errors and warnings kept at most; 0 = no limit */
  int dropped; /* counted but not kept past the limit */
} ac_diags;

#define AC_DEFAULT_DIAG_LIMIT 100

void ac_diags_init(ac_diags *d, ac_arena *a);

/* Adds a diagnostic (message already translated and formatted). */
ac_diag *ac_diag_add(ac_diags *d, ac_severity sev, ac_code code,
                     const ac_source *src, ac_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Adds a note to a diagnostic (no-op when diag is NULL). */
void ac_diag_note(ac_diags *d, ac_diag *diag, const ac_source *src, ac_loc loc,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* True once the limit of kept diagnostics is reached. */
bool ac_diags_full(const ac_diags *d);

/* Sorts by source, line and column (stable). */
void ac_diags_sort(ac_diags *d);

/* "AC0101" */
const char *ac_diag_code_name(ac_code code, char buf[8]);
const char *ac_diag_severity_name(ac_severity s);

typedef struct ac_render_opts {
  bool color;
} ac_render_opts;

void ac_diags_print_text(const ac_diags *d, FILE *out, ac_render_opts opts);
/* Renders one diagnostic (and its notes). */
void ac_diag_print_text(const ac_diag *g, FILE *out, ac_render_opts opts);

#endif
