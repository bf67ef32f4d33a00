/*
 * lsp_lenses.c -- code lenses (lsp_lenses.h).
 */
#include "config.h"

#include "lsp_lenses.h"

#include "expectations.h"
#include "i18n.h"
#include "lsp_hover.h"
#include "lsp_position.h"

typedef struct ac_lens_ctx {
  ac_arena *a;
  const ac_source *src;
  json_t *out;
} ac_lens_ctx;

/* A lens on a line and column, showing `title` (no command to run). */
static json_t *ac_lens(const ac_source *src, int line, int column, const char *title) {
  ac_loc at = {line, column, line, column};
  return json_pack("{s:o,s:{s:s,s:s}}", "range", ac_lsp_position_range(src, at), "command",
                   "title", title, "command", "");
}

static void ac_lens_expectation(const aftercare_expectation *e, void *ctx) {
  ac_lens_ctx *c = ctx;
  const char *title = e->passed
                          ? ac_arena_printf(c->a, _("passes: %s"), e->answer)
                          : ac_arena_printf(c->a, _("fails: expected %s, the protocol answers %s"),
                                            e->expected, e->answer);
  json_array_append_new(c->out, ac_lens(c->src, e->line, e->column, title));
}

json_t *ac_lsp_lenses(ac_arena *a, const ac_protocol *p) {
  json_t *out = json_array();
  if (!p->nlayers) return out;
  const ac_layer *l = p->layers[p->nlayers - 1];
  for (const ac_stmt *s = l->file ? l->file->stmts : NULL; s; s = s->next)
    if (s->kind == AC_STMT_ACTIVITY && s->entity)
      json_array_append_new(out, ac_lens(l->src, s->loc.first_line, s->loc.first_column,
                                         ac_lsp_hover_timeline(a, s->entity)));
  if (p->diags->errors == 0) {
    ac_lens_ctx c = {a, l->src, json_array()};
    ac_expectations_list(p, a, NULL, ac_lens_expectation, &c);
    json_array_extend(out, c.out);
    json_decref(c.out);
  }
  return out;
}
