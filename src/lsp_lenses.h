/*
 * lsp_lenses.h -- code lenses (textDocument/codeLens): on each `expect`,
 * whether it passes (and what the protocol answers when it does not); on
 * each activity declaration, its timeline in one line.
 */
#ifndef AC_LSP_LENSES_H
#define AC_LSP_LENSES_H

#include <jansson.h>

#include "model.h"

/* The CodeLens array of the chain's last file, in file order (expectations
 * only when the protocol has no errors: they cannot run otherwise). */
json_t *ac_lsp_lenses(ac_arena *a, const ac_protocol *p);

#endif
