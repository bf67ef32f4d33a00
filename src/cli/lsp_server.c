/*
 * lsp_server.c -- the language server of `aftercare lsp` (lsp_server.h).
 *
 * JSON-RPC messages framed by Content-Length headers, answered in order by
 * a table of methods.  The answers themselves
 * are the library's (aftercare_lsp_*); this file keeps the open documents,
 * finds the protocols a document extends (open documents first, then the
 * disk; "smp" is the library's own), and decides when to check.
 *
 * Changes only mark documents; the caller checks them once the input is
 * drained (lsp.c), so that a burst of didChange is checked once, in its
 * last state.  A request about a document checks it first.
 *
 * Bad input never ends the server: a header without Content-Length is
 * skipped, invalid JSON gets ParseError, a request that is not one
 * InvalidRequest, an unknown method MethodNotFound (a notification is
 * ignored), a request before initialize ServerNotInitialized.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aftercare.h"
#include "i18n.h"
#include "lsp_server.h"

/* JSON-RPC and LSP error codes. */
enum {
  AC_RPC_PARSE_ERROR = -32700,       /* invalid JSON */
  AC_RPC_INVALID_REQUEST = -32600,   /* not a request */
  AC_RPC_METHOD_NOT_FOUND = -32601,  /* no such method */
  AC_RPC_INVALID_PARAMS = -32602,    /* params missing or of the wrong type */
  AC_RPC_NOT_INITIALIZED = -32002,   /* a request before initialize */
  AC_RPC_REQUEST_CANCELLED = -32800  /* $/cancelRequest came first */
};

/* The largest message accepted (a larger one is read and dropped). */
#define AC_LSP_MAX_MESSAGE ((size_t)256 * 1024 * 1024)
/* The longest header block. */
#define AC_LSP_MAX_HEADER 4096

/* An open document. */
typedef struct ac_doc {
  char *uri, *path;
  char *text;
  size_t len;
  long version;
  aftercare *p;     /* checked, or NULL */
  bool dirty;       /* changed since checked */
  char **bases;     /* paths of the protocols its chain read (not "smp") */
  int nbases;
} ac_doc;

struct ac_lsp_server {
  FILE *out, *log;
  ac_doc *docs;
  int ndocs;
  bool initialized, shut_down;
  int exit_status;   /* -1 until exit */
  char *in;          /* read, not yet handled */
  size_t in_len, in_cap;
  size_t skip;       /* bytes of an oversized message still to drop */
  json_t *cancelled; /* ids of cancelled requests */
  ac_doc *checking;  /* the document being checked (its bases recorded) */
};

/* ---- output ---- */

/* "aftercare: MESSAGE" on the log (standard error): what has no answer. */
static void ac_log(ac_lsp_server *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void ac_log(ac_lsp_server *s, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("aftercare: ", s->log);
  vfprintf(s->log, fmt, ap);
  fputc('\n', s->log);
  va_end(ap);
}

static void ac_send(ac_lsp_server *s, json_t *msg) {
  json_object_set_new(msg, "jsonrpc", json_string("2.0"));
  char *body = json_dumps(msg, JSON_COMPACT);
  json_decref(msg);
  if (!body) return;
  fprintf(s->out, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
  fflush(s->out);
  free(body);
}

static void ac_reply(ac_lsp_server *s, json_t *id, json_t *result) {
  ac_send(s, json_pack("{s:O,s:o}", "id", id ? id : json_null(), "result",
                       result ? result : json_null()));
}

static void ac_reply_error(ac_lsp_server *s, json_t *id, int code, const char *message) {
  ac_send(s, json_pack("{s:O,s:{s:i,s:s}}", "id", id ? id : json_null(), "error", "code", code,
                       "message", message));
}

/* A library answer (JSON text, freed) as a value. */
static json_t *ac_parsed(char *text) {
  json_t *v = text ? json_loads(text, JSON_DECODE_ANY, NULL) : NULL;
  free(text);
  return v ? v : json_null();
}

/* ---- documents ---- */

static ac_doc *ac_doc_find(ac_lsp_server *s, const char *uri) {
  for (int i = 0; i < s->ndocs; i++)
    if (strcmp(s->docs[i].uri, uri) == 0) return &s->docs[i];
  return NULL;
}

static ac_doc *ac_doc_by_path(ac_lsp_server *s, const char *path) {
  for (int i = 0; i < s->ndocs; i++)
    if (strcmp(s->docs[i].path, path) == 0) return &s->docs[i];
  return NULL;
}

/* URIs the library made from paths, as the client wrote them for its
 * open documents (a client may escape differently). */
static void ac_client_uris(ac_lsp_server *s, json_t *v) {
  if (json_is_array(v)) {
    for (size_t i = 0; i < json_array_size(v); i++) ac_client_uris(s, json_array_get(v, i));
  } else if (json_is_object(v)) {
    const char *key;
    json_t *value;
    json_object_foreach(v, key, value) {
      if (strcmp(key, "uri") == 0 && json_is_string(value)) {
        char *path = aftercare_lsp_path(json_string_value(value));
        ac_doc *d = path ? ac_doc_by_path(s, path) : NULL;
        if (d) json_string_set(value, d->uri);
        free(path);
      } else {
        ac_client_uris(s, value);
      }
    }
  }
}

/* Finds `extends "NAME"`: NAME relative to the extending file; an open
 * document of that path first, else the file on disk. */
static int ac_resolve(void *ctx, const char *name, const char *from, aftercare_resolution *r) {
  ac_lsp_server *s = ctx;
  char *path;
  const char *slash = from ? strrchr(from, '/') : NULL;
  if (strncmp(name, "./", 2) == 0) name += 2;
  if (name[0] == '/' || !slash) path = strdup(name);
  else if (asprintf(&path, "%.*s/%s", (int)(slash - from), from, name) < 0) path = NULL;
  if (!path) return ENOMEM;
  ac_doc *c = s->checking;
  char **bases = c ? realloc(c->bases, (size_t)(c->nbases + 1) * sizeof *bases) : NULL;
  if (bases) {
    c->bases = bases;
    c->bases[c->nbases++] = strdup(path);
  }
  ac_doc *d = ac_doc_by_path(s, path);
  int err = 0;
  if (d) {
    aftercare_resolved(r, path, d->text, d->len);
  } else {
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    size_t len = 0;
    if (f) {
      FILE *m = open_memstream(&text, &len);
      char buf[65536];
      size_t n;
      while (m && (n = fread(buf, 1, sizeof buf, f)) > 0) fwrite(buf, 1, n, m);
      if (ferror(f)) err = errno ? errno : EIO;
      if (m) fclose(m);
      fclose(f);
      if (!err && text) aftercare_resolved(r, path, text, len);
    } else {
      err = errno;
    }
    free(text);
  }
  free(path);
  return err;
}

static void ac_doc_forget_bases(ac_doc *d) {
  for (int i = 0; i < d->nbases; i++) free(d->bases[i]);
  free(d->bases);
  d->bases = NULL;
  d->nbases = 0;
}

/* Checks a document and publishes its diagnostics. */
static void ac_doc_check(ac_lsp_server *s, ac_doc *d) {
  aftercare_close(d->p);
  ac_doc_forget_bases(d);
  s->checking = d;
  d->p = aftercare_open_with(d->path, d->text, d->len, ac_resolve, s);
  s->checking = NULL;
  d->dirty = false;
  json_t *diags = ac_parsed(aftercare_lsp_diagnostics(d->p));
  ac_client_uris(s, diags);
  ac_send(s, json_pack("{s:s,s:{s:s,s:I,s:o}}", "method", "textDocument/publishDiagnostics",
                       "params", "uri", d->uri, "version", (json_int_t)d->version,
                       "diagnostics", diags));
}

/* Marks what a change of `path` affects: it, and the documents whose
 * chain read it. */
static void ac_doc_touch(ac_lsp_server *s, ac_doc *changed) {
  changed->dirty = true;
  for (int i = 0; i < s->ndocs; i++)
    for (int b = 0; b < s->docs[i].nbases; b++)
      if (strcmp(s->docs[i].bases[b], changed->path) == 0) s->docs[i].dirty = true;
}

static void ac_check_dirty(ac_lsp_server *s) {
  for (int i = 0; i < s->ndocs; i++)
    if (s->docs[i].dirty) ac_doc_check(s, &s->docs[i]);
}

static void ac_doc_free(ac_doc *d) {
  aftercare_close(d->p);
  ac_doc_forget_bases(d);
  free(d->uri);
  free(d->path);
  free(d->text);
}

/* ---- parameters ---- */

static const char *ac_param_uri(json_t *params) {
  return json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
}

/* The position of params; false if missing. */
static bool ac_param_position(json_t *params, int *line, int *character) {
  json_t *pos = json_object_get(params, "position");
  json_t *l = json_object_get(pos, "line"), *c = json_object_get(pos, "character");
  if (!json_is_integer(l) || !json_is_integer(c)) return false;
  json_int_t li = json_integer_value(l), ci = json_integer_value(c);
  *line = li < 0 || li > 0x7fffffff ? -1 : (int)li;
  *character = ci < 0 || ci > 0x7fffffff ? -1 : (int)ci;
  return true;
}

/* The checked document a request is about, or NULL (answered null). */
static ac_doc *ac_request_doc(ac_lsp_server *s, json_t *params) {
  const char *uri = ac_param_uri(params);
  ac_doc *d = uri ? ac_doc_find(s, uri) : NULL;
  if (d && d->dirty) ac_doc_check(s, d);
  return d;
}

/* ---- methods ---- */

/* A method's handler: a request's answer (NULL: replied already), or
 * nothing for a notification. */
typedef json_t *(*ac_handler)(ac_lsp_server *s, json_t *id, json_t *params);

static json_t *ac_initialize(ac_lsp_server *s, json_t *id, json_t *params) {
  (void)params;
  if (s->initialized) {
    ac_reply_error(s, id, AC_RPC_INVALID_REQUEST, _("initialize was already received"));
    return NULL;
  }
  s->initialized = true;
  return json_pack(
      "{s:{s:s,s:{s:b,s:i},s:b,s:{s:[s,s,s]},s:b,s:b,s:b,s:b,s:{s:[s]},s:{s:b}},s:{s:s,s:s}}",
      "capabilities", "positionEncoding", "utf-16", "textDocumentSync", "openClose", 1,
      "change", 1, "hoverProvider", 1, "completionProvider", "triggerCharacters", " ", ",",
      "\"", "definitionProvider", 1, "referencesProvider", 1, "documentSymbolProvider", 1,
      "documentFormattingProvider", 1, "codeActionProvider", "codeActionKinds", "quickfix",
      "codeLensProvider", "resolveProvider", 0, "serverInfo", "name", "aftercare", "version",
      aftercare_version());
}

static json_t *ac_shutdown(ac_lsp_server *s, json_t *id, json_t *params) {
  (void)id, (void)params;
  s->shut_down = true;
  return json_null();
}

static json_t *ac_exit(ac_lsp_server *s, json_t *id, json_t *params) {
  (void)id, (void)params;
  s->exit_status = s->shut_down ? 0 : 1;
  return NULL;
}

static json_t *ac_ignore(ac_lsp_server *s, json_t *id, json_t *params) {
  (void)s, (void)id, (void)params;
  return NULL;
}

static json_t *ac_did_open(ac_lsp_server *s, json_t *id, json_t *params) {
  (void)id;
  json_t *td = json_object_get(params, "textDocument");
  const char *uri = json_string_value(json_object_get(td, "uri"));
  json_t *text = json_object_get(td, "text");
  char *path = uri ? aftercare_lsp_path(uri) : NULL;
  if (!path || !json_is_string(text)) {
    free(path);
    return NULL; /* a notification: nothing to answer */
  }
  ac_doc *d = ac_doc_find(s, uri);
  if (!d) {
    ac_doc *docs = realloc(s->docs, (size_t)(s->ndocs + 1) * sizeof *docs);
    if (!docs) abort();
    s->docs = docs;
    d = &s->docs[s->ndocs++];
    memset(d, 0, sizeof *d);
    d->uri = strdup(uri);
  } else {
    free(d->path);
    free(d->text);
  }
  d->path = path;
  d->len = json_string_length(text);
  d->text = malloc(d->len + 1);
  if (!d->text || !d->uri) abort();
  memcpy(d->text, json_string_value(text), d->len + 1);
  d->version = (long)json_integer_value(json_object_get(td, "version"));
  ac_doc_touch(s, d);
  return NULL;
}

static json_t *ac_did_change(ac_lsp_server *s, json_t *id, json_t *params) {
  (void)id;
  ac_doc *d = ac_doc_find(s, ac_param_uri(params) ? ac_param_uri(params) : "");
  json_t *changes = json_object_get(params, "contentChanges");
  json_t *last = json_array_get(changes, json_array_size(changes) - 1);
  json_t *text = json_object_get(last, "text");
  if (!d || !json_is_string(text)) return NULL;
  free(d->text);
  d->len = json_string_length(text);
  d->text = malloc(d->len + 1);
  if (!d->text) abort();
  memcpy(d->text, json_string_value(text), d->len + 1);
  d->version = (long)json_integer_value(
      json_object_get(json_object_get(params, "textDocument"), "version"));
  ac_doc_touch(s, d);
  return NULL;
}

static json_t *ac_did_close(ac_lsp_server *s, json_t *id, json_t *params) {
  (void)id;
  const char *uri = ac_param_uri(params);
  ac_doc *d = uri ? ac_doc_find(s, uri) : NULL;
  if (!d) return NULL;
  ac_send(s, json_pack("{s:s,s:{s:s,s:[]}}", "method", "textDocument/publishDiagnostics",
                       "params", "uri", d->uri, "diagnostics"));
  ac_doc_touch(s, d); /* what extends it reads the disk now */
  ac_doc_free(d);
  *d = s->docs[--s->ndocs];
  return NULL;
}

/* hover, completion, definition: a document and a position. */
static json_t *ac_at_position(ac_lsp_server *s, json_t *id, json_t *params,
                              char *(*fn)(const aftercare *p, int line, int character),
                              json_t *none) {
  int line, character;
  if (!ac_param_position(params, &line, &character)) {
    ac_reply_error(s, id, AC_RPC_INVALID_PARAMS, _("position expected"));
    json_decref(none);
    return NULL;
  }
  ac_doc *d = ac_request_doc(s, params);
  if (!d || line < 0 || character < 0) return none;
  json_decref(none);
  json_t *v = ac_parsed(fn(d->p, line, character));
  ac_client_uris(s, v);
  return v;
}

static json_t *ac_hover(ac_lsp_server *s, json_t *id, json_t *params) {
  return ac_at_position(s, id, params, aftercare_lsp_hover, json_null());
}

static json_t *ac_completion(ac_lsp_server *s, json_t *id, json_t *params) {
  return ac_at_position(s, id, params, aftercare_lsp_completion, json_array());
}

static json_t *ac_definition(ac_lsp_server *s, json_t *id, json_t *params) {
  return ac_at_position(s, id, params, aftercare_lsp_definition, json_null());
}

/* References in every open document's chain, each once. */
static json_t *ac_references(ac_lsp_server *s, json_t *id, json_t *params) {
  json_t *def = ac_definition(s, id, params);
  if (!def) return NULL;
  json_t *out = json_array();
  char *path = aftercare_lsp_path(json_string_value(json_object_get(def, "uri")) ?: "");
  json_t *start = json_object_get(json_object_get(def, "range"), "start");
  int line = (int)json_integer_value(json_object_get(start, "line"));
  int character = (int)json_integer_value(json_object_get(start, "character"));
  int decl = json_is_true(json_object_get(json_object_get(params, "context"),
                                          "includeDeclaration"));
  ac_check_dirty(s);
  for (int i = 0; path && i < s->ndocs; i++) {
    json_t *refs = ac_parsed(aftercare_lsp_references(s->docs[i].p, path, line, character, decl));
    ac_client_uris(s, refs);
    size_t k;
    json_t *r;
    json_array_foreach(refs, k, r) {
      bool seen = false;
      for (size_t j = 0; j < json_array_size(out) && !seen; j++)
        seen = json_equal(json_array_get(out, j), r);
      if (!seen) json_array_append(out, r);
    }
    json_decref(refs);
  }
  free(path);
  json_decref(def);
  return out;
}

static json_t *ac_symbols(ac_lsp_server *s, json_t *id, json_t *params) {
  (void)id;
  ac_doc *d = ac_request_doc(s, params);
  return d ? ac_parsed(aftercare_lsp_symbols(d->p)) : json_null();
}

static json_t *ac_formatting(ac_lsp_server *s, json_t *id, json_t *params) {
  (void)id;
  ac_doc *d = ac_request_doc(s, params);
  return d ? ac_parsed(aftercare_lsp_formatting(d->path, d->text, d->len)) : json_null();
}

static json_t *ac_code_action(ac_lsp_server *s, json_t *id, json_t *params) {
  (void)id;
  ac_doc *d = ac_request_doc(s, params);
  json_t *range = json_object_get(params, "range");
  int first = (int)json_integer_value(json_object_get(json_object_get(range, "start"), "line"));
  int last = (int)json_integer_value(json_object_get(json_object_get(range, "end"), "line"));
  return d ? ac_parsed(aftercare_lsp_code_actions(d->p, d->uri, first, last)) : json_array();
}

static json_t *ac_code_lens(ac_lsp_server *s, json_t *id, json_t *params) {
  (void)id;
  ac_doc *d = ac_request_doc(s, params);
  return d ? ac_parsed(aftercare_lsp_code_lenses(d->p)) : json_array();
}

/* The methods: a request (answered) or a notification (never answered). */
static const struct {
  const char *method;
  bool request;
  ac_handler fn;
} ac_methods[] = {
    {"initialize", true, ac_initialize},
    {"initialized", false, ac_ignore},
    {"shutdown", true, ac_shutdown},
    {"exit", false, ac_exit},
    {"textDocument/didOpen", false, ac_did_open},
    {"textDocument/didChange", false, ac_did_change},
    {"textDocument/didClose", false, ac_did_close},
    {"textDocument/didSave", false, ac_ignore},
    {"textDocument/hover", true, ac_hover},
    {"textDocument/completion", true, ac_completion},
    {"textDocument/definition", true, ac_definition},
    {"textDocument/references", true, ac_references},
    {"textDocument/documentSymbol", true, ac_symbols},
    {"textDocument/formatting", true, ac_formatting},
    {"textDocument/codeAction", true, ac_code_action},
    {"textDocument/codeLens", true, ac_code_lens},
};

/* ---- messages ---- */

void ac_lsp_server_message(ac_lsp_server *s, const char *body, size_t len) {
  json_t *msg = json_loadb(body, len, 0, NULL);
  if (!msg) {
    ac_reply_error(s, NULL, AC_RPC_PARSE_ERROR, _("invalid JSON"));
    return;
  }
  json_t *id = json_object_get(msg, "id");
  json_t *method = json_object_get(msg, "method");
  if (!json_is_object(msg) || (!json_is_string(method) && !id)) {
    ac_reply_error(s, NULL, AC_RPC_INVALID_REQUEST, _("not a JSON-RPC message"));
  } else if (!json_is_string(method)) {
    /* a response to a request of ours: none is sent */
  } else if (id && !json_is_string(id) && !json_is_integer(id)) {
    ac_reply_error(s, NULL, AC_RPC_INVALID_REQUEST, _("id must be a number or a string"));
  } else {
    const char *name = json_string_value(method);
    json_t *params = json_object_get(msg, "params");
    int m = -1;
    for (int i = 0; i < (int)(sizeof ac_methods / sizeof *ac_methods); i++)
      if (strcmp(ac_methods[i].method, name) == 0) m = i;
    bool cancelled = false;
    size_t k;
    json_t *c;
    json_array_foreach(s->cancelled, k, c) cancelled = cancelled || (id && json_equal(c, id));
    if (strcmp(name, "$/cancelRequest") == 0) {
      /* noted when read (ac_note_cancel) */
    } else if (!id) {
      if (m >= 0 && !ac_methods[m].request && (s->initialized || strcmp(name, "exit") == 0))
        ac_methods[m].fn(s, NULL, params);
      /* other notifications are ignored, as the specification says */
    } else if (!s->initialized && strcmp(name, "initialize") != 0) {
      ac_reply_error(s, id, AC_RPC_NOT_INITIALIZED, _("the server is not initialized"));
    } else if (s->shut_down) {
      ac_reply_error(s, id, AC_RPC_INVALID_REQUEST, _("the server is shut down"));
    } else if (m < 0 || !ac_methods[m].request) {
      ac_reply_error(s, id, AC_RPC_METHOD_NOT_FOUND, _("method not found"));
    } else if (cancelled) {
      ac_reply_error(s, id, AC_RPC_REQUEST_CANCELLED, _("request cancelled"));
    } else if (params && !json_is_object(params) && !json_is_array(params)) {
      ac_reply_error(s, id, AC_RPC_INVALID_PARAMS, _("params must be an object"));
    } else {
      json_t *result = ac_methods[m].fn(s, id, params);
      if (result) ac_reply(s, id, result);
    }
  }
  json_decref(msg);
}

/* A $/cancelRequest read ahead: its id is cancelled before the requests
 * before it in the input are answered. */
static void ac_note_cancel(ac_lsp_server *s, const char *body, size_t len) {
  if (!memmem(body, len, "$/cancelRequest", 15)) return;
  json_t *msg = json_loadb(body, len, 0, NULL);
  json_t *id = json_object_get(json_object_get(msg, "params"), "id");
  if (json_is_string(json_object_get(msg, "method")) &&
      strcmp(json_string_value(json_object_get(msg, "method")), "$/cancelRequest") == 0 && id)
    json_array_append(s->cancelled, id);
  json_decref(msg);
}

/* Walks the whole messages of the input buffer: with `scan`, only notes
 * the cancellations among them; else handles them and drops them from the
 * buffer.  Returns how many. */
static int ac_frames(ac_lsp_server *s, bool scan) {
  int handled = 0;
  size_t at = 0, skip = s->skip;
  while (s->exit_status < 0) {
    char *buf = s->in + at;
    size_t left = s->in_len - at;
    if (skip) { /* the rest of an oversized message */
      size_t n = left < skip ? left : skip;
      skip -= n;
      at += n;
      if (skip) break;
      continue;
    }
    char *end = left >= 4 ? memmem(buf, left, "\r\n\r\n", 4) : NULL;
    if (!end) {
      if (left > AC_LSP_MAX_HEADER) { /* no header: resynchronise */
        if (!scan)
          ac_log(s, _("language server: a header longer than %d bytes, skipped"),
                       AC_LSP_MAX_HEADER);
        at = s->in_len;
      }
      break;
    }
    size_t hlen = (size_t)(end - buf) + 4;
    long long length = -1;
    for (char *line = buf; line < end;) {
      char *eol = memmem(line, (size_t)(end - line) + 2, "\r\n", 2);
      if (strncasecmp(line, "Content-Length:", 15) == 0) {
        char *num = line + 15, *stop;
        while (*num == ' ') num++;
        errno = 0;
        length = strtoll(num, &stop, 10);
        if (stop == num || stop != eol || errno || length < 0) length = -2;
      }
      line = eol + 2;
    }
    if (length < 0) {
      if (!scan)
        ac_log(s, _("language server: a message without a valid Content-Length, skipped"));
      at += hlen;
      continue;
    }
    if ((size_t)length > AC_LSP_MAX_MESSAGE) {
      if (!scan)
        ac_log(s, _("language server: a message of %lld bytes, over the limit, skipped"),
                     length);
      at += hlen;
      skip = (size_t)length;
      continue;
    }
    if (left - hlen < (size_t)length) break;
    if (scan) ac_note_cancel(s, buf + hlen, (size_t)length);
    else ac_lsp_server_message(s, buf + hlen, (size_t)length);
    handled++;
    at += hlen + (size_t)length;
  }
  if (!scan) {
    s->skip = skip;
    memmove(s->in, s->in + at, s->in_len - at);
    s->in_len -= at;
  }
  return handled;
}

int ac_lsp_server_input(ac_lsp_server *s) {
  if (s->in_len && memmem(s->in, s->in_len, "$/cancelRequest", 15)) ac_frames(s, true);
  return ac_frames(s, false);
}

ac_lsp_server *ac_lsp_server_new(FILE *out, FILE *log) {
  ac_lsp_server *s = calloc(1, sizeof *s);
  if (!s) abort();
  s->out = out;
  s->log = log;
  s->exit_status = -1;
  s->cancelled = json_array();
  return s;
}

void ac_lsp_server_feed(ac_lsp_server *s, const char *bytes, size_t n) {
  if (s->in_len + n > s->in_cap) {
    size_t cap = s->in_cap ? s->in_cap : 65536;
    while (cap < s->in_len + n) cap *= 2;
    char *in = realloc(s->in, cap);
    if (!in) abort();
    s->in = in;
    s->in_cap = cap;
  }
  memcpy(s->in + s->in_len, bytes, n);
  s->in_len += n;
}

void ac_lsp_server_check(ac_lsp_server *s) { ac_check_dirty(s); }

int ac_lsp_server_status(const ac_lsp_server *s) { return s->exit_status; }

void ac_lsp_server_free(ac_lsp_server *s) {
  for (int i = 0; i < s->ndocs; i++) ac_doc_free(&s->docs[i]);
  free(s->docs);
  free(s->in);
  json_decref(s->cancelled);
  free(s);
}
