/*
 * timeline.h -- each activity's verdicts as sorted, non-overlapping day
 * segments, compiled once from the rules of a protocol chain.
 *
 * Precedence is applied here, at compile time: an extension's rules over
 * its base's on the days they cover; within one protocol a rule on an
 * activity over a rule on a group; `overrides` between rules of one
 * protocol.  Rules of one protocol and one level that disagree on a day are
 * a conflict (reported here).  A query is then a binary search: its cost
 * does not depend on the values of days, and grows with the logarithm of
 * the number of segments.
 */
#ifndef AC_TIMELINE_H
#define AC_TIMELINE_H

#include <stdint.h>

#include "model.h"

/* The most rules a segment lists as its reasons, the first in protocol
 * order (conditional segments list every conditional rule: all their
 * conditions must hold); answers list at most as many (output.c). */
#define AC_MAX_REASONS 8

/* The rules behind the verdict of a segment that has more than it holds. */
typedef struct ac_rule_list {
  int nmore;        /* rules behind the verdict not in rules (past the first
                     * AC_MAX_REASONS) */
  ac_rule *rules[]; /* in protocol order: the segment's nrules */
} ac_rule_list;

/* The rules a segment holds itself (most have one or two). */
#define AC_SEGMENT_HELD 2

/* A segment is 32 bytes: an answer reads it whole.  Its rules are read
 * through ac_segment_rules. */
typedef struct ac_segment {
  int32_t from, to;   /* inclusive */
  ac_verdict verdict; /* never AC_UNKNOWN: days no rule covers have no segment */
  int nrules;         /* the rules it lists: at least one */
  union {
    ac_rule *held[AC_SEGMENT_HELD]; /* nrules <= AC_SEGMENT_HELD: the rules */
    const ac_rule_list *several;    /* more: in the timeline's block */
  };
} ac_segment;

/* The rules behind a segment's verdict, in protocol order (nrules of
 * them). */
static inline ac_rule *const *ac_segment_rules(const ac_segment *s) {
  return s->nrules <= AC_SEGMENT_HELD ? s->held : s->several->rules;
}

/* How many more rules give the segment's verdict than it lists. */
static inline int ac_segment_nmore(const ac_segment *s) {
  return s->nrules <= AC_SEGMENT_HELD ? 0 : s->several->nmore;
}

/* Compiles every activity's final_tl and every_tl, reports conflicts, marks
 * rules that decide some day as used. */
void ac_timeline_compile(ac_protocol *p);

/* An activity's timeline after the final session, or after another one. */
const ac_timeline *ac_timeline_for(const ac_protocol *p, int activity, bool final_session);

/* The segment covering day, or NULL (verdict unknown). */
const ac_segment *ac_timeline_find(const ac_timeline *t, int32_t day);

/* Index of the first segment that ends on or after day (nsegs if none). */
int ac_timeline_lower(const ac_timeline *t, int32_t day);

#endif
