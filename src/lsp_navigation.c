/*
 * lsp_navigation.c -- definitions and references (lsp_navigation.h).
 */
#include "config.h"

#include "lsp_navigation.h"

#include "lsp_position.h"
#include "lsp_uri.h"

static json_t *ac_location(ac_arena *a, const ac_lsp_occurrence *o) {
  return json_pack("{s:s,s:o}", "uri", ac_lsp_uri_of_source(a, o->layer->src), "range",
                   ac_lsp_position_range(o->layer->src, o->loc));
}

json_t *ac_lsp_definition(ac_arena *a, const ac_lsp_index *ix, const ac_lsp_occurrence *o) {
  const ac_lsp_occurrence *d = o ? ac_lsp_index_decl(ix, o) : NULL;
  return d ? ac_location(a, d) : json_null();
}

json_t *ac_lsp_references(ac_arena *a, const ac_lsp_index *ix, const ac_lsp_occurrence *o,
                          bool declaration) {
  json_t *out = json_array();
  for (size_t i = 0; o && i < ix->n; i++)
    if (ac_lsp_index_same(&ix->items[i], o) && (declaration || !ix->items[i].is_decl))
      json_array_append_new(out, ac_location(a, &ix->items[i]));
  return out;
}
