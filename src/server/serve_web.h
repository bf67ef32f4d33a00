/*
 * serve_web.h -- the protocol editor page that `aftercare serve` answers at
 * `/` (docs/editor.md): the bundle of web/dist/, compiled in
 * (build-aux/embed-web.sh writes src/server/web_assets.c), and two JSON
 * documents the page reads, made once at start from the library: the
 * keyword table (highlighting) and the explanation of every diagnostic
 * code.  Nothing here opens a file.
 */
#ifndef AC_SERVE_WEB_H
#define AC_SERVE_WEB_H

#include <stddef.h>

/* One file of the page. */
typedef struct ac_serve_web_asset {
  const char *path;         /* "/app.js"; "/" answers "/index.html" */
  const char *content_type; /* "text/javascript; charset=utf-8" */
  const unsigned char *data;
  size_t len;
} ac_serve_web_asset;

/* The compiled-in files (web_assets.c). */
extern const ac_serve_web_asset ac_serve_web_assets[];
extern const unsigned long ac_serve_web_nassets;

/* The documents made at start: /keywords.json and /explanations.json. */
typedef struct ac_serve_web {
  char *keywords, *explanations;  /* owned */
  ac_serve_web_asset made[2];
} ac_serve_web;

/* Makes the documents.  Returns 0, or -1 when out of memory (then the two
 * documents are not found, the files are). */
int ac_serve_web_init(ac_serve_web *w);
void ac_serve_web_destroy(ac_serve_web *w);

/* The file for a GET of `path` (without its query string), or NULL. */
const ac_serve_web_asset *ac_serve_web_find(const ac_serve_web *w, const char *path);

#endif
