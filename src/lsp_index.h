/*
 * lsp_index.h -- every name written in a checked protocol chain, with what
 * it names: what hovers, definitions, references and code actions look
 * up by position.
 */
#ifndef AC_LSP_INDEX_H
#define AC_LSP_INDEX_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/* A name written somewhere in the chain. */
typedef struct ac_lsp_occurrence {
  const ac_layer *layer;        /* the file it is written in */
  ac_loc loc;                   /* the name as written */
  const ac_entity *entity;      /* what it names (NULL for a citation) */
  const ac_statement *statement; /* a citation: the document's statement */
  bool is_decl;                 /* the name of its declaration */
  bool is_overrides;            /* written after `overrides` */
} ac_lsp_occurrence;

typedef struct ac_lsp_index {
  ac_lsp_occurrence *items;
  size_t n, cap;
} ac_lsp_index;

/* Indexes every layer of the chain (free with ac_lsp_index_free). */
void ac_lsp_index_build(const ac_protocol *p, ac_lsp_index *ix);
void ac_lsp_index_free(ac_lsp_index *ix);

/* The occurrence written at a line and column (1-based, characters; the
 * column just after a name counts) of a layer, or NULL. */
const ac_lsp_occurrence *ac_lsp_index_at(const ac_lsp_index *ix, const ac_layer *layer,
                                         int line, int column);

/* The same at an LSP position (0-based line, UTF-16 units). */
const ac_lsp_occurrence *ac_lsp_index_find(const ac_lsp_index *ix, const ac_layer *layer,
                                           int line, int character);

/* Whether two occurrences name the same thing. */
bool ac_lsp_index_same(const ac_lsp_occurrence *a, const ac_lsp_occurrence *b);

/* The declaration of what an occurrence names, or NULL. */
const ac_lsp_occurrence *ac_lsp_index_decl(const ac_lsp_index *ix, const ac_lsp_occurrence *o);

/* The layer of the chain whose file is `path` (lsp_uri.h), or NULL. */
const ac_layer *ac_lsp_index_layer(ac_arena *a, const ac_protocol *p, const char *path);

#endif
