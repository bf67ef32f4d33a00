/*
 * condition.h -- conditions of rules: name resolution, type checking, and
 * three-valued evaluation against the facts a query supplies.
 */
#ifndef AC_CONDITION_H
#define AC_CONDITION_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"
#include "model.h"

/* Three-valued logic (Kleene): unknown when a fact is not supplied. */
typedef enum ac_truth {
  AC_FALSE,   /* the condition fails */
  AC_TRUE,    /* the condition holds */
  AC_UNSURE   /* it depends on something the query did not say */
} ac_truth;

/* What a query says: values of facts, and reported symptoms. */
typedef struct ac_facts {
  int nfacts, nsymptoms;
  int64_t *value;      /* by fact index */
  bool *known;         /* by fact index */
  ac_intensity *symptom; /* by symptom index; meaningful if reported */
  bool *reported;      /* by symptom index: the patient has it */
  bool *symptom_known; /* by symptom index: the query said yes or no */
} ac_facts;

/* Resolves the names of a condition and checks its types; reports
 * problems in the layer's file.  Returns false if it is unusable. */
bool ac_cond_resolve(ac_protocol *p, const ac_layer *layer, ac_cond *c);

/* Evaluates a resolved condition. */
ac_truth ac_cond_eval(const ac_cond *c, const ac_facts *f);

/* The condition as text, as it is written ("shower_minutes <= 5"). */
char *ac_cond_text(ac_arena *a, const ac_cond *c);

/* Empty facts for a protocol (nothing known). */
void ac_cond_facts_init(ac_facts *f, ac_arena *a, const ac_protocol *p);
void ac_cond_facts_clear(ac_facts *f);

#endif
