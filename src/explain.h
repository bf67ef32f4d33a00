/*
 * explain.h -- the explanation of each diagnostic code, compiled in from
 * docs/diagnostics.md (build-aux/explain.sh writes src/explanations.c).
 */
#ifndef AC_EXPLAIN_H
#define AC_EXPLAIN_H

typedef struct ac_explanation {
  const char *code;  /* "AC0107" */
  const char *title; /* "wrong type" */
  const char *text;  /* the section of docs/diagnostics.md, as text */
} ac_explanation;

extern const ac_explanation ac_explanations[];
extern const unsigned long ac_explanations_count;

/* The explanation of a code ("AC0107", any case), or NULL. */
const ac_explanation *ac_explain_find(const char *code);

#endif
