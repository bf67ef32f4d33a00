/*
 * arena.c -- bump allocator in chained blocks; see arena.h.
 */
#include "config.h"

#include "arena.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AC_ARENA_BLOCK (64 * 1024)
#define AC_ARENA_MAX_BLOCK (16 * 1024 * 1024)

/* A block that is not known to be zero (reused after a reset, or the
 * caller's buffer) is zeroed this much at a time, as it is handed out. */
#define AC_ARENA_ZERO_STEP 256
/* The start of a caller's buffer (ac_arena_in) is zeroed at once, in one
 * memset, as much as a call usually needs (a `can` query takes 530 to 560
 * bytes, one with a "did you mean" 650 to 690): the inline ac_arena_alloc
 * then hands it out alone, not a slow-path call each AC_ARENA_ZERO_STEP. */
#define AC_ARENA_CALL_ZERO 640

typedef struct ac_block {
  struct ac_block *next;
  size_t size, used;
  size_t zeroed; /* bytes of data known to be zero or handed out */
  bool borrowed; /* the caller's buffer (ac_arena_in): not freed */
  max_align_t data[]; /* the bytes handed out */
} ac_block;

/* A malloc'd block the arena owns (see ac_arena_adopt). */
typedef struct ac_adopted {
  struct ac_adopted *next;
  void *block;
} ac_adopted;

struct ac_arena {
  ac_arena_cursor cur; /* first: the inline ac_arena_alloc reads it.  The
                        * free part of the head block, or two NULLs before
                        * the first block */
  ac_block *head;
  ac_adopted *adopted;
  size_t total;        /* bytes handed out, but for the head block's */
  bool borrowed;       /* in the caller's buffer (ac_arena_in) */
};

/* The head block's bytes handed out, known to the block again. */
static void ac_arena_sync(ac_arena *a) {
  if (a->head) a->head->used = (size_t)(a->cur.next - (char *)a->head->data);
}

/* Makes the head block the cursor's. */
static void ac_arena_take(ac_arena *a) {
  ac_block *b = a->head;
  a->cur.next = b ? (char *)b->data + b->used : NULL;
  a->cur.end = b ? (char *)b->data + b->zeroed : NULL;
}

static void ac_arena_oom(void) {
  fputs("aftercare: out of memory\n", stderr);
  abort();
}

ac_arena *ac_arena_new(void) {
  ac_arena *a = calloc(1, sizeof *a);
  if (!a) ac_arena_oom();
  return a;
}

ac_arena *ac_arena_in(void *buffer, size_t size) {
  /* The arena, then its first block, at the start of the buffer. */
  const size_t align = _Alignof(ac_block);
  size_t head = (sizeof(ac_arena) + align - 1) & ~(align - 1);
  if (size < AC_ARENA_MIN_BUFFER || size < head + sizeof(ac_block) + AC_ARENA_ALIGN) abort();
  ac_arena *a = buffer;
  memset(a, 0, sizeof *a);
  a->borrowed = true;
  ac_block *b = (ac_block *)((char *)buffer + head);
  memset(b, 0, sizeof *b);
  b->size = size - head - sizeof(ac_block);
  b->zeroed = b->size < AC_ARENA_CALL_ZERO ? b->size : AC_ARENA_CALL_ZERO;
  memset(b->data, 0, b->zeroed);
  b->borrowed = true;
  a->head = b;
  ac_arena_take(a);
  return a;
}

static void ac_arena_free_adopted(ac_arena *a) {
  ac_adopted *x = a->adopted;
  while (x) {
    ac_adopted *next = x->next;
    free(x->block);
    x = next; /* the node itself lives in a block */
  }
  a->adopted = NULL;
}

void ac_arena_adopt(ac_arena *a, void *block) {
  ac_adopted *x = ac_arena_alloc(a, sizeof *x);
  x->block = block;
  x->next = a->adopted;
  a->adopted = x;
}

void ac_arena_free(ac_arena *a) {
  if (!a) return;
  ac_arena_free_adopted(a);
  ac_block *b = a->head;
  while (b) {
    ac_block *next = b->next;
    if (!b->borrowed) free(b);
    b = next;
  }
  if (!a->borrowed) free(a);
}

void ac_arena_reset(ac_arena *a) {
  ac_arena_free_adopted(a);
  /* Keep the caller's buffer, else one block of the first size. */
  ac_block *keep = NULL, *b = a->head;
  for (; b; b = b->next)
    if (b->borrowed || (!keep && b->size == AC_ARENA_BLOCK)) keep = b;
  for (b = a->head; b;) {
    ac_block *next = b->next;
    if (b != keep && !b->borrowed) free(b);
    b = next;
  }
  if (keep) {
    keep->next = NULL;
    keep->used = 0;
    keep->zeroed = 0;
  }
  a->head = keep;
  a->total = 0;
  ac_arena_take(a);
}

void *ac_arena_alloc_slow(ac_arena *a, size_t size) {
  if (size > PTRDIFF_MAX / 2) ac_arena_oom();
  size = (size + AC_ARENA_ALIGN - 1) & ~(size_t)(AC_ARENA_ALIGN - 1);
  if (size == 0) size = AC_ARENA_ALIGN;
  ac_arena_sync(a);
  ac_block *b = a->head;
  /* Text (ac_arena_bytes) may have left the block unaligned. */
  if (b) b->used = (b->used + AC_ARENA_ALIGN - 1) & ~(size_t)(AC_ARENA_ALIGN - 1);
  if (b && b->used > b->size) b->used = b->size;
  if (!b || b->size - b->used < size) {
    /* Blocks grow with the arena (a large protocol makes a few big blocks,
     * not thousands of small ones); an object larger than a quarter block
     * gets a block of its own. */
    size_t block = AC_ARENA_BLOCK;
    if (a->total / 4 > block) block = a->total / 4 < AC_ARENA_MAX_BLOCK ? a->total / 4 : AC_ARENA_MAX_BLOCK;
    size_t cap = size > block / 4 ? size : block;
    if (cap > SIZE_MAX - sizeof(ac_block)) ac_arena_oom();
    /* calloc: fresh memory is known to be zero (no memset, and a large
     * block's pages are not touched before they are used). */
    ac_block *nb = calloc(1, sizeof(ac_block) + cap);
    if (!nb) ac_arena_oom();
    nb->size = cap;
    nb->used = 0;
    nb->zeroed = cap;
    if (cap > block && b) {
      /* A large object gets its own block behind the current one, so the
       * current block's free space is not wasted. */
      nb->next = b->next;
      b->next = nb;
      nb->used = size;
      a->total += size;
      return nb->data;
    }
    if (b) a->total += b->used;
    nb->next = b;
    a->head = nb;
    b = nb;
  }
  if (b->used + size > b->zeroed) {
    size_t zeroed = b->used + size + AC_ARENA_ZERO_STEP;
    if (zeroed > b->size) zeroed = b->size;
    memset((char *)b->data + b->zeroed, 0, zeroed - b->zeroed);
    b->zeroed = zeroed;
  }
  void *p = (char *)b->data + b->used;
  b->used += size;
  ac_arena_take(a);
  return p;
}

void *ac_arena_array(ac_arena *a, size_t n, size_t size) {
  if (size && n > SIZE_MAX / size) ac_arena_oom();
  return ac_arena_alloc(a, n * size);
}

/* Bytes with no alignment (text), from the current block when they fit. */
static char *ac_arena_bytes(ac_arena *a, size_t n) {
  if (a->head && (size_t)(a->cur.end - a->cur.next) >= n) {
    char *p = a->cur.next;
    a->cur.next += n;
    return p;
  }
  return ac_arena_alloc_slow(a, n);
}

char *ac_arena_strndup(ac_arena *a, const char *s, size_t n) {
  char *p = ac_arena_bytes(a, n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *ac_arena_strdup(ac_arena *a, const char *s) {
  return ac_arena_strndup(a, s, strlen(s));
}

char *ac_arena_printf(ac_arena *a, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) n = 0;
  char *p = ac_arena_alloc(a, (size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(p, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return p;
}

size_t ac_arena_used(const ac_arena *a) {
  size_t head = a->head ? (size_t)(a->cur.next - (char *)a->head->data) : 0;
  return a->total + head;
}
