/*
 * lsp_uri.h -- file URIs of the Language Server Protocol, and the file
 * that shows the standard protocol to editors.
 *
 * The standard protocol is compiled into the library: so that an editor can
 * open it (go to definition), it is written once to a read-only file,
 * $XDG_CACHE_HOME/aftercare/smp-VERSION.care (~/.cache when XDG_CACHE_HOME
 * is not set), and named by that file's URI.
 */
#ifndef AC_LSP_URI_H
#define AC_LSP_URI_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "source.h"

/* "file:///a/b%20c.care" of a path (a relative path is taken from the
 * current directory); in the arena. */
char *ac_lsp_uri_of_path(ac_arena *a, const char *path);

/* The path of a file: URI (percent-escapes decoded), malloc'ed; NULL when
 * it is not a file URI or decodes to a NUL byte. */
char *ac_lsp_uri_to_path(const char *uri);

/* The path of a read-only file NAME of the cache directory holding `text`,
 * written unless it is there with that size (in the arena); NULL if it
 * cannot be written.  Diagnostics' explanations are such files too. */
char *ac_lsp_uri_cache_file(ac_arena *a, const char *name, const char *text, size_t len);

/* The path of the standard protocol's file (the cache file smp-VERSION.care). */
const char *ac_lsp_uri_standard_path(ac_arena *a);

/* The URI of a source: the standard protocol's file for the embedded one. */
char *ac_lsp_uri_of_source(ac_arena *a, const ac_source *s);

/* Whether `path` names the source (its path, or the standard protocol's
 * file for the embedded one). */
bool ac_lsp_uri_is_source(ac_arena *a, const ac_source *s, const char *path);

#endif
