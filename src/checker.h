/*
 * checker.h -- semantic analysis of a protocol chain.
 *
 * Declares every name, resolves every reference, checks days, clauses and
 * conditions, then has the timelines compiled (timeline.h) and checks the
 * constraints against them.  Every problem becomes a diagnostic; the model
 * is usable for queries whenever there are no errors.
 */
#ifndef AC_CHECKER_H
#define AC_CHECKER_H

#include "model.h"

void ac_check(ac_protocol *p);

/* The derived name of an unnamed rule: forbid_shave_razor_0_10. */
const char *ac_check_derived_name(ac_arena *a, const ac_stmt *s);

/* The entity a name stands for, or NULL. */
ac_entity *ac_check_lookup(const ac_protocol *p, const char *name);

/* "unknown activity 'swimm' (did you mean 'swim'?)" for a name that should
 * be one of the kinds in `mask` (bits of 1 << ac_entity_kind). */
void ac_check_report_unknown(ac_protocol *p, const ac_source *src, ac_loc loc,
                       const char *name, unsigned mask, const char *what);

#endif
