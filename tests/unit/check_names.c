/*
 * check_names.c -- the name table, edit distance, suggestions and
 * normalisation (src/names.c).
 */
#include "config.h"

#include "unit.h"

START_TEST(empty_table) {
  ac_names *t = ac_names_new(ut_arena);
  ck_assert_uint_eq(ac_names_count(t), 0);
  ck_assert_ptr_null(ac_names_get(t, "swim"));
  ck_assert_ptr_null(ac_names_get(t, ""));
  ck_assert_ptr_null(ac_names_suggest(t, "swim", NULL, NULL));
}
END_TEST

START_TEST(put_keeps_first_value) {
  ac_names *t = ac_names_new(ut_arena);
  int a = 1, b = 2;
  ck_assert_ptr_eq(ac_names_put(t, "swim", &a), &a);
  ck_assert_ptr_eq(ac_names_put(t, "swim", &b), &a); /* present: the old value */
  ck_assert_ptr_eq(ac_names_get(t, "swim"), &a);
  ck_assert_uint_eq(ac_names_count(t), 1);
  /* keys are compared exactly */
  ck_assert_ptr_null(ac_names_get(t, "Swim"));
  ck_assert_ptr_null(ac_names_get(t, "swi"));
  ck_assert_ptr_null(ac_names_get(t, "swimm"));
  /* the empty string is a key like any other */
  ck_assert_ptr_eq(ac_names_put(t, "", &b), &b);
  ck_assert_ptr_eq(ac_names_get(t, ""), &b);
  ck_assert_uint_eq(ac_names_count(t), 2);
}
END_TEST

START_TEST(set_replaces_or_adds) {
  ac_names *t = ac_names_new(ut_arena);
  int a = 1, b = 2, c = 3;
  ac_names_put(t, "swim", &a);
  ac_names_set(t, "swim", &b);
  ck_assert_ptr_eq(ac_names_get(t, "swim"), &b);
  ck_assert_uint_eq(ac_names_count(t), 1);
  ac_names_set(t, "run", &c);
  ck_assert_ptr_eq(ac_names_get(t, "run"), &c);
  ck_assert_uint_eq(ac_names_count(t), 2);
  ac_names_set(t, "run", NULL); /* a NULL value is stored, the key stays */
  ck_assert_ptr_null(ac_names_get(t, "run"));
  ck_assert_uint_eq(ac_names_count(t), 2);
}
END_TEST

START_TEST(many_entries) {
  /* Far more than the initial capacity: the table grows and keeps all. */
  enum { N = 20000 };
  ac_names *t = ac_names_new(ut_arena);
  static int values[N];
  const char **keys = ac_arena_array(ut_arena, N, sizeof *keys);
  for (int i = 0; i < N; i++) {
    keys[i] = ac_arena_printf(ut_arena, "name_%d", i);
    values[i] = i;
    ck_assert_ptr_eq(ac_names_put(t, keys[i], &values[i]), &values[i]);
  }
  ck_assert_uint_eq(ac_names_count(t), N);
  for (int i = 0; i < N; i++) {
    /* a different buffer with the same text finds it */
    char buf[32];
    snprintf(buf, sizeof buf, "name_%d", i);
    int *v = ac_names_get(t, buf);
    ck_assert_ptr_nonnull(v);
    ck_assert_int_eq(*v, i);
  }
  ck_assert_ptr_null(ac_names_get(t, "name_20000"));
  ck_assert_ptr_null(ac_names_get(t, "name_-1"));
  for (int i = 0; i < N; i += 2) ac_names_set(t, keys[i], &values[0]);
  ck_assert_uint_eq(ac_names_count(t), N);
  ck_assert_ptr_eq(ac_names_get(t, "name_4"), &values[0]);
  ck_assert_ptr_eq(ac_names_get(t, "name_5"), &values[5]);
}
END_TEST

typedef struct each_ctx {
  int n;
  long sum;
  bool saw_b;
} each_ctx;

static void each_fn(const char *key, void *value, void *ctx) {
  each_ctx *c = ctx;
  c->n++;
  c->sum += *(int *)value;
  if (strcmp(key, "b") == 0) c->saw_b = true;
}

START_TEST(each_visits_every_entry_once) {
  ac_names *t = ac_names_new(ut_arena);
  static int v[200];
  long expect = 0;
  for (int i = 0; i < 200; i++) {
    v[i] = i + 1;
    expect += i + 1;
    ac_names_put(t, i == 0 ? "b" : ac_arena_printf(ut_arena, "k%d", i), &v[i]);
  }
  each_ctx c = {0, 0, false};
  ac_names_each(t, each_fn, &c);
  ck_assert_int_eq(c.n, 200);
  ck_assert_int_eq(c.sum, expect);
  ck_assert(c.saw_b);
}
END_TEST

/* ---- Edit distance ---- */

START_TEST(distance_basic) {
  ck_assert_int_eq(ac_edit_distance("swim", "swim", 3), 0);
  ck_assert_int_eq(ac_edit_distance("swim", "swimm", 3), 1);  /* insertion */
  ck_assert_int_eq(ac_edit_distance("swim", "swm", 3), 1);    /* deletion */
  ck_assert_int_eq(ac_edit_distance("swim", "swam", 3), 1);   /* substitution */
  ck_assert_int_eq(ac_edit_distance("kitten", "sitting", 5), 3);
  ck_assert_int_eq(ac_edit_distance("", "abc", 5), 3);
  ck_assert_int_eq(ac_edit_distance("abc", "", 5), 3);
  ck_assert_int_eq(ac_edit_distance("", "", 0), 0);
}
END_TEST

START_TEST(distance_transposition) {
  /* Swapping two neighbours is one edit, not two. */
  ck_assert_int_eq(ac_edit_distance("sauna", "sauan", 3), 1);
  ck_assert_int_eq(ac_edit_distance("swim", "wsim", 3), 1);
  ck_assert_int_eq(ac_edit_distance("ab", "ba", 3), 1);
  ck_assert_int_eq(ac_edit_distance("abcd", "badc", 3), 2);
  /* case does not count, with a swap too */
  ck_assert_int_eq(ac_edit_distance("Swim", "swim", 3), 0);
  ck_assert_int_eq(ac_edit_distance("SAUNA", "sauan", 3), 1);
}
END_TEST

START_TEST(distance_cap) {
  /* Beyond max, the answer is max + 1. */
  ck_assert_int_eq(ac_edit_distance("kitten", "sitting", 2), 3);
  ck_assert_int_eq(ac_edit_distance("kitten", "sitting", 1), 2);
  ck_assert_int_eq(ac_edit_distance("a", "abcdefgh", 2), 3); /* lengths alone */
  ck_assert_int_eq(ac_edit_distance("abcdef", "uvwxyz", 3), 4);
  ck_assert_int_eq(ac_edit_distance("swim", "swim", 0), 0);
  ck_assert_int_eq(ac_edit_distance("swim", "swam", 0), 1);
  /* over 64 characters: not compared */
  char a[80], b[80];
  memset(a, 'x', 79);
  a[79] = '\0';
  memcpy(b, a, sizeof b);
  ck_assert_int_eq(ac_edit_distance(a, b, 3), 4);
}
END_TEST

/* ---- Suggestions ---- */

static int accept_odd(void *value, void *ctx) {
  (void)ctx;
  return *(int *)value % 2 == 1;
}

START_TEST(suggest_closest) {
  ac_names *t = ac_names_new(ut_arena);
  static int v[] = {1, 2, 3, 4, 5};
  ac_names_put(t, "swim", &v[0]);
  ac_names_put(t, "sauna", &v[1]);
  ac_names_put(t, "shave_razor", &v[2]);
  ac_names_put(t, "shave_machine", &v[3]);
  ac_names_put(t, "steam_room", &v[4]);
  ck_assert_str_eq(ac_names_suggest(t, "swimm", NULL, NULL), "swim");
  ck_assert_str_eq(ac_names_suggest(t, "sauan", NULL, NULL), "sauna");
  ck_assert_str_eq(ac_names_suggest(t, "shave_razr", NULL, NULL), "shave_razor");
  ck_assert_str_eq(ac_names_suggest(t, "steem_rom", NULL, NULL), "steam_room");
  ck_assert_str_eq(ac_names_suggest(t, "SWIM", NULL, NULL), "swim");
  ck_assert_ptr_null(ac_names_suggest(t, "alcohol", NULL, NULL));
}
END_TEST

START_TEST(suggest_threshold_grows_with_length) {
  ac_names *t = ac_names_new(ut_arena);
  static int v = 1;
  ac_names_put(t, "sun", &v);
  ac_names_put(t, "exercise", &v);
  ac_names_put(t, "hair_products", &v);
  /* up to 3 characters: 1 edit */
  ck_assert_str_eq(ac_names_suggest(t, "sub", NULL, NULL), "sun");
  ck_assert_ptr_null(ac_names_suggest(t, "sbb", NULL, NULL));
  /* up to 8: 2 edits */
  ck_assert_str_eq(ac_names_suggest(t, "exercixx", NULL, NULL), "exercise");
  ck_assert_ptr_null(ac_names_suggest(t, "exercxxx", NULL, NULL));
  /* longer: 3 edits */
  ck_assert_str_eq(ac_names_suggest(t, "hair_prodxxxs", NULL, NULL), "hair_products");
  ck_assert_ptr_null(ac_names_suggest(t, "hair_prodxxxx", NULL, NULL));
}
END_TEST

START_TEST(suggest_ties_and_filter) {
  ac_names *t = ac_names_new(ut_arena);
  static int v[] = {1, 2, 3};
  ac_names_put(t, "bat", &v[0]);
  ac_names_put(t, "cat", &v[1]);
  ac_names_put(t, "hat", &v[2]);
  /* a tie goes to the first in alphabetical order, whatever the table order */
  ck_assert_str_eq(ac_names_suggest(t, "xat", NULL, NULL), "bat");
  /* the filter: only odd values */
  ck_assert_str_eq(ac_names_suggest(t, "cat", NULL, NULL), "cat");
  ck_assert_str_eq(ac_names_suggest(t, "cat", accept_odd, NULL), "bat");
  ck_assert_ptr_null(ac_names_suggest(t, "cax", accept_odd, NULL));
  ck_assert_str_eq(ac_names_suggest(t, "hax", accept_odd, NULL), "hat");
}
END_TEST

/* ---- Normalisation ---- */

START_TEST(normalise) {
  ck_assert_str_eq(ac_normalise(ut_arena, "Shave_Razor "), "shave razor");
  ck_assert_str_eq(ac_normalise(ut_arena, "  shave   with\ta  RAZOR\n"), "shave with a razor");
  ck_assert_str_eq(ac_normalise(ut_arena, "__a__b__"), "a b");
  ck_assert_str_eq(ac_normalise(ut_arena, "swim"), "swim");
  ck_assert_str_eq(ac_normalise(ut_arena, ""), "");
  ck_assert_str_eq(ac_normalise(ut_arena, " _ \t"), "");
  ck_assert_str_eq(ac_normalise(ut_arena, "over-moisturize"), "over-moisturize");
  /* bytes beyond ASCII are kept as they are */
  ck_assert_str_eq(ac_normalise(ut_arena, "Caf\xC3\xA9 Cr\xC3\xA8me"), "caf\xC3\xA9 cr\xC3\xA8me");
}
END_TEST

static Suite *names_suite(void) {
  Suite *s = suite_create("names");
  TCase *tc = ut_tcase("table");
  tcase_add_test(tc, empty_table);
  tcase_add_test(tc, put_keeps_first_value);
  tcase_add_test(tc, set_replaces_or_adds);
  tcase_add_test(tc, many_entries);
  tcase_add_test(tc, each_visits_every_entry_once);
  suite_add_tcase(s, tc);

  tc = ut_tcase("distance");
  tcase_add_test(tc, distance_basic);
  tcase_add_test(tc, distance_transposition);
  tcase_add_test(tc, distance_cap);
  suite_add_tcase(s, tc);

  tc = ut_tcase("suggest");
  tcase_add_test(tc, suggest_closest);
  tcase_add_test(tc, suggest_threshold_grows_with_length);
  tcase_add_test(tc, suggest_ties_and_filter);
  tcase_add_test(tc, normalise);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(names_suite()); }
