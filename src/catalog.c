/*
 * catalog.c -- reading a GNU MO file; see catalog.h.
 *
 * The format (the gettext manual, "The Format of GNU MO Files"): a magic
 * number, a revision, the number of strings N, the offsets of the table of
 * originals and of the table of translations, each N pairs (length,
 * offset) of 32-bit numbers in the file's byte order.  The originals are
 * sorted here once, for a binary search.
 */
#include "config.h"

#include "catalog.h"

#include <dirent.h>
#include <libintl.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "source.h"

typedef struct ac_catalog_entry {
  const char *msgid, *text;
} ac_catalog_entry;

struct ac_catalog {
  ac_catalog_entry *entries; /* sorted by msgid */
  size_t n;
};

#define AC_CATALOG_MAGIC 0x950412deu

static uint32_t ac_catalog_word(const unsigned char *p, bool swap) {
  uint32_t w = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
  return swap ? (w >> 24) | ((w >> 8) & 0xFF00u) | ((w << 8) & 0xFF0000u) | (w << 24) : w;
}

static int ac_catalog_compare(const void *x, const void *y) {
  return strcmp(((const ac_catalog_entry *)x)->msgid, ((const ac_catalog_entry *)y)->msgid);
}

/* The string of table entry i, NUL-terminated inside the file, or NULL. */
static const char *ac_catalog_string(const unsigned char *mo, size_t size, uint32_t table,
                                     uint32_t i, bool swap) {
  size_t at = (size_t)table + 8 * (size_t)i;
  if (at + 8 > size) return NULL;
  uint32_t len = ac_catalog_word(mo + at, swap), off = ac_catalog_word(mo + at + 4, swap);
  if ((size_t)off + len >= size || mo[off + len] != '\0') return NULL;
  return (const char *)mo + off;
}

static const ac_catalog *ac_catalog_parse(ac_arena *a, const ac_source *src) {
  const unsigned char *mo = (const unsigned char *)src->text;
  size_t size = src->len;
  if (size < 20) return NULL;
  uint32_t magic = ac_catalog_word(mo, false);
  bool swap = magic != AC_CATALOG_MAGIC;
  if (swap && ac_catalog_word(mo, true) != AC_CATALOG_MAGIC) return NULL;
  if (ac_catalog_word(mo + 4, swap) >> 16 != 0) return NULL; /* a major revision we do not know */
  uint32_t n = ac_catalog_word(mo + 8, swap), orig = ac_catalog_word(mo + 12, swap),
           trans = ac_catalog_word(mo + 16, swap);
  if (n > size / 16) return NULL;
  ac_catalog *c = ac_arena_alloc(a, sizeof *c);
  c->entries = ac_arena_array(a, n + 1, sizeof *c->entries);
  for (uint32_t i = 0; i < n; i++) {
    const char *msgid = ac_catalog_string(mo, size, orig, i, swap);
    const char *text = ac_catalog_string(mo, size, trans, i, swap);
    if (!msgid || !text) return NULL;
    if (*msgid == '\0') {
      /* The header: the catalogue's text must be UTF-8, as the plan is. */
      const char *cs = strstr(text, "charset=");
      if (!cs || strncasecmp(cs + 8, "UTF-8", 5) != 0) return NULL;
      continue;
    }
    c->entries[c->n].msgid = msgid;
    c->entries[c->n].text = text;
    c->n++;
  }
  qsort(c->entries, c->n, sizeof *c->entries, ac_catalog_compare);
  return c;
}

/* The catalogues kept for the process (ac_catalog_keep_all): a list,
 * published once, before or after which nothing else changes. */
typedef struct ac_catalog_kept {
  const char *language;
  const ac_catalog *catalog;
  struct ac_catalog_kept *next;
} ac_catalog_kept;
static _Atomic(ac_catalog_kept *) ac_catalog_kept_list;
static atomic_bool ac_catalog_all_kept;
/* The arena of the kept list: it lives as long as the process, reachable
 * from here (leak checkers see it in use, not lost). */
static ac_arena *ac_catalog_kept_arena;

/* The kept catalogue of exactly this language, or NULL. */
static const ac_catalog *ac_catalog_find_kept(const char *language, size_t n) {
  for (const ac_catalog_kept *k = atomic_load_explicit(&ac_catalog_kept_list, memory_order_acquire);
       k; k = k->next)
    if (strlen(k->language) == n && strncmp(k->language, language, n) == 0) return k->catalog;
  return NULL;
}

const ac_catalog *ac_catalog_load(ac_arena *a, const char *language) {
  if (!language || !*language || strchr(language, '/')) return NULL;
  if (atomic_load_explicit(&ac_catalog_all_kept, memory_order_acquire)) {
    /* every installed catalogue is kept: no file is read */
    size_t whole = strlen(language), region = strcspn(language, ".@"),
           lang = strcspn(language, "_.@");
    const ac_catalog *c = ac_catalog_find_kept(language, whole);
    if (!c) c = ac_catalog_find_kept(language, region);
    if (!c) c = ac_catalog_find_kept(language, lang);
    return c;
  }
  const char *dir = bindtextdomain(PACKAGE, NULL);
  if (!dir) return NULL;
  /* "fr_FR.UTF-8@euro", then "fr_FR", then "fr" */
  size_t whole = strlen(language), region = strcspn(language, ".@"),
         lang = strcspn(language, "_.@");
  size_t tries[3] = {whole, region, lang};
  for (int i = 0; i < 3; i++) {
    if (tries[i] == 0 || (i > 0 && tries[i] == tries[i - 1])) continue;
    const char *path = ac_arena_printf(a, "%s/%.*s/LC_MESSAGES/%s.mo", dir, (int)tries[i],
                                       language, PACKAGE);
    int err = 0;
    ac_source *src = ac_source_read(a, path, &err);
    if (src) return ac_catalog_parse(a, src);
  }
  return NULL;
}

const char *ac_catalog_text(const ac_catalog *c, const char *msgid) {
  if (!c) return msgid;
  ac_catalog_entry key = {msgid, NULL};
  const ac_catalog_entry *e = bsearch(&key, c->entries, c->n, sizeof key, ac_catalog_compare);
  return e && *e->text ? e->text : msgid;
}

int ac_catalog_keep_all(void) {
  if (atomic_load(&ac_catalog_all_kept)) return -1;
  const char *dir = bindtextdomain(PACKAGE, NULL);
  DIR *d = dir ? opendir(dir) : NULL;
  ac_catalog_kept *list = NULL;
  int n = 0;
  /* one arena for the process: never freed */
  ac_arena *a = ac_arena_new();
  for (struct dirent *e; d && (e = readdir(d));) {
    if (e->d_name[0] == '.') continue;
    const ac_catalog *c = ac_catalog_load(a, e->d_name);
    if (!c) continue;
    ac_catalog_kept *k = ac_arena_alloc(a, sizeof *k);
    k->language = ac_arena_strdup(a, e->d_name);
    k->catalog = c;
    k->next = list;
    list = k;
    n++;
  }
  if (d) closedir(d);
  if (list)
    ac_catalog_kept_arena = a;
  else
    ac_arena_free(a);
  atomic_store_explicit(&ac_catalog_kept_list, list, memory_order_release);
  atomic_store_explicit(&ac_catalog_all_kept, true, memory_order_release);
  return n;
}
