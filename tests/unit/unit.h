/*
 * unit.h -- helpers shared by the unit test programs (tests/unit/check_*.c).
 *
 * Every test gets a fresh arena (ut_arena) and diagnostics list (ut_diags)
 * from the fixture ut_setup/ut_teardown, so that a test leaks nothing even
 * when it fails, with CK_FORK=no under valgrind as well.  Helpers build a
 * protocol from a string literal, parse a query, render diagnostics to a
 * string, and look diagnostics up by code.  Everything returned lives in the
 * test's arena.
 */
#ifndef AC_UNIT_H
#define AC_UNIT_H

#include <check.h>
#include <errno.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "ast.h"
#include "checker.h"
#include "condition.h"
#include "diagnostic.h"
#include "evaluator.h"
#include "loader.h"
#include "model.h"
#include "names.h"
#include "parse.h"
#include "query.h"
#include "source.h"
#include "timeline.h"

/* ---- The fixture ---- */

static ac_arena *ut_arena __attribute__((unused));
static ac_diags ut_diags __attribute__((unused));

static inline void ut_setup(void) {
  ut_arena = ac_arena_new();
  ac_diags_init(&ut_diags, ut_arena);
}

static inline void ut_teardown(void) {
  ac_arena_free(ut_arena);
  ut_arena = NULL;
}

/* A protocol loaded (loader.h) and checked (checker.h), as the library
 * compiles one; NULL if the file cannot be read. */
static inline ac_protocol *ut_compiled(ac_protocol *p) {
  if (p) ac_check(p);
  return p;
}
#define ut_compile_file(path, err) ut_compiled(ac_load_file(ut_arena, &ut_diags, (path), (err)))
#define ut_compile_memory(name, text, len) \
  ut_compiled(ac_load_memory(ut_arena, &ut_diags, (name), (text), (len)))
#define ut_compile_standard() ut_compiled(ac_load_standard(ut_arena, &ut_diags))

/* A test case with the fixture (checked: it runs in the test's process). */
static inline TCase *ut_tcase(const char *name) {
  TCase *tc = tcase_create(name);
  tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
  return tc;
}

/* The directory that holds every temporary file of a run (see ut_tmpdir);
 * made and removed by ut_run, in the parent process, so that nothing is
 * left behind even when a test fails in a child process. */
static char ut_root[64] __attribute__((unused));

static inline int ut_remove_one(const char *path, const struct stat *st, int flag,
                                struct FTW *ftw) {
  (void)st;
  (void)flag;
  (void)ftw;
  remove(path);
  return 0;
}

/* Runs a suite; the exit status of a test program. */
static inline int ut_run(Suite *s) {
  snprintf(ut_root, sizeof ut_root, "/tmp/ac-unit-XXXXXX");
  if (!mkdtemp(ut_root)) strcpy(ut_root, "/tmp");
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  if (strcmp(ut_root, "/tmp") != 0) nftw(ut_root, ut_remove_one, 16, FTW_DEPTH | FTW_PHYS);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* ---- Sources, protocols, queries ---- */

static inline ac_source *ut_source(const char *path, const char *text) {
  return ac_source_from_memory(ut_arena, path, text, strlen(text));
}

/* Parses a protocol file (syntax only). */
static inline ac_file *ut_parse(const char *text) {
  return ac_parse_protocol(ut_arena, ut_source("t.care", text), &ut_diags);
}

/* Loads, checks and compiles a protocol from text named "t.care". */
static inline ac_protocol *ut_load(const char *text) {
  return ut_compile_memory("t.care", text, strlen(text));
}

/* Parses one query; NULL on a syntax error. */
static inline ac_query *ut_query(const char *text) {
  return ac_parse_query(ut_arena, ut_source("query", text), &ut_diags);
}

/* Parses and resolves a query against p into *r; false if it cannot be
 * answered (diagnostics in ut_diags). */
static inline bool ut_request(const ac_protocol *p, const char *text, ac_request *r) {
  ac_source *src = ut_source("query", text);
  ac_query *q = ac_parse_query(ut_arena, src, &ut_diags);
  if (!q) return false;
  return ac_query_resolve(p, ut_arena, q, src, &ut_diags, r);
}

/* ---- Diagnostics ---- */

/* Every diagnostic rendered as text (no colour). */
static inline const char *ut_render(const ac_diags *d) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  ck_assert_ptr_nonnull(f);
  ac_render_opts o = {false};
  ac_diags_print_text(d, f, o);
  fclose(f);
  char *out = ac_arena_strndup(ut_arena, buf, len);
  free(buf);
  return out;
}

/* One diagnostic (and its notes) rendered as text. */
static inline const char *ut_render_one(const ac_diag *g) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  ck_assert_ptr_nonnull(f);
  ac_render_opts o = {false};
  ac_diag_print_text(g, f, o);
  fclose(f);
  char *out = ac_arena_strndup(ut_arena, buf, len);
  free(buf);
  return out;
}

/* The codes of the diagnostics, in list order: "AC0101 AC0102". */
static inline const char *ut_codes(const ac_diags *d) {
  char *out = ac_arena_strdup(ut_arena, "");
  char code[8];
  for (const ac_diag *g = d->first; g; g = g->next)
    out = ac_arena_printf(ut_arena, "%s%s%s", out, *out ? " " : "",
                          ac_diag_code_name(g->code, code));
  return out;
}

/* The number of diagnostics with a code. */
static inline int ut_count(const ac_diags *d, ac_code code) {
  int n = 0;
  for (const ac_diag *g = d->first; g; g = g->next)
    if (g->code == code) n++;
  return n;
}

/* The first diagnostic with a code, or NULL. */
static inline const ac_diag *ut_find(const ac_diags *d, ac_code code) {
  for (const ac_diag *g = d->first; g; g = g->next)
    if (g->code == code) return g;
  return NULL;
}

/* The first diagnostic with a code; the test fails if there is none. */
static inline const ac_diag *ut_expect(const ac_diags *d, ac_code code) {
  const ac_diag *g = ut_find(d, code);
  if (!g) {
    char c[8];
    ck_abort_msg("no diagnostic %s; got: %s", ac_diag_code_name(code, c), ut_render(d));
  }
  return g;
}

/* The number of notes of a diagnostic. */
static inline int ut_nnotes(const ac_diag *g) {
  int n = 0;
  for (const ac_diag *x = g->notes; x; x = x->next) n++;
  return n;
}

/* Asserts the place of a diagnostic: first line and column. */
#define ut_assert_at(g, line, col)                                              \
  do {                                                                          \
    const ac_diag *ut_g_ = (g);                                                 \
    ck_assert_int_eq(ut_g_->loc.first_line, (line));                            \
    ck_assert_int_eq(ut_g_->loc.first_column, (col));                           \
  } while (0)

/* Asserts that there is no diagnostic at all (shows them if there are). */
#define ut_assert_clean(d)                                                      \
  ck_assert_msg((d)->first == NULL && (d)->errors == 0 && (d)->warnings == 0,   \
                "unexpected diagnostics:\n%s", ut_render(d))

/* Asserts that there is no error (warnings allowed). */
#define ut_assert_no_errors(d)                                                  \
  ck_assert_msg((d)->errors == 0, "unexpected errors:\n%s", ut_render(d))

/* ---- Protocol entities ---- */

static inline ac_entity *ut_entity(const ac_protocol *p, const char *name) {
  ac_entity *e = ac_check_lookup(p, name);
  ck_assert_msg(e != NULL, "no entity '%s'", name);
  return e;
}

static inline const ac_activity *ut_activity(const ac_protocol *p, const char *name) {
  ac_entity *e = ut_entity(p, name);
  ck_assert_int_eq(e->kind, AC_ENT_ACTIVITY);
  return (const ac_activity *)e;
}

static inline ac_rule *ut_rule(const ac_protocol *p, const char *name) {
  ac_entity *e = ut_entity(p, name);
  ck_assert_int_eq(e->kind, AC_ENT_RULE);
  return (ac_rule *)e;
}

/* The timeline of an activity after the final session (or any other). */
static inline const ac_timeline *ut_tl(const ac_protocol *p, const char *activity,
                                       bool final_session) {
  return ac_timeline_for(p, ut_activity(p, activity)->e.index, final_session);
}

/* A timeline as text: "0..10 forbidden; 11..end allowed" (start/end for the
 * open sides), to compare whole timelines at once. */
static inline const char *ut_tl_text(const ac_timeline *t) {
  char *out = ac_arena_strdup(ut_arena, "");
  for (int i = 0; i < t->nsegs; i++) {
    const ac_segment *s = &t->segs[i];
    char from[16], to[16];
    if (s->from == AC_DAY_MIN)
      strcpy(from, "start");
    else
      snprintf(from, sizeof from, "%ld", (long)s->from);
    if (s->to == AC_DAY_MAX)
      strcpy(to, "end");
    else
      snprintf(to, sizeof to, "%ld", (long)s->to);
    out = ac_arena_printf(ut_arena, "%s%s%s..%s %s", out, i ? "; " : "", from, to,
                          ac_verdict_name(s->verdict));
  }
  return out;
}

/* The names of the rules behind a segment: "a,b". */
static inline const char *ut_seg_rules(const ac_segment *s) {
  char *out = ac_arena_strdup(ut_arena, "");
  for (int i = 0; i < s->nrules; i++)
    out = ac_arena_printf(ut_arena, "%s%s%s", out, i ? "," : "", ac_segment_rules(s)[i]->e.name);
  return out;
}

/* ---- Temporary files ---- */

/* Creates a directory for a test's files (removed with the run's root);
 * returns its path (in the arena). */
static inline const char *ut_tmpdir(void) {
  char *dir = ac_arena_printf(ut_arena, "%s/t-XXXXXX", ut_root);
  ck_assert_ptr_nonnull(mkdtemp(dir));
  return dir;
}

/* Writes a file dir/name; returns its path. */
static inline const char *ut_write(const char *dir, const char *name, const char *text) {
  const char *path = ac_arena_printf(ut_arena, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
  return path;
}

/* Output into memory: mem_open, write to m.f, mem_close gives the text
 * (in the test's arena). */
typedef struct memout {
  char *buf;
  size_t len;
  FILE *f;
} memout;

static inline void mem_open(memout *m) {
  m->buf = NULL;
  m->len = 0;
  m->f = open_memstream(&m->buf, &m->len);
  ck_assert_ptr_nonnull(m->f);
}

static inline const char *mem_close(memout *m) {
  fclose(m->f);
  const char *s = ac_arena_strndup(ut_arena, m->buf, m->len);
  free(m->buf);
  return s;
}

#endif
