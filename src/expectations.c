/*
 * expectations.c -- running the expectations written in a protocol file
 * (`aftercare test`).
 */
#include "config.h"

#include "aftercare.h"

#include <stdlib.h>
#include <string.h>

#include "evaluator.h"
#include "i18n.h"
#include "library.h"
#include "query.h"
#include "timeline.h"

/* The query of an expectation, as written in the file. */
static const char *ac_expect_text(ac_arena *a, const ac_stmt *s, const ac_source *src) {
  const ac_query *q = s->query;
  size_t len;
  const char *line = ac_source_line(src, q->loc.first_line, &len);
  if (!line || q->loc.last_line != q->loc.first_line) return _("(expectation)");
  int from = q->loc.first_column, to = q->loc.last_column;
  /* columns are characters: walk to bytes */
  const char *p = line, *end = line + len, *start = NULL, *stop = NULL;
  int col = 1;
  while (p <= end) {
    if (col == from) start = p;
    if (col == to) {
      stop = p;
      break;
    }
    if (p == end) break;
    size_t k = ac_utf8_valid_seq((const unsigned char *)p, (size_t)(end - p));
    p += k ? k : 1;
    col++;
  }
  if (!start) return _("(expectation)");
  if (!stop) stop = end;
  return ac_arena_strndup(a, start, (size_t)(stop - start));
}

/* Marks the rules behind an answer as exercised. */
static void ac_mark_segment(const ac_segment *seg, bool *rules) {
  if (!seg) return;
  for (int i = 0; i < seg->nrules; i++) rules[seg->rules[i]->e.index] = true;
}

/* Rules and symptom rules of the top file that no expectation exercised,
 * and the statements they cite that no exercised one cites. */
static void ac_report_coverage(const ac_protocol *p, const ac_layer *top, const bool *rule_used,
                               const bool *triage_used, FILE *out) {
  ac_names *covered = ac_names_new(p->arena);
  static const ac_entity_kind kinds[] = {AC_ENT_RULE, AC_ENT_TRIAGE};
  for (int k = 0; k < 2; k++) {
    const ac_vec *v = &p->entities[kinds[k]];
    const bool *used = k == 0 ? rule_used : triage_used;
    for (size_t i = 0; i < v->len; i++) {
      const ac_entity *e = v->items[i];
      if (!used[i]) continue;
      for (const ac_clause *c = e->decl->clauses; c; c = c->next)
        if (c->kind == AC_CLAUSE_CITES)
          for (const ac_ident *id = c->names; id; id = id->next)
            ac_names_put(covered, id->name, (void *)e);
    }
  }
  int rules = 0, statements = 0;
  ac_names *reported = ac_names_new(p->arena);
  for (int k = 0; k < 2; k++) {
    const ac_vec *v = &p->entities[kinds[k]];
    const bool *used = k == 0 ? rule_used : triage_used;
    for (size_t i = 0; i < v->len; i++) {
      const ac_entity *e = v->items[i];
      if (used[i] || e->layer != top || e->replaced) continue;
      fprintf(out, _("%s:%d: not exercised: %s '%s'\n"), e->layer->src->path,
              e->decl->loc.first_line, ac_entity_kind_name(e->kind), e->name);
      rules++;
      for (const ac_clause *c = e->decl->clauses; c; c = c->next)
        if (c->kind == AC_CLAUSE_CITES)
          for (const ac_ident *id = c->names; id; id = id->next) {
            if (ac_names_get(covered, id->name) || ac_names_get(reported, id->name)) continue;
            ac_names_put(reported, id->name, (void *)e);
            fprintf(out, _("%s:%d: not exercised: statement %s\n"), e->layer->src->path,
                    id->loc.first_line, id->name);
            statements++;
          }
    }
  }
  fprintf(out, _("coverage: %d rules and %d cited statements not exercised\n"), rules,
          statements);
}

int ac_run_expectations(ac_protocol *p, ac_arena *scratch, FILE *out, bool color,
                        bool coverage) {
  int passed = 0, failed = 0;
  size_t nrules = p->entities[AC_ENT_RULE].len, ntriage = p->entities[AC_ENT_TRIAGE].len;
  bool *rule_used = calloc(nrules + 1, sizeof *rule_used);
  bool *triage_used = calloc(ntriage + 1, sizeof *triage_used);
  if (!rule_used || !triage_used) abort();
  const ac_layer *top = p->layers[p->nlayers - 1];
  for (size_t i = 0; i < p->expectations.len; i++) {
    const ac_stmt *s = p->expectations.items[i];
    const ac_layer *layer = p->expect_layers.items[i];
    if (layer != top) continue;
    ac_arena_reset(scratch);
    ac_diags d;
    ac_diags_init(&d, scratch);
    ac_request r;
    if (!ac_request_resolve(p, scratch, s->query, layer->src, &d, &r)) {
      failed++;
      continue;
    }
    const ac_expected *x = &s->expected;
    const char *want = NULL, *got = NULL;
    switch (r.kind) {
    case AC_Q_CAN: {
      ac_can_answer ans;
      ac_eval_can(p, &r, &ans);
      ac_mark_segment(ans.seg, rule_used);
      if (ans.verdict != x->verdict) {
        want = ac_verdict_name(x->verdict);
        got = ac_verdict_name(ans.verdict);
      }
      break;
    }
    case AC_Q_WHEN: {
      ac_when_answer ans;
      ac_eval_when(p, scratch, r.activity, r.final_session, &ans);
      for (int w = 0; w < ans.nwindows; w++) ac_mark_segment(ans.windows[w].seg, rule_used);
      bool ok = x->never ? ans.never : (!ans.never && ans.allowed_from == x->day);
      if (!ok) {
        want = x->never ? _("never") : ac_arena_printf(scratch, _("from day %lld"), (long long)x->day);
        got = ans.never ? _("never") : ac_arena_printf(scratch, _("from day %ld"), (long)ans.allowed_from);
      }
      break;
    }
    case AC_Q_SYMPTOMS: {
      ac_triage_answer ans;
      ac_eval_symptoms(p, scratch, &r, &ans);
      for (int t = 0; t < ans.nfired; t++) triage_used[ans.fired[t]->e.index] = true;
      if (ans.level != x->level) {
        want = ac_level_name(x->level);
        got = ac_level_name(ans.level);
      }
      break;
    }
    default:
      break;
    }
    if (!want) {
      passed++;
      continue;
    }
    failed++;
    if (color) fputs("\033[1m", out);
    fprintf(out, "%s:%d:%d: ", layer->src->path, s->loc.first_line, s->loc.first_column);
    if (color) fputs("\033[1;31m", out);
    fputs(_("expectation failed:"), out);
    if (color) fputs("\033[0m", out);
    char code[8];
    fprintf(out, _(" %s: expected %s, the protocol answers %s"),
            ac_expect_text(scratch, s, layer->src), want, got);
    fprintf(out, " [%s]\n", ac_diag_code_name(AC_E_EXPECTATION, code));
  }
  if (coverage) ac_report_coverage(p, top, rule_used, triage_used, out);
  free(rule_used);
  free(triage_used);
  fprintf(out, _("%d passed, %d failed\n"), passed, failed);
  return failed;
}
