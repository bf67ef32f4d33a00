/*
 * lsp_navigation.h -- go to definition and find references
 * (textDocument/definition, textDocument/references) across a chain, for
 * activities, symptoms, facts, groups, rules, phases and citations.
 */
#ifndef AC_LSP_NAVIGATION_H
#define AC_LSP_NAVIGATION_H

#include <jansson.h>
#include <stdbool.h>

#include "lsp_index.h"

/* The Location of the declaration of what o names, or null. */
json_t *ac_lsp_definition(ac_arena *a, const ac_lsp_index *ix, const ac_lsp_occurrence *o);

/* The Locations of every occurrence in the chain of what o names (its
 * declaration only with `declaration`), in chain and file order. */
json_t *ac_lsp_references(ac_arena *a, const ac_lsp_index *ix, const ac_lsp_occurrence *o,
                          bool declaration);

#endif
