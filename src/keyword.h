/*
 * keyword.h -- the keywords of the language (keywords.def, and the words of
 * verdicts, levels and intensities), for the scanner, the parser's
 * messages, the formatter, REPL completion and editors
 * (`aftercare keywords`).
 */
#ifndef AC_KEYWORD_H
#define AC_KEYWORD_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* The languages a keyword belongs to. */
enum {
  AC_KW_PROTOCOL = 1, /* a keyword of protocols: exact, reserved */
  AC_KW_QUERY = 2     /* a keyword of queries: in any case */
};

/* What a keyword starts (roles, bits). */
enum {
  AC_KW_STARTS = 1, /* a statement */
  AC_KW_RULE = 2,   /* a clause of a rule */
  AC_KW_TRIAGE = 4, /* a clause of a symptom rule, constraint, advice or no guidance */
  AC_KW_DECL = 8    /* a clause of a declaration (activity, symptom, fact, group) */
};

/* What a keyword is, for editors: one class each. */
typedef enum ac_keyword_class {
  AC_KWC_STATEMENT, /* protocol, activity, rule, ... */
  AC_KWC_FIELD,     /* a header field: title, horizon, ... */
  AC_KWC_VERB,      /* the verb of a rule: forbid, allow, ... */
  AC_KWC_CLAUSE,    /* because, cites, if, level, do, ... */
  AC_KWC_DAYS,      /* words of days: day, first, after, ... */
  AC_KWC_TYPE,      /* the type of a fact: number, boolean */
  AC_KWC_OPERATOR,  /* and, or, not, at most, ... */
  AC_KWC_QUERY,     /* words of queries: can, when, on, ... */
  AC_KWC_VERDICT,   /* forbidden, allowed, ... */
  AC_KWC_ANSWER,    /* other answers of expectations: never */
  AC_KWC_LEVEL,     /* normal, monitor, urgent */
  AC_KWC_INTENSITY, /* mild, moderate, severe */
  AC_KWC_BOOLEAN,   /* true, false, yes */
  AC_KWC_COUNT      /* number of classes */
} ac_keyword_class;

typedef struct ac_keyword {
  const char *word;
  unsigned char len; /* of the word */
  int token;       /* the parser's token */
  int languages;   /* AC_KW_PROTOCOL | AC_KW_QUERY */
  ac_keyword_class cls;
  int roles;       /* AC_KW_STARTS | AC_KW_RULE | ... */
} ac_keyword;

/* The keyword spelt by `word` (len bytes, lower case) in a language, or
 * NULL. */
const ac_keyword *ac_keyword_find(const char *word, size_t len, int language);

/* The same for a word in any case, small or capital letters (a word of a
 * query: "Can" is "can"). */
const ac_keyword *ac_keyword_find_any_case(const char *word, size_t len, int language);

/* Every keyword, verbs and the words of verdicts, levels and intensities
 * included, in the tables' order; n gets how many (an entry without a word,
 * a verdict without a verb, is none). */
const ac_keyword *ac_keyword_all(size_t *n);

/* The name of a class, for editors: "statement", "verdict", ... */
const char *ac_keyword_class_name(ac_keyword_class c);

/* Does the protocol keyword `word` have any of these roles? */
bool ac_keyword_has_role(const char *word, size_t len, int roles);

/* The keywords, and the words of verdicts, levels and intensities, as one
 * JSON object (`aftercare keywords --json`). */
json_t *ac_keyword_json(void);

#endif
