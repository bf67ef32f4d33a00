/*
 * check_names.c -- the name table, edit distance, suggestions and
 * normalisation (src/names.c).
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>

#include "unit.h"
#include "utf8.h"

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
  ck_assert_int_eq(ac_names_edit_distance("swim", "swim", 3), 0);
  ck_assert_int_eq(ac_names_edit_distance("swim", "swimm", 3), 1);  /* insertion */
  ck_assert_int_eq(ac_names_edit_distance("swim", "swm", 3), 1);    /* deletion */
  ck_assert_int_eq(ac_names_edit_distance("swim", "swam", 3), 1);   /* substitution */
  ck_assert_int_eq(ac_names_edit_distance("kitten", "sitting", 5), 3);
  ck_assert_int_eq(ac_names_edit_distance("", "abc", 5), 3);
  ck_assert_int_eq(ac_names_edit_distance("abc", "", 5), 3);
  ck_assert_int_eq(ac_names_edit_distance("", "", 0), 0);
}
END_TEST

/* The band and the common prefix: only cells within max of the diagonal
 * are computed, after the prefix both names share; a distance over max is
 * max + 1 whatever it really is. */
START_TEST(distance_band_and_prefix) {
  ck_assert_int_eq(ac_names_edit_distance("a:swim", "a:wsim", 1), 1); /* swap after a prefix */
  ck_assert_int_eq(ac_names_edit_distance("a:swim", "a:swim", 0), 0);
  ck_assert_int_eq(ac_names_edit_distance("a:swim", "a:swam", 0), 1); /* over max 0 */
  ck_assert_int_eq(ac_names_edit_distance("kitten", "sitting", 2), 3); /* 3 > 2: max + 1 */
  ck_assert_int_eq(ac_names_edit_distance("abc", "abcdefgh", 2), 3); /* lengths 5 apart */
  ck_assert_int_eq(ac_names_edit_distance("abcdefgh", "abc", 5), 5);
  ck_assert_int_eq(ac_names_edit_distance("x", "y", -1), 0);          /* max < 0: max + 1 */
  /* a name longer than 64 bytes is never close to another: max + 1 */
  const char *l1 = "long_shower_with_very_hot_water_after_the_first_two_weeks_of_healing_a";
  const char *l2 = "long_shower_with_very_hot_water_after_the_first_two_weeks_of_healing_b";
  const char *l3 = "long_shower_with_very_hot_water_after_the_first_two_weeks_of_healign_a";
  ck_assert_int_eq(ac_names_edit_distance(l1, l2, 3), 4);
  ck_assert_int_eq(ac_names_edit_distance(l1, l3, 3), 4);
  ck_assert_int_eq(ac_names_edit_distance(l1 + 10, l3 + 10, 3), 1); /* 60 bytes: a swap */
}
END_TEST

START_TEST(distance_transposition) {
  /* Swapping two neighbours is one edit, not two. */
  ck_assert_int_eq(ac_names_edit_distance("sauna", "sauan", 3), 1);
  ck_assert_int_eq(ac_names_edit_distance("swim", "wsim", 3), 1);
  ck_assert_int_eq(ac_names_edit_distance("ab", "ba", 3), 1);
  ck_assert_int_eq(ac_names_edit_distance("abcd", "badc", 3), 2);
  /* case does not count, with a swap too */
  ck_assert_int_eq(ac_names_edit_distance("Swim", "swim", 3), 0);
  ck_assert_int_eq(ac_names_edit_distance("SAUNA", "sauan", 3), 1);
}
END_TEST

START_TEST(distance_unpaired_bound) {
  /* The bound of characters without a partner rejects only what the table
   * would: letters of other case, swaps and bytes that share five low bits
   * are partners. */
  ck_assert_int_eq(ac_names_edit_distance("a:nope0", "a:swim", 2), 3);   /* none paired */
  ck_assert_int_eq(ac_names_edit_distance("a:SWIM", "a:misw", 2), 3);   /* all paired: the table says */
  ck_assert_int_eq(ac_names_edit_distance("a:SWIM", "a:wsim", 2), 1);
  ck_assert_int_eq(ac_names_edit_distance("a!b", "aAb", 1), 1);        /* '!' and 'A' share bits */
  ck_assert_int_eq(ac_names_edit_distance("tanning", "taning", 1), 1);
  ck_assert_int_eq(ac_names_edit_distance("abc", "xyz", 3), 3);
  ck_assert_int_eq(ac_names_edit_distance("abc", "xyz", 2), 3);
}
END_TEST

START_TEST(distance_cap) {
  /* Beyond max, the answer is max + 1. */
  ck_assert_int_eq(ac_names_edit_distance("kitten", "sitting", 2), 3);
  ck_assert_int_eq(ac_names_edit_distance("kitten", "sitting", 1), 2);
  ck_assert_int_eq(ac_names_edit_distance("a", "abcdefgh", 2), 3); /* lengths alone */
  ck_assert_int_eq(ac_names_edit_distance("abcdef", "uvwxyz", 3), 4);
  ck_assert_int_eq(ac_names_edit_distance("swim", "swim", 0), 0);
  ck_assert_int_eq(ac_names_edit_distance("swim", "swam", 0), 1);
  /* over 64 characters: not compared */
  char a[80], b[80];
  memset(a, 'x', 79);
  a[79] = '\0';
  memcpy(b, a, sizeof b);
  ck_assert_int_eq(ac_names_edit_distance(a, b, 3), 4);
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

/* The reference: every entry compared, the smallest distance, ties to
 * the smallest key; entries with an odd value refused when `odd_out`. */
typedef struct brute {
  const char *word, *best;
  int max, best_d;
  bool odd_out;
} brute;

static void brute_one(const char *key, void *value, void *ctx) {
  brute *b = ctx;
  if (b->odd_out && ((intptr_t)value & 1)) return;
  int d = ac_names_edit_distance(b->word, key, b->max);
  if (d > b->max) return;
  if (!b->best || d < b->best_d || (d == b->best_d && strcmp(key, b->best) < 0)) {
    b->best = key;
    b->best_d = d;
  }
}

static int accept_even(void *value, void *ctx) {
  (void)ctx;
  return ((intptr_t)value & 1) == 0;
}

/* A large table is searched through its sorted keys (ac_names_sort): the
 * same answers as comparing every entry, for words near names, far from
 * them, with transpositions, case changes, prefixes and filters; and again
 * after the table grew and was sorted again (in between, before the keys
 * are sorted again, every entry is compared: the same answers too). */
START_TEST(suggest_large_table_agrees_with_every_entry) {
  ac_names *t = ac_names_new(ut_arena);
  unsigned seed = 12345;
  static const char letters[] = "abcdeghilmnorstu_AB";
  char *names[2500];
  size_t n = 0;
  for (; n < 2000; n++) {
    char buf[24];
    seed = seed * 1103515245u + 12345u;
    int len = 2 + (int)((seed >> 16) % 12);
    for (int i = 0; i < len; i++) {
      seed = seed * 1103515245u + 12345u;
      buf[i] = letters[(seed >> 16) % (sizeof letters - 1)];
    }
    buf[len] = '\0';
    names[n] = ac_arena_strdup(ut_arena, buf);
    ac_names_put(t, names[n], (void *)(intptr_t)n);
  }
  for (int round = 0; round < 3; round++) {
    if (round != 1) ac_names_sort(t);
    for (int q = 0; q < 300; q++) {
      seed = seed * 1103515245u + 12345u;
      char word[40];
      strcpy(word, names[(seed >> 16) % n]);
      size_t len = strlen(word);
      int how = q % 6;
      size_t at = len > 1 ? (seed >> 8) % (len - 1) : 0;
      if (how == 1) word[at] = 'z';                          /* substitution */
      else if (how == 2) memmove(word + at, word + at + 1, len - at); /* deletion */
      else if (how == 3) { char c = word[at]; word[at] = word[at + 1]; word[at + 1] = c; }
      else if (how == 4) word[0] = (char)toupper((unsigned char)word[0]);
      else if (how == 5) strcpy(word, q % 2 ? "qqqqqqqq" : "x");  /* far from all */
      for (int filter = 0; filter < 2; filter++) {
        size_t wl = strlen(word);
        brute b = {word, NULL, wl <= 3 ? 1 : wl <= 8 ? 2 : 3, 0, filter == 1};
        ac_names_each(t, brute_one, &b);
        const char *got = ac_names_suggest(t, word, filter ? accept_even : NULL, NULL);
        if (!b.best)
          ck_assert_msg(got == NULL, "'%s': got '%s', want none", word, got);
        else
          ck_assert_msg(got && strcmp(got, b.best) == 0, "'%s': got '%s', want '%s'", word,
                        got ? got : "(none)", b.best);
      }
    }
    /* the table changes: its sorted keys are out of date */
    for (; round == 0 && n < 2500; n++) {
      names[n] = ac_arena_printf(ut_arena, "late%zu", n);
      ac_names_put(t, names[n], (void *)(intptr_t)n);
    }
  }
}
END_TEST

START_TEST(normalise) {
  ck_assert_str_eq(ac_names_normalise(ut_arena, "Shave_Razor "), "shave razor");
  ck_assert_str_eq(ac_names_normalise(ut_arena, "  shave   with\ta  RAZOR\n"), "shave with a razor");
  ck_assert_str_eq(ac_names_normalise(ut_arena, "__a__b__"), "a b");
  ck_assert_str_eq(ac_names_normalise(ut_arena, "swim"), "swim");
  ck_assert_str_eq(ac_names_normalise(ut_arena, ""), "");
  ck_assert_str_eq(ac_names_normalise(ut_arena, " _ \t"), "");
  /* a hyphen is a space between words */
  ck_assert_str_eq(ac_names_normalise(ut_arena, "over-moisturize"), "over moisturize");
  ck_assert_str_eq(ac_names_normalise(ut_arena, "Touch-Up"), "touch up");
  ck_assert_str_eq(ac_names_normalise(ut_arena, "touch - up-"), "touch up");
  ck_assert_str_eq(ac_names_normalise(ut_arena, "touch\xE2\x80\x90up"), "touch up"); /* U+2010 */
  ck_assert_str_eq(ac_names_normalise(ut_arena, "touchup"), "touchup");
  /* Unicode case folding: letters beyond ASCII too */
  ck_assert_str_eq(ac_names_normalise(ut_arena, "Caf\xC3\xA9 Cr\xC3\xA8me"), "caf\xC3\xA9 cr\xC3\xA8me");
  ck_assert_str_eq(ac_names_normalise(ut_arena, "PISCINE SAL\xC3\x89" "E"), "piscine sal\xC3\xA9" "e");
  ck_assert_str_eq(ac_names_normalise(ut_arena, "Stra\xC3\x9F" "e"), "strasse"); /* sharp s */
  /* NFC: e and a combining acute accent are the precomposed letter */
  ck_assert_str_eq(ac_names_normalise(ut_arena, "sale\xCC\x81" "e"), "sal\xC3\xA9" "e");
  ck_assert_str_eq(ac_names_normalise(ut_arena, "SALE\xCC\x81" "E"), "sal\xC3\xA9" "e");
  /* apostrophes: U+2019 and U+02BC are ' */
  ck_assert_str_eq(ac_names_normalise(ut_arena, "L\xE2\x80\x99" "EAU chaude"), "l'eau chaude");
  ck_assert_str_eq(ac_names_normalise(ut_arena, "l\xCA\xBC" "eau"), "l'eau");
  ck_assert_str_eq(ac_names_normalise(ut_arena, "l'eau"), "l'eau");
  /* a no-break space separates words */
  ck_assert_str_eq(ac_names_normalise(ut_arena, "piscine\xC2\xA0" "sal\xC3\xA9" "e"), "piscine sal\xC3\xA9" "e");
  /* a byte that is not UTF-8 is U+FFFD REPLACEMENT CHARACTER */
  ck_assert_str_eq(ac_names_normalise(ut_arena, "AB\xFF" "C"), "ab\xEF\xBF\xBD" "c");
  /* the key of a phrase: written only when it fits, its length returned */
  char out[16];
  ck_assert_uint_eq(ac_names_key_into(out, sizeof out, 'a', "Touch-Up", 8), 10);
  ck_assert_str_eq(out, "a:touch up");
  memset(out, 'x', sizeof out);
  ck_assert_uint_eq(ac_names_key_into(out, 4, 'a', "Touch-Up", 8), 10);
  ck_assert_int_eq(out[2], 'x');
  ck_assert_uint_eq(ac_names_key_into(out, sizeof out, 's', "Stra\xC3\x9F" "e", 7), 9);
  ck_assert_str_eq(out, "s:strasse");
  /* a long text that grows when folded (U+0130 is 2 bytes, i and U+0307
   * folded: 3) */
  char *big = ac_arena_alloc(ut_arena, 2 * 400 + 1), *want = ac_arena_alloc(ut_arena, 3 * 400 + 1);
  for (int i = 0; i < 400; i++) {
    memcpy(big + 2 * i, "\xC4\xB0", 2);
    memcpy(want + 3 * i, "i\xCC\x87", 3);
  }
  big[800] = want[1200] = '\0';
  ck_assert_str_eq(ac_names_normalise(ut_arena, big), want);
  ck_assert_str_eq(ac_names_normalise_key(ut_arena, 'f', big) + 2, want);
}
END_TEST

/* What a word of a query is made of (the scanner's words). */
START_TEST(word_chars) {
  ck_assert_uint_eq(ac_utf8_word_end("touch-up on", 11), 8);
  ck_assert_uint_eq(ac_utf8_word_end("l'eau", 5), 5);
  ck_assert_uint_eq(ac_utf8_word_end("l\xE2\x80\x99" "eau", 7), 7);
  ck_assert_uint_eq(ac_utf8_word_end("sal\xC3\xA9" "e?", 7), 6);
  ck_assert_uint_eq(ac_utf8_word_end("sale\xCC\x81" "e", 7), 7); /* a combining mark */
  ck_assert_uint_eq(ac_utf8_word_end("touch-", 6), 5);   /* not a trailing joiner */
  ck_assert_uint_eq(ac_utf8_word_end("a--b", 4), 1);     /* nor two */
  ck_assert_uint_eq(ac_utf8_word_end("-a", 2), 0);       /* nor a leading one */
  ck_assert_uint_eq(ac_utf8_word_end("\xC2\xA0" "a", 3), 0); /* no-break space */
  ck_assert_uint_eq(ac_utf8_word_end("ab\xFF" "c", 4), 2);   /* not UTF-8 */
  ck_assert_uint_eq(ac_utf8_word_end("\xEF\xBB\xBF", 3), 0); /* U+FEFF */
  size_t k;
  ck_assert_int_eq(ac_utf8_word_char((const unsigned char *)"\xE2\x80\x99", 3, &k), AC_CH_JOIN);
  ck_assert_uint_eq(k, 3);
  ck_assert_int_eq(ac_utf8_word_char((const unsigned char *)"\xE2\x80\x94", 3, &k), AC_CH_OTHER); /* em dash */
  ck_assert_int_eq(ac_utf8_word_char((const unsigned char *)"\xC3", 1, &k), AC_CH_OTHER);
  ck_assert_uint_eq(k, 1);
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
  tcase_add_test(tc, distance_band_and_prefix);
  tcase_add_test(tc, distance_transposition);
  tcase_add_test(tc, distance_unpaired_bound);
  tcase_add_test(tc, distance_cap);
  suite_add_tcase(s, tc);

  tc = ut_tcase("suggest");
  tcase_add_test(tc, suggest_closest);
  tcase_add_test(tc, suggest_threshold_grows_with_length);
  tcase_add_test(tc, suggest_ties_and_filter);
  tcase_add_test(tc, suggest_large_table_agrees_with_every_entry);
  tcase_add_test(tc, normalise);
  tcase_add_test(tc, word_chars);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(names_suite()); }
