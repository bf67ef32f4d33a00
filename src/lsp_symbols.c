/*
 * lsp_symbols.c -- the outline of a file (lsp_symbols.h).
 */
#include "config.h"

#include "lsp_symbols.h"

#include "lsp_position.h"

/* LSP SymbolKind of each kind of statement. */
static int ac_symbol_kind(ac_stmt_kind k) {
  switch (k) {
  case AC_STMT_HEADER: return 2;      /* Module */
  case AC_STMT_ACTIVITY: return 8;    /* Field */
  case AC_STMT_GROUP: return 10;      /* Enum */
  case AC_STMT_SYMPTOM: return 22;    /* EnumMember */
  case AC_STMT_FACT: return 13;       /* Variable */
  case AC_STMT_PHASE: return 3;       /* Namespace */
  case AC_STMT_RULE: return 12;       /* Function */
  case AC_STMT_CONSTRAINT: return 14; /* Constant */
  case AC_STMT_TRIAGE: return 24;     /* Event */
  case AC_STMT_DOCUMENT: return 1;    /* File */
  default: return 15;                 /* String */
  }
}

static json_t *ac_symbol(const ac_source *src, const char *name, const char *detail, int kind,
                         ac_loc range, ac_loc selection) {
  json_t *s = json_pack("{s:s,s:i,s:o,s:o}", "name", name, "kind", kind, "range",
                        ac_lsp_position_range(src, range), "selectionRange",
                        ac_lsp_position_range(src, selection));
  if (detail) json_object_set_new(s, "detail", json_string(detail));
  return s;
}

json_t *ac_lsp_symbols(const ac_protocol *p) {
  json_t *out = json_array();
  if (!p->nlayers || !p->layers[p->nlayers - 1]->file) return out;
  const ac_layer *l = p->layers[p->nlayers - 1];
  for (const ac_stmt *s = l->file->stmts; s; s = s->next) {
    const ac_entity *e = s->entity;
    const char *name = s->name ? s->name->name : e ? e->name : NULL;
    if (!name) continue; /* extends, expect, no guidance: not things with a name */
    ac_loc sel = s->name ? s->name->loc : s->loc;
    json_t *sym = ac_symbol(l->src, name, s->text.text, ac_symbol_kind(s->kind), s->loc, sel);
    if (s->kind == AC_STMT_DOCUMENT) {
      json_t *children = json_array();
      for (const ac_doc_item *it = s->statements; it; it = it->next)
        if (it->id)
          json_array_append_new(children, ac_symbol(l->src, it->id->name, it->text.text, 15,
                                                    it->loc, it->id->loc));
      json_object_set_new(sym, "children", children);
    }
    json_array_append_new(out, sym);
  }
  return out;
}
