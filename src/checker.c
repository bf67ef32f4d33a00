/*
 * checker.c -- semantic analysis of a protocol chain; see checker.h.
 *
 * Passes, each linear in the size of the chain:
 *   1. headers and extends placement, per file;
 *   2. declarations: every named thing enters one name table;
 *   3. resolution: targets, members, conditions, overrides, expectations;
 *   4. the timelines (timeline.c), then constraints and warnings.
 */
#include "config.h"

#include "checker.h"

#include <stdlib.h>
#include <string.h>

#include "condition.h"
#include "i18n.h"
#include "parse.h"
#include "query.h"
#include "timeline.h"

ac_entity *ac_check_lookup(const ac_protocol *p, const char *name) {
  return ac_names_get(p->names, name);
}

/* ---- Small helpers ---- */

#define AC_ERR(p, layer, loc, code, ...) \
  ac_diag_add((p)->diags, AC_SEV_ERROR, (code), (layer)->src, (loc), __VA_ARGS__)

static const ac_clause *ac_clause_find(const ac_stmt *s, ac_clause_kind k) {
  for (const ac_clause *c = s->clauses; c; c = c->next)
    if (c->kind == k) return c;
  return NULL;
}

static const char *ac_clause_word(ac_clause_kind k) {
  switch (k) {
  case AC_CLAUSE_BECAUSE: return "because";
  case AC_CLAUSE_CITES: return "cites";
  case AC_CLAUSE_IF: return "if";
  case AC_CLAUSE_UNLESS: return "unless";
  case AC_CLAUSE_OTHERWISE: return "otherwise";
  case AC_CLAUSE_FINAL: return "after final session";
  case AC_CLAUSE_EVERY: return "after every session";
  case AC_CLAUSE_OVERRIDES: return "overrides";
  case AC_CLAUSE_ADVICE: return "advice";
  case AC_CLAUSE_LEVEL: return "level";
  case AC_CLAUSE_ALIASES: return "aliases";
  }
  return "?";
}

/* Reports repeated clauses and clauses this statement does not take. */
static void ac_check_clauses(ac_protocol *p, const ac_layer *layer, const ac_stmt *s,
                             unsigned allowed, const char *what) {
  unsigned seen = 0;
  for (const ac_clause *c = s->clauses; c; c = c->next) {
    unsigned bit = 1u << c->kind;
    /* if and unless are one condition; every and final one session mode */
    unsigned group = bit;
    if (c->kind == AC_CLAUSE_IF || c->kind == AC_CLAUSE_UNLESS)
      group = (1u << AC_CLAUSE_IF) | (1u << AC_CLAUSE_UNLESS);
    if (c->kind == AC_CLAUSE_FINAL || c->kind == AC_CLAUSE_EVERY)
      group = (1u << AC_CLAUSE_FINAL) | (1u << AC_CLAUSE_EVERY);
    if (!(allowed & bit))
      AC_ERR(p, layer, c->loc, AC_E_CLAUSE, _("'%s' does not belong in %s"),
             ac_clause_word(c->kind), what);
    else if (seen & group)
      AC_ERR(p, layer, c->loc, AC_E_CLAUSE, _("'%s' repeated: say it once"),
             ac_clause_word(c->kind));
    seen |= group;
  }
}

#define CL(k) (1u << (k))

/* Checks days against the 32-bit range and order. */
static bool ac_check_days(ac_protocol *p, const ac_layer *layer, const ac_days *d,
                          int32_t *from, int32_t *to) {
  bool ok = true;
  bool from_bad = ac_days_bound_bad(d->open_from, d->from);
  if (from_bad) {
    AC_ERR(p, layer, d->ends[0], AC_E_DAY_RANGE,
           _("day out of range: days go from %ld to %ld"), (long)AC_DAY_MIN,
           (long)AC_DAY_MAX);
    ok = false;
  }
  if (ac_days_bound_bad(d->open_to, d->to)) {
    /* `day N` has one number for both ends: reported once.  (`first N
     * days` has one number too, but its start, day 0, is fine.) */
    if (!from_bad || d->ends[1].first_column != d->ends[0].first_column ||
        d->ends[1].first_line != d->ends[0].first_line)
      AC_ERR(p, layer, d->ends[1], AC_E_DAY_RANGE,
             _("day out of range: days go from %ld to %ld"), (long)AC_DAY_MIN,
             (long)AC_DAY_MAX);
    ok = false;
  }
  if (!ok) return false;
  *from = d->open_from ? AC_DAY_MIN : (int32_t)d->from;
  *to = d->open_to ? AC_DAY_MAX : (int32_t)d->to;
  if (*from > *to) {
    if (d->reversed_ok)
      AC_ERR(p, layer, d->loc, AC_E_EMPTY_RANGE,
             _("this range has no day in it (it would run from day %ld to day %ld)"),
             (long)*from, (long)*to);
    else
      AC_ERR(p, layer, d->loc, AC_E_REVERSED,
             _("reversed range: day %ld comes after day %ld (write days %ld..%ld)"),
             (long)*from, (long)*to, (long)*to, (long)*from);
    return false;
  }
  return true;
}

/* ---- Unknown names ---- */

typedef struct ac_kind_mask {
  unsigned mask;
} ac_kind_mask;

static int ac_accept_mask(void *value, void *ctx) {
  const ac_entity *e = value;
  return (((ac_kind_mask *)ctx)->mask >> e->kind) & 1u;
}

void ac_check_report_unknown(ac_protocol *p, const ac_source *src, ac_loc loc,
                       const char *name, unsigned mask, const char *what) {
  const char *hint = NULL;
  if (!ac_diags_full(p->diags)) {
    ac_kind_mask m = {mask};
    ac_names_sort(p->names);
    hint = ac_names_suggest(p->names, name, ac_accept_mask, &m);
  }
  if (hint)
    ac_diag_add(p->diags, AC_SEV_ERROR, AC_E_UNKNOWN, src, loc,
                _("unknown %s '%s' (did you mean '%s'?)"), what, name, hint);
  else
    ac_diag_add(p->diags, AC_SEV_ERROR, AC_E_UNKNOWN, src, loc, _("unknown %s '%s'"),
                what, name);
}

/* ---- Pass 1: headers ---- */

static void ac_check_header(ac_protocol *p, ac_layer *layer, int syntax_errors) {
  const ac_stmt *first = layer->file->stmts;
  bool seen_extends = false;
  layer->horizon = -1;
  /* Only the header and extends statements: the parser listed them. */
  for (size_t i = 0; i < layer->file->heads.len; i++) {
    const ac_stmt *s = layer->file->heads.items[i];
    if (s->kind == AC_STMT_HEADER) {
      if (layer->header) {
        ac_diag *g = AC_ERR(p, layer, s->loc, AC_E_HEADER,
                            _("a second protocol header: a file holds one protocol"));
        ac_diag_note(p->diags, g, layer->src, layer->header->loc,
                     _("the first header is here"));
        continue;
      }
      if (s != first)
        AC_ERR(p, layer, s->loc, AC_E_HEADER,
               _("the protocol header must come first in the file"));
      layer->header = s;
      layer->name = s->name->name;
      const ac_header_field *seen[AC_FIELD_COUNT] = {0};
      for (const ac_header_field *f = s->fields; f; f = f->next) {
        if (seen[f->field]) {
          ac_diag *g = AC_ERR(p, layer, f->loc, AC_E_HEADER,
                              _("this header field is already set"));
          ac_diag_note(p->diags, g, layer->src, seen[f->field]->loc,
                       _("it is set here"));
          continue;
        }
        seen[f->field] = f;
        if (f->field == AC_FIELD_HORIZON)
          layer->horizon = f->value;
        else if (f->field == AC_FIELD_SESSIONS)
          layer->sessions = f->value;
        else
          layer->fields[f->field] = f->text.text;
      }
    } else if (s->kind == AC_STMT_EXTENDS) {
      if (seen_extends)
        AC_ERR(p, layer, s->loc, AC_E_EXTENDS_PLACE,
               _("a protocol extends at most one other protocol"));
      else if (s->after_other)
        AC_ERR(p, layer, s->loc, AC_E_EXTENDS_PLACE,
               _("'extends' must come right after the protocol header"));
      seen_extends = true;
    }
  }
  if (!layer->header && syntax_errors == 0) {
    ac_loc loc = {1, 1, 1, 2};
    if (!first)
      AC_ERR(p, layer, loc, AC_E_EMPTY,
             _("empty protocol: a protocol starts with 'protocol NAME { ... }'"));
    else
      AC_ERR(p, layer, first->loc, AC_E_EMPTY,
             _("no protocol header: a protocol starts with 'protocol NAME { ... }'"));
  }
}

/* ---- Pass 2: declarations ---- */

static const char *ac_day_part(ac_arena *a, int64_t d, bool open, const char *open_word) {
  if (open) return open_word;
  if (d < 0) return ac_arena_printf(a, "m%lld", -(long long)d);
  return ac_arena_printf(a, "%lld", (long long)d);
}

const char *ac_check_derived_name(ac_arena *a, const ac_stmt *s) {
  return ac_arena_printf(a, "%s_%s_%s_%s", ac_verdict_verb(s->verb), s->target->name,
                         ac_day_part(a, s->days->from, s->days->open_from, "start"),
                         ac_day_part(a, s->days->to, s->days->open_to, "end"));
}

static const char *ac_triage_derived_name(ac_arena *a, const ac_stmt *s) {
  size_t len = 17; /* triage_otherwise */
  for (const ac_symptom_item *i = s->items; i; i = i->next)
    len += strlen(i->name->name) + 32; /* _at_most_moderate_, _mild_to_moderate_ */
  char *out = ac_arena_alloc(a, len + 1);
  char *o = stpcpy(out, "triage"); /* stpcpy, not strcat: linear in the items */
  if (s->fallback) {
    stpcpy(o, "_otherwise");
    return out;
  }
  for (const ac_symptom_item *i = s->items; i; i = i->next) {
    o = stpcpy(o, "_");
    if (i->most != AC_INTENSITY_ANY && i->intensity == AC_INTENSITY_ANY) o = stpcpy(o, "at_most_");
    if (i->intensity != AC_INTENSITY_ANY) o = stpcpy(stpcpy(o, ac_intensity_name(i->intensity)), "_");
    if (i->most != AC_INTENSITY_ANY && i->intensity != AC_INTENSITY_ANY) o = stpcpy(o, "to_");
    if (i->most != AC_INTENSITY_ANY) o = stpcpy(stpcpy(o, ac_intensity_name(i->most)), "_");
    o = stpcpy(o, i->name->name);
  }
  return out;
}

/* The name in the statement's `overrides` that is `name`, or NULL. */
static const ac_ident *ac_overrides_name(const ac_stmt *s, const char *name) {
  for (const ac_clause *c = s->clauses; c; c = c->next)
    if (c->kind == AC_CLAUSE_OVERRIDES)
      for (const ac_ident *i = c->names; i; i = i->next)
        if (strcmp(i->name, name) == 0) return i;
  return NULL;
}

/* Remembers that `by`, through the name `name` of its `overrides`, replaced
 * the base's `old`. */
static void ac_note_replacement(ac_protocol *p, const ac_entity *old, const ac_entity *by,
                                const ac_ident *name) {
  ac_replacement *r = ac_arena_alloc(p->arena, sizeof *r);
  r->replaced = old;
  r->by = by;
  r->name = name;
  ac_vec_push(p->arena, &p->replacements, r);
}

/* The letter of a kind's phrase keys ("a:shave razor"); 0 for a kind
 * that queries do not name by phrases. */
static char ac_phrase_letter(ac_entity_kind kind) {
  return kind == AC_ENT_ACTIVITY ? 'a' : kind == AC_ENT_SYMPTOM ? 's' : kind == AC_ENT_FACT ? 'f' : 0;
}

/* The phrase key of the name of an entity of a kind with phrases, which
 * ac_entity_new wrote just after the copy of the name. */
static const char *ac_name_key(const ac_entity *e) { return e->name + strlen(e->name) + 1; }

/* A zeroed entity of `size` bytes with a copy of its name (len bytes)
 * just before it, and between the two, for a kind with phrases (letter
 * not 0), the name's phrase key (ac_name_key).  A query reads the key, the
 * entity's first fields and the name, an answer a rule's first fields and
 * its name: in a large protocol, apart, each would be a cache miss of its
 * own. */
static ac_entity *ac_entity_new(ac_arena *a, size_t size, const char *name, size_t len,
                                char letter) {
  /* An identifier is ASCII: its key has at most len + 2 bytes (the other
   * case, should it come, is given the room it needs). */
  size_t keylen = letter ? len + 2 : 0;
  for (;;) {
    size_t text = len + 1 + (letter ? keylen + 1 : 0);
    size_t room = (text + AC_ARENA_ALIGN - 1) & ~(size_t)(AC_ARENA_ALIGN - 1);
    char *block = ac_arena_alloc(a, room + size);
    memcpy(block, name, len + 1);
    size_t k = letter ? ac_names_key_into(block + len + 1, keylen + 1, letter, name, len) : 0;
    if (k <= keylen) {
      ac_entity *e = (ac_entity *)(block + room);
      e->name = block;
      return e;
    }
    keylen = k;
  }
}

static ac_entity *ac_declare(ac_protocol *p, ac_layer *layer, ac_entity_kind kind,
                             size_t size, const char *name, ac_loc loc, ac_stmt *s) {
  ac_entity *e = ac_entity_new(p->arena, size, name, strlen(name), ac_phrase_letter(kind));
  name = e->name;
  e->kind = kind;
  e->decl = s;
  e->line = s->loc.first_line;
  e->layer = layer;
  ac_entity *old = ac_names_put(p->names, name, e);
  if (old != e) {
    const ac_ident *by_name = ac_overrides_name(s, name);
    if (old->layer->depth < layer->depth && old->kind == kind && by_name &&
        kind != AC_ENT_ACTIVITY && kind != AC_ENT_GROUP && kind != AC_ENT_SYMPTOM &&
        kind != AC_ENT_FACT) {
      /* An extension replaces the base's entity of the same name. */
      old->replaced = true;
      ac_note_replacement(p, old, e, by_name);
      ac_names_set(p->names, name, e);
    } else {
      ac_diag *g = AC_ERR(p, layer, loc, AC_E_DUPLICATE,
                          _("'%s' is already declared (as %s)"), name,
                          ac_entity_kind_a(old->kind));
      const ac_loc *where = old->decl->name ? &old->decl->name->loc : &old->decl->loc;
      ac_diag_note(p->diags, g, old->layer->src, *where, _("'%s' is declared here"), name);
      return NULL;
    }
  }
  e->index = (int)p->entities[kind].len;
  ac_vec_push(p->arena, &p->entities[kind], e);
  s->entity = e;
  return e;
}

/* A derived name that is taken gets _2, _3, ... in file order.  The next
 * suffix to try is remembered per base: n unnamed rules alike take linear,
 * not quadratic, time and memory. */
static const char *ac_unique_name(ac_protocol *p, const char *base) {
  if (!ac_names_get(p->names, base)) return base;
  if (!p->derived) p->derived = ac_names_new(p->arena);
  intptr_t k = (intptr_t)ac_names_get(p->derived, base);
  for (k = k ? k : 2;; k++) {
    const char *n = ac_arena_printf(p->arena, "%s_%ld", base, (long)k);
    if (!ac_names_get(p->names, n)) {
      ac_names_set(p->derived, base, (void *)(k + 1));
      return n;
    }
  }
}

static const char *ac_text_of(const ac_stmt *s, ac_clause_kind k) {
  const ac_clause *c = ac_clause_find(s, k);
  return c ? c->text.text : NULL;
}

/* A document and its statements: names of their own (a document's name,
 * a statement's id), each declared once in the chain. */
static void ac_declare_document(ac_protocol *p, const ac_layer *layer, const ac_stmt *s) {
  ac_document *d = ac_arena_alloc(p->arena, sizeof *d);
  d->decl = s;
  d->layer = layer;
  const ac_document *old = ac_names_put(p->documents, s->name->name, d);
  if (old != d) {
    ac_diag *g = AC_ERR(p, layer, s->name->loc, AC_E_DUPLICATE,
                        _("document '%s' is already declared"), s->name->name);
    ac_diag_note(p->diags, g, old->layer->src, old->decl->name->loc, _("'%s' is declared here"),
                 s->name->name);
    return;
  }
  for (const ac_doc_item *i = s->statements; i; i = i->next) {
    ac_statement *st = ac_arena_alloc(p->arena, sizeof *st);
    st->item = i;
    st->layer = layer;
    const ac_statement *was = ac_names_put(p->statements, i->id->name, st);
    if (was == st) continue;
    ac_diag *g = AC_ERR(p, layer, i->id->loc, AC_E_DUPLICATE,
                        _("statement '%s' is already declared (in document '%s')"),
                        i->id->name, was->item->document);
    ac_diag_note(p->diags, g, was->layer->src, was->item->id->loc,
                 _("'%s' is declared here"), i->id->name);
  }
}

static void ac_declare_layer(ac_protocol *p, ac_layer *layer) {
  for (ac_stmt *s = layer->file->stmts; s; s = s->next) {
    switch (s->kind) {
    case AC_STMT_ACTIVITY: {
      ac_check_clauses(p, layer, s, CL(AC_CLAUSE_ALIASES) | CL(AC_CLAUSE_CITES),
                       _("an activity"));
      ac_activity *a = (ac_activity *)ac_declare(p, layer, AC_ENT_ACTIVITY, sizeof *a,
                                                 s->name->name, s->name->loc, s);
      if (a) a->label = s->text.text;
      break;
    }
    case AC_STMT_GROUP: {
      ac_check_clauses(p, layer, s, CL(AC_CLAUSE_CITES), _("a group"));
      ac_group *g = (ac_group *)ac_declare(p, layer, AC_ENT_GROUP, sizeof *g,
                                           s->name->name, s->name->loc, s);
      if (g) g->label = s->text.text;
      break;
    }
    case AC_STMT_SYMPTOM: {
      ac_check_clauses(p, layer, s, CL(AC_CLAUSE_ALIASES) | CL(AC_CLAUSE_CITES),
                       _("a symptom"));
      ac_symptom *y = (ac_symptom *)ac_declare(p, layer, AC_ENT_SYMPTOM, sizeof *y,
                                               s->name->name, s->name->loc, s);
      if (y) y->label = s->text.text;
      break;
    }
    case AC_STMT_FACT: {
      ac_check_clauses(p, layer, s, CL(AC_CLAUSE_ALIASES) | CL(AC_CLAUSE_CITES),
                       _("a fact"));
      ac_fact *f = (ac_fact *)ac_declare(p, layer, AC_ENT_FACT, sizeof *f,
                                         s->name->name, s->name->loc, s);
      if (f) {
        f->label = s->text.text;
        f->is_bool = s->fact_is_bool;
      }
      break;
    }
    case AC_STMT_PHASE: {
      ac_check_clauses(p, layer, s, CL(AC_CLAUSE_CITES) | CL(AC_CLAUSE_OVERRIDES),
                       _("a phase"));
      ac_phase *ph = (ac_phase *)ac_declare(p, layer, AC_ENT_PHASE, sizeof *ph,
                                            s->name->name, s->name->loc, s);
      if (ph) {
        ph->title = s->text.text ? s->text.text : s->name->name;
        ph->guidance = s->guidance;
      }
      break;
    }
    case AC_STMT_RULE: {
      ac_check_clauses(p, layer, s,
                       CL(AC_CLAUSE_BECAUSE) | CL(AC_CLAUSE_CITES) | CL(AC_CLAUSE_IF) |
                           CL(AC_CLAUSE_UNLESS) | CL(AC_CLAUSE_OTHERWISE) | CL(AC_CLAUSE_FINAL) |
                           CL(AC_CLAUSE_EVERY) | CL(AC_CLAUSE_OVERRIDES),
                       _("a rule"));
      const char *name = s->name ? s->name->name
                                 : ac_unique_name(p, ac_check_derived_name(p->arena, s));
      ac_rule *r = (ac_rule *)ac_declare(p, layer, AC_ENT_RULE, sizeof *r, name,
                                         s->name ? s->name->loc : s->loc, s);
      if (r) {
        r->because = ac_text_of(s, AC_CLAUSE_BECAUSE);
        r->final_only = ac_clause_find(s, AC_CLAUSE_FINAL) != NULL;
        r->order = (int)p->entities[AC_ENT_RULE].len;
      }
      break;
    }
    case AC_STMT_CONSTRAINT: {
      ac_check_clauses(p, layer, s, CL(AC_CLAUSE_BECAUSE) | CL(AC_CLAUSE_CITES),
                       _("a constraint"));
      ac_constraint *c = (ac_constraint *)ac_declare(p, layer, AC_ENT_CONSTRAINT, sizeof *c,
                                                     s->name->name, s->name->loc, s);
      if (c) {
        c->is_triage = s->items != NULL;
        c->floor = s->level;
        c->because = ac_text_of(s, AC_CLAUSE_BECAUSE);
      }
      break;
    }
    case AC_STMT_TRIAGE: {
      ac_check_clauses(p, layer, s,
                       CL(AC_CLAUSE_LEVEL) | CL(AC_CLAUSE_ADVICE) | CL(AC_CLAUSE_CITES) |
                           CL(AC_CLAUSE_OVERRIDES) | CL(AC_CLAUSE_BECAUSE),
                       _("a symptom rule"));
      const char *name = s->name ? s->name->name
                                 : ac_unique_name(p, ac_triage_derived_name(p->arena, s));
      ac_triage *t = (ac_triage *)ac_declare(p, layer, AC_ENT_TRIAGE, sizeof *t, name,
                                             s->name ? s->name->loc : s->loc, s);
      if (t) {
        const ac_clause *lv = ac_clause_find(s, AC_CLAUSE_LEVEL);
        if (!lv)
          AC_ERR(p, layer, s->loc, AC_E_CLAUSE,
                 _("a symptom rule needs a level: 'level normal', 'level monitor' or 'level urgent'"));
        t->level = lv ? lv->level : AC_LEVEL_UNKNOWN;
        t->advice = ac_text_of(s, AC_CLAUSE_ADVICE);
        if (!t->advice) t->advice = ac_text_of(s, AC_CLAUSE_BECAUSE);
        t->items = s->items;
        t->order = (int)p->entities[AC_ENT_TRIAGE].len;
        t->fallback = s->fallback;
      }
      break;
    }
    case AC_STMT_ADVICE: {
      ac_check_clauses(p, layer, s, CL(AC_CLAUSE_CITES) | CL(AC_CLAUSE_OVERRIDES),
                       _("advice"));
      ac_advice *ad = (ac_advice *)ac_declare(p, layer, AC_ENT_ADVICE, sizeof *ad,
                                              s->name->name, s->name->loc, s);
      if (ad) ad->text = s->text.text;
      break;
    }
    case AC_STMT_NO_GUIDANCE:
      ac_check_clauses(p, layer, s, CL(AC_CLAUSE_BECAUSE) | CL(AC_CLAUSE_CITES),
                       _("'no guidance'"));
      break;
    case AC_STMT_EXPECT:
      /* cites only: the grammar takes no other clause here */
      ac_check_clauses(p, layer, s, CL(AC_CLAUSE_CITES), _("an expectation"));
      break;
    case AC_STMT_DOCUMENT:
      ac_declare_document(p, layer, s);
      break;
    case AC_STMT_HEADER:
    case AC_STMT_EXTENDS:
      break;
    }
  }
}

/* ---- Citations ---- */

static void ac_cite_check(ac_protocol *p, const ac_layer *layer, const ac_ident *ids) {
  for (const ac_ident *id = ids; id; id = id->next) {
    if (ac_names_get(p->statements, id->name)) continue;
    if (ac_names_count(p->documents) == 0) {
      AC_ERR(p, layer, id->loc, AC_E_CITATION,
             _("unknown citation '%s' (no document is declared: a protocol declares the statements it cites)"),
             id->name);
      continue;
    }
    const char *hint = NULL;
    if (!ac_diags_full(p->diags)) {
      ac_names_sort(p->statements);
      hint = ac_names_suggest(p->statements, id->name, NULL, NULL);
    }
    if (hint)
      AC_ERR(p, layer, id->loc, AC_E_CITATION,
             _("unknown citation '%s' (did you mean '%s'?)"),
             id->name, hint);
    else
      AC_ERR(p, layer, id->loc, AC_E_CITATION,
             _("unknown citation '%s': no declared document holds it"), id->name);
  }
}

/* Every identifier after `cites` names a statement of a document of the
 * chain (the file's own or inherited). */
static void ac_check_citations(ac_protocol *p) {
  for (int i = 0; i < p->nlayers; i++) {
    const ac_layer *layer = p->layers[i];
    for (const ac_stmt *s = layer->file->stmts; s; s = s->next) {
      for (const ac_clause *c = s->clauses; c; c = c->next)
        if (c->kind == AC_CLAUSE_CITES) ac_cite_check(p, layer, c->names);
      if (s->kind == AC_STMT_PHASE)
        for (const ac_guidance *g = s->guidance; g; g = g->next) ac_cite_check(p, layer, g->cites);
    }
  }
}

/* ---- Pass 3: resolution ---- */

#define MASK(k) (1u << (k))

static bool ac_resolve_target(ac_protocol *p, const ac_layer *layer, const ac_ident *id,
                              ac_target *t) {
  ac_entity *e = ac_names_get(p->names, id->name);
  if (!e) {
    ac_check_report_unknown(p, layer->src, id->loc, id->name,
                      MASK(AC_ENT_ACTIVITY) | MASK(AC_ENT_GROUP), _("activity"));
    return false;
  }
  if (e->kind != AC_ENT_ACTIVITY && e->kind != AC_ENT_GROUP) {
    AC_ERR(p, layer, id->loc, AC_E_KIND, _("'%s' is %s, not an activity or a group"),
           id->name, ac_entity_kind_a(e->kind));
    return false;
  }
  t->is_group = e->kind == AC_ENT_GROUP;
  t->index = e->index;
  return true;
}

static int ac_int_compare(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

/* Flattens a group's members (depth first; a cycle is an error). */
static void ac_flatten_group(ac_protocol *p, ac_group *g, ac_vec *stack) {
  if (g->visiting == 2) return;
  if (g->visiting == 1) return; /* reported by the caller */
  g->visiting = 1;
  ac_vec_push(p->arena, stack, g);
  /* Count first, then fill: members of nested groups are copied. */
  size_t cap = 0;
  for (const ac_ident *m = g->e.decl->members; m; m = m->next) {
    ac_entity *e = ac_names_get(p->names, m->name);
    if (!e) continue;
    if (e->kind == AC_ENT_ACTIVITY) {
      cap++;
    } else if (e->kind == AC_ENT_GROUP) {
      ac_group *sub = (ac_group *)e;
      if (sub->visiting == 1) {
        /* m closes the cycle: sub contains g (maybe through other groups),
         * and g names sub. */
        ac_diag *d = sub == g ? AC_ERR(p, g->e.layer, m->loc, AC_E_GROUP_CYCLE,
                                       _("group '%s' contains itself"), g->e.name)
                              : AC_ERR(p, g->e.layer, m->loc, AC_E_GROUP_CYCLE,
                                       _("group '%s' contains itself (through '%s')"),
                                       sub->e.name, g->e.name);
        (void)d;
        continue;
      }
      ac_flatten_group(p, sub, stack);
      cap += (size_t)sub->nmembers;
    }
  }
  g->members = ac_arena_array(p->arena, cap + 1, sizeof *g->members);
  int n = 0;
  for (const ac_ident *m = g->e.decl->members; m; m = m->next) {
    ac_entity *e = ac_names_get(p->names, m->name);
    if (!e) continue;
    if (e->kind == AC_ENT_ACTIVITY) {
      g->members[n++] = e->index;
    } else if (e->kind == AC_ENT_GROUP) {
      ac_group *sub = (ac_group *)e;
      if (sub->visiting != 2) continue;
      memcpy(g->members + n, sub->members, (size_t)sub->nmembers * sizeof *g->members);
      n += sub->nmembers;
    }
  }
  /* Deduplicate (an activity reached twice counts once). */
  if (n > 1) {
    qsort(g->members, (size_t)n, sizeof *g->members, ac_int_compare);
    int k = 1;
    for (int i = 1; i < n; i++)
      if (g->members[i] != g->members[k - 1]) g->members[k++] = g->members[i];
    n = k;
  }
  g->nmembers = n;
  g->visiting = 2;
  stack->len--;
}

static void ac_resolve_groups(ac_protocol *p) {
  ac_vec *groups = &p->entities[AC_ENT_GROUP];
  for (size_t i = 0; i < groups->len; i++) {
    ac_group *g = groups->items[i];
    for (const ac_ident *m = g->e.decl->members; m; m = m->next) {
      ac_entity *e = ac_names_get(p->names, m->name);
      if (!e)
        ac_check_report_unknown(p, g->e.layer->src, m->loc, m->name,
                          MASK(AC_ENT_ACTIVITY) | MASK(AC_ENT_GROUP), _("activity"));
      else if (e->kind != AC_ENT_ACTIVITY && e->kind != AC_ENT_GROUP)
        AC_ERR(p, g->e.layer, m->loc, AC_E_KIND,
               _("'%s' is %s: a group holds activities and groups"), m->name,
               ac_entity_kind_a(e->kind));
    }
  }
  ac_vec stack = {0};
  for (size_t i = 0; i < groups->len; i++) ac_flatten_group(p, groups->items[i], &stack);
}

static bool ac_resolve_items(ac_protocol *p, const ac_layer *layer, ac_symptom_item *items,
                             int *count) {
  bool ok = true;
  int n = 0;
  for (ac_symptom_item *i = items; i; i = i->next) {
    n++;
    ac_entity *e = ac_names_get(p->names, i->name->name);
    if (!e) {
      ac_check_report_unknown(p, layer->src, i->name->loc, i->name->name, MASK(AC_ENT_SYMPTOM),
                        _("symptom"));
      ok = false;
    } else if (e->kind != AC_ENT_SYMPTOM) {
      AC_ERR(p, layer, i->name->loc, AC_E_KIND, _("'%s' is %s, not a symptom"),
             i->name->name, ac_entity_kind_a(e->kind));
      ok = false;
    } else {
      i->index = e->index;
    }
    if (i->most != AC_INTENSITY_ANY && i->most < i->intensity) {
      AC_ERR(p, layer, i->loc, AC_E_REVERSED,
             _("the intensities of '%s' are reversed: '%s..%s' (write '%s..%s')"), i->name->name,
             ac_intensity_name(i->intensity), ac_intensity_name(i->most),
             ac_intensity_name(i->most), ac_intensity_name(i->intensity));
      ok = false;
    }
  }
  if (count) *count = n;
  return ok;
}

/* `overrides` names: rules (or phases, symptom rules, advice) that exist. */
static void ac_resolve_overrides(ac_protocol *p, const ac_layer *layer, const ac_stmt *s,
                                 ac_entity *self) {
  const ac_clause *c = ac_clause_find(s, AC_CLAUSE_OVERRIDES);
  if (!c) return;
  int n = 0;
  for (const ac_ident *i = c->names; i; i = i->next) n++;
  ac_rule *rule = self && self->kind == AC_ENT_RULE ? (ac_rule *)self : NULL;
  if (rule) rule->overrides = ac_arena_array(p->arena, (size_t)n, sizeof *rule->overrides);
  for (const ac_ident *i = c->names; i; i = i->next) {
    if (self && strcmp(i->name, self->name) == 0) continue; /* replaced by name */
    ac_entity *e = ac_names_get(p->names, i->name);
    if (!e) {
      if (rule) rule->bad_overrides = true;
      ac_diag *g = AC_ERR(p, layer, i->loc, AC_E_OVERRIDE,
                          _("overrides '%s', which does not exist"), i->name);
      if (g && !ac_diags_full(p->diags)) {
        ac_kind_mask m = {self ? MASK(self->kind) : MASK(AC_ENT_RULE)};
        ac_names_sort(p->names);
        const char *hint = ac_names_suggest(p->names, i->name, ac_accept_mask, &m);
        if (hint)
          g->message = ac_arena_printf(p->arena, _("overrides '%s', which does not exist (did you mean '%s'?)"),
                                       i->name, hint);
      }
      continue;
    }
    if (self && e->kind != self->kind) {
      if (rule) rule->bad_overrides = true;
      AC_ERR(p, layer, i->loc, AC_E_KIND, _("'%s' is %s: %s can only override %s"),
             i->name, ac_entity_kind_a(e->kind), ac_entity_kind_a(self->kind),
             ac_entity_kind_a(self->kind));
      continue;
    }
    if (e->layer->depth < layer->depth) {
      e->replaced = true; /* an extension replaces the base's rule */
      if (self) ac_note_replacement(p, e, self, i);
    } else if (rule && e != self) {
      rule->overrides[rule->noverrides++] = (ac_rule *)e;
    }
  }
}

static void ac_resolve_layer(ac_protocol *p, ac_layer *layer) {
  for (ac_stmt *s = layer->file->stmts; s; s = s->next) {
    switch (s->kind) {
    case AC_STMT_RULE: {
      ac_rule *r = (ac_rule *)s->entity;
      bool ok = ac_resolve_target(p, layer, s->target, r ? &r->target : &(ac_target){0});
      int32_t from = 0, to = 0;
      bool days_ok = ac_check_days(p, layer, s->days, &from, &to);
      const ac_clause *cif = ac_clause_find(s, AC_CLAUSE_IF);
      const ac_clause *cun = ac_clause_find(s, AC_CLAUSE_UNLESS);
      const ac_clause *cond = cif ? cif : cun;
      const ac_clause *oth = ac_clause_find(s, AC_CLAUSE_OTHERWISE);
      bool cond_ok = true;
      if (oth && !cond) {
        AC_ERR(p, layer, oth->loc, AC_E_CLAUSE,
               _("'otherwise' follows a condition: say 'only if C otherwise %s' or 'unless C otherwise %s'"),
               ac_verdict_name(oth->verdict), ac_verdict_name(oth->verdict));
        oth = NULL;
      } else if (oth && oth->verdict == s->verb) {
        AC_ERR(p, layer, oth->loc, AC_E_CLAUSE,
               _("'otherwise %s' gives the rule's own verdict: the condition would change nothing"),
               ac_verdict_name(oth->verdict));
        cond_ok = false;
      }
      if (cond && cond_ok) {
        bool fits = oth || (s->verb == AC_ALLOWED) || (s->verb == AC_FORBIDDEN && cun);
        if (!fits) {
          AC_ERR(p, layer, cond->loc, AC_E_CLAUSE,
                 s->verb == AC_FORBIDDEN
                     ? _("a forbidding rule takes 'unless', not 'if': say when it is allowed with 'allow ... only if'")
                     : _("only 'allow ... if' and 'forbid ... unless' take a condition alone: say what holds when it does not with 'otherwise VERDICT'"));
          cond_ok = false;
        } else {
          cond_ok = ac_cond_resolve(p, layer, cond->cond);
        }
      }
      if (!r) break;
      r->from = from;
      r->to = to;
      if (!ok || !days_ok || !cond_ok) r->e.replaced = true; /* unusable */
      r->verdict = s->verb;
      if (cond && cond_ok) {
        /* The verdicts when the condition as written holds and when it does
         * not: `only if C` gives the verb's when C holds, `unless C` when it
         * does not; the other is `otherwise`'s, by default the opposite of
         * allowed and forbidden. */
        ac_verdict given = s->verb;
        ac_verdict other = oth ? oth->verdict : s->verb == AC_ALLOWED ? AC_FORBIDDEN : AC_ALLOWED;
        ac_verdict when_true = cun ? other : given, when_false = cun ? given : other;
        r->verdict = AC_CONDITIONAL;
        r->cond = cond->cond;
        /* Shown as "LESS STRICT if C', STRICTER otherwise": C' is the
         * condition negated when the less strict verdict is the one of C
         * not holding (allow ... unless C  ==  allow ... only if not C;
         * forbid ... unless C  ==  allow ... only if C). */
        r->cond_negated = when_false > when_true;
        r->holds = r->cond_negated ? when_false : when_true;
        r->otherwise = r->cond_negated ? when_true : when_false;
      }
      if (r->final_only) p->has_final_only = true;
      ac_resolve_overrides(p, layer, s, &r->e);
      break;
    }
    case AC_STMT_CONSTRAINT: {
      ac_constraint *c = (ac_constraint *)s->entity;
      int32_t from = AC_DAY_MIN, to = AC_DAY_MAX;
      bool ok = true;
      if (s->days) ok = ac_check_days(p, layer, s->days, &from, &to);
      if (s->items)
        ok = ac_resolve_items(p, layer, s->items, NULL) && ok;
      else
        ok = ac_resolve_target(p, layer, s->target, c ? &c->target : &(ac_target){0}) && ok;
      if (c) {
        c->items = s->items;
        c->from = from;
        c->to = to;
        if (!ok) c->e.replaced = true;
      }
      break;
    }
    case AC_STMT_TRIAGE: {
      ac_triage *t = (ac_triage *)s->entity;
      int32_t from = AC_DAY_MIN, to = AC_DAY_MAX;
      bool ok = true;
      if (s->days) ok = ac_check_days(p, layer, s->days, &from, &to);
      int n = 0;
      ok = ac_resolve_items(p, layer, s->items, &n) && ok;
      if (t) {
        t->from = from;
        t->to = to;
        t->nitems = n;
        if (!ok || t->level == AC_LEVEL_UNKNOWN) t->e.replaced = true;
        ac_resolve_overrides(p, layer, s, &t->e);
      }
      break;
    }
    case AC_STMT_PHASE: {
      ac_phase *ph = (ac_phase *)s->entity;
      int32_t from = 0, to = 0;
      bool ok = ac_check_days(p, layer, s->days, &from, &to);
      if (ph) {
        ph->from = from;
        ph->to = to;
        if (!ok) ph->e.replaced = true;
        ac_resolve_overrides(p, layer, s, &ph->e);
      }
      break;
    }
    case AC_STMT_ADVICE: {
      ac_advice *ad = (ac_advice *)s->entity;
      int32_t from = AC_DAY_MIN, to = AC_DAY_MAX;
      bool ok = true;
      if (s->days) ok = ac_check_days(p, layer, s->days, &from, &to);
      if (ad) {
        ad->from = from;
        ad->to = to;
        if (!ok) ad->e.replaced = true;
        ac_resolve_overrides(p, layer, s, &ad->e);
      }
      break;
    }
    case AC_STMT_NO_GUIDANCE: {
      ac_no_guidance *ng = ac_arena_alloc(p->arena, sizeof *ng);
      ng->decl = s;
      ng->layer = layer;
      bool ok = ac_resolve_target(p, layer, s->target, &ng->target);
      ok = ac_check_days(p, layer, s->days, &ng->from, &ng->to) && ok;
      if (ok) ac_vec_push(p->arena, &p->no_guidance, ng);
      break;
    }
    case AC_STMT_EXPECT:
      ac_vec_push(p->arena, &p->expectations, s);
      ac_vec_push(p->arena, &p->expect_layers, layer);
      break;
    case AC_STMT_HEADER:
    case AC_STMT_EXTENDS:
    case AC_STMT_DOCUMENT:
    case AC_STMT_ACTIVITY:
    case AC_STMT_GROUP:
    case AC_STMT_SYMPTOM:
    case AC_STMT_FACT:
      break;
    }
  }
}

/* ---- Phrases for queries ---- */

static void ac_add_phrase(ac_protocol *p, const char *key, const char *phrase, ac_entity *e,
                          const ac_layer *layer, ac_loc loc, bool strict) {
  if (key[2] == '\0') return;
  ac_entity *old = ac_names_put(p->phrases, key, e);
  if (old != e && strict && !old->replaced) {
    ac_diag *g = AC_ERR(p, layer, loc, AC_E_DUPLICATE,
                        _("the name '%s' already stands for %s '%s'"), phrase,
                        ac_entity_kind_name(old->kind), old->name);
    ac_diag_note(p->diags, g, old->layer->src, old->decl->loc, _("'%s' is declared here"),
                 old->name);
  }
}

static void ac_build_phrases(ac_protocol *p) {
  static const ac_entity_kind kinds[] = {AC_ENT_ACTIVITY, AC_ENT_SYMPTOM, AC_ENT_FACT};
  /* Identifiers and aliases first (they must be unambiguous), labels after
   * (a label that is taken is simply not a way to name the thing). */
  for (int pass = 0; pass < 2; pass++)
    for (int k = 0; k < 3; k++) {
      ac_vec *v = &p->entities[kinds[k]];
      char letter = ac_phrase_letter(kinds[k]);
      for (size_t i = 0; i < v->len; i++) {
        ac_entity *e = v->items[i];
        const ac_stmt *s = e->decl;
        if (pass == 0) {
          ac_add_phrase(p, ac_name_key(e), e->name, e, e->layer, s->name->loc, true);
          for (const ac_clause *c = s->clauses; c; c = c->next)
            if (c->kind == AC_CLAUSE_ALIASES)
              for (const ac_alias *al = c->aliases; al; al = al->next)
                ac_add_phrase(p, ac_names_normalise_key(p->arena, letter, al->text.text), al->text.text,
                              e, e->layer, al->text.loc, true);
        } else if (s->text.text) {
          ac_add_phrase(p, ac_names_normalise_key(p->arena, letter, s->text.text), s->text.text, e,
                        e->layer, s->text.loc, false);
        }
      }
    }
}

/* ---- Expectations: their names must exist ---- */

static void ac_check_expectations(ac_protocol *p) {
  for (size_t i = 0; i < p->expectations.len; i++) {
    const ac_stmt *s = p->expectations.items[i];
    const ac_layer *layer = p->expect_layers.items[i];
    const ac_query *q = s->query;
    ac_request req;
    ac_query_resolve(p, p->arena, q, layer->src, p->diags, &req);
    const ac_expected *x = s->expected;
    bool fits;
    switch (q->kind) {
    case AC_Q_CAN:
      fits = x->level == AC_LEVEL_UNKNOWN && !x->never && x->day == 0 &&
             (x->verdict != AC_UNKNOWN || x->loc.first_column != 0);
      /* "is from day N" and "is never" are for when */
      fits = fits && !(x->verdict == AC_UNKNOWN && (x->never || x->day));
      break;
    case AC_Q_WHEN:
      fits = x->never || x->verdict == AC_UNKNOWN;
      break;
    case AC_Q_SYMPTOMS:
      fits = x->verdict == AC_UNKNOWN && !x->never;
      break;
    default:
      AC_ERR(p, layer, q->loc, AC_E_CLAUSE,
             _("an expectation asks 'can', 'when' or 'symptoms'"));
      continue;
    }
    if (!fits)
      AC_ERR(p, layer, x->loc, AC_E_CLAUSE,
             q->kind == AC_Q_CAN    ? _("a 'can' expectation expects a verdict, such as 'is forbidden'")
             : q->kind == AC_Q_WHEN ? _("a 'when' expectation expects 'is from day N' or 'is never'")
                                    : _("a 'symptoms' expectation expects a level, such as 'is urgent'"));
  }
}

/* ---- Constraints ---- */

static const ac_segment *ac_first_violation(const ac_timeline *t, int32_t from, int32_t to,
                                            int32_t *day) {
  int i = ac_timeline_lower(t, from);
  int64_t pos = from;
  for (; pos <= to; i++) {
    if (i >= t->nsegs || t->segs[i].from > pos) {
      *day = (int32_t)pos; /* not covered: unknown */
      return NULL;
    }
    if (t->segs[i].verdict != AC_FORBIDDEN) {
      *day = (int32_t)pos;
      return &t->segs[i];
    }
    pos = (int64_t)t->segs[i].to + 1;
  }
  *day = 0;
  return (const ac_segment *)t; /* sentinel: no violation */
}

/* ---- Where a diagnostic about a base's constraint points ----
 *
 * A statement of the user's files is to blame, never the standard protocol
 * built into the program: the rule that decides the day, when it is the
 * user's; else the `overrides` of an extension that replaced the base's
 * rule that decided it; else the constraint, when it is the user's; else
 * the `extends` that brought the standard protocol in. */

static bool ac_embedded(const ac_entity *e) { return e->layer->src->embedded; }

/* The activities of a target: its group's members, or `one`. */
static const int *ac_target_members(const ac_protocol *p, ac_target t, int *one, int *n) {
  *one = t.index;
  *n = 1;
  if (!t.is_group) return one;
  const ac_group *g = p->entities[AC_ENT_GROUP].items[t.index];
  *n = g->nmembers;
  return g->members;
}

static bool ac_target_has(const ac_protocol *p, ac_target t, int activity) {
  int one, n;
  const int *m = ac_target_members(p, t, &one, &n);
  for (int k = 0; k < n; k++)
    if (m[k] == activity) return true;
  return false;
}

/* The replacement of a base's entity of `kind` that `judge` accepts (0) and
 * preferably finds covering the day in question (1; -1: not it), by `by`
 * when not NULL (then only a covering one); the later among equals. */
typedef int ac_replacement_judge(const ac_protocol *p, const ac_entity *replaced, const void *ctx);

static const ac_replacement *ac_replaced(const ac_protocol *p, ac_entity_kind kind,
                                         const ac_entity *by, ac_replacement_judge *judge,
                                         const void *ctx) {
  const ac_replacement *best = NULL;
  bool best_covers = false;
  for (size_t i = 0; i < p->replacements.len; i++) {
    const ac_replacement *x = p->replacements.items[i];
    if (x->replaced->kind != kind || (by && x->by != by)) continue;
    int verdict = judge(p, x->replaced, ctx);
    if (verdict < 0 || (by && verdict == 0)) continue;
    if (!best || verdict == 1 || !best_covers) {
      best = x;
      best_covers = verdict == 1;
    }
  }
  return best;
}

/* A base's rule on an activity, covering a day (after the final session or
 * after another one). */
typedef struct ac_rule_day {
  int activity;
  int32_t day;
  bool every;
} ac_rule_day;

static int ac_judge_rule(const ac_protocol *p, const ac_entity *e, const void *ctx) {
  const ac_rule *q = (const ac_rule *)e;
  const ac_rule_day *w = ctx;
  if (!ac_target_has(p, q->target, w->activity) || (w->every && q->final_only)) return -1;
  return q->from <= w->day && w->day <= q->to;
}

static const ac_replacement *ac_replaced_rule(const ac_protocol *p, int activity, int32_t day,
                                              bool every, const ac_entity *by) {
  ac_rule_day w = {activity, day, every};
  return ac_replaced(p, AC_ENT_RULE, by, ac_judge_rule, &w);
}

/* A base's symptom rule that fired for the items of a triage constraint,
 * with the floor's level on a day. */
static bool ac_items_cover(const ac_symptom_item *reported, const ac_intensity *rep,
                           const ac_triage *t);

/* A day of a triage constraint, its items reported at intensities rep. */
typedef struct ac_floor_day {
  const ac_constraint *c;
  const ac_intensity *rep;
  int32_t day;
} ac_floor_day;

static int ac_judge_triage(const ac_protocol *p, const ac_entity *e, const void *ctx) {
  (void)p;
  const ac_triage *q = (const ac_triage *)e;
  const ac_floor_day *w = ctx;
  if (!ac_items_cover(w->c->items, w->rep, q)) return -1;
  return q->from <= w->day && w->day <= q->to && q->level >= w->c->floor;
}

static const ac_replacement *ac_replaced_triage(const ac_protocol *p, const ac_constraint *c,
                                                const ac_intensity *rep, int32_t day,
                                                const ac_entity *by) {
  ac_floor_day w = {c, rep, day};
  return ac_replaced(p, AC_ENT_TRIAGE, by, ac_judge_triage, &w);
}

/* The last resort: the `extends` of the file that extends the standard
 * protocol (NULL when no file does). */
static const ac_layer *ac_extending_layer(const ac_protocol *p) {
  for (int i = 1; i < p->nlayers; i++)
    if (p->layers[i - 1]->src->embedded && !p->layers[i]->src->embedded &&
        p->layers[i]->file->extends)
      return p->layers[i];
  return NULL;
}

/* "The overridden rule 'NAME' is here", at a base's rule or symptom rule. */
static void ac_note_overridden(ac_protocol *p, ac_diag *g, const ac_entity *e) {
  ac_diag_note(p->diags, g, e->layer->src, ac_entity_loc(e), "%s",
               e->kind == AC_ENT_TRIAGE
                   ? ac_arena_printf(p->arena, _("the overridden symptom rule '%s' is here"), e->name)
                   : ac_arena_printf(p->arena, _("the overridden rule '%s' is here"), e->name));
}

/* Adds the diagnostic of a broken constraint `c` at the place to blame (see
 * above): `culprit` (the rule or symptom rule that decides, or NULL), else
 * the `overrides` of `rep`, else `c`, else the `extends`.  `own` is the
 * message, `via` (which names the replaced rule) the one at an `overrides`.
 * Notes point at the constraint, the culprit and the replaced rule. */
static ac_diag *ac_blame(ac_protocol *p, ac_code code, const ac_entity *culprit,
                         const ac_replacement *rep, const ac_entity *c, const char *own,
                         const char *via) {
  ac_diags *d = p->diags;
  const ac_source *src = c->layer->src;
  ac_loc loc = ac_entity_loc(c);
  const char *msg = own;
  bool at_culprit = culprit && !ac_embedded(culprit);
  if (at_culprit) {
    src = culprit->layer->src;
    loc = ac_entity_loc(culprit);
  } else if (rep) {
    src = rep->by->layer->src;
    loc = rep->name->loc;
    msg = via;
  } else if (ac_embedded(c)) {
    const ac_layer *l = ac_extending_layer(p);
    if (l) {
      src = l->src;
      loc = l->file->extends->text.loc;
    }
  }
  ac_diag *g = ac_diag_add(d, AC_SEV_ERROR, code, src, loc, "%s", msg);
  if (src != c->layer->src || loc.first_line != ac_entity_loc(c).first_line ||
      loc.first_column != ac_entity_loc(c).first_column)
    ac_diag_note(d, g, c->layer->src, ac_entity_loc(c), _("constraint '%s' is here"), c->name);
  if (culprit && !at_culprit)
    ac_diag_note(d, g, culprit->layer->src, ac_entity_loc(culprit), "%s",
                 culprit->kind == AC_ENT_TRIAGE
                     ? ac_arena_printf(p->arena, _("symptom rule '%s' is here"), culprit->name)
                     : ac_arena_printf(p->arena, _("rule '%s' is here"), culprit->name));
  if (rep) ac_note_overridden(p, g, rep->replaced);
  return g;
}

static void ac_report_violation(ac_protocol *p, const ac_constraint *c, const ac_activity *a,
                                const ac_segment *seg, int32_t day, bool every) {
  /* the constraint's reason, quoted; or that it has none (not quoted) */
  const char *because = c->because ? ac_arena_printf(p->arena, "\"%s\"", c->because)
                                   : _("(no reason given)");
  const char *session = every ? _(" after a session that is not the final one") : "";
  const ac_rule *r = seg ? ac_segment_rules(seg)[0] : NULL;
  const ac_replacement *rep = NULL;
  if (r && !ac_embedded(&r->e))
    rep = ac_replaced_rule(p, a->e.index, day, every, &r->e); /* a note only */
  else
    rep = ac_replaced_rule(p, a->e.index, day, every, NULL);
  const char *own, *via = NULL;
  if (r)
    own = ac_arena_printf(p->arena,
                          _("rule '%s' makes '%s' %s on day %ld%s, but constraint '%s' requires it to be forbidden: %s"),
                          r->e.name, a->e.name, ac_verdict_name(seg->verdict), (long)day, session,
                          c->e.name, because);
  else
    own = ac_arena_printf(p->arena,
                          _("no rule forbids '%s' on day %ld%s, but constraint '%s' requires it to be forbidden: %s"),
                          a->e.name, (long)day, session, c->e.name, because);
  if (rep && r)
    via = ac_arena_printf(p->arena,
                          _("overriding '%s' leaves rule '%s' to make '%s' %s on day %ld%s, but constraint '%s' requires it to be forbidden: %s"),
                          rep->replaced->name, r->e.name, a->e.name, ac_verdict_name(seg->verdict),
                          (long)day, session, c->e.name, because);
  else if (rep)
    via = ac_arena_printf(p->arena,
                          _("overriding '%s' leaves no rule that forbids '%s' on day %ld%s, but constraint '%s' requires it to be forbidden: %s"),
                          rep->replaced->name, a->e.name, (long)day, session, c->e.name, because);
  ac_blame(p, AC_E_CONSTRAINT, r ? &r->e : NULL, rep, &c->e, own, via);
}

/* Does a symptom rule fire when exactly the constraint's items are
 * reported, item i with intensity rep[i]?  (The fallback fires only for a
 * symptom that is not declared: never for a constraint's.) */
static bool ac_items_cover(const ac_symptom_item *reported, const ac_intensity *rep,
                           const ac_triage *t) {
  if (t->fallback) return false;
  for (const ac_symptom_item *need = t->items; need; need = need->next) {
    bool found = false;
    int i = 0;
    for (const ac_symptom_item *r = reported; r; r = r->next, i++)
      if (r->index == need->index && ac_intensity_matches(rep[i], need->intensity, need->most))
        found = true;
    if (!found) return false;
  }
  return true;
}

typedef struct ac_span {
  int32_t from, to;
} ac_span;

static int ac_span_compare(const void *x, const void *y) {
  const ac_span *a = x, *b = y;
  return (a->from > b->from) - (a->from < b->from);
}

/* Checks the floor for one report: item i of the constraint reported with
 * intensity rep[i].  Returns whether it reported a violation. */
static bool ac_check_triage_report(ac_protocol *p, const ac_constraint *c,
                                   const ac_intensity *rep) {
  ac_vec *ts = &p->entities[AC_ENT_TRIAGE];
  ac_span *w = malloc((ts->len + 1) * sizeof *w);
  if (!w) abort();
  size_t n = 0;
  const ac_triage *lower = NULL;
  for (size_t i = 0; i < ts->len; i++) {
    const ac_triage *t = ts->items[i];
    if (t->e.replaced || t->to < c->from || t->from > c->to) continue;
    if (!ac_items_cover(c->items, rep, t)) continue;
    if (t->level >= c->floor) {
      w[n].from = t->from;
      w[n].to = t->to;
      n++;
    } else if (!lower || t->e.layer->depth > lower->e.layer->depth) {
      lower = t;
    }
  }
  qsort(w, n, sizeof *w, ac_span_compare);
  /* The first day of [from, to] no window covers, preferring day 0 on. */
  bool found = false;
  int64_t pos = 0;
  int64_t lo = c->from < 0 && c->to >= 0 ? 0 : c->from;
  for (int pass = 0; pass < 2 && !found; pass++) {
    int64_t at = pass == 0 ? lo : c->from, end = pass == 0 ? c->to : lo - 1;
    if (pass == 1 && lo == c->from) break;
    for (size_t i = 0; i < n && at <= end; i++) {
      if (w[i].to < at) continue;
      if (w[i].from > at) break;
      at = (int64_t)w[i].to + 1;
    }
    if (at <= end) {
      found = true;
      pos = at;
    }
  }
  free(w);
  if (!found) return false;
  const char *because = c->because ? ac_arena_printf(p->arena, "\"%s\"", c->because)
                                   : _("(no reason given)");
  const ac_replacement *via_rep =
      ac_replaced_triage(p, c, rep, (int32_t)pos, lower && !ac_embedded(&lower->e) ? &lower->e : NULL);
  const char *own, *via = NULL;
  if (lower)
    own = ac_arena_printf(p->arena,
                          _("symptom rule '%s' gives only '%s' on day %ld, below the floor '%s' of constraint '%s': %s"),
                          lower->e.name, ac_level_name(lower->level), (long)pos,
                          ac_level_name(c->floor), c->e.name, because);
  else
    own = ac_arena_printf(p->arena,
                          _("no symptom rule makes these symptoms at least '%s' on day %ld, as constraint '%s' requires: %s"),
                          ac_level_name(c->floor), (long)pos, c->e.name, because);
  if (via_rep && lower)
    via = ac_arena_printf(p->arena,
                          _("overriding '%s' leaves symptom rule '%s' to give only '%s' on day %ld, below the floor '%s' of constraint '%s': %s"),
                          via_rep->replaced->name, lower->e.name, ac_level_name(lower->level),
                          (long)pos, ac_level_name(c->floor), c->e.name, because);
  else if (via_rep)
    via = ac_arena_printf(p->arena,
                          _("overriding '%s' leaves no symptom rule that makes these symptoms at least '%s' on day %ld, as constraint '%s' requires: %s"),
                          via_rep->replaced->name, ac_level_name(c->floor), (long)pos, c->e.name,
                          because);
  ac_blame(p, AC_E_TRIAGE_FLOOR, lower ? &lower->e : NULL, via_rep, &c->e, own, via);
  return true;
}

/* A triage constraint holds for every intensity its items allow (an item
 * without one: any intensity): each combination is checked, the last item
 * fastest, and the first that breaks it is reported.  At most
 * AC_MAX_REPORTS combinations (3^6: a constraint of more items is checked
 * on its first combinations only). */
#define AC_MAX_REPORTS 729
static void ac_check_triage_floor(ac_protocol *p, const ac_constraint *c) {
  int n = 0;
  for (const ac_symptom_item *i = c->items; i; i = i->next) n++;
  ac_intensity *rep = ac_arena_array(p->arena, (size_t)n + 1, sizeof *rep);
  ac_intensity *lo = ac_arena_array(p->arena, (size_t)n + 1, sizeof *lo);
  ac_intensity *hi = ac_arena_array(p->arena, (size_t)n + 1, sizeof *hi);
  int k = 0;
  for (const ac_symptom_item *i = c->items; i; i = i->next, k++) {
    lo[k] = rep[k] = i->intensity == AC_INTENSITY_ANY ? AC_INTENSITY_MILD : i->intensity;
    hi[k] = i->most == AC_INTENSITY_ANY ? (ac_intensity)(AC_NINTENSITIES - 1) : i->most;
  }
  for (int tries = 0; tries < AC_MAX_REPORTS; tries++) {
    if (ac_check_triage_report(p, c, rep)) return;
    for (k = n - 1; k >= 0 && rep[k] >= hi[k]; k--) rep[k] = lo[k];
    if (k < 0) return;
    rep[k]++;
  }
}

static void ac_check_constraints(ac_protocol *p) {
  ac_vec *cs = &p->entities[AC_ENT_CONSTRAINT];
  for (size_t i = 0; i < cs->len; i++) {
    const ac_constraint *c = cs->items[i];
    if (c->e.replaced) continue;
    if (c->is_triage) {
      ac_check_triage_floor(p, c);
      continue;
    }
    int one, n;
    const int *members = ac_target_members(p, c->target, &one, &n);
    for (int k = 0; k < n; k++) {
      const ac_activity *a = AC_ACTIVITY(p, members[k]);
      for (int pass = 0; pass < 2; pass++) {
        if (pass == 1 && !p->has_final_only) break;
        const ac_timeline *t = pass == 0 ? &a->final_tl : &a->every_tl;
        /* The counterexample: the first offending day from day 0 on, else
         * the first before it (an open range would otherwise name day
         * -2147483648). */
        int32_t day;
        int32_t from = c->from < 0 && c->to >= 0 ? 0 : c->from;
        const ac_segment *seg = ac_first_violation(t, from, c->to, &day);
        if (seg == (const ac_segment *)t && from != c->from)
          seg = ac_first_violation(t, c->from, -1, &day);
        if (seg == (const ac_segment *)t) continue;
        ac_report_violation(p, c, a, seg, day, pass == 1);
        break;
      }
    }
  }
}

/* ---- Warnings ---- */

static void ac_warn_unused(ac_protocol *p) {
  ac_vec *rules = &p->entities[AC_ENT_RULE];
  for (size_t i = 0; i < rules->len; i++) {
    const ac_rule *r = rules->items[i];
    if (r->used || r->e.replaced || r->e.layer->src->embedded) continue;
    ac_diag_add(p->diags, AC_SEV_WARNING, AC_W_NO_EFFECT, r->e.layer->src, ac_entity_loc(&r->e),
                _("rule '%s' never takes effect: other rules decide every one of its days"),
                r->e.name);
  }
}

/* The warning of an activity undecided on days from..to: at the
 * `overrides` that replaced the base's rule that decided the first of them,
 * else at the activity (never one of the standard protocol). */
static void ac_warn_gap(ac_protocol *p, const ac_activity *act, int32_t from, int32_t to) {
  const ac_replacement *rep = ac_replaced_rule(p, act->e.index, from, false, NULL);
  if (rep && !(rep->replaced->kind == AC_ENT_RULE &&
               ((const ac_rule *)rep->replaced)->from <= from &&
               from <= ((const ac_rule *)rep->replaced)->to))
    rep = NULL; /* it did not decide these days */
  long f = (long)from, t = (long)to, h = (long)p->horizon;
  const char *name = act->e.name;
  if (rep) {
    const char *r = rep->replaced->name;
    ac_diag *g =
        from == to
            ? ac_diag_add(p->diags, AC_SEV_WARNING, AC_W_GAP, rep->by->layer->src, rep->name->loc,
                          _("overriding '%s' leaves '%s' undecided on day %ld, within the horizon (days 0..%ld): add a rule, or say 'no guidance for %s ...'"),
                          r, name, f, h, name)
            : ac_diag_add(p->diags, AC_SEV_WARNING, AC_W_GAP, rep->by->layer->src, rep->name->loc,
                          _("overriding '%s' leaves '%s' undecided on days %ld..%ld, within the horizon (days 0..%ld): add a rule, or say 'no guidance for %s ...'"),
                          r, name, f, t, h, name);
    ac_note_overridden(p, g, rep->replaced);
  } else if (!act->e.layer->src->embedded) {
    if (from == to)
      ac_diag_add(p->diags, AC_SEV_WARNING, AC_W_GAP, act->e.layer->src, ac_entity_loc(&act->e),
                  _("no rule decides '%s' on day %ld, within the horizon (days 0..%ld): add a rule, or say 'no guidance for %s ...'"),
                  name, f, h, name);
    else
      ac_diag_add(p->diags, AC_SEV_WARNING, AC_W_GAP, act->e.layer->src, ac_entity_loc(&act->e),
                  _("no rule decides '%s' on days %ld..%ld, within the horizon (days 0..%ld): add a rule, or say 'no guidance for %s ...'"),
                  name, f, t, h, name);
  }
}

static void ac_warn_gaps(ac_protocol *p) {
  int na = AC_NACTIVITIES(p);
  /* No-guidance days per activity, gathered as windows. */
  int *count = calloc((size_t)na + 1, sizeof *count);
  if (!count) abort();
  for (size_t i = 0; i < p->no_guidance.len; i++) {
    const ac_no_guidance *ng = p->no_guidance.items[i];
    int one, n;
    const int *m = ac_target_members(p, ng->target, &one, &n);
    for (int k = 0; k < n; k++) count[m[k] + 1]++;
  }
  for (int a = 0; a < na; a++) count[a + 1] += count[a];
  ac_span *w = malloc(((size_t)count[na] + 1) * sizeof *w);
  int *fill = calloc((size_t)na + 1, sizeof *fill);
  if (!w || !fill) abort();
  for (size_t i = 0; i < p->no_guidance.len; i++) {
    const ac_no_guidance *ng = p->no_guidance.items[i];
    int one, n;
    const int *m = ac_target_members(p, ng->target, &one, &n);
    for (int k = 0; k < n; k++) {
      ac_span *x = &w[count[m[k]] + fill[m[k]]++];
      x->from = ng->from;
      x->to = ng->to;
    }
  }
  int32_t horizon = (int32_t)p->horizon;
  for (int a = 0; a < na; a++) {
    const ac_activity *act = AC_ACTIVITY(p, a);
    /* An activity of the standard protocol is reported only when an
     * extension's `overrides` left it undecided (below). */
    if (act->e.layer->src->embedded && p->replacements.len == 0) continue;
    ac_span *nw = w + count[a];
    size_t nn = (size_t)(count[a + 1] - count[a]);
    qsort(nw, nn, sizeof *nw, ac_span_compare);
    const ac_timeline *t = &act->final_tl;
    /* Walk day 0..horizon: covered by a segment or by no guidance. */
    int64_t pos = 0;
    int si = ac_timeline_lower(t, 0);
    size_t wi = 0;
    while (pos <= horizon) {
      while (si < t->nsegs && t->segs[si].to < pos) si++;
      while (wi < nn && nw[wi].to < pos) wi++;
      int64_t next = pos;
      if (si < t->nsegs && t->segs[si].from <= pos) next = (int64_t)t->segs[si].to + 1;
      if (wi < nn && nw[wi].from <= pos && (int64_t)nw[wi].to + 1 > next)
        next = (int64_t)nw[wi].to + 1;
      if (next > pos) {
        pos = next;
        continue;
      }
      /* A gap from pos to the next covered day. */
      int64_t end = horizon;
      if (si < t->nsegs && t->segs[si].from - 1 < end) end = (int64_t)t->segs[si].from - 1;
      if (wi < nn && nw[wi].from - 1 < end) end = (int64_t)nw[wi].from - 1;
      ac_warn_gap(p, act, (int32_t)pos, (int32_t)end);
      break;
    }
  }
  free(w);
  free(fill);
  free(count);
}

/* An alias is matched by asking: the query that names it ("can ALIAS on
 * day 0", "symptoms ALIAS on day 0", "can A on day 0 with ALIAS = true"),
 * read by the query parser and resolved as any query is.  NULL when the
 * query names this entity; else the entity it names, or the entity itself
 * when it does not parse or names nothing.  a: a scratch arena. */
static const ac_entity *ac_alias_names(const ac_protocol *p, ac_arena *a, const ac_entity *e,
                                       const char *given) {
  /* A no-break space is a space to the names' keys, and a client types a
   * space where the alias has one. */
  char *alias = ac_arena_strdup(a, given);
  for (char *c = alias; (c = strstr(c, "\xC2\xA0")) != NULL;) {
    *c = ' ';
    memmove(c + 1, c + 2, strlen(c + 2) + 1);
  }
  const char *text;
  switch (e->kind) {
  case AC_ENT_ACTIVITY:
    text = ac_arena_printf(a, "can %s on day 0", alias);
    break;
  case AC_ENT_SYMPTOM:
    text = ac_arena_printf(a, "symptoms %s on day 0", alias);
    break;
  default: {
    if (AC_NACTIVITIES(p) == 0) return NULL; /* no query can give a fact */
    text = ac_arena_printf(a, "can %s on day 0 with %s = %s", AC_ACTIVITY(p, 0)->e.name, alias,
                           ((const ac_fact *)e)->is_bool ? "true" : "0");
    break;
  }
  }
  ac_diags d;
  ac_diags_init(&d, a);
  ac_source *src = ac_source_from_memory(a, "query", text, strlen(text));
  ac_query *q = ac_parse_query(a, src, &d);
  ac_request req;
  if (!q || d.errors || !ac_query_resolve(p, a, q, src, &d, &req)) return e;
  if (e->kind == AC_ENT_ACTIVITY)
    return &req.activity->e == e ? NULL : &req.activity->e;
  if (e->kind == AC_ENT_SYMPTOM) {
    if (req.nsymptoms == 1 && req.symptoms[0] == e->index) return NULL;
    return req.nsymptoms == 1 ? p->entities[AC_ENT_SYMPTOM].items[req.symptoms[0]] : e;
  }
  return req.facts.known[e->index] ? NULL : e;
}

/* AC0404: aliases (of the protocols the user wrote) that no query can
 * match. */
static void ac_warn_aliases(ac_protocol *p) {
  static const ac_entity_kind kinds[] = {AC_ENT_ACTIVITY, AC_ENT_SYMPTOM, AC_ENT_FACT};
  ac_arena *a = NULL;
  for (int k = 0; k < 3; k++) {
    const ac_vec *v = &p->entities[kinds[k]];
    for (size_t i = 0; i < v->len; i++) {
      const ac_entity *e = v->items[i];
      if (e->layer->src->embedded || e->replaced) continue;
      for (const ac_clause *c = e->decl->clauses; c; c = c->next) {
        if (c->kind != AC_CLAUSE_ALIASES) continue;
        for (const ac_alias *al = c->aliases; al; al = al->next) {
          if (!a) a = ac_arena_new();
          const ac_entity *o = ac_alias_names(p, a, e, al->text.text);
          ac_arena_reset(a);
          if (!o) continue;
          if (o == e)
            ac_diag_add(p->diags, AC_SEV_WARNING, AC_W_ALIAS, e->layer->src, al->text.loc,
                        _("no query can match the alias '%s' of '%s': a query does not read it "
                          "as a name (its words are letters and digits, joined by ' or -, "
                          "and are not keywords of queries)"),
                        al->text.text, e->name);
          else
            ac_diag_add(p->diags, AC_SEV_WARNING, AC_W_ALIAS, e->layer->src, al->text.loc,
                        _("no query can match the alias '%s' of '%s': a query that says it "
                          "names %s '%s'"),
                        al->text.text, e->name, ac_entity_kind_name(o->kind), o->name);
        }
      }
    }
  }
  if (a) ac_arena_free(a);
}

/* `no guidance` never overrides a rule.  Within one protocol it covers the
 * days its rules leave undecided; over days a base's rule decides it says
 * nothing, which is worth a warning: an extension that means to take the
 * base's guidance back must override the base's rule.  One warning per
 * statement, at its first such day.  Statements of the standard protocol are
 * not reported. */
static void ac_warn_no_guidance(ac_protocol *p) {
  for (size_t i = 0; i < p->no_guidance.len; i++) {
    const ac_no_guidance *ng = p->no_guidance.items[i];
    if (ng->layer->src->embedded) continue;
    int one, n;
    const int *m = ac_target_members(p, ng->target, &one, &n);
    const ac_segment *first = NULL;
    const ac_activity *act = NULL;
    int32_t day = 0;
    for (int k = 0; k < n; k++) {
      const ac_activity *a = AC_ACTIVITY(p, m[k]);
      const ac_timeline *t = &a->final_tl;
      for (int si = ac_timeline_lower(t, ng->from); si < t->nsegs && t->segs[si].from <= ng->to;
           si++) {
        if (ac_segment_rules(&t->segs[si])[0]->e.layer->depth >= ng->layer->depth) continue;
        int32_t d = t->segs[si].from > ng->from ? t->segs[si].from : ng->from;
        if (!first || d < day) {
          first = &t->segs[si];
          act = a;
          day = d;
        }
        break;
      }
    }
    if (!first) continue;
    const ac_rule *r = ac_segment_rules(first)[0];
    ac_diag *g = ac_diag_add(
        p->diags, AC_SEV_WARNING, AC_W_NO_GUIDANCE, ng->layer->src, ng->decl->days->loc,
        _("rule '%s' makes '%s' %s on day %ld, and 'no guidance' does not override a rule: override it with a rule of fewer days, or leave these days out of 'no guidance'"),
        r->e.name, act->e.name, ac_verdict_name(first->verdict), (long)day);
    ac_diag_note(p->diags, g, r->e.layer->src, ac_entity_loc(&r->e), _("rule '%s' is here"),
                 r->e.name);
  }
}

/* ---- Symptom rules, most severe first ---- */

static int ac_triage_compare(const void *x, const void *y) {
  const ac_triage *a = *(ac_triage *const *)x, *b = *(ac_triage *const *)y;
  if (a->level != b->level) return a->level > b->level ? -1 : 1;
  return (a->order > b->order) - (a->order < b->order);
}

/* The fallback symptom rule in force: one per protocol; an extension's
 * replaces its base's. */
static void ac_find_fallback(ac_protocol *p) {
  ac_vec *ts = &p->entities[AC_ENT_TRIAGE];
  ac_triage *fb = NULL;
  for (size_t i = 0; i < ts->len; i++) {
    ac_triage *t = ts->items[i];
    if (!t->fallback || t->e.replaced) continue;
    if (fb && fb->e.layer == t->e.layer) {
      ac_diag *g = ac_diag_add(p->diags, AC_SEV_ERROR, AC_E_DUPLICATE, t->e.layer->src,
                               ac_entity_loc(&t->e),
                               _("a protocol has one fallback symptom rule ('symptoms "
                                 "otherwise'): '%s' is a second one"),
                               t->e.name);
      ac_diag_note(p->diags, g, fb->e.layer->src, ac_entity_loc(&fb->e),
                   _("the first is '%s', here"), fb->e.name);
      t->e.replaced = true;
      continue;
    }
    if (fb) fb->e.replaced = true;
    fb = t;
  }
  p->fallback = fb;
  /* A word the protocol does not know may be a danger sign misspelt or put
   * otherwise: the fallback is never below `monitor`. */
  if (fb && fb->level < AC_LEVEL_MONITOR)
    ac_diag_add(p->diags, AC_SEV_ERROR, AC_E_TRIAGE_FLOOR, fb->e.layer->src, ac_entity_loc(&fb->e),
                _("the fallback symptom rule '%s' gives only '%s': a symptom the protocol does "
                  "not declare may be a danger sign, so the fallback is at least 'monitor'"),
                fb->e.name, ac_level_name(fb->level));
}

static void ac_sort_triage(ac_protocol *p) {
  ac_vec *ts = &p->entities[AC_ENT_TRIAGE];
  p->triage_sorted = ac_arena_array(p->arena, ts->len + 1, sizeof *p->triage_sorted);
  p->ntriage = 0;
  for (size_t i = 0; i < ts->len; i++) {
    ac_triage *t = ts->items[i];
    if (!t->e.replaced) p->triage_sorted[p->ntriage++] = t;
  }
  qsort(p->triage_sorted, (size_t)p->ntriage, sizeof *p->triage_sorted, ac_triage_compare);
}

void ac_check(ac_protocol *p) {
  size_t nstmts = 0, ndecls = 0, nphrases = 0;
  for (int i = 0; i < p->nlayers; i++) {
    nstmts += p->layers[i]->file->nstmts;
    ndecls += p->layers[i]->file->ndecls;
    nphrases += p->layers[i]->file->nphrases;
  }
  p->names = ac_names_new_sized(p->arena, nstmts);
  /* Sized for what it holds: a query's lookup reads one slot of it. */
  p->phrases = ac_names_new_sized(p->arena, nphrases);
  /* The vectors of the two commonest kinds get their room at once, from
   * the parser's counts (at most one pointer per statement): grown by
   * doubling, a million rules would leave as many pointers again in the
   * arena behind them. */
  ac_vec_reserve(p->arena, &p->entities[AC_ENT_ACTIVITY], ndecls);
  ac_vec_reserve(p->arena, &p->entities[AC_ENT_RULE], nstmts - ndecls);
  p->horizon = 365;
  p->sessions = 1;
  for (int i = 0; i < p->nlayers; i++) {
    ac_layer *layer = p->layers[i];
    ac_check_header(p, layer, layer->file->syntax_errors);
    if (layer->horizon >= 0) p->horizon = layer->horizon;
    if (layer->sessions > 0) p->sessions = layer->sessions;
  }
  p->documents = ac_names_new(p->arena);
  p->statements = ac_names_new(p->arena);
  for (int i = 0; i < p->nlayers; i++) ac_declare_layer(p, p->layers[i]);
  ac_check_citations(p);
  ac_resolve_groups(p);
  for (int i = 0; i < p->nlayers; i++) ac_resolve_layer(p, p->layers[i]);
  ac_build_phrases(p);
  ac_names_sort(p->phrases); /* for "did you mean" in queries */
  ac_find_fallback(p);
  ac_check_expectations(p);
  ac_timeline_compile(p);
  ac_check_constraints(p);
  /* Warnings only for a chain without errors: an error (an unknown name, a
   * reversed range) would otherwise show up again as a gap or a dead rule. */
  if (p->diags->errors == 0) {
    ac_warn_unused(p);
    ac_warn_gaps(p);
    ac_warn_no_guidance(p);
    ac_warn_aliases(p);
  }
  ac_sort_triage(p);
}
