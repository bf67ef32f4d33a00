/*
 * check_parser.c -- the grammar and the lexer (grammar/parser.y,
 * grammar/lexer.l): syntax trees of protocols and queries, syntax errors,
 * recovery and limits.
 */
#include "config.h"

#include "unit.h"

#include "keyword.h"
#include "parse.h"
#include "i18n.h"
#include "parser.h"

/* The n-th statement (0-based) of a parsed file. */
static ac_stmt *nth(const ac_file *f, int n) {
  ac_stmt *s = f->stmts;
  for (int i = 0; i < n && s; i++) s = s->next;
  ck_assert_msg(s != NULL, "no statement %d", n);
  return s;
}

static int nstmts(const ac_file *f) {
  int n = 0;
  for (const ac_stmt *s = f->stmts; s; s = s->next) n++;
  return n;
}

/* The clause of a kind, or NULL. */
static const ac_clause *clause(const ac_stmt *s, ac_clause_kind k) {
  for (const ac_clause *c = s->clauses; c; c = c->next)
    if (c->kind == k) return c;
  return NULL;
}

static int nclauses(const ac_stmt *s) {
  int n = 0;
  for (const ac_clause *c = s->clauses; c; c = c->next) n++;
  return n;
}

/* Identifiers of a list, joined by ','. */
static const char *idents(const ac_ident *l) {
  char *out = ac_arena_strdup(ut_arena, "");
  for (; l; l = l->next) out = ac_arena_printf(ut_arena, "%s%s%s", out, *out ? "," : "", l->name);
  return out;
}

static const char *aliases(const ac_alias *l) {
  char *out = ac_arena_strdup(ut_arena, "");
  for (; l; l = l->next)
    out = ac_arena_printf(ut_arena, "%s%s%s", out, *out ? "|" : "", l->text.text);
  return out;
}

/* A condition as a fully bracketed tree: (or a (and b (not c))). */
static const char *tree(const ac_cond *c) {
  switch (c->kind) {
  case AC_COND_TRUE: return "true";
  case AC_COND_FALSE: return "false";
  case AC_COND_NOT: return ac_arena_printf(ut_arena, "(not %s)", tree(c->a));
  case AC_COND_AND: return ac_arena_printf(ut_arena, "(and %s %s)", tree(c->a), tree(c->b));
  case AC_COND_OR: return ac_arena_printf(ut_arena, "(or %s %s)", tree(c->a), tree(c->b));
  case AC_COND_SYMPTOM: return ac_arena_printf(ut_arena, "symptom:%s", c->name->name);
  case AC_COND_FACT: {
    static const char *const ops[] = {"", "<", "<=", ">", ">=", "==", "!="};
    if (c->cmp == AC_CMP_NONE) return c->name->name;
    if (c->value_is_bool)
      return ac_arena_printf(ut_arena, "%s%s%s", c->name->name, ops[c->cmp],
                             c->value ? "true" : "false");
    return ac_arena_printf(ut_arena, "%s%s%lld", c->name->name, ops[c->cmp],
                           (long long)c->value);
  }
  }
  return "?";
}

/* The days of the one rule of "protocol t; forbid x DAYS;". */
static ac_days days_of(const char *days) {
  ac_file *f = ut_parse(ac_arena_printf(ut_arena, "protocol t;\nforbid x %s;\n", days));
  ck_assert_msg(ut_diags.errors == 0, "'%s': %s", days, ut_render(&ut_diags));
  ac_stmt *s = nth(f, 1);
  ck_assert_int_eq(s->kind, AC_STMT_RULE);
  ck_assert_ptr_nonnull(s->days);
  return *s->days;
}

/* The condition of "allow x always only if COND;". */
static const ac_cond *cond_of(const char *cond) {
  ac_file *f =
      ut_parse(ac_arena_printf(ut_arena, "protocol t;\nallow x always only if %s;\n", cond));
  ck_assert_msg(ut_diags.errors == 0, "'%s': %s", cond, ut_render(&ut_diags));
  const ac_clause *c = clause(nth(f, 1), AC_CLAUSE_IF);
  ck_assert_ptr_nonnull(c);
  return c->cond;
}

/* ---- Protocol statements ---- */

START_TEST(header_with_fields) {
  ac_file *f = ut_parse("protocol smp {\n"
                        "  title \"Aftercare\" \" for SMP\";\n"
                        "  version \"1.0\";\n"
                        "  procedure \"scalp micropigmentation\";\n"
                        "  language \"en\";\n"
                        "  horizon 365 days;\n"
                        "  sessions 3;\n"
                        "}\n");
  ut_assert_clean(&ut_diags);
  ck_assert_int_eq(f->syntax_errors, 0);
  ck_assert_int_eq(nstmts(f), 1);
  ac_stmt *h = nth(f, 0);
  ck_assert_int_eq(h->kind, AC_STMT_HEADER);
  ck_assert_str_eq(h->name->name, "smp");
  ck_assert_int_eq(h->name->loc.first_line, 1);
  ck_assert_int_eq(h->name->loc.first_column, 10);
  ck_assert_int_eq(h->loc.first_line, 1);
  ck_assert_int_eq(h->loc.last_line, 8);
  static const ac_field order[] = {AC_FIELD_TITLE,    AC_FIELD_VERSION, AC_FIELD_PROCEDURE,
                                   AC_FIELD_LANGUAGE, AC_FIELD_HORIZON, AC_FIELD_SESSIONS};
  const ac_header_field *fl = h->fields;
  for (int i = 0; i < 6; i++, fl = fl->next) {
    ck_assert_ptr_nonnull(fl);
    ck_assert_int_eq(fl->field, order[i]);
    ck_assert_int_eq(fl->loc.first_line, i + 2);
  }
  ck_assert_ptr_null(fl);
  ck_assert_str_eq(h->fields->text.text, "Aftercare for SMP"); /* joined */
  ck_assert_str_eq(h->fields->next->text.text, "1.0");
  ck_assert_int_eq(h->fields->next->next->next->next->value, 365);
  ck_assert_int_eq(h->fields->next->next->next->next->next->value, 3);
}
END_TEST

START_TEST(header_short_and_horizon_in_weeks) {
  ac_file *f = ut_parse("protocol a;\nprotocol b { horizon 2 weeks; }\n");
  ut_assert_clean(&ut_diags);
  ck_assert_int_eq(nstmts(f), 2);
  ck_assert_str_eq(nth(f, 0)->name->name, "a");
  ck_assert_ptr_null(nth(f, 0)->fields);
  ck_assert_int_eq(nth(f, 1)->fields->field, AC_FIELD_HORIZON);
  ck_assert_int_eq(nth(f, 1)->fields->value, 14);
}
END_TEST

START_TEST(header_numbers_out_of_range) {
  ut_parse("protocol a { horizon 99999999999999999999 days; sessions 0; }\n");
  ck_assert_int_eq(ut_count(&ut_diags, AC_E_NUMBER), 2);
  ck_assert_int_eq(ut_diags.errors, 2);
  const ac_diag *g = ut_diags.first;
  ck_assert_str_eq(g->message, "horizon out of range (it must be between 0 and 2147483647)");
  ut_assert_at(g, 1, 22);
  ck_assert_str_eq(g->next->message,
                   "number of sessions out of range (it must be between 1 and 1000)");
  ut_assert_at(g->next, 1, 58);
}
END_TEST

START_TEST(extends_statement) {
  ac_file *f = ut_parse("protocol clinic;\nextends \"smp\";\n");
  ut_assert_clean(&ut_diags);
  ac_stmt *e = nth(f, 1);
  ck_assert_int_eq(e->kind, AC_STMT_EXTENDS);
  ck_assert_str_eq(e->text.text, "smp");
  ck_assert_int_eq(e->text.loc.first_line, 2);
  ck_assert_int_eq(e->text.loc.first_column, 9);
  ck_assert_int_eq(e->text.loc.last_column, 14);
}
END_TEST

START_TEST(declarations) {
  ac_file *f = ut_parse(
      "protocol t;\n"
      "activity shave_razor \"shave your head with a razor\"\n"
      "  aliases \"razor\", \"shave with a razor\", \"razor \" \"shaving\";\n"
      "activity swim;\n"
      "group water_exposure \"getting the scalp wet\" = rinse, shampoo, swim;\n"
      "group g = a;\n"
      "symptom discharge \"unusual discharge\" aliases \"pus\", \"oozing\";\n"
      "fact shower_minutes number \"length of the shower, in minutes\";\n"
      "fact healed boolean \"the treated area has fully healed\" aliases \"fully healed\";\n");
  ut_assert_clean(&ut_diags);
  ck_assert_int_eq(nstmts(f), 8);
  ac_stmt *a = nth(f, 1);
  ck_assert_int_eq(a->kind, AC_STMT_ACTIVITY);
  ck_assert_str_eq(a->name->name, "shave_razor");
  ck_assert_str_eq(a->text.text, "shave your head with a razor");
  ck_assert_int_eq(nclauses(a), 1);
  ck_assert_str_eq(aliases(clause(a, AC_CLAUSE_ALIASES)->aliases),
                   "razor|shave with a razor|razor shaving");
  ac_stmt *b = nth(f, 2);
  ck_assert_str_eq(b->name->name, "swim");
  ck_assert_ptr_null(b->text.text);
  ck_assert_ptr_null(b->clauses);
  ac_stmt *g = nth(f, 3);
  ck_assert_int_eq(g->kind, AC_STMT_GROUP);
  ck_assert_str_eq(g->text.text, "getting the scalp wet");
  ck_assert_str_eq(idents(g->members), "rinse,shampoo,swim");
  ck_assert_int_eq(g->members->next->loc.first_column, 55);
  ck_assert_str_eq(idents(nth(f, 4)->members), "a");
  ac_stmt *y = nth(f, 5);
  ck_assert_int_eq(y->kind, AC_STMT_SYMPTOM);
  ck_assert_str_eq(aliases(clause(y, AC_CLAUSE_ALIASES)->aliases), "pus|oozing");
  ac_stmt *n = nth(f, 6);
  ck_assert_int_eq(n->kind, AC_STMT_FACT);
  ck_assert(!n->fact_is_bool);
  ck_assert_str_eq(n->text.text, "length of the shower, in minutes");
  ac_stmt *h = nth(f, 7);
  ck_assert(h->fact_is_bool);
  ck_assert_str_eq(aliases(clause(h, AC_CLAUSE_ALIASES)->aliases), "fully healed");
}
END_TEST

START_TEST(string_escapes) {
  ac_file *f = ut_parse("protocol t;\nactivity a \"say \\\"hi\\\"\\n\\tback\\\\slash caf\xC3\xA9\";\n");
  ut_assert_clean(&ut_diags);
  ck_assert_str_eq(nth(f, 1)->text.text, "say \"hi\"\n\tback\\slash caf\xC3\xA9");
}
END_TEST

START_TEST(phase_block) {
  ac_file *f = ut_parse("protocol t;\n"
                        "phase immediate \"Immediate Post-Care\" first 3 days {\n"
                        "  do \"Keep the scalp dry.\" cites T1.do;\n"
                        "  dont \"Don't wash.\" cites T1.dont, T1.x;\n"
                        "  why \"Vulnerable.\";\n"
                        "  cites T1.phase, T1.when;\n"
                        "}\n");
  ut_assert_clean(&ut_diags);
  ac_stmt *p = nth(f, 1);
  ck_assert_int_eq(p->kind, AC_STMT_PHASE);
  ck_assert_str_eq(p->name->name, "immediate");
  ck_assert_str_eq(p->text.text, "Immediate Post-Care");
  ck_assert_int_eq(p->days->from, 0);
  ck_assert_int_eq(p->days->to, 3);
  /* do, dont, why in order; the cites line became a clause */
  const ac_guidance *g = p->guidance;
  ck_assert_int_eq(g->kind, AC_GUIDE_DO);
  ck_assert_str_eq(g->text.text, "Keep the scalp dry.");
  ck_assert_str_eq(idents(g->cites), "T1.do");
  ck_assert_int_eq(g->next->kind, AC_GUIDE_DONT);
  ck_assert_str_eq(idents(g->next->cites), "T1.dont,T1.x");
  ck_assert_int_eq(g->next->next->kind, AC_GUIDE_WHY);
  ck_assert_ptr_null(g->next->next->cites);
  ck_assert_ptr_null(g->next->next->next);
  ck_assert_int_eq(nclauses(p), 1);
  ck_assert_str_eq(idents(clause(p, AC_CLAUSE_CITES)->names), "T1.phase,T1.when");
}
END_TEST

START_TEST(rule_with_clauses) {
  ac_file *f = ut_parse("protocol t;\n"
                        "rule no_razor_early:\n"
                        "  forbid shave_razor first 10 days\n"
                        "  because \"Avoid \" \"razors.\"\n"
                        "  cites R5.1, T5.do, plain\n"
                        "  after final session\n"
                        "  overrides a, b;\n");
  ut_assert_clean(&ut_diags);
  ac_stmt *r = nth(f, 1);
  ck_assert_int_eq(r->kind, AC_STMT_RULE);
  ck_assert_str_eq(r->name->name, "no_razor_early");
  ck_assert_int_eq(r->verb, AC_FORBIDDEN);
  ck_assert_str_eq(r->target->name, "shave_razor");
  ck_assert_int_eq(r->target->loc.first_line, 3);
  ck_assert_int_eq(r->target->loc.first_column, 10);
  ck_assert_int_eq(r->loc.first_line, 2);
  ck_assert_int_eq(r->loc.first_column, 1);
  ck_assert_int_eq(r->loc.last_line, 7);
  ck_assert_int_eq(r->loc.last_column, 18);
  ck_assert_int_eq(nclauses(r), 4);
  ck_assert_str_eq(clause(r, AC_CLAUSE_BECAUSE)->text.text, "Avoid razors.");
  ck_assert_str_eq(idents(clause(r, AC_CLAUSE_CITES)->names), "R5.1,T5.do,plain");
  ck_assert_ptr_nonnull(clause(r, AC_CLAUSE_FINAL));
  ck_assert_int_eq(clause(r, AC_CLAUSE_FINAL)->loc.first_line, 6);
  ck_assert_str_eq(idents(clause(r, AC_CLAUSE_OVERRIDES)->names), "a,b");
}
END_TEST

START_TEST(rule_verbs_and_unnamed_location) {
  ac_file *f = ut_parse("protocol t;\n"
                        "activity x;\n"
                        "forbid x day 1;\n"
                        "  discourage x day 2;\n"
                        "allow x day 3 after every session;\n"
                        "recommend x day 4;\n");
  ut_assert_clean(&ut_diags);
  static const ac_verdict verbs[] = {AC_FORBIDDEN, AC_DISCOURAGED, AC_ALLOWED, AC_RECOMMENDED};
  for (int i = 0; i < 4; i++) {
    ac_stmt *s = nth(f, i + 2);
    ck_assert_int_eq(s->kind, AC_STMT_RULE);
    ck_assert_ptr_null(s->name);
    ck_assert_int_eq(s->verb, verbs[i]);
    ck_assert_int_eq(s->days->from, i + 1);
    /* an unnamed rule starts at its verb, on its own line */
    ck_assert_int_eq(s->loc.first_line, i + 3);
    ck_assert_int_eq(s->loc.last_line, i + 3);
    ck_assert_int_eq(s->loc.first_column, i == 1 ? 3 : 1);
  }
  ck_assert_ptr_nonnull(clause(nth(f, 4), AC_CLAUSE_EVERY));
}
END_TEST

START_TEST(constraint_statements) {
  ac_file *f = ut_parse("protocol t;\n"
                        "constraint no_razor: shave_razor forbidden first 10 days\n"
                        "  because \"Infection.\" cites R5.1;\n"
                        "constraint infection_is_urgent:\n"
                        "  symptoms discharge, severe odor always at least urgent because \"x\";\n"
                        "constraint c3: symptoms a at least monitor;\n");
  ut_assert_clean(&ut_diags);
  ac_stmt *c = nth(f, 1);
  ck_assert_int_eq(c->kind, AC_STMT_CONSTRAINT);
  ck_assert_str_eq(c->name->name, "no_razor");
  ck_assert_str_eq(c->target->name, "shave_razor");
  ck_assert_ptr_null(c->items);
  ck_assert_ptr_nonnull(c->days);
  ck_assert_int_eq(c->days->to, 10);
  ck_assert_int_eq(nclauses(c), 2);
  ac_stmt *t = nth(f, 2);
  ck_assert_ptr_null(t->target);
  ck_assert_str_eq(t->items->name->name, "discharge");
  ck_assert_int_eq(t->items->intensity, AC_INTENSITY_ANY);
  ck_assert_str_eq(t->items->next->name->name, "odor");
  ck_assert_int_eq(t->items->next->intensity, AC_INTENSITY_SEVERE);
  ck_assert(t->days->open_from && t->days->open_to);
  ck_assert_int_eq(t->level, AC_LEVEL_URGENT);
  ac_stmt *u = nth(f, 3);
  ck_assert_ptr_null(u->days);
  ck_assert_int_eq(u->level, AC_LEVEL_MONITOR);
}
END_TEST

START_TEST(triage_statements) {
  ac_file *f = ut_parse("protocol t;\n"
                        "triage infection: symptoms discharge, odor always level urgent\n"
                        "  advice \"Seek help.\" cites S0.1, S0.2;\n"
                        "symptoms mild redness, moderate swelling, severe burning first 14 days\n"
                        "  level normal advice \"Expected.\" overrides infection;\n");
  ut_assert_clean(&ut_diags);
  ac_stmt *a = nth(f, 1);
  ck_assert_int_eq(a->kind, AC_STMT_TRIAGE);
  ck_assert_str_eq(a->name->name, "infection");
  ck_assert_int_eq(clause(a, AC_CLAUSE_LEVEL)->level, AC_LEVEL_URGENT);
  ck_assert_str_eq(clause(a, AC_CLAUSE_ADVICE)->text.text, "Seek help.");
  ck_assert_str_eq(idents(clause(a, AC_CLAUSE_CITES)->names), "S0.1,S0.2");
  ac_stmt *b = nth(f, 2);
  ck_assert_ptr_null(b->name);
  ck_assert_int_eq(b->loc.first_line, 4); /* starts at 'symptoms' */
  ck_assert_int_eq(b->loc.first_column, 1);
  const ac_symptom_item *i = b->items;
  ck_assert_int_eq(i->intensity, AC_INTENSITY_MILD);
  ck_assert_str_eq(i->name->name, "redness");
  ck_assert_int_eq(i->next->intensity, AC_INTENSITY_MODERATE);
  ck_assert_int_eq(i->next->next->intensity, AC_INTENSITY_SEVERE);
  ck_assert_str_eq(i->next->next->name->name, "burning");
  ck_assert_ptr_null(i->next->next->next);
  ck_assert_ptr_nonnull(b->days);
  ck_assert_int_eq(b->days->to, 14);
  ck_assert_int_eq(clause(b, AC_CLAUSE_LEVEL)->level, AC_LEVEL_NORMAL);
  ck_assert_str_eq(idents(clause(b, AC_CLAUSE_OVERRIDES)->names), "infection");
}
END_TEST

START_TEST(advice_no_guidance_expect) {
  ac_file *f = ut_parse(
      "protocol t;\n"
      "advice pillow \"Use a fresh pillowcase.\" first 3 days cites S1.2;\n"
      "advice always_on \"Drink water.\";\n"
      "no guidance for alcohol after 0 days because \"Silent.\";\n"
      "expect can shave_razor on day 10 is forbidden;\n"
      "expect can shave_razor on day 11 with healed = true is allowed;\n"
      "expect when swim is from day 31;\n"
      "expect when hot_water is never;\n"
      "expect symptoms discharge, odor on day 5 is urgent;\n");
  ut_assert_clean(&ut_diags);
  ck_assert_int_eq(nstmts(f), 9);
  ac_stmt *a = nth(f, 1);
  ck_assert_int_eq(a->kind, AC_STMT_ADVICE);
  ck_assert_str_eq(a->name->name, "pillow");
  ck_assert_str_eq(a->text.text, "Use a fresh pillowcase.");
  ck_assert_ptr_nonnull(a->days);
  ck_assert_ptr_null(nth(f, 2)->days);
  ac_stmt *n = nth(f, 3);
  ck_assert_int_eq(n->kind, AC_STMT_NO_GUIDANCE);
  ck_assert_str_eq(n->target->name, "alcohol");
  ck_assert_int_eq(n->days->from, 1);
  ck_assert(n->days->open_to);
  ac_stmt *e = nth(f, 4);
  ck_assert_int_eq(e->kind, AC_STMT_EXPECT);
  ck_assert_int_eq(e->query->kind, AC_Q_CAN);
  ck_assert_int_eq(e->query->day, 10);
  ck_assert_int_eq(e->expected->verdict, AC_FORBIDDEN);
  ac_stmt *e2 = nth(f, 5);
  ck_assert_ptr_nonnull(e2->query->facts);
  ck_assert_str_eq(e2->query->facts->name->words->text, "healed");
  ck_assert(e2->query->facts->is_bool);
  ck_assert_int_eq(e2->query->facts->value, 1);
  ck_assert_int_eq(e2->expected->verdict, AC_ALLOWED);
  ac_stmt *w = nth(f, 6);
  ck_assert_int_eq(w->query->kind, AC_Q_WHEN);
  ck_assert_int_eq(w->expected->day, 31);
  ck_assert(!w->expected->never);
  ck_assert(nth(f, 7)->expected->never);
  ac_stmt *y = nth(f, 8);
  ck_assert_int_eq(y->query->kind, AC_Q_SYMPTOMS);
  ck_assert_int_eq(y->expected->level, AC_LEVEL_URGENT);
  ck_assert_int_eq(y->expected->verdict, AC_UNKNOWN);
}
END_TEST

START_TEST(empty_file) {
  ac_file *f = ut_parse("");
  ut_assert_clean(&ut_diags);
  ck_assert_ptr_null(f->stmts);
  ck_assert_int_eq(f->syntax_errors, 0);
  ac_file *g = ut_parse("# only a comment\n\n");
  ck_assert_ptr_null(g->stmts);
  ck_assert_ptr_nonnull(g->comments);
  ck_assert_str_eq(g->comments->text, " only a comment");
}
END_TEST

/* ---- Days ---- */

#define assert_days(text, f, t, of, ot)                                         \
  do {                                                                          \
    ac_days d_ = days_of(text);                                                 \
    ck_assert_msg(d_.open_from == (of) && d_.open_to == (ot),                   \
                  "%s: open %d,%d", text, d_.open_from, d_.open_to);            \
    if (!(of)) ck_assert_int_eq(d_.from, (f));                                  \
    if (!(ot)) ck_assert_int_eq(d_.to, (t));                                    \
  } while (0)

START_TEST(day_forms) {
  assert_days("day 4", 4, 4, false, false);
  assert_days("days 0..3", 0, 3, false, false);
  assert_days("days 4..", 4, 0, false, true);
  assert_days("days ..-1", 0, -1, true, false);
  assert_days("days -3..-1", -3, -1, false, false);
  assert_days("day -7", -7, -7, false, false);
  assert_days("always", 0, 0, true, true);
  assert_days("before treatment", 0, -1, true, false);
  ac_days r = days_of("days 10..3"); /* reversed: kept as written */
  ck_assert_int_eq(r.from, 10);
  ck_assert_int_eq(r.to, 3);
  ck_assert(!r.reversed_ok);
}
END_TEST

START_TEST(day_sugar) {
  assert_days("first 3 days", 0, 3, false, false);
  assert_days("first 1 day", 0, 1, false, false);
  assert_days("first 0 days", 0, 0, false, false);
  assert_days("after 10 days", 11, 0, false, true);
  assert_days("after 0 days", 1, 0, false, true);
  assert_days("after -3 days", -2, 0, false, true);
  assert_days("from day 4", 4, 0, false, true);
  assert_days("from day -2", -2, 0, false, true);
  assert_days("until day 10", 0, 10, true, false);
  ac_days e = days_of("first -2 days"); /* empty, not reversed */
  ck_assert_int_eq(e.from, 0);
  ck_assert_int_eq(e.to, -2);
  ck_assert(e.reversed_ok);
  ck_assert(days_of("first 3 days").reversed_ok);
}
END_TEST

START_TEST(week_sugar) {
  assert_days("weeks 0..4", 0, 28, false, false);
  assert_days("weeks 1..", 7, 0, false, true);
  assert_days("weeks ..2", 0, 14, true, false);
  assert_days("first 4 weeks", 0, 28, false, false);
  assert_days("first 1 week", 0, 7, false, false);
  assert_days("after 1 week", 8, 0, false, true);
  assert_days("after 2 weeks", 15, 0, false, true);
  assert_days("from week 2", 14, 0, false, true);
}
END_TEST

START_TEST(days_beyond_32_bits_are_kept) {
  /* The parser keeps 64-bit values (the checker reports them); a number
   * beyond 64 bits saturates, and weeks saturate instead of wrapping. */
  ac_days d = days_of("days 3000000000..3000000001");
  ck_assert_int_eq(d.from, 3000000000LL);
  ac_days o = days_of("days 99999999999999999999..");
  ck_assert_int_eq(o.from, INT64_MAX);
  ac_days n = days_of("days -99999999999999999999..0");
  ck_assert_int_eq(n.from, INT64_MIN);
  ac_days w = days_of("weeks 0..2000000000000000000");
  ck_assert_int_eq(w.to, INT64_MAX);
  ac_days a = days_of("after 9223372036854775807 days");
  ck_assert_int_eq(a.from, INT64_MAX);
}
END_TEST

START_TEST(days_locations) {
  ac_days d = days_of("days 10..3");
  /* "forbid x days 10..3;" on line 2 */
  ck_assert_int_eq(d.loc.first_line, 2);
  ck_assert_int_eq(d.loc.first_column, 10);
  ck_assert_int_eq(d.loc.last_column, 20);
  /* Both numbers are days: their places are not kept. */
  ck_assert_ptr_null(d.ends);
  /* One is not: both places are kept, for the checker's error. */
  ac_days big = days_of("days 10..3000000000");
  ck_assert_ptr_nonnull(big.ends);
  ck_assert_int_eq(big.ends[0].first_line, 2);
  ck_assert_int_eq(big.ends[0].first_column, 15);
  ck_assert_int_eq(big.ends[0].last_column, 17);
  ck_assert_int_eq(big.ends[1].first_column, 19);
  ck_assert_int_eq(big.ends[1].last_column, 29);
}
END_TEST

/* ---- Conditions ---- */

START_TEST(condition_precedence) {
  ck_assert_str_eq(tree(cond_of("a or b and not c")), "(or a (and b (not c)))");
  ck_assert_str_eq(tree(cond_of("not a and b or c")), "(or (and (not a) b) c)");
  ck_assert_str_eq(tree(cond_of("a and b or c and d")), "(or (and a b) (and c d))");
  ck_assert_str_eq(tree(cond_of("(a or b) and c")), "(and (or a b) c)");
  ck_assert_str_eq(tree(cond_of("not (a or b)")), "(not (or a b))");
  ck_assert_str_eq(tree(cond_of("not not a")), "(not (not a))");
  /* left-associative */
  ck_assert_str_eq(tree(cond_of("a or b or c")), "(or (or a b) c)");
  ck_assert_str_eq(tree(cond_of("a and b and c")), "(and (and a b) c)");
}
END_TEST

START_TEST(condition_atoms) {
  ck_assert_str_eq(tree(cond_of("shower_minutes <= 5")), "shower_minutes<=5");
  ck_assert_str_eq(tree(cond_of("m < -1")), "m<-1");
  ck_assert_str_eq(tree(cond_of("m > 2")), "m>2");
  ck_assert_str_eq(tree(cond_of("m >= 3")), "m>=3");
  ck_assert_str_eq(tree(cond_of("m == 4")), "m==4");
  ck_assert_str_eq(tree(cond_of("m != 5")), "m!=5");
  ck_assert_str_eq(tree(cond_of("spf at least 30")), "spf>=30");
  ck_assert_str_eq(tree(cond_of("spf at most 50")), "spf<=50");
  ck_assert_str_eq(tree(cond_of("healed == true")), "healed==true");
  ck_assert_str_eq(tree(cond_of("healed == false")), "healed==false");
  ck_assert_str_eq(tree(cond_of("healed != true")), "healed!=true");
  ck_assert_str_eq(tree(cond_of("healed")), "healed");
  ck_assert_str_eq(tree(cond_of("symptom irritation")), "symptom:irritation");
  ck_assert_str_eq(tree(cond_of("true")), "true");
  ck_assert_str_eq(tree(cond_of("false or true")), "(or false true)");
  ck_assert_str_eq(tree(cond_of("m >= 9223372036854775807")), "m>=9223372036854775807");
  const ac_cond *h = cond_of("healed");
  ck_assert(h->value_is_bool);
  ck_assert_int_eq(h->value, 1);
  ck_assert_int_eq(h->cmp, AC_CMP_NONE);
}
END_TEST

START_TEST(condition_clauses) {
  ac_file *f = ut_parse("protocol t;\n"
                        "allow a always if x;\n"
                        "allow b always unless symptom y or not z;\n"
                        "forbid c always unless w;\n");
  ut_assert_clean(&ut_diags);
  ck_assert_str_eq(tree(clause(nth(f, 1), AC_CLAUSE_IF)->cond), "x");
  ck_assert_str_eq(tree(clause(nth(f, 2), AC_CLAUSE_UNLESS)->cond),
                   "(or symptom:y (not z))");
  ck_assert_ptr_null(clause(nth(f, 2), AC_CLAUSE_IF));
  ck_assert_ptr_nonnull(clause(nth(f, 3), AC_CLAUSE_UNLESS));
  /* depth: one per operator */
  const ac_cond *c = clause(nth(f, 2), AC_CLAUSE_UNLESS)->cond;
  ck_assert_int_eq(c->depth, 2);
}
END_TEST

START_TEST(condition_location) {
  const ac_cond *c = cond_of("a or (b and c)");
  /* "allow x always only if a or (b and c);" */
  ck_assert_int_eq(c->loc.first_column, 24);
  ck_assert_int_eq(c->loc.last_column, 38);
  ck_assert_int_eq(c->b->loc.first_column, 29); /* includes the brackets */
  ck_assert_int_eq(c->b->loc.last_column, 38);
  ck_assert_int_eq(c->a->name->loc.first_column, 24);
}
END_TEST

/* ---- Syntax errors ---- */

START_TEST(missing_semicolon_hint) {
  ac_file *f = ut_parse("protocol t;\nactivity swim\nactivity run;\n");
  ck_assert_int_eq(ut_diags.errors, 1);
  ck_assert_int_eq(f->syntax_errors, 1);
  const ac_diag *g = ut_diags.first;
  ck_assert_int_eq(g->code, AC_E_SYNTAX);
  ck_assert_str_eq(g->message, "missing ';' before 'activity'");
  ut_assert_at(g, 2, 14);
  ck_assert_int_eq(g->loc.last_column, 15);
  /* recovery: the next statement is parsed */
  ck_assert_int_eq(nstmts(f), 2);
  ck_assert_str_eq(nth(f, 1)->name->name, "run");
}
END_TEST

START_TEST(missing_semicolon_at_end_of_input) {
  ut_parse("protocol t;\nforbid swim first 3 days  \n\n");
  ck_assert_int_eq(ut_diags.errors, 1);
  const ac_diag *g = ut_diags.first;
  ck_assert_str_eq(g->message, "missing ';' at the end of the statement");
  /* just after the last token of the statement */
  ut_assert_at(g, 2, 25);
}
END_TEST

START_TEST(unterminated_block) {
  ut_parse("protocol t;\nphase p \"P\" first 3 days {\n  do \"x\";\n");
  ck_assert_int_eq(ut_diags.errors, 1);
  const ac_diag *g = ut_diags.first;
  ck_assert_str_eq(g->message, "unexpected end of input: missing '}'");
  ut_assert_at(g, 3, 10);
  ck_assert_int_eq(ut_nnotes(g), 1);
  ck_assert_str_eq(g->notes->message, "the block opened here is not closed");
  ut_assert_at(g->notes, 2, 26);
}
END_TEST

START_TEST(unexpected_token_lists_expected) {
  ut_parse("protocol t;\nactivity 3;\nallow swim always because;\nforbid swim days 1 2;\n");
  ck_assert_int_eq(ut_diags.errors, 3);
  const ac_diag *g = ut_diags.first;
  ck_assert_str_eq(g->message, "unexpected number '3', expected identifier");
  ut_assert_at(g, 2, 10);
  ck_assert_str_eq(g->next->message, "unexpected ';', expected string");
  ut_assert_at(g->next, 3, 26);
  ck_assert_str_eq(g->next->next->message, "unexpected number '2', expected '..'");
  ut_assert_at(g->next->next, 4, 20);
}
END_TEST

START_TEST(unexpected_keyword_is_quoted) {
  ut_parse("protocol t;\nforbid forbid always;\n");
  ck_assert_int_eq(ut_diags.errors, 1);
  ck_assert_str_eq(ut_diags.first->message,
                   "unexpected 'forbid', expected a name ('forbid' is a reserved word: choose another name)");
  ut_assert_at(ut_diags.first, 2, 8);
}
END_TEST

START_TEST(recovery_reports_each_error_once) {
  /* Three broken statements among good ones: three errors, no cascade, and
   * every good statement is kept. */
  ac_file *f = ut_parse("protocol t;\n"
                        "activity a;\n"
                        "activity ;\n"
                        "activity b;\n"
                        "forbid a days 1..2..3;\n"
                        "group g = a, b;\n"
                        "allow b always because \"x\" \"y\" 3;\n"
                        "symptom s;\n");
  ck_assert_msg(ut_diags.errors == 3, "%s", ut_render(&ut_diags));
  ck_assert_int_eq(f->syntax_errors, 3);
  ck_assert_int_eq(ut_diags.first->loc.first_line, 3);
  ck_assert_int_eq(ut_diags.first->next->loc.first_line, 5);
  ck_assert_int_eq(ut_diags.first->next->next->loc.first_line, 7);
  ck_assert_int_eq(nstmts(f), 5);
  ck_assert_int_eq(nth(f, 0)->kind, AC_STMT_HEADER);
  ck_assert_str_eq(nth(f, 1)->name->name, "a");
  ck_assert_str_eq(nth(f, 2)->name->name, "b");
  ck_assert_str_eq(nth(f, 3)->name->name, "g");
  ck_assert_str_eq(nth(f, 4)->name->name, "s");
}
END_TEST

START_TEST(recovery_at_statement_keyword) {
  /* Two missing ';': one error each; parsing resumes at the keyword that
   * starts the next statement, so that statement is kept. */
  ac_file *f = ut_parse("protocol t;\n"
                        "activity a\n"
                        "activity b;\n"
                        "activity c\n"
                        "activity d;\n");
  ck_assert_msg(ut_diags.errors == 2, "%s", ut_render(&ut_diags));
  ck_assert_str_eq(ut_diags.first->message, "missing ';' before 'activity'");
  ut_assert_at(ut_diags.first, 2, 11);
  ck_assert_str_eq(ut_diags.first->next->message, "missing ';' before 'activity'");
  ut_assert_at(ut_diags.first->next, 4, 11);
  ck_assert_int_eq(nstmts(f), 3);
  ck_assert_str_eq(nth(f, 1)->name->name, "b");
  ck_assert_str_eq(nth(f, 2)->name->name, "d");
}
END_TEST

START_TEST(recovery_inside_header) {
  ac_file *f = ut_parse("protocol t {\n  title 3;\n  version \"1\";\n}\nactivity a;\n");
  ck_assert_int_eq(ut_diags.errors, 1);
  ut_assert_at(ut_diags.first, 2, 9);
  ac_stmt *h = nth(f, 0);
  ck_assert_int_eq(h->kind, AC_STMT_HEADER);
  ck_assert_int_eq(h->fields->field, AC_FIELD_VERSION);
  ck_assert_ptr_null(h->fields->next);
  ck_assert_str_eq(nth(f, 1)->name->name, "a");
}
END_TEST

START_TEST(lexical_errors) {
  ut_parse("protocol t;\n"
           "activity a \"x\\q\";\n"
           "activity b \"unterminated\n"
           "activity c @;\n"
           "activity d \"ok\";\n");
  /* the unterminated string swallowed the ';': no second error for that */
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0004 AC0003 AC0002");
  const ac_diag *g = ut_diags.first;
  ck_assert_str_eq(g->message, "unknown escape sequence in a string (use \\\" \\\\ \\n or \\t)");
  ut_assert_at(g, 2, 14);
  ck_assert_int_eq(g->loc.last_column, 16);
  g = g->next;
  ck_assert_str_eq(g->message, "unterminated string (a string ends on the line it starts)");
  ut_assert_at(g, 3, 12);
  g = g->next;
  ck_assert_str_eq(g->message, "unexpected character '@'");
  ut_assert_at(g, 4, 12);
}
END_TEST

START_TEST(control_character) {
  ut_parse("protocol t;\nactivity \x01 a;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0002");
  ck_assert_str_eq(ut_diags.first->message, "unexpected control character 0x01");
  ut_assert_at(ut_diags.first, 2, 10);
}
END_TEST

START_TEST(invalid_utf8) {
  ac_file *f = ut_parse("protocol t;\n"
                        "# caf\xC3\xA9 in a comment is fine\n"
                        "activity a \"caf\xC3\xA9\";\n"
                        "activity b \"bad \xC3(\";\n"
                        "activity \xFF\xFE c;\n"
                        "activity d \"\xED\xA0\x80\";\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0006 AC0006 AC0006");
  const ac_diag *g = ut_diags.first;
  ck_assert_str_eq(g->message, "string is not valid UTF-8 text");
  ut_assert_at(g, 4, 12);
  ck_assert_str_eq(g->next->message, "invalid UTF-8 byte 0xFF");
  ut_assert_at(g->next, 5, 10);
  ck_assert_int_eq(g->next->loc.last_column, 12);
  ut_assert_at(g->next->next, 6, 12); /* a surrogate is not UTF-8 */
  ck_assert_str_eq(nth(f, 1)->text.text, "caf\xC3\xA9");
  ck_assert_str_eq(nth(f, 2)->text.text, "bad ?(");
  /* the bad bytes are skipped: the statement is still read */
  ck_assert_str_eq(nth(f, 3)->name->name, "c");
}
END_TEST

START_TEST(columns_count_characters) {
  /* "é" is two bytes and one column. */
  ut_parse("protocol t;\nactivity a \"\xC3\xA9\xC3\xA9\" 7;\n");
  ck_assert_int_eq(ut_diags.errors, 1);
  ck_assert_str_eq(ut_diags.first->message, "unexpected number '7', expected string, 'aliases', 'cites' or ';'");
  ut_assert_at(ut_diags.first, 2, 17);
}
END_TEST

START_TEST(nul_byte_is_one_error) {
  const char text[] = "protocol t;\nactivity s\0wim;\nbad bad bad\n\0\0\0";
  ac_source *src = ac_source_from_memory(ut_arena, "t.care", text, sizeof text - 1);
  ac_file *f = ac_parse_protocol(ut_arena, src, &ut_diags);
  ck_assert_int_eq(ut_diags.errors, 1);
  ck_assert_int_eq(f->syntax_errors, 1);
  ck_assert_ptr_null(f->stmts);
  const ac_diag *g = ut_diags.first;
  ck_assert_int_eq(g->code, AC_E_ENCODING);
  ck_assert_str_eq(g->message, "this is not a text file (it contains a NUL byte)");
  ut_assert_at(g, 2, 11);
}
END_TEST

/* ---- Limits ---- */

static const char *repeat(const char *s, int n) {
  size_t len = strlen(s);
  char *out = ac_arena_alloc(ut_arena, len * (size_t)n + 1);
  for (int i = 0; i < n; i++) memcpy(out + len * (size_t)i, s, len);
  return out;
}

START_TEST(nesting_limit) {
  /* 64 brackets are fine; the 65th is one error, and parsing stops. */
  ac_file *ok = ut_parse(ac_arena_printf(ut_arena, "protocol t;\nallow x always if %sa%s;\n",
                                         repeat("(", 64), repeat(")", 64)));
  ut_assert_clean(&ut_diags);
  ck_assert_int_eq(nstmts(ok), 2);
  ck_assert_str_eq(tree(clause(nth(ok, 1), AC_CLAUSE_IF)->cond), "a");

  ac_diags_init(&ut_diags, ut_arena);
  ac_file *f = ut_parse(ac_arena_printf(ut_arena,
                                        "protocol t;\nallow x always if %sa%s;\nbroken broken;\n",
                                        repeat("(", 65), repeat(")", 65)));
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0008");
  ck_assert_str_eq(ut_diags.first->message, "brackets nested more than 64 deep");
  ut_assert_at(ut_diags.first, 2, 83);
  ck_assert_int_ge(f->syntax_errors, 1);
}
END_TEST

START_TEST(deep_condition_without_brackets) {
  /* 1001 'not's: the depth limit of a condition. */
  ac_file *f = ut_parse(ac_arena_printf(ut_arena, "protocol t;\nallow x always if %sa;\n",
                                        repeat("not ", 1001)));
  (void)f;
  ck_assert_int_eq(ut_count(&ut_diags, AC_E_NESTING), 1);
  ck_assert_str_eq(ut_find(&ut_diags, AC_E_NESTING)->message,
                   "condition nested more than 1000 deep");
}
END_TEST

START_TEST(identifier_length_limit) {
  const char *ok = repeat("a", 256);
  ac_file *f = ut_parse(ac_arena_printf(ut_arena, "protocol t;\nactivity %s;\n", ok));
  ut_assert_clean(&ut_diags);
  ck_assert_str_eq(nth(f, 1)->name->name, ok);

  ac_diags_init(&ut_diags, ut_arena);
  const char *long_name = repeat("b", 257);
  ac_file *g = ut_parse(ac_arena_printf(ut_arena, "protocol t;\nactivity %s;\n", long_name));
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0007");
  ck_assert_str_eq(ut_diags.first->message, "identifier longer than 256 characters");
  ut_assert_at(ut_diags.first, 2, 10);
  ck_assert_int_eq(ut_diags.first->loc.last_column, 267);
  /* kept, cut to the limit */
  ck_assert_uint_eq(strlen(nth(g, 1)->name->name), 256);
}
END_TEST

START_TEST(number_overflow) {
  ac_file *f = ut_parse("protocol t;\n"
                        "allow x always if m > 99999999999999999999;\n"
                        "allow y always if m > -99999999999999999999;\n"
                        "allow z always if m > 9223372036854775807;\n");
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0005 AC0005");
  ck_assert_str_eq(ut_diags.first->message, "number out of range (numbers are 64-bit)");
  ut_assert_at(ut_diags.first, 2, 23);
  ck_assert_int_eq(ut_diags.first->loc.last_column, 43);
  /* saturated, never wrapped */
  ck_assert_int_eq(clause(nth(f, 1), AC_CLAUSE_IF)->cond->value, INT64_MAX);
  ck_assert_int_eq(clause(nth(f, 2), AC_CLAUSE_IF)->cond->value, INT64_MIN);
  ck_assert_int_eq(clause(nth(f, 3), AC_CLAUSE_IF)->cond->value, INT64_MAX);
}
END_TEST

START_TEST(invalid_number) {
  ut_parse("protocol t;\nforbid x day 12abc;\n");
  ck_assert_int_eq(ut_count(&ut_diags, AC_E_NUMBER), 1);
  ck_assert_str_eq(ut_find(&ut_diags, AC_E_NUMBER)->message, "invalid number '12abc'");
  ut_assert_at(ut_find(&ut_diags, AC_E_NUMBER), 2, 14);
}
END_TEST

START_TEST(string_length_limit) {
  const char *big = repeat("x", 65537);
  ut_parse(ac_arena_printf(ut_arena, "protocol t;\nactivity a \"%s\";\n", big));
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0007");
  ck_assert_str_eq(ut_diags.first->message, "string longer than 65536 bytes");
  ac_diags_init(&ut_diags, ut_arena);
  ut_parse(ac_arena_printf(ut_arena, "protocol t;\nactivity a \"%s\";\n", repeat("y", 65536)));
  ut_assert_clean(&ut_diags);
}
END_TEST

START_TEST(crlf_and_bom) {
  ac_file *f = ut_parse("\xEF\xBB\xBFprotocol t;\r\nactivity a;\r\nactivity ;\r\n");
  ck_assert_int_eq(ut_diags.errors, 1);
  ut_assert_at(ut_diags.first, 3, 10);
  ck_assert_int_eq(nth(f, 0)->loc.first_column, 1);
  ck_assert_int_eq(nth(f, 1)->loc.first_line, 2);
}
END_TEST

/* ---- Comments ---- */

START_TEST(comments_attached) {
  ac_file *f = ut_parse("# file header\n"
                        "protocol t; # the name\n"
                        "\n"
                        "# about swimming,\n"
                        "# two lines\n"
                        "activity swim;\n"
                        "forbid swim\n"
                        "  first 3 days; # trailing\n"
                        "activity run;\n");
  ut_assert_clean(&ut_diags);
  ck_assert_str_eq(nth(f, 0)->comment, " file header\n the name");
  ck_assert_str_eq(nth(f, 1)->comment, " about swimming,\n two lines");
  ck_assert_str_eq(nth(f, 2)->comment, " trailing");
  ck_assert_ptr_null(nth(f, 3)->comment);
  /* every comment is also kept in order */
  int n = 0;
  for (const ac_comment *c = f->comments; c; c = c->next) n++;
  ck_assert_int_eq(n, 5);
  ck_assert_int_eq(f->comments->next->loc.first_line, 2);
  ck_assert_int_eq(f->comments->next->loc.first_column, 13);
}
END_TEST

START_TEST(comment_after_last_statement) {
  ac_file *f = ut_parse("protocol t;\nactivity a;\n# at the end\n");
  ck_assert_ptr_null(nth(f, 1)->comment);
  ck_assert_str_eq(f->comments->text, " at the end");
}
END_TEST

START_TEST(hash_in_string_is_not_a_comment) {
  ac_file *f = ut_parse("protocol t;\nactivity a \"no # comment\";\n");
  ut_assert_clean(&ut_diags);
  ck_assert_str_eq(nth(f, 1)->text.text, "no # comment");
  ck_assert_ptr_null(f->comments);
}
END_TEST

/* ---- Queries ---- */

static const char *words(const ac_phrase *p) {
  char *out = ac_arena_strdup(ut_arena, "");
  for (const ac_word *w = p->words; w; w = w->next)
    out = ac_arena_printf(ut_arena, "%s%s%s", out, *out ? " " : "", w->text);
  return out;
}

START_TEST(query_can) {
  ac_query *q = ut_query("can I shave with a razor on day 9?");
  ut_assert_clean(&ut_diags);
  ck_assert_ptr_nonnull(q);
  ck_assert_int_eq(q->kind, AC_Q_CAN);
  ck_assert_str_eq(words(q->subject), "I shave with a razor");
  ck_assert_int_eq(q->day, 9);
  ck_assert_int_eq(q->day_loc.first_column, 33);
  ck_assert_int_eq(q->session, 0);
  ck_assert_ptr_null(q->facts);
}
END_TEST

START_TEST(query_keywords_any_case) {
  ac_query *q = ut_query("CAN Swim On DAY -3");
  ck_assert_ptr_nonnull(q);
  ck_assert_int_eq(q->kind, AC_Q_CAN);
  ck_assert_str_eq(words(q->subject), "Swim");
  ck_assert_int_eq(q->day, -3);
  /* protocol keywords are ordinary words in a query */
  ac_query *r = ut_query("can forbid always on day 1");
  ck_assert_ptr_nonnull(r);
  ck_assert_str_eq(words(r->subject), "forbid always");
}
END_TEST

START_TEST(query_with_facts_and_session) {
  ac_query *q = ut_query("can long shower on day 20 with shower minutes = 4, healed and no "
                         "irritation after session 2");
  ut_assert_clean(&ut_diags);
  ck_assert_ptr_nonnull(q);
  int n = 0;
  bool saw_minutes = false, saw_healed = false, saw_irritation = false;
  for (const ac_fact_value *fv = q->facts; fv; fv = fv->next, n++) {
    const char *name = words(fv->name);
    if (strcmp(name, "shower minutes") == 0) {
      saw_minutes = true;
      ck_assert(!fv->is_bool);
      ck_assert_int_eq(fv->value, 4);
    } else if (strcmp(name, "healed") == 0) {
      saw_healed = true;
      ck_assert(fv->is_bool);
      ck_assert_int_eq(fv->value, 1);
    } else if (strcmp(name, "irritation") == 0) {
      saw_irritation = true;
      ck_assert(fv->is_bool);
      ck_assert_int_eq(fv->value, 0);
    }
  }
  ck_assert_int_eq(n, 3);
  ck_assert(saw_minutes && saw_healed && saw_irritation);
  ck_assert_int_eq(q->session, 2);
  ac_query *f = ut_query("can swim on day 3 with healed = yes after the final session");
  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq(f->session, -1);
  ck_assert_int_eq(f->facts->value, 1);
  ck_assert_int_eq(ut_query("can swim on day 3 after final session")->session, -1);
  ck_assert_int_eq(ut_query("can swim on day 3 with healed = false")->facts->value, 0);
  ck_assert_int_eq(ut_query("can swim on day 3 with healed = no")->facts->value, 0);
}
END_TEST

START_TEST(query_other_kinds) {
  ac_query *w = ut_query("when can I swim");
  ck_assert_int_eq(w->kind, AC_Q_WHEN);
  ck_assert_str_eq(words(w->subject), "I swim");
  ck_assert_str_eq(words(ut_query("when swim")->subject), "swim");
  ac_query *y = ut_query("symptoms severe burning, redness and mild swelling on day 5");
  ck_assert_int_eq(y->kind, AC_Q_SYMPTOMS);
  ck_assert_int_eq(y->day, 5);
  /* in reading order */
  ck_assert_str_eq(words(y->symptoms), "severe burning");
  ck_assert_str_eq(words(y->symptoms->next), "redness");
  ck_assert_str_eq(words(y->symptoms->next->next), "mild swelling");
  ck_assert_ptr_null(y->symptoms->next->next->next);
  ck_assert_int_eq(ut_query("day 12")->kind, AC_Q_DAY);
  ck_assert_int_eq(ut_query("day -1")->day, -1);
  /* the listing queries, one kind each (any case) */
  static const struct {
    const char *text;
    ac_entity_kind kind;
  } lists[] = {{"phases", AC_ENT_PHASE},  {"activities", AC_ENT_ACTIVITY}, {"symptoms", AC_ENT_SYMPTOM},
               {"Facts", AC_ENT_FACT},    {"rules", AC_ENT_RULE},           {"GROUPS", AC_ENT_GROUP},
               {"constraints?", AC_ENT_CONSTRAINT}};
  for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
    ac_query *l = ut_query(lists[i].text);
    ck_assert_int_eq(l->kind, AC_Q_LIST);
    ck_assert_int_eq(l->list, lists[i].kind);
  }
  /* their words are words of names too */
  ck_assert_str_eq(words(ut_query("can follow the rules on day 3")->subject), "follow the rules");
  ck_assert_str_eq(words(ut_query("symptoms facts on day 3")->symptoms), "facts");
  ck_assert_int_eq(ut_query("help")->kind, AC_Q_HELP);
  ac_query *e = ut_query("explain no_razor_early");
  ck_assert_int_eq(e->kind, AC_Q_EXPLAIN);
  ck_assert_str_eq(words(e->subject), "no_razor_early");
  ut_assert_clean(&ut_diags);
}
END_TEST

/* The keywords of protocols are the scanner's table; a keyword before a
 * '.' is still that keyword ("days..3"). */
START_TEST(protocol_keywords) {
  static const char *const keywords[] = {"activity", "after", "because", "days", "forbid",
                                         "number", "rule", "with", "yes"};
  for (size_t i = 0; i < sizeof keywords / sizeof *keywords; i++)
    ck_assert_int_eq(acX_is_protocol_keyword(keywords[i]), strcmp(keywords[i], "yes") != 0);
  ck_assert(!acX_is_protocol_keyword("swim"));
  ck_assert(!acX_is_protocol_keyword("day_"));
  ck_assert(!acX_is_protocol_keyword("Rule"));
  ck_assert(!acX_is_protocol_keyword("phases")); /* a query's keyword only */
  /* every keyword is 2 to 11 small letters (keyword.c looks up no other) */
  size_t n;
  const ac_keyword *all = ac_keyword_all(&n);
  for (size_t i = 0; i < n; i++) {
    if (!all[i].word) continue;
    size_t len = strlen(all[i].word);
    ck_assert_msg(len >= 2 && len <= 11 && strspn(all[i].word, "abcdefghijklmnopqrstuvwxyz") == len,
                  "'%s'", all[i].word);
    ck_assert_int_eq(all[i].len, len);
    ck_assert_ptr_eq(ac_keyword_find(all[i].word, len, all[i].languages), &all[i]);
    /* in capitals: a query's keyword, not a protocol's */
    char upper[12];
    for (size_t j = 0; j < len; j++) upper[j] = (char)(all[i].word[j] - 'a' + 'A');
    ck_assert_ptr_null(ac_keyword_find(upper, len, all[i].languages));
    ck_assert_ptr_eq(ac_keyword_find_any_case(upper, len, all[i].languages), &all[i]);
  }
  ac_file *pf = ut_parse("protocol t;\nforbid swim days..3;\nallow swim always.\n");
  ac_stmt *r = nth(pf, 1);
  ck_assert_int_eq(r->kind, AC_STMT_RULE);
  ck_assert_ptr_nonnull(r->days);
  ck_assert(r->days->open_from);
  ck_assert_int_eq(r->days->to, 3);
}
END_TEST

/* The keyword table and the grammar's %token lines (the one other place a
 * keyword is written, where bison's messages name it) agree: each
 * keyword's token is named by its word. */
static const struct {
  const char *word, *token;
} table_tokens[] = {
#define AC_KEYWORD(word, token, languages, cls, roles) {word, #token},
#include "keywords.def"
#define AC_VERDICT(name, word, word_token, verb, verb_token, heading, change, change_one, plan_rank, change_rank) \
  {word, #word_token}, {verb, #verb_token},
#include "verdicts.def"
#define AC_LEVEL(name, word, token, plan_word) {word, #token},
#include "levels.def"
#define AC_INTENSITY(name, word, token, plan_format) {word, #token},
#include "intensities.def"
};

START_TEST(keyword_table_names_the_tokens) {
  const char *top = getenv("top_srcdir");
  char path[4096];
  snprintf(path, sizeof path, "%s/grammar/parser.y", top ? top : ".");
  FILE *f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot read %s", path);
  static char text[200000];
  size_t n = fread(text, 1, sizeof text - 1, f);
  fclose(f);
  text[n] = '\0';
  int checked = 0;
  for (size_t i = 0; i < sizeof table_tokens / sizeof *table_tokens; i++) {
    const char *word = table_tokens[i].word, *token = table_tokens[i].token;
    if (!word || strcmp(token, "0") == 0) continue;
    if (strcmp(word, "yes") == 0 || strcmp(word, "number") == 0) continue; /* "true", "number (type)" */
    ck_assert_msg(strncmp(token, "T_", 2) == 0, "%s: %s", word, token);
    char decl[96];
    snprintf(decl, sizeof decl, " %s \"%s\"", token + 2, word);
    ck_assert_msg(strstr(text, decl) != NULL, "grammar/parser.y has no %%token%s", decl);
    checked++;
  }
  ck_assert_int_eq(checked, 91);
}
END_TEST

START_TEST(query_errors) {
  ck_assert_ptr_null(ut_query("can swim"));
  ck_assert_int_eq(ut_diags.errors, 1);
  /* an incomplete query says what is missing (issue 15) */
  ck_assert_str_eq(ut_diags.first->message, "missing 'on day N' after 'swim'");
  ut_assert_at(ut_diags.first, 1, 9);
  ac_diags_init(&ut_diags, ut_arena);
  ck_assert_ptr_null(ut_query("can swim on day 99999999999"));
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0005");
  ck_assert_str_eq(ut_diags.first->message,
                   "day out of range (it must be between -2147483648 and 2147483647)");
  ut_assert_at(ut_diags.first, 1, 17);
  ac_diags_init(&ut_diags, ut_arena);
  ck_assert_ptr_null(ut_query("can swim on day 3 after session 0"));
  ck_assert_str_eq(ut_codes(&ut_diags), "AC0005");
  ac_diags_init(&ut_diags, ut_arena);
  ck_assert_ptr_null(ut_query(""));
  ck_assert_int_eq(ut_diags.errors, 1);
}
END_TEST

static Suite *parser_suite(void) {
  Suite *s = suite_create("parser");
  TCase *tc = ut_tcase("statements");
  tcase_add_test(tc, header_with_fields);
  tcase_add_test(tc, header_short_and_horizon_in_weeks);
  tcase_add_test(tc, header_numbers_out_of_range);
  tcase_add_test(tc, extends_statement);
  tcase_add_test(tc, declarations);
  tcase_add_test(tc, string_escapes);
  tcase_add_test(tc, phase_block);
  tcase_add_test(tc, rule_with_clauses);
  tcase_add_test(tc, rule_verbs_and_unnamed_location);
  tcase_add_test(tc, constraint_statements);
  tcase_add_test(tc, triage_statements);
  tcase_add_test(tc, advice_no_guidance_expect);
  tcase_add_test(tc, empty_file);
  suite_add_tcase(s, tc);

  tc = ut_tcase("days");
  tcase_add_test(tc, day_forms);
  tcase_add_test(tc, day_sugar);
  tcase_add_test(tc, week_sugar);
  tcase_add_test(tc, days_beyond_32_bits_are_kept);
  tcase_add_test(tc, days_locations);
  suite_add_tcase(s, tc);

  tc = ut_tcase("conditions");
  tcase_add_test(tc, condition_precedence);
  tcase_add_test(tc, condition_atoms);
  tcase_add_test(tc, condition_clauses);
  tcase_add_test(tc, condition_location);
  suite_add_tcase(s, tc);

  tc = ut_tcase("errors");
  tcase_add_test(tc, missing_semicolon_hint);
  tcase_add_test(tc, missing_semicolon_at_end_of_input);
  tcase_add_test(tc, unterminated_block);
  tcase_add_test(tc, unexpected_token_lists_expected);
  tcase_add_test(tc, unexpected_keyword_is_quoted);
  tcase_add_test(tc, recovery_reports_each_error_once);
  tcase_add_test(tc, recovery_at_statement_keyword);
  tcase_add_test(tc, recovery_inside_header);
  tcase_add_test(tc, lexical_errors);
  tcase_add_test(tc, control_character);
  tcase_add_test(tc, invalid_utf8);
  tcase_add_test(tc, columns_count_characters);
  tcase_add_test(tc, nul_byte_is_one_error);
  tcase_add_test(tc, crlf_and_bom);
  suite_add_tcase(s, tc);

  tc = ut_tcase("limits");
  tcase_add_test(tc, nesting_limit);
  tcase_add_test(tc, deep_condition_without_brackets);
  tcase_add_test(tc, identifier_length_limit);
  tcase_add_test(tc, number_overflow);
  tcase_add_test(tc, invalid_number);
  tcase_add_test(tc, string_length_limit);
  suite_add_tcase(s, tc);

  tc = ut_tcase("comments");
  tcase_add_test(tc, comments_attached);
  tcase_add_test(tc, comment_after_last_statement);
  tcase_add_test(tc, hash_in_string_is_not_a_comment);
  suite_add_tcase(s, tc);

  tc = ut_tcase("queries");
  tcase_add_test(tc, query_can);
  tcase_add_test(tc, query_keywords_any_case);
  tcase_add_test(tc, query_with_facts_and_session);
  tcase_add_test(tc, query_other_kinds);
  tcase_add_test(tc, query_errors);
  tcase_add_test(tc, protocol_keywords);
  tcase_add_test(tc, keyword_table_names_the_tokens);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) { return ut_run(parser_suite()); }
