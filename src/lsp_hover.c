/*
 * lsp_hover.c -- hover texts (lsp_hover.h), in Markdown.
 */
#include "config.h"

#include "lsp_hover.h"

#include <string.h>

#include "condition.h"
#include "i18n.h"
#include "lsp_position.h"
#include "level.h"
#include "timeline.h"
#include "verdict.h"

/* A growing text in the arena. */
typedef struct ac_text_buf {
  ac_arena *a;
  char *s;
} ac_text_buf;

static void ac_add(ac_text_buf *b, const char *more) {
  b->s = b->s ? ac_arena_printf(b->a, "%s%s", b->s, more) : ac_arena_strdup(b->a, more);
}

/* "day 3", "days 0..30", "from day 31", "always". */
static const char *ac_hover_days(ac_arena *a, int32_t from, int32_t to) {
  if (from == AC_DAY_MIN && to == AC_DAY_MAX) return _("always");
  if (to == AC_DAY_MAX) return ac_arena_printf(a, _("from day %ld"), (long)from);
  if (from == AC_DAY_MIN) return ac_arena_printf(a, _("until day %ld"), (long)to);
  if (from == to) return ac_arena_printf(a, _("day %ld"), (long)from);
  return ac_arena_printf(a, _("days %ld..%ld"), (long)from, (long)to);
}

static const char *ac_layer_name(const ac_layer *l) { return l->name ? l->name : l->src->path; }

const char *ac_lsp_hover_timeline(ac_arena *a, const ac_activity *act) {
  ac_text_buf b = {a, NULL};
  const ac_timeline *t = &act->final_tl;
  for (int i = 0; i < t->nsegs; i++) {
    const ac_segment *seg = &t->segs[i];
    if (i) ac_add(&b, ", ");
    ac_add(&b, ac_arena_printf(a, "%s %s (", ac_verdict_text(seg->verdict),
                               ac_hover_days(a, seg->from, seg->to)));
    ac_rule *const *rules = ac_segment_rules(seg);
    for (int r = 0; r < seg->nrules; r++) ac_add(&b, ac_arena_printf(a, "%s, ", rules[r]->e.name));
    ac_add(&b, ac_arena_printf(a, "%s)", ac_layer_name(rules[0]->e.layer)));
  }
  return b.s ? b.s : _("no rule decides it");
}

/* The aliases of a declaration, quoted, or NULL. */
static const char *ac_hover_aliases(ac_arena *a, const ac_stmt *s) {
  ac_text_buf b = {a, NULL};
  for (const ac_clause *c = s->clauses; c; c = c->next)
    if (c->kind == AC_CLAUSE_ALIASES)
      for (const ac_alias *al = c->aliases; al; al = al->next)
        ac_add(&b, ac_arena_printf(a, "%s\"%s\"", b.s ? ", " : "", al->text.text));
  return b.s;
}

/* "**name** kind \"label\" (protocol)" */
static void ac_hover_title(ac_text_buf *b, const ac_entity *e, const char *label) {
  ac_add(b, ac_arena_printf(b->a, "**%s** %s", e->name, ac_entity_kind_name(e->kind)));
  if (label) ac_add(b, ac_arena_printf(b->a, " \"%s\"", label));
  ac_add(b, ac_arena_printf(b->a, " (%s)", ac_layer_name(e->layer)));
}

static void ac_hover_cites(ac_text_buf *b, const ac_protocol *p, const ac_stmt *s) {
  for (const ac_clause *c = s->clauses; c; c = c->next)
    if (c->kind == AC_CLAUSE_CITES)
      for (const ac_ident *id = c->names; id; id = id->next) {
        const ac_statement *st = ac_names_get(p->statements, id->name);
        if (st) ac_add(b, ac_arena_printf(b->a, "\n\n> **%s**: %s", id->name, st->item->text.text));
      }
}

static void ac_hover_rule(ac_text_buf *b, const ac_protocol *p, const ac_rule *r) {
  ac_hover_title(b, &r->e, NULL);
  const char *target = r->e.decl->target ? r->e.decl->target->name : "?";
  ac_add(b, ac_arena_printf(b->a, "\n\n%s %s %s", ac_verdict_text(r->verdict), target,
                            ac_hover_days(b->a, r->from, r->to)));
  if (r->final_only) ac_add(b, _(", after the final session"));
  if (r->cond)
    ac_add(b, ac_arena_printf(b->a, r->cond_negated ? _(", unless %s") : _(", only if %s"),
                              ac_cond_text(b->a, r->cond)));
  if (r->because) ac_add(b, ac_arena_printf(b->a, "\n\n%s", r->because));
  ac_hover_cites(b, p, r->e.decl);
}

static void ac_hover_symptom(ac_text_buf *b, const ac_protocol *p, const ac_symptom *sy) {
  ac_hover_title(b, &sy->e, sy->label);
  for (int i = 0; i < p->ntriage; i++) {
    const ac_triage *t = p->triage_sorted[i];
    for (const ac_symptom_item *it = t->items; it; it = it->next)
      if (it->index == sy->e.index) {
        ac_add(b, ac_arena_printf(b->a, "\n- %s %s (%s)", ac_level_text(t->level),
                                  ac_hover_days(b->a, t->from, t->to), t->e.name));
        break;
      }
  }
}

static void ac_hover_entity(ac_text_buf *b, const ac_protocol *p, const ac_entity *e) {
  switch (e->kind) {
  case AC_ENT_ACTIVITY: {
    const ac_activity *act = (const ac_activity *)e;
    ac_hover_title(b, e, act->label);
    const char *aliases = ac_hover_aliases(b->a, e->decl);
    if (aliases) ac_add(b, ac_arena_printf(b->a, "\n\n%s %s", _("aliases:"), aliases));
    ac_add(b, ac_arena_printf(b->a, "\n\n%s", ac_lsp_hover_timeline(b->a, act)));
    break;
  }
  case AC_ENT_RULE:
    ac_hover_rule(b, p, (const ac_rule *)e);
    break;
  case AC_ENT_SYMPTOM:
    ac_hover_symptom(b, p, (const ac_symptom *)e);
    break;
  case AC_ENT_GROUP: {
    const ac_group *g = (const ac_group *)e;
    ac_hover_title(b, e, g->label);
    ac_add(b, ac_arena_printf(b->a, "\n\n%s", _("activities:")));
    for (int i = 0; i < g->nmembers; i++)
      ac_add(b, ac_arena_printf(b->a, "%s %s", i ? "," : "", AC_ACTIVITY(p, g->members[i])->e.name));
    break;
  }
  case AC_ENT_FACT:
    ac_hover_title(b, e, ((const ac_fact *)e)->label);
    break;
  case AC_ENT_PHASE: {
    const ac_phase *ph = (const ac_phase *)e;
    ac_hover_title(b, e, ph->title);
    ac_add(b, ac_arena_printf(b->a, "\n\n%s", ac_hover_days(b->a, ph->from, ph->to)));
    break;
  }
  default:
    ac_hover_title(b, e, NULL);
    break;
  }
}

json_t *ac_lsp_hover(ac_arena *a, const ac_protocol *p, const ac_lsp_occurrence *o) {
  if (!o) return json_null();
  ac_text_buf b = {a, NULL};
  if (o->statement) {
    const ac_doc_item *it = o->statement->item;
    ac_add(&b, ac_arena_printf(a, "**%s** (%s, %s)\n\n%s", it->id->name, it->document,
                               ac_layer_name(o->statement->layer), it->text.text));
  } else {
    ac_hover_entity(&b, p, o->entity);
  }
  return json_pack("{s:{s:s,s:s},s:o}", "contents", "kind", "markdown", "value", b.s, "range",
                   ac_lsp_position_range(o->layer->src, o->loc));
}
