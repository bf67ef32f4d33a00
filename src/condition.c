/*
 * condition.c -- resolving and evaluating conditions; see condition.h.
 */
#include "config.h"

#include "condition.h"

#include <string.h>

#include "i18n.h"
#include "names.h"
#include "parse.h"

static int ac_accept_fact_or_symptom(void *value, void *ctx) {
  (void)ctx;
  ac_entity *e = value;
  return e->kind == AC_ENT_FACT || e->kind == AC_ENT_SYMPTOM;
}

static int ac_accept_symptom(void *value, void *ctx) {
  (void)ctx;
  return ((ac_entity *)value)->kind == AC_ENT_SYMPTOM;
}

static void ac_cond_unknown(ac_protocol *p, const ac_layer *layer,
                            const ac_ident *name, bool symptom_only) {
  if (ac_diags_full(p->diags)) {
    ac_diag_add(p->diags, AC_SEV_ERROR, AC_E_UNKNOWN, layer->src, name->loc, "-");
    return;
  }
  ac_names_sort(p->names);
  const char *hint = ac_names_suggest(p->names, name->name,
                                      symptom_only ? ac_accept_symptom
                                                   : ac_accept_fact_or_symptom,
                                      NULL);
  if (hint)
    ac_diag_add(p->diags, AC_SEV_ERROR, AC_E_UNKNOWN, layer->src, name->loc,
                symptom_only ? _("unknown symptom '%s' (did you mean '%s'?)")
                             : _("unknown fact '%s' (did you mean '%s'?)"),
                name->name, hint);
  else
    ac_diag_add(p->diags, AC_SEV_ERROR, AC_E_UNKNOWN, layer->src, name->loc,
                symptom_only ? _("unknown symptom '%s'") : _("unknown fact '%s'"),
                name->name);
}

bool ac_cond_resolve(ac_protocol *p, const ac_layer *layer, ac_cond *c) {
  if (c->depth > AC_MAX_COND_DEPTH) return false; /* reported by the parser */
  switch (c->kind) {
  case AC_COND_TRUE:
  case AC_COND_FALSE:
    return true;
  case AC_COND_NOT:
    return ac_cond_resolve(p, layer, c->a);
  case AC_COND_AND:
  case AC_COND_OR: {
    bool a = ac_cond_resolve(p, layer, c->a);
    bool b = ac_cond_resolve(p, layer, c->b);
    return a && b;
  }
  case AC_COND_SYMPTOM: {
    ac_entity *e = ac_names_get(p->names, c->name->name);
    if (!e || e->kind != AC_ENT_SYMPTOM) {
      if (e)
        ac_diag_add(p->diags, AC_SEV_ERROR, AC_E_KIND, layer->src, c->name->loc,
                    _("'%s' is %s, not a symptom"), c->name->name,
                    ac_entity_kind_a(e->kind));
      else
        ac_cond_unknown(p, layer, c->name, true);
      return false;
    }
    c->index = e->index;
    return true;
  }
  case AC_COND_FACT: {
    ac_entity *e = ac_names_get(p->names, c->name->name);
    if (e && e->kind == AC_ENT_SYMPTOM && c->cmp == AC_CMP_NONE) {
      /* "unless irritation": a symptom named alone. */
      c->kind = AC_COND_SYMPTOM;
      c->index = e->index;
      return true;
    }
    if (!e || e->kind != AC_ENT_FACT) {
      if (e)
        ac_diag_add(p->diags, AC_SEV_ERROR, AC_E_KIND, layer->src, c->name->loc,
                    _("'%s' is %s, not a fact"), c->name->name,
                    ac_entity_kind_a(e->kind));
      else
        ac_cond_unknown(p, layer, c->name, false);
      return false;
    }
    const ac_fact *f = (const ac_fact *)e;
    c->index = e->index;
    if (f->is_bool && !c->value_is_bool) {
      ac_diag_add(p->diags, AC_SEV_ERROR, AC_E_TYPE, layer->src, c->loc,
                  _("'%s' is a boolean fact: use it alone, or compare it with true or false"),
                  c->name->name);
      return false;
    }
    if (!f->is_bool && c->value_is_bool) {
      ac_diag_add(p->diags, AC_SEV_ERROR, AC_E_TYPE, layer->src, c->loc,
                  c->cmp == AC_CMP_NONE
                      ? _("'%s' is a number fact: compare it with a number")
                      : _("'%s' is a number fact: compare it with a number, not true or false"),
                  c->name->name);
      return false;
    }
    return true;
  }
  }
  return false;
}

ac_truth ac_cond_eval(const ac_cond *c, const ac_facts *f) {
  switch (c->kind) {
  case AC_COND_TRUE:
    return AC_TRUE;
  case AC_COND_FALSE:
    return AC_FALSE;
  case AC_COND_NOT: {
    ac_truth t = ac_cond_eval(c->a, f);
    return t == AC_UNSURE ? AC_UNSURE : t == AC_TRUE ? AC_FALSE : AC_TRUE;
  }
  case AC_COND_AND: {
    ac_truth a = ac_cond_eval(c->a, f);
    if (a == AC_FALSE) return AC_FALSE;
    ac_truth b = ac_cond_eval(c->b, f);
    if (b == AC_FALSE) return AC_FALSE;
    return a == AC_TRUE && b == AC_TRUE ? AC_TRUE : AC_UNSURE;
  }
  case AC_COND_OR: {
    ac_truth a = ac_cond_eval(c->a, f);
    if (a == AC_TRUE) return AC_TRUE;
    ac_truth b = ac_cond_eval(c->b, f);
    if (b == AC_TRUE) return AC_TRUE;
    return a == AC_FALSE && b == AC_FALSE ? AC_FALSE : AC_UNSURE;
  }
  case AC_COND_SYMPTOM:
    if (!f || c->index >= f->nsymptoms || !f->symptom_known[c->index]) return AC_UNSURE;
    return f->reported[c->index] ? AC_TRUE : AC_FALSE;
  case AC_COND_FACT: {
    if (!f || c->index >= f->nfacts || !f->known[c->index]) return AC_UNSURE;
    int64_t v = f->value[c->index];
    bool r;
    switch (c->cmp) {
    case AC_CMP_NONE: r = v != 0; break;
    case AC_CMP_LT: r = v < c->value; break;
    case AC_CMP_LE: r = v <= c->value; break;
    case AC_CMP_GT: r = v > c->value; break;
    case AC_CMP_GE: r = v >= c->value; break;
    case AC_CMP_EQ: r = c->value_is_bool ? (v != 0) == (c->value != 0) : v == c->value; break;
    case AC_CMP_NE: r = c->value_is_bool ? (v != 0) != (c->value != 0) : v != c->value; break;
    default: r = false; break;
    }
    return r ? AC_TRUE : AC_FALSE;
  }
  }
  return AC_UNSURE;
}

static const char *ac_cmp_text(ac_cmp cmp) {
  switch (cmp) {
  case AC_CMP_LT: return "<";
  case AC_CMP_LE: return "<=";
  case AC_CMP_GT: return ">";
  case AC_CMP_GE: return ">=";
  case AC_CMP_EQ: return "==";
  case AC_CMP_NE: return "!=";
  case AC_CMP_NONE: break;
  }
  return "";
}

/* Precedence for parenthesising: or 1, and 2, not 3, atoms 4. */
static int ac_cond_prec(const ac_cond *c) {
  return c->kind == AC_COND_OR ? 1 : c->kind == AC_COND_AND ? 2 : c->kind == AC_COND_NOT ? 3 : 4;
}

static char *ac_cond_sub(ac_arena *a, const ac_cond *c, int prec) {
  char *t = ac_cond_text(a, c);
  return ac_cond_prec(c) < prec ? ac_arena_printf(a, "(%s)", t) : t;
}

char *ac_cond_text(ac_arena *a, const ac_cond *c) {
  switch (c->kind) {
  case AC_COND_TRUE: return "true";
  case AC_COND_FALSE: return "false";
  case AC_COND_NOT: return ac_arena_printf(a, "not %s", ac_cond_sub(a, c->a, 3));
  case AC_COND_AND:
    return ac_arena_printf(a, "%s and %s", ac_cond_sub(a, c->a, 2), ac_cond_sub(a, c->b, 3));
  case AC_COND_OR:
    return ac_arena_printf(a, "%s or %s", ac_cond_sub(a, c->a, 1), ac_cond_sub(a, c->b, 2));
  case AC_COND_SYMPTOM: return ac_arena_printf(a, "symptom %s", c->name->name);
  case AC_COND_FACT:
    if (c->cmp == AC_CMP_NONE) return ac_arena_strdup(a, c->name->name);
    if (c->value_is_bool)
      return ac_arena_printf(a, "%s %s %s", c->name->name, ac_cmp_text(c->cmp),
                             c->value ? "true" : "false");
    return ac_arena_printf(a, "%s %s %lld", c->name->name, ac_cmp_text(c->cmp),
                           (long long)c->value);
  }
  return "";
}

void ac_cond_facts_init(ac_facts *f, ac_arena *a, const ac_protocol *p) {
  memset(f, 0, sizeof *f);
  f->nfacts = (int)p->entities[AC_ENT_FACT].len;
  f->nsymptoms = (int)p->entities[AC_ENT_SYMPTOM].len;
  f->value = ac_arena_array(a, (size_t)f->nfacts + 1, sizeof *f->value);
  f->known = ac_arena_array(a, (size_t)f->nfacts + 1, sizeof *f->known);
  f->symptom = ac_arena_array(a, (size_t)f->nsymptoms + 1, sizeof *f->symptom);
  f->reported = ac_arena_array(a, (size_t)f->nsymptoms + 1, sizeof *f->reported);
  f->symptom_known = ac_arena_array(a, (size_t)f->nsymptoms + 1, sizeof *f->symptom_known);
}

void ac_cond_facts_clear(ac_facts *f) {
  memset(f->known, 0, (size_t)f->nfacts * sizeof *f->known);
  memset(f->reported, 0, (size_t)f->nsymptoms * sizeof *f->reported);
  memset(f->symptom_known, 0, (size_t)f->nsymptoms * sizeof *f->symptom_known);
}
