/*
 * plan.h -- a protocol turned into a day-by-day plan (aftercare plan;
 * docs/plan.md).
 *
 * The days of the plan are cut into spans: maximal runs of days with the
 * same instructions (phases, verdict and reasons of every activity, advice,
 * symptom rules to watch); day 0 always starts a span.  A client's leaflet
 * (text, Markdown, HTML, iCalendar) says, on the first day of each span,
 * what changes there (ac_plan_news), and lists the signs to watch for once
 * (ac_plan_sign); JSON gives the spans whole.  With session dates each calendar day counts
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

/* An activity in what a span says: its instruction changes there (or, in
 * a fresh span, it has one), or it is still forbidden. */
typedef struct ac_plan_item {
  int activity;             /* index in p->entities[AC_ENT_ACTIVITY] */
  ac_verdict before, after; /* the day before (AC_UNKNOWN in a fresh span), and now */
  int32_t until;            /* the last day of the instruction it has now;
                             * AC_DAY_MAX: no end (or it lasts until the next
                             * session, which starts again) */
} ac_plan_item;

/* Activities a leaflet names together: the same instruction, for the same
 * reason. */
typedef struct ac_plan_group {
  ac_verdict verdict;
  const ac_plan_item *items; /* in protocol order */
  int nitems;
  const char *condition;    /* what must hold (conditional), or "" */
  const char *reason;       /* the `because` of the rule that decides (see
                             * docs/plan.md), or "" */
} ac_plan_group;

/* What a client's leaflet says on the first day of a span: what changes. */
typedef struct ac_plan_news {
  bool fresh;               /* the whole situation, not what changes: the
                             * first span of the plan, of a session, day 0 */
  ac_plan_item *changed;    /* in protocol order; fresh: every activity
                             * that has an instruction */
  int nchanged;
  ac_plan_group *groups;    /* the same, grouped, in the order they are
                             * shown (fresh: forbidden first; else allowed
                             * first) */
  int ngroups;
  ac_plan_item *still;      /* not fresh: activities still forbidden that
                             * have an end, the soonest first */
  int nstill;
  int *phases, nphases;     /* phases that begin (before day 0 only those
                             * that end before it: the preparation) */
  int *advice, nadvice;     /* advice that begins, likewise */
} ac_plan_news;

typedef struct ac_plan_span {
  int32_t from, to;         /* day numbers, inclusive */
  long date_from, date_to;  /* days since 1970-01-01 (with sessions) */
  int session;              /* 1-based; 0 without session dates */
  bool final;               /* the final timeline applies */
  const ac_segment **segs;  /* per activity; NULL: no rule (unknown) */
  int *phases, nphases;     /* indices in p->entities[AC_ENT_PHASE] */
  int *advice, nadvice;     /* indices in p->entities[AC_ENT_ADVICE] */
  int *watch, nwatch;       /* indices in p->triage_sorted */
  ac_plan_news news;        /* empty: the leaflet says nothing new on its
                             * first day (the span joins the previous part) */
} ac_plan_span;

/* The days of a sign (a symptom rule's symptoms) with one level. */
typedef struct ac_plan_sign_days {
  int32_t from, to;         /* AC_DAY_MIN / AC_DAY_MAX: open */
  ac_level level;
  const char *advice;       /* of the symptom rules that decide it, joined */
} ac_plan_sign_days;

/* A row of the table of signs to watch for: what a triage answers, day by
 * day, when the client reports exactly these symptoms. */
typedef struct ac_plan_sign {
  const ac_triage *rule;    /* the first symptom rule naming them */
  ac_plan_sign_days *days;  /* in order; days without a level left out */
  int ndays;
} ac_plan_sign;

typedef struct ac_plan {
  const ac_protocol *p;
  const long *sessions;     /* ascending, distinct */
  int nsessions;
  int32_t from, to;         /* the range asked (relative days) */
  ac_plan_span *spans;
  int nspans;
  ac_plan_sign *signs;      /* most severe first; only days from day 0 on
                             * that the plan covers */
  int nsigns;
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

/* Whether the leaflet says something new on a span's first day: if not,
 * the span belongs to the part of the leaflet before it. */
bool ac_plan_says(const ac_plan_span *s);

/* The index of the last span of the part of the leaflet that starts at
 * span k (the spans after it that say nothing new). */
int ac_plan_part_end(const ac_plan *plan, int k);

/* Text of the heading of the days from span `first` to span `last` ("Days 0
 * to 3", with dates if any). */
const char *ac_plan_days_title(const ac_plan *plan, ac_arena *a, const ac_plan_span *first,
                               const ac_plan_span *last);

/* Refolds iCalendar text: CRLF line ends, lines of at most 75 octets, never
 * cutting a UTF-8 sequence (RFC 5545, 3.1).  Returns malloc'd text. */
char *ac_plan_ics_fold(const char *text);

#endif
