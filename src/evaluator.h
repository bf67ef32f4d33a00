/*
 * evaluator.h -- answering requests on a compiled protocol: verdicts,
 * windows, triage.  Nothing here walks the source: a `can` is a binary
 * search in the activity's timeline and an evaluation of the conditions of
 * the segment found.
 */
#ifndef AC_EVALUATOR_H
#define AC_EVALUATOR_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"
#include "query.h"
#include "timeline.h"

typedef struct ac_can_answer {
  ac_verdict verdict;        /* after the facts the query supplied */
  ac_verdict timeline;       /* before them */
  const ac_segment *seg;     /* NULL: no rule covers the day */
  const ac_rule *deciding;   /* conditional: the rule whose condition decided
                              * or is still open */
  bool deciding_holds;       /* its condition holds (false: it fails, or is
                              * still open) */
  ac_verdict holds;          /* conditional: the verdict when every condition
                              * holds, AC_UNKNOWN when not conditional */
  ac_verdict otherwise;      /* conditional: the verdict when one fails */
} ac_can_answer;

void ac_eval_can(const ac_protocol *p, const ac_request *r, ac_can_answer *out);

/* A maximal range of days with one verdict. */
typedef struct ac_window {
  int32_t from, to;
  bool open_from, open_to;
  ac_verdict verdict;
  const ac_segment *seg; /* NULL for unknown */
} ac_window;

typedef struct ac_when_answer {
  bool never;            /* forbidden for ever from some day on */
  int32_t allowed_from;  /* smallest d >= 0 not forbidden on any day >= d */
  ac_window *windows;
  int nwindows;
} ac_when_answer;

void ac_eval_when(const ac_protocol *p, ac_arena *a, const ac_activity *act,
                  bool final_session, ac_when_answer *out);

typedef struct ac_triage_answer {
  ac_level level;
  const ac_triage **fired; /* most severe first */
  int nfired;
} ac_triage_answer;

void ac_eval_symptoms(const ac_protocol *p, ac_arena *a, const ac_request *r,
                      ac_triage_answer *out);

#endif
