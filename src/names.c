/*
 * names.c -- open-addressing hash table (linear probing, at most 3/4 full)
 * and edit distance; see names.h.
 *
 * A slot is a key and its value (16 bytes) and a tag byte in an array of
 * its own: 0 for an empty slot, else seven bits of the key's hash.  A probe
 * reads the tags (64 slots to a cache line) and compares a key only where
 * its tag matches; a table of a million names is 17 bytes a slot, not the
 * 24 of a slot holding the whole hash.
 */
#include "config.h"

#include "names.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>

typedef struct ac_entry {
  const char *key;
  void *value;
} ac_entry;

struct ac_names {
  ac_arena *arena;
  ac_entry *slots;
  uint8_t *tags; /* per slot: 0 empty, else ac_names_tag of its key's hash */
  size_t cap, count;
  unsigned long changes; /* puts and sets so far */
  /* For suggestions in a large table: its entries sorted by key, made by
   * ac_names_sort, current while `changes` is sorted_changes. */
  ac_entry *sorted;
  unsigned long sorted_changes;
};

/* Tables up to this size are searched entry by entry for a suggestion;
 * larger ones through their sorted keys. */
#define AC_SUGGEST_SCAN_MAX 64
/* Names longer than this are never compared (see ac_names_edit_distance). */
#define AC_SUGGEST_MAX_LEN 64

/* Letters of ASCII in lower case; every other byte as it is (UTF-8 text:
 * what tolower() does in a UTF-8 or the C locale, without its cost). */
static inline int ac_lower(int c) {
  unsigned char u = (unsigned char)c;
  return u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u;
}

static inline bool ac_blank(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static uint64_t ac_names_hash(const char *s) {
  uint64_t h = 1469598103934665603ULL; /* FNV-1a */
  for (; *s; s++) {
    h ^= (unsigned char)*s;
    h *= 1099511628211ULL;
  }
  return h;
}

/* The slot's index takes the low bits of the hash; the tag, the top seven. */
static inline uint8_t ac_names_tag(uint64_t h) { return (uint8_t)(0x80 | (h >> 57)); }

ac_names *ac_names_new(ac_arena *a) { return ac_names_new_sized(a, 32); }

ac_names *ac_names_new_sized(ac_arena *a, size_t n) {
  ac_names *t = ac_arena_alloc(a, sizeof *t);
  t->arena = a;
  t->cap = 64;
  while (t->cap / 4 * 3 < n + 1) t->cap *= 2;
  t->slots = ac_arena_array(a, t->cap, sizeof *t->slots);
  t->tags = ac_arena_array(a, t->cap, sizeof *t->tags);
  return t;
}

/* The slot of key: where it is, or the empty slot where it would go. */
static size_t ac_names_find(const ac_names *t, const char *key, uint64_t h) {
  size_t mask = t->cap - 1;
  uint8_t tag = ac_names_tag(h);
  for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
    uint8_t g = t->tags[i];
    if (!g || (g == tag && strcmp(t->slots[i].key, key) == 0)) return i;
  }
}

static void ac_names_grow(ac_names *t) {
  ac_entry *old = t->slots;
  const uint8_t *oldtags = t->tags;
  size_t oldcap = t->cap;
  t->cap *= 2;
  t->slots = ac_arena_array(t->arena, t->cap, sizeof *t->slots);
  t->tags = ac_arena_array(t->arena, t->cap, sizeof *t->tags);
  for (size_t i = 0; i < oldcap; i++)
    if (oldtags[i]) {
      /* The whole hash is not kept; the keys are distinct: the first
       * empty slot is the key's. */
      size_t j = (size_t)ac_names_hash(old[i].key) & (t->cap - 1);
      while (t->tags[j]) j = (j + 1) & (t->cap - 1);
      t->slots[j] = old[i];
      t->tags[j] = oldtags[i];
    }
}

void *ac_names_get(const ac_names *t, const char *key) {
  size_t i = ac_names_find(t, key, ac_names_hash(key));
  return t->tags[i] ? t->slots[i].value : NULL;
}

void *ac_names_put(ac_names *t, const char *key, void *value) {
  if (t->count + 1 > t->cap / 4 * 3) ac_names_grow(t);
  uint64_t h = ac_names_hash(key);
  size_t i = ac_names_find(t, key, h);
  if (t->tags[i]) return t->slots[i].value;
  t->slots[i].key = key;
  t->slots[i].value = value;
  t->tags[i] = ac_names_tag(h);
  t->count++;
  t->changes++;
  return value;
}

void ac_names_set(ac_names *t, const char *key, void *value) {
  if (t->count + 1 > t->cap / 4 * 3) ac_names_grow(t);
  uint64_t h = ac_names_hash(key);
  size_t i = ac_names_find(t, key, h);
  if (!t->tags[i]) {
    t->slots[i].key = key;
    t->tags[i] = ac_names_tag(h);
    t->count++;
  }
  t->slots[i].value = value;
  t->changes++;
}

size_t ac_names_count(const ac_names *t) { return t->count; }

void ac_names_each(const ac_names *t,
                   void (*fn)(const char *key, void *value, void *ctx), void *ctx) {
  for (size_t i = 0; i < t->cap; i++)
    if (t->slots[i].key) fn(t->slots[i].key, t->slots[i].value, ctx);
}

int ac_names_edit_distance(const char *a, const char *b, int max) {
  if (max < 0) return max + 1;
  size_t la = strlen(a), lb = strlen(b);
  if (la > 64 || lb > 64) return max + 1;
  if ((la > lb ? la - lb : lb - la) > (size_t)max) return max + 1;
  /* A common prefix changes nothing (keys of phrases share their "a:"):
   * the table is made for what follows it, in lower case once. */
  size_t p = 0;
  while (a[p] && ac_lower(a[p]) == ac_lower(b[p])) p++;
  la -= p;
  lb -= p;
  /* A bound first, cheaper than the table: an edit changes by one at most
   * how many characters of the longer have no partner in the other (a
   * transposition does not), so more than max of them is too far.  Bytes
   * are partnered by their low five bits: a letter's two cases are one,
   * and sharing a class with other bytes can only lower the bound. */
  unsigned char unpaired[32] = {0};
  size_t paired = 0;
  for (size_t i = 0; i < la; i++) unpaired[a[p + i] & 31]++;
  for (size_t j = 0; j < lb; j++)
    if (unpaired[b[p + j] & 31]) unpaired[b[p + j] & 31]--, paired++;
  if ((la > lb ? la : lb) - paired > (size_t)max) return max + 1;
  unsigned char x[64], y[64];
  for (size_t i = 0; i < la; i++) x[i] = (unsigned char)ac_lower(a[p + i]);
  for (size_t j = 0; j < lb; j++) y[j] = (unsigned char)ac_lower(b[p + j]);
  /* Only the band of cells within max of the diagonal is made: a cell
   * outside it is more than max, and reads as max + 1 (what every
   * distance over max is returned as). */
  size_t band = (size_t)max;
  int d[66][66];
  for (size_t i = 0; i <= la; i++) d[i][0] = (int)i;
  for (size_t j = 0; j <= lb; j++) d[0][j] = (int)j;
  for (size_t i = 1; i <= la; i++) {
    size_t lo = i > band + 1 ? i - band : 1, hi = i + band < lb ? i + band : lb;
    int row_min = d[i][0]; /* column 0 counts: b may be empty */
    if (lo > 1) d[i][lo - 1] = row_min = max + 1;
    for (size_t j = lo; j <= hi; j++) {
      int cost = x[i - 1] == y[j - 1] ? 0 : 1;
      int v = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
      if (d[i - 1][j - 1] + cost < v) v = d[i - 1][j - 1] + cost;
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] &&
          d[i - 2][j - 2] + 1 < v)
        v = d[i - 2][j - 2] + 1;
      d[i][j] = v;
      if (v < row_min) row_min = v;
    }
    if (hi < lb) d[i][hi + 1] = max + 1;
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
  int d = ac_names_edit_distance(s->word, key, s->best);
  if (d < s->best || (d == s->best && s->best_key && strcmp(key, s->best_key) < 0)) {
    s->best = d;
    s->best_key = key;
  }
}

static int ac_entry_cmp(const void *a, const void *b) {
  return strcmp(((const ac_entry *)a)->key, ((const ac_entry *)b)->key);
}

static bool ac_names_sorted(const ac_names *t) {
  return t->sorted && t->sorted_changes == t->changes;
}

void ac_names_sort(ac_names *t) {
  if (t->count <= AC_SUGGEST_SCAN_MAX || ac_names_sorted(t)) return;
  t->sorted = ac_arena_array(t->arena, t->count, sizeof *t->sorted);
  size_t k = 0;
  for (size_t i = 0; i < t->cap; i++)
    if (t->tags[i]) t->sorted[k++] = t->slots[i];
  qsort(t->sorted, k, sizeof *t->sorted, ac_entry_cmp);
  t->sorted_changes = t->changes;
}

/* The search of a large table: the sorted keys are walked as a trie (a
 * range of keys that share a prefix is a node), with one row of the edit
 * distance table per prefix.  A node whose row is everywhere at least the
 * best distance found cannot hold a better key, and is not entered: the
 * cost follows the keys close to the word, not the size of the table.
 * Keys are met in strcmp order, so that the first key at the smallest
 * distance is the one the entry-by-entry search chooses. */
typedef struct ac_trie_search {
  const ac_entry *keys;
  const char *word;
  int len; /* of word */
  unsigned char lower[AC_SUGGEST_MAX_LEN]; /* word in lower case */
  int rows[AC_SUGGEST_MAX_LEN + 2][AC_SUGGEST_MAX_LEN + 2];
  ac_suggest_ctx *s;
} ac_trie_search;


static void ac_trie_walk(ac_trie_search *w, size_t lo, size_t hi, int depth) {
  const int *row = w->rows[depth];
  int row_min = row[0];
  for (int j = 1; j <= w->len; j++)
    if (row[j] < row_min) row_min = row[j];
  if (row_min >= w->s->best) return;
  /* The key that is the prefix itself sorts first. */
  if (lo < hi && w->keys[lo].key[depth] == '\0') {
    const ac_entry *e = &w->keys[lo++];
    if (row[w->len] < w->s->best && (!w->s->accept || w->s->accept(e->value, w->s->ctx))) {
      w->s->best = row[w->len];
      w->s->best_key = e->key;
    }
  }
  if (depth >= AC_SUGGEST_MAX_LEN) return;
  while (lo < hi) {
    unsigned char c = (unsigned char)w->keys[lo].key[depth];
    size_t a = lo + 1, b = hi; /* the end of the keys with c here */
    while (a < b) {
      size_t m = a + (b - a) / 2;
      if ((unsigned char)w->keys[m].key[depth] <= c)
        a = m + 1;
      else
        b = m;
    }
    int *next = w->rows[depth + 1];
    int lc = ac_lower(c), prev = depth > 0 ? ac_lower(w->keys[lo].key[depth - 1]) : -1;
    next[0] = depth + 1;
    for (int j = 1; j <= w->len; j++) {
      int cost = lc == w->lower[j - 1] ? 0 : 1;
      int v = row[j] + 1;
      if (next[j - 1] + 1 < v) v = next[j - 1] + 1;
      if (row[j - 1] + cost < v) v = row[j - 1] + cost;
      if (depth > 0 && j > 1 && lc == w->lower[j - 2] && prev == w->lower[j - 1] &&
          w->rows[depth - 1][j - 2] + 1 < v)
        v = w->rows[depth - 1][j - 2] + 1;
      next[j] = v;
    }
    ac_trie_walk(w, lo, a, depth + 1);
    lo = a;
  }
}

const char *ac_names_suggest(const ac_names *t, const char *word,
                             int (*accept)(void *value, void *ctx), void *ctx) {
  size_t len = strlen(word);
  int max = len <= 3 ? 1 : len <= 8 ? 2 : 3;
  ac_suggest_ctx s = {word, max + 1, NULL, accept, ctx};
  if (t->count <= AC_SUGGEST_SCAN_MAX || !ac_names_sorted(t)) {
    ac_names_each(t, ac_suggest_one, &s);
    return s.best <= max ? s.best_key : NULL;
  }
  if (len > AC_SUGGEST_MAX_LEN) return NULL;
  ac_trie_search *w = malloc(sizeof *w); /* large for a stack */
  if (!w) abort();
  w->keys = t->sorted;
  w->word = word;
  w->len = (int)len;
  for (size_t j = 0; j < len; j++) w->lower[j] = (unsigned char)ac_lower(word[j]);
  w->s = &s;
  for (int j = 0; j <= w->len; j++) w->rows[0][j] = j;
  ac_trie_walk(w, 0, t->count, 0);
  free(w);
  return s.best <= max ? s.best_key : NULL;
}

/* ---- Keys of phrases: Unicode folding (libunistring) ---- */

/* Characters read as a space between words: '_', blanks, hyphens ('-',
 * U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN) and U+00A0 NO-BREAK SPACE;
 * U+2019 RIGHT SINGLE QUOTATION MARK and U+02BC MODIFIER LETTER APOSTROPHE
 * are read as the apostrophe '.  Returns the length of the character at
 * s (n bytes left) and sets *to: ' ' (a separator), '\'' or 0 (the
 * character as it is). */
static size_t ac_fold_special(const unsigned char *s, size_t n, char *to) {
  unsigned char c = s[0];
  *to = 0;
  if (c < 0x80) {
    if (c == '_' || c == '-' || ac_blank(c)) *to = ' ';
    return 1;
  }
  if (c == 0xC2 && n >= 2 && s[1] == 0xA0) *to = ' ';
  else if (c == 0xCA && n >= 2 && s[1] == 0xBC) *to = '\'';
  else if (c == 0xE2 && n >= 3 && s[1] == 0x80 && (s[2] == 0x90 || s[2] == 0x91)) *to = ' ';
  else if (c == 0xE2 && n >= 3 && s[1] == 0x80 && s[2] == 0x99) *to = '\'';
  if (*to) return c == 0xE2 ? 3 : 2;
  return 1;
}

/* ASCII bytes as a key reads them: letters in lower case, '_', '-' and
 * blanks as ' ' (a separator), every other byte as it is. */
static const char ac_ascii_fold[128] = {
    0,   1,   2,   3,   4,   5,   6,   7,   8,   ' ', ' ', ' ', ' ', ' ', 14,  15,
    16,  17,  18,  19,  20,  21,  22,  23,  24,  25,  26,  27,  28,  29,  30,  31,
    ' ', '!', '"', '#', '$', '%', '&', '\'', '(', ')', '*', '+', ',', ' ', '.', '/',
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?',
    '@', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '[', '\\', ']', '^', ' ',
    '`', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '{', '|', '}', '~', 127};

/* Writes the folded text (already case-folded) to out: separators squeezed
 * to one space, none at the ends, apostrophes as '.  Never longer than the
 * text; returns its length (out is not terminated).  *ascii tells whether
 * every byte of the text was ASCII (ac_fold then needs no libunistring). */
static size_t ac_fold_words(char *out, const unsigned char *text, size_t n, bool *ascii) {
  size_t k = 0;
  bool space = false;
  unsigned char high = 0; /* a byte that is not ASCII, if one was met */
  for (size_t i = 0; i < n;) {
    unsigned char c = text[i];
    char to;
    size_t len = 1;
    if (c < 0x80) { /* the usual byte: one look in the table */
      to = ac_ascii_fold[c];
    } else {
      high = c;
      len = ac_fold_special(text + i, n - i, &to);
      if (!to) to = (char)c;
    }
    i += len;
    if (to == ' ') {
      space = k > 0;
      continue;
    }
    if (space) out[k++] = ' ';
    space = false;
    out[k++] = to;
    /* The rest of the word, while it is ASCII: a tighter loop. */
    while (i < n && text[i] < 0x80 && ac_ascii_fold[text[i]] != ' ')
      out[k++] = ac_ascii_fold[text[i++]];
  }
  *ascii = high < 0x80;
  return k;
}

/* ac_fold for text that is not all ASCII, or does not fit in cap bytes:
 * libunistring's folding, then ac_fold_words.  Apart from ac_fold, whose
 * usual path stays small. */
static size_t ac_fold_unicode(char *out, size_t cap, const unsigned char *u, size_t n) {
  size_t i = 0;
  while (i < n && u[i] < 0x80) i++;
  char scratch[256];
  const unsigned char *src = u;
  uint8_t *folded = NULL;
  size_t m = n, k;
  bool ascii;
  if (i < n) {
    size_t len = sizeof scratch;
    folded = u8_casefold(u, n, NULL, UNINORM_NFC, (uint8_t *)scratch, &len);
    if (folded) {
      src = folded;
      m = len;
    }
  }
  if (m < cap) { /* the key is never longer than the folded text */
    k = ac_fold_words(out, src, m, &ascii);
    out[k] = '\0';
  } else {
    char small[256];
    char *buf = m <= sizeof small ? small : malloc(m);
    if (!buf) abort();
    k = ac_fold_words(buf, src, m, &ascii);
    if (k < cap) {
      memcpy(out, buf, k);
      out[k] = '\0';
    }
    if (buf != small) free(buf);
  }
  if (folded && folded != (uint8_t *)scratch) free(folded);
  return k;
}

/* The one key function: text (n bytes) normalised to NFC and case-folded
 * (u8_casefold: "PISCINE SALÉE", "piscine salée" and "piscine sale\u0301e"
 * are one key), then its separators read as by ac_fold_words.  Text that is
 * all ASCII is folded by ac_fold_words alone (what u8_casefold would give:
 * ASCII letters in lower case), without libunistring's allocations.  A byte
 * that is not UTF-8 becomes U+FFFD (u8_casefold's reading); should
 * libunistring fail (no memory), the text is folded as if it were ASCII.
 * Writes the key and a NUL to out when it fits in cap bytes;
 * returns the key's length. */
static inline size_t ac_fold(char *out, size_t cap, const char *text, size_t n) {
  const unsigned char *u = (const unsigned char *)text;
  /* The usual text, ASCII that fits: one pass straight into out. */
  if (n < cap) {
    bool ascii;
    size_t k = ac_fold_words(out, u, n, &ascii);
    if (ascii) {
      out[k] = '\0';
      return k;
    }
  }
  return ac_fold_unicode(out, cap, u, n);
}

/* The folded text in the arena, after `prefix` bytes of room. */
static char *ac_fold_alloc(ac_arena *a, size_t prefix, const char *text, size_t n, size_t *len) {
  /* Folding keeps the length of ASCII text and rarely grows other text:
   * one try with as many bytes, a second with the exact size. */
  char *out = ac_arena_alloc(a, prefix + n + 1);
  size_t k = ac_fold(out + prefix, n + 1, text, n);
  if (k >= n + 1) {
    out = ac_arena_alloc(a, prefix + k + 1);
    ac_fold(out + prefix, k + 1, text, n);
  }
  *len = k;
  return out;
}

char *ac_names_normalise(ac_arena *a, const char *text) {
  size_t k;
  return ac_fold_alloc(a, 0, text, strlen(text), &k);
}

size_t ac_names_key_into(char *out, size_t cap, char kind, const char *text, size_t n) {
  if (cap >= 2) {
    out[0] = kind;
    out[1] = ':';
  }
  return 2 + ac_fold(out + 2, cap >= 2 ? cap - 2 : 0, text, n);
}

char *ac_names_normalise_key(ac_arena *a, char kind, const char *text) {
  size_t k;
  char *out = ac_fold_alloc(a, 2, text, strlen(text), &k);
  out[0] = kind;
  out[1] = ':';
  return out;
}
