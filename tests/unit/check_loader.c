/*
 * check_loader.c -- loading protocols and their chains of extends
 * (src/loader.c).
 */
#include "config.h"

#include "unit.h"

START_TEST(standard_protocol_is_clean) {
  ac_protocol *p = ut_compile_standard();
  ut_assert_clean(&ut_diags);
  ck_assert_int_eq(p->nlayers, 1);
  ck_assert_str_eq(p->layers[0]->name, "smp");
  ck_assert_str_eq(p->layers[0]->src->path, AC_STANDARD_PATH);
  ck_assert(p->layers[0]->src->embedded);
  ck_assert_int_eq(p->horizon, 365);
  ck_assert_int_eq(p->sessions, 3);
  ck_assert_uint_eq(strlen(ac_embedded_smp), ac_embedded_smp_len);
  ck_assert_int_eq(ut_entity(p, "shave_razor")->kind, AC_ENT_ACTIVITY);
}
END_TEST

START_TEST(memory_protocol_extends_standard) {
  const char *text = "protocol clinic { horizon 400 days; }\n"
                     "extends \"smp\";\n"
                     "activity henna \"apply henna\";\n"
                     "forbid henna always;\n";
  ac_protocol *p = ut_compile_memory("clinic.care", text, strlen(text));
  ut_assert_clean(&ut_diags);
  ck_assert_int_eq(p->nlayers, 2);
  /* layer 0 is the root: the standard protocol */
  ck_assert_str_eq(p->layers[0]->name, "smp");
  ck_assert_int_eq(p->layers[0]->depth, 0);
  ck_assert(p->layers[0]->src->embedded);
  ck_assert_str_eq(p->layers[0]->src->path, "rules/smp.care");
  ck_assert_int_eq(p->layers[0]->src->id, 1);
  ck_assert_str_eq(p->layers[1]->name, "clinic");
  ck_assert_int_eq(p->layers[1]->depth, 1);
  ck_assert_str_eq(p->layers[1]->src->path, "clinic.care");
  ck_assert_int_eq(p->layers[1]->src->id, 0);
  /* names of both */
  ck_assert_ptr_eq(ut_entity(p, "shave_razor")->layer, p->layers[0]);
  ck_assert_ptr_eq(ut_entity(p, "henna")->layer, p->layers[1]);
  /* the extension's horizon, the base's sessions */
  ck_assert_int_eq(p->horizon, 400);
  ck_assert_int_eq(p->sessions, 3);
  ck_assert_int_eq(p->layers[1]->horizon, 400);
  ck_assert_int_eq(p->layers[1]->sessions, 0);
}
END_TEST

START_TEST(load_file_and_relative_base) {
  const char *dir = ut_tmpdir();
  mkdir(ac_arena_printf(ut_arena, "%s/group", dir), 0700);
  ut_write(dir, "group/base.care",
           "protocol base { sessions 2; }\nactivity swim;\nforbid swim first 10 days;\n"
           "allow swim after 10 days;\n");
  const char *top = ut_write(dir, "clinic.care",
                             "protocol clinic;\nextends \"group/base.care\";\n"
                             "activity run;\nallow run always;\n");
  int err = 0;
  ac_protocol *p = ut_compile_file(top, &err);
  ck_assert_ptr_nonnull(p);
  ck_assert_int_eq(err, 0);
  ut_assert_clean(&ut_diags);
  ck_assert_int_eq(p->nlayers, 2);
  ck_assert_str_eq(p->layers[0]->name, "base");
  ck_assert_str_eq(p->layers[0]->src->path, ac_arena_printf(ut_arena, "%s/group/base.care", dir));
  ck_assert(!p->layers[0]->src->embedded);
  ck_assert_str_eq(p->layers[1]->src->path, top);
  ck_assert_int_eq(p->sessions, 2);
  ck_assert_int_eq(p->horizon, 365); /* the default */
}
END_TEST

START_TEST(base_diagnostics_point_into_base) {
  const char *dir = ut_tmpdir();
  ut_write(dir, "base.care", "protocol base;\nactivity swim;\nforbid swimm always;\n");
  const char *top = ut_write(dir, "top.care", "protocol top;\nextends \"base.care\";\n");
  int err = 0;
  ut_compile_file(top, &err);
  ck_assert_int_eq(ut_diags.errors, 1);
  const ac_diag *g = ut_expect(&ut_diags, AC_E_UNKNOWN);
  ck_assert_str_eq(g->src->path, ac_arena_printf(ut_arena, "%s/base.care", dir));
  ut_assert_at(g, 3, 8);
}
END_TEST

START_TEST(missing_base) {
  const char *dir = ut_tmpdir();
  const char *top = ut_write(dir, "top.care",
                             "protocol top;\nextends \"nowhere/base.care\";\nactivity a;\n"
                             "allow a always;\n");
  int err = 0;
  ac_protocol *p = ut_compile_file(top, &err);
  ck_assert_ptr_nonnull(p);
  ck_assert_int_eq(ut_diags.errors, 1);
  const ac_diag *g = ut_expect(&ut_diags, AC_E_EXTENDS_MISSING);
  ck_assert_str_eq(g->message,
                   ac_arena_printf(ut_arena,
                                   "cannot read the extended protocol '%s/nowhere/base.care': "
                                   "No such file or directory",
                                   dir));
  ck_assert_ptr_eq(g->src, p->layers[0]->src);
  ut_assert_at(g, 2, 9);
  ck_assert_int_eq(g->loc.last_column, 28);
  /* the file itself is still checked */
  ck_assert_int_eq(p->nlayers, 1);
  ck_assert_int_eq(ut_entity(p, "a")->kind, AC_ENT_ACTIVITY);
}
END_TEST

START_TEST(missing_base_from_memory) {
  const char *text = "protocol t;\nextends \"/nonexistent/base.care\";\n";
  ut_compile_memory("t.care", text, strlen(text));
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0301");
  ck_assert_str_eq(ut_diags.first->message,
                   "cannot read the extended protocol '/nonexistent/base.care': No such file or "
                   "directory");
}
END_TEST

START_TEST(cycle_of_two) {
  const char *dir = ut_tmpdir();
  ut_write(dir, "a.care", "protocol a;\nextends \"b.care\";\n");
  ut_write(dir, "b.care", "protocol b;\n\nextends \"a.care\";\n");
  int err = 0;
  ac_protocol *p =
      ut_compile_file(ac_arena_printf(ut_arena, "%s/a.care", dir), &err);
  ck_assert_ptr_nonnull(p);
  ck_assert_int_eq(ut_count(&ut_diags, AC_E_EXTENDS_CYCLE), 1);
  ck_assert_int_eq(ut_diags.errors, 1);
  const ac_diag *g = ut_expect(&ut_diags, AC_E_EXTENDS_CYCLE);
  ck_assert_str_eq(g->message, "protocols extend each other in a cycle");
  /* at the extends that closes the cycle */
  ck_assert_str_eq(g->src->path, ac_arena_printf(ut_arena, "%s/b.care", dir));
  ut_assert_at(g, 3, 9);
  ck_assert_int_eq(ut_nnotes(g), 2);
  ck_assert_str_eq(g->notes->message,
                   ac_arena_printf(ut_arena, "'%s/b.care' extends 'a.care'", dir));
  ck_assert_str_eq(g->notes->next->message,
                   ac_arena_printf(ut_arena, "'%s/a.care' extends 'b.care'", dir));
  ck_assert_int_eq(p->nlayers, 2);
}
END_TEST

START_TEST(cycle_of_one) {
  const char *dir = ut_tmpdir();
  const char *a = ut_write(dir, "a.care", "protocol a;\nextends \"./a.care\";\n");
  int err = 0;
  ut_compile_file(a, &err);
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0302");
  ck_assert_int_eq(ut_nnotes(ut_diags.first), 1);
}
END_TEST

START_TEST(chain_too_long) {
  /* p0 extends p1 ... extends p16: 17 protocols, one more than allowed. */
  const char *dir = ut_tmpdir();
  const char *names[AC_MAX_EXTENDS + 1];
  for (int i = 0; i <= AC_MAX_EXTENDS; i++) {
    names[i] = ac_arena_printf(ut_arena, "p%d.care", i);
    const char *text = i < AC_MAX_EXTENDS
                           ? ac_arena_printf(ut_arena, "protocol p%d;\nextends \"p%d.care\";\n",
                                             i, i + 1)
                           : "protocol last;\n";
    ut_write(dir, names[i], text);
  }
  int err = 0;
  ac_protocol *p =
      ut_compile_file(ac_arena_printf(ut_arena, "%s/p0.care", dir), &err);
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0303");
  ck_assert_str_eq(ut_diags.first->message, "more than 16 protocols extend one another");
  ck_assert_int_eq(p->nlayers, AC_MAX_EXTENDS);
}
END_TEST

START_TEST(chain_at_the_limit) {
  const char *dir = ut_tmpdir();
  const char *names[AC_MAX_EXTENDS];
  for (int i = 0; i < AC_MAX_EXTENDS; i++) {
    names[i] = ac_arena_printf(ut_arena, "p%d.care", i);
    const char *text = i < AC_MAX_EXTENDS - 1
                           ? ac_arena_printf(ut_arena, "protocol p%d;\nextends \"p%d.care\";\n",
                                             i, i + 1)
                           : "protocol last;\n";
    ut_write(dir, names[i], text);
  }
  int err = 0;
  ac_protocol *p =
      ut_compile_file(ac_arena_printf(ut_arena, "%s/p0.care", dir), &err);
  ut_assert_clean(&ut_diags);
  ck_assert_int_eq(p->nlayers, AC_MAX_EXTENDS);
  ck_assert_str_eq(p->layers[0]->name, "last");
  ck_assert_str_eq(p->layers[AC_MAX_EXTENDS - 1]->name, "p0");
}
END_TEST

START_TEST(load_file_missing_path) {
  int err = 0;
  ac_protocol *p = ut_compile_file("/nonexistent/dir/x.care", &err);
  ck_assert_ptr_null(p);
  ck_assert_int_eq(err, ENOENT);
  ut_assert_clean(&ut_diags);
  err = 0;
  ck_assert_ptr_null(ut_compile_file("/", &err));
  ck_assert_int_eq(err, EISDIR);
}
END_TEST

START_TEST(extends_placement) {
  ut_load("protocol t;\nactivity a;\nextends \"smp\";\n");
  ck_assert_int_eq(ut_count(&ut_diags, AC_E_EXTENDS_PLACE), 1);
  const ac_diag *g = ut_expect(&ut_diags, AC_E_EXTENDS_PLACE);
  ck_assert_str_eq(g->message, "'extends' must come right after the protocol header");
  ut_assert_at(g, 3, 1);

  ac_diags_init(&ut_diags, ut_arena);
  ut_load("protocol t;\nextends \"smp\";\nextends \"smp\";\n");
  g = ut_expect(&ut_diags, AC_E_EXTENDS_PLACE);
  ck_assert_str_eq(g->message, "a protocol extends at most one other protocol");
  ut_assert_at(g, 3, 1);
}
END_TEST

START_TEST(memory_protocol_with_syntax_error) {
  ac_protocol *p = ut_load("protocol t;\nactivity ;\nactivity b;\n");
  ck_assert_ptr_nonnull(p);
  ck_assert_int_eq(p->nlayers, 1);
  ck_assert_int_eq(p->layers[0]->file->syntax_errors, 1);
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0001");
  ck_assert_int_eq(ut_entity(p, "b")->kind, AC_ENT_ACTIVITY);
}
END_TEST

static Suite *loader_suite(void) {
  Suite *s = suite_create("loader");
  TCase *tc = ut_tcase("chains");
  tcase_add_test(tc, standard_protocol_is_clean);
  tcase_add_test(tc, memory_protocol_extends_standard);
  tcase_add_test(tc, load_file_and_relative_base);
  tcase_add_test(tc, base_diagnostics_point_into_base);
  tcase_add_test(tc, chain_at_the_limit);
  tcase_add_test(tc, memory_protocol_with_syntax_error);
  suite_add_tcase(s, tc);

  tc = ut_tcase("errors");
  tcase_add_test(tc, missing_base);
  tcase_add_test(tc, missing_base_from_memory);
  tcase_add_test(tc, cycle_of_two);
  tcase_add_test(tc, cycle_of_one);
  tcase_add_test(tc, chain_too_long);
  tcase_add_test(tc, load_file_missing_path);
  tcase_add_test(tc, extends_placement);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(loader_suite()); }
