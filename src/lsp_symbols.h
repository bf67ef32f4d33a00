/*
 * lsp_symbols.h -- the outline of a protocol file
 * (textDocument/documentSymbol): its header, declarations, rules, phases,
 * symptom rules, constraints, advice and documents with their statements.
 */
#ifndef AC_LSP_SYMBOLS_H
#define AC_LSP_SYMBOLS_H

#include <jansson.h>

#include "model.h"

/* The DocumentSymbol array of the chain's last file, in file order. */
json_t *ac_lsp_symbols(const ac_protocol *p);

#endif
