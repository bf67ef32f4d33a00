/*
 * timeline.c -- compiling rules into per-activity timelines; see
 * timeline.h.
 *
 * For each activity: gather the pieces (rule, days) that apply to it,
 * ordered by class (extension before base, activity rule before group
 * rule) and start day.  Classes are swept from the strongest: a sweep with
 * a heap of active pieces cuts the class into elementary segments; the
 * parts of each segment that no stronger class already decides are added
 * to the result.  Every step is O(n log n) in the number of pieces.
 */
#include "config.h"

#include "timeline.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* A rule applied to one activity: its days, after `overrides` carving. */
typedef struct ac_piece {
  int32_t from, to;
  int cls;     /* smaller is stronger */
  int slot;    /* where by_activity holds its rule */
  ac_rule *rule;
  bool alive;  /* in the sweep's active set */
  bool marked; /* its rule is already marked used */
} ac_piece;

/* A segment as the sweep makes it, its rules in by_activity or in the
 * scratch arena (ac_store_timeline writes the segments that stay). */
typedef struct ac_span {
  int32_t from, to;
  ac_verdict verdict;
  int nrules, nmore;
  ac_rule **rules;
} ac_span;

typedef struct ac_tl_ctx {
  ac_protocol *p;
  bool final_mode;   /* include final-only rules */
  bool report;       /* report conflicts (once, in the final mode) */
  ac_names *pairs;   /* conflicts already reported */
  /* The lists of rules the sweep makes for one activity (kept in its
   * timeline's block, after its segments). */
  ac_arena *scratch;
  /* per activity: indices of rules that apply, counted then filled.  A
   * span with one reason points into it (most segments have one: no array
   * of their own). */
  int *start, *fill;
  ac_rule **by_activity;
  /* scratch, reused across activities */
  ac_piece *pieces;
  size_t npieces, cap;
  ac_piece **heap;
  size_t nheap, capheap;
  ac_piece **unmarked;
  size_t nunmarked, capunmarked;
  ac_span *result, *next;
  size_t nresult, nnext, capseg, capresult;
  ac_rule **reasons;
} ac_tl_ctx;

const ac_timeline *ac_timeline_for(const ac_protocol *p, int activity, bool final_session) {
  const ac_activity *a = AC_ACTIVITY(p, activity);
  return final_session ? &a->final_tl : &a->every_tl;
}

int ac_timeline_lower(const ac_timeline *t, int32_t day) {
  int lo = 0, hi = t->nsegs;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    if (t->ends[mid] < day)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

const ac_segment *ac_timeline_find(const ac_timeline *t, int32_t day) {
  if (!t) return NULL;
  int i = ac_timeline_lower(t, day);
  if (i < t->nsegs && t->segs[i].from <= day) return &t->segs[i];
  return NULL;
}

static void *ac_grow(void *p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return p;
  size_t c = *cap ? *cap : 16;
  while (c < need) c *= 2;
  void *q = realloc(p, c * size);
  if (!q) abort();
  *cap = c;
  return q;
}

/* ---- Gathering the rules of each activity ---- */

static bool ac_rule_in_force(const ac_tl_ctx *c, const ac_rule *r) {
  return !r->e.replaced && (c->final_mode || !r->final_only);
}

static void ac_gather(ac_tl_ctx *c) {
  ac_protocol *p = c->p;
  int na = AC_NACTIVITIES(p);
  ac_vec *rules = &p->entities[AC_ENT_RULE];
  c->start = calloc((size_t)na + 1, sizeof *c->start);
  c->fill = calloc((size_t)na + 1, sizeof *c->fill);
  if (!c->start || !c->fill) abort();
  for (size_t i = 0; i < rules->len; i++) {
    ac_rule *r = rules->items[i];
    if (!ac_rule_in_force(c, r)) continue;
    if (r->target.is_group) {
      ac_group *g = p->entities[AC_ENT_GROUP].items[r->target.index];
      for (int k = 0; k < g->nmembers; k++) c->start[g->members[k] + 1]++;
    } else {
      c->start[r->target.index + 1]++;
    }
  }
  for (int a = 0; a < na; a++) c->start[a + 1] += c->start[a];
  c->by_activity = calloc((size_t)c->start[na] + 1, sizeof *c->by_activity);
  if (!c->by_activity) abort();
  for (size_t i = 0; i < rules->len; i++) {
    ac_rule *r = rules->items[i];
    if (!ac_rule_in_force(c, r)) continue;
    if (r->target.is_group) {
      ac_group *g = p->entities[AC_ENT_GROUP].items[r->target.index];
      for (int k = 0; k < g->nmembers; k++) {
        int a = g->members[k];
        c->by_activity[c->start[a] + c->fill[a]++] = r;
      }
    } else {
      int a = r->target.index;
      c->by_activity[c->start[a] + c->fill[a]++] = r;
    }
  }
}

static int ac_piece_compare(const void *x, const void *y) {
  const ac_piece *a = x, *b = y;
  if (a->cls != b->cls) return a->cls < b->cls ? -1 : 1;
  if (a->from != b->from) return a->from < b->from ? -1 : 1;
  /* A piece wholly carved away by `overrides` has no rule left. */
  int oa = a->rule ? a->rule->order : -1, ob = b->rule ? b->rule->order : -1;
  return (oa > ob) - (oa < ob);
}

static void ac_add_piece(ac_tl_ctx *c, int32_t from, int32_t to, int cls, int slot,
                         ac_rule *r) {
  c->pieces = ac_grow(c->pieces, &c->cap, c->npieces + 1, sizeof *c->pieces);
  ac_piece *pc = &c->pieces[c->npieces++];
  pc->from = from;
  pc->to = to;
  pc->cls = cls;
  pc->slot = slot;
  pc->rule = r;
  pc->alive = false;
  pc->marked = false;
}

/* Removes [from, to] from every piece of rule `loser` in class cls. */
static void ac_carve(ac_tl_ctx *c, const ac_rule *loser, int cls, int32_t from, int32_t to) {
  size_t n = c->npieces;
  for (size_t i = 0; i < n; i++) {
    ac_piece *pc = &c->pieces[i];
    if (pc->rule != loser || pc->cls != cls || pc->to < from || pc->from > to) continue;
    int32_t pf = pc->from, pt = pc->to;
    ac_rule *r = pc->rule;
    if (pf < from) {
      pc->to = from - 1;
      if (pt > to) ac_add_piece(c, to + 1, pt, cls, pc->slot, r);
    } else if (pt > to) {
      pc->from = to + 1;
    } else {
      pc->rule = NULL; /* wholly overridden */
    }
  }
}

/* ---- The sweep of one class ---- */

static bool ac_heap_less(const ac_piece *a, const ac_piece *b) { return a->to < b->to; }

static void ac_heap_push(ac_tl_ctx *c, ac_piece *pc) {
  c->heap = ac_grow(c->heap, &c->capheap, c->nheap + 1, sizeof *c->heap);
  size_t i = c->nheap++;
  c->heap[i] = pc;
  while (i > 0) {
    size_t parent = (i - 1) / 2;
    if (!ac_heap_less(c->heap[i], c->heap[parent])) break;
    ac_piece *t = c->heap[i];
    c->heap[i] = c->heap[parent];
    c->heap[parent] = t;
    i = parent;
  }
}

static ac_piece *ac_heap_pop(ac_tl_ctx *c) {
  ac_piece *top = c->heap[0];
  c->heap[0] = c->heap[--c->nheap];
  size_t i = 0;
  for (;;) {
    size_t l = 2 * i + 1, r = l + 1, m = i;
    if (l < c->nheap && ac_heap_less(c->heap[l], c->heap[m])) m = l;
    if (r < c->nheap && ac_heap_less(c->heap[r], c->heap[m])) m = r;
    if (m == i) break;
    ac_piece *t = c->heap[i];
    c->heap[i] = c->heap[m];
    c->heap[m] = t;
    i = m;
  }
  return top;
}

static int ac_rule_order_compare(const void *x, const void *y) {
  const ac_rule *a = *(ac_rule *const *)x, *b = *(ac_rule *const *)y;
  return (a->order > b->order) - (a->order < b->order);
}

/* A rule's verdict in a conflict: "forbidden"; "conditional" for a rule
 * that allows on a condition, else "conditional: discouraged or
 * forbidden". */
static const char *ac_rule_verdicts(ac_arena *a, const ac_rule *r) {
  if (r->verdict != AC_CONDITIONAL || ac_verdict_allows_if(r->holds, r->otherwise))
    return ac_verdict_name(r->verdict);
  /* TRANSLATORS: a conditional rule's two verdicts, untranslated words */
  return ac_arena_printf(a, _("%s: %s or %s"), ac_verdict_name(AC_CONDITIONAL),
                         ac_verdict_name(r->holds), ac_verdict_name(r->otherwise));
}

static void ac_report_conflict(ac_tl_ctx *c, const ac_rule *a, const ac_rule *b, int32_t day) {
  if (!c->report || a->bad_overrides || b->bad_overrides) return;
  if (a->order > b->order) {
    const ac_rule *t = a;
    a = b;
    b = t;
  }
  char key[48];
  snprintf(key, sizeof key, "%d:%d", a->order, b->order);
  if (ac_names_get(c->pairs, key)) return;
  ac_names_put(c->pairs, ac_arena_strdup(c->p->arena, key), c->pairs); /* only the key */
  /* The error is at the later rule; the note points at the earlier. */
  ac_diags *d = c->p->diags;
  ac_diag *g = ac_diag_add(
      d, AC_SEV_ERROR, AC_E_CONFLICT, b->e.layer->src, ac_entity_loc(&b->e),
      _("rule '%s' (%s) conflicts with rule '%s' (%s) on day %ld: narrow a range, or say which wins with 'overrides'"),
      b->e.name, ac_rule_verdicts(c->p->arena, b), a->e.name, ac_rule_verdicts(c->p->arena, a),
      (long)day);
  ac_diag_note(d, g, a->e.layer->src, ac_entity_loc(&a->e), _("rule '%s' is here"), a->e.name);
}

/* The day a conflict of pieces x and y that overlap from pos on names:
 * pos; when both are open at the start, day 0 if they overlap there, else
 * their last common day (not day -2147483648). */
static int32_t ac_conflict_day(const ac_piece *x, const ac_piece *y, int64_t pos) {
  if (pos != AC_DAY_MIN) return (int32_t)pos;
  int32_t end = x->to < y->to ? x->to : y->to;
  return end < 0 ? end : 0;
}

/* Appends [from, to] with the active set's verdict to c->next, minus the
 * days c->result already decides (ri walks c->result); nmore: the active
 * rules not in `rules` (past AC_MAX_REASONS). */
static bool ac_emit(ac_tl_ctx *c, int32_t from, int32_t to, ac_verdict v, ac_rule **rules,
                    int nrules, int nmore, size_t *ri) {
  bool emitted = false;
  int64_t pos = from;
  while (pos <= to) {
    while (*ri < c->nresult && c->result[*ri].to < pos) (*ri)++;
    int64_t stop = to;
    if (*ri < c->nresult && c->result[*ri].from <= pos) {
      pos = (int64_t)c->result[*ri].to + 1; /* decided by a stronger class */
      continue;
    }
    if (*ri < c->nresult && c->result[*ri].from <= to) stop = (int64_t)c->result[*ri].from - 1;
    c->next = ac_grow(c->next, &c->capseg, c->nnext + 1, sizeof *c->next);
    c->next[c->nnext++] = (ac_span){.from = (int32_t)pos, .to = (int32_t)stop, .verdict = v,
                                    .nrules = nrules, .nmore = nmore, .rules = rules};
    emitted = true;
    pos = stop + 1;
  }
  return emitted;
}

/* Sweeps pieces [lo, hi) (one class, sorted by start) into c->next. */
static void ac_sweep(ac_tl_ctx *c, size_t lo, size_t hi) {
  c->nheap = 0;
  c->nunmarked = 0;
  int count[AC_UNKNOWN + 1] = {0};
  size_t i = lo, ri = 0;
  int64_t pos = AC_DAY_MIN;
  while (i < hi || c->nheap > 0) {
    if (c->nheap == 0) pos = c->pieces[i].from;
    /* Activate every piece starting at pos. */
    while (i < hi && c->pieces[i].from <= pos) {
      ac_piece *pc = &c->pieces[i++];
      if (!pc->rule) continue;
      ac_verdict v = pc->rule->verdict;
      if (c->report) {
        for (int k = 0; k <= AC_UNKNOWN; k++) {
          if (k == (int)v || count[k] == 0) continue;
          for (size_t h = 0; h < c->nheap; h++)
            if (c->heap[h]->rule->verdict == (ac_verdict)k) {
              ac_report_conflict(c, c->heap[h]->rule, pc->rule, ac_conflict_day(c->heap[h], pc, pos));
              break;
            }
          break;
        }
        /* Conditional rules combine when they give the same two verdicts;
         * with other two they disagree in some case of the facts. */
        if (v == AC_CONDITIONAL && count[AC_CONDITIONAL] > 0)
          for (size_t h = 0; h < c->nheap; h++) {
            const ac_rule *o = c->heap[h]->rule;
            if (o->verdict != AC_CONDITIONAL ||
                (o->holds == pc->rule->holds && o->otherwise == pc->rule->otherwise))
              continue;
            ac_report_conflict(c, o, pc->rule, ac_conflict_day(c->heap[h], pc, pos));
            break;
          }
      }
      count[v]++;
      pc->alive = true;
      ac_heap_push(c, pc);
      c->unmarked = ac_grow(c->unmarked, &c->capunmarked, c->nunmarked + 1, sizeof *c->unmarked);
      c->unmarked[c->nunmarked++] = pc;
    }
    if (c->nheap == 0) continue;
    /* The segment runs to the first end or the next start. */
    int64_t end = c->heap[0]->to;
    if (i < hi && (int64_t)c->pieces[i].from - 1 < end) end = (int64_t)c->pieces[i].from - 1;
    /* Its verdict: the strictest active one (a conflict is reported). */
    ac_verdict v = AC_UNKNOWN;
    for (int k = 0; k < AC_UNKNOWN; k++)
      if (count[k]) {
        v = (ac_verdict)k;
        break;
      }
    /* Its reasons: the active rules of that verdict, in order; past
     * AC_MAX_REASONS (but for conditional rules) the first in order, and
     * how many more.  One rule (the common case) is the array of one that
     * by_activity holds. */
    int n = 0, total = 0;
    const ac_piece *one = NULL;
    for (size_t h = 0; h < c->nheap; h++)
      if (c->heap[h]->rule->verdict == v) {
        one = c->heap[h];
        total++;
      }
    bool all = v == AC_CONDITIONAL || total <= AC_MAX_REASONS;
    ac_rule **rules;
    if (total == 1) {
      rules = &c->by_activity[one->slot];
      n = 1;
    } else {
      rules = ac_arena_array(c->scratch, all ? (size_t)total : AC_MAX_REASONS, sizeof *rules);
      for (size_t h = 0; h < c->nheap; h++) {
        ac_rule *x = c->heap[h]->rule;
        if (x->verdict != v) continue;
        if (all) {
          rules[n++] = x;
          continue;
        }
        /* the AC_MAX_REASONS first in order, kept sorted by insertion */
        if (n == AC_MAX_REASONS && rules[n - 1]->order < x->order) continue;
        int b = n < AC_MAX_REASONS ? n++ : n - 1;
        for (; b > 0 && rules[b - 1]->order > x->order; b--) rules[b] = rules[b - 1];
        rules[b] = x;
      }
    }
    if (all && n > 16) {
      qsort(rules, (size_t)n, sizeof *rules, ac_rule_order_compare);
    } else if (all) {
      for (int a = 1; a < n; a++) { /* in order: few, by insertion */
        ac_rule *x = rules[a];
        int b = a;
        for (; b > 0 && rules[b - 1]->order > x->order; b--) rules[b] = rules[b - 1];
        rules[b] = x;
      }
    }
    if (ac_emit(c, (int32_t)pos, (int32_t)end, v, rules, n, total - n, &ri)) {
      for (size_t u = 0; u < c->nunmarked; u++) {
        ac_piece *pc = c->unmarked[u];
        if (pc->alive && !pc->marked) {
          pc->marked = true;
          pc->rule->used = true;
        }
      }
      c->nunmarked = 0;
    }
    /* Retire the pieces that end here. */
    while (c->nheap > 0 && c->heap[0]->to <= end) {
      ac_piece *pc = ac_heap_pop(c);
      pc->alive = false;
      count[pc->rule->verdict]--;
    }
    if (end >= AC_DAY_MAX) break;
    pos = end + 1;
  }
  /* Drop dead entries the sweep left behind. */
  c->nunmarked = 0;
}

/* Merges c->next into c->result (they are disjoint, both sorted). */
static void ac_merge(ac_tl_ctx *c, ac_span **tmp, size_t *tmpcap) {
  size_t n = c->nresult + c->nnext;
  *tmp = ac_grow(*tmp, tmpcap, n + 1, sizeof **tmp);
  size_t i = 0, j = 0, k = 0;
  while (i < c->nresult || j < c->nnext) {
    if (j >= c->nnext || (i < c->nresult && c->result[i].from < c->next[j].from))
      (*tmp)[k++] = c->result[i++];
    else
      (*tmp)[k++] = c->next[j++];
  }
  ac_span *t = c->result;
  c->result = *tmp;
  *tmp = t;
  size_t tc = *tmpcap;
  *tmpcap = c->capresult;
  c->capresult = tc;
  c->nresult = k;
  c->nnext = 0;
}

static bool ac_same_reasons(const ac_span *a, const ac_span *b) {
  if (a->verdict != b->verdict || a->nrules != b->nrules || a->nmore != b->nmore) return false;
  for (int i = 0; i < a->nrules; i++)
    if (a->rules[i] != b->rules[i]) return false;
  return true;
}

/* Writes the spans as the timeline t: one block, in the order an answer
 * reads it: the ends the search reads, the segments, then the lists of
 * rules of the segments that have more than they hold (a list that spans
 * cut by a stronger class share is written once). */
static void ac_store_timeline(ac_arena *a, ac_timeline *t, const ac_span *spans, size_t n) {
  const size_t align = _Alignof(ac_segment);
  size_t ends_size = (n * sizeof *t->ends + align - 1) & ~(align - 1);
  size_t lists_size = 0;
  ac_rule **last = NULL;
  for (size_t i = 0; i < n; i++)
    if (spans[i].nrules > AC_SEGMENT_HELD && spans[i].rules != last) {
      lists_size += sizeof(ac_rule_list) + (size_t)spans[i].nrules * sizeof(ac_rule *);
      last = spans[i].rules;
    }
  char *block = ac_arena_alloc(a, ends_size + n * sizeof *t->segs + lists_size);
  t->nsegs = (int)n;
  t->ends = (int32_t *)block;
  t->segs = (ac_segment *)(block + ends_size); /* none past nsegs is read */
  char *lists = block + ends_size + n * sizeof *t->segs;
  ac_rule_list *list = NULL;
  last = NULL;
  for (size_t i = 0; i < n; i++) {
    const ac_span *sp = &spans[i];
    ac_segment *seg = &t->segs[i];
    t->ends[i] = sp->to;
    *seg = (ac_segment){.from = sp->from, .to = sp->to, .verdict = sp->verdict,
                        .nrules = sp->nrules};
    if (sp->nrules <= AC_SEGMENT_HELD) {
      for (int k = 0; k < sp->nrules; k++) seg->held[k] = sp->rules[k];
      continue;
    }
    if (sp->rules != last) {
      list = (ac_rule_list *)lists;
      list->nmore = sp->nmore;
      memcpy(list->rules, sp->rules, (size_t)sp->nrules * sizeof *sp->rules);
      lists += sizeof *list + (size_t)sp->nrules * sizeof *sp->rules;
      last = sp->rules;
    }
    seg->several = list;
  }
}

static void ac_compile_activity(ac_tl_ctx *c, int a, ac_timeline *t, ac_span **tmp,
                                size_t *tmpcap) {
  ac_protocol *p = c->p;
  int nlayers = p->nlayers;
  c->npieces = 0;
  for (int k = c->start[a]; k < c->start[a + 1]; k++) {
    ac_rule *r = c->by_activity[k];
    int cls = 2 * (nlayers - 1 - r->e.layer->depth) + (r->target.is_group ? 1 : 0);
    ac_add_piece(c, r->from, r->to, cls, k, r);
  }
  /* `overrides` within one protocol: the winner's days leave the loser. */
  size_t n0 = c->npieces;
  for (size_t i = 0; i < n0; i++) {
    ac_piece pc = c->pieces[i];
    if (!pc.rule) continue;
    for (int k = 0; k < pc.rule->noverrides; k++)
      ac_carve(c, pc.rule->overrides[k], pc.cls, pc.from, pc.to);
  }
  /* An activity has few rules, mostly written in day order: insertion sort
   * is linear then; qsort for the rare activity with many. */
  if (c->npieces > 32) {
    qsort(c->pieces, c->npieces, sizeof *c->pieces, ac_piece_compare);
  } else {
    for (size_t i = 1; i < c->npieces; i++) {
      ac_piece x = c->pieces[i];
      size_t j = i;
      while (j > 0 && ac_piece_compare(&c->pieces[j - 1], &x) > 0) {
        c->pieces[j] = c->pieces[j - 1];
        j--;
      }
      c->pieces[j] = x;
    }
  }
  c->nresult = 0;
  size_t lo = 0;
  while (lo < c->npieces) {
    size_t hi = lo;
    while (hi < c->npieces && c->pieces[hi].cls == c->pieces[lo].cls) hi++;
    c->nnext = 0;
    ac_sweep(c, lo, hi);
    ac_merge(c, tmp, tmpcap);
    lo = hi;
  }
  /* Adjacent segments with the same verdict and reasons become one. */
  size_t k = 0;
  for (size_t i = 0; i < c->nresult; i++) {
    if (k > 0 && (int64_t)c->result[k - 1].to + 1 == c->result[i].from &&
        ac_same_reasons(&c->result[k - 1], &c->result[i]))
      c->result[k - 1].to = c->result[i].to;
    else
      c->result[k++] = c->result[i];
  }
  ac_store_timeline(p->arena, t, c->result, k);
}

/* Compiles every activity's timeline after the final session (final_mode),
 * or after another one. */
static void ac_compile_all(ac_protocol *p, bool final_mode, bool report) {
  ac_tl_ctx c;
  memset(&c, 0, sizeof c);
  c.p = p;
  c.final_mode = final_mode;
  c.report = report;
  c.pairs = ac_names_new(p->arena);
  c.scratch = ac_arena_new();
  ac_gather(&c);
  int na = AC_NACTIVITIES(p);
  ac_span *tmp = NULL;
  size_t tmpcap = 0;
  for (int a = 0; a < na; a++) {
    ac_activity *act = AC_ACTIVITY(p, a);
    ac_compile_activity(&c, a, final_mode ? &act->final_tl : &act->every_tl, &tmp, &tmpcap);
    ac_arena_reset(c.scratch);
  }
  free(tmp);
  ac_arena_free(c.scratch);
  free(c.by_activity);
  free(c.start);
  free(c.fill);
  free(c.pieces);
  free(c.heap);
  free(c.unmarked);
  free(c.result);
  free(c.next);
}

void ac_timeline_compile(ac_protocol *p) {
  ac_compile_all(p, true, true);
  if (p->has_final_only) {
    ac_compile_all(p, false, false);
  } else {
    for (int a = 0; a < AC_NACTIVITIES(p); a++)
      AC_ACTIVITY(p, a)->every_tl = AC_ACTIVITY(p, a)->final_tl;
  }
}
