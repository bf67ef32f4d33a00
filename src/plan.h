/*
 * plan.h -- a protocol turned into a day-by-day plan (aftercare plan;
 * docs/plan.md).
 *
 * The days of the plan are cut into spans: maximal runs of days with the
 * same instructions (phases, verdict and reasons of every activity, advice,
 * symptom rules to watch).  With session dates each calendar day counts
 * from the latest session on or before it; after a session that is not the
 * last one the rules that apply after every session decide, after the last
 * one those that apply after the final session.
 */
#ifndef AC_PLAN_H
#define AC_PLAN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "aftercare.h"
#include "arena.h"
#include "model.h"
#include "timeline.h"

typedef struct ac_plan_span {
  int32_t from, to;         /* day numbers, inclusive */
  long date_from, date_to;  /* days since 1970-01-01 (with sessions) */
  int session;              /* 1-based; 0 without session dates */
  bool final;               /* the final timeline applies */
  const ac_segment **segs;  /* per activity; NULL: no rule (unknown) */
  int *phases, nphases;     /* indices in p->entities[AC_ENT_PHASE] */
  int *advice, nadvice;     /* indices in p->entities[AC_ENT_ADVICE] */
  int *watch, nwatch;       /* indices in p->triage_sorted */
} ac_plan_span;

typedef struct ac_plan {
  const ac_protocol *p;
  const long *sessions;     /* ascending, distinct */
  int nsessions;
  int32_t from, to;         /* the range asked (relative days) */
  ac_plan_span *spans;
  int nspans;
  bool own_language;        /* its words are in a language of its own: that of
                             * `words` (as written if NULL), not the process's */
  const struct ac_catalog *words;
} ac_plan;

/* Cuts the days into spans.  Returns false (with *why set to a message)
 * when the range is empty or too long. */
bool ac_plan_build(ac_plan *plan, const ac_protocol *p, ac_arena *a,
                   const aftercare_plan_options *o, const char **why);

/* Renders a built plan.  NULL, or why nothing was written (a calendar
 * when libical cannot be opened: see ical.h). */
const char *ac_plan_render(const ac_plan *plan, ac_arena *a, aftercare_plan_format fmt,
                           long long dtstamp, FILE *out);

/* Writes the plan of p (which has `errors` errors: then only a message)
 * as aftercare_plan() does.  Returns an exit status. */
int ac_plan_write(const ac_protocol *p, int errors, const aftercare_plan_options *o, FILE *out,
                  FILE *err);

/* A date YYYY-MM-DD as days since 1970-01-01: 0, or -1 if it is not one. */
int ac_plan_parse_date(const char *s, long *days);

/* The calendar date of days since 1970-01-01, and back. */
void ac_plan_civil(long days, int *y, int *m, int *d);
long ac_plan_days(int y, int m, int d);

/* Text of a span's day heading ("Days 0 to 3", with dates if any). */
const char *ac_plan_span_title(const ac_plan *plan, ac_arena *a, const ac_plan_span *s);

/* Refolds iCalendar text: CRLF line ends, lines of at most 75 octets, never
 * cutting a UTF-8 sequence (RFC 5545, 3.1).  Returns malloc'd text. */
char *ac_plan_ics_fold(const char *text);

#endif
