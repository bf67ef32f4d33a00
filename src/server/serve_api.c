/*
 * serve_api.c -- the routes of aftercare serve; see serve_api.h and
 * docs/server.md.  Answers are the JSON the program prints with --json
 * (docs/json.md), written by the library into a stream in memory.
 */
#include "config.h"

#include "serve_api.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"

/* The days a timeline may span. */
#define AC_SERVE_API_MAX_DAYS 1000
/* The sessions a plan may have. */
#define AC_SERVE_API_MAX_SESSIONS 64

/* A response being written. */
typedef struct ac_serve_api_out {
  FILE *f;
  char *buf;
  size_t len;
  const char *type;
  const char *path;  /* the request's path (the page's routes share a function) */
} ac_serve_api_out;

typedef int (*ac_serve_api_route_fn)(ac_serve_api *a, ac_serve_set *s, json_t *body,
                                     ac_serve_api_out *out);

/* A route of the table. */
typedef struct ac_serve_api_route {
  const char *method, *path;
  bool token;               /* needs the bearer token (when there is one) */
  bool body;                /* takes a JSON object */
  ac_serve_api_route_fn fn;
} ac_serve_api_route;

static int ac_serve_api_healthz(ac_serve_api *, ac_serve_set *, json_t *, ac_serve_api_out *);
static int ac_serve_api_metrics(ac_serve_api *, ac_serve_set *, json_t *, ac_serve_api_out *);
static int ac_serve_api_protocols(ac_serve_api *, ac_serve_set *, json_t *, ac_serve_api_out *);
static int ac_serve_api_query(ac_serve_api *, ac_serve_set *, json_t *, ac_serve_api_out *);
static int ac_serve_api_check(ac_serve_api *, ac_serve_set *, json_t *, ac_serve_api_out *);
static int ac_serve_api_plan(ac_serve_api *, ac_serve_set *, json_t *, ac_serve_api_out *);
static int ac_serve_api_timeline(ac_serve_api *, ac_serve_set *, json_t *, ac_serve_api_out *);
static int ac_serve_api_page(ac_serve_api *, ac_serve_set *, json_t *, ac_serve_api_out *);

static const ac_serve_api_route ac_serve_api_routes[] = {
    {"GET", "/healthz", false, false, ac_serve_api_healthz},
    {"GET", "/metrics", false, false, ac_serve_api_metrics},
    {"GET", "/v1/protocols", true, false, ac_serve_api_protocols},
    {"POST", "/v1/query", true, true, ac_serve_api_query},
    {"POST", "/v1/check", true, true, ac_serve_api_check},
    {"POST", "/v1/plan", true, true, ac_serve_api_plan},
    {"POST", "/v1/timeline", true, true, ac_serve_api_timeline},
    /* the protocol editor page (docs/editor.md; serve_web.h) */
    {"GET", "/", false, false, ac_serve_api_page},
    {"GET", "/index.html", false, false, ac_serve_api_page},
    {"GET", "/app.js", false, false, ac_serve_api_page},
    {"GET", "/app.css", false, false, ac_serve_api_page},
    {"GET", "/keywords.json", false, false, ac_serve_api_page},
    {"GET", "/explanations.json", false, false, ac_serve_api_page},
};
#define AC_SERVE_API_NROUTES ((int)(sizeof ac_serve_api_routes / sizeof *ac_serve_api_routes))

static const char ac_serve_api_json_type[] = "application/json";

void ac_serve_api_init(ac_serve_api *a, ac_serve_set *s, const char *token, FILE *log) {
  const char *labels[AC_SERVE_API_NROUTES];
  for (int i = 0; i < AC_SERVE_API_NROUTES; i++) labels[i] = ac_serve_api_routes[i].path;
  ac_serve_metrics_init(&a->metrics, labels, AC_SERVE_API_NROUTES);
  ac_serve_set_holder_init(&a->protocols, s);
  atomic_store(&a->metrics.protocols, s->n);
  a->token = token;
  a->token_len = token ? strlen(token) : 0;
  a->log = log;
  a->dtstamp = -1;
  ac_serve_web_init(&a->web); /* out of memory: the page's two documents answer 500 */
}
void ac_serve_api_destroy(ac_serve_api *a) {
  ac_serve_web_destroy(&a->web);
  ac_serve_set_holder_destroy(&a->protocols);
}

int ac_serve_api_reload(ac_serve_api *a, const char *const *paths, int npaths, FILE *log) {
  ac_serve_set *s = ac_serve_set_load(paths, npaths, log);
  if (!s) {
    atomic_fetch_add(&a->metrics.reloads_failed, 1);
    return -1;
  }
  int n = s->n;
  ac_serve_set_holder_swap(&a->protocols, s);
  atomic_store(&a->metrics.protocols, n);
  atomic_fetch_add(&a->metrics.reloads_ok, 1);
  return 0;
}

/* ---- writing answers ---- */

/* {"error": MESSAGE}; returns status. */
static int ac_serve_api_error(ac_serve_api_out *out, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int ac_serve_api_error(ac_serve_api_out *out, int status, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  json_t *o = json_pack("{s:s}", "error", msg);
  if (!o) o = json_pack("{s:s}", "error", _("the message is not UTF-8"));
  json_dumpf(o, out->f, JSON_COMPACT);
  fputc('\n', out->f);
  json_decref(o);
  out->type = ac_serve_api_json_type;
  return status;
}

/* Writes a JSON value, compact, with a newline. */
static void ac_serve_api_dump(ac_serve_api_out *out, json_t *v) {
  json_dumpf(v, out->f, JSON_COMPACT);
  fputc('\n', out->f);
  out->type = ac_serve_api_json_type;
}

/* What a library call writes: a stream in memory. */
typedef struct ac_serve_api_text {
  FILE *f;
  char *buf;
  size_t len;
} ac_serve_api_text;

static void ac_serve_api_text_open(ac_serve_api_text *t) {
  t->buf = NULL;
  t->len = 0;
  t->f = open_memstream(&t->buf, &t->len);
  if (!t->f) abort();
}

static void ac_serve_api_text_close(ac_serve_api_text *t) {
  fclose(t->f);
  t->f = NULL;
}

/* ---- the protocol of a request ---- */

static const char *ac_serve_api_member_string(json_t *body, const char *key, bool *wrong) {
  json_t *v = json_object_get(body, key);
  if (!v) return NULL;
  if (!json_is_string(v)) {
    *wrong = true;
    return NULL;
  }
  return json_string_value(v);
}

/* The protocol a request names ("protocol": NAME, default "smp") or brings
 * ("source": TEXT).  NULL after an error was written (*status).  A
 * protocol opened for the request is in *opened (close it). */
static const aftercare *ac_serve_api_protocol(ac_serve_set *s, json_t *body, const char *key,
                                              aftercare **opened, ac_serve_api_out *out,
                                              int *status) {
  bool wrong = false;
  const char *name = ac_serve_api_member_string(body, key, &wrong);
  const char *source = strcmp(key, "protocol") == 0
                           ? ac_serve_api_member_string(body, "source", &wrong)
                           : NULL;
  *opened = NULL;
  if (wrong) {
    *status = ac_serve_api_error(out, 400, _("'%s' and 'source' are strings"), key);
    return NULL;
  }
  if (name && source) {
    *status = ac_serve_api_error(out, 400, "%s", _("give 'protocol' or 'source', not both"));
    return NULL;
  }
  if (source) {
    json_t *v = json_object_get(body, "source");
    aftercare *p = ac_serve_set_open(s, "source", source, json_string_length(v));
    if (aftercare_errors(p) > 0) {
      /* the error, then what check says */
      ac_serve_api_text t;
      ac_serve_api_text_open(&t);
      aftercare_print_diagnostics(p, t.f, AFTERCARE_JSON, 0);
      ac_serve_api_text_close(&t);
      json_t *o = json_pack("{s:s}", "error", _("the protocol has errors"));
      json_t *doc = json_loadb(t.buf, t.len, 0, NULL);
      if (doc) json_object_update(o, doc);
      ac_serve_api_dump(out, o);
      json_decref(doc);
      json_decref(o);
      free(t.buf);
      aftercare_close(p);
      *status = 400;
      return NULL;
    }
    *opened = p;
    return p;
  }
  if (!name) name = "smp";
  const ac_serve_protocol *sp = ac_serve_set_find(s, name);
  if (!sp) {
    *status = ac_serve_api_error(out, 400, _("no protocol called '%s' is loaded"), name);
    return NULL;
  }
  return sp->p;
}

/* ---- the routes ---- */

static int ac_serve_api_healthz(ac_serve_api *a, ac_serve_set *s, json_t *body,
                                ac_serve_api_out *out) {
  (void)a, (void)s, (void)body;
  fputs("ok\n", out->f);
  out->type = "text/plain; charset=utf-8";
  return 200;
}

/* A file of the editor page, from memory. */
static int ac_serve_api_page(ac_serve_api *a, ac_serve_set *s, json_t *body,
                             ac_serve_api_out *out) {
  (void)s, (void)body;
  const ac_serve_web_asset *f = ac_serve_web_find(&a->web, out->path);
  if (!f) return ac_serve_api_error(out, 500, "%s", _("the page's file is missing (out of memory)"));
  fwrite(f->data, 1, f->len, out->f);
  out->type = f->content_type;
  return 200;
}

static int ac_serve_api_metrics(ac_serve_api *a, ac_serve_set *s, json_t *body,
                                ac_serve_api_out *out) {
  (void)s, (void)body;
  ac_serve_metrics_write(&a->metrics, out->f);
  out->type = "text/plain; version=0.0.4; charset=utf-8";
  return 200;
}

static int ac_serve_api_protocols(ac_serve_api *a, ac_serve_set *s, json_t *body,
                                  ac_serve_api_out *out) {
  (void)a, (void)body;
  fputs("{\"protocols\":[", out->f);
  for (int i = 0; i < s->n; i++) fprintf(out->f, "%s%s", i ? "," : "", s->protocols[i].info);
  fputs("]}\n", out->f);
  out->type = ac_serve_api_json_type;
  return 200;
}

/* Asks one query; the answer (or its error object) on out, without the
 * newline.  Returns what aftercare_ask returns. */
static int ac_serve_api_ask(const aftercare *p, const char *query, ac_serve_api_out *out) {
  int rc = aftercare_ask(p, query, AFTERCARE_JSON, out->f, out->f, "query", 1, 0);
  fflush(out->f);
  if (out->len > 0 && out->buf[out->len - 1] == '\n') fseeko(out->f, -1, SEEK_CUR);
  return rc;
}

static int ac_serve_api_query(ac_serve_api *a, ac_serve_set *s, json_t *body,
                              ac_serve_api_out *out) {
  (void)a;
  json_t *query = json_object_get(body, "query"), *queries = json_object_get(body, "queries");
  if ((query != NULL) == (queries != NULL))
    return ac_serve_api_error(out, 400, "%s", _("give 'query' (a string) or 'queries' (an array "
                                                "of strings)"));
  if (query && !json_is_string(query))
    return ac_serve_api_error(out, 400, "%s", _("'query' is a string"));
  size_t i;
  json_t *q;
  if (queries) {
    if (!json_is_array(queries))
      return ac_serve_api_error(out, 400, "%s", _("'queries' is an array of strings"));
    json_array_foreach(queries, i, q) {
      if (!json_is_string(q))
        return ac_serve_api_error(out, 400, "%s", _("'queries' is an array of strings"));
    }
  }
  aftercare *opened;
  int status = 200;
  const aftercare *p = ac_serve_api_protocol(s, body, "protocol", &opened, out, &status);
  if (!p) return status;
  out->type = ac_serve_api_json_type;
  if (query) {
    if (ac_serve_api_ask(p, json_string_value(query), out) != 0) status = 400;
  } else {
    fputs("{\"answers\":[", out->f);
    json_array_foreach(queries, i, q) {
      if (i) fputc(',', out->f);
      ac_serve_api_ask(p, json_string_value(q), out);
    }
    fputs("]}", out->f);
  }
  fputc('\n', out->f);
  aftercare_close(opened);
  return status;
}

static int ac_serve_api_check(ac_serve_api *a, ac_serve_set *s, json_t *body,
                              ac_serve_api_out *out) {
  (void)a;
  json_t *source = json_object_get(body, "source");
  if (!json_is_string(source))
    return ac_serve_api_error(out, 400, "%s", _("give 'source': the text of a protocol"));
  bool wrong = false;
  const char *name = ac_serve_api_member_string(body, "name", &wrong);
  if (wrong) return ac_serve_api_error(out, 400, "%s", _("'name' is a string"));
  aftercare *p = ac_serve_set_open(s, name ? name : "source", json_string_value(source),
                                   json_string_length(source));
  aftercare_print_diagnostics(p, out->f, AFTERCARE_JSON, 0);
  aftercare_close(p);
  out->type = ac_serve_api_json_type;
  return 200;
}

/* A day member: absent (keeps *day), or an integer in -100000..100000. */
static bool ac_serve_api_day(json_t *body, const char *key, long *day, bool *given) {
  json_t *v = json_object_get(body, key);
  if (!v) return true;
  if (!json_is_integer(v) || json_integer_value(v) < -100000 || json_integer_value(v) > 100000)
    return false;
  *day = (long)json_integer_value(v);
  if (given) *given = true;
  return true;
}

static int ac_serve_api_cmp_long(const void *x, const void *y) {
  long a = *(const long *)x, b = *(const long *)y;
  return (a > b) - (a < b);
}

static int ac_serve_api_plan(ac_serve_api *a, ac_serve_set *s, json_t *body,
                             ac_serve_api_out *out) {
  static const struct {
    const char *name, *type;
    aftercare_plan_format format;
  } formats[] = {
      {"text", "text/plain; charset=utf-8", AFTERCARE_PLAN_TEXT},
      {"markdown", "text/markdown; charset=utf-8", AFTERCARE_PLAN_MARKDOWN},
      {"html", "text/html; charset=utf-8", AFTERCARE_PLAN_HTML},
      {"json", "application/json", AFTERCARE_PLAN_JSON},
      {"ics", "text/calendar; charset=utf-8", AFTERCARE_PLAN_ICS},
  };
  aftercare_plan_options o;
  memset(&o, 0, sizeof o);
  bool wrong = false;
  const char *format = ac_serve_api_member_string(body, "format", &wrong);
  int f = -1;
  for (int i = 0; i < (int)(sizeof formats / sizeof *formats); i++)
    if (!format || strcmp(format, formats[i].name) == 0) {
      f = i;
      break;
    }
  if (wrong || f < 0)
    return ac_serve_api_error(out, 400, "%s",
                              _("'format' is one of text, markdown, html, json, ics"));
  o.format = formats[f].format;
  long sessions[AC_SERVE_API_MAX_SESSIONS];
  json_t *list = json_object_get(body, "sessions");
  if (list) {
    size_t i;
    json_t *d;
    if (!json_is_array(list) || json_array_size(list) > AC_SERVE_API_MAX_SESSIONS)
      return ac_serve_api_error(out, 400, _("'sessions' is an array of at most %d dates"),
                                AC_SERVE_API_MAX_SESSIONS);
    json_array_foreach(list, i, d) {
      if (!json_is_string(d) || aftercare_parse_date(json_string_value(d), &sessions[i]) != 0)
        return ac_serve_api_error(out, 400, "%s",
                                  _("a session is a date: \"YYYY-MM-DD\""));
    }
    qsort(sessions, json_array_size(list), sizeof *sessions, ac_serve_api_cmp_long);
    o.sessions = json_array_size(list) ? sessions : NULL;
    o.nsessions = (int)json_array_size(list);
  }
  bool has_from = false, has_to = false;
  if (!ac_serve_api_day(body, "from", &o.from, &has_from) ||
      !ac_serve_api_day(body, "to", &o.to, &has_to))
    return ac_serve_api_error(out, 400, "%s", _("'from' and 'to' are day numbers"));
  o.has_from = has_from, o.has_to = has_to;
  o.dtstamp = a->dtstamp;
  aftercare *opened;
  int status = 200;
  const aftercare *p = ac_serve_api_protocol(s, body, "protocol", &opened, out, &status);
  if (!p) return status;
  o.language = aftercare_language(p);
  ac_serve_api_text err;
  ac_serve_api_text_open(&err);
  if (aftercare_plan(p, &o, out->f, err.f) != 0) {
    ac_serve_api_text_close(&err);
    /* what the plan wrote is dropped: the error instead */
    fflush(out->f);
    rewind(out->f);
    fflush(out->f);
    out->len = 0;
    size_t n = err.len;
    while (n > 0 && err.buf[n - 1] == '\n') n--;
    const char *msg = err.buf;
    if (n >= 11 && strncmp(msg, "aftercare: ", 11) == 0) msg += 11, n -= 11;
    status = ac_serve_api_error(out, 400, "%.*s", (int)n, msg);
  } else {
    ac_serve_api_text_close(&err);
    out->type = formats[f].type;
  }
  free(err.buf);
  aftercare_close(opened);
  return status;
}

/* ---- timeline ---- */

static void ac_serve_api_add_name(const char *name, void *ctx) {
  json_array_append_new(ctx, json_string(name));
}

/* The verdict of one day: {verdict, condition?, rule, reason, source}. */
static json_t *ac_serve_api_day_verdict(const aftercare *p, const char *activity, long day) {
  char query[256];
  snprintf(query, sizeof query, "can %s on day %ld", activity, day);
  ac_serve_api_text t;
  ac_serve_api_text_open(&t);
  aftercare_ask(p, query, AFTERCARE_JSON, t.f, t.f, "query", 1, 0);
  ac_serve_api_text_close(&t);
  json_t *answer = json_loadb(t.buf, t.len, 0, NULL);
  free(t.buf);
  json_t *o = json_object();
  json_t *verdict = json_object_get(answer, "verdict");
  json_object_set(o, "verdict", verdict ? verdict : json_null());
  static const char *const keep[] = {"condition", "if_holds", "otherwise"};
  for (size_t i = 0; i < sizeof keep / sizeof *keep; i++) {
    json_t *v = json_object_get(answer, keep[i]);
    if (v) json_object_set(o, keep[i], v);
  }
  json_t *first = json_array_get(json_object_get(answer, "reasons"), 0);
  json_t *rule = json_object_get(first, "rule"), *text = json_object_get(first, "text"),
         *source = json_object_get(first, "source");
  json_object_set(o, "rule", rule ? rule : json_null());
  json_object_set(o, "reason", text ? text : json_null());
  json_object_set(o, "source", source ? source : json_null());
  json_decref(answer);
  return o;
}

static int ac_serve_api_timeline(ac_serve_api *a, ac_serve_set *s, json_t *body,
                                 ac_serve_api_out *out) {
  (void)a;
  long from = -7, to = 60;
  if (!ac_serve_api_day(body, "from", &from, NULL) || !ac_serve_api_day(body, "to", &to, NULL) ||
      from > to || to - from >= AC_SERVE_API_MAX_DAYS)
    return ac_serve_api_error(out, 400, _("'from' and 'to' are day numbers, from <= to, at most "
                                          "%d days"),
                              AC_SERVE_API_MAX_DAYS);
  aftercare *opened, *none;
  int status = 200;
  const aftercare *p = ac_serve_api_protocol(s, body, "protocol", &opened, out, &status);
  if (!p) return status;
  const aftercare *other = NULL;
  if (json_object_get(body, "compare")) {
    other = ac_serve_api_protocol(s, body, "compare", &none, out, &status);
    if (!other) {
      aftercare_close(opened);
      return status;
    }
  }
  json_t *names = json_array();
  aftercare_names(p, "activities", ac_serve_api_add_name, names);
  json_t *doc = json_pack("{s:o, s:I, s:I}", "protocol",
                          aftercare_name(p) ? json_string(aftercare_name(p)) : json_null(),
                          "from", (json_int_t)from, "to", (json_int_t)to);
  if (other) json_object_set_new(doc, "compare", json_string(aftercare_name(other)));
  json_t *activities = json_array();
  size_t i;
  json_t *name;
  json_array_foreach(names, i, name) {
    const char *activity = json_string_value(name);
    bool known = other && aftercare_can(other, activity, 0) != NULL;
    json_t *days = json_array();
    for (long d = from; d <= to; d++) {
      json_t *v = ac_serve_api_day_verdict(p, activity, d);
      json_t *day = json_pack("{s:I}", "day", (json_int_t)d);
      json_object_update(day, v);
      json_decref(v);
      if (other)
        json_object_set_new(day, "compare",
                            known ? ac_serve_api_day_verdict(other, activity, d) : json_null());
      json_array_append_new(days, day);
    }
    json_array_append_new(activities, json_pack("{s:O, s:o}", "activity", name, "days", days));
  }
  json_object_set_new(doc, "activities", activities);
  ac_serve_api_dump(out, doc);
  json_decref(doc);
  json_decref(names);
  aftercare_close(opened);
  return status;
}

/* ---- the handler ---- */

/* Whether the Authorization header holds the token, compared in a time
 * that depends on the token's length only. */
static bool ac_serve_api_authorised(const ac_serve_api *a, const char *auth) {
  static const char scheme[] = "Bearer ";
  if (!auth || strncmp(auth, scheme, sizeof scheme - 1) != 0) return false;
  const char *t = auth + sizeof scheme - 1;
  size_t n = strlen(t);
  unsigned char d = n != a->token_len;
  for (size_t i = 0; i < a->token_len; i++)
    d |= (unsigned char)(a->token[i] ^ (i < n ? t[i] : 0));
  return d == 0;
}

static long long ac_serve_api_micros(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* The access log's line: the path with bytes other than printable ASCII
 * escaped (it is the client's). */
static void ac_serve_api_log(ac_serve_api *a, const ac_serve_api_request *rq, int status,
                             long long micros) {
  if (!a->log) return;
  char path[512];
  size_t n = 0;
  for (const char *c = rq->path; *c && n + 5 < sizeof path; c++) {
    unsigned char b = (unsigned char)*c;
    if (b >= 0x20 && b < 0x7f && b != '\\') path[n++] = (char)b;
    else n += (size_t)snprintf(path + n, sizeof path - n, "\\x%02x", b);
  }
  path[n] = '\0';
  char method[16];
  snprintf(method, sizeof method, "%s", rq->method);
  for (char *m = method; *m; m++)
    if ((unsigned char)*m < 0x21 || (unsigned char)*m > 0x7e) *m = '?';
  fprintf(a->log, "aftercare: %s %s %d %lldus\n", method, path, status, micros);
}

/* Finishes a response: counts, logs. */
static void ac_serve_api_finish(ac_serve_api *a, const ac_serve_api_request *rq, int route,
                                ac_serve_api_out *out, ac_serve_api_response *rs,
                                long long start) {
  fclose(out->f);
  rs->body = out->buf;
  rs->len = out->len;
  rs->type = out->type ? out->type : ac_serve_api_json_type;
  long long micros = ac_serve_api_micros() - start;
  if (micros < 0) micros = 0;
  ac_serve_metrics_count(&a->metrics, route, rs->status, (unsigned long)micros);
  ac_serve_api_log(a, rq, rs->status, micros);
}

static void ac_serve_api_begin(ac_serve_api_out *out, ac_serve_api_response *rs) {
  memset(out, 0, sizeof *out);
  out->f = open_memstream(&out->buf, &out->len);
  if (!out->f) abort();
  memset(rs, 0, sizeof *rs);
}

void ac_serve_api_refuse(ac_serve_api *a, const ac_serve_api_request *rq, int status,
                         ac_serve_api_response *rs) {
  long long start = ac_serve_api_micros();
  ac_serve_api_out out;
  ac_serve_api_begin(&out, rs);
  int route = AC_SERVE_API_NROUTES;
  for (int i = 0; i < AC_SERVE_API_NROUTES; i++)
    if (strcmp(ac_serve_api_routes[i].path, rq->path) == 0) route = i;
  rs->status = status == 413
                   ? ac_serve_api_error(&out, 413, "%s", _("the body is larger than --max-body"))
                   : ac_serve_api_error(&out, status, "%s", _("the request cannot be answered"));
  ac_serve_api_finish(a, rq, route, &out, rs, start);
}

void ac_serve_api_handle(ac_serve_api *a, const ac_serve_api_request *rq,
                         ac_serve_api_response *rs) {
  long long start = ac_serve_api_micros();
  ac_serve_api_out out;
  ac_serve_api_begin(&out, rs);
  out.path = rq->path;
  /* the route: 404 when no route has the path, 405 when none has the method */
  int route = AC_SERVE_API_NROUTES;
  bool path_known = false;
  for (int i = 0; i < AC_SERVE_API_NROUTES; i++) {
    if (strcmp(ac_serve_api_routes[i].path, rq->path) != 0) continue;
    path_known = true;
    if (strcmp(ac_serve_api_routes[i].method, rq->method) == 0) route = i;
  }
  const ac_serve_api_route *r = route < AC_SERVE_API_NROUTES ? &ac_serve_api_routes[route] : NULL;
  if (!path_known) {
    rs->status = ac_serve_api_error(&out, 404, "%s", _("no such route (see docs/server.md)"));
  } else if (!r) {
    for (int i = 0; i < AC_SERVE_API_NROUTES; i++)
      if (strcmp(ac_serve_api_routes[i].path, rq->path) == 0) {
        rs->header = "Allow";
        rs->value = ac_serve_api_routes[i].method; /* one method per path */
        route = i;
      }
    rs->status = ac_serve_api_error(&out, 405, _("use %s for %s"), rs->value, rq->path);
  } else if (r->token && a->token && !ac_serve_api_authorised(a, rq->authorization)) {
    rs->header = "WWW-Authenticate";
    rs->value = "Bearer";
    rs->status = ac_serve_api_error(&out, 401, "%s",
                                    _("this route needs 'Authorization: Bearer TOKEN'"));
  } else {
    json_t *body = NULL;
    json_error_t e;
    if (r->body) {
      body = json_loadb(rq->body ? rq->body : "", rq->body ? rq->len : 0, JSON_REJECT_DUPLICATES,
                        &e);
      if (!body)
        rs->status = ac_serve_api_error(&out, 400, _("malformed JSON: %s (line %d, column %d)"),
                                        e.text, e.line, e.column);
      else if (!json_is_object(body))
        rs->status = ac_serve_api_error(&out, 400, "%s", _("the body is a JSON object"));
    }
    if (!rs->status) {
      ac_serve_set *s = ac_serve_set_holder_get(&a->protocols);
      rs->status = r->fn(a, s, body, &out);
      ac_serve_set_release(s);
    }
    json_decref(body);
  }
  ac_serve_api_finish(a, rq, route, &out, rs, start);
}
