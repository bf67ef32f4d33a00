/*
 * library.c -- the public interface (aftercare.h) over the modules.
 */
#include "config.h"

#include "aftercare.h"

#include <stdint.h>
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

/* AFTERCARE_NO_FAST_PATH=1 sends every query through the parser: the tests
 * compare both paths. */
static bool ac_no_fast_path;

__attribute__((constructor)) static void ac_library_init(void) {
  const char *v = getenv("AFTERCARE_NO_FAST_PATH");
  ac_no_fast_path = v && *v && strcmp(v, "0") != 0;
}

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
  ac_request r;
  if (p->diags.errors == 0 && !ac_no_fast_path && ac_request_fast(p->protocol, query, &r)) {
    ac_output_answer(p->protocol, p->scratch, &r, query, f, out);
    return 0;
  }
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

/* A `can` query of a batch on its way through the steps of its answer. */
typedef struct ac_batch_item {
  ac_fast_query fq;        /* its phrase's key and its day */
  uint64_t hash;           /* of the key */
  bool parsed;             /* the plain form: fq holds it */
  const ac_activity *act;  /* found: the fast path answers it */
  const ac_timeline *tl;
  const ac_segment *seg;   /* the segment of its day, NULL: unknown */
} ac_batch_item;

/* The steps of a `can` answer in a batch; each reads what the one before
 * asked the processor to load, and asks for what the next one reads. */
enum {
  AC_BATCH_PARSE,    /* the text: key and day; load the name table's slot */
  AC_BATCH_SLOT,     /* the slot's tag: load its key and the entity */
  AC_BATCH_ENTRY,    /* the entity: load its timeline's pointer */
  AC_BATCH_POINTER,  /* load the timeline */
  AC_BATCH_TIMELINE, /* load the middle of its segments */
  AC_BATCH_SEGMENT,  /* the binary search: load the segment's rules */
  AC_BATCH_RULES,    /* load the rules */
  AC_BATCH_TEXTS,    /* load their names, statements and `because` texts */
  AC_BATCH_ANSWER,   /* write the answer */
  AC_BATCH_STEPS     /* number of steps */
};
/* Queries in flight at once: at least AC_BATCH_STEPS, a power of two. */
#define AC_BATCH_RING 16

/* Takes the query `it` (text: query) through one step. */
static inline void ac_batch_step(const ac_protocol *p, bool fast, int step, ac_batch_item *it,
                                 const char *query) {
  switch (step) {
  case AC_BATCH_PARSE:
    it->act = NULL;
    it->tl = NULL;
    it->seg = NULL;
    it->parsed = fast && ac_fast_parse(query, &it->fq);
    if (it->parsed) {
      it->hash = ac_names_hash(it->fq.key);
      ac_names_prefetch_hashed(p->phrases, it->hash);
    }
    break;
  case AC_BATCH_SLOT:
    if (it->parsed) ac_names_prefetch_entry(p->phrases, it->hash);
    break;
  case AC_BATCH_ENTRY:
    if (it->parsed && (it->act = ac_names_get_hashed(p->phrases, it->fq.key, it->hash)))
      __builtin_prefetch(&p->final_tl[it->act->e.index]);
    break;
  case AC_BATCH_POINTER:
    if (it->act && (it->tl = p->final_tl[it->act->e.index]))
      __builtin_prefetch(it->tl);
    break;
  case AC_BATCH_TIMELINE:
    if (it->tl && it->tl->nsegs > 0)
      __builtin_prefetch(&it->tl->segs[it->tl->nsegs / 2]);
    break;
  case AC_BATCH_SEGMENT:
    if (it->tl && (it->seg = ac_timeline_find(it->tl, it->fq.day))) {
      __builtin_prefetch(it->seg->rules);
      if (it->seg->line) __builtin_prefetch(it->seg->line);
    }
    break;
  case AC_BATCH_RULES:
    if (it->seg && !it->seg->line)
      for (int k = 0; k < it->seg->nrules && k < 2; k++)
        __builtin_prefetch(it->seg->rules[k]);
    break;
  case AC_BATCH_TEXTS:
    if (it->seg && !it->seg->line)
      for (int k = 0; k < it->seg->nrules && k < 2; k++) {
        const ac_rule *rule = it->seg->rules[k];
        __builtin_prefetch(rule->e.name);
        __builtin_prefetch(rule->e.decl);
        if (rule->because) __builtin_prefetch(rule->because);
      }
    break;
  }
}

int aftercare_ask_batch(aftercare *p, const char *const *queries, const int *lines, size_t n,
                        aftercare_format fmt, FILE *out, FILE *err, const char *where,
                        int color) {
  /* The plain `can` queries go through the steps of an answer as on an
   * assembly line: while one query is answered, the next is at the step
   * before, and so on back to the one being parsed.  Each step asks the
   * processor to load what the query's next step will read, a whole
   * answer's work later: the cache misses of a large protocol (a name
   * table, an activity, its timeline, its segments, its rules) overlap
   * instead of queueing.  The answers come out in order, each the one
   * aftercare_ask gives. */
  const ac_protocol *proto = p->protocol;
  ac_format f = ac_format_of(fmt);
  bool fast = p->diags.errors == 0 && !ac_no_fast_path;
  int failed = 0;
  ac_batch_item ring[AC_BATCH_RING];
  /* At tick t, query t - s is at step s: one step apart, a whole answer's
   * work between two steps of a query, time enough for a load from
   * memory (two or more steps apart measured slower).  The later steps go
   * first: a query leaves its place in the ring before the next takes it. */
  for (size_t t = 0; t < n + AC_BATCH_STEPS - 1; t++) {
    /* Unrolled: each step's code in line, no switch. */
#pragma GCC unroll 16
    for (int s = AC_BATCH_STEPS - 1; s >= 0; s--) {
      if (t < (size_t)s || t - (size_t)s >= n) continue;
      size_t i = t - (size_t)s;
      ac_batch_item *it = &ring[i % AC_BATCH_RING];
      if (s != AC_BATCH_ANSWER) {
        ac_batch_step(proto, fast, s, it, queries[i]);
      } else if (it->act) {
        ac_request req;
        ac_request_plain_can(&req, it->act, it->fq.day);
        ac_arena_reset(p->scratch);
        ac_output_answer(proto, p->scratch, &req, queries[i], f, out);
      } else {
        failed += aftercare_ask(p, queries[i], fmt, out, err, where, lines ? lines[i] : 0, color);
      }
    }
  }
  return failed;
}

const char *aftercare_can(aftercare *p, const char *activity, int day) {
  ac_arena_reset(p->scratch);
  if (p->diags.errors > 0) return NULL;
  ac_entity *e = ac_names_get(p->protocol->phrases, ac_phrase_key(p->scratch, 'a', activity));
  if (!e) return NULL;
  ac_request r;
  ac_request_plain_can(&r, (const ac_activity *)e, day);
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
