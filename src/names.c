/*
 * names.c -- open-addressing hash table (linear probing, at most 3/4 full)
 * and edit distance; see names.h.
 */
#include "config.h"

#include "names.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

typedef struct ac_entry {
  const char *key;
  void *value;
  uint64_t hash;
} ac_entry;

struct ac_names {
  ac_arena *arena;
  ac_entry *slots;
  size_t cap, count;
};

static uint64_t ac_names_hash(const char *s) {
  uint64_t h = 1469598103934665603ULL; /* FNV-1a */
  for (; *s; s++) {
    h ^= (unsigned char)*s;
    h *= 1099511628211ULL;
  }
  return h;
}

ac_names *ac_names_new(ac_arena *a) { return ac_names_new_sized(a, 32); }

ac_names *ac_names_new_sized(ac_arena *a, size_t n) {
  ac_names *t = ac_arena_alloc(a, sizeof *t);
  t->arena = a;
  t->cap = 64;
  while (t->cap / 4 * 3 < n + 1) t->cap *= 2;
  t->slots = ac_arena_array(a, t->cap, sizeof *t->slots);
  return t;
}

static ac_entry *ac_names_find(const ac_names *t, const char *key, uint64_t h) {
  size_t mask = t->cap - 1;
  for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
    ac_entry *e = &t->slots[i];
    if (!e->key || (e->hash == h && strcmp(e->key, key) == 0)) return e;
  }
}

static void ac_names_grow(ac_names *t) {
  ac_entry *old = t->slots;
  size_t oldcap = t->cap;
  t->cap *= 2;
  t->slots = ac_arena_array(t->arena, t->cap, sizeof *t->slots);
  for (size_t i = 0; i < oldcap; i++)
    if (old[i].key) *ac_names_find(t, old[i].key, old[i].hash) = old[i];
}

void *ac_names_get(const ac_names *t, const char *key) {
  ac_entry *e = ac_names_find(t, key, ac_names_hash(key));
  return e->key ? e->value : NULL;
}

void ac_names_prefetch(const ac_names *t, const char *key) {
  __builtin_prefetch(&t->slots[(size_t)ac_names_hash(key) & (t->cap - 1)]);
}

void *ac_names_put(ac_names *t, const char *key, void *value) {
  if (t->count + 1 > t->cap / 4 * 3) ac_names_grow(t);
  uint64_t h = ac_names_hash(key);
  ac_entry *e = ac_names_find(t, key, h);
  if (e->key) return e->value;
  e->key = key;
  e->hash = h;
  e->value = value;
  t->count++;
  return value;
}

void ac_names_set(ac_names *t, const char *key, void *value) {
  if (t->count + 1 > t->cap / 4 * 3) ac_names_grow(t);
  uint64_t h = ac_names_hash(key);
  ac_entry *e = ac_names_find(t, key, h);
  if (!e->key) {
    e->key = key;
    e->hash = h;
    t->count++;
  }
  e->value = value;
}

size_t ac_names_count(const ac_names *t) { return t->count; }

void ac_names_each(const ac_names *t,
                   void (*fn)(const char *key, void *value, void *ctx), void *ctx) {
  for (size_t i = 0; i < t->cap; i++)
    if (t->slots[i].key) fn(t->slots[i].key, t->slots[i].value, ctx);
}

int ac_edit_distance(const char *a, const char *b, int max) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > 64 || lb > 64) return max + 1;
  if ((la > lb ? la - lb : lb - la) > (size_t)max) return max + 1;
  int d[66][66];
  for (size_t i = 0; i <= la; i++) d[i][0] = (int)i;
  for (size_t j = 0; j <= lb; j++) d[0][j] = (int)j;
  for (size_t i = 1; i <= la; i++) {
    int row_min = d[i][0]; /* column 0 counts: b may be empty */
    for (size_t j = 1; j <= lb; j++) {
      int cost = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]) ? 0 : 1;
      int v = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
      if (d[i - 1][j - 1] + cost < v) v = d[i - 1][j - 1] + cost;
      if (i > 1 && j > 1 &&
          tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 2]) &&
          tolower((unsigned char)a[i - 2]) == tolower((unsigned char)b[j - 1]) &&
          d[i - 2][j - 2] + 1 < v)
        v = d[i - 2][j - 2] + 1;
      d[i][j] = v;
      if (v < row_min) row_min = v;
    }
    if (row_min > max) return max + 1;
  }
  return d[la][lb] <= max ? d[la][lb] : max + 1;
}

typedef struct ac_suggest_ctx {
  const char *word;
  int best;
  const char *best_key;
  int (*accept)(void *value, void *ctx);
  void *ctx;
} ac_suggest_ctx;

static void ac_suggest_one(const char *key, void *value, void *ctx) {
  ac_suggest_ctx *s = ctx;
  if (s->accept && !s->accept(value, s->ctx)) return;
  int d = ac_edit_distance(s->word, key, s->best);
  if (d < s->best || (d == s->best && s->best_key && strcmp(key, s->best_key) < 0)) {
    s->best = d;
    s->best_key = key;
  }
}

const char *ac_names_suggest(const ac_names *t, const char *word,
                             int (*accept)(void *value, void *ctx), void *ctx) {
  size_t len = strlen(word);
  int max = len <= 3 ? 1 : len <= 8 ? 2 : 3;
  ac_suggest_ctx s = {word, max + 1, NULL, accept, ctx};
  ac_names_each(t, ac_suggest_one, &s);
  return s.best <= max ? s.best_key : NULL;
}

char *ac_normalise(ac_arena *a, const char *text) {
  size_t n = strlen(text);
  char *out = ac_arena_alloc(a, n + 1);
  size_t k = 0;
  bool space = false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c == '_' || isspace(c)) {
      space = k > 0;
      continue;
    }
    if (space) out[k++] = ' ';
    space = false;
    out[k++] = (char)tolower(c);
  }
  out[k] = '\0';
  return out;
}
