/*
 * lsp_completion.c -- completion by position (lsp_completion.h).
 */
#include "config.h"

#include "lsp_completion.h"

#include <string.h>

#include "i18n.h"
#include "keyword.h"

/* LSP CompletionItemKind values. */
enum {
  AC_CI_FIELD = 5,      /* an activity */
  AC_CI_VARIABLE = 6,   /* a fact */
  AC_CI_MODULE = 9,     /* a protocol */
  AC_CI_VALUE = 12,     /* a symptom */
  AC_CI_KEYWORD = 14,   /* a keyword */
  AC_CI_REFERENCE = 18, /* a citation */
  AC_CI_FUNCTION = 3,   /* a rule */
  AC_CI_ENUM = 13       /* a group */
};

/* What the words before the cursor ask for. */
typedef enum ac_want {
  AC_WANT_NOTHING,    /* nothing known fits */
  AC_WANT_STATEMENT,  /* a keyword that starts a statement */
  AC_WANT_ACTIVITY,   /* an activity or a group */
  AC_WANT_SYMPTOM,    /* a symptom */
  AC_WANT_FACT,       /* a fact */
  AC_WANT_RULE,       /* a rule's name */
  AC_WANT_CITATION,   /* a statement of a document */
  AC_WANT_PROTOCOL    /* the name of a protocol */
} ac_want;

static bool ac_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '.' || (unsigned char)c >= 0x80;
}

static bool ac_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* What the keyword word[0..n) asks for after it. */
static ac_want ac_want_after(const char *word, size_t n) {
  const ac_keyword *k = ac_keyword_find(word, n, AC_KW_PROTOCOL);
  if (!k) return AC_WANT_NOTHING;
  if (k->cls == AC_KWC_VERB) return AC_WANT_ACTIVITY;
  static const struct {
    const char *word;
    ac_want want;
  } after[] = {{"for", AC_WANT_ACTIVITY},      {"symptoms", AC_WANT_SYMPTOM},
               {"symptom", AC_WANT_SYMPTOM},   {"if", AC_WANT_FACT},
               {"unless", AC_WANT_FACT},       {"with", AC_WANT_FACT},
               {"not", AC_WANT_FACT},          {"and", AC_WANT_FACT},
               {"or", AC_WANT_FACT},           {"overrides", AC_WANT_RULE},
               {"cites", AC_WANT_CITATION},    {"extends", AC_WANT_PROTOCOL}};
  for (size_t i = 0; i < sizeof after / sizeof *after; i++)
    if (strlen(after[i].word) == n && memcmp(after[i].word, word, n) == 0) return after[i].want;
  return AC_WANT_NOTHING;
}

/* Reads back from `at` (the start of the word being typed): a comma goes
 * on to the name before it, up to the keyword that starts the list. */
static ac_want ac_want_at(const char *text, size_t at) {
  size_t i = at;
  for (int names = 0; names < 100000; names++) {
    while (i > 0 && ac_blank(text[i - 1])) i--;
    if (i == 0 || text[i - 1] == ';' || text[i - 1] == '}' || text[i - 1] == '{')
      return AC_WANT_STATEMENT;
    if (text[i - 1] == '=') return AC_WANT_ACTIVITY;
    bool comma = text[i - 1] == ',';
    if (comma) {
      i--;
      while (i > 0 && ac_blank(text[i - 1])) i--;
    }
    size_t end = i;
    while (i > 0 && ac_name_char(text[i - 1])) i--;
    if (i == end) return AC_WANT_NOTHING;
    ac_want w = ac_want_after(text + i, end - i);
    if (w != AC_WANT_NOTHING || !comma) return w;
  }
  return AC_WANT_NOTHING;
}

static void ac_item(json_t *items, const char *label, int kind, const char *detail) {
  json_t *it = json_pack("{s:s,s:i}", "label", label, "kind", kind);
  if (detail) json_object_set_new(it, "detail", json_string(detail));
  json_array_append_new(items, it);
}

/* The entities in force of a kind. */
static void ac_items_of(json_t *items, const ac_protocol *p, ac_entity_kind kind, int ci) {
  const ac_vec *v = &p->entities[kind];
  for (size_t i = 0; i < v->len; i++) {
    const ac_entity *e = v->items[i];
    if (e->replaced || !e->decl->name) continue;
    const char *label = NULL;
    if (kind == AC_ENT_ACTIVITY) label = ((const ac_activity *)e)->label;
    else if (kind == AC_ENT_GROUP) label = ((const ac_group *)e)->label;
    else if (kind == AC_ENT_SYMPTOM) label = ((const ac_symptom *)e)->label;
    else if (kind == AC_ENT_FACT) label = ((const ac_fact *)e)->label;
    ac_item(items, e->name, ci, label);
  }
}

static void ac_items_citations(json_t *items, const ac_protocol *p) {
  for (int l = 0; l < p->nlayers; l++)
    for (const ac_stmt *s = p->layers[l]->file ? p->layers[l]->file->stmts : NULL; s; s = s->next)
      if (s->kind == AC_STMT_DOCUMENT)
        for (const ac_doc_item *it = s->statements; it; it = it->next)
          if (it->id) ac_item(items, it->id->name, AC_CI_REFERENCE, it->text.text);
}

static void ac_items_statements(json_t *items) {
  size_t n;
  const ac_keyword *k = ac_keyword_all(&n);
  for (size_t i = 0; i < n; i++)
    if ((k[i].roles & AC_KW_STARTS) && (k[i].languages & AC_KW_PROTOCOL))
      ac_item(items, k[i].word, AC_CI_KEYWORD, NULL);
  /* A rule may start with its verb. */
  for (size_t i = 0; i < n; i++)
    if (k[i].cls == AC_KWC_VERB) ac_item(items, k[i].word, AC_CI_KEYWORD, NULL);
}

json_t *ac_lsp_completion(const ac_protocol *p, size_t offset) {
  json_t *items = json_array();
  if (!p->nlayers) return items;
  const ac_source *src = p->layers[p->nlayers - 1]->src;
  if (offset > src->len) offset = src->len;
  size_t at = offset;
  while (at > 0 && ac_name_char(src->text[at - 1])) at--;
  if (at > 0 && src->text[at - 1] == '"') at--; /* a protocol's name, quoted */
  switch (ac_want_at(src->text, at)) {
  case AC_WANT_STATEMENT:
    ac_items_statements(items);
    break;
  case AC_WANT_ACTIVITY:
    ac_items_of(items, p, AC_ENT_ACTIVITY, AC_CI_FIELD);
    ac_items_of(items, p, AC_ENT_GROUP, AC_CI_ENUM);
    break;
  case AC_WANT_SYMPTOM:
    ac_items_of(items, p, AC_ENT_SYMPTOM, AC_CI_VALUE);
    break;
  case AC_WANT_FACT:
    ac_items_of(items, p, AC_ENT_FACT, AC_CI_VARIABLE);
    break;
  case AC_WANT_RULE:
    ac_items_of(items, p, AC_ENT_RULE, AC_CI_FUNCTION);
    break;
  case AC_WANT_CITATION:
    ac_items_citations(items, p);
    break;
  case AC_WANT_PROTOCOL:
    ac_item(items, "smp", AC_CI_MODULE, _("the standard SMP protocol"));
    break;
  case AC_WANT_NOTHING:
    break;
  }
  return items;
}
