/*
 * source.c -- reading protocol text and indexing its lines; see source.h.
 */
#include "config.h"

#include "source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The index of a text of one line (a query): shared, read only. */
static const uint32_t ac_one_line_start[1] = {0};

static void ac_source_index(ac_arena *a, ac_source *s) {
  const char *end = s->text + s->len;
  size_t n = 1;
  for (const char *p = s->text; (p = memchr(p, '\n', (size_t)(end - p))); p++) n++;
  if (n == 1) {
    s->line_start = ac_one_line_start;
    s->nlines = 1;
    return;
  }
  uint32_t *start = ac_arena_array(a, n, sizeof *start);
  size_t k = 0;
  start[k++] = 0;
  for (const char *p = s->text; (p = memchr(p, '\n', (size_t)(end - p))); p++)
    start[k++] = (uint32_t)(p - s->text) + 1;
  s->line_start = start;
  s->nlines = n;
}

/* Makes s a source of `len` bytes at `buf`, which has two more bytes, zero,
 * after them and belongs to the arena, as does path. */
static ac_source *ac_source_make(ac_arena *a, ac_source *s, const char *path, char *buf,
                                 size_t len) {
  s->path = path;
  if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
    buf += 3;
    len -= 3;
  }
  s->text = buf;
  s->len = len;
  ac_source_index(a, s);
  return s;
}

ac_source *ac_source_from_memory(ac_arena *a, const char *path,
                                 const char *bytes, size_t len) {
  /* One allocation: the source, its text and the two NULs after it (the
   * arena's memory is zeroed), its path. */
  size_t path_len = strlen(path);
  ac_source *s = ac_arena_alloc(a, sizeof *s + len + 2 + path_len + 1);
  char *buf = (char *)(s + 1);
  memcpy(buf, bytes, len);
  char *copy = buf + len + 2;
  memcpy(copy, path, path_len);
  return ac_source_make(a, s, copy, buf, len);
}

ac_source *ac_source_read(ac_arena *a, const char *path, int *err) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    *err = errno;
    return NULL;
  }
  struct stat st;
  if (fstat(fileno(f), &st) != 0) st.st_size = 0, st.st_mode = 0;
  if (S_ISDIR(st.st_mode)) {
    fclose(f);
    *err = EISDIR;
    return NULL;
  }
  /* A regular file over the limit is refused before it is read. */
  if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > AC_MAX_FILE_SIZE) {
    fclose(f);
    *err = EFBIG;
    return NULL;
  }
  /* One buffer, read in place: its size is known for a file, grown for a
   * pipe.  The arena adopts it (no copy of a large protocol). */
  size_t cap = 64 * 1024, len = 0;
  if (st.st_size > 0 && (unsigned long long)st.st_size <= AC_MAX_FILE_SIZE)
    cap = (size_t)st.st_size + 1;
  char *buf = malloc(cap + 2);
  if (!buf) abort();
  for (;;) {
    if (len == cap) {
      if (cap > AC_MAX_FILE_SIZE) {
        free(buf);
        fclose(f);
        *err = EFBIG;
        return NULL;
      }
      /* never more than one byte past the limit: enough to know */
      cap = cap > AC_MAX_FILE_SIZE / 2 ? AC_MAX_FILE_SIZE + 1 : cap * 2;
      char *nbuf = realloc(buf, cap + 2);
      if (!nbuf) abort();
      buf = nbuf;
    }
    size_t got = fread(buf + len, 1, cap - len, f);
    len += got;
    if (got == 0) break;
  }
  int failed = ferror(f);
  int saved = errno;
  fclose(f);
  if (failed || len > AC_MAX_FILE_SIZE) {
    free(buf);
    *err = failed ? (saved ? saved : EIO) : EFBIG;
    return NULL;
  }
  buf[len] = buf[len + 1] = '\0';
  ac_arena_adopt(a, buf);
  ac_source *s = ac_arena_alloc(a, sizeof *s);
  return ac_source_make(a, s, ac_arena_strdup(a, path), buf, len);
}

const char *ac_source_line(const ac_source *s, int line, size_t *len) {
  if (line < 1 || (size_t)line > s->nlines) return NULL;
  size_t start = s->line_start[line - 1];
  size_t end = (size_t)line < s->nlines ? s->line_start[line] - 1 : s->len;
  if (end > start && s->text[end - 1] == '\r') end--;
  *len = end - start;
  return s->text + start;
}
