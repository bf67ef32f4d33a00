/*
 * source.h -- protocol text as read from a file or memory.
 *
 * A source keeps the text (a leading byte-order mark removed), its path as
 * it should appear in diagnostics, and an index of line starts, made with
 * it, so that a diagnostic can quote its line.
 */
#ifndef AC_SOURCE_H
#define AC_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "utf8.h" /* a source is text: its helpers */

/* A span of text: 1-based lines; 1-based columns counted in characters; the
 * end column is one past the last character of the span. */
typedef struct ac_loc {
  int first_line, first_column;
  int last_line, last_column;
} ac_loc;

typedef struct ac_source {
  const char *path;   /* as given: used in every diagnostic */
  char *text;         /* followed by two NUL bytes: the parser scans it in
                       * place (and leaves it as it was); may contain NUL
                       * bytes before len */
  size_t len;         /* bytes of text */
  const uint32_t *line_start; /* byte offset of each line (line_start[0] is
                               * line 1): files are smaller than 4 GiB */
  size_t nlines;      /* number of lines (a file without a final line end
                       * counts its last one; an empty file has one) */
  int id;             /* load order within a compilation */
  int line_offset;    /* added to line numbers shown (a query of a batch) */
  bool embedded;      /* compiled into the binary, not read from disk */
} ac_source;

/* The largest file accepted, in bytes (a clear error beyond). */
#define AC_MAX_FILE_SIZE ((size_t)512 * 1024 * 1024)

/* Copies bytes into the arena. */
ac_source *ac_source_from_memory(ac_arena *a, const char *path,
                                 const char *bytes, size_t len);

/* Reads a file.  On failure returns NULL and sets *err to an errno value,
 * or to EFBIG for a file over AC_MAX_FILE_SIZE. */
ac_source *ac_source_read(ac_arena *a, const char *path, int *err);

/* The text of line `line` (1-based) without its line end; NULL if none. */
const char *ac_source_line(const ac_source *s, int line, size_t *len);

#endif
