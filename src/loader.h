/*
 * loader.h -- reads a protocol and the chain of protocols it extends, then
 * has it checked and compiled.
 *
 * `extends "smp"` names the standard protocol compiled into the program;
 * any other name is a path relative to the extending file.  A missing base,
 * a cycle and a chain deeper than AC_MAX_EXTENDS are diagnostics.
 */
#ifndef AC_LOADER_H
#define AC_LOADER_H

#include "arena.h"
#include "diagnostic.h"
#include "model.h"

#define AC_MAX_EXTENDS 16 /* protocols in one chain */

/* The standard protocol's text (generated from rules/smp.care). */
extern const char ac_embedded_smp[];
extern const unsigned long ac_embedded_smp_len;
#define AC_STANDARD_NAME "smp"
#define AC_STANDARD_PATH "rules/smp.care"

/* Loads and checks the protocol in `path`.  If the file itself cannot be
 * read, returns NULL with *io_err set (an errno value); every other problem
 * is a diagnostic in d. */
ac_protocol *ac_load_file(ac_arena *a, ac_diags *d, const char *path, int *io_err);

/* The same for text in memory; `path` is how diagnostics name it. */
ac_protocol *ac_load_memory(ac_arena *a, ac_diags *d, const char *path,
                            const char *text, size_t len);

/* The standard protocol. */
ac_protocol *ac_load_standard(ac_arena *a, ac_diags *d);

#endif
