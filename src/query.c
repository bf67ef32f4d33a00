/*
 * query.c -- resolving queries against a protocol; see query.h.
 */
#include "config.h"

#include "query.h"

#include <string.h>

#include "i18n.h"
#include "names.h"

char *ac_query_phrase_key(ac_arena *a, char kind, const char *phrase) {
  return ac_names_normalise_key(a, kind, phrase);
}

/* The words of a phrase from word `from` on, joined by spaces. */
static char *ac_join(ac_arena *a, const ac_word *w) {
  size_t n = 0;
  for (const ac_word *x = w; x; x = x->next) n += strlen(x->text) + 1;
  char *out = ac_arena_alloc(a, n + 1), *o = out; /* linear: no strcat */
  for (const ac_word *x = w; x; x = x->next) {
    if (x != w) *o++ = ' ';
    size_t k = strlen(x->text);
    memcpy(o, x->text, k);
    o += k;
  }
  *o = '\0';
  return out;
}

/* A name as a message quotes it: at most 80 bytes (a query may have
 * thousands of words; the caret shows them all). */
static const char *ac_quoted(ac_arena *a, const char *name) {
  if (strlen(name) <= 80) return name;
  int n = 77; /* not in the middle of a character */
  while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80) n--;
  return ac_arena_printf(a, "%.*s...", n, name);
}

static bool ac_is_filler(const char *word, const char *const *fillers) {
  for (; *fillers; fillers++)
    if (strcasecmp(word, *fillers) == 0) return true;
  return false;
}

typedef struct ac_kind_filter {
  ac_entity_kind kind;
} ac_kind_filter;

static int ac_accept_kind(void *value, void *ctx) {
  return ((ac_entity *)value)->kind == ((ac_kind_filter *)ctx)->kind;
}

/* Looks a phrase up, dropping leading filler words ("I", "to") if the
 * whole phrase names nothing: at most AC_MAX_FILLERS of them (each try
 * costs the length of the phrase: "i i i ... swim" must not take
 * quadratic time). */
#define AC_MAX_FILLERS 16
static ac_entity *ac_find_phrase(const ac_protocol *p, ac_arena *a, char kind,
                                 const ac_word *w, const char *const *fillers) {
  for (int dropped = 0;; dropped++) {
    const char *phrase = w && w->next ? ac_join(a, w) : w ? w->text : "";
    ac_entity *e = ac_names_get(p->phrases, ac_query_phrase_key(a, kind, phrase));
    if (e) return e;
    if (!w || !w->next || !ac_is_filler(w->text, fillers) || dropped == AC_MAX_FILLERS)
      return NULL;
    w = w->next;
  }
}

static ac_loc ac_phrase_loc(const ac_phrase *ph) {
  ac_loc loc = ph->words ? ph->words->loc : ph->loc;
  for (const ac_word *w = ph->words; w; w = w->next) {
    loc.last_line = w->loc.last_line;
    loc.last_column = w->loc.last_column;
  }
  return loc;
}

/* The entity of another kind than `kind` that `rest` names, or NULL. */
static const ac_entity *ac_other_kind(const ac_protocol *p, ac_arena *a, char kind,
                                      const char *rest) {
  static const struct {
    char key;
    ac_entity_kind kind;
  } others[] = {{'a', AC_ENT_ACTIVITY}, {'s', AC_ENT_SYMPTOM}, {'f', AC_ENT_FACT}};
  for (size_t i = 0; i < sizeof others / sizeof *others; i++) {
    if (others[i].key == kind) continue;
    ac_entity *o = ac_names_get(p->phrases, ac_query_phrase_key(a, others[i].key, rest));
    if (o && o->kind == others[i].kind) return o;
  }
  return NULL;
}

/* The name of an entity of kind ekind close to `rest` ("did you mean"), or
 * NULL. */
static const char *ac_close_name(const ac_protocol *p, ac_arena *a, char kind,
                                 ac_entity_kind ekind, const char *rest, const ac_diags *d) {
  if (ac_diags_full(d)) return NULL;
  ac_kind_filter f = {ekind};
  const char *key =
      ac_names_suggest(p->phrases, ac_query_phrase_key(a, kind, rest), ac_accept_kind, &f);
  return key ? ((ac_entity *)ac_names_get(p->phrases, key))->name : NULL;
}

/* Reports a phrase that names nothing of its kind.  `from`: the words to
 * look for a name of another kind, or a close name, in (the phrase without
 * an intensity word); the message quotes the whole phrase. */
static void ac_unknown_phrase(const ac_protocol *p, ac_arena *a, char kind,
                              ac_entity_kind ekind, const ac_phrase *ph, const ac_word *from,
                              const ac_source *src, ac_diags *d, const char *what) {
  char *text = ac_join(a, ph->words);
  char *rest = from && from != ph->words ? ac_join(a, from) : text;
  /* A name of another kind: say so ("'redness' is a symptom, not an
   * activity") rather than that it is unknown. */
  const ac_entity *o = ac_other_kind(p, a, kind, rest);
  if (o) {
    ac_diag_add(d, AC_SEV_ERROR, AC_E_KIND, src, ac_phrase_loc(ph), _("'%s' is %s, not %s"),
                ac_quoted(a, rest), ac_entity_kind_a(o->kind), ac_entity_kind_a(ekind));
    return;
  }
  const char *hint = ac_close_name(p, a, kind, ekind, rest, d);
  /* `with` takes a fact or a symptom: a misspelt symptom gets its hint. */
  if (!hint && ekind == AC_ENT_FACT) hint = ac_close_name(p, a, 's', AC_ENT_SYMPTOM, rest, d);
  if (hint)
    ac_diag_add(d, AC_SEV_ERROR, AC_E_UNKNOWN, src, ac_phrase_loc(ph),
                _("unknown %s '%s' (did you mean '%s'?)"), what, ac_quoted(a, text), hint);
  else
    ac_diag_add(d, AC_SEV_ERROR, AC_E_UNKNOWN, src, ac_phrase_loc(ph), _("unknown %s '%s'"),
                what, ac_quoted(a, text));
}

/* A symptom the protocol does not declare, in a `symptoms` query of a
 * protocol with a fallback: answered by the fallback, with a warning
 * (in an expectation, only when a declared symptom is close: a typo). */
static void ac_undeclared_symptom(const ac_protocol *p, ac_arena *a, const ac_query *q,
                                  const ac_phrase *ph, const ac_word *from,
                                  const ac_source *src, ac_diags *d, ac_request *out) {
  char *text = ac_join(a, ph->words);
  char *rest = from && from != ph->words ? ac_join(a, from) : text;
  const char *hint = ac_close_name(p, a, 's', AC_ENT_SYMPTOM, rest, d);
  out->unknown[out->nunknown] = text;
  out->unknown_hint[out->nunknown] = hint;
  out->nunknown++;
  if (q->in_expect && !hint) return;
  if (hint)
    ac_diag_add(d, AC_SEV_WARNING, AC_W_UNDECLARED_SYMPTOM, src, ac_phrase_loc(ph),
                _("symptom '%s' is not declared (did you mean '%s'?): answered by the fallback "
                  "symptom rule '%s'"),
                ac_quoted(a, text), hint, p->fallback->e.name);
  else
    ac_diag_add(d, AC_SEV_WARNING, AC_W_UNDECLARED_SYMPTOM, src, ac_phrase_loc(ph),
                _("symptom '%s' is not declared: answered by the fallback symptom rule '%s'"),
                ac_quoted(a, text), p->fallback->e.name);
}

typedef struct ac_case_match {
  const char *name;
  ac_entity *found;
  int count;
} ac_case_match;

static void ac_case_match_one(const char *key, void *value, void *ctx) {
  ac_case_match *m = ctx;
  if (strcasecmp(key, m->name) != 0) return;
  m->found = value;
  m->count++;
}

static const char *const ac_activity_fillers[] = {"i", "we", "you", "may", "can", "to",
                                                   "still", "please", NULL};
static const char *const ac_symptom_fillers[] = {"a", "an", "some", "my", "the", NULL};

bool ac_query_resolve(const ac_protocol *p, ac_arena *a, const ac_query *q,
                        const ac_source *src, ac_diags *d, ac_request *out) {
  memset(out, 0, sizeof *out);
  out->kind = q->kind;
  out->query = q;
  out->day = (int32_t)q->day;
  out->session = q->session;
  out->final_session = q->session == 0 || q->session == -1 || q->session >= p->sessions;
  bool ok = true;
  switch (q->kind) {
  case AC_Q_CAN:
  case AC_Q_WHEN: {
    ac_entity *e = ac_find_phrase(p, a, 'a', q->subject->words, ac_activity_fillers);
    if (!e) {
      ac_unknown_phrase(p, a, 'a', AC_ENT_ACTIVITY, q->subject, NULL, src, d, _("activity"));
      return false;
    }
    out->activity = (const ac_activity *)e;
    if (q->kind == AC_Q_WHEN) break;
    /* Facts and symptoms the query gives (none: every condition is open). */
    out->gives_facts = q->facts != NULL;
    if (out->gives_facts) ac_cond_facts_init(&out->facts, a, p);
    /* In reading order: problems are reported in order, and a repeated
     * fact's last value counts. */
    for (const ac_fact_value *fv = q->facts; fv; fv = fv->next) {
      ac_entity *f = ac_find_phrase(p, a, 'f', fv->name->words, ac_symptom_fillers);
      if (f) {
        const ac_fact *fact = (const ac_fact *)f;
        if (fact->is_bool != fv->is_bool) {
          ac_diag_add(d, AC_SEV_ERROR, AC_E_TYPE, src, fv->loc,
                      fact->is_bool ? _("'%s' is yes or no: say '%s = true' or '%s = false'")
                                    : _("'%s' is a number: say '%s = N'"),
                      f->name, f->name, f->name);
          ok = false;
          continue;
        }
        out->facts.known[f->index] = true;
        out->facts.value[f->index] = fv->value;
        continue;
      }
      ac_entity *s = ac_find_phrase(p, a, 's', fv->name->words, ac_symptom_fillers);
      if (s && fv->is_bool) {
        out->facts.symptom_known[s->index] = true;
        out->facts.reported[s->index] = fv->value != 0;
        continue;
      }
      ac_unknown_phrase(p, a, 'f', AC_ENT_FACT, fv->name, NULL, src, d, _("fact"));
      ok = false;
    }
    break;
  }
  case AC_Q_SYMPTOMS: {
    int n = 0;
    for (const ac_phrase *ph = q->symptoms; ph; ph = ph->next) n++;
    out->symptoms = ac_arena_array(a, (size_t)n + 1, sizeof *out->symptoms);
    out->intensities = ac_arena_array(a, (size_t)n + 1, sizeof *out->intensities);
    out->unknown = ac_arena_array(a, (size_t)n + 1, sizeof *out->unknown);
    out->unknown_hint = ac_arena_array(a, (size_t)n + 1, sizeof *out->unknown_hint);
    for (const ac_phrase *ph = q->symptoms; ph; ph = ph->next) {
      const ac_word *w = ph->words;
      ac_intensity in = AC_INTENSITY_ANY;
      if (w && w->next && ac_intensity_of(w->text, strlen(w->text)) != AC_INTENSITY_ANY) {
        in = ac_intensity_of(w->text, strlen(w->text));
        w = w->next;
      }
      ac_entity *e = ac_find_phrase(p, a, 's', w, ac_symptom_fillers);
      if (!e && in != AC_INTENSITY_ANY)
        e = ac_find_phrase(p, a, 's', ph->words, ac_symptom_fillers);
      if (!e && p->fallback &&
          !ac_other_kind(p, a, 's', ac_join(a, w))) {
        ac_undeclared_symptom(p, a, q, ph, w, src, d, out);
        continue;
      }
      if (!e) {
        /* "mild rednes": suggest from the name without its intensity */
        ac_unknown_phrase(p, a, 's', AC_ENT_SYMPTOM, ph, w, src, d, _("symptom"));
        ok = false;
        continue;
      }
      out->symptoms[out->nsymptoms] = e->index;
      out->intensities[out->nsymptoms] = in;
      out->nsymptoms++;
    }
    break;
  }
  case AC_Q_EXPLAIN: {
    char *name = ac_join(a, q->subject->words);
    for (char *c = name; *c; c++)
      if (*c == ' ') *c = '_';
    ac_entity *e = ac_names_get(p->names, name);
    if (!e) {
      /* Names are exact in a protocol, case-insensitive in a query: take
       * the one name that differs only in case. */
      ac_case_match m = {name, NULL, 0};
      ac_names_each(p->names, ac_case_match_one, &m);
      if (m.count == 1) e = m.found;
    }
    if (!e) {
      const char *hint = ac_diags_full(d) ? NULL : ac_names_suggest(p->names, name, NULL, NULL);
      if (hint)
        ac_diag_add(d, AC_SEV_ERROR, AC_E_UNKNOWN, src, ac_phrase_loc(q->subject),
                    _("nothing is named '%s' (did you mean '%s'?)"), ac_quoted(a, name), hint);
      else
        ac_diag_add(d, AC_SEV_ERROR, AC_E_UNKNOWN, src, ac_phrase_loc(q->subject),
                    _("nothing is named '%s'"), ac_quoted(a, name));
      return false;
    }
    out->explain = e;
    break;
  }
  case AC_Q_DAY:
  case AC_Q_LIST:
  case AC_Q_HELP:
    break;
  }
  return ok;
}
