/*
 * verdict.h -- the verdicts of an activity on a day (verdicts.def).
 */
#ifndef AC_VERDICT_H
#define AC_VERDICT_H

/* From the strictest: the order is used to pick the cautious side. */
typedef enum ac_verdict {
#define AC_VERDICT(name, word, word_token, verb, verb_token, heading, plan_word, plan_rank) AC_##name,
#include "verdicts.def"
  AC_NVERDICTS /* number of verdicts */
} ac_verdict;

/* The verdict as written: "forbidden" (answers, JSON, expectations). */
const char *ac_verdict_name(ac_verdict v);

/* The verb of a rule that gives it ("forbid"), or NULL. */
const char *ac_verdict_verb(ac_verdict v);

/* The plan's heading for it ("Forbidden") and word ("forbidden"), to be
 * translated. */
const char *ac_verdict_heading(ac_verdict v);
const char *ac_verdict_plan_word(ac_verdict v);

/* The i-th verdict in the order a plan lists them (0: what matters most). */
ac_verdict ac_verdict_in_plan_order(int i);

#endif
