/*
 * model.h -- a checked protocol chain: the entities of every protocol in
 * it, resolved and merged, and the timelines compiled from their rules.
 *
 * Layer 0 is the root of the chain (the protocol that extends nothing); the
 * last layer is the protocol that was asked for.  Everything lives in the
 * compilation's arena.
 */
#ifndef AC_MODEL_H
#define AC_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "diagnostic.h"
#include "entity.h"
#include "names.h"

/* An activity's verdicts as sorted, disjoint segments of days (timeline.h:
 * compiled from the rules by timeline.c). */
typedef struct ac_timeline {
  int nsegs;
  int32_t *ends;           /* the last day of each segment, in order: what a
                            * search reads (a cache line holds sixteen) */
  struct ac_segment *segs; /* sorted by day, disjoint; after the ends, in one
                            * block with the lists of their rules */
} ac_timeline;

/* One protocol file of the chain. */
typedef struct ac_layer {
  int depth;             /* 0: the root */
  const ac_source *src;
  ac_file *file;
  const ac_stmt *header; /* NULL if missing */
  const char *name;      /* the header's name, or NULL */
  const char *fields[AC_FIELD_COUNT]; /* string fields, or NULL */
  int64_t horizon;       /* -1: not set here */
  int64_t sessions;      /* 0: not set here */
} ac_layer;

/* The part every entity starts with.  Its name's text is written just
 * before it (ac_declare), and what an answer cites comes first: the name,
 * the file, the line. */
typedef struct ac_entity {
  const char *name;
  const ac_layer *layer;
  int line;            /* the first line of decl (answers cite it) */
  ac_entity_kind kind;
  int index;           /* in its kind's array */
  bool replaced;       /* an extension overrides it: not in force */
  const ac_stmt *decl; /* where it is written */
} ac_entity;

/* An activity.  A `can` reads the texts of its phrase key and its name
 * (just before it), then its name and its final timeline: they come
 * first. */
typedef struct ac_activity {
  ac_entity e;
  ac_timeline final_tl; /* its verdicts after the final session */
  ac_timeline every_tl; /* after a session that is not the final one (the
                         * same segments when no rule is final-only) */
  const char *label;
} ac_activity;

typedef struct ac_group {
  ac_entity e;
  const char *label;
  int *members; /* activity indices, every level of nesting flattened */
  int nmembers;
  int visiting; /* cycle detection: 0 new, 1 on the stack, 2 done */
} ac_group;

typedef struct ac_symptom {
  ac_entity e;
  const char *label;
} ac_symptom;

typedef struct ac_fact {
  ac_entity e;
  const char *label;
  bool is_bool;
} ac_fact;

/* Citations of an entity: identifiers of source statements. */
typedef struct ac_cites {
  const ac_ident *first;
} ac_cites;

/* A statement of a document, as a citation finds it. */
typedef struct ac_statement {
  const ac_doc_item *item; /* its id, text, document */
  const ac_layer *layer;   /* the file of its document */
} ac_statement;

/* A document: its statement and its file. */
typedef struct ac_document {
  const ac_stmt *decl;
  const ac_layer *layer;
} ac_document;

typedef struct ac_phase {
  ac_entity e;
  const char *title;
  int32_t from, to;
  const ac_guidance *guidance;
} ac_phase;

/* A rule's target: an activity, or a group of them. */
typedef struct ac_target {
  bool is_group;
  int index;
} ac_target;

/* Fields are ordered by size: a rule has no padding (104 bytes).  What an
 * answer reads of it (e's name, file and line, cond, because) is in its
 * first 56 bytes, just after the text of its name. */
typedef struct ac_rule {
  ac_entity e;
  const ac_cond *cond;  /* resolved; NULL if none */
  const char *because;  /* NULL if none */
  struct ac_rule **overrides; /* rules of the same protocol it wins over */
  ac_target target;
  ac_verdict verdict;   /* what the verb (e.decl->verb) means; CONDITIONAL with
                         * a condition */
  ac_verdict holds;     /* CONDITIONAL: the verdict when cond (negated if
                         * cond_negated) holds: the less strict of the two */
  ac_verdict otherwise; /* CONDITIONAL: the verdict when it does not */
  int32_t from, to;
  int noverrides;
  int order;            /* position in the chain, for stable output */
  bool cond_negated;    /* written with `unless` */
  bool final_only;      /* after final session */
  bool bad_overrides;   /* an `overrides` name did not resolve (reported): the
                         * rule's conflicts are its consequence, not reported */
  bool used;            /* decides some day of some activity */
} ac_rule;

typedef struct ac_constraint {
  ac_entity e;
  const ac_symptom_item *items; /* triage constraint */
  const char *because;
  ac_target target;          /* activity constraint */
  ac_level floor;
  int32_t from, to;
  bool is_triage;
} ac_constraint;

typedef struct ac_triage {
  ac_entity e;
  const ac_symptom_item *items;
  int nitems;
  int32_t from, to;
  ac_level level;
  const char *advice;
  int order;
  bool fallback;        /* symptoms otherwise: fires for undeclared symptoms */
} ac_triage;

typedef struct ac_advice {
  ac_entity e;
  const char *text;
  int32_t from, to;
} ac_advice;

typedef struct ac_no_guidance {
  const ac_stmt *decl;
  const ac_layer *layer;
  ac_target target;
  int32_t from, to;
} ac_no_guidance;

/* A base's rule, symptom rule, phase or advice that an extension replaced:
 * the `overrides` name that did it, in the extension's file.  Diagnostics
 * about what the replacement broke point there (few: a list). */
typedef struct ac_replacement {
  const ac_entity *replaced; /* in the base */
  const ac_entity *by;       /* the extension's statement that overrides it */
  const ac_ident *name;      /* the name after its `overrides` */
} ac_replacement;

/* The merged chain. */
typedef struct ac_protocol {
  ac_arena *arena;
  ac_diags *diags;
  ac_layer **layers;
  int nlayers;
  ac_names *names;   /* identifier -> ac_entity */
  ac_names *phrases; /* normalised identifier, label, alias -> ac_entity */
  ac_names *derived; /* derived rule name -> the next suffix to try */
  ac_names *documents;  /* document name -> ac_document */
  ac_names *statements; /* statement id -> ac_statement, of every document */
  ac_vec entities[AC_ENT_COUNT];
  ac_vec no_guidance;  /* ac_no_guidance */
  ac_vec replacements; /* ac_replacement, in the order they were read */
  ac_vec expectations; /* ac_stmt (EXPECT), with layers in expect_layers */
  ac_vec expect_layers;
  int64_t horizon;     /* of the last layer that sets it; default 365 */
  int64_t sessions;    /* of the last layer that sets it; default 1 */
  bool has_final_only; /* some rule applies after the final session only */
  /* Symptom rules in force, most severe first, then in order. */
  ac_triage **triage_sorted;
  int ntriage;
  /* The fallback symptom rule in force (the last protocol's), or NULL. */
  const ac_triage *fallback;
} ac_protocol;

#define AC_ACTIVITY(p, i) ((ac_activity *)(p)->entities[AC_ENT_ACTIVITY].items[i])
#define AC_NACTIVITIES(p) ((int)(p)->entities[AC_ENT_ACTIVITY].len)

/* Where diagnostics about an entity point: its written name, or the first
 * token of its statement. */
static inline ac_loc ac_entity_loc(const ac_entity *e) {
  if (e->decl->name) return e->decl->name->loc;
  ac_loc l = e->decl->loc;
  l.last_line = l.first_line;
  l.last_column = l.first_column + 1;
  return l;
}


#endif
