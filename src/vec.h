/*
 * vec.h -- a growable array of pointers, backed by an arena.
 */
#ifndef AC_VEC_H
#define AC_VEC_H

#include <stddef.h>

#include "arena.h"

typedef struct ac_vec {
  void **items;
  size_t len, cap;
} ac_vec;

void ac_vec_push(ac_arena *a, ac_vec *v, void *item);
/* Makes room for at least n items in all (before pushing many of a known
 * count: no copies left behind by doubling). */
void ac_vec_reserve(ac_arena *a, ac_vec *v, size_t n);

#endif
