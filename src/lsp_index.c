/*
 * lsp_index.c -- the names written in a chain and what they name
 * (lsp_index.h).
 */
#include "config.h"

#include "lsp_index.h"

#include <stdlib.h>
#include <string.h>

#include "lsp_position.h"
#include "lsp_uri.h"

static void ac_index_add(ac_lsp_index *ix, const ac_layer *layer, ac_loc loc,
                         const ac_entity *e, const ac_statement *st, bool decl, bool over) {
  if (!e && !st) return;
  if (ix->n == ix->cap) {
    size_t cap = ix->cap ? 2 * ix->cap : 256;
    ac_lsp_occurrence *items = realloc(ix->items, cap * sizeof *items);
    if (!items) abort();
    ix->items = items;
    ix->cap = cap;
  }
  ix->items[ix->n++] = (ac_lsp_occurrence){layer, loc, e, st, decl, over};
}

/* A name used (not declared) in a layer. */
static void ac_index_use(const ac_protocol *p, ac_lsp_index *ix, const ac_layer *layer,
                         const ac_ident *id) {
  for (; id; id = id->next)
    ac_index_add(ix, layer, id->loc, ac_names_get(p->names, id->name), NULL, false, false);
}

static void ac_index_cond(const ac_protocol *p, ac_lsp_index *ix, const ac_layer *layer,
                          const ac_cond *c) {
  if (!c) return; /* nesting is bounded by the checker (AC0008) */
  if (c->name)
    ac_index_add(ix, layer, c->name->loc, ac_names_get(p->names, c->name->name), NULL, false,
                 false);
  ac_index_cond(p, ix, layer, c->a);
  ac_index_cond(p, ix, layer, c->b);
}

/* What `overrides NAME` names: the base's entity it replaced, else the
 * rule of that name. */
static const ac_entity *ac_index_overridden(const ac_protocol *p, const ac_ident *id) {
  for (size_t i = 0; i < p->replacements.len; i++) {
    const ac_replacement *r = p->replacements.items[i];
    if (r->name == id) return r->replaced;
  }
  return ac_names_get(p->names, id->name);
}

static void ac_index_clauses(const ac_protocol *p, ac_lsp_index *ix, const ac_layer *layer,
                             const ac_clause *c) {
  for (; c; c = c->next) {
    switch (c->kind) {
    case AC_CLAUSE_CITES:
      for (const ac_ident *id = c->names; id; id = id->next)
        ac_index_add(ix, layer, id->loc, NULL, ac_names_get(p->statements, id->name), false,
                     false);
      break;
    case AC_CLAUSE_OVERRIDES:
      for (const ac_ident *id = c->names; id; id = id->next)
        ac_index_add(ix, layer, id->loc, ac_index_overridden(p, id), NULL, false, true);
      break;
    case AC_CLAUSE_IF:
    case AC_CLAUSE_UNLESS:
      ac_index_cond(p, ix, layer, c->cond);
      break;
    default:
      break;
    }
  }
}

static void ac_index_stmt(const ac_protocol *p, ac_lsp_index *ix, const ac_layer *layer,
                          const ac_stmt *s) {
  if (s->name && s->entity && s->kind != AC_STMT_HEADER && s->kind != AC_STMT_DOCUMENT)
    ac_index_add(ix, layer, s->name->loc, s->entity, NULL, true, false);
  switch (s->kind) {
  case AC_STMT_RULE:
  case AC_STMT_CONSTRAINT:
  case AC_STMT_NO_GUIDANCE:
    ac_index_use(p, ix, layer, s->target);
    break;
  case AC_STMT_GROUP:
    ac_index_use(p, ix, layer, s->members);
    break;
  case AC_STMT_TRIAGE:
    for (const ac_symptom_item *i = s->items; i; i = i->next)
      if (i->name) ac_index_use(p, ix, layer, i->name);
    break;
  case AC_STMT_DOCUMENT:
    for (const ac_doc_item *i = s->statements; i; i = i->next)
      if (i->id)
        ac_index_add(ix, layer, i->id->loc, NULL, ac_names_get(p->statements, i->id->name),
                     true, false);
    break;
  default:
    break;
  }
  if (s->kind == AC_STMT_CONSTRAINT && s->items)
    for (const ac_symptom_item *i = s->items; i; i = i->next)
      if (i->name) ac_index_use(p, ix, layer, i->name);
  ac_index_clauses(p, ix, layer, s->clauses);
}

void ac_lsp_index_build(const ac_protocol *p, ac_lsp_index *ix) {
  memset(ix, 0, sizeof *ix);
  for (int l = 0; l < p->nlayers; l++) {
    const ac_layer *layer = p->layers[l];
    for (const ac_stmt *s = layer->file ? layer->file->stmts : NULL; s; s = s->next)
      ac_index_stmt(p, ix, layer, s);
  }
}

void ac_lsp_index_free(ac_lsp_index *ix) {
  free(ix->items);
  memset(ix, 0, sizeof *ix);
}

static bool ac_loc_has(ac_loc l, int line, int column) {
  if (line < l.first_line || line > l.last_line) return false;
  if (line == l.first_line && column < l.first_column) return false;
  return line != l.last_line || column <= l.last_column;
}

const ac_lsp_occurrence *ac_lsp_index_at(const ac_lsp_index *ix, const ac_layer *layer,
                                         int line, int column) {
  for (size_t i = 0; i < ix->n; i++)
    if (ix->items[i].layer == layer && ac_loc_has(ix->items[i].loc, line, column))
      return &ix->items[i];
  return NULL;
}

const ac_lsp_occurrence *ac_lsp_index_find(const ac_lsp_index *ix, const ac_layer *layer,
                                           int line, int character) {
  int l, c;
  if (!layer || !ac_lsp_position_to_loc(layer->src, line, character, &l, &c)) return NULL;
  return ac_lsp_index_at(ix, layer, l, c);
}

bool ac_lsp_index_same(const ac_lsp_occurrence *a, const ac_lsp_occurrence *b) {
  return a->entity == b->entity && a->statement == b->statement;
}

const ac_lsp_occurrence *ac_lsp_index_decl(const ac_lsp_index *ix, const ac_lsp_occurrence *o) {
  for (size_t i = 0; i < ix->n; i++)
    if (ix->items[i].is_decl && ac_lsp_index_same(&ix->items[i], o)) return &ix->items[i];
  return NULL;
}

const ac_layer *ac_lsp_index_layer(ac_arena *a, const ac_protocol *p, const char *path) {
  for (int l = 0; l < p->nlayers; l++)
    if (ac_lsp_uri_is_source(a, p->layers[l]->src, path)) return p->layers[l];
  return NULL;
}
