/*
 * library.c -- the public interface (aftercare.h) over the modules.
 */
#include "config.h"

#include "aftercare.h"

#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog.h"
#include "checker.h"
#include "condition.h"
#include "diagnostic.h"
#include "evaluator.h"
#include "i18n.h"
#include "keyword.h"
#include "loader.h"
#include "output.h"
#include "parse.h"
#include "expectations.h"
#include "explain.h"
#include "format.h"
#include "plan.h"
#include "query.h"
#include "names.h"
#include "timeline.h"
#include "sarif.h"
#include "lsp_actions.h"
#include "lsp_completion.h"
#include "lsp_diagnostics.h"
#include "lsp_hover.h"
#include "lsp_index.h"
#include "lsp_lenses.h"
#include "lsp_navigation.h"
#include "lsp_position.h"
#include "lsp_symbols.h"
#include "lsp_uri.h"

/* A loaded protocol: built by one call (aftercare_open...), then only read,
 * by any number of threads at once; what a query needs for itself is in an
 * arena of the call, on its stack (AC_CALL_ARENA). */
struct aftercare {
  ac_arena *arena;   /* the compilation: freed in one call */
  ac_diags diags;
  ac_protocol *protocol;
};

/* The memory of one call: its first bytes on the call's stack. */
#define AC_CALL_ARENA(name)                                                  \
  max_align_t name##_buffer[1024];                                           \
  ac_arena *name = ac_arena_in(name##_buffer, sizeof name##_buffer)

static atomic_int ac_diag_limit = AC_DEFAULT_DIAG_LIMIT;

const char *aftercare_version(void) { return PACKAGE_VERSION; }

void aftercare_set_diagnostic_limit(int limit) {
  atomic_store_explicit(&ac_diag_limit, limit > 0 ? limit : 1, memory_order_relaxed);
}

static aftercare *ac_new(void) {
  aftercare *p = calloc(1, sizeof *p);
  if (!p) abort();
  p->arena = ac_arena_new();
  ac_diags_init(&p->diags, p->arena);
  p->diags.limit = atomic_load_explicit(&ac_diag_limit, memory_order_relaxed);
  return p;
}

/* The protocol loaded: checked and compiled, its diagnostics in order. */
static aftercare *ac_finish(aftercare *p) {
  ac_check(p->protocol);
  ac_diags_sort(&p->diags);
  return p;
}

aftercare *aftercare_open(const char *path, int *error) {
  aftercare *p = ac_new();
  int err = 0;
  p->protocol = ac_load_file(p->arena, &p->diags, path, &err);
  if (!p->protocol) {
    aftercare_close(p);
    if (error) *error = err;
    return NULL;
  }
  return ac_finish(p);
}

aftercare *aftercare_open_memory(const char *name, const char *text, size_t len) {
  aftercare *p = ac_new();
  p->protocol = ac_load_memory(p->arena, &p->diags, name, text, len);
  return ac_finish(p);
}

aftercare *aftercare_open_with(const char *name, const char *text, size_t len,
                               aftercare_resolver resolve, void *ctx) {
  if (!resolve) return aftercare_open_memory(name, text, len);
  aftercare *p = ac_new();
  ac_source *src = ac_source_from_memory(p->arena, name, text, len);
  p->protocol = ac_load(p->arena, &p->diags, src, src->path, resolve, ctx);
  return ac_finish(p);
}

void aftercare_resolved(aftercare_resolution *r, const char *path, const char *text,
                        size_t len) {
  ac_load_resolved(r, path, text, len);
}

aftercare *aftercare_open_standard(void) {
  aftercare *p = ac_new();
  p->protocol = ac_load_standard(p->arena, &p->diags);
  return ac_finish(p);
}

void aftercare_close(aftercare *p) {
  if (!p) return;
  ac_arena_free(p->arena);
  free(p);
}

int aftercare_errors(const aftercare *p) { return p->diags.errors; }
int aftercare_warnings(const aftercare *p) { return p->diags.warnings; }

const char *aftercare_name(const aftercare *p) {
  const ac_protocol *pr = p->protocol;
  return pr->nlayers ? pr->layers[pr->nlayers - 1]->name : NULL;
}

void aftercare_print_diagnostics(const aftercare *p, FILE *out, aftercare_format fmt,
                                 int color) {
  if (fmt == AFTERCARE_JSON) {
    ac_output_diags_json(&p->diags, out);
    return;
  }
  if (fmt == AFTERCARE_SARIF) {
    aftercare_print_sarif(&p, 1, out);
    return;
  }
  ac_render_opts o = {color != 0};
  ac_diags_print_text(&p->diags, out, o);
}

/* The library's output format as the output module names it. */
static ac_format ac_format_of(aftercare_format fmt) {
  return fmt == AFTERCARE_JSON ? AC_FORMAT_JSON : fmt == AFTERCARE_LINE ? AC_FORMAT_LINE
                                                                         : AC_FORMAT_TEXT;
}

/* A query, answered in an arena of the call: the scanner, the grammar,
 * resolve, evaluate, render (and nothing else answers queries). */
static int ac_ask(const aftercare *p, ac_arena *a, const char *query, aftercare_format fmt,
                  FILE *out, FILE *err, const char *where, int line, int color,
                  bool *forbidden) {
  ac_format f = ac_format_of(fmt);
  ac_diags d;
  ac_diags_init(&d, a);
  ac_source *src = ac_source_from_memory(a, where ? where : "query", query, strlen(query));
  src->line_offset = line > 1 ? line - 1 : 0;
  if (p->diags.errors > 0) {
    ac_loc none = {0, 0, 0, 0};
    ac_diag_add(&d, AC_SEV_ERROR, AC_E_QUERY, NULL, none,
                _("the protocol has errors: run 'aftercare check' on it first"));
    ac_output_query_error(&d, query, f, out, err, color != 0);
    return 1;
  }
  ac_query *q = ac_parse_query(a, src, &d);
  ac_request r;
  if (!q || !ac_query_resolve(p->protocol, a, q, src, &d, &r)) {
    if (d.errors == 0) {
      ac_loc none = {0, 0, 0, 0};
      ac_diag_add(&d, AC_SEV_ERROR, AC_E_QUERY, src, none, _("this query cannot be answered"));
    }
    ac_output_query_error(&d, query, f, out, err, color != 0);
    return 1;
  }
  /* Warnings (a symptom answered by the fallback): on standard error in
   * text; JSON says it in the answer (unknown_symptoms). */
  if (d.warnings > 0 && f != AC_FORMAT_JSON && err) {
    ac_render_opts o = {color != 0};
    ac_diags_print_text(&d, err, o);
  }
  bool is_forbidden = ac_output_answer(p->protocol, a, &r, query, f, out);
  if (forbidden) *forbidden = is_forbidden;
  return 0;
}

int aftercare_ask(const aftercare *p, const char *query, aftercare_format fmt, FILE *out,
                  FILE *err, const char *where, int line, int color) {
  AC_CALL_ARENA(a);
  int rc = ac_ask(p, a, query, fmt, out, err, where, line, color, NULL);
  ac_arena_free(a);
  return rc;
}

int aftercare_ask_status(const aftercare *p, const char *query, aftercare_format fmt, FILE *out,
                         FILE *err, const char *where, int line, int color) {
  AC_CALL_ARENA(a);
  bool forbidden = false;
  int rc = ac_ask(p, a, query, fmt, out, err, where, line, color, &forbidden);
  ac_arena_free(a);
  return rc == 0 && forbidden ? AFTERCARE_EXIT_FORBIDDEN : rc;
}

const char *aftercare_can(const aftercare *p, const char *activity, int day) {
  if (p->diags.errors > 0) return NULL;
  AC_CALL_ARENA(a);
  const ac_entity *e = ac_names_get(p->protocol->phrases, ac_query_phrase_key(a, 'a', activity));
  const char *verdict = NULL;
  if (e) {
    ac_request r;
    memset(&r, 0, sizeof r);
    r.kind = AC_Q_CAN;
    r.activity = (const ac_activity *)e;
    r.day = day;
    r.final_session = true;
    ac_cond_facts_init(&r.facts, a, p->protocol);
    ac_can_answer ans;
    ac_eval_can(p->protocol, &r, &ans);
    verdict = ac_verdict_name(ans.verdict);
  }
  ac_arena_free(a);
  return verdict;
}

int aftercare_test(const aftercare *p, FILE *out, int color, int coverage) {
  return aftercare_test_run(p, out, color, coverage, 0, NULL);
}

int aftercare_test_run(const aftercare *p, FILE *out, int color, int coverage, int verbose,
                       const char *pattern) {
  ac_arena *a = ac_arena_new();
  int rc = ac_expectations_run(p->protocol, a, out, color != 0, coverage != 0, verbose != 0,
                               pattern);
  ac_arena_free(a);
  return rc;
}

int aftercare_expectations(const aftercare *p, const char *pattern,
                           void (*fn)(const aftercare_expectation *e, void *ctx), void *ctx) {
  ac_arena *a = ac_arena_new();
  int rc = ac_expectations_list(p->protocol, a, pattern, fn, ctx);
  ac_arena_free(a);
  return rc;
}

/* The names of a kind, or their aliases (as written); -1: no such kind. */
static int ac_names_of(const aftercare *p, const char *kind, bool aliases,
                       void (*fn)(const char *name, void *ctx), void *ctx) {
  ac_entity_kind k = ac_entity_kind_of_plural(kind);
  if (k == AC_ENT_COUNT) return -1;
  const ac_vec *v = &p->protocol->entities[k];
  int n = 0;
  for (size_t i = 0; i < v->len; i++) {
    const ac_entity *e = v->items[i];
    if (e->replaced) continue;
    if (!aliases) {
      fn(e->name, ctx);
      n++;
      continue;
    }
    for (const ac_clause *c = e->decl ? e->decl->clauses : NULL; c; c = c->next)
      if (c->kind == AC_CLAUSE_ALIASES)
        for (const ac_alias *x = c->aliases; x; x = x->next) {
          fn(x->text.text, ctx);
          n++;
        }
  }
  return n;
}

int aftercare_names(const aftercare *p, const char *kind,
                    void (*fn)(const char *name, void *ctx), void *ctx) {
  return ac_names_of(p, kind, false, fn, ctx);
}

int aftercare_aliases(const aftercare *p, const char *kind,
                      void (*fn)(const char *alias, void *ctx), void *ctx) {
  return ac_names_of(p, kind, true, fn, ctx);
}

int aftercare_keywords(void (*fn)(const char *word, const char *cls, int languages, void *ctx),
                       void *ctx) {
  size_t n;
  const ac_keyword *k = ac_keyword_all(&n);
  int count = 0;
  for (size_t i = 0; i < n; i++) {
    if (!k[i].word) continue;
    fn(k[i].word, ac_keyword_class_name(k[i].cls), k[i].languages, ctx);
    count++;
  }
  return count;
}

void aftercare_keywords_json(FILE *out) { ac_output_json_document(ac_keyword_json(), out); }

const char *aftercare_path(const aftercare *p) {
  const ac_protocol *pr = p->protocol;
  return pr->nlayers ? pr->layers[pr->nlayers - 1]->src->path : NULL;
}

const char *aftercare_language(const aftercare *p) {
  const ac_protocol *pr = p->protocol;
  for (int i = pr->nlayers - 1; i >= 0; i--)
    if (pr->layers[i]->fields[AC_FIELD_LANGUAGE]) return pr->layers[i]->fields[AC_FIELD_LANGUAGE];
  return NULL;
}

const char *aftercare_field(const aftercare *p, const char *field) {
  static const char *const names[] = {[AC_FIELD_TITLE] = "title", [AC_FIELD_VERSION] = "version",
                                      [AC_FIELD_PROCEDURE] = "procedure",
                                      [AC_FIELD_LANGUAGE] = "language"};
  const ac_protocol *pr = p->protocol;
  if (!pr->nlayers || !field) return NULL;
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (names[i] && strcmp(names[i], field) == 0) return pr->layers[pr->nlayers - 1]->fields[i];
  return NULL;
}

const char *aftercare_chain(const aftercare *p, int i) {
  const ac_protocol *pr = p->protocol;
  if (i < 0 || i >= pr->nlayers) return NULL;
  return pr->layers[pr->nlayers - 1 - i]->name;
}

int aftercare_plan(const aftercare *p, const aftercare_plan_options *o, FILE *out, FILE *err) {
  return ac_plan_write(p->protocol, p->diags.errors, o, out, err);
}

int aftercare_keep_languages(void) { return ac_catalog_keep_all(); }

int aftercare_parse_date(const char *s, long *days) { return ac_plan_parse_date(s, days); }

int aftercare_format_text(const char *name, const char *text, size_t len, char **out,
                          size_t *out_len, FILE *err, int color) {
  return ac_format_text(name, text, len, out, out_len, err, color != 0);
}

void aftercare_print_sarif(const aftercare *const *protocols, int n, FILE *out) {
  const ac_diags **lists = calloc(n > 0 ? (size_t)n : 1, sizeof *lists);
  if (!lists) abort();
  for (int i = 0; i < n; i++) lists[i] = &protocols[i]->diags;
  ac_sarif_write(lists, n > 0 ? (size_t)n : 0, out);
  free(lists);
}

const char *aftercare_explain(const char *code) {
  const ac_explanation *e = ac_explain_find(code);
  return e ? e->text : NULL;
}

int aftercare_diagnostic_codes(void (*fn)(const char *code, const char *title, void *ctx),
                               void *ctx) {
  for (unsigned long i = 0; i < ac_explanations_count; i++)
    fn(ac_explanations[i].code, ac_explanations[i].title, ctx);
  return (int)ac_explanations_count;
}

/* ---- the language server's answers ---- */

/* The JSON text of a result (consumed), malloc'ed. */
static char *ac_lsp_text(json_t *result) {
  char *s = json_dumps(result, JSON_COMPACT | JSON_ENCODE_ANY);
  json_decref(result);
  return s;
}

static const ac_layer *ac_lsp_top(const aftercare *p) {
  const ac_protocol *pr = p->protocol;
  return pr->nlayers ? pr->layers[pr->nlayers - 1] : NULL;
}

char *aftercare_lsp_diagnostics(const aftercare *p) {
  AC_CALL_ARENA(a);
  char *s = ac_lsp_text(ac_lsp_diagnostics(a, p->protocol));
  ac_arena_free(a);
  return s;
}

/* Calls fn with the occurrence at a position of a layer (or NULL). */
static char *ac_lsp_at(const aftercare *p, const ac_layer *layer, int line, int character,
                       json_t *(*fn)(ac_arena *a, const aftercare *p, const ac_lsp_index *ix,
                                     const ac_lsp_occurrence *o, int flag),
                       int flag) {
  AC_CALL_ARENA(a);
  ac_lsp_index ix;
  ac_lsp_index_build(p->protocol, &ix);
  const ac_lsp_occurrence *o = ac_lsp_index_find(&ix, layer, line, character);
  char *s = ac_lsp_text(fn(a, p, &ix, o, flag));
  ac_lsp_index_free(&ix);
  ac_arena_free(a);
  return s;
}

static json_t *ac_lsp_hover_of(ac_arena *a, const aftercare *p, const ac_lsp_index *ix,
                               const ac_lsp_occurrence *o, int flag) {
  (void)ix, (void)flag;
  return ac_lsp_hover(a, p->protocol, o);
}

static json_t *ac_lsp_definition_of(ac_arena *a, const aftercare *p, const ac_lsp_index *ix,
                                    const ac_lsp_occurrence *o, int flag) {
  (void)p, (void)flag;
  return ac_lsp_definition(a, ix, o);
}

static json_t *ac_lsp_references_of(ac_arena *a, const aftercare *p, const ac_lsp_index *ix,
                                    const ac_lsp_occurrence *o, int declaration) {
  (void)p;
  return ac_lsp_references(a, ix, o, declaration != 0);
}

char *aftercare_lsp_hover(const aftercare *p, int line, int character) {
  return ac_lsp_at(p, ac_lsp_top(p), line, character, ac_lsp_hover_of, 0);
}

char *aftercare_lsp_definition(const aftercare *p, int line, int character) {
  return ac_lsp_at(p, ac_lsp_top(p), line, character, ac_lsp_definition_of, 0);
}

char *aftercare_lsp_references(const aftercare *p, const char *path, int line, int character,
                               int declaration) {
  AC_CALL_ARENA(a);
  const ac_layer *layer = ac_lsp_index_layer(a, p->protocol, path);
  ac_arena_free(a);
  if (!layer) return ac_lsp_text(json_array());
  return ac_lsp_at(p, layer, line, character, ac_lsp_references_of, declaration);
}

char *aftercare_lsp_completion(const aftercare *p, int line, int character) {
  const ac_layer *top = ac_lsp_top(p);
  long off = top ? ac_lsp_position_offset(top->src, line, character) : -1;
  if (off < 0) return ac_lsp_text(json_array());
  return ac_lsp_text(ac_lsp_completion(p->protocol, (size_t)off));
}

char *aftercare_lsp_symbols(const aftercare *p) {
  return ac_lsp_text(ac_lsp_symbols(p->protocol));
}

char *aftercare_lsp_code_actions(const aftercare *p, const char *uri, int first, int last) {
  AC_CALL_ARENA(a);
  char *s = ac_lsp_text(ac_lsp_actions(a, p->protocol, uri, first, last));
  ac_arena_free(a);
  return s;
}

char *aftercare_lsp_code_lenses(const aftercare *p) {
  AC_CALL_ARENA(a);
  char *s = ac_lsp_text(ac_lsp_lenses(a, p->protocol));
  ac_arena_free(a);
  return s;
}

char *aftercare_lsp_uri(const char *path) {
  AC_CALL_ARENA(a);
  char *s = strdup(ac_lsp_uri_of_path(a, path));
  ac_arena_free(a);
  return s;
}

char *aftercare_lsp_path(const char *uri) { return ac_lsp_uri_to_path(uri); }

char *aftercare_lsp_formatting(const char *name, const char *text, size_t len) {
  char *out;
  size_t out_len;
  if (aftercare_format_text(name, text, len, &out, &out_len, NULL, 0) != 0)
    return ac_lsp_text(json_array());
  if (out_len == len && memcmp(out, text, len) == 0) {
    free(out);
    return ac_lsp_text(json_array());
  }
  /* The end of the text: its last line, in UTF-16 units. */
  int line = 0;
  size_t last = 0;
  for (size_t i = 0; i < len; i++)
    if (text[i] == '\n') line++, last = i + 1;
  int chars = INT32_MAX, units = 0;
  ac_lsp_position_convert(text + last, len - last, &chars, &units, false);
  json_t *edit = json_pack("[{s:{s:{s:i,s:i},s:{s:i,s:i}},s:s%}]", "range", "start", "line", 0,
                           "character", 0, "end", "line", line, "character", units, "newText",
                           out, out_len);
  free(out);
  return ac_lsp_text(edit);
}
