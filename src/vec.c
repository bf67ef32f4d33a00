/*
 * vec.c -- a growable array of pointers in an arena; see vec.h.
 */
#include "config.h"

#include "vec.h"

#include <string.h>

void ac_vec_reserve(ac_arena *a, ac_vec *v, size_t n) {
  if (n <= v->cap) return;
  void **items = ac_arena_array(a, n, sizeof *items);
  if (v->len) memcpy(items, v->items, v->len * sizeof *items);
  v->items = items;
  v->cap = n;
}

void ac_vec_push(ac_arena *a, ac_vec *v, void *item) {
  if (v->len == v->cap) {
    size_t cap = v->cap ? v->cap * 2 : 8;
    void **items = ac_arena_array(a, cap, sizeof *items);
    if (v->len) memcpy(items, v->items, v->len * sizeof *items);
    v->items = items;
    v->cap = cap;
  }
  v->items[v->len++] = item;
}
