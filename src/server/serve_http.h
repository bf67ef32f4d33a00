/*
 * serve_http.h -- aftercare serve on libmicrohttpd: its internal thread
 * pool, a limit of connections, a timeout for idle ones, 413 before a body
 * over the limit is read; signals handled in one thread (sigwait): SIGHUP
 * reloads the protocol files, SIGTERM and SIGINT stop accepting, let the
 * requests in flight finish, and return.
 */
#ifndef AC_SERVE_HTTP_H
#define AC_SERVE_HTTP_H

#include <stddef.h>

#include "serve_api.h"

typedef struct ac_serve_http_options {
  const char *address;       /* an IPv4 or IPv6 address ("127.0.0.1", "::1") */
  unsigned port;             /* 0: any free port */
  unsigned workers;          /* threads of the pool */
  unsigned max_connections;
  size_t max_body;           /* bytes */
  unsigned timeout;          /* seconds an idle connection is kept */
  const char *const *paths;  /* the protocol files, reloaded on SIGHUP */
  int npaths;
} ac_serve_http_options;

/* Blocks SIGHUP, SIGTERM and SIGINT in the calling thread (call it before
 * any other thread starts: they inherit it). */
void ac_serve_http_block_signals(void);

/* Serves until SIGTERM or SIGINT.  Prints "aftercare: listening on
 * http://ADDR:PORT/" on standard error when ready.  Returns 0, or 2 when
 * the server cannot start (said). */
int ac_serve_http_run(ac_serve_api *api, const ac_serve_http_options *o);

#endif
