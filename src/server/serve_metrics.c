/*
 * serve_metrics.c -- counters of the server and their text; see
 * serve_metrics.h.
 */
#include "config.h"

#include "serve_metrics.h"

static const int ac_serve_metrics_codes[AC_SERVE_NSTATUSES] = {200, 400, 401, 404,
                                                                405, 413, 500, 503};

/* The bounds of the histogram, in microseconds (written in seconds). */
static const unsigned long ac_serve_metrics_bounds[AC_SERVE_METRICS_BUCKETS] = {
    50, 100, 250, 500, 1000, 2500, 5000, 10000, 25000, 50000, 100000, 1000000};

void ac_serve_metrics_init(ac_serve_metrics *m, const char *const *routes, int nroutes) {
  if (nroutes > AC_SERVE_METRICS_ROUTES - 1) nroutes = AC_SERVE_METRICS_ROUTES - 1;
  for (int i = 0; i < nroutes; i++) m->routes[i] = routes[i];
  m->routes[nroutes] = "none";
  m->nroutes = nroutes;
  for (int r = 0; r < AC_SERVE_METRICS_ROUTES; r++)
    for (int s = 0; s < AC_SERVE_NSTATUSES; s++) atomic_init(&m->requests[r][s], 0);
  for (int b = 0; b <= AC_SERVE_METRICS_BUCKETS; b++) atomic_init(&m->buckets[b], 0);
  atomic_init(&m->micros, 0);
  atomic_init(&m->reloads_ok, 0);
  atomic_init(&m->reloads_failed, 0);
  atomic_init(&m->protocols, 0);
}

int ac_serve_metrics_status_index(int status) {
  for (int s = 0; s < AC_SERVE_NSTATUSES; s++)
    if (ac_serve_metrics_codes[s] == status) return s;
  return -1;
}

void ac_serve_metrics_count(ac_serve_metrics *m, int route, int status, unsigned long micros) {
  int s = ac_serve_metrics_status_index(status);
  if (route < 0 || route > m->nroutes) route = m->nroutes;
  if (s >= 0) atomic_fetch_add_explicit(&m->requests[route][s], 1, memory_order_relaxed);
  int b = 0;
  while (b < AC_SERVE_METRICS_BUCKETS && micros > ac_serve_metrics_bounds[b]) b++;
  atomic_fetch_add_explicit(&m->buckets[b], 1, memory_order_relaxed);
  atomic_fetch_add_explicit(&m->micros, micros, memory_order_relaxed);
}

static unsigned long ac_serve_metrics_get(atomic_ulong *a) {
  return atomic_load_explicit(a, memory_order_relaxed);
}

void ac_serve_metrics_write(ac_serve_metrics *m, FILE *out) {
  fputs("# HELP aftercare_requests_total Requests answered, by route and status.\n"
        "# TYPE aftercare_requests_total counter\n",
        out);
  for (int r = 0; r <= m->nroutes; r++)
    for (int s = 0; s < AC_SERVE_NSTATUSES; s++) {
      unsigned long n = ac_serve_metrics_get(&m->requests[r][s]);
      if (n)
        fprintf(out, "aftercare_requests_total{route=\"%s\",status=\"%d\"} %lu\n", m->routes[r],
                ac_serve_metrics_codes[s], n);
    }
  fputs("# HELP aftercare_request_duration_seconds Time to answer a request.\n"
        "# TYPE aftercare_request_duration_seconds histogram\n",
        out);
  unsigned long total = 0;
  for (int b = 0; b <= AC_SERVE_METRICS_BUCKETS; b++) {
    total += ac_serve_metrics_get(&m->buckets[b]);
    if (b < AC_SERVE_METRICS_BUCKETS)
      fprintf(out, "aftercare_request_duration_seconds_bucket{le=\"%g\"} %lu\n",
              (double)ac_serve_metrics_bounds[b] / 1e6, total);
    else
      fprintf(out, "aftercare_request_duration_seconds_bucket{le=\"+Inf\"} %lu\n", total);
  }
  fprintf(out, "aftercare_request_duration_seconds_sum %.6f\n",
          (double)ac_serve_metrics_get(&m->micros) / 1e6);
  fprintf(out, "aftercare_request_duration_seconds_count %lu\n", total);
  fprintf(out,
          "# HELP aftercare_protocols Protocols loaded.\n# TYPE aftercare_protocols gauge\n"
          "aftercare_protocols %d\n",
          atomic_load_explicit(&m->protocols, memory_order_relaxed));
  fprintf(out,
          "# HELP aftercare_reloads_total Reloads (SIGHUP), by result.\n"
          "# TYPE aftercare_reloads_total counter\n"
          "aftercare_reloads_total{result=\"ok\"} %lu\n"
          "aftercare_reloads_total{result=\"failed\"} %lu\n",
          ac_serve_metrics_get(&m->reloads_ok), ac_serve_metrics_get(&m->reloads_failed));
}
