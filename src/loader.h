/*
 * loader.h -- reads a protocol and the chain of protocols it extends; the
 * checker (checker.h) checks and compiles what it reads.
 *
 * `extends "smp"` names the standard protocol compiled into the program;
 * any other name is found by a resolver: by default, a path relative to the
 * extending file.  A missing base,
 * a cycle and a chain deeper than AC_MAX_EXTENDS are diagnostics.
 */
#ifndef AC_LOADER_H
#define AC_LOADER_H

#include "aftercare.h"
#include "arena.h"
#include "diagnostic.h"
#include "model.h"

#define AC_MAX_EXTENDS 16 /* protocols in one chain */

/* The standard protocol's text (generated from rules/smp.care). */
extern const char ac_embedded_smp[];
extern const unsigned long ac_embedded_smp_len;
#define AC_STANDARD_NAME "smp"
#define AC_STANDARD_PATH "rules/smp.care"

/* Where a protocol's `extends "NAME"` is found (aftercare.h: a resolver
 * hands over the text of the protocol NAME). */
struct aftercare_resolution {
  ac_arena *arena;      /* where the text goes */
  const char *tried;    /* the path a failed resolution tried, or NULL */
  const char *identity; /* tells protocols apart in a cycle */
  ac_source *src;       /* the text found */
};
typedef int (*ac_load_resolver)(void *ctx, const char *name, const char *from,
                                aftercare_resolution *r);

/* The default resolver: NAME is the path of a file, relative to the
 * directory of the extending one (`from`). */
int ac_load_read_file(void *ctx, const char *name, const char *from, aftercare_resolution *r);

/* What aftercare_resolved() does: the text found, copied. */
void ac_load_resolved(aftercare_resolution *r, const char *path, const char *text, size_t len);

/* Loads the protocol in `top` (identity: tells it apart in a cycle) and
 * the protocols it extends, found with `resolve`: reads and parses them,
 * reports what cannot be read, and cycles; the result is to be checked
 * (ac_check, checker.h). */
ac_protocol *ac_load(ac_arena *a, ac_diags *d, ac_source *top, const char *identity,
                     ac_load_resolver resolve, void *ctx);

/* Loads the protocol in `path`.  If the file itself cannot be
 * read, returns NULL with *io_err set (an errno value); every other problem
 * is a diagnostic in d. */
ac_protocol *ac_load_file(ac_arena *a, ac_diags *d, const char *path, int *io_err);

/* The same for text in memory; `path` is how diagnostics name it. */
ac_protocol *ac_load_memory(ac_arena *a, ac_diags *d, const char *path,
                            const char *text, size_t len);

/* The standard protocol. */
ac_protocol *ac_load_standard(ac_arena *a, ac_diags *d);

#endif
