/*
 * serve_http.c -- aftercare serve on libmicrohttpd; see serve_http.h.
 * Every request goes to ac_serve_api_handle once its body is read whole;
 * this file only moves bytes and headers.
 */
#include "config.h"

#include "serve_http.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"

/* How long requests in flight may take to finish after SIGTERM. */
#define AC_SERVE_HTTP_DRAIN_SECONDS 30

/* What the server shares with libmicrohttpd's threads. */
typedef struct ac_serve_http {
  ac_serve_api *api;
  size_t max_body;
  atomic_int in_flight;      /* requests begun and not yet completed */
} ac_serve_http;

/* A request whose body is being read. */
typedef struct ac_serve_http_request {
  char *body;
  size_t len, cap;
  bool too_large;            /* its body went over --max-body: dropped */
} ac_serve_http_request;

/* libmicrohttpd's error logger: printf-like (clang checks the format). */
static void ac_serve_http_log(void *cls, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
static void ac_serve_http_log(void *cls, const char *fmt, va_list ap) {
  (void)cls;
  char msg[512];
  vsnprintf(msg, sizeof msg, fmt, ap);
  size_t n = strlen(msg);
  while (n > 0 && msg[n - 1] == '\n') msg[--n] = '\0';
  fprintf(stderr, "aftercare: libmicrohttpd: %s\n", msg);
}

static enum MHD_Result ac_serve_http_send(struct MHD_Connection *c, ac_serve_api_response *rs) {
  struct MHD_Response *r =
      MHD_create_response_from_buffer_with_free_callback(rs->len, rs->body, free);
  if (!r) {
    free(rs->body);
    return MHD_NO;
  }
  MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, rs->type);
  if (rs->header) MHD_add_response_header(r, rs->header, rs->value);
  enum MHD_Result ok = MHD_queue_response(c, (unsigned)rs->status, r);
  MHD_destroy_response(r);
  return ok;
}

static enum MHD_Result ac_serve_http_answer(void *cls, struct MHD_Connection *c, const char *url,
                                            const char *method, const char *version,
                                            const char *data, size_t *size, void **state) {
  (void)version;
  ac_serve_http *h = cls;
  ac_serve_http_request *rq = *state;
  ac_serve_api_request req = {method, url,
                              MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                          MHD_HTTP_HEADER_AUTHORIZATION),
                              NULL, 0};
  ac_serve_api_response rs;
  if (!rq) {
    rq = calloc(1, sizeof *rq);
    if (!rq) return MHD_NO;
    *state = rq;
    atomic_fetch_add(&h->in_flight, 1);
    /* a body announced larger than the limit is refused before it is read */
    const char *length =
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (length) {
      char *end;
      errno = 0;
      unsigned long long n = strtoull(length, &end, 10);
      if (errno || *end || n > h->max_body) {
        ac_serve_api_refuse(h->api, &req, 413, &rs);
        return ac_serve_http_send(c, &rs);
      }
    }
    return MHD_YES;
  }
  if (*size > 0) {
    if (!rq->too_large && rq->len + *size > h->max_body) {
      rq->too_large = true;
      free(rq->body);
      rq->body = NULL;
    }
    if (!rq->too_large) {
      if (rq->len + *size + 1 > rq->cap) {
        size_t cap = rq->cap ? rq->cap : 4096;
        while (cap < rq->len + *size + 1) cap *= 2;
        char *b = realloc(rq->body, cap);
        if (!b) return MHD_NO;
        rq->body = b;
        rq->cap = cap;
      }
      memcpy(rq->body + rq->len, data, *size);
      rq->len += *size;
    }
    *size = 0;
    return MHD_YES;
  }
  if (rq->too_large) {
    ac_serve_api_refuse(h->api, &req, 413, &rs);
  } else {
    req.body = rq->body;
    req.len = rq->len;
    ac_serve_api_handle(h->api, &req, &rs);
  }
  return ac_serve_http_send(c, &rs);
}

static void ac_serve_http_completed(void *cls, struct MHD_Connection *c, void **state,
                                    enum MHD_RequestTerminationCode why) {
  (void)c, (void)why;
  ac_serve_http *h = cls;
  ac_serve_http_request *rq = *state;
  if (!rq) return;
  free(rq->body);
  free(rq);
  *state = NULL;
  atomic_fetch_sub(&h->in_flight, 1);
}

void ac_serve_http_block_signals(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  /* a client that goes away must not kill the server */
  signal(SIGPIPE, SIG_IGN);
}

/* Waits until the requests in flight are done (or the time is up). */
static void ac_serve_http_drain(ac_serve_http *h) {
  struct timespec tick = {0, 10 * 1000 * 1000};
  for (int i = 0; i < AC_SERVE_HTTP_DRAIN_SECONDS * 100 && atomic_load(&h->in_flight) > 0; i++)
    nanosleep(&tick, NULL);
}

int ac_serve_http_run(ac_serve_api *api, const ac_serve_http_options *o) {
  struct sockaddr_in v4;
  struct sockaddr_in6 v6;
  const struct sockaddr *addr;
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ITC | MHD_USE_TURBO;
  memset(&v4, 0, sizeof v4);
  memset(&v6, 0, sizeof v6);
  if (inet_pton(AF_INET, o->address, &v4.sin_addr) == 1) {
    v4.sin_family = AF_INET;
    v4.sin_port = htons((uint16_t)o->port);
    addr = (const struct sockaddr *)&v4;
  } else if (inet_pton(AF_INET6, o->address, &v6.sin6_addr) == 1) {
    v6.sin6_family = AF_INET6;
    v6.sin6_port = htons((uint16_t)o->port);
    addr = (const struct sockaddr *)&v6;
    flags |= MHD_USE_IPv6;
  } else {
    fprintf(stderr, _("aftercare: '%s' is not an IP address\n"), o->address);
    return 2;
  }
  ac_serve_http h = {api, o->max_body, 0};
  struct MHD_Daemon *d = MHD_start_daemon(
      flags, (uint16_t)o->port, NULL, NULL, ac_serve_http_answer, &h, MHD_OPTION_SOCK_ADDR, addr,
      MHD_OPTION_THREAD_POOL_SIZE, o->workers, MHD_OPTION_CONNECTION_LIMIT, o->max_connections,
      MHD_OPTION_CONNECTION_TIMEOUT, o->timeout, MHD_OPTION_NOTIFY_COMPLETED,
      ac_serve_http_completed, &h, MHD_OPTION_EXTERNAL_LOGGER, ac_serve_http_log, NULL,
      MHD_OPTION_END);
  if (!d) {
    fprintf(stderr, _("aftercare: cannot listen on %s port %u: %s\n"), o->address, o->port,
            strerror(errno));
    return 2;
  }
  const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
  unsigned port = info ? info->port : o->port;
  /* read by programs: not translated */
  if (addr == (const struct sockaddr *)&v6)
    fprintf(stderr, "aftercare: listening on http://[%s]:%u/\n", o->address, port);
  else
    fprintf(stderr, "aftercare: listening on http://%s:%u/\n", o->address, port);
  fflush(stderr);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  for (;;) {
    int sig = 0;
    if (sigwait(&set, &sig) != 0) continue;
    if (sig == SIGHUP) {
      if (ac_serve_api_reload(api, o->paths, o->npaths, stderr) == 0)
        fprintf(stderr, _("aftercare: reloaded the protocols\n"));
      else
        fprintf(stderr, _("aftercare: reload failed: the protocols in force stay\n"));
      continue;
    }
    break;
  }
  /* Stop accepting; let the requests in flight finish.  The listening
   * socket is ours again, but a thread of the daemon may still be using it:
   * libmicrohttpd's manual says to close it only after MHD_stop_daemon.
   * (Closed before, a CI run under ThreadSanitizer once ended a SIGINT with
   * its status 66.) */
  MHD_socket listen = MHD_quiesce_daemon(d);
  ac_serve_http_drain(&h);
  MHD_stop_daemon(d);
  if (listen != MHD_INVALID_SOCKET) close(listen);
  fprintf(stderr, _("aftercare: stopped\n"));
  return 0;
}
