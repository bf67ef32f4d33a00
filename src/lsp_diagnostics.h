/*
 * lsp_diagnostics.h -- the checker's diagnostics of a protocol file as LSP
 * Diagnostic objects (textDocument/publishDiagnostics).  A code's
 * codeDescription links to its explanation (`aftercare check --explain`),
 * written to a read-only file of the cache directory (lsp_uri.h).
 */
#ifndef AC_LSP_DIAGNOSTICS_H
#define AC_LSP_DIAGNOSTICS_H

#include <jansson.h>

#include "model.h"

/* The diagnostics about the chain's last file, in order: range, severity
 * (1 error, 2 warning), code, codeDescription where the code has an
 * explanation, source "aftercare", message, notes as relatedInformation.
 * Diagnostics about no place in a file are at its start. */
json_t *ac_lsp_diagnostics(ac_arena *a, const ac_protocol *p);

#endif
