/*
 * check_catalog.c -- message catalogues read for one call (catalog.c): a
 * GNU MO file found where gettext would look, its translations, the
 * language without its region, files that are not catalogues; and a plan
 * in a language of its own whatever the process's (LANGUAGE).
 */
#include "config.h"

#include <libintl.h>

#include "aftercare.h"
#include "catalog.h"
#include "unit.h"

/* A little-endian MO file of the given entries (sorted by msgid), the
 * first the header. */
static void write_mo(const char *path, const char *const (*entries)[2], uint32_t n) {
  FILE *f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  uint32_t orig = 28, trans = orig + 8 * n, data = trans + 8 * n;
  uint32_t head[7] = {0x950412de, 0, n, orig, trans, 0, 0};
  fwrite(head, sizeof head, 1, f);
  uint32_t at = data;
  for (int side = 0; side < 2; side++)
    for (uint32_t i = 0; i < n; i++) {
      uint32_t len = (uint32_t)strlen(entries[i][side]), pair[2] = {len, at};
      fwrite(pair, sizeof pair, 1, f);
      at += len + 1;
    }
  for (int side = 0; side < 2; side++)
    for (uint32_t i = 0; i < n; i++) fwrite(entries[i][side], strlen(entries[i][side]) + 1, 1, f);
  fclose(f);
}

static const char *const xx_entries[][2] = {
    {"", "Content-Type: text/plain; charset=UTF-8\n"},
    {"Allowed", "Permis"},
    {"Forbidden", "Interdit"},
    {"Ask your practitioner about anything this plan does not mention.",
     "Demandez \xc3\xa0 votre praticien."},
    {"untranslated", ""},
};

static const char *locale_dir(void) {
  const char *dir = ut_tmpdir();
  char path[4096];
  snprintf(path, sizeof path, "%s/xx", dir);
  ck_assert_int_eq(mkdir(path, 0700), 0);
  snprintf(path, sizeof path, "%s/xx/LC_MESSAGES", dir);
  ck_assert_int_eq(mkdir(path, 0700), 0);
  snprintf(path, sizeof path, "%s/xx/LC_MESSAGES/%s.mo", dir, PACKAGE);
  write_mo(path, xx_entries, 5);
  snprintf(path, sizeof path, "%s/yy", dir);
  ck_assert_int_eq(mkdir(path, 0700), 0);
  snprintf(path, sizeof path, "%s/yy/LC_MESSAGES", dir);
  ck_assert_int_eq(mkdir(path, 0700), 0);
  ut_write(dir, "yy/LC_MESSAGES/" PACKAGE ".mo", "not a catalogue");
  ck_assert_ptr_nonnull(bindtextdomain(PACKAGE, dir));
  return dir;
}

START_TEST(catalogue_translations) {
  locale_dir();
  const ac_catalog *c = ac_catalog_load(ut_arena, "xx");
  ck_assert_ptr_nonnull(c);
  ck_assert_str_eq(ac_catalog_text(c, "Allowed"), "Permis");
  ck_assert_str_eq(ac_catalog_text(c, "Forbidden"), "Interdit");
  ck_assert_str_eq(ac_catalog_text(c, "Discouraged"), "Discouraged"); /* not in it */
  ck_assert_str_eq(ac_catalog_text(c, "untranslated"), "untranslated");
  ck_assert_str_eq(ac_catalog_text(c, ""), "");
  /* a region, an encoding: the language's catalogue */
  ck_assert_ptr_nonnull(ac_catalog_load(ut_arena, "xx_ZZ"));
  ck_assert_ptr_nonnull(ac_catalog_load(ut_arena, "xx_ZZ.UTF-8@euro"));
  /* none, or not one */
  ck_assert_ptr_null(ac_catalog_load(ut_arena, "zz"));
  ck_assert_ptr_null(ac_catalog_load(ut_arena, "yy"));
  ck_assert_ptr_null(ac_catalog_load(ut_arena, "../xx"));
  ck_assert_ptr_null(ac_catalog_load(ut_arena, ""));
  ck_assert_ptr_null(ac_catalog_load(ut_arena, NULL));
  ck_assert_str_eq(ac_catalog_text(NULL, "Allowed"), "Allowed");
}
END_TEST

static const char *plan_text(const aftercare *p, const char *language) {
  aftercare_plan_options o;
  memset(&o, 0, sizeof o);
  o.has_from = o.has_to = 1;
  o.language = language;
  memout m;
  mem_open(&m);
  ck_assert_int_eq(aftercare_plan(p, &o, m.f, stderr), 0);
  return mem_close(&m);
}

/* The plan's language is a parameter of the call: LANGUAGE, which sets the
 * process's, does not change it. */
START_TEST(plan_in_its_language) {
  locale_dir();
  setenv("LANGUAGE", "de", 1);
  aftercare *p = aftercare_open_standard();
  ck_assert(strstr(plan_text(p, "xx"), "\nDemandez \xc3\xa0 votre praticien.\n"));
  ck_assert(strstr(plan_text(p, "xx"), "\nInterdit:\n"));
  ck_assert(strstr(plan_text(p, "en"), "\nAsk your practitioner about anything this plan does not mention.\n"));
  ck_assert(strstr(plan_text(p, "zz"), "\nAsk your practitioner about anything this plan does not mention.\n"));
  aftercare_close(p);
  unsetenv("LANGUAGE");
}
END_TEST

static Suite *catalog_suite(void) {
  Suite *s = suite_create("catalog");
  TCase *tc = ut_tcase("catalogues");
  tcase_add_test(tc, catalogue_translations);
  tcase_add_test(tc, plan_in_its_language);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(catalog_suite()); }
