/*
 * lsp_actions.c -- quick fixes (lsp_actions.h).
 */
#include "config.h"

#include "lsp_actions.h"

#include <string.h>

#include "i18n.h"
#include "lsp_position.h"

/* A quickfix replacing `range` by `text`. */
static json_t *ac_action(const char *uri, const char *title, json_t *range, const char *text,
                         json_t *diag) {
  json_t *edit = json_pack("[{s:o,s:s}]", "range", range, "newText", text);
  json_t *a = json_pack("{s:s,s:s,s:[o],s:{s:{s:o}}}", "title", title, "kind", "quickfix",
                        "diagnostics", diag, "edit", "changes", uri, edit);
  return a;
}

/* The NAME of "... (did you mean 'NAME'?)", or NULL. */
static const char *ac_suggestion(ac_arena *a, const char *message) {
  const char *end = strstr(message, "'?)");
  if (!end) return NULL;
  const char *start = end;
  while (start > message && start[-1] != '\'') start--;
  return start > message ? ac_arena_strndup(a, start, (size_t)(end - start)) : NULL;
}

/* The 1-based line and character column of a byte of the source. */
static ac_loc ac_loc_of_offset(const ac_source *s, size_t off) {
  size_t lo = 0, hi = s->nlines;
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (s->line_start[mid] <= off) lo = mid;
    else hi = mid;
  }
  int col = ac_utf8_width(s->text + s->line_start[lo], off - s->line_start[lo]) + 1;
  return (ac_loc){(int)lo + 1, col, (int)lo + 1, col};
}

/* Where a missing `;` goes: after the last token before the diagnostic. */
static json_t *ac_semicolon_range(const ac_source *s, ac_loc at) {
  if (at.first_line < 1 || (size_t)at.first_line > s->nlines) return NULL;
  size_t off = s->line_start[at.first_line - 1];
  size_t n;
  const char *line = ac_source_line(s, at.first_line, &n);
  int chars = at.first_column - 1, units = 0;
  off += ac_lsp_position_convert(line, n, &chars, &units, false);
  while (off > 0 && strchr(" \t\r\n", s->text[off - 1])) off--;
  return ac_lsp_position_range(s, ac_loc_of_offset(s, off));
}

/* The rule statement of a layer written at a place, or NULL. */
static const ac_stmt *ac_rule_at(const ac_protocol *p, const ac_source *src, ac_loc at) {
  for (int l = 0; l < p->nlayers; l++) {
    if (p->layers[l]->src != src || !p->layers[l]->file) continue;
    for (const ac_stmt *s = p->layers[l]->file->stmts; s; s = s->next)
      if (s->kind == AC_STMT_RULE && s->loc.first_line <= at.first_line &&
          at.first_line <= s->loc.last_line)
        return s;
  }
  return NULL;
}

/* `overrides OTHER` added to the rule of a conflict, before its `;`. */
static json_t *ac_overrides_action(ac_arena *a, const ac_protocol *p, const char *uri,
                                   const ac_diag *g, json_t *diag) {
  const ac_stmt *rule = ac_rule_at(p, g->src, g->loc);
  const ac_stmt *other = g->notes && g->notes->src ? ac_rule_at(p, g->notes->src, g->notes->loc)
                                                   : NULL;
  if (!rule || !other || rule == other || !rule->entity || !other->entity) {
    json_decref(diag);
    return NULL;
  }
  const char *name = ((const ac_entity *)other->entity)->name;
  ac_loc end = rule->loc;
  end.first_line = end.last_line;
  end.first_column = end.last_column = end.last_column - 1; /* before the `;` */
  return ac_action(uri, ac_arena_printf(a, _("Add 'overrides %s'"), name),
                   ac_lsp_position_range(g->src, end), ac_arena_printf(a, " overrides %s", name),
                   diag);
}

json_t *ac_lsp_actions(ac_arena *a, const ac_protocol *p, const char *uri, int first, int last) {
  json_t *out = json_array();
  const ac_source *top = p->nlayers ? p->layers[p->nlayers - 1]->src : NULL;
  for (const ac_diag *g = p->diags->first; top && g; g = g->next) {
    if (g->src != top || g->loc.last_line - 1 < first || g->loc.first_line - 1 > last) continue;
    char code[8];
    json_t *diag = json_pack("{s:o,s:s,s:s}", "range", ac_lsp_position_range(top, g->loc),
                             "code", ac_diag_code_name(g->code, code), "message", g->message);
    const char *name = ac_suggestion(a, g->message);
    json_t *action = NULL;
    if (name)
      action = ac_action(uri, ac_arena_printf(a, _("Replace with '%s'"), name),
                         ac_lsp_position_range(top, g->loc), name, diag);
    else if (g->code == AC_E_SYNTAX && strstr(g->message, "';'")) {
      json_t *range = ac_semicolon_range(top, g->loc);
      if (range) action = ac_action(uri, _("Insert the missing ';'"), range, ";", diag);
      else json_decref(diag);
    } else if (g->code == AC_E_CONFLICT)
      action = ac_overrides_action(a, p, uri, g, diag);
    else
      json_decref(diag);
    if (action) json_array_append_new(out, action);
  }
  return out;
}
