/*
 * lsp_diagnostics.c -- diagnostics as LSP Diagnostic objects
 * (lsp_diagnostics.h).
 */
#include "config.h"

#include "lsp_diagnostics.h"

#include <string.h>

#include "explain.h"
#include "lsp_position.h"
#include "lsp_uri.h"

/* A diagnostic's place: its span, or the start of the file. */
static json_t *ac_diag_range(const ac_diag *g, const ac_source *in) {
  if (g->src == in && g->loc.first_line > 0) return ac_lsp_position_range(in, g->loc);
  ac_loc start = {1, 1, 1, 1};
  return ac_lsp_position_range(in, start);
}

static json_t *ac_diag_notes(ac_arena *a, const ac_diag *g) {
  json_t *notes = json_array();
  for (const ac_diag *n = g->notes; n; n = n->next) {
    if (!n->src) continue;
    json_t *loc = json_pack("{s:s,s:o}", "uri", ac_lsp_uri_of_source(a, n->src), "range",
                            ac_lsp_position_range(n->src, n->loc));
    json_array_append_new(notes, json_pack("{s:o,s:s}", "location", loc, "message", n->message));
  }
  return notes;
}

json_t *ac_lsp_diagnostics(ac_arena *a, const ac_protocol *p) {
  json_t *out = json_array();
  const ac_source *top = p->nlayers ? p->layers[p->nlayers - 1]->src : NULL;
  if (!top) return out;
  for (const ac_diag *g = p->diags->first; g; g = g->next) {
    if (g->src && g->src != top) continue; /* about a base: shown in its own buffer */
    char code[8];
    ac_diag_code_name(g->code, code);
    json_t *d = json_pack("{s:o,s:i,s:s,s:s,s:s}", "range", ac_diag_range(g, top), "severity",
                          g->severity == AC_SEV_ERROR ? 1 : g->severity == AC_SEV_WARNING ? 2 : 3,
                          "code", code, "source", "aftercare", "message", g->message);
    const ac_explanation *e = ac_explain_find(code);
    const char *text = e ? e->text : NULL;
    char *file = text ? ac_lsp_uri_cache_file(a, ac_arena_printf(a, "%s.md", code), text,
                                              strlen(text))
                      : NULL;
    if (file)
      json_object_set_new(d, "codeDescription",
                          json_pack("{s:s}", "href", ac_lsp_uri_of_path(a, file)));
    json_t *notes = ac_diag_notes(a, g);
    if (json_array_size(notes)) json_object_set_new(d, "relatedInformation", notes);
    else json_decref(notes);
    json_array_append_new(out, d);
  }
  return out;
}
