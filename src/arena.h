/*
 * arena.h -- one arena per compilation, one per call.
 *
 * Every object of a compilation (source text, tokens, syntax tree, checked
 * model, timelines) is allocated from one arena and freed with it in one
 * call: there is no other ownership rule in the library.  Once a protocol
 * is compiled its arena is only read; what a query needs for itself comes
 * from an arena of the call (ac_arena_in, on the call's stack).  An arena
 * is used by one thread at a time.
 */
#ifndef AC_ARENA_H
#define AC_ARENA_H

#include <stddef.h>
#include <stdint.h>

typedef struct ac_arena ac_arena;

ac_arena *ac_arena_new(void);
/* An arena whose first block is the caller's buffer of `size` bytes (at
 * least AC_ARENA_MIN_BUFFER), aligned for any object: memory for one call,
 * on its stack, that costs no allocation while the call needs no more.
 * ac_arena_free frees what the arena allocated beyond it, not the buffer. */
#define AC_ARENA_MIN_BUFFER 256
ac_arena *ac_arena_in(void *buffer, size_t size);
void ac_arena_free(ac_arena *a);
/* Forgets every allocation but keeps one block for reuse. */
void ac_arena_reset(ac_arena *a);
/* The free part of an arena's current block: the first member of every
 * arena, read by the inline ac_arena_alloc (the rest is private to
 * arena.c).  Allocating is the commonest thing a compilation does. */
typedef struct ac_arena_cursor {
  char *next, *end; /* the free bytes of the block known to be zero */
} ac_arena_cursor;

void *ac_arena_alloc_slow(ac_arena *a, size_t size);

/* Allocations are aligned to 8 bytes: enough for every object the library
 * allocates (pointers, 64-bit integers; nothing needs max_align_t's 16),
 * and a node of 56 or 72 bytes is not rounded up to 64 or 80 (a syntax
 * tree of a million rules is 8% smaller for it). */
#define AC_ARENA_ALIGN 8

/* Zeroed, aligned to AC_ARENA_ALIGN.  Aborts on out-of-memory. */
static inline void *ac_arena_alloc(ac_arena *a, size_t size) {
  ac_arena_cursor *c = (ac_arena_cursor *)a;
  const uintptr_t m = AC_ARENA_ALIGN - 1;
  /* In integers: no pointer is formed past the block's end. */
  uintptr_t next = ((uintptr_t)c->next + m) & ~m, end = (uintptr_t)c->end;
  size_t rounded = size ? (size + m) & ~(size_t)m : AC_ARENA_ALIGN;
  if (size <= 4096 && next <= end && end - next >= rounded) {
    c->next = (char *)next + rounded;
    return (char *)next;
  }
  return ac_arena_alloc_slow(a, size);
}
/* A zeroed array of n objects of the given size; aborts on overflow. */
void *ac_arena_array(ac_arena *a, size_t n, size_t size);
/* Hands a malloc'd block to the arena: it is freed with the arena. */
void ac_arena_adopt(ac_arena *a, void *block);
char *ac_arena_strdup(ac_arena *a, const char *s);
char *ac_arena_strndup(ac_arena *a, const char *s, size_t n);
/* printf into the arena. */
char *ac_arena_printf(ac_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Bytes handed out so far (for limits and benchmarks). */
size_t ac_arena_used(const ac_arena *a);

#endif
