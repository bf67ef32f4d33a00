/*
 * output.c -- rendering answers and diagnostics; see output.h.
 */
#include "config.h"

#include "output.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "condition.h"
#include "evaluator.h"
#include "i18n.h"


const char *ac_output_where(ac_arena *a, const ac_entity *e) {
  return ac_arena_printf(a, "%s:%d", e->layer->src->path, e->line);
}

const char *ac_output_days(ac_arena *a, int32_t from, int32_t to) {
  bool of = from == AC_DAY_MIN, ot = to == AC_DAY_MAX;
  if (of && ot) return _("always");
  if (of) return ac_arena_printf(a, _("days ..%ld"), (long)to);
  if (ot) return ac_arena_printf(a, _("days %ld.."), (long)from);
  if (from == to) return ac_arena_printf(a, _("day %ld"), (long)from);
  return ac_arena_printf(a, _("days %ld..%ld"), (long)from, (long)to);
}

/* A string and its length, known where it is made: an argument of an
 * answer line (ac_line_fill). */
typedef struct ac_str {
  const char *s;
  size_t n;
} ac_str;

static ac_str ac_str_of(const char *s) { return (ac_str){s, strlen(s)}; }

/* The ac_str of a string literal: its length is known where it is
 * written. */
#define AC_STR_LIT(s) ((ac_str){"" s, sizeof(s) - 1})

/* After the day of a `can` answer: " after session K", or nothing. */
static ac_str ac_session_text(ac_arena *a, const ac_request *r) {
  if (r->session > 0)
    return ac_str_of(ac_arena_printf(a, _(" after session %lld"), (long long)r->session));
  if (r->session == -1) return ac_str_of(_(" after the final session"));
  return (ac_str){"", 0};
}

/* The condition of a rule as the patient must satisfy it. */
static const char *ac_rule_condition(ac_arena *a, const ac_rule *r) {
  const char *c = ac_cond_text(a, r->cond);
  return r->cond_negated ? ac_arena_printf(a, "not (%s)", c) : c;
}

/* Both verdicts of a conditional answer or rule with its condition:
 * "allowed only if C", else "discouraged if C, forbidden otherwise". */
static const char *ac_both_verdicts(ac_arena *a, ac_verdict holds, ac_verdict otherwise,
                                    const char *cond) {
  if (ac_verdict_allows_if(holds, otherwise)) return ac_arena_printf(a, _("allowed only if %s"), cond);
  /* TRANSLATORS: the verdict when the condition holds, the condition, the
   * verdict when it does not */
  return ac_arena_printf(a, _("%s if %s, %s otherwise"), ac_verdict_text(holds), cond,
                         ac_verdict_text(otherwise));
}

/* What a conditional rule or segment says, after its verdict "conditional",
 * with its condition: "only if C" for `allow ... only if`, else
 * "discouraged if C, forbidden otherwise". */
static const char *ac_after_conditional(ac_arena *a, const ac_rule *r, const char *cond) {
  if (ac_verdict_allows_if(r->holds, r->otherwise)) return ac_arena_printf(a, _("only if %s"), cond);
  return ac_both_verdicts(a, r->holds, r->otherwise, cond);
}

static const char *ac_rule_both(ac_arena *a, const ac_rule *r) {
  return ac_after_conditional(a, r, ac_rule_condition(a, r));
}

/* The JSON members of a conditional verdict: its condition and both
 * verdicts. */
static void ac_json_both(json_t *o, const char *cond, ac_verdict holds, ac_verdict otherwise) {
  json_object_set_new(o, "condition", json_string(cond));
  json_object_set_new(o, "if_holds", json_string(ac_verdict_name(holds)));
  json_object_set_new(o, "otherwise", json_string(ac_verdict_name(otherwise)));
}

/* A JSON string of text that may not be valid UTF-8 (a query line, a file
 * name, a message quoting them): jansson refuses such text, and the member
 * would be left out; each invalid byte becomes U+FFFD instead. */
static json_t *ac_json_text(const char *s) {
  json_t *j = json_string(s);
  if (j) return j;
  size_t n = strlen(s), k = 0;
  char *buf = malloc(3 * n + 1);
  if (!buf) abort();
  for (size_t i = 0; i < n;) {
    size_t m = ac_utf8_valid_seq((const unsigned char *)s + i, n - i);
    if (m) {
      memcpy(buf + k, s + i, m);
      k += m;
      i += m;
    } else {
      memcpy(buf + k, "\xEF\xBF\xBD", 3);
      k += 3;
      i++;
    }
  }
  buf[k] = '\0';
  j = json_string(buf);
  free(buf);
  return j;
}

/* The conditions of the rules of a conditional segment (all must hold),
 * joined by "and", each once: with facts `f`, only those the facts leave
 * open; with NULL, all. */
static const char *ac_open_conditions(ac_arena *a, const ac_segment *seg, const ac_facts *f) {
  const char *out = "";
  const char **seen = ac_arena_array(a, (size_t)seg->nrules + 1, sizeof *seen);
  int n = 0;
  for (int i = 0; i < seg->nrules; i++) {
    const ac_rule *r = ac_segment_rules(seg)[i];
    if (f && ac_cond_eval(r->cond, f) != AC_UNSURE) continue;
    const char *c = ac_rule_condition(a, r);
    bool again = false;
    for (int j = 0; j < n && !again; j++) again = strcmp(seen[j], c) == 0;
    if (again) continue;
    seen[n] = c;
    if (seg->nrules > 1 && strstr(c, " or ")) c = ac_arena_printf(a, "(%s)", c);
    out = n++ == 0 ? c : ac_arena_printf(a, "%s and %s", out, c);
  }
  return out;
}

/* Every condition of a conditional segment. */
static const char *ac_seg_conditions(ac_arena *a, const ac_segment *seg) {
  return ac_open_conditions(a, seg, NULL);
}

/* The same for a segment: its rules give the same two verdicts. */
static const char *ac_seg_both(ac_arena *a, const ac_segment *seg) {
  return ac_after_conditional(a, ac_segment_rules(seg)[0], ac_seg_conditions(a, seg));
}

static void ac_emit_json(json_t *obj, FILE *out) {
  char *s = json_dumps(obj, JSON_COMPACT | JSON_ENSURE_ASCII | JSON_PRESERVE_ORDER);
  if (s) {
    fputs(s, out);
    fputc('\n', out);
    free(s);
  }
  json_decref(obj);
}

static json_t *ac_json_day(int32_t d, bool open) {
  return open ? json_null() : json_integer(d);
}

/* An answer lists at most AC_MAX_REASONS reasons (timeline.h: the first,
 * in the order it lists them), then says how many more there are. */
static int ac_shown(int n) { return n > AC_MAX_REASONS ? AC_MAX_REASONS : n; }

/* "more_reasons": K, when n reasons leave K > 0 unlisted. */
static void ac_more_reasons_json(json_t *o, int n) {
  if (n > AC_MAX_REASONS) json_object_set_new(o, "more_reasons", json_integer(n - AC_MAX_REASONS));
}

/* The statement a citation names (NULL only in a protocol with errors). */
static const ac_statement *ac_cited(const ac_protocol *p, const ac_ident *id) {
  return p->statements ? ac_names_get(p->statements, id->name) : NULL;
}

/* The statements a statement of the protocol cites, each with its document
 * and its text: [{"id", "document", "text"}]. */
static json_t *ac_json_cites(const ac_protocol *p, const ac_stmt *s) {
  json_t *list = json_array();
  for (const ac_clause *c = s->clauses; c; c = c->next) {
    if (c->kind != AC_CLAUSE_CITES) continue;
    for (const ac_ident *id = c->names; id; id = id->next) {
      const ac_statement *st = ac_cited(p, id);
      json_t *o = json_object();
      json_object_set_new(o, "id", json_string(id->name));
      json_object_set_new(o, "document", st ? json_string(st->item->document) : json_null());
      json_object_set_new(o, "text", st ? json_string(st->item->text.text) : json_null());
      json_array_append_new(list, o);
    }
  }
  return list;
}

static json_t *ac_json_reasons(const ac_protocol *p, ac_arena *a, const ac_segment *seg) {
  json_t *list = json_array();
  if (!seg) return list;
  for (int i = 0; i < ac_shown(seg->nrules); i++) {
    const ac_rule *r = ac_segment_rules(seg)[i];
    json_t *o = json_object();
    json_object_set_new(o, "rule", json_string(r->e.name));
    json_object_set_new(o, "text", r->because ? json_string(r->because) : json_null());
    json_object_set_new(o, "source", json_string(ac_output_where(a, &r->e)));
    if (r->cond) json_object_set_new(o, "condition", json_string(ac_rule_condition(a, r)));
    json_object_set_new(o, "cites", ac_json_cites(p, r->e.decl));
    json_array_append_new(list, o);
  }
  return list;
}

/* A line being built, written with one fwrite: `can` answers are the hot
 * path of batch mode, and stdio costs more per call than per byte.  Its
 * buffer is the caller's, then grows in the call's arena. */
typedef struct ac_line {
  ac_arena *arena;
  char *buf;
  size_t len, cap;
} ac_line;

static void ac_line_grow(ac_line *l, size_t more) {
  size_t cap = l->cap;
  while (cap < l->len + more + 1) cap *= 2;
  char *b = ac_arena_array(l->arena, cap, 1);
  memcpy(b, l->buf, l->len);
  l->buf = b;
  l->cap = cap;
}

static inline void ac_line_reserve(ac_line *l, size_t more) {
  if (l->len + more + 1 > l->cap) ac_line_grow(l, more);
}

static void ac_line_putn(ac_line *l, const char *s, size_t n) {
  ac_line_reserve(l, n);
  memcpy(l->buf + l->len, s, n);
  l->len += n;
}

static void ac_line_put(ac_line *l, const char *s) { ac_line_putn(l, s, strlen(s)); }

/* A string literal: its length is known where it is written. */
#define ac_line_lit(l, s) ac_line_putn((l), "" s, sizeof(s) - 1)

/* Several pieces in a row, their lengths known first: room for them all
 * is made once (ac_line_room: where they go), each is copied after the
 * one before (ac_put), and the line ends where the last did
 * (ac_line_end). */
static char *ac_line_room(ac_line *l, size_t more) {
  ac_line_reserve(l, more);
  return l->buf + l->len;
}

static inline char *ac_put(char *d, ac_str s) {
  memcpy(d, s.s, s.n);
  return d + s.n;
}

static inline void ac_line_end(ac_line *l, char *d) { l->len = (size_t)(d - l->buf); }

/* A number in decimal, written at the end of buf (24 bytes); returns its
 * digits and their count. */
static ac_str ac_decimal(char buf[24], long v) {
  /* Two digits at a time: days and lines have two or three. */
  static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                              "25262728293031323334353637383940414243444546474849"
                              "50515253545556575859606162636465666768697071727374"
                              "75767778798081828384858687888990919293949596979899";
  int i = 23;
  unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
  buf[i] = '\0';
  while (u >= 100) {
    i -= 2;
    memcpy(buf + i, pairs + 2 * (u % 100), 2);
    u /= 100;
  }
  if (u >= 10) {
    i -= 2;
    memcpy(buf + i, pairs + 2 * u, 2);
  } else
    buf[--i] = (char)('0' + u);
  if (v < 0) buf[--i] = '-';
  return (ac_str){buf + i, (size_t)(23 - i)};
}

/* A message of an answer line (a printf format of its catalogue) filled
 * with arguments that are all strings, a number written by ac_decimal:
 * "%s", "%d", "%ld" and "%lu" take the next argument, "%N$s" (and so on)
 * the Nth (a translation may reorder them), "%%" is a '%'.  The line's
 * messages need no more, and vsnprintf took more time than all the rest
 * of a short answer (docs/performance.md). */
static void ac_line_fill(ac_line *l, const char *tmpl, int nargs, const ac_str *args) {
  int next = 0;
  const char *p = tmpl;
  for (;;) {
    /* The text up to the next '%' or the end, copied as it is read: the
     * template is read once, its pieces too short to pay for a search
     * (strchr) and then a copy (memcpy) of each. */
    char *d = l->buf + l->len, *room_end = l->buf + l->cap - 1; /* - 1: the NUL's room */
    char c;
    while ((c = *p) != '%' && c != '\0') {
      if (d == room_end) {
        l->len = (size_t)(d - l->buf);
        ac_line_grow(l, 1);
        d = l->buf + l->len;
        room_end = l->buf + l->cap - 1;
      }
      *d++ = c;
      p++;
    }
    l->len = (size_t)(d - l->buf);
    if (!c) return;
    p++;
    int arg = next++;
    if (*p >= '1' && *p <= '9' && p[1] == '$') {
      arg = *p - '1';
      p += 2;
    }
    if (*p == 'l') p++;
    if (*p == 's' || *p == 'd' || *p == 'u') {
      if (arg < nargs) ac_line_putn(l, args[arg].s, args[arg].n);
      p++;
    } else {
      ac_line_lit(l, "%"); /* "%%", or what no template holds */
      if (*p == '%') p++;
      next--;
    }
  }
}

/* The reasons of a verdict, each after `sep` ("\n  " for text, " | " for
 * one-line answers): rule 'NAME' (FILE:LINE) [only if C]: BECAUSE. */
static void ac_text_reasons(ac_arena *a, const ac_segment *seg, ac_str sep, ac_line *l) {
  if (!seg) return;
  ac_str rule = ac_str_of(ac_entity_kind_name(AC_ENT_RULE)); /* translated once an answer */
  ac_rule *const *rules = ac_segment_rules(seg);
  for (int i = 0; i < ac_shown(seg->nrules); i++) {
    const ac_rule *r = rules[i];
    ac_str name = ac_str_of(r->e.name), path = ac_str_of(r->e.layer->src->path);
    char num[24];
    ac_str line = ac_decimal(num, r->e.line);
    /* sep, rule, " '", name, "' (", path, ":", line, ")": 7 bytes between */
    char *d = ac_line_room(l, sep.n + rule.n + name.n + path.n + line.n + 7);
    d = ac_put(d, sep);
    d = ac_put(d, rule);
    d = ac_put(d, AC_STR_LIT(" '"));
    d = ac_put(d, name);
    d = ac_put(d, AC_STR_LIT("' ("));
    d = ac_put(d, path);
    d = ac_put(d, AC_STR_LIT(":"));
    d = ac_put(d, line);
    d = ac_put(d, AC_STR_LIT(")"));
    ac_line_end(l, d);
    if (r->cond) {
      ac_line_lit(l, " [");
      ac_line_put(l, ac_rule_both(a, r));
      ac_line_lit(l, "]");
    }
    if (r->because) {
      ac_line_lit(l, ": ");
      ac_line_put(l, r->because);
    }
  }
  if (seg->nrules + ac_segment_nmore(seg) > AC_MAX_REASONS) {
    unsigned long k = (unsigned long)(seg->nrules + ac_segment_nmore(seg) - AC_MAX_REASONS);
    ac_line_putn(l, sep.s, sep.n);
    char num[24];
    ac_str arg = ac_decimal(num, (long)k);
    ac_line_fill(l, P_("and %lu more rule", "and %lu more rules", k), 1, &arg);
  }
}

/* The answer to `can` after "ACTIVITY on day N: ": the verdict, why, and
 * the rules behind it, then the line end. */
static void ac_can_tail(ac_arena *a, const ac_request *r, const ac_can_answer *ans,
                        ac_format fmt, ac_line *l) {
  ac_line_put(l, ac_verdict_text(ans->verdict));
  if (ans->verdict == AC_CONDITIONAL)
  {
    ac_line_lit(l, ", ");
    ac_line_put(l, ac_both_verdicts(a, ans->holds, ans->otherwise,
                                    ac_open_conditions(a, ans->seg, &r->facts)));
  }
  else if (ans->timeline == AC_CONDITIONAL && ans->deciding) {
    ac_str cond = ac_str_of(ac_rule_condition(a, ans->deciding));
    ac_line_fill(l, ans->deciding_holds ? _(" (%s holds)") : _(" (%s does not hold)"), 1, &cond);
  }
  else if (ans->timeline == AC_CONDITIONAL)
    ac_line_put(l, _(" (every condition holds)"));
  else if (ans->verdict == AC_UNKNOWN)
    ac_line_put(l, _(" (no rule covers this day: ask your practitioner)"));
  ac_text_reasons(a, ans->seg, fmt == AC_FORMAT_LINE ? AC_STR_LIT(" | ") : AC_STR_LIT("\n  "), l);
  ac_line_lit(l, "\n");
}

/* Returns whether the verdict is "forbidden". */
static bool ac_answer_can(const ac_protocol *p, ac_arena *a, const ac_request *r,
                          const char *qt, ac_format fmt, FILE *out) {
  ac_can_answer ans;
  ac_eval_can(p, r, &ans);
  const char *act = r->activity->e.name;
  if (fmt == AC_FORMAT_JSON) {
    json_t *o = json_object();
    json_object_set_new(o, "query", json_string(qt));
    json_object_set_new(o, "activity", json_string(act));
    json_object_set_new(o, "day", json_integer(r->day));
    if (r->session) json_object_set_new(o, "session", r->session > 0 ? json_integer(r->session) : json_string("final"));
    json_object_set_new(o, "verdict", json_string(ac_verdict_name(ans.verdict)));
    if (ans.verdict == AC_CONDITIONAL)
      ac_json_both(o, ac_open_conditions(a, ans.seg, &r->facts), ans.holds, ans.otherwise);
    else if (ans.timeline == AC_CONDITIONAL && ans.deciding)
      json_object_set_new(o, "condition", json_string(ac_rule_condition(a, ans.deciding)));
    json_object_set_new(o, "reasons", ac_json_reasons(p, a, ans.seg));
    if (ans.seg) ac_more_reasons_json(o, ans.seg->nrules + ac_segment_nmore(ans.seg));
    ac_emit_json(o, out);
    return ans.verdict == AC_FORBIDDEN;
  }
  char buf[512];
  ac_line line = {a, buf, 0, sizeof buf}, *l = &line;
  char day[24];
  ac_str args[] = {ac_str_of(act), ac_decimal(day, (long)r->day), ac_session_text(a, r)};
  /* TRANSLATORS: the activity, the day, then " after session K" or nothing */
  ac_line_fill(l, _("%s on day %ld%s: "), 3, args);
  ac_can_tail(a, r, &ans, fmt, l);
  fwrite(l->buf, 1, l->len, out);
  return ans.verdict == AC_FORBIDDEN;
}

static void ac_answer_when(const ac_protocol *p, ac_arena *a, const ac_request *r,
                           const char *qt, ac_format fmt, FILE *out) {
  ac_when_answer ans;
  ac_eval_when(p, a, r->activity, r->final_session, &ans);
  const char *act = r->activity->e.name;
  if (fmt == AC_FORMAT_JSON) {
    json_t *o = json_object();
    json_object_set_new(o, "query", json_string(qt));
    json_object_set_new(o, "activity", json_string(act));
    json_object_set_new(o, "allowed_from", ans.never ? json_null() : json_integer(ans.allowed_from));
    json_t *ws = json_array();
    for (int i = 0; i < ans.nwindows; i++) {
      const ac_window *w = &ans.windows[i];
      json_t *wo = json_object();
      json_object_set_new(wo, "from", ac_json_day(w->from, w->open_from));
      json_object_set_new(wo, "to", ac_json_day(w->to, w->open_to));
      json_object_set_new(wo, "verdict", json_string(ac_verdict_name(w->verdict)));
      if (w->verdict == AC_CONDITIONAL && w->seg)
        ac_json_both(wo, ac_seg_conditions(a, w->seg), ac_segment_rules(w->seg)[0]->holds,
                     ac_segment_rules(w->seg)[0]->otherwise);
      json_array_append_new(ws, wo);
    }
    json_object_set_new(o, "windows", ws);
    ac_emit_json(o, out);
    return;
  }
  if (ans.never)
    fprintf(out, _("%s: never allowed (it stays forbidden)\n"), act);
  else
    fprintf(out, _("%s: no longer forbidden from day %ld\n"), act, (long)ans.allowed_from);
  for (int i = 0; i < ans.nwindows; i++) {
    const ac_window *w = &ans.windows[i];
    fprintf(out, "  %-14s %s",
            ac_output_days(a, w->open_from ? AC_DAY_MIN : w->from, w->open_to ? AC_DAY_MAX : w->to),
            ac_verdict_text(w->verdict));
    if (w->verdict == AC_CONDITIONAL && w->seg)
      fprintf(out, " (%s)", ac_seg_both(a, w->seg));
    fputc('\n', out);
  }
}

static const char *ac_symptom_list(ac_arena *a, const ac_protocol *p, const ac_request *r) {
  /* Two passes (the length, then the text): linear in the symptoms.  The
   * declared symptoms, then the undeclared ones as written, quoted. */
  char *s = NULL, *o = NULL;
  for (int pass = 0; pass < 2; pass++) {
    size_t n = 0;
    for (int i = 0; i < r->nsymptoms + r->nunknown; i++) {
      const char *parts[4];
      parts[0] = i ? ", " : "";
      if (i < r->nsymptoms) {
        const ac_entity *e = p->entities[AC_ENT_SYMPTOM].items[r->symptoms[i]];
        const char *in = ac_intensity_name(r->intensities[i]);
        parts[1] = in ? in : "";
        parts[2] = in ? " " : "";
        parts[3] = e->name;
      } else {
        parts[1] = "'";
        parts[2] = r->unknown[i - r->nsymptoms];
        parts[3] = "'";
      }
      for (int k = 0; k < 4; k++) {
        size_t len = strlen(parts[k]);
        if (o) memcpy(o + n, parts[k], len);
        n += len;
      }
    }
    if (o) {
      o[n] = '\0';
      break;
    }
    s = o = ac_arena_alloc(a, n + 1);
  }
  return s;
}

static void ac_answer_symptoms(const ac_protocol *p, ac_arena *a, const ac_request *r,
                               const char *qt, ac_format fmt, FILE *out) {
  ac_triage_answer ans;
  ac_eval_symptoms(p, a, r, &ans);
  if (fmt == AC_FORMAT_JSON) {
    json_t *o = json_object();
    json_object_set_new(o, "query", json_string(qt));
    json_object_set_new(o, "day", json_integer(r->day));
    json_t *ss = json_array(), *is = json_array();
    for (int i = 0; i < r->nsymptoms; i++) {
      const ac_entity *e = p->entities[AC_ENT_SYMPTOM].items[r->symptoms[i]];
      json_array_append_new(ss, json_string(e->name));
      /* the intensity reported with it ("severe burning"), or null */
      ac_intensity in = r->intensities[i];
      json_array_append_new(is, ac_intensity_name(in) ? json_string(ac_intensity_name(in)) : json_null());
    }
    json_object_set_new(o, "symptoms", ss);
    json_object_set_new(o, "intensities", is);
    json_object_set_new(o, "level", json_string(ac_level_name(ans.level)));
    if (r->nunknown > 0) {
      json_t *us = json_array();
      for (int i = 0; i < r->nunknown; i++) {
        json_t *u = json_object();
        json_object_set_new(u, "word", json_string(r->unknown[i]));
        json_object_set_new(u, "did_you_mean",
                            r->unknown_hint[i] ? json_string(r->unknown_hint[i]) : json_null());
        json_array_append_new(us, u);
      }
      json_object_set_new(o, "unknown_symptoms", us);
    }
    json_t *adv = json_array();
    for (int i = 0; i < ac_shown(ans.nfired); i++) {
      const ac_triage *t = ans.fired[i];
      json_t *ao = json_object();
      json_object_set_new(ao, "level", json_string(ac_level_name(t->level)));
      json_object_set_new(ao, "text", t->advice ? json_string(t->advice) : json_null());
      json_object_set_new(ao, "rule", json_string(t->e.name));
      json_object_set_new(ao, "source", json_string(ac_output_where(a, &t->e)));
      json_object_set_new(ao, "cites", ac_json_cites(p, t->e.decl));
      json_array_append_new(adv, ao);
    }
    json_object_set_new(o, "advice", adv);
    ac_more_reasons_json(o, ans.nfired);
    ac_emit_json(o, out);
    return;
  }
  fprintf(out, _("%s on day %ld: %s"), ac_symptom_list(a, p, r), (long)r->day,
          ac_level_text(ans.level));
  if (ans.nfired == 0) fputs(_(" (no symptom rule covers this: ask your practitioner)"), out);
  fputc('\n', out);
  for (int i = 0; i < ac_shown(ans.nfired); i++) {
    const ac_triage *t = ans.fired[i];
    fprintf(out, _("  %s: %s (symptom rule '%s', %s)\n"), ac_level_text(t->level),
            t->advice ? t->advice : "", t->e.name, ac_output_where(a, &t->e));
  }
  if (ans.nfired > AC_MAX_REASONS) {
    unsigned long k = (unsigned long)(ans.nfired - AC_MAX_REASONS);
    fputs("  ", out);
    fprintf(out, P_("and %lu more rule", "and %lu more rules", k), k);
    fputc('\n', out);
  }
}

static const char *ac_guidance_word(ac_guidance_kind k) {
  switch (k) {
  case AC_GUIDE_DO: return "do";
  case AC_GUIDE_DONT: return "dont";
  case AC_GUIDE_WHY: return "why";
  default: return "";
  }
}

json_t *ac_output_phase_json(const ac_phase *ph, bool with_days) {
  json_t *po = json_object();
  json_object_set_new(po, "name", json_string(ph->e.name));
  json_object_set_new(po, "title", ph->title ? json_string(ph->title) : json_null());
  if (with_days) {
    json_object_set_new(po, "from", ac_json_day(ph->from, ph->from == AC_DAY_MIN));
    json_object_set_new(po, "to", ac_json_day(ph->to, ph->to == AC_DAY_MAX));
  }
  json_t *lists[3] = {json_array(), json_array(), json_array()};
  for (const ac_guidance *g = ph->guidance; g; g = g->next)
    if (g->kind <= AC_GUIDE_WHY) json_array_append_new(lists[g->kind], json_string(g->text.text));
  json_object_set_new(po, "do", lists[0]);
  json_object_set_new(po, "dont", lists[1]);
  json_object_set_new(po, "why", lists[2]);
  return po;
}

/* Listings pad names to a column: at least AC_LIST_NAME_WIDTH wide, and as
 * wide as the longest name listed up to AC_LIST_NAME_WIDTH_MAX (a longer
 * name pushes its own line only).  A name is an identifier: its bytes are
 * its width. */
#define AC_LIST_NAME_WIDTH 24
#define AC_LIST_NAME_WIDTH_MAX 40

static int ac_name_width(const char *name, int width) {
  size_t n = strlen(name);
  if (n > AC_LIST_NAME_WIDTH_MAX) n = AC_LIST_NAME_WIDTH_MAX;
  return n > (size_t)width ? (int)n : width;
}

static void ac_answer_day(const ac_protocol *p, ac_arena *a, const ac_request *r,
                          const char *qt, ac_format fmt, FILE *out) {
  int32_t day = r->day;
  const ac_vec *phases = &p->entities[AC_ENT_PHASE];
  const ac_vec *advice = &p->entities[AC_ENT_ADVICE];
  int na = AC_NACTIVITIES(p);
  if (fmt == AC_FORMAT_JSON) {
    json_t *o = json_object();
    json_object_set_new(o, "query", json_string(qt));
    json_object_set_new(o, "day", json_integer(day));
    json_t *ps = json_array();
    for (size_t i = 0; i < phases->len; i++) {
      const ac_phase *ph = phases->items[i];
      if (ph->e.replaced || day < ph->from || day > ph->to) continue;
      json_array_append_new(ps, ac_output_phase_json(ph, true));
    }
    json_object_set_new(o, "phases", ps);
    json_t *as = json_array();
    for (size_t i = 0; i < advice->len; i++) {
      const ac_advice *ad = advice->items[i];
      if (ad->e.replaced || day < ad->from || day > ad->to) continue;
      json_array_append_new(as, json_string(ad->text));
    }
    json_object_set_new(o, "advice", as);
    json_t *acts = json_object();
    for (int i = 0; i < na; i++) {
      const ac_activity *act = AC_ACTIVITY(p, i);
      const ac_segment *seg = ac_timeline_find(ac_timeline_for(p, i, r->final_session), day);
      json_object_set_new(acts, act->e.name, json_string(ac_verdict_name(seg ? seg->verdict : AC_UNKNOWN)));
    }
    json_object_set_new(o, "activities", acts);
    /* the conditional ones: their condition and both verdicts */
    json_t *conds = json_object();
    for (int i = 0; i < na; i++) {
      const ac_segment *seg = ac_timeline_find(ac_timeline_for(p, i, r->final_session), day);
      if (!seg || seg->verdict != AC_CONDITIONAL || seg->nrules == 0) continue;
      json_t *co = json_object();
      const ac_rule *first = ac_segment_rules(seg)[0];
      ac_json_both(co, ac_seg_conditions(a, seg), first->holds, first->otherwise);
      json_object_set_new(conds, AC_ACTIVITY(p, i)->e.name, co);
    }
    json_object_set_new(o, "conditions", conds);
    ac_emit_json(o, out);
    return;
  }
  fprintf(out, _("day %ld\n"), (long)day);
  fputs(_("phases:\n"), out);
  int shown = 0;
  for (size_t i = 0; i < phases->len; i++) {
    const ac_phase *ph = phases->items[i];
    if (ph->e.replaced || day < ph->from || day > ph->to) continue;
    fprintf(out, "  %s (%s)\n", ph->title, ac_output_days(a, ph->from, ph->to));
    for (const ac_guidance *g = ph->guidance; g; g = g->next)
      if (g->kind <= AC_GUIDE_WHY) fprintf(out, "    %-5s %s\n", ac_guidance_word(g->kind), g->text.text);
    shown++;
  }
  if (!shown) fputs(_("  (none)\n"), out);
  shown = 0;
  for (size_t i = 0; i < advice->len; i++) {
    const ac_advice *ad = advice->items[i];
    if (ad->e.replaced || day < ad->from || day > ad->to) continue;
    if (!shown++) fputs(_("advice:\n"), out);
    fprintf(out, "  - %s\n", ad->text);
  }
  fputs(_("activities:\n"), out);
  int width = AC_LIST_NAME_WIDTH;
  for (int i = 0; i < na; i++) width = ac_name_width(AC_ACTIVITY(p, i)->e.name, width);
  for (int i = 0; i < na; i++) {
    const ac_activity *act = AC_ACTIVITY(p, i);
    const ac_segment *seg = ac_timeline_find(ac_timeline_for(p, i, r->final_session), day);
    fprintf(out, "  %-*s %s", width, act->e.name, ac_verdict_text(seg ? seg->verdict : AC_UNKNOWN));
    if (seg && seg->verdict == AC_CONDITIONAL && seg->nrules > 0)
      fprintf(out, " (%s)", ac_seg_both(a, seg));
    fputc('\n', out);
  }
}

/* The name of a rule's or a constraint's target: an activity or a group. */
static const char *ac_target_name(const ac_protocol *p, ac_target t) {
  const ac_entity *e = p->entities[t.is_group ? AC_ENT_GROUP : AC_ENT_ACTIVITY].items[t.index];
  return e->name;
}

/* The symptoms of a symptom constraint as written: "severe burning, at
 * most moderate redness, mild..moderate swelling". */
static void ac_items_print(const ac_protocol *p, const ac_symptom_item *it, FILE *out) {
  for (const char *sep = ""; it; it = it->next, sep = ", ") {
    const char *name = ((const ac_entity *)p->entities[AC_ENT_SYMPTOM].items[it->index])->name;
    const char *least = ac_intensity_name(it->intensity), *most = ac_intensity_name(it->most);
    if (least && most)
      fprintf(out, "%s%s..%s %s", sep, least, most, name);
    else if (least)
      fprintf(out, "%s%s %s", sep, least, name);
    else if (most)
      fprintf(out, "%sat most %s %s", sep, most, name);
    else
      fprintf(out, "%s%s", sep, name);
  }
}

/* The JSON members of a rule that its text shows: what, when, if what. */
static void ac_json_rule(json_t *o, const ac_protocol *p, ac_arena *a, const ac_rule *r) {
  json_object_set_new(o, "target", json_string(ac_target_name(p, r->target)));
  json_object_set_new(o, "group", json_boolean(r->target.is_group));
  json_object_set_new(o, "verdict", json_string(ac_verdict_name(r->verdict)));
  json_object_set_new(o, "from", ac_json_day(r->from, r->from == AC_DAY_MIN));
  json_object_set_new(o, "to", ac_json_day(r->to, r->to == AC_DAY_MAX));
  json_object_set_new(o, "final_session_only", json_boolean(r->final_only));
  if (r->cond) ac_json_both(o, ac_rule_condition(a, r), r->holds, r->otherwise);
}

/* The same for a constraint: its activities or symptoms, days and floor. */
static void ac_json_constraint(json_t *o, const ac_protocol *p, const ac_constraint *c) {
  if (c->is_triage) {
    json_t *items = json_array();
    for (const ac_symptom_item *it = c->e.decl->items; it; it = it->next) {
      json_t *io = json_object();
      const char *least = ac_intensity_name(it->intensity), *most = ac_intensity_name(it->most);
      json_object_set_new(io, "symptom",
                          json_string(((const ac_entity *)p->entities[AC_ENT_SYMPTOM].items[it->index])->name));
      json_object_set_new(io, "at_least", least ? json_string(least) : json_null());
      json_object_set_new(io, "at_most", most ? json_string(most) : json_null());
      json_array_append_new(items, io);
    }
    json_object_set_new(o, "symptoms", items);
    json_object_set_new(o, "level", json_string(ac_level_name(c->floor)));
  } else {
    json_object_set_new(o, "target", json_string(ac_target_name(p, c->target)));
    json_object_set_new(o, "group", json_boolean(c->target.is_group));
    json_object_set_new(o, "verdict", json_string(ac_verdict_name(AC_FORBIDDEN)));
  }
  json_object_set_new(o, "from", ac_json_day(c->from, c->from == AC_DAY_MIN));
  json_object_set_new(o, "to", ac_json_day(c->to, c->to == AC_DAY_MAX));
}

/* A declaration's aliases, as written. */
static json_t *ac_json_aliases(const ac_entity *e) {
  json_t *al = json_array();
  for (const ac_clause *c = e->decl->clauses; c; c = c->next)
    if (c->kind == AC_CLAUSE_ALIASES)
      for (const ac_alias *x = c->aliases; x; x = x->next) json_array_append_new(al, json_string(x->text.text));
  return al;
}

/* One entity of a listing query as JSON. */
static json_t *ac_list_json(const ac_protocol *p, ac_arena *a, const ac_entity *e) {
  json_t *eo = json_object();
  json_object_set_new(eo, "name", json_string(e->name));
  switch (e->kind) {
  case AC_ENT_PHASE: {
    const ac_phase *ph = (const ac_phase *)e;
    json_object_set_new(eo, "title", ph->title ? json_string(ph->title) : json_null());
    json_object_set_new(eo, "from", ac_json_day(ph->from, ph->from == AC_DAY_MIN));
    json_object_set_new(eo, "to", ac_json_day(ph->to, ph->to == AC_DAY_MAX));
    break;
  }
  case AC_ENT_RULE: {
    const ac_rule *r = (const ac_rule *)e;
    ac_json_rule(eo, p, a, r);
    json_object_set_new(eo, "because", r->because ? json_string(r->because) : json_null());
    json_object_set_new(eo, "source", json_string(ac_output_where(a, e)));
    break;
  }
  case AC_ENT_CONSTRAINT: {
    const ac_constraint *c = (const ac_constraint *)e;
    ac_json_constraint(eo, p, c);
    json_object_set_new(eo, "because", c->because ? json_string(c->because) : json_null());
    json_object_set_new(eo, "source", json_string(ac_output_where(a, e)));
    break;
  }
  case AC_ENT_GROUP: {
    const ac_group *g = (const ac_group *)e;
    json_object_set_new(eo, "label", g->label ? json_string(g->label) : json_null());
    json_t *ms = json_array();
    for (int i = 0; i < g->nmembers; i++)
      json_array_append_new(ms, json_string(AC_ACTIVITY(p, g->members[i])->e.name));
    json_object_set_new(eo, "members", ms);
    break;
  }
  default: /* activities, symptoms, facts: a label and aliases */
    if (e->kind == AC_ENT_FACT)
      json_object_set_new(eo, "type", json_string(((const ac_fact *)e)->is_bool ? "boolean" : "number"));
    json_object_set_new(eo, "label", e->decl->text.text ? json_string(e->decl->text.text) : json_null());
    json_object_set_new(eo, "aliases", ac_json_aliases(e));
    break;
  }
  return eo;
}

/* Does a declaration have aliases? */
static bool ac_has_aliases(const ac_entity *e) {
  for (const ac_clause *c = e->decl->clauses; c; c = c->next)
    if (c->kind == AC_CLAUSE_ALIASES && c->aliases) return true;
  return false;
}

/* One entity of a listing query as a line of text: its name, then (padded
 * to `width` characters) what the listing says of it, if anything. */
static void ac_list_text(const ac_protocol *p, ac_arena *a, const ac_entity *e, int width,
                         FILE *out) {
  switch (e->kind) {
  case AC_ENT_PHASE: {
    const ac_phase *ph = (const ac_phase *)e;
    fprintf(out, "%-*s %-16s %s\n", width, e->name, ac_output_days(a, ph->from, ph->to), ph->title);
    return;
  }
  case AC_ENT_RULE: {
    /* shave_razor: conditional, days 11.., only if healed */
    const ac_rule *r = (const ac_rule *)e;
    fprintf(out, "%-*s %s: %s, %s%s%s%s\n", width, e->name, ac_target_name(p, r->target),
            ac_verdict_text(r->verdict), ac_output_days(a, r->from, r->to),
            r->final_only ? _(", after the final session only") : "", r->cond ? ", " : "",
            r->cond ? ac_rule_both(a, r) : "");
    return;
  }
  case AC_ENT_CONSTRAINT: {
    /* water_exposure: forbidden, days 0..2; symptoms discharge: at least urgent, always */
    const ac_constraint *c = (const ac_constraint *)e;
    fprintf(out, "%-*s ", width, e->name);
    if (c->is_triage) {
      fputs("symptoms ", out);
      ac_items_print(p, c->e.decl->items, out);
      /* TRANSLATORS: a constraint's floor: the level, then the days */
      fprintf(out, _(": at least %s, %s"), ac_level_text(c->floor), ac_output_days(a, c->from, c->to));
    } else
      fprintf(out, "%s: %s, %s", ac_target_name(p, c->target), ac_verdict_text(AC_FORBIDDEN),
              ac_output_days(a, c->from, c->to));
    fputc('\n', out);
    return;
  }
  case AC_ENT_GROUP: {
    /* any_swimming  swimming of any kind = swim, salt_water */
    const ac_group *g = (const ac_group *)e;
    if (!g->label && g->nmembers == 0) break;
    fprintf(out, "%-*s%s%s%s", width, e->name, g->label ? " " : "", g->label ? g->label : "",
            g->nmembers ? " =" : "");
    for (int i = 0; i < g->nmembers; i++)
      fprintf(out, "%s%s", i ? ", " : " ", AC_ACTIVITY(p, g->members[i])->e.name);
    fputc('\n', out);
    return;
  }
  default: { /* activities, symptoms, facts: the label, then the aliases */
    const char *label = e->decl->text.text;
    bool fact = e->kind == AC_ENT_FACT;
    if (!label && !fact && !ac_has_aliases(e)) break;
    fprintf(out, "%-*s", width, e->name);
    if (fact) fprintf(out, label ? " %-7s" : " %s", ((const ac_fact *)e)->is_bool ? "boolean" : "number");
    if (label) fprintf(out, " %s", label);
    const char *sep = _(" (also: ");
    for (const ac_clause *c = e->decl->clauses; c; c = c->next)
      if (c->kind == AC_CLAUSE_ALIASES)
        for (const ac_alias *x = c->aliases; x; x = x->next) {
          fprintf(out, "%s%s", sep, x->text.text);
          sep = ", ";
        }
    if (sep[0] == ',') fputc(')', out);
    fputc('\n', out);
    return;
  }
  }
  fprintf(out, "%s\n", e->name); /* nothing more to say */
}

/* A listing query: every entity of a kind in force, in file order (base
 * protocols first). */
static void ac_answer_list(const ac_protocol *p, ac_arena *a, ac_entity_kind kind,
                           const char *qt, ac_format fmt, FILE *out) {
  const ac_vec *v = &p->entities[kind];
  json_t *list = fmt == AC_FORMAT_JSON ? json_array() : NULL;
  int width = AC_LIST_NAME_WIDTH;
  if (!list)
    for (size_t i = 0; i < v->len; i++) {
      const ac_entity *e = v->items[i];
      if (!e->replaced) width = ac_name_width(e->name, width);
    }
  for (size_t i = 0; i < v->len; i++) {
    const ac_entity *e = v->items[i];
    if (e->replaced) continue;
    if (list)
      json_array_append_new(list, ac_list_json(p, a, e));
    else
      ac_list_text(p, a, e, width, out);
  }
  if (list) {
    json_t *o = json_object();
    json_object_set_new(o, "query", json_string(qt));
    json_object_set_new(o, ac_entity_kind_plural(kind), list);
    ac_emit_json(o, out);
  }
}

/* explain NAME: where it is, what it says, as written. */
static void ac_answer_explain(const ac_protocol *p, ac_arena *a, const ac_request *r,
                              const char *qt, ac_format fmt, FILE *out) {
  const ac_entity *e = r->explain;
  const ac_stmt *s = e->decl;
  const ac_source *src = e->layer->src;
  /* The statement's text, line by line. */
  size_t total = 0;
  for (int line = s->loc.first_line; line <= s->loc.last_line; line++) {
    size_t len;
    if (!ac_source_line(src, line, &len)) break;
    total += len + 1;
  }
  char *text = ac_arena_alloc(a, total + 1), *t = text; /* linear in the lines */
  for (int line = s->loc.first_line; line <= s->loc.last_line; line++) {
    size_t len;
    const char *l = ac_source_line(src, line, &len);
    if (!l) break;
    memcpy(t, l, len);
    t += len;
    *t++ = '\n';
  }
  *t = '\0';
  const char *because = NULL;
  for (const ac_clause *c = s->clauses; c; c = c->next)
    if (c->kind == AC_CLAUSE_BECAUSE) because = c->text.text;
  if (fmt == AC_FORMAT_JSON) {
    json_t *o = json_object();
    json_object_set_new(o, "query", json_string(qt));
    json_object_set_new(o, "name", json_string(e->name));
    json_object_set_new(o, "kind", json_string(ac_entity_kind_word(e->kind)));
    json_object_set_new(o, "source", json_string(ac_output_where(a, e)));
    json_object_set_new(o, "replaced", json_boolean(e->replaced));
    if (e->kind == AC_ENT_RULE) ac_json_rule(o, p, a, (const ac_rule *)e);
    json_object_set_new(o, "because", because ? json_string(because) : json_null());
    json_object_set_new(o, "cites", ac_json_cites(p, s));
    json_object_set_new(o, "text", json_string(text));
    ac_emit_json(o, out);
    return;
  }
  fprintf(out, _("%s '%s' (%s)%s\n"), ac_entity_kind_name(e->kind), e->name,
          ac_output_where(a, e), e->replaced ? _(", replaced by an extension") : "");
  if (e->kind == AC_ENT_RULE) {
    const ac_rule *rule = (const ac_rule *)e;
    fprintf(out, _("  %s, %s%s\n"), ac_verdict_text(rule->verdict),
            ac_output_days(a, rule->from, rule->to),
            rule->final_only ? _(", after the final session only") : "");
    if (rule->cond) fprintf(out, "  %s\n", ac_rule_both(a, rule));
  }
  if (because) fprintf(out, _("  because: %s\n"), because);
  const char *sep = _("  cites: ");
  for (const ac_clause *c = s->clauses; c; c = c->next)
    if (c->kind == AC_CLAUSE_CITES)
      for (const ac_ident *i = c->names; i; i = i->next) {
        fprintf(out, "%s%s", sep, i->name);
        sep = ", ";
      }
  if (sep[0] == ',') fputc('\n', out);
  /* each cited statement's text, under the reason */
  for (const ac_clause *c = s->clauses; c; c = c->next)
    if (c->kind == AC_CLAUSE_CITES)
      for (const ac_ident *i = c->names; i; i = i->next) {
        const ac_statement *st = ac_cited(p, i);
        if (st) fprintf(out, "    %s: %s\n", i->name, st->item->text.text);
      }
  const char *line = text;
  while (*line) {
    const char *nl = strchr(line, '\n');
    fprintf(out, "  | %.*s\n", (int)(nl - line), line);
    line = nl + 1;
  }
}

static const char *const ac_help_lines[] = {
    N_("can ACTIVITY on day N [with FACT = VALUE, ...] [after session K | after the final session]"),
    N_("    the verdict for an activity on a day, and the rules behind it"),
    N_("day N                   the phases in force, and every activity's verdict"),
    N_("when ACTIVITY           from which day it is no longer forbidden, and its windows"),
    N_("symptoms S1, S2, ... on day N"),
    N_("    triage: the level, and the advice of every symptom rule that fires"),
    N_("phases | activities | symptoms | facts | rules | groups | constraints"),
    N_("    what the protocol names: labels, aliases, what each rule says"),
    N_("explain NAME            a rule (or any named thing): where, why, as written"),
    N_("help                    this list"),
    NULL,
};

static void ac_answer_help(const char *qt, ac_format fmt, FILE *out) {
  if (fmt == AC_FORMAT_JSON) {
    json_t *o = json_object();
    json_object_set_new(o, "query", json_string(qt));
    json_t *l = json_array();
    for (int i = 0; ac_help_lines[i]; i++) json_array_append_new(l, json_string(_(ac_help_lines[i])));
    json_object_set_new(o, "help", l);
    ac_emit_json(o, out);
    return;
  }
  for (int i = 0; ac_help_lines[i]; i++) fprintf(out, "%s\n", _(ac_help_lines[i]));
}

static bool ac_output_answer_fmt(const ac_protocol *p, ac_arena *a, const ac_request *r,
                                 const char *qt, ac_format fmt, FILE *out);

/* The text answer, its lines joined with " | " (leading blanks dropped). */
static void ac_output_line(const ac_protocol *p, ac_arena *a, const ac_request *r,
                           const char *qt, FILE *out) {
  char *text = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&text, &len);
  if (!m) abort();
  ac_output_answer_fmt(p, a, r, qt, AC_FORMAT_TEXT, m);
  if (fclose(m) != 0) abort();
  const char *buf = text;
  while (len > 0 && buf[len - 1] == '\n') len--;
  size_t i = 0;
  while (i < len) {
    size_t j = i;
    while (j < len && buf[j] != '\n') j++;
    fwrite(buf + i, 1, j - i, out);
    if (j >= len) break;
    fputs(" | ", out);
    i = j + 1;
    while (i < len && buf[i] == ' ') i++;
  }
  fputc('\n', out);
  free(text);
}

bool ac_output_answer(const ac_protocol *p, ac_arena *a, const ac_request *r,
                      const char *qt, ac_format fmt, FILE *out) {
  if (fmt == AC_FORMAT_LINE && r->kind == AC_Q_CAN)
    return ac_answer_can(p, a, r, qt, fmt, out); /* one line already */
  if (fmt == AC_FORMAT_LINE) {
    ac_output_line(p, a, r, qt, out); /* not a `can` */
    return false;
  }
  return ac_output_answer_fmt(p, a, r, qt, fmt, out);
}

/* Returns whether it is a `can` answered "forbidden". */
static bool ac_output_answer_fmt(const ac_protocol *p, ac_arena *a, const ac_request *r,
                                 const char *qt, ac_format fmt, FILE *out) {
  switch (r->kind) {
  case AC_Q_CAN: return ac_answer_can(p, a, r, qt, fmt, out);
  case AC_Q_WHEN: ac_answer_when(p, a, r, qt, fmt, out); break;
  case AC_Q_SYMPTOMS: ac_answer_symptoms(p, a, r, qt, fmt, out); break;
  case AC_Q_DAY: ac_answer_day(p, a, r, qt, fmt, out); break;
  case AC_Q_LIST: ac_answer_list(p, a, r->query->list, qt, fmt, out); break;
  case AC_Q_EXPLAIN: ac_answer_explain(p, a, r, qt, fmt, out); break;
  case AC_Q_HELP: ac_answer_help(qt, fmt, out); break;
  }
  return false;
}

static json_t *ac_json_diag(const ac_diag *g) {
  char code[8];
  json_t *o = json_object();
  json_object_set_new(o, "file", g->src ? ac_json_text(g->src->path) : json_null());
  int off = g->src ? g->src->line_offset : 0;
  json_object_set_new(o, "line", json_integer(g->loc.first_line + off));
  json_object_set_new(o, "column", json_integer(g->loc.first_column));
  json_object_set_new(o, "end_line", json_integer(g->loc.last_line + off));
  json_object_set_new(o, "end_column", json_integer(g->loc.last_column));
  json_object_set_new(o, "severity", json_string(g->severity == AC_SEV_ERROR ? "error"
                                                 : g->severity == AC_SEV_WARNING ? "warning"
                                                                                 : "note"));
  json_object_set_new(o, "code", json_string(ac_diag_code_name(g->code, code)));
  json_object_set_new(o, "message", ac_json_text(g->message));
  if (g->notes) {
    json_t *notes = json_array();
    for (const ac_diag *n = g->notes; n; n = n->next) json_array_append_new(notes, ac_json_diag(n));
    json_object_set_new(o, "notes", notes);
  }
  return o;
}

static json_t *ac_json_diag_list(const ac_diags *d) {
  json_t *list = json_array();
  for (const ac_diag *g = d->first; g; g = g->next) json_array_append_new(list, ac_json_diag(g));
  return list;
}

void ac_output_query_error(const ac_diags *d, const char *qt, ac_format fmt, FILE *out,
                           FILE *err, bool color) {
  if (fmt == AC_FORMAT_JSON) {
    json_t *o = json_object();
    json_object_set_new(o, "query", ac_json_text(qt));
    json_object_set_new(o, "error", ac_json_text(d->first ? d->first->message : _("invalid query")));
    json_object_set_new(o, "diagnostics", ac_json_diag_list(d));
    ac_emit_json(o, out);
    return;
  }
  if (!err) return; /* the caller does not want them */
  ac_render_opts o = {color};
  ac_diags_print_text(d, err, o);
}

void ac_output_diags_json(const ac_diags *d, FILE *out) {
  json_t *o = json_object();
  json_t *list = ac_json_diag_list(d);
  if (d->dropped > 0) {
    /* as in text: a last note, about no place, says how many are not shown */
    char code[8];
    json_t *n = json_object();
    json_object_set_new(n, "file", json_null());
    json_object_set_new(n, "line", json_null());
    json_object_set_new(n, "column", json_null());
    json_object_set_new(n, "end_line", json_null());
    json_object_set_new(n, "end_column", json_null());
    json_object_set_new(n, "severity", json_string("note"));
    json_object_set_new(n, "code", json_string(ac_diag_code_name(AC_N_TOO_MANY, code)));
    char msg[128];
    snprintf(msg, sizeof msg,
             P_("%d more diagnostic not shown (limit %d)", "%d more diagnostics not shown (limit %d)",
                (unsigned long)d->dropped),
             d->dropped, d->limit);
    json_object_set_new(n, "message", json_string(msg));
    json_array_append_new(list, n);
  }
  json_object_set_new(o, "diagnostics", list);
  json_object_set_new(o, "errors", json_integer(d->errors));
  json_object_set_new(o, "warnings", json_integer(d->warnings));
  ac_output_json_document(o, out);
}

void ac_output_json_document(json_t *o, FILE *out) {
  char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  if (s) {
    fputs(s, out);
    fputc('\n', out);
    free(s);
  }
  json_decref(o);
}
