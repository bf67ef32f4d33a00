/*
 * lsp_hover.h -- what the checker knows of the name under the cursor
 * (textDocument/hover): an activity's label, aliases and timeline across
 * the chain; a rule's verdict, days, condition, reason and the text of the
 * statements it cites; a citation's text; a symptom's triage by day.
 */
#ifndef AC_LSP_HOVER_H
#define AC_LSP_HOVER_H

#include <jansson.h>

#include "lsp_index.h"

/* The Hover of an occurrence ({"contents": markdown, "range": ...}). */
json_t *ac_lsp_hover(ac_arena *a, const ac_protocol *p, const ac_lsp_occurrence *o);

/* An activity's timeline after the final session on one line: "forbidden
 * days 0..30 (no_pools_saunas_first_month, smp), discouraged from day 31
 * (...)"; code lenses show it too. */
const char *ac_lsp_hover_timeline(ac_arena *a, const ac_activity *act);

#endif
