/*
 * lsp_completion.h -- completion by position (textDocument/completion):
 * what may be written where the cursor is, read from the words before it.
 */
#ifndef AC_LSP_COMPLETION_H
#define AC_LSP_COMPLETION_H

#include <jansson.h>

#include "model.h"

/* The CompletionItem array at byte `offset` of the chain's last file:
 * statement keywords at the start of a statement; activities and groups
 * after a verb (or `for`, or `=` of a group); symptoms after `symptoms` or
 * `symptom`; facts after `if`, `unless`, `with`, `not`, `and`, `or`; rule
 * names after `overrides`; citation identifiers, with their text, after
 * `cites`; protocol names after `extends`.  Lists continue after a
 * comma.  Otherwise an empty array. */
json_t *ac_lsp_completion(const ac_protocol *p, size_t offset);

#endif
