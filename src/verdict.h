/*
 * verdict.h -- the verdicts of an activity on a day (verdicts.def).
 */
#ifndef AC_VERDICT_H
#define AC_VERDICT_H

#include <stdbool.h>

/* From the strictest: the order is used to pick the cautious side. */
typedef enum ac_verdict {
#define AC_VERDICT(name, word, word_token, verb, verb_token, heading, change, change_one, plan_rank, change_rank) AC_##name,
#include "verdicts.def"
  AC_NVERDICTS /* number of verdicts */
} ac_verdict;

/* The verdict as written: "forbidden" (answers, JSON, expectations). */
const char *ac_verdict_name(ac_verdict v);

/* The same in the reader's language, for text answers ("interdit"). */
const char *ac_verdict_text(ac_verdict v);

/* Whether a conditional rule (or answer) gives the two verdicts of `allow
 * ... only if`: allowed when its condition holds, forbidden when not. */
static inline bool ac_verdict_allows_if(ac_verdict holds, ac_verdict otherwise) {
  return holds == AC_ALLOWED && otherwise == AC_FORBIDDEN;
}

/* The verb of a rule that gives it ("forbid"), or NULL. */
const char *ac_verdict_verb(ac_verdict v);

/* The leaflet's words for it, to be translated: the heading of the whole
 * situation ("Forbidden"), of a change ("From day %s you must not", the
 * day filled in), and of one activity's change ("you must not
 * %s", of its label). */
const char *ac_verdict_heading(ac_verdict v);
const char *ac_verdict_change(ac_verdict v);
const char *ac_verdict_change_one(ac_verdict v);

/* The i-th verdict in the order the leaflet lists the whole situation (0:
 * what matters most), and changes (0: what opens up first). */
ac_verdict ac_verdict_in_plan_order(int i);
ac_verdict ac_verdict_in_change_order(int i);

#endif
