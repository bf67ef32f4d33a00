/*
 * ast.h -- the syntax tree of protocols and queries, as the parser builds it.
 *
 * Nodes live in the compilation's arena.  Names are still text here: the
 * checker (checker.c) resolves them.  Lists are singly linked in source
 * order.
 */
#ifndef AC_AST_H
#define AC_AST_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "entity.h"
#include "intensity.h"
#include "level.h"
#include "source.h"
#include "vec.h"
#include "verdict.h"

/* The smallest and largest day: every day is a signed 32-bit integer. */
#define AC_DAY_MIN INT32_MIN
#define AC_DAY_MAX INT32_MAX


/* A name as written, with where it was written. */
typedef struct ac_ident {
  const char *name;
  ac_loc loc;
  struct ac_ident *next;
} ac_ident;

/* A string literal (escapes resolved, adjacent literals joined). */
typedef struct ac_text {
  const char *text;
  ac_loc loc;
} ac_text;

/* One of the aliases of an activity, symptom or fact. */
typedef struct ac_alias {
  ac_text text;
  struct ac_alias *next;
} ac_alias;

/* A word of a query phrase ("shave", "with", "a", "razor"). */
typedef struct ac_word {
  const char *text;
  ac_loc loc;
  struct ac_word *next;
} ac_word;

/* A span of days as written.  Values are 64-bit so that a number outside
 * the day range can be reported instead of wrapping; the checker verifies. */
typedef struct ac_days {
  int64_t from, to;
  ac_loc loc;
  /* Where the first and the second number were written ([0], [1]), for
   * the error of a number outside the range of days; NULL when both are
   * in it (a rule of a million does not keep them: 48 bytes, not 72). */
  const ac_loc *ends;
  bool open_from, open_to; /* no bound on that side */
  bool reversed_ok;        /* computed by sugar: empty, not reversed */
} ac_days;

/* Whether a bound of a span, as written, is not a day (the parser keeps
 * the places of its numbers for it, the checker reports it). */
static inline bool ac_days_bound_bad(bool open, int64_t v) {
  return !open && (v < AC_DAY_MIN || v > AC_DAY_MAX);
}

/* A condition on facts and reported symptoms. */
typedef enum ac_cond_kind {
  AC_COND_TRUE,    /* the constant true */
  AC_COND_FALSE,   /* the constant false */
  AC_COND_FACT,    /* a boolean fact, or a number fact compared */
  AC_COND_SYMPTOM, /* the patient reports a symptom */
  AC_COND_NOT,     /* negation of a */
  AC_COND_AND,     /* a and b */
  AC_COND_OR       /* a or b */
} ac_cond_kind;

/* Comparison operators of a number fact; AC_CMP_NONE: a boolean fact. */
typedef enum ac_cmp {
  AC_CMP_NONE, /* a boolean fact alone */
  AC_CMP_LT,   /* < */
  AC_CMP_LE,   /* <= and "at most" */
  AC_CMP_GT,   /* > */
  AC_CMP_GE,   /* >= and "at least" */
  AC_CMP_EQ,   /* == */
  AC_CMP_NE    /* != */
} ac_cmp;

typedef struct ac_cond {
  ac_cond_kind kind;
  ac_loc loc;
  struct ac_cond *a, *b;
  ac_ident *name; /* FACT, SYMPTOM */
  ac_cmp cmp;
  bool value_is_bool; /* compared with true/false */
  int64_t value;      /* number, or 0/1 for booleans */
  int depth;          /* nesting depth, for the limit */
  int index;          /* resolved: fact or symptom index */
} ac_cond;

/* Statement kinds. */
typedef enum ac_stmt_kind {
  AC_STMT_HEADER,      /* protocol NAME { ... } */
  AC_STMT_EXTENDS,     /* extends "base"; */
  AC_STMT_ACTIVITY,    /* activity NAME "label" aliases ...; */
  AC_STMT_GROUP,       /* group NAME "label" = a, b; */
  AC_STMT_SYMPTOM,     /* symptom NAME "label" aliases ...; */
  AC_STMT_FACT,        /* fact NAME number|boolean "label"; */
  AC_STMT_PHASE,       /* phase NAME "title" DAYS { do/dont/why } */
  AC_STMT_RULE,        /* [rule NAME:] VERB TARGET DAYS clauses; */
  AC_STMT_CONSTRAINT,  /* constraint NAME: TARGET forbidden DAYS ...; */
  AC_STMT_TRIAGE,      /* [triage NAME:] symptoms ... level L advice "..."; */
  AC_STMT_ADVICE,      /* advice NAME "text" [DAYS]; */
  AC_STMT_NO_GUIDANCE, /* no guidance for TARGET DAYS; */
  AC_STMT_EXPECT,      /* expect QUERY is RESULT; */
  AC_STMT_DOCUMENT     /* document NAME "title" { statement ID "text"; } */
} ac_stmt_kind;

/* Header fields. */
typedef enum ac_field {
  AC_FIELD_TITLE,     /* title "..." */
  AC_FIELD_VERSION,   /* version "..." */
  AC_FIELD_PROCEDURE, /* procedure "..." */
  AC_FIELD_LANGUAGE,  /* language "..." */
  AC_FIELD_HORIZON,   /* horizon N days */
  AC_FIELD_SESSIONS,  /* sessions N */
  AC_FIELD_COUNT      /* number of fields */
} ac_field;

typedef struct ac_header_field {
  ac_field field;
  ac_text text;  /* string fields */
  int64_t value; /* horizon, sessions */
  ac_loc loc;
  struct ac_header_field *next;
} ac_header_field;

/* A do / dont / why line of a phase. */
typedef enum ac_guidance_kind {
  AC_GUIDE_DO,   /* do "..." */
  AC_GUIDE_DONT, /* dont "..." */
  AC_GUIDE_WHY,  /* why "..." */
  AC_GUIDE_CITES,    /* cites ...; in a block (moved to the phase's clauses) */
  AC_GUIDE_OVERRIDES /* overrides ...; in a block (moved likewise) */
} ac_guidance_kind;

typedef struct ac_guidance {
  ac_guidance_kind kind;
  ac_text text;
  ac_ident *cites;
  ac_loc loc;
  struct ac_guidance *next;
} ac_guidance;

/* A statement of a document: what `cites ID` names. */
typedef struct ac_doc_item {
  ac_ident *id;
  ac_text text;
  bool context;          /* written `context`: states no instruction */
  const char *document;  /* the name of its document */
  ac_loc loc;
  struct ac_doc_item *next;
} ac_doc_item;

/* A symptom of a triage rule, optionally with an intensity. */
typedef struct ac_symptom_item {
  ac_intensity intensity; /* at least this (ANY: no lower bound) */
  ac_intensity most;      /* at most this (ANY: no upper bound) */
  int index; /* resolved symptom */
  ac_ident *name;
  ac_loc loc;
  struct ac_symptom_item *next;
} ac_symptom_item;

/* Clauses of rules, constraints, triage rules. */
typedef enum ac_clause_kind {
  AC_CLAUSE_BECAUSE,   /* because "..." */
  AC_CLAUSE_CITES,     /* cites A, B */
  AC_CLAUSE_IF,        /* if C / only if C */
  AC_CLAUSE_UNLESS,    /* unless C */
  AC_CLAUSE_OTHERWISE, /* otherwise VERDICT (after a condition) */
  AC_CLAUSE_FINAL,     /* after final session */
  AC_CLAUSE_EVERY,     /* after every session */
  AC_CLAUSE_OVERRIDES, /* overrides A, B */
  AC_CLAUSE_ADVICE,    /* advice "..." (triage) */
  AC_CLAUSE_LEVEL,     /* level L (triage) */
  AC_CLAUSE_ALIASES    /* aliases "a", "b" (declarations) */
} ac_clause_kind;

typedef struct ac_clause {
  ac_clause_kind kind;
  ac_loc loc;
  union {                    /* by kind: */
    ac_text text;            /* BECAUSE, ADVICE */
    ac_ident *names;         /* CITES, OVERRIDES */
    ac_cond *cond;           /* IF, UNLESS */
    ac_level level;          /* LEVEL */
    ac_verdict verdict;      /* OTHERWISE */
    struct ac_alias *aliases; /* ALIASES */
  };
  struct ac_clause *next;
} ac_clause;

/* Queries: shared by the command line, the REPL and expectations. */
typedef enum ac_query_kind {
  AC_Q_CAN,        /* can ACTIVITY on day N [with ...] [after session K] */
  AC_Q_DAY,        /* day N */
  AC_Q_WHEN,       /* when ACTIVITY */
  AC_Q_SYMPTOMS,   /* symptoms S, ... on day N */
  AC_Q_LIST,       /* phases, activities, symptoms (alone), facts, rules,
                    * groups, constraints: every entity of a kind */
  AC_Q_EXPLAIN,    /* explain RULE */
  AC_Q_HELP        /* help */
} ac_query_kind;

/* A phrase: the words naming an activity, symptom or fact. */
typedef struct ac_phrase {
  ac_word *words;
  ac_loc loc;
  struct ac_phrase *next;
} ac_phrase;

/* `with FACT = VALUE` in a query. */
typedef struct ac_fact_value {
  ac_phrase *name;
  bool is_bool;
  int64_t value;
  ac_loc loc;
  struct ac_fact_value *next;
} ac_fact_value;

typedef struct ac_query {
  ac_query_kind kind;
  ac_loc loc;
  ac_entity_kind list; /* LIST: the kind listed */
  ac_phrase *subject;  /* CAN, WHEN, EXPLAIN */
  ac_phrase *symptoms; /* SYMPTOMS */
  int64_t day;
  ac_loc day_loc;
  ac_fact_value *facts;
  int64_t session; /* 0: not said; -1: the final session; K >= 1 */
  ac_loc session_loc;
  bool in_expect;  /* an expectation's query (an undeclared symptom warns
                    * only when a declared one is close) */
} ac_query;

/* What an expectation expects. */
typedef struct ac_expected {
  ac_verdict verdict; /* CAN */
  ac_level level;     /* SYMPTOMS */
  bool never;         /* WHEN: stays forbidden for ever */
  int64_t day;        /* WHEN: allowed from this day */
  ac_loc loc;
} ac_expected;

/* Fields are ordered by size (the commonest fields first), so that a
 * statement has no padding: 128 bytes. */
typedef struct ac_stmt {
  ac_stmt_kind kind;
  ac_verdict verb;     /* RULE: the verdict its verb gives (forbid: FORBIDDEN) */
  ac_ident *name;      /* written name, or NULL */
  ac_ident *target;    /* RULE, CONSTRAINT, NO_GUIDANCE */
  const ac_days *days; /* NULL when none is written (a triage rule, advice) */
  ac_clause *clauses;
  void *entity;        /* the checker's entity for this statement */
  struct ac_stmt *next;
  ac_level level;      /* TRIAGE, triage CONSTRAINT */
  bool fact_is_bool;   /* FACT */
  bool after_other;    /* HEADER, EXTENDS: another kind of statement is before it */
  bool fallback;       /* TRIAGE: `symptoms otherwise` (no items) */
  ac_loc loc;          /* the whole statement */
  /* EXTENDS, labels, advice text, phase title */
  ac_text text;
  const char *comment; /* comments attached to the statement, or NULL */
  /* The list of one kind of statement (a syntax tree of a million rules
   * is smaller for it): */
  union {
    ac_header_field *fields; /* HEADER */
    ac_ident *members;       /* GROUP */
    ac_guidance *guidance;   /* PHASE */
    ac_symptom_item *items;  /* TRIAGE, triage CONSTRAINT */
    ac_query *query;         /* EXPECT */
    ac_doc_item *statements; /* DOCUMENT */
  };
  const ac_expected *expected; /* EXPECT */
} ac_stmt;

/* A comment, kept so that statements can carry theirs. */
typedef struct ac_comment {
  const char *text; /* without the leading '#' */
  ac_loc loc;
  struct ac_comment *next;
} ac_comment;

/* The result of parsing one file. */
typedef struct ac_file {
  const ac_source *src;
  int syntax_errors; /* errors found while parsing */
  ac_stmt *stmts;
  size_t nstmts;           /* statements */
  size_t ndecls;           /* activities, symptoms and facts declared */
  size_t nphrases;         /* their names, labels and aliases */
  const ac_stmt *extends;  /* the first extends statement, or NULL */
  ac_vec heads;            /* its header and extends statements, in order */
  ac_comment *comments;
} ac_file;

#endif
