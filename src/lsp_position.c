/*
 * lsp_position.c -- LSP positions (UTF-16 units) and the checker's
 * (characters): see lsp_position.h.
 */
#include "config.h"

#include "lsp_position.h"

size_t ac_lsp_position_convert(const char *line, size_t n, int *chars, int *units,
                               bool from_units) {
  int c = 0, u = 0;
  size_t i = 0;
  int goal = from_units ? *units : *chars;
  while (i < n && (from_units ? u : c) < goal) {
    size_t len = ac_utf8_valid_seq((const unsigned char *)line + i, n - i);
    int width = len == 4 ? 2 : 1; /* beyond U+FFFF: a surrogate pair */
    if (from_units && u + width > goal) break; /* inside a pair: before it */
    i += len ? len : 1;
    c++;
    u += width;
  }
  *chars = c;
  *units = u;
  return i;
}

bool ac_lsp_position_to_loc(const ac_source *s, int line, int character, int *loc_line,
                            int *loc_column) {
  if (line < 0 || character < 0 || (size_t)line >= s->nlines) return false;
  size_t n;
  const char *text = ac_source_line(s, line + 1, &n);
  if (!text) return false;
  int chars = 0, units = character;
  ac_lsp_position_convert(text, n, &chars, &units, true);
  *loc_line = line + 1;
  *loc_column = chars + 1;
  return true;
}

long ac_lsp_position_offset(const ac_source *s, int line, int character) {
  if (line < 0 || character < 0 || (size_t)line >= s->nlines) return -1;
  size_t n;
  const char *text = ac_source_line(s, line + 1, &n);
  if (!text) return -1;
  int chars = 0, units = character;
  size_t at = ac_lsp_position_convert(text, n, &chars, &units, true);
  return (long)(text - s->text) + (long)at;
}

json_t *ac_lsp_position_json(const ac_source *s, int line, int column) {
  int units = 0, chars = column > 0 ? column - 1 : 0;
  size_t n = 0;
  const char *text = s && line > 0 ? ac_source_line(s, line, &n) : NULL;
  if (text) ac_lsp_position_convert(text, n, &chars, &units, false);
  else units = chars;
  return json_pack("{s:i,s:i}", "line", line > 0 ? line - 1 : 0, "character", units);
}

json_t *ac_lsp_position_range(const ac_source *s, ac_loc loc) {
  return json_pack("{s:o,s:o}", "start", ac_lsp_position_json(s, loc.first_line, loc.first_column),
                   "end", ac_lsp_position_json(s, loc.last_line, loc.last_column));
}
