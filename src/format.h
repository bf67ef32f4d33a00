/*
 * format.h -- the canonical layout of protocols (aftercare fmt).
 */
#ifndef AC_FORMAT_H
#define AC_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "arena.h"
#include "diagnostic.h"
#include "source.h"

/* Formats a protocol: 0 and *out (malloc'd, *out_len bytes) on success;
 * 1 if it has syntax errors (in d); 2 out of memory; 3 the result would not
 * scan to the same tokens and comments (a bug: nothing is written). */
int ac_format_source(ac_arena *a, ac_source *src, ac_diags *d, char **out,
                     size_t *out_len);

/* The same for text in memory, as aftercare_format_text() does: syntax
 * errors printed to err (if not NULL), naming the text `name`. */
int ac_format_text(const char *name, const char *text, size_t len, char **out, size_t *out_len,
                   FILE *err, bool color);

#endif
