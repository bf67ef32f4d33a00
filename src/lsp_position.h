/*
 * lsp_position.h -- positions of the Language Server Protocol: 0-based
 * lines and columns in UTF-16 code units (LSP 3.17's default encoding),
 * from and to the checker's 1-based lines and columns in characters.
 *
 * An accented letter is one character and one UTF-16 unit; a character
 * beyond U+FFFF (an emoji) is one character and two units; a byte that is
 * not valid UTF-8 counts as one of each, as the scanner counts it.
 */
#ifndef AC_LSP_POSITION_H
#define AC_LSP_POSITION_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "source.h"

/* The one conversion, along one line of n bytes: walks the line until
 * *chars characters (from_units false) or *units UTF-16 units (from_units
 * true) are passed, and sets the other count to match; a count past the
 * end of the line stops at its end.  Returns the byte offset reached. */
size_t ac_lsp_position_convert(const char *line, size_t n, int *chars, int *units,
                               bool from_units);

/* An LSP position (0-based line, UTF-16 character) as the checker's line
 * and column (1-based, in characters); false when the line is not in the
 * source (a character past the end of its line is its end). */
bool ac_lsp_position_to_loc(const ac_source *s, int line, int character, int *loc_line,
                            int *loc_column);

/* The byte offset in the source's text of an LSP position, or -1. */
long ac_lsp_position_offset(const ac_source *s, int line, int character);

/* {"line": L, "character": C} of a 1-based line and character column. */
json_t *ac_lsp_position_json(const ac_source *s, int line, int column);

/* {"start": ..., "end": ...} of a span of the checker. */
json_t *ac_lsp_position_range(const ac_source *s, ac_loc loc);

#endif
