/*
 * expectations.c -- running the expectations written in a protocol file
 * (`aftercare test`).
 */
#include "config.h"

#include "aftercare.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "evaluator.h"
#include "expectations.h"
#include "i18n.h"
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
  for (int i = 0; i < seg->nrules; i++) rules[ac_segment_rules(seg)[i]->e.index] = true;
}

/* A day a `can` expectation asks about an activity, on one of its two
 * timelines (after the final session, after any other one). */
typedef struct ac_asked {
  int activity;
  int every; /* 1: the timeline after a session that is not the final one */
  int32_t day;
} ac_asked;

static int ac_asked_compare(const void *x, const void *y) {
  const ac_asked *a = x, *b = y;
  if (a->activity != b->activity) return a->activity < b->activity ? -1 : 1;
  if (a->every != b->every) return a->every < b->every ? -1 : 1;
  return (a->day > b->day) - (a->day < b->day);
}

/* Days asked so far, sorted once every expectation has run. */
typedef struct ac_asked_set {
  ac_asked *items;
  size_t len, cap;
} ac_asked_set;

static void ac_asked_add(ac_asked_set *s, int activity, int every, int32_t day) {
  if (s->len == s->cap) {
    s->cap = s->cap ? 2 * s->cap : 64;
    ac_asked *grown = realloc(s->items, s->cap * sizeof *grown);
    if (!grown) abort();
    s->items = grown;
  }
  s->items[s->len++] = (ac_asked){activity, every, day};
}

static bool ac_asked_has(const ac_asked_set *s, int activity, int every, int32_t day) {
  ac_asked key = {activity, every, day};
  return s->len && bsearch(&key, s->items, s->len, sizeof key, ac_asked_compare) != NULL;
}

/* The verdict of a timeline on a day (unknown where no rule decides). */
static ac_verdict ac_verdict_on(const ac_timeline *t, int32_t day) {
  const ac_segment *seg = ac_timeline_find(t, day);
  return seg ? seg->verdict : AC_UNKNOWN;
}

/* A statement identifier cited in the file, where it is cited. */
typedef struct ac_citation {
  const ac_ident *id;
} ac_citation;

static int ac_citation_compare(const void *x, const void *y) {
  const ac_loc *a = &((const ac_citation *)x)->id->loc, *b = &((const ac_citation *)y)->id->loc;
  if (a->first_line != b->first_line) return a->first_line < b->first_line ? -1 : 1;
  return (a->first_column > b->first_column) - (a->first_column < b->first_column);
}

typedef struct ac_citations {
  ac_citation *items;
  size_t len, cap;
} ac_citations;

static void ac_citations_add(ac_citations *c, const ac_ident *ids) {
  for (const ac_ident *id = ids; id; id = id->next) {
    if (c->len == c->cap) {
      c->cap = c->cap ? 2 * c->cap : 64;
      ac_citation *grown = realloc(c->items, c->cap * sizeof *grown);
      if (!grown) abort();
      c->items = grown;
    }
    c->items[c->len++].id = id;
  }
}

/* What --coverage found not exercised. */
typedef struct ac_gaps {
  int rules, statements, changes, uncited;
} ac_gaps;

/* Rules and symptom rules of the top file that no expectation exercised. */
static void ac_report_rules(const ac_protocol *p, const ac_layer *top, const bool *rule_used,
                            const bool *triage_used, FILE *out, ac_gaps *gaps) {
  static const ac_entity_kind kinds[] = {AC_ENT_RULE, AC_ENT_TRIAGE};
  for (int k = 0; k < 2; k++) {
    const ac_vec *v = &p->entities[kinds[k]];
    const bool *used = k == 0 ? rule_used : triage_used;
    for (size_t i = 0; i < v->len; i++) {
      const ac_entity *e = v->items[i];
      if (used[i] || e->layer != top || e->replaced) continue;
      fprintf(out, _("%s:%d: not exercised: %s '%s'\n"), e->layer->src->path,
              e->decl->loc.first_line, ac_entity_kind_name(e->kind), e->name);
      gaps->rules++;
    }
  }
}

/* The value of a key in a table used as a set. */
static int ac_seen;

/* Statement identifiers the file cites (in any statement but an
 * expectation) that no expectation of the file cites; each is reported
 * once, at its first citation.  Then the statements of the file's own
 * documents (not `context`) that nothing but an expectation cites. */
static void ac_report_statements(const ac_layer *top, ac_arena *scratch, FILE *out,
                                 ac_gaps *gaps) {
  ac_names *expected = ac_names_new(scratch), *reported = ac_names_new(scratch);
  ac_citations cited = {0};
  for (const ac_stmt *s = top->file->stmts; s; s = s->next) {
    for (const ac_clause *c = s->clauses; c; c = c->next) {
      if (c->kind != AC_CLAUSE_CITES) continue;
      if (s->kind == AC_STMT_EXPECT) {
        for (const ac_ident *id = c->names; id; id = id->next)
          ac_names_put(expected, id->name, &ac_seen);
      } else {
        ac_citations_add(&cited, c->names);
      }
    }
    if (s->kind == AC_STMT_PHASE)
      for (const ac_guidance *g = s->guidance; g; g = g->next) ac_citations_add(&cited, g->cites);
  }
  if (cited.len) qsort(cited.items, cited.len, sizeof *cited.items, ac_citation_compare);
  ac_names *cited_ids = ac_names_new(scratch);
  for (size_t i = 0; i < cited.len; i++) {
    const ac_ident *id = cited.items[i].id;
    ac_names_put(cited_ids, id->name, &ac_seen);
    if (ac_names_get(expected, id->name) || ac_names_get(reported, id->name)) continue;
    ac_names_put(reported, id->name, &ac_seen);
    fprintf(out, _("%s:%d: not exercised: statement %s is cited (%s:%d) but no expectation cites it\n"),
            top->src->path, id->loc.first_line, id->name, top->src->path, id->loc.first_line);
    gaps->statements++;
  }
  free(cited.items);
  for (const ac_stmt *s = top->file->stmts; s; s = s->next) {
    if (s->kind != AC_STMT_DOCUMENT) continue;
    for (const ac_doc_item *i = s->statements; i; i = i->next) {
      if (i->context || ac_names_get(cited_ids, i->id->name)) continue;
      fprintf(out, _("%s:%d: not cited: statement %s of document '%s': no rule cites it\n"),
              top->src->path, i->id->loc.first_line, i->id->name, i->document);
      gaps->uncited++;
    }
  }
}

/* Every change of verdict of the file's activities on days lo..horizon,
 * where lo is day 0, or the first day a rule decides when that is earlier:
 * both sides of it (the last day before, the first day after) must be asked
 * by `can` expectations. */
static void ac_report_changes(const ac_protocol *p, const ac_layer *top, const ac_asked_set *asked,
                              FILE *out, ac_gaps *gaps) {
  int32_t hi = p->horizon > AC_DAY_MAX ? AC_DAY_MAX : (int32_t)p->horizon;
  for (int a = 0; a < AC_NACTIVITIES(p); a++) {
    const ac_activity *act = AC_ACTIVITY(p, a);
    if (act->e.layer != top) continue;
    for (int every = 0; every < 2; every++) {
      if (every && !p->has_final_only) break;
      const ac_timeline *t = ac_timeline_for(p, a, !every);
      if (t->nsegs == 0) continue;
      int32_t lo = t->segs[0].from < 0 ? t->segs[0].from : 0;
      /* Verdicts change only where a segment starts or ends. */
      int64_t last = INT64_MIN;
      for (int i = 0; i < t->nsegs; i++) {
        for (int side = 0; side < 2; side++) {
          int64_t d = side == 0 ? (int64_t)t->segs[i].from : (int64_t)t->segs[i].to + 1;
          if (d <= last || d <= lo || d > hi) continue;
          last = d;
          int32_t day = (int32_t)d;
          ac_verdict before = ac_verdict_on(t, day - 1), after = ac_verdict_on(t, day);
          if (before == after) continue;
          bool has_before = ac_asked_has(asked, a, every, day - 1);
          bool has_after = ac_asked_has(asked, a, every, day);
          if (has_before && has_after) continue;
          fprintf(out, _("%s:%d: not exercised: %s changes from %s to %s on day %ld%s: "),
                  top->src->path, act->e.decl->loc.first_line, act->e.name,
                  ac_verdict_name(before), ac_verdict_name(after), (long)day,
                  every ? _(" after a session that is not the final one") : "");
          if (!has_before && !has_after)
            fprintf(out, _("no expectation asks day %ld / day %ld\n"), (long)day - 1, (long)day);
          else
            fprintf(out, _("no expectation asks day %ld\n"), (long)(has_before ? day : day - 1));
          gaps->changes++;
        }
      }
    }
  }
}

/* What the run of the expectations marks for --coverage. */
typedef struct ac_marks {
  bool *rule_used, *triage_used;
  ac_asked_set asked;
} ac_marks;

/* The names of the rules of a segment, added to the expectation's. */
static void ac_add_rules(ac_arena *a, const ac_segment *seg, const char ***names, int *n) {
  if (!seg || seg->nrules == 0) return;
  const char **grown = ac_arena_alloc(a, (size_t)(*n + seg->nrules) * sizeof *grown);
  for (int i = 0; i < *n; i++) grown[i] = (*names)[i];
  for (int i = 0; i < seg->nrules; i++) grown[(*n)++] = ac_segment_rules(seg)[i]->e.name;
  *names = grown;
}

/* Whether the pattern selects an expectation: its file (path or last
 * component) or a rule behind its answer. */
static bool ac_selected(const char *pattern, const aftercare_expectation *e) {
  if (!pattern) return true;
  const char *base = strrchr(e->file, '/');
  if (fnmatch(pattern, e->file, 0) == 0 || (base && fnmatch(pattern, base + 1, 0) == 0))
    return true;
  for (int i = 0; i < e->nrules; i++)
    if (fnmatch(pattern, e->rules[i], 0) == 0) return true;
  return false;
}

/* Runs each expectation of the top file that the pattern selects and calls
 * fn with its outcome; marks what it exercises (marks: NULL, none).
 * Returns the failures. */
static int ac_expectations_each(const ac_protocol *p, ac_arena *scratch, const char *pattern,
                                ac_marks *m,
                                void (*fn)(const aftercare_expectation *e, void *ctx),
                                void *ctx) {
  int failed = 0;
  const ac_layer *top = p->layers[p->nlayers - 1];
  for (size_t i = 0; i < p->expectations.len; i++) {
    const ac_stmt *s = p->expectations.items[i];
    const ac_layer *layer = p->expect_layers.items[i];
    if (layer != top) continue;
    ac_arena_reset(scratch);
    ac_diags d;
    ac_diags_init(&d, scratch);
    ac_request r;
    aftercare_expectation e = {layer->src->path, s->loc.first_line, s->loc.first_column,
                               ac_expect_text(scratch, s, layer->src), 0, "", "", NULL, NULL, 0};
    const char **rules = NULL;
    if (!ac_query_resolve(p, scratch, s->query, layer->src, &d, &r)) {
      e.answer = _("this query cannot be answered");
    } else {
      const ac_expected *x = s->expected;
      switch (r.kind) {
      case AC_Q_CAN: {
        ac_can_answer ans;
        ac_eval_can(p, &r, &ans);
        ac_add_rules(scratch, ans.seg, &rules, &e.nrules);
        if (m) {
          ac_mark_segment(ans.seg, m->rule_used);
          ac_asked_add(&m->asked, r.activity->e.index, p->has_final_only && !r.final_session,
                       r.day);
        }
        e.passed = ans.verdict == x->verdict;
        e.expected = ac_verdict_name(x->verdict);
        e.answer = ac_verdict_name(ans.verdict);
        break;
      }
      case AC_Q_WHEN: {
        ac_when_answer ans;
        ac_eval_when(p, scratch, r.activity, r.final_session, &ans);
        for (int w = 0; w < ans.nwindows; w++) {
          ac_add_rules(scratch, ans.windows[w].seg, &rules, &e.nrules);
          if (m) ac_mark_segment(ans.windows[w].seg, m->rule_used);
        }
        e.passed = x->never ? ans.never : (!ans.never && ans.allowed_from == x->day);
        e.expected = x->never ? _("never") : ac_arena_printf(scratch, _("from day %lld"), (long long)x->day);
        e.answer = ans.never ? _("never") : ac_arena_printf(scratch, _("from day %ld"), (long)ans.allowed_from);
        break;
      }
      case AC_Q_SYMPTOMS: {
        ac_triage_answer ans;
        ac_eval_symptoms(p, scratch, &r, &ans);
        rules = ac_arena_alloc(scratch, (size_t)(ans.nfired + 1) * sizeof *rules);
        for (int t = 0; t < ans.nfired; t++) {
          rules[e.nrules++] = ans.fired[t]->e.name;
          if (m) m->triage_used[ans.fired[t]->e.index] = true;
        }
        e.passed = ans.level == x->level;
        e.expected = ac_level_name(x->level);
        e.answer = ac_level_name(ans.level);
        break;
      }
      default:
        e.passed = 1;
        break;
      }
    }
    e.rules = rules;
    if (!e.passed) {
      char code[8];
      e.code = ac_arena_strdup(scratch, ac_diag_code_name(AC_E_EXPECTATION, code));
    }
    if (!ac_selected(pattern, &e)) continue;
    if (!e.passed) failed++;
    fn(&e, ctx);
  }
  return failed;
}

int ac_expectations_list(const ac_protocol *p, ac_arena *scratch, const char *pattern,
                         void (*fn)(const aftercare_expectation *e, void *ctx), void *ctx) {
  return ac_expectations_each(p, scratch, pattern, NULL, fn, ctx);
}

/* The text of a run: failures (and with verbose, passes) a line each. */
typedef struct ac_printing {
  FILE *out;
  bool color, verbose;
  int passed, failed;
} ac_printing;

static void ac_print_expectation(const aftercare_expectation *e, void *ctx) {
  ac_printing *pr = ctx;
  if (e->passed) pr->passed++;
  else pr->failed++;
  if (e->passed && !pr->verbose) return;
  FILE *out = pr->out;
  if (pr->color) fputs("\033[1m", out);
  fprintf(out, "%s:%d:%d: ", e->file, e->line, e->column);
  if (pr->color) fputs(e->passed ? "\033[1;32m" : "\033[1;31m", out);
  fputs(e->passed ? _("ok:") : _("expectation failed:"), out);
  if (pr->color) fputs("\033[0m", out);
  if (e->passed) {
    fprintf(out, " %s: %s\n", e->query, e->answer);
    return;
  }
  fprintf(out, _(" %s: expected %s, the protocol answers %s"), e->query, e->expected, e->answer);
  fprintf(out, " [%s]\n", e->code);
}

int ac_expectations_run(const ac_protocol *p, ac_arena *scratch, FILE *out, bool color,
                        bool coverage, bool verbose, const char *pattern) {
  size_t nrules = p->entities[AC_ENT_RULE].len, ntriage = p->entities[AC_ENT_TRIAGE].len;
  ac_marks m = {calloc(nrules + 1, sizeof(bool)), calloc(ntriage + 1, sizeof(bool)), {0}};
  if (!m.rule_used || !m.triage_used) abort();
  const ac_layer *top = p->layers[p->nlayers - 1];
  ac_printing pr = {out, color, verbose, 0, 0};
  ac_expectations_each(p, scratch, pattern, &m, ac_print_expectation, &pr);
  int gaps_total = 0;
  if (coverage) {
    ac_arena_reset(scratch);
    if (m.asked.len) qsort(m.asked.items, m.asked.len, sizeof *m.asked.items, ac_asked_compare);
    ac_gaps gaps = {0, 0, 0, 0};
    ac_report_rules(p, top, m.rule_used, m.triage_used, out, &gaps);
    ac_report_statements(top, scratch, out, &gaps);
    ac_report_changes(p, top, &m.asked, out, &gaps);
    fprintf(out, _("coverage: %d rules, %d statements, %d changes of verdict not exercised; %d statements not cited\n"),
            gaps.rules, gaps.statements, gaps.changes, gaps.uncited);
    gaps_total = gaps.rules + gaps.statements + gaps.changes + gaps.uncited;
  }
  free(m.asked.items);
  free(m.rule_used);
  free(m.triage_used);
  /* A file of which --run selects nothing says nothing. */
  if (!pattern || coverage || pr.passed + pr.failed > 0)
    fprintf(out, _("%d passed, %d failed\n"), pr.passed, pr.failed);
  /* What the caller's exit status goes by: a failure, or (with coverage)
   * anything not exercised. */
  return pr.failed + gaps_total;
}
