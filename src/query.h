/*
 * query.h -- turning a parsed query into a request on a protocol: names
 * (identifiers, labels, aliases; any case) resolved to activities,
 * symptoms and facts, with "did you mean" for the unknown.
 */
#ifndef AC_QUERY_H
#define AC_QUERY_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"
#include "condition.h"
#include "diagnostic.h"
#include "model.h"

typedef struct ac_request {
  ac_query_kind kind;
  const ac_query *query;
  const ac_activity *activity; /* CAN, WHEN */
  int32_t day;                 /* CAN, DAY, SYMPTOMS */
  int64_t session;             /* 0: not said; -1: final; K >= 1 */
  bool final_session;          /* the session asked about is the final one */
  ac_facts facts;              /* CAN: facts and symptoms it supplies */
  bool gives_facts;            /* CAN: the query says `with` something */
  int nsymptoms;               /* SYMPTOMS */
  int *symptoms;
  ac_intensity *intensities;
  int nunknown;                /* SYMPTOMS: undeclared symptoms, answered by */
  const char **unknown;        /* the fallback: the words as written, */
  const char **unknown_hint;   /* and a close declared symptom (or NULL) */
  const ac_entity *explain;    /* EXPLAIN */
} ac_request;

/* Resolves q against p.  Problems go to d, located in src (the query's own
 * text, or the protocol file of an expectation).  Returns false if the
 * request cannot be answered. */
bool ac_query_resolve(const ac_protocol *p, ac_arena *a, const ac_query *q,
                        const ac_source *src, ac_diags *d, ac_request *out);

/* The normalised key of a phrase in p->phrases: "a:" activities, "s:"
 * symptoms, "f:" facts, then the phrase. */
char *ac_query_phrase_key(ac_arena *a, char kind, const char *phrase);

#endif
