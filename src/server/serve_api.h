/*
 * serve_api.h -- the routes of aftercare serve (docs/server.md), as a
 * plain function: a request (method, path, the Authorization header, a
 * body) in, a response (status, content type, body) out.  No HTTP library
 * here: serve_http.c puts it on libmicrohttpd, tests and the fuzzer call
 * it directly.
 *
 * One table of routes (method, path, whether the token is needed) decides
 * 404, 405 (with Allow) and 401; each route answers from the protocol set
 * in force, taken for the request and given back after it (a reload
 * during the request does not change its answer).
 */
#ifndef AC_SERVE_API_H
#define AC_SERVE_API_H

#include <stddef.h>
#include <stdio.h>

#include "serve_metrics.h"
#include "serve_set.h"
#include "serve_web.h"

/* What the routes share. */
typedef struct ac_serve_api {
  ac_serve_set_holder protocols; /* the set in force */
  ac_serve_metrics metrics;
  const char *token;       /* the bearer token /v1/ routes need; NULL: none */
  size_t token_len;
  FILE *log;               /* the access log (a line a request); NULL: none */
  ac_serve_web web;        /* the editor page's documents (serve_web.h) */
  long long dtstamp;       /* DTSTAMP of calendars: seconds, or -1 (now) */
} ac_serve_api;

typedef struct ac_serve_api_request {
  const char *method;        /* "GET", "POST", ... */
  const char *path;          /* "/v1/query", without the query string */
  const char *authorization; /* the Authorization header, or NULL */
  const char *body;          /* NULL when there is none */
  size_t len;
} ac_serve_api_request;

typedef struct ac_serve_api_response {
  int status;
  const char *type;          /* Content-Type */
  const char *header;        /* one more header (Allow, WWW-Authenticate), or NULL */
  const char *value;         /* its value */
  char *body;                /* malloc'd (free it), NUL-terminated */
  size_t len;
} ac_serve_api_response;

/* Takes the set (its reference); `token` is not copied (NULL: none). */
void ac_serve_api_init(ac_serve_api *a, ac_serve_set *s, const char *token, FILE *log);
void ac_serve_api_destroy(ac_serve_api *a);

/* Answers a request. */
void ac_serve_api_handle(ac_serve_api *a, const ac_serve_api_request *rq,
                         ac_serve_api_response *rs);

/* Answers a request refused before its body is read (413), counted and
 * logged as the others. */
void ac_serve_api_refuse(ac_serve_api *a, const ac_serve_api_request *rq, int status,
                         ac_serve_api_response *rs);

/* Loads the files again and puts the new set in force; when a file fails,
 * the set in force stays (its diagnostics go to `log`).  Counted; returns
 * 0 on success. */
int ac_serve_api_reload(ac_serve_api *a, const char *const *paths, int npaths, FILE *log);

#endif
