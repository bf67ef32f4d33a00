/*
 * check_arena.c -- the arena allocator and its vector (src/arena.c).
 */
#include "config.h"

#include <signal.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>

#include "unit.h"

static bool all_zero(const void *p, size_t n) {
  const unsigned char *u = p;
  for (size_t i = 0; i < n; i++)
    if (u[i]) return false;
  return true;
}

START_TEST(alloc_is_zeroed_and_aligned) {
  static const size_t sizes[] = {1, 2, 3, 7, 8, 15, 16, 17, 31, 33, 100, 1000, 4095};
  /* Aligned for every object the library allocates: pointers, 64-bit
   * integers, doubles (nothing needs max_align_t's 16 bytes). */
  const size_t align = AC_ARENA_ALIGN;
  ck_assert_uint_ge(align, alignof(void *));
  ck_assert_uint_ge(align, alignof(int64_t));
  ck_assert_uint_ge(align, alignof(double));
  for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
    unsigned char *p = ac_arena_alloc(ut_arena, sizes[k]);
    ck_assert_ptr_nonnull(p);
    ck_assert_uint_eq((uintptr_t)p % align, 0);
    ck_assert_msg(all_zero(p, sizes[k]), "allocation of %zu bytes not zeroed", sizes[k]);
    memset(p, 0xAB, sizes[k]); /* dirty it: the next allocation must not see it */
  }
}
END_TEST

START_TEST(alloc_zero_bytes_gives_distinct_pointers) {
  char *a = ac_arena_alloc(ut_arena, 0);
  char *b = ac_arena_alloc(ut_arena, 0);
  ck_assert_ptr_nonnull(a);
  ck_assert_ptr_nonnull(b);
  ck_assert_ptr_ne(a, b);
}
END_TEST

START_TEST(allocations_do_not_overlap) {
  /* Fill each allocation with its own byte, then verify them all. */
  enum { N = 5000 };
  unsigned char *p[N];
  size_t sz[N];
  for (int i = 0; i < N; i++) {
    sz[i] = (size_t)(i % 97) + 1;
    p[i] = ac_arena_alloc(ut_arena, sz[i]);
    memset(p[i], i & 0xFF, sz[i]);
  }
  for (int i = 0; i < N; i++)
    for (size_t j = 0; j < sz[i]; j++) ck_assert_uint_eq(p[i][j], (unsigned)(i & 0xFF));
}
END_TEST

START_TEST(large_allocation_keeps_current_block) {
  /* A block-sized object gets a block of its own; small allocations go on
   * in the block they were using. */
  char *a = ac_arena_alloc(ut_arena, 16);
  char *big = ac_arena_alloc(ut_arena, 1024 * 1024);
  char *b = ac_arena_alloc(ut_arena, 16);
  ck_assert_ptr_nonnull(big);
  ck_assert(all_zero(big, 1024 * 1024));
  ck_assert_int_eq((int)(b - a), 16);
  memset(big, 0x5A, 1024 * 1024);
  ck_assert(all_zero(b, 16));
}
END_TEST

START_TEST(used_counts_bytes) {
  ck_assert_uint_eq(ac_arena_used(ut_arena), 0);
  ac_arena_alloc(ut_arena, 10);
  size_t one = ac_arena_used(ut_arena);
  ck_assert_uint_ge(one, 10);
  ac_arena_alloc(ut_arena, 100);
  ck_assert_uint_ge(ac_arena_used(ut_arena), one + 100);
}
END_TEST

START_TEST(array_is_zeroed) {
  long *v = ac_arena_array(ut_arena, 1000, sizeof *v);
  ck_assert(all_zero(v, 1000 * sizeof *v));
  v[999] = 42;
  ck_assert_int_eq(v[999], 42);
  ck_assert_uint_eq((uintptr_t)v % AC_ARENA_ALIGN, 0);
}
END_TEST

START_TEST(array_overflow_aborts) {
  ac_arena_array(ut_arena, SIZE_MAX / 2, 4);
}
END_TEST

START_TEST(strdup_and_strndup) {
  const char *src = "shave_razor";
  char *a = ac_arena_strdup(ut_arena, src);
  ck_assert_str_eq(a, "shave_razor");
  ck_assert_ptr_ne(a, src);
  char *b = ac_arena_strndup(ut_arena, "abcdef", 3);
  ck_assert_str_eq(b, "abc");
  char *c = ac_arena_strndup(ut_arena, "abc", 0);
  ck_assert_str_eq(c, "");
  char *e = ac_arena_strdup(ut_arena, "");
  ck_assert_str_eq(e, "");
  /* strndup copies bytes: a NUL inside is kept, the copy is terminated */
  char *n = ac_arena_strndup(ut_arena, "a\0b", 3);
  ck_assert_int_eq(n[0], 'a');
  ck_assert_int_eq(n[1], '\0');
  ck_assert_int_eq(n[2], 'b');
  ck_assert_int_eq(n[3], '\0');
}
END_TEST

START_TEST(printf_formats) {
  ck_assert_str_eq(ac_arena_printf(ut_arena, "%s_%d_%s", "forbid", 10, "end"),
                   "forbid_10_end");
  ck_assert_str_eq(ac_arena_printf(ut_arena, "%lld", (long long)INT64_MIN),
                   "-9223372036854775808");
  ck_assert_str_eq(ac_arena_printf(ut_arena, "%s", ""), "");
  /* longer than any internal buffer */
  char *long_text = ac_arena_printf(ut_arena, "%0*d", 100000, 7);
  ck_assert_uint_eq(strlen(long_text), 100000);
  ck_assert_int_eq(long_text[0], '0');
  ck_assert_int_eq(long_text[99999], '7');
}
END_TEST

START_TEST(reset_keeps_working) {
  /* Several blocks' worth, then reset: the arena is usable and empty. */
  for (int round = 0; round < 3; round++) {
    char *first = NULL;
    for (int i = 0; i < 3000; i++) {
      char *p = ac_arena_alloc(ut_arena, 100);
      ck_assert(all_zero(p, 100));
      memset(p, 0xFF, 100);
      if (!first) first = p;
    }
    char *big = ac_arena_alloc(ut_arena, 300 * 1024);
    ck_assert(all_zero(big, 300 * 1024));
    memset(big, 0xFF, 300 * 1024);
    ck_assert_uint_ge(ac_arena_used(ut_arena), 3000 * 100 + 300 * 1024);
    ck_assert_str_eq(ac_arena_strdup(ut_arena, "still here"), "still here");
    ac_arena_reset(ut_arena);
    ck_assert_uint_eq(ac_arena_used(ut_arena), 0);
  }
  /* After a reset, reused memory is zeroed again. */
  char *p = ac_arena_alloc(ut_arena, 4096);
  ck_assert(all_zero(p, 4096));
  ck_assert_str_eq(ac_arena_printf(ut_arena, "day %d", 4), "day 4");
}
END_TEST

/* An arena in the caller's buffer: zeroed allocations from the buffer (it
 * starts dirty), then from blocks of its own, freed; the buffer is not. */
START_TEST(arena_in_a_buffer) {
  max_align_t buffer[64];
  memset(buffer, 0xAB, sizeof buffer);
  ac_arena *a = ac_arena_in(buffer, sizeof buffer);
  char *first = ac_arena_alloc(a, 100);
  ck_assert(all_zero(first, 100));
  ck_assert((char *)first > (char *)buffer && (char *)first < (char *)buffer + sizeof buffer);
  memset(first, 0xFF, 100);
  char *more = ac_arena_alloc(a, 2000); /* beyond the buffer */
  ck_assert(all_zero(more, 2000));
  ck_assert(more < (char *)buffer || more >= (char *)buffer + sizeof buffer);
  ck_assert_str_eq(ac_arena_printf(a, "day %d", 4), "day 4");
  ac_arena_reset(a);
  char *again = ac_arena_alloc(a, 100); /* the buffer again, zeroed again */
  ck_assert_ptr_eq(again, first);
  ck_assert(all_zero(again, 100));
  ac_arena_alloc(a, 5000);
  ac_arena_free(a);
}
END_TEST

START_TEST(reset_of_empty_arena) {
  ac_arena_reset(ut_arena);
  ck_assert_uint_eq(ac_arena_used(ut_arena), 0);
  ck_assert_str_eq(ac_arena_strdup(ut_arena, "x"), "x");
}
END_TEST

START_TEST(free_null_is_harmless) {
  ac_arena_free(NULL);
  ac_arena *a = ac_arena_new();
  ac_arena_free(a);
}
END_TEST

START_TEST(vec_push_grows) {
  ac_vec v = {0};
  static int items[1000];
  for (int i = 0; i < 1000; i++) {
    items[i] = i;
    ac_vec_push(ut_arena, &v, &items[i]);
    ck_assert_uint_eq(v.len, (size_t)i + 1);
    ck_assert_uint_ge(v.cap, v.len);
  }
  ck_assert_uint_eq(v.len, 1000);
  ck_assert_uint_eq(v.cap, 1024); /* 8, doubled */
  for (int i = 0; i < 1000; i++) ck_assert_ptr_eq(v.items[i], &items[i]);
}
END_TEST

START_TEST(vec_first_push) {
  ac_vec v = {0};
  ac_vec_push(ut_arena, &v, NULL);
  ck_assert_uint_eq(v.len, 1);
  ck_assert_uint_eq(v.cap, 8);
  ck_assert_ptr_null(v.items[0]);
  int x = 3;
  ac_vec_push(ut_arena, &v, &x);
  ck_assert_ptr_eq(v.items[1], &x);
}
END_TEST

static Suite *arena_suite(void) {
  Suite *s = suite_create("arena");
  TCase *tc = ut_tcase("alloc");
  tcase_add_test(tc, alloc_is_zeroed_and_aligned);
  tcase_add_test(tc, alloc_zero_bytes_gives_distinct_pointers);
  tcase_add_test(tc, allocations_do_not_overlap);
  tcase_add_test(tc, large_allocation_keeps_current_block);
  tcase_add_test(tc, used_counts_bytes);
  tcase_add_test(tc, array_is_zeroed);
  /* Aborting needs a child process: not with CK_FORK=no. */
  const char *fork_env = getenv("CK_FORK");
  if (!fork_env || strcmp(fork_env, "no") != 0)
    tcase_add_test_raise_signal(tc, array_overflow_aborts, SIGABRT);
  suite_add_tcase(s, tc);

  tc = ut_tcase("strings");
  tcase_add_test(tc, strdup_and_strndup);
  tcase_add_test(tc, printf_formats);
  suite_add_tcase(s, tc);

  tc = ut_tcase("reset");
  tcase_add_test(tc, reset_keeps_working);
  tcase_add_test(tc, reset_of_empty_arena);
  tcase_add_test(tc, arena_in_a_buffer);
  tcase_add_test(tc, free_null_is_harmless);
  suite_add_tcase(s, tc);

  tc = ut_tcase("vec");
  tcase_add_test(tc, vec_push_grows);
  tcase_add_test(tc, vec_first_push);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(arena_suite()); }
