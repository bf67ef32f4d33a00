/*
 * serve_web.h -- the protocol editor page that `aftercare serve` answers at
 * `/` (docs/editor.md): the bundle of web/dist/, compiled in
 * (build-aux/embed-web.sh writes src/cli/web_assets.c), and two JSON
 * documents the page reads, made once at start from the library: the
 * keyword table (highlighting) and the explanation of every diagnostic
 * code.  Nothing here opens a file.
 */
#ifndef AC_SERVE_WEB_H
#define AC_SERVE_WEB_H

#include <stddef.h>

/* One file the page is made of. */
typedef struct ac_serve_web_asset {
  const char *path;         /* "/app.js"; "/" answers "/index.html" */
  const char *content_type; /* "text/javascript; charset=utf-8" */
  const unsigned char *data;
  size_t len;
} ac_serve_web_asset;

/* The compiled-in files (web_assets.c). */
extern const ac_serve_web_asset ac_serve_web_assets[];
extern const unsigned long ac_serve_web_nassets;

/* The Content-Security-Policy of every answer of the page: every byte from
 * this server (CodeMirror sets inline styles; the leaflet preview is a
 * sandboxed srcdoc frame). */
#define AC_SERVE_WEB_CSP                                                       \
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " \
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/* Makes /keywords.json and /explanations.json.  Returns 0, or -1 when out
 * of memory.  Call once before serving; ac_serve_web_free releases them. */
int ac_serve_web_init(void);
void ac_serve_web_free(void);

/* The file for a GET of `path` (the query string already removed), or
 * NULL: a page route is not one of them. */
const ac_serve_web_asset *ac_serve_web_find(const char *path);

#endif
