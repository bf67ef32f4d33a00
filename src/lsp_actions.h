/*
 * lsp_actions.h -- quick fixes (textDocument/codeAction) for the checker's
 * diagnostics: apply a "did you mean", insert a missing `;`, add
 * `overrides` to one of two rules in conflict.
 */
#ifndef AC_LSP_ACTIONS_H
#define AC_LSP_ACTIONS_H

#include <jansson.h>

#include "model.h"

/* The CodeAction array for the diagnostics of the chain's last file on
 * lines first..last (0-based, as LSP counts them); `uri` names the file in
 * the edits. */
json_t *ac_lsp_actions(ac_arena *a, const ac_protocol *p, const char *uri, int first, int last);

#endif
