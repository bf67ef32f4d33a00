/*
 * serve_metrics.h -- what GET /metrics tells (aftercare serve): requests
 * by route and status, a histogram of their durations, the protocols
 * loaded, reloads that succeeded and failed.  Counters are atomics: any
 * thread counts, any thread reads; the text is Prometheus's exposition
 * format 0.0.4.
 */
#ifndef AC_SERVE_METRICS_H
#define AC_SERVE_METRICS_H

#include <stdatomic.h>
#include <stdio.h>

#define AC_SERVE_METRICS_ROUTES 16  /* routes, the last for "no route" */
#define AC_SERVE_METRICS_BUCKETS 12 /* the histogram's bounds (and +Inf) */

/* The statuses the server answers with. */
typedef enum ac_serve_metrics_status {
  AC_SERVE_200, /* answered */
  AC_SERVE_400, /* a bad request: JSON, members, a query or protocol with errors */
  AC_SERVE_401, /* no token, or the wrong one */
  AC_SERVE_404, /* no such route */
  AC_SERVE_405, /* a route, not with this method */
  AC_SERVE_413, /* a body over --max-body */
  AC_SERVE_500, /* out of memory, an internal error */
  AC_SERVE_503, /* stopping */
  AC_SERVE_NSTATUSES
} ac_serve_metrics_status;

typedef struct ac_serve_metrics {
  const char *routes[AC_SERVE_METRICS_ROUTES]; /* the label of each route */
  int nroutes;
  atomic_ulong requests[AC_SERVE_METRICS_ROUTES][AC_SERVE_NSTATUSES];
  atomic_ulong buckets[AC_SERVE_METRICS_BUCKETS + 1]; /* cumulative at output */
  atomic_ulong micros;         /* the sum of durations */
  atomic_ulong reloads_ok, reloads_failed;
  atomic_int protocols;        /* loaded */
} ac_serve_metrics;

/* `routes`: the routes' labels; one more, "none", is added for requests
 * no route takes. */
void ac_serve_metrics_init(ac_serve_metrics *m, const char *const *routes, int nroutes);

/* The index of a status code; -1 for one the server never gives. */
int ac_serve_metrics_status_index(int status);

/* Counts a request of route `route` (nroutes: none) answered with
 * `status` in `micros` microseconds. */
void ac_serve_metrics_count(ac_serve_metrics *m, int route, int status, unsigned long micros);

/* The exposition text. */
void ac_serve_metrics_write(ac_serve_metrics *m, FILE *out);

#endif
