/*
 * library.c -- the public interface (aftercare.h) over the modules.
 */
#include "config.h"

#include "aftercare.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "condition.h"
#include "diagnostic.h"
#include "evaluator.h"
#include "i18n.h"
#include "loader.h"
#include "output.h"
#include "parse.h"
#include "library.h"
#include "plan.h"
#include "query.h"
#include "names.h"
#include "timeline.h"
#include "sarif.h"

struct aftercare {
  ac_arena *arena;   /* the compilation: freed in one call */
  ac_diags diags;
  ac_protocol *protocol;
  ac_arena *scratch; /* per query; reset before each */
};

static int ac_diag_limit = AC_DEFAULT_DIAG_LIMIT;

const char *aftercare_version(void) { return PACKAGE_VERSION; }

void aftercare_set_diagnostic_limit(int limit) { ac_diag_limit = limit > 0 ? limit : 1; }

static aftercare *ac_new(void) {
  aftercare *p = calloc(1, sizeof *p);
  if (!p) abort();
  p->arena = ac_arena_new();
  p->scratch = ac_arena_new();
  ac_diags_init(&p->diags, p->arena);
  p->diags.limit = ac_diag_limit;
  return p;
}

static aftercare *ac_finish(aftercare *p) {
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

aftercare *aftercare_open_standard(void) {
  aftercare *p = ac_new();
  p->protocol = ac_load_standard(p->arena, &p->diags);
  return ac_finish(p);
}

void aftercare_close(aftercare *p) {
  if (!p) return;
  ac_arena_free(p->arena);
  ac_arena_free(p->scratch);
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
    aftercare_print_sarif((aftercare *const *)&p, 1, out);
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

int aftercare_ask(aftercare *p, const char *query, aftercare_format fmt, FILE *out, FILE *err,
                  const char *where, int line, int color) {
  ac_format f = ac_format_of(fmt);
  ac_arena_reset(p->scratch);
  ac_diags d;
  ac_diags_init(&d, p->scratch);
  ac_source *src = ac_source_from_memory(p->scratch, where ? where : "query", query, strlen(query));
  src->line_offset = line > 1 ? line - 1 : 0;
  if (p->diags.errors > 0) {
    ac_loc none = {0, 0, 0, 0};
    ac_diag_add(&d, AC_SEV_ERROR, AC_E_QUERY, NULL, none,
                _("the protocol has errors: run 'aftercare check' on it first"));
    ac_output_query_error(&d, query, f, out, err, color != 0);
    return 1;
  }
  ac_query *q = ac_parse_query(p->scratch, src, &d);
  ac_request r;
  if (!q || !ac_request_resolve(p->protocol, p->scratch, q, src, &d, &r)) {
    if (d.errors == 0) {
      ac_loc none = {0, 0, 0, 0};
      ac_diag_add(&d, AC_SEV_ERROR, AC_E_QUERY, src, none, _("this query cannot be answered"));
    }
    ac_output_query_error(&d, query, f, out, err, color != 0);
    return 1;
  }
  ac_output_answer(p->protocol, p->scratch, &r, query, f, out);
  return 0;
}

const char *aftercare_can(aftercare *p, const char *activity, int day) {
  ac_arena_reset(p->scratch);
  if (p->diags.errors > 0) return NULL;
  ac_entity *e = ac_names_get(p->protocol->phrases, ac_phrase_key(p->scratch, 'a', activity));
  if (!e) return NULL;
  ac_request r;
  memset(&r, 0, sizeof r);
  r.kind = AC_Q_CAN;
  r.activity = (const ac_activity *)e;
  r.day = day;
  r.final_session = true;
  ac_facts_init(&r.facts, p->scratch, p->protocol);
  ac_can_answer ans;
  ac_eval_can(p->protocol, &r, &ans);
  return ac_verdict_name(ans.verdict);
}

int aftercare_test(aftercare *p, FILE *out, int color, int coverage) {
  return ac_run_expectations(p->protocol, p->scratch, out, color != 0, coverage != 0);
}

int aftercare_names(const aftercare *p, const char *kind,
                    void (*fn)(const char *name, void *ctx), void *ctx) {
  ac_entity_kind k;
  if (strcmp(kind, "activities") == 0)
    k = AC_ENT_ACTIVITY;
  else if (strcmp(kind, "symptoms") == 0)
    k = AC_ENT_SYMPTOM;
  else if (strcmp(kind, "phases") == 0)
    k = AC_ENT_PHASE;
  else if (strcmp(kind, "rules") == 0)
    k = AC_ENT_RULE;
  else
    return -1;
  const ac_vec *v = &p->protocol->entities[k];
  int n = 0;
  for (size_t i = 0; i < v->len; i++) {
    const ac_entity *e = v->items[i];
    if (e->replaced) continue;
    fn(e->name, ctx);
    n++;
  }
  return n;
}

const ac_diags *ac_library_diags(const aftercare *p) { return &p->diags; }

const char *aftercare_path(const aftercare *p) {
  const ac_protocol *pr = p->protocol;
  return pr->nlayers ? pr->layers[pr->nlayers - 1]->src->path : NULL;
}

const ac_protocol *ac_library_protocol(const aftercare *h) { return h->protocol; }
