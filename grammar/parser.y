/*
 * parser.y -- the grammar of the aftercare language: protocols and queries.
 *
 * A pure, reentrant LALR(1) parser with locations.  One grammar serves two
 * languages: the lexer's first token (START_PROTOCOL or START_QUERY) says
 * which.  Syntax errors are reported with the exact list of expected tokens
 * (parse.error custom with LAC) plus a hint where a likely cause is known
 * (a missing ';', an unclosed block); recovery resynchronises at the next
 * ';' or at the next keyword that starts a statement, so one run reports
 * every error without cascades.
 *
 * Every semantic value lives in the compilation's arena (arena.h): nothing
 * needs to be destroyed when error recovery discards a value, so no
 * %destructor is needed; the arena is freed in one call.
 */

%define api.pure full
%define api.prefix {acY_}
%define api.token.prefix {T_}
%define api.location.type {ac_loc}
%define parse.error custom
%define parse.lac full
%locations
%expect 0

%parse-param {void *scanner} {ac_parse_state *st}
%lex-param {void *scanner}

%code top {
#include "config.h"
}

%code requires {
#include <stdint.h>

#include "ast.h"
#include "parse.h"

/* A number literal: its value, saturated when it does not fit. */
typedef struct ac_num {
  int64_t value;
  bool overflow;
} ac_num;
}

%code provides {
int acX_yylex(ACY_STYPE *val, ac_loc *loc, void *scanner);
}

%code {
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "keyword.h"
#include "names.h"

#define acY_lex acX_yylex

static void acY_error(ac_loc *loc, void *scanner, ac_parse_state *st,
                      const char *msg);
static ac_stmt *acY_stmt(ac_parse_state *st, ac_stmt_kind kind, ac_loc loc);
static void acY_add(ac_parse_state *st, ac_stmt *s);
static ac_ident *acY_ident(ac_parse_state *st, const char *name, ac_loc loc);
static void acY_rule(ac_parse_state *st, ac_ident *name, ac_verdict verb, const char *target,
                     ac_loc target_loc, ac_days *days, ac_clause *clauses, ac_loc loc,
                     ac_loc verb_loc);
/* Lists are built newest first (left recursion, linear time) and leave
 * the parser in source order: each is put in order once, where it ends. */
#define ACY_IN_ORDER(name, type)                                             \
  static type *name(type *l) {                                               \
    type *out = NULL;                                                        \
    while (l) {                                                              \
      type *next = l->next;                                                  \
      l->next = out;                                                         \
      out = l;                                                               \
      l = next;                                                              \
    }                                                                        \
    return out;                                                              \
  }
ACY_IN_ORDER(acY_idents, ac_ident)
ACY_IN_ORDER(acY_aliases, ac_alias)
ACY_IN_ORDER(acY_fields, ac_header_field)
ACY_IN_ORDER(acY_guidance, ac_guidance)
ACY_IN_ORDER(acY_items, ac_symptom_item)
ACY_IN_ORDER(acY_clauses, ac_clause)
ACY_IN_ORDER(acY_words, ac_word)
ACY_IN_ORDER(acY_phrases, ac_phrase)
ACY_IN_ORDER(acY_facts, ac_fact_value)
ACY_IN_ORDER(acY_doc_items, ac_doc_item)
static const char *acY_concat(ac_parse_state *st, const char *t, const char *more);
static ac_text acY_text(const char *text, ac_loc loc);
static ac_days *acY_days(ac_parse_state *st, ac_num from, ac_num to, bool open_from,
                         bool open_to, int64_t scale, ac_loc loc, ac_loc from_loc,
                         ac_loc to_loc);
static ac_days *acY_days_sugar(ac_parse_state *st, int how, ac_num n,
                              int64_t scale, ac_loc loc, ac_loc nloc);
static ac_cond *acY_cond(ac_parse_state *st, ac_cond_kind kind, ac_loc loc,
                         ac_cond *a, ac_cond *b);
static ac_cond *acY_fact(ac_parse_state *st, const char *name, ac_loc nloc,
                         ac_cmp cmp, ac_num value, bool is_bool, ac_loc loc);
static ac_clause *acY_clause(ac_parse_state *st, ac_clause_kind kind,
                             ac_loc loc);
static ac_word *acY_word(ac_parse_state *st, const char *text, ac_loc loc);
static ac_phrase *acY_phrase(ac_parse_state *st, ac_word *words, ac_loc loc);
static ac_query *acY_query(ac_parse_state *st, ac_query_kind kind, ac_loc loc);
static ac_query *acY_list(ac_parse_state *st, ac_entity_kind kind, ac_loc loc);
static int64_t acY_checked(ac_parse_state *st, ac_num n, ac_loc loc,
                           int64_t min, int64_t max, const char *what);
static ac_expected *acY_expected(ac_parse_state *st, ac_loc loc);

/* Sugar forms of day ranges. */
enum { ACY_FIRST, ACY_AFTER, ACY_FROM, ACY_UNTIL };
}

%union {
  const char *text;
  ac_num num;
  ac_ident *ident;
  ac_alias *alias;
  ac_days *days;
  ac_cond *cond;
  ac_cmp cmp;
  ac_clause *clause;
  ac_guidance *guidance;
  ac_header_field *field;
  ac_symptom_item *item;
  ac_stmt *stmt;
  ac_verdict verdict;
  ac_level level;
  ac_intensity intensity;
  ac_word *word;
  ac_phrase *phrase;
  ac_query *query;
  ac_fact_value *fact;
  ac_expected *expected;
  ac_doc_item *doc_item;
  int64_t scale;
  bool flag;
}

%token START_PROTOCOL START_QUERY
%token <text> IDENT "identifier"
%token <text> WORD "word"
%token <text> STRING "string"
%token <text> CITATION "citation"
%token <num> NUMBER "number"
%token DOTDOT ".." LE "<=" GE ">=" EQ "==" NE "!="

%token ACTIVITY "activity" ADVICE "advice" AFTER "after" ALIASES "aliases"
%token ALLOW "allow" ALLOWED "allowed" ALWAYS "always" AND "and" AT "at"
%token BECAUSE "because" BEFORE "before" BOOLEAN "boolean" CAN "can"
%token CITES "cites" CONDITIONAL "conditional" CONSTRAINT "constraint"
%token DAY "day" DAYS "days" DISCOURAGE "discourage" DISCOURAGED "discouraged"
%token DO "do" DONT "dont" EVERY "every" EXPECT "expect" EXTENDS "extends"
%token FACT "fact" FALSE "false" FINAL "final" FIRST "first" FOR "for"
%token FORBID "forbid" FORBIDDEN "forbidden" FROM "from" GROUP "group"
%token GUIDANCE "guidance" HORIZON "horizon" IF "if" IS "is"
%token LANGUAGE "language" LEAST "least" LEVEL "level" MILD "mild"
%token MODERATE "moderate" MONITOR "monitor" MOST "most" NEVER "never"
%token NO "no" NORMAL "normal" NOT "not" NUMBER_KW "number (type)" ON "on"
%token ONLY "only" OR "or" OTHERWISE "otherwise" OVERRIDES "overrides"
%token PHASE "phase"
%token PROCEDURE "procedure" PROTOCOL "protocol" RECOMMEND "recommend"
%token RECOMMENDED "recommended" RULE "rule" SESSION "session"
%token SESSIONS "sessions" SEVERE "severe" SYMPTOM "symptom"
%token SYMPTOMS "symptoms" THE "the" TITLE "title" TREATMENT "treatment"
%token TRIAGE "triage" TRUE "true" UNKNOWN "unknown" UNLESS "unless"
%token UNTIL "until" URGENT "urgent" VERSION "version" WEEK "week"
%token WEEKS "weeks" WHEN "when" WHY "why" WITH "with"
%token ACTIVITIES "activities" CONSTRAINTS "constraints" EXPLAIN "explain"
%token FACTS "facts" GROUPS "groups" HELP "help" RULES "rules" PHASES "phases"
%token CONTEXT "context" DOCUMENT "document" STATEMENT "statement"
/* The characters read as tokens, after the words: "expected ..." lists
 * name tokens in the order they are first written here. */
%token ';' '}' '{' '=' ':' ',' '(' ')' '<' '>' '?'

%type <text> text label opt_label
%type <ident> ident_list cite_list cite rule_head triage_head
%type <alias> text_list
%type <days> days opt_days
%type <scale> unit
%type <cond> cond
%type <cmp> cmp
%type <num> cmp_value
%type <clause> clauses clause tclauses tclause decl_clauses decl_clause
%type <clause> expect_clauses
%type <guidance> phase_items phase_item
%type <field> header_fields header_field
%type <item> sym_items sym_item
%type <verdict> verb given
%type <level> level
%type <intensity> intensity
%type <word> cwords cword swords sword fwords list_word
%type <phrase> sym_phrases
%type <query> query
%type <fact> fact_values fact_value opt_with
%type <expected> expected
%type <doc_item> doc_items doc_item
%type <num> session_opt
%type <flag> fact_type

%left OR
%left AND
%precedence NOT

%%

/* A query may end with '?': said by an alternative, not by an optional
 * symbol, whose empty rule would be one more reduction (and one more step
 * of LAC's check) in every query. */
start:
  START_PROTOCOL protocol
| START_QUERY query                { st->query = $2; }
| START_QUERY query '?'            { st->query = $2; }
;

protocol:
  %empty
| protocol stmt
;

stmt:
  header
| extends
| declaration
| phase
| rule
| constraint
| triage
| advice
| no_guidance
| expect
| document
| error ';'                        { yyerrok; }
| error '}'                        { yyerrok; }
| error                            { /* Resynchronised at a statement keyword: when
                                      it starts a line it is surely a new
                                      statement, so report errors again at once;
                                      in mid-line it may be debris of the same
                                      mistake. */
                                     if (st->prev_loc.last_line < st->cur_loc.first_line)
                                       yyerrok; }
;

/* ---- The header ---- */

header:
  PROTOCOL IDENT '{' header_fields '}' {
      ac_stmt *s = acY_stmt(st, AC_STMT_HEADER, @$);
      s->name = acY_ident(st, $2, @2);
      s->fields = acY_fields($4);
      acY_add(st, s);
    }
| PROTOCOL error '{' header_fields '}' {
      /* a bad name: the fields are still read */
      ac_stmt *s = acY_stmt(st, AC_STMT_HEADER, @$);
      s->name = acY_ident(st, "?", @2);
      s->fields = acY_fields($4);
      acY_add(st, s);
    }
| PROTOCOL IDENT ';' {
      ac_stmt *s = acY_stmt(st, AC_STMT_HEADER, @$);
      s->name = acY_ident(st, $2, @2);
      acY_add(st, s);
    }
;

header_fields:
  %empty                           { $$ = NULL; }
| header_fields header_field {
      $$ = $1;
      if ($2) { $2->next = $1; $$ = $2; }
    }
;

header_field:
  TITLE text ';'                   { $$ = ac_arena_alloc(st->arena, sizeof *$$); $$->field = AC_FIELD_TITLE; $$->text = acY_text($2, @2); $$->loc = @$; }
| VERSION text ';'                 { $$ = ac_arena_alloc(st->arena, sizeof *$$); $$->field = AC_FIELD_VERSION; $$->text = acY_text($2, @2); $$->loc = @$; }
| PROCEDURE text ';'               { $$ = ac_arena_alloc(st->arena, sizeof *$$); $$->field = AC_FIELD_PROCEDURE; $$->text = acY_text($2, @2); $$->loc = @$; }
| LANGUAGE text ';'                { $$ = ac_arena_alloc(st->arena, sizeof *$$); $$->field = AC_FIELD_LANGUAGE; $$->text = acY_text($2, @2); $$->loc = @$; }
| HORIZON NUMBER unit ';' {
      $$ = ac_arena_alloc(st->arena, sizeof *$$);
      $$->field = AC_FIELD_HORIZON;
      $$->value = acY_checked(st, $2, @2, 0, AC_DAY_MAX / $3, _("horizon")) * $3;
      $$->loc = @$;
    }
| SESSIONS NUMBER ';' {
      $$ = ac_arena_alloc(st->arena, sizeof *$$);
      $$->field = AC_FIELD_SESSIONS;
      $$->value = acY_checked(st, $2, @2, 1, 1000, _("number of sessions"));
      $$->loc = @$;
    }
| error ';'                        { $$ = NULL; yyerrok; }
;

extends:
  EXTENDS text ';' {
      ac_stmt *s = acY_stmt(st, AC_STMT_EXTENDS, @$);
      s->text = acY_text($2, @2);
      acY_add(st, s);
    }
;

/* ---- Activities, groups, symptoms, facts ---- */

declaration:
  ACTIVITY IDENT opt_label decl_clauses ';' {
      ac_stmt *s = acY_stmt(st, AC_STMT_ACTIVITY, @$);
      s->name = acY_ident(st, $2, @2);
      s->text = acY_text($3, @3);
      s->clauses = acY_clauses($4);
      acY_add(st, s);
    }
| SYMPTOM IDENT opt_label decl_clauses ';' {
      ac_stmt *s = acY_stmt(st, AC_STMT_SYMPTOM, @$);
      s->name = acY_ident(st, $2, @2);
      s->text = acY_text($3, @3);
      s->clauses = acY_clauses($4);
      acY_add(st, s);
    }
| FACT IDENT fact_type opt_label decl_clauses ';' {
      ac_stmt *s = acY_stmt(st, AC_STMT_FACT, @$);
      s->name = acY_ident(st, $2, @2);
      s->fact_is_bool = $3;
      s->text = acY_text($4, @4);
      s->clauses = acY_clauses($5);
      acY_add(st, s);
    }
| GROUP IDENT opt_label '=' ident_list decl_clauses ';' {
      ac_stmt *s = acY_stmt(st, AC_STMT_GROUP, @$);
      s->name = acY_ident(st, $2, @2);
      s->text = acY_text($3, @3);
      s->members = acY_idents($5);
      s->clauses = acY_clauses($6);
      acY_add(st, s);
    }
;

fact_type:
  NUMBER_KW                        { $$ = false; }
| BOOLEAN                          { $$ = true; }
;

decl_clauses:
  %empty                           { $$ = NULL; }
| decl_clauses decl_clause         { $$ = $2; $$->next = $1; }
;

decl_clause:
  ALIASES text_list                { $$ = acY_clause(st, AC_CLAUSE_ALIASES, @$); $$->aliases = acY_aliases($2); }
| CITES cite_list                  { $$ = acY_clause(st, AC_CLAUSE_CITES, @$); $$->names = acY_idents($2); }
;

/* ---- Phases ---- */

phase:
  PHASE IDENT opt_label days '{' phase_items '}' {
      ac_stmt *s = acY_stmt(st, AC_STMT_PHASE, @$);
      s->name = acY_ident(st, $2, @2);
      s->text = acY_text($3, @3);
      s->days = $4;
      s->guidance = acY_guidance($6);
      /* cites and overrides lines of the block become clauses */
      ac_guidance **g = &s->guidance;
      ac_clause **tail = &s->clauses;
      while (*g) {
        if ((*g)->kind == AC_GUIDE_CITES || (*g)->kind == AC_GUIDE_OVERRIDES) {
          ac_clause *c = acY_clause(st, (*g)->kind == AC_GUIDE_CITES ? AC_CLAUSE_CITES : AC_CLAUSE_OVERRIDES, (*g)->loc);
          c->names = (*g)->cites;
          *tail = c;
          tail = &c->next;
          *g = (*g)->next;
        } else {
          g = &(*g)->next;
        }
      }
      acY_add(st, s);
    }
;

phase_items:
  %empty                           { $$ = NULL; }
| phase_items phase_item {
      $$ = $1;
      if ($2) { $2->next = $1; $$ = $2; }
    }
;

phase_item:
  DO text ';'                      { $$ = ac_arena_alloc(st->arena, sizeof *$$); $$->kind = AC_GUIDE_DO; $$->text = acY_text($2, @2); $$->loc = @$; }
| DO text CITES cite_list ';'      { $$ = ac_arena_alloc(st->arena, sizeof *$$); $$->kind = AC_GUIDE_DO; $$->text = acY_text($2, @2); $$->cites = acY_idents($4); $$->loc = @$; }
| DONT text ';'                    { $$ = ac_arena_alloc(st->arena, sizeof *$$); $$->kind = AC_GUIDE_DONT; $$->text = acY_text($2, @2); $$->loc = @$; }
| DONT text CITES cite_list ';'    { $$ = ac_arena_alloc(st->arena, sizeof *$$); $$->kind = AC_GUIDE_DONT; $$->text = acY_text($2, @2); $$->cites = acY_idents($4); $$->loc = @$; }
| WHY text ';'                     { $$ = ac_arena_alloc(st->arena, sizeof *$$); $$->kind = AC_GUIDE_WHY; $$->text = acY_text($2, @2); $$->loc = @$; }
| WHY text CITES cite_list ';'     { $$ = ac_arena_alloc(st->arena, sizeof *$$); $$->kind = AC_GUIDE_WHY; $$->text = acY_text($2, @2); $$->cites = acY_idents($4); $$->loc = @$; }
| CITES cite_list ';'              { $$ = ac_arena_alloc(st->arena, sizeof *$$); $$->kind = AC_GUIDE_CITES; $$->cites = acY_idents($2); $$->loc = @$; }
| OVERRIDES ident_list ';'         { $$ = ac_arena_alloc(st->arena, sizeof *$$); $$->kind = AC_GUIDE_OVERRIDES; $$->cites = acY_idents($2); $$->loc = @$; }
| error ';'                        { $$ = NULL; yyerrok; }
;

/* ---- Rules ---- */

rule:
  rule_head verb IDENT days clauses ';' { acY_rule(st, $1, $2, $3, @3, $4, acY_clauses($5), @$, @2); }
;

rule_head:
  %empty                           { $$ = NULL; }
| RULE IDENT ':'                   { $$ = acY_ident(st, $2, @2); }
;

verb:
  FORBID                           { $$ = AC_FORBIDDEN; }
| DISCOURAGE                       { $$ = AC_DISCOURAGED; }
| ALLOW                            { $$ = AC_ALLOWED; }
| RECOMMEND                        { $$ = AC_RECOMMENDED; }
;

clauses:
  %empty                           { $$ = NULL; }
| clauses clause                   { $$ = $2; $$->next = $1; }
;

clause:
  BECAUSE text                     { $$ = acY_clause(st, AC_CLAUSE_BECAUSE, @$); $$->text = acY_text($2, @2); }
| CITES cite_list                  { $$ = acY_clause(st, AC_CLAUSE_CITES, @$); $$->names = acY_idents($2); }
| IF cond                          { $$ = acY_clause(st, AC_CLAUSE_IF, @$); $$->cond = $2; }
| ONLY IF cond                     { $$ = acY_clause(st, AC_CLAUSE_IF, @$); $$->cond = $3; }
| UNLESS cond                      { $$ = acY_clause(st, AC_CLAUSE_UNLESS, @$); $$->cond = $2; }
| OTHERWISE given                  { $$ = acY_clause(st, AC_CLAUSE_OTHERWISE, @$); $$->verdict = $2; }
| AFTER FINAL SESSION              { $$ = acY_clause(st, AC_CLAUSE_FINAL, @$); }
| AFTER EVERY SESSION              { $$ = acY_clause(st, AC_CLAUSE_EVERY, @$); }
| OVERRIDES ident_list             { $$ = acY_clause(st, AC_CLAUSE_OVERRIDES, @$); $$->names = acY_idents($2); }
;

/* A verdict a rule can give: the one of `otherwise`. */
given:
  FORBIDDEN                        { $$ = AC_FORBIDDEN; }
| DISCOURAGED                      { $$ = AC_DISCOURAGED; }
| ALLOWED                          { $$ = AC_ALLOWED; }
| RECOMMENDED                      { $$ = AC_RECOMMENDED; }
;

/* ---- Constraints ---- */

constraint:
  CONSTRAINT IDENT ':' IDENT FORBIDDEN days tclauses ';' {
      ac_stmt *s = acY_stmt(st, AC_STMT_CONSTRAINT, @$);
      s->name = acY_ident(st, $2, @2);
      s->target = acY_ident(st, $4, @4);
      s->days = $6;
      s->clauses = acY_clauses($7);
      acY_add(st, s);
    }
| CONSTRAINT IDENT ':' SYMPTOMS sym_items opt_days AT LEAST level tclauses ';' {
      ac_stmt *s = acY_stmt(st, AC_STMT_CONSTRAINT, @$);
      s->name = acY_ident(st, $2, @2);
      s->items = acY_items($5);
      s->days = $6;
      s->level = $9;
      s->clauses = acY_clauses($10);
      acY_add(st, s);
    }
;

/* ---- Symptom rules ---- */

triage:
  triage_head SYMPTOMS sym_items opt_days tclauses ';' {
      ac_loc loc = @$; /* as for rules: without a head, from 'symptoms' */
      if (!$1) { loc.first_line = @2.first_line; loc.first_column = @2.first_column; }
      ac_stmt *s = acY_stmt(st, AC_STMT_TRIAGE, loc);
      s->name = $1;
      s->items = acY_items($3);
      s->days = $4;
      s->clauses = acY_clauses($5);
      acY_add(st, s);
    }
| triage_head SYMPTOMS OTHERWISE tclauses ';' {
      ac_loc loc = @$;
      if (!$1) { loc.first_line = @2.first_line; loc.first_column = @2.first_column; }
      ac_stmt *s = acY_stmt(st, AC_STMT_TRIAGE, loc);
      s->name = $1;
      s->fallback = true;
      s->clauses = acY_clauses($4);
      acY_add(st, s);
    }
;

triage_head:
  %empty                           { $$ = NULL; }
| TRIAGE IDENT ':'                 { $$ = acY_ident(st, $2, @2); }
;

sym_items:
  sym_item                         { $$ = $1; }
| sym_items ',' sym_item          { $$ = $3; $$->next = $1; }
;

sym_item:
  IDENT {
      $$ = ac_arena_alloc(st->arena, sizeof *$$);
      $$->name = acY_ident(st, $1, @1);
      $$->loc = @$;
    }
| intensity IDENT {
      $$ = ac_arena_alloc(st->arena, sizeof *$$);
      $$->intensity = $1;
      $$->name = acY_ident(st, $2, @2);
      $$->loc = @$;
    }
| AT LEAST intensity IDENT {
      $$ = ac_arena_alloc(st->arena, sizeof *$$);
      $$->intensity = $3;
      $$->name = acY_ident(st, $4, @4);
      $$->loc = @$;
    }
| AT MOST intensity IDENT {
      $$ = ac_arena_alloc(st->arena, sizeof *$$);
      $$->most = $3;
      $$->name = acY_ident(st, $4, @4);
      $$->loc = @$;
    }
| intensity DOTDOT intensity IDENT {
      $$ = ac_arena_alloc(st->arena, sizeof *$$);
      $$->intensity = $1;
      $$->most = $3;
      $$->name = acY_ident(st, $4, @4);
      $$->loc = @$;
    }
;

intensity:
  MILD                             { $$ = AC_INTENSITY_MILD; }
| MODERATE                         { $$ = AC_INTENSITY_MODERATE; }
| SEVERE                           { $$ = AC_INTENSITY_SEVERE; }
;

level:
  NORMAL                           { $$ = AC_LEVEL_NORMAL; }
| MONITOR                          { $$ = AC_LEVEL_MONITOR; }
| URGENT                           { $$ = AC_LEVEL_URGENT; }
;

tclauses:
  %empty                           { $$ = NULL; }
| tclauses tclause                 { $$ = $2; $$->next = $1; }
;

tclause:
  LEVEL level                      { $$ = acY_clause(st, AC_CLAUSE_LEVEL, @$); $$->level = $2; }
| ADVICE text                      { $$ = acY_clause(st, AC_CLAUSE_ADVICE, @$); $$->text = acY_text($2, @2); }
| BECAUSE text                     { $$ = acY_clause(st, AC_CLAUSE_BECAUSE, @$); $$->text = acY_text($2, @2); }
| CITES cite_list                  { $$ = acY_clause(st, AC_CLAUSE_CITES, @$); $$->names = acY_idents($2); }
| OVERRIDES ident_list             { $$ = acY_clause(st, AC_CLAUSE_OVERRIDES, @$); $$->names = acY_idents($2); }
;

/* ---- Advice, no guidance, expectations ---- */

advice:
  ADVICE IDENT text opt_days tclauses ';' {
      ac_stmt *s = acY_stmt(st, AC_STMT_ADVICE, @$);
      s->name = acY_ident(st, $2, @2);
      s->text = acY_text($3, @3);
      s->days = $4;
      s->clauses = acY_clauses($5);
      acY_add(st, s);
    }
;

no_guidance:
  NO GUIDANCE FOR IDENT days tclauses ';' {
      ac_stmt *s = acY_stmt(st, AC_STMT_NO_GUIDANCE, @$);
      s->target = acY_ident(st, $4, @4);
      s->days = $5;
      s->clauses = acY_clauses($6);
      acY_add(st, s);
    }
;

expect:
  EXPECT query IS expected expect_clauses ';' {
      $2->in_expect = true;
      ac_stmt *s = acY_stmt(st, AC_STMT_EXPECT, @$);
      s->query = $2;
      s->expected = $4;
      s->clauses = acY_clauses($5);
      acY_add(st, s);
    }
;

/* Clauses of an expectation: the statements it checks (the checker reports
 * repeats). */
expect_clauses:
  %empty                           { $$ = NULL; }
| expect_clauses CITES cite_list {
      $$ = acY_clause(st, AC_CLAUSE_CITES, @2);
      $$->loc.last_line = @3.last_line;
      $$->loc.last_column = @3.last_column;
      $$->names = acY_idents($3);
      $$->next = $1;
    }
;

expected:
  FORBIDDEN                        { $$ = acY_expected(st, @$); $$->verdict = AC_FORBIDDEN; }
| CONDITIONAL                      { $$ = acY_expected(st, @$); $$->verdict = AC_CONDITIONAL; }
| DISCOURAGED                      { $$ = acY_expected(st, @$); $$->verdict = AC_DISCOURAGED; }
| ALLOWED                          { $$ = acY_expected(st, @$); $$->verdict = AC_ALLOWED; }
| RECOMMENDED                      { $$ = acY_expected(st, @$); $$->verdict = AC_RECOMMENDED; }
| UNKNOWN                          { $$ = acY_expected(st, @$); $$->verdict = AC_UNKNOWN; $$->level = AC_LEVEL_UNKNOWN; }
| level                            { $$ = acY_expected(st, @$); $$->verdict = AC_UNKNOWN; $$->level = $1; }
| FROM DAY NUMBER                  { $$ = acY_expected(st, @$); $$->verdict = AC_UNKNOWN; $$->day = acY_checked(st, $3, @3, AC_DAY_MIN, AC_DAY_MAX, _("day")); }
| NEVER                            { $$ = acY_expected(st, @$); $$->verdict = AC_UNKNOWN; $$->never = true; }
;

/* ---- Documents: the statements citations name ---- */

document:
  DOCUMENT IDENT opt_label '{' doc_items '}' {
      ac_stmt *s = acY_stmt(st, AC_STMT_DOCUMENT, @$);
      s->name = acY_ident(st, $2, @2);
      s->text = acY_text($3, @3);
      s->statements = acY_doc_items($5);
      for (ac_doc_item *i = s->statements; i; i = i->next) i->document = s->name->name;
      acY_add(st, s);
    }
| DOCUMENT error '{' doc_items '}' {
      /* a bad name: the statements are still read (and declared) */
      ac_stmt *s = acY_stmt(st, AC_STMT_DOCUMENT, @$);
      s->name = acY_ident(st, "?", @2);
      s->statements = acY_doc_items($4);
      for (ac_doc_item *i = s->statements; i; i = i->next) i->document = "?";
      acY_add(st, s);
    }
;

doc_items:
  %empty                           { $$ = NULL; }
| doc_items doc_item {
      $$ = $1;
      if ($2) { $2->next = $1; $$ = $2; }
    }
;

doc_item:
  STATEMENT cite text ';'          { $$ = ac_arena_alloc(st->arena, sizeof *$$); $$->id = $2; $$->text = acY_text($3, @3); $$->loc = @$; }
| CONTEXT cite text ';'            { $$ = ac_arena_alloc(st->arena, sizeof *$$); $$->id = $2; $$->text = acY_text($3, @3); $$->context = true; $$->loc = @$; }
| error ';'                        { $$ = NULL; yyerrok; }
;

/* ---- Days ---- */

days:
  DAY NUMBER                       { $$ = acY_days(st, $2, $2, false, false, 1, @$, @2, @2); }
| DAYS NUMBER DOTDOT NUMBER        { $$ = acY_days(st, $2, $4, false, false, 1, @$, @2, @4); }
| DAYS NUMBER DOTDOT               { $$ = acY_days(st, $2, $2, false, true, 1, @$, @2, @3); }
| DAYS DOTDOT NUMBER               { $$ = acY_days(st, $3, $3, true, false, 1, @$, @2, @3); }
| WEEKS NUMBER DOTDOT NUMBER       { $$ = acY_days(st, $2, $4, false, false, 7, @$, @2, @4); }
| WEEKS NUMBER DOTDOT              { $$ = acY_days(st, $2, $2, false, true, 7, @$, @2, @3); }
| WEEKS DOTDOT NUMBER              { $$ = acY_days(st, $3, $3, true, false, 7, @$, @2, @3); }
| FIRST NUMBER unit                { $$ = acY_days_sugar(st, ACY_FIRST, $2, $3, @$, @2); }
| AFTER NUMBER unit                { $$ = acY_days_sugar(st, ACY_AFTER, $2, $3, @$, @2); }
| FROM DAY NUMBER                  { $$ = acY_days_sugar(st, ACY_FROM, $3, 1, @$, @3); }
| FROM WEEK NUMBER                 { $$ = acY_days_sugar(st, ACY_FROM, $3, 7, @$, @3); }
| UNTIL DAY NUMBER                 { $$ = acY_days_sugar(st, ACY_UNTIL, $3, 1, @$, @3); }
| ALWAYS                           { ac_num z = {0, false}; $$ = acY_days(st, z, z, true, true, 1, @$, @$, @$); }
| BEFORE TREATMENT                 { ac_num m = {-1, false}; $$ = acY_days(st, m, m, true, false, 1, @$, @$, @$); }
;

opt_days:
  %empty                           { $$ = NULL; }
| days                             { $$ = $1; }
;

unit:
  DAY                              { $$ = 1; }
| DAYS                             { $$ = 1; }
| WEEK                             { $$ = 7; }
| WEEKS                            { $$ = 7; }
;

/* ---- Conditions ---- */

cond:
  cond OR cond                     { $$ = acY_cond(st, AC_COND_OR, @$, $1, $3); }
| cond AND cond                    { $$ = acY_cond(st, AC_COND_AND, @$, $1, $3); }
| NOT cond                         { $$ = acY_cond(st, AC_COND_NOT, @$, $2, NULL); }
| '(' cond ')'                     { $$ = $2; $$->loc = @$; }
| TRUE                             { $$ = acY_cond(st, AC_COND_TRUE, @$, NULL, NULL); }
| FALSE                            { $$ = acY_cond(st, AC_COND_FALSE, @$, NULL, NULL); }
| IDENT                            { ac_num z = {1, false}; $$ = acY_fact(st, $1, @1, AC_CMP_NONE, z, true, @$); }
| IDENT cmp cmp_value              { $$ = acY_fact(st, $1, @1, $2, $3, false, @$); }
| IDENT EQ TRUE                    { ac_num v = {1, false}; $$ = acY_fact(st, $1, @1, AC_CMP_EQ, v, true, @$); }
| IDENT EQ FALSE                   { ac_num v = {0, false}; $$ = acY_fact(st, $1, @1, AC_CMP_EQ, v, true, @$); }
| IDENT NE TRUE                    { ac_num v = {1, false}; $$ = acY_fact(st, $1, @1, AC_CMP_NE, v, true, @$); }
| IDENT NE FALSE                   { ac_num v = {0, false}; $$ = acY_fact(st, $1, @1, AC_CMP_NE, v, true, @$); }
| IDENT AT MOST cmp_value          { $$ = acY_fact(st, $1, @1, AC_CMP_LE, $4, false, @$); }
| IDENT AT LEAST cmp_value         { $$ = acY_fact(st, $1, @1, AC_CMP_GE, $4, false, @$); }
| SYMPTOM IDENT {
      $$ = acY_cond(st, AC_COND_SYMPTOM, @$, NULL, NULL);
      $$->name = acY_ident(st, $2, @2);
    }
;

cmp:
  '<'                              { $$ = AC_CMP_LT; }
| LE                               { $$ = AC_CMP_LE; }
| '>'                              { $$ = AC_CMP_GT; }
| GE                               { $$ = AC_CMP_GE; }
| EQ                               { $$ = AC_CMP_EQ; }
| NE                               { $$ = AC_CMP_NE; }
;

cmp_value:
  NUMBER                           { $$ = $1; if ($1.overflow) ac_diag_add(st->diags, AC_SEV_ERROR, AC_E_NUMBER, st->src, @1, _("number out of range (numbers are 64-bit)")); }
;

/* ---- Lists ---- */

text:
  STRING                           { $$ = $1; }
| text STRING                      { $$ = acY_concat(st, $1, $2); }
;

label:
  text                             { $$ = $1; }
;

opt_label:
  %empty                           { $$ = NULL; }
| label                            { $$ = $1; }
;

text_list:
  text {
      $$ = ac_arena_alloc(st->arena, sizeof *$$);
      $$->text = acY_text($1, @1);
    }
| text_list ',' text {
      $$ = ac_arena_alloc(st->arena, sizeof *$$);
      $$->text = acY_text($3, @3);
      $$->next = $1;
    }
;

ident_list:
  IDENT                            { $$ = acY_ident(st, $1, @1); }
| ident_list ',' IDENT             { $$ = acY_ident(st, $3, @3); $$->next = $1; }
;

cite_list:
  cite                             { $$ = $1; }
| cite_list ',' cite               { $$ = $3; $$->next = $1; }
;

cite:
  CITATION                         { $$ = acY_ident(st, $1, @1); }
| IDENT                            { $$ = acY_ident(st, $1, @1); }
;

/* ---- Queries ---- */

query:
  CAN cwords ON DAY NUMBER opt_with session_opt {
      $$ = acY_query(st, AC_Q_CAN, @$);
      $$->subject = acY_phrase(st, $2, @2);
      $$->day = acY_checked(st, $5, @5, AC_DAY_MIN, AC_DAY_MAX, _("day"));
      $$->day_loc = @5;
      $$->facts = acY_facts($6);
      $$->session = $7.value;
      $$->session_loc = @7;
    }
| DAY NUMBER {
      $$ = acY_query(st, AC_Q_DAY, @$);
      $$->day = acY_checked(st, $2, @2, AC_DAY_MIN, AC_DAY_MAX, _("day"));
      $$->day_loc = @2;
    }
| when cwords {
      $$ = acY_query(st, AC_Q_WHEN, @$);
      $$->subject = acY_phrase(st, $2, @2);
    }
| when CAN cwords {
      $$ = acY_query(st, AC_Q_WHEN, @$);
      $$->subject = acY_phrase(st, $3, @3);
    }
| SYMPTOMS sym_phrases ON DAY NUMBER {
      $$ = acY_query(st, AC_Q_SYMPTOMS, @$);
      $$->symptoms = acY_phrases($2);
      $$->day = acY_checked(st, $5, @5, AC_DAY_MIN, AC_DAY_MAX, _("day"));
      $$->day_loc = @5;
    }
| SYMPTOMS                         { $$ = acY_list(st, AC_ENT_SYMPTOM, @$); }
| PHASES                           { $$ = acY_list(st, AC_ENT_PHASE, @$); }
| ACTIVITIES                       { $$ = acY_list(st, AC_ENT_ACTIVITY, @$); }
| FACTS                            { $$ = acY_list(st, AC_ENT_FACT, @$); }
| RULES                            { $$ = acY_list(st, AC_ENT_RULE, @$); }
| GROUPS                           { $$ = acY_list(st, AC_ENT_GROUP, @$); }
| CONSTRAINTS                      { $$ = acY_list(st, AC_ENT_CONSTRAINT, @$); }
| EXPLAIN cwords {
      $$ = acY_query(st, AC_Q_EXPLAIN, @$);
      $$->subject = acY_phrase(st, $2, @2);
    }
| HELP                             { $$ = acY_query(st, AC_Q_HELP, @$); }
;

/* 'when': a day after its activity is a mistake said as such. */
when:
  WHEN                             { st->in_when = true; }
;

/* Words of an activity's name; the phrase ends at "on". */
cwords:
  cword                            { $$ = $1; }
| cwords cword                     { $$ = $2; $$->next = $1; }
;

cword:
  IDENT                            { $$ = acY_word(st, $1, @1); }
| WORD                             { $$ = acY_word(st, $1, @1); }
| WITH                             { $$ = acY_word(st, "with", @1); }
| THE                              { $$ = acY_word(st, "the", @1); }
| AND                              { $$ = acY_word(st, "and", @1); }
| NORMAL                           { $$ = acY_word(st, "normal", @1); }
| ACTIVITIES                       { $$ = acY_word(st, "activities", @1); }
| SESSION                          { $$ = acY_word(st, "session", @1); }
| list_word                        { $$ = $1; }
;

/* The words of the listing queries, which a name may hold too ("follow
 * the rules"). */
list_word:
  FACTS                            { $$ = acY_word(st, "facts", @1); }
| RULES                            { $$ = acY_word(st, "rules", @1); }
| GROUPS                           { $$ = acY_word(st, "groups", @1); }
| CONSTRAINTS                      { $$ = acY_word(st, "constraints", @1); }
| PHASES                           { $$ = acY_word(st, "phases", @1); }
;

/* Symptoms: separated by ',' or 'and'. */
sym_phrases:
  swords                           { $$ = acY_phrase(st, $1, @1); }
| sym_phrases ',' swords           { $$ = acY_phrase(st, $3, @3); $$->next = $1; }
| sym_phrases AND swords           { $$ = acY_phrase(st, $3, @3); $$->next = $1; }
| sym_phrases ',' AND swords       { $$ = acY_phrase(st, $4, @4); $$->next = $1; }
;

swords:
  sword                            { $$ = $1; }
| swords sword                     { $$ = $2; $$->next = $1; }
;

sword:
  IDENT                            { $$ = acY_word(st, $1, @1); }
| WORD                             { $$ = acY_word(st, $1, @1); }
| MILD                             { $$ = acY_word(st, "mild", @1); }
| MODERATE                         { $$ = acY_word(st, "moderate", @1); }
| SEVERE                           { $$ = acY_word(st, "severe", @1); }
| list_word                        { $$ = $1; }
;

opt_with:
  %empty                           { $$ = NULL; }
| WITH fact_values                 { $$ = $2; }
;

fact_values:
  fact_value                       { $$ = $1; }
| fact_values ',' fact_value       { $$ = $3; $$->next = $1; }
| fact_values AND fact_value       { $$ = $3; $$->next = $1; }
;

fact_value:
  fwords '=' cmp_value {
      $$ = ac_arena_alloc(st->arena, sizeof *$$);
      $$->name = acY_phrase(st, $1, @1);
      $$->value = $3.value;
      $$->loc = @$;
    }
| fwords '=' TRUE                  { $$ = ac_arena_alloc(st->arena, sizeof *$$); $$->name = acY_phrase(st, $1, @1); $$->is_bool = true; $$->value = 1; $$->loc = @$; }
| fwords '=' NO                    { $$ = ac_arena_alloc(st->arena, sizeof *$$); $$->name = acY_phrase(st, $1, @1); $$->is_bool = true; $$->value = 0; $$->loc = @$; }
| fwords '=' FALSE                 { $$ = ac_arena_alloc(st->arena, sizeof *$$); $$->name = acY_phrase(st, $1, @1); $$->is_bool = true; $$->value = 0; $$->loc = @$; }
| fwords                           { $$ = ac_arena_alloc(st->arena, sizeof *$$); $$->name = acY_phrase(st, $1, @1); $$->is_bool = true; $$->value = 1; $$->loc = @$; }
| NO fwords                        { $$ = ac_arena_alloc(st->arena, sizeof *$$); $$->name = acY_phrase(st, $2, @2); $$->is_bool = true; $$->value = 0; $$->loc = @$; }
;

fwords:
  IDENT                            { $$ = acY_word(st, $1, @1); }
| WORD                             { $$ = acY_word(st, $1, @1); }
| THE                              { $$ = acY_word(st, "the", @1); }
| fwords IDENT                     { $$ = acY_word(st, $2, @2); $$->next = $1; }
| fwords WORD                      { $$ = acY_word(st, $2, @2); $$->next = $1; }
| fwords THE                       { $$ = acY_word(st, "the", @2); $$->next = $1; }
| list_word                        { $$ = $1; }
| fwords list_word                 { $$ = $2; $$->next = $1; }
;

session_opt:
  %empty                           { $$.value = 0; $$.overflow = false; }
| AFTER SESSION NUMBER             { $$.value = acY_checked(st, $3, @3, 1, 1000, _("session")); $$.overflow = false; }
| AFTER THE FINAL SESSION          { $$.value = -1; $$.overflow = false; }
| AFTER FINAL SESSION              { $$.value = -1; $$.overflow = false; }
;

%%

static void acY_error(ac_loc *loc, void *scanner, ac_parse_state *st,
                      const char *msg) {
  (void)scanner;
  if (st->fatal) return;
  /* Only reached for "memory exhausted": the parser's stack is full. */
  (void)msg;
  ac_diag_add(st->diags, AC_SEV_ERROR, AC_E_NESTING, st->src, *loc,
              _("input nested too deeply"));
  st->fatal = true;
}

/* The name of a token as a reader knows it: 'forbid', identifier, ... */
static const char *acY_token_name(yysymbol_kind_t sym, char *buf, size_t n) {
  switch (sym) {
  case YYSYMBOL_YYEOF:
    return _("end of input");
  case YYSYMBOL_IDENT:
    return _("identifier");
  case YYSYMBOL_WORD:
    return _("word");
  case YYSYMBOL_STRING:
    return _("string");
  case YYSYMBOL_NUMBER:
    return _("number");
  case YYSYMBOL_CITATION:
    return _("citation");
  case YYSYMBOL_NUMBER_KW: /* the type: written 'number' */
    return "'number'";
  default:
    break;
  }
  const char *name = yysymbol_name(sym);
  if (name[0] == '"') {
    size_t len = strlen(name);
    snprintf(buf, n, "'%.*s'", (int)(len > 2 ? len - 2 : 0), name + 1);
    return buf;
  }
  if (name[0] == '\'') return name;
  /* bison >= 3.6 gives keywords and operators without their quotes */
  snprintf(buf, n, "'%s'", name);
  return buf;
}

/* Does the token start a statement (the end of input counts)?  The keyword
 * table says (keywords.def): a keyword's symbol is named by its word. */
static bool acY_starts_statement(yysymbol_kind_t sym) {
  if (sym == YYSYMBOL_YYEOF) return true;
  const char *name = yysymbol_name(sym);
  return ac_keyword_has_role(name, strlen(name), AC_KW_STARTS);
}

/* A query left incomplete ("can swim tomorrow", "can swim day 3", "can
 * swim on 3", "day"): says what is missing and where, rather than the
 * tokens that could come.  'on day N' is also missing in an expectation's
 * query; the rest only in a query of its own.  Returns true if it said
 * something. */
static bool acY_incomplete_query(ac_parse_state *st, const yysymbol_kind_t *expected, int n,
                                 yysymbol_kind_t got, ac_loc loc) {
  bool want_on = false, want_day = false, want_number = false, want_after = false,
       want_name = false, want_value = false;
  for (int i = 0; i < n; i++) {
    want_on |= expected[i] == YYSYMBOL_ON;
    want_day |= expected[i] == YYSYMBOL_DAY;
    want_number |= expected[i] == YYSYMBOL_NUMBER;
    want_after |= expected[i] == YYSYMBOL_AFTER;
    want_name |= expected[i] == YYSYMBOL_IDENT;
    want_value |= expected[i] == YYSYMBOL_TRUE; /* after 'FACT =' */
  }
  bool query = st->mode == AC_PARSE_QUERY, at_end = got == YYSYMBOL_YYEOF;
  if (query && st->in_when && got == YYSYMBOL_ON) {
    ac_diag_add(st->diags, AC_SEV_ERROR, AC_E_SYNTAX, st->src, loc,
                _("a 'when' query takes no day: it answers for every day (ask 'can ACTIVITY "
                  "on day N' about one day)"));
    return true;
  }
  const char *missing = NULL;
  if (want_on)
    missing = got == YYSYMBOL_DAY ? "'on'" : "'on day N'";
  else if (query && want_day && n == 1)
    missing = got == YYSYMBOL_NUMBER ? "'day'" : "'day N'";
  else if (query && want_after && (got == YYSYMBOL_SESSION || got == YYSYMBOL_FINAL))
    missing = "'after'";
  else if (query && at_end && want_number && n == 1)
    missing = _("a number");
  else if (query && at_end && want_value)
    missing = _("a value");
  else if (query && at_end && want_name && !want_on && !want_number)
    missing = _("a name");
  if (!missing) return false;
  char buf[64];
  if (at_end && (want_number || want_name || want_value))
    /* TRANSLATORS: what is missing ("a number"), the word before it ('day') */
    ac_diag_add(st->diags, AC_SEV_ERROR, AC_E_SYNTAX, st->src, loc, _("missing %s after '%s'"),
                missing, ac_parse_last_text(st));
  else if (at_end)
    ac_diag_add(st->diags, AC_SEV_ERROR, AC_E_SYNTAX, st->src, loc,
                _("missing %s at the end of the query"), missing);
  else if (got == YYSYMBOL_IDENT || got == YYSYMBOL_WORD || got == YYSYMBOL_NUMBER)
    /* TRANSLATORS: what is missing ('on day N'), the kind of token and its text */
    ac_diag_add(st->diags, AC_SEV_ERROR, AC_E_SYNTAX, st->src, loc, _("missing %s before %s '%s'"),
                missing, acY_token_name(got, buf, sizeof buf), ac_parse_last_text(st));
  else
    ac_diag_add(st->diags, AC_SEV_ERROR, AC_E_SYNTAX, st->src, loc, _("missing %s before %s"),
                missing, acY_token_name(got, buf, sizeof buf));
  return true;
}

/* The most expected tokens listed (a rule's clauses: nine); a list of as
 * many that has days, statements or answers is summarised. */
#define ACY_MAX_EXPECTED 9

static int yyreport_syntax_error(const yypcontext_t *ctx, void *scanner,
                                 ac_parse_state *st) {
  (void)scanner;
  if (st->fatal) return 0;
  st->syntax_errors++;
  /* Room for every token: with a smaller array bison reports none when
   * more are expected, and the hints below need to see ';' and '}'. */
  yysymbol_kind_t expected[YYNTOKENS];
  int n = yypcontext_expected_tokens(ctx, expected, YYNTOKENS);
  if (n < 0) n = 0;
  yysymbol_kind_t got = yypcontext_token(ctx);
  ac_loc loc = *yypcontext_location(ctx);
  char buf[64];

  /* A lexical error between the last token read and this one (a skipped
   * character, an unterminated string that swallowed the ';') has been
   * reported: this error is its consequence. */
  ac_loc before = got == YYSYMBOL_YYEOF ? st->cur_loc : st->prev_loc;
  const ac_loc *le = &st->lex_error_loc;
  if (le->first_line > 0 &&
      (le->first_line > before.first_line ||
       (le->first_line == before.first_line && le->first_column >= before.first_column)) &&
      (le->first_line < loc.first_line ||
       (le->first_line == loc.first_line && le->first_column <= loc.first_column)))
    return 0;

  /* A word that is not an identifier ("salée", "touch-up") is only read in
   * a query's names: in a protocol, elsewhere, it is a name with a
   * character that names do not have, reported as such (AC0002, as the
   * scanner reports one outside any word).  Where a query expects an
   * identifier, a word is expected too: the lists name the identifier. */
  if (got == YYSYMBOL_WORD && st->mode == AC_PARSE_PROTOCOL) {
    acX_bad_in_word(st, st->last_tok, st->last_len, loc);
    return 0;
  }
  /* So are the keywords a name of a query may hold besides 'with', 'the'
   * and 'and' ("normal activities", "touch-up session"). */
  bool want_ident = false;
  for (int i = 0; i < n; i++)
    if (expected[i] == YYSYMBOL_IDENT) want_ident = true;
  int kept = 0;
  for (int i = 0; i < n; i++)
    if (expected[i] != YYSYMBOL_WORD &&
        !(want_ident && (expected[i] == YYSYMBOL_NORMAL || expected[i] == YYSYMBOL_ACTIVITIES ||
                         expected[i] == YYSYMBOL_SESSION || expected[i] == YYSYMBOL_FACTS ||
                         expected[i] == YYSYMBOL_RULES || expected[i] == YYSYMBOL_GROUPS ||
                         expected[i] == YYSYMBOL_CONSTRAINTS || expected[i] == YYSYMBOL_PHASES)))
      expected[kept++] = expected[i];
  n = kept;

  bool want_semicolon = false, want_brace = false;
  for (int i = 0; i < n; i++) {
    if (expected[i] == YYSYMBOL_YYACCEPT) continue;
    const char *name = yysymbol_name(expected[i]);
    if (strcmp(name, "';'") == 0) want_semicolon = true;
    if (strcmp(name, "'}'") == 0) want_brace = true;
  }
  /* The likely causes first, as a good compiler would say them. */
  if (got == YYSYMBOL_YYEOF && want_brace && st->brace_depth > 0) {
    ac_diag *d = ac_diag_add(st->diags, AC_SEV_ERROR, AC_E_SYNTAX, st->src, loc,
                             _("unexpected end of input: missing '}'"));
    ac_diag_note(st->diags, d, st->src, st->brace_loc,
                 _("the block opened here is not closed"));
    return 0;
  }
  /* The statement's last token: the one before the lookahead, or at the end
   * of input (which the lexer does not remember) the last one read. */
  ac_loc last_tok = got == YYSYMBOL_YYEOF ? st->cur_loc : st->prev_loc;
  if (want_semicolon && acY_starts_statement(got) && last_tok.first_line > 0) {
    ac_loc at = last_tok;
    at.first_line = at.last_line;
    at.first_column = at.last_column;
    at.last_column = at.first_column + 1;
    ac_diag_add(st->diags, AC_SEV_ERROR, AC_E_SYNTAX, st->src, at,
                got == YYSYMBOL_YYEOF ? _("missing ';' at the end of the statement")
                                      : _("missing ';' before %s"),
                acY_token_name(got, buf, sizeof buf));
    return 0;
  }

  if (acY_incomplete_query(st, expected, n, got, loc)) return 0;

  /* unexpected X, expected A, B or C */
  char msg[512];
  size_t len = 0;
  if (got == YYSYMBOL_IDENT || got == YYSYMBOL_WORD || got == YYSYMBOL_NUMBER ||
      got == YYSYMBOL_STRING || got == YYSYMBOL_CITATION)
    len += (size_t)snprintf(msg + len, sizeof msg - len, _("unexpected %s '%s'"),
                            acY_token_name(got, buf, sizeof buf), ac_parse_last_text(st));
  else
    len += (size_t)snprintf(msg + len, sizeof msg - len, _("unexpected %s"),
                            acY_token_name(got, buf, sizeof buf));
  /* A word close to an expected keyword is probably that keyword. */
  if (got == YYSYMBOL_IDENT) {
    const char *best = NULL, *word = ac_parse_last_text(st);
    int best_d = 3;
    for (int i = 0; i < n; i++) {
      /* keywords: bison (>= 3.6) names them without quotes */
      if (expected[i] < YYSYMBOL_ACTIVITY || expected[i] > YYSYMBOL_PHASES) continue;
      const char *kw = yysymbol_name(expected[i]);
      size_t kl = strlen(kw);
      if (strchr(kw, ' ')) continue;
      int d = ac_names_edit_distance(word, kw, 2);
      if (d < best_d && d <= (kl <= 3 ? 1 : 2)) {
        best_d = d;
        best = kw;
      }
    }
    if (best) {
      len += (size_t)snprintf(msg + len, sizeof msg - len, _(" (did you mean '%s'?)"), best);
      ac_diag_add(st->diags, AC_SEV_ERROR, AC_E_SYNTAX, st->src, loc, "%s", msg);
      return 0;
    }
  }
  /* A reserved word where a name is expected (in a protocol: a query
   * names nothing new). */
  if (got >= YYSYMBOL_ACTIVITY && got <= YYSYMBOL_PHASES && st->mode == AC_PARSE_PROTOCOL) {
    for (int i = 0; i < n; i++)
      if (expected[i] == YYSYMBOL_IDENT) {
        snprintf(msg + len, sizeof msg - len,
                 _(", expected a name ('%s' is a reserved word: choose another name)"),
                 yysymbol_name(got));
        ac_diag_add(st->diags, AC_SEV_ERROR, AC_E_SYNTAX, st->src, loc, "%s", msg);
        return 0;
      }
  }
  /* Long lists are summarised by what they have in common. */
  bool want_days = false, want_stmt = false, want_answer = false, want_query = false;
  for (int i = 0; i < n; i++) {
    if (expected[i] == YYSYMBOL_FIRST) want_days = true;
    if (expected[i] == YYSYMBOL_EXPLAIN) want_query = true;
    if (expected[i] == YYSYMBOL_ACTIVITY) want_stmt = true;
    if (expected[i] == YYSYMBOL_NEVER) want_answer = true;
  }
  if (n >= ACY_MAX_EXPECTED && want_answer) {
    len += (size_t)snprintf(msg + len, sizeof msg - len, "%s",
                            _(", expected the answer of the expectation: a verdict such as "
                              "'forbidden' or 'allowed', a level such as 'urgent', "
                              "'from day N' or 'never'"));
    n = 0;
  } else if (n >= ACY_MAX_EXPECTED && want_days) {
    len += (size_t)snprintf(msg + len, sizeof msg - len, "%s",
                            _(", expected days such as 'day 4', 'days 0..3', 'first 3 days', "
                              "'after 10 days', 'from day 4' or 'always'"));
    n = 0;
  } else if (n >= ACY_MAX_EXPECTED && want_query) {
    len += (size_t)snprintf(msg + len, sizeof msg - len, "%s",
                            _(", expected a query such as 'can', 'day', 'when', 'symptoms', "
                              "'rules' or 'help'"));
    n = 0;
  } else if (n >= ACY_MAX_EXPECTED && want_stmt) {
    len += (size_t)snprintf(msg + len, sizeof msg - len, "%s",
                            _(", expected a statement such as 'activity', 'rule', 'forbid', "
                              "'allow', 'phase', 'constraint' or 'expect'"));
    n = 0;
  }
  int shown = 0;
  if (n > ACY_MAX_EXPECTED) n = 0; /* more than we list: say nothing of them */
  for (int i = 0; i < n && len < sizeof msg - 64; i++) {
    const char *name = acY_token_name(expected[i], buf, sizeof buf);
    if (shown == 0)
      len += (size_t)snprintf(msg + len, sizeof msg - len, _(", expected %s"), name);
    else if (i == n - 1)
      len += (size_t)snprintf(msg + len, sizeof msg - len, _(" or %s"), name);
    else
      len += (size_t)snprintf(msg + len, sizeof msg - len, ", %s", name);
    shown++;
  }
  ac_diag_add(st->diags, AC_SEV_ERROR, AC_E_SYNTAX, st->src, loc, "%s", msg);
  return 0;
}

static ac_stmt *acY_stmt(ac_parse_state *st, ac_stmt_kind kind, ac_loc loc) {
  ac_stmt *s = ac_arena_alloc(st->arena, sizeof *s);
  s->kind = kind;
  s->loc = loc;
  return s;
}

static void acY_add(ac_parse_state *st, ac_stmt *s) {
  if (st->stmts_tail)
    st->stmts_tail->next = s;
  else
    st->stmts = s;
  st->stmts_tail = s;
  /* Counted here, while the statement is in the cache: a pass over a
   * million statements later is a pass over 150 MB. */
  st->nstmts++;
  if (s->kind == AC_STMT_ACTIVITY || s->kind == AC_STMT_SYMPTOM || s->kind == AC_STMT_FACT) {
    st->ndecls++;
    /* The phrases that name it: its name, its label, its aliases. */
    st->nphrases += s->text.text ? 2 : 1;
    for (const ac_clause *c = s->clauses; c; c = c->next)
      if (c->kind == AC_CLAUSE_ALIASES)
        for (const ac_alias *al = c->aliases; al; al = al->next) st->nphrases++;
  }
  if (s->kind == AC_STMT_EXTENDS && !st->extends) st->extends = s;
  /* The header and extends statements, for the checks of their places. */
  if (s->kind == AC_STMT_HEADER || s->kind == AC_STMT_EXTENDS) {
    s->after_other = st->seen_other;
    ac_vec_push(st->arena, &st->heads, s);
  } else {
    st->seen_other = true;
  }
}

static ac_ident *acY_ident(ac_parse_state *st, const char *name, ac_loc loc) {
  ac_ident *id = ac_arena_alloc(st->arena, sizeof *id);
  id->name = name;
  id->loc = loc;
  return id;
}

/* "a" "b" "c": adjacent strings make one text.  The text being built is
 * kept in a buffer that grows by doubling, so that n strings take linear
 * time, not quadratic. */
/* A rule statement.  Without 'rule NAME:' it starts at the verb (the empty
 * head's location is the end of the previous token). */
static void acY_rule(ac_parse_state *st, ac_ident *name, ac_verdict verb, const char *target,
                     ac_loc target_loc, ac_days *days, ac_clause *clauses, ac_loc loc,
                     ac_loc verb_loc) {
  if (!name) {
    loc.first_line = verb_loc.first_line;
    loc.first_column = verb_loc.first_column;
  }
  ac_stmt *s = acY_stmt(st, AC_STMT_RULE, loc);
  s->name = name;
  s->verb = verb;
  s->target = acY_ident(st, target, target_loc);
  s->days = days;
  s->clauses = clauses;
  acY_add(st, s);
}

static const char *acY_concat(ac_parse_state *st, const char *t, const char *more) {
  size_t len = t == st->text_buf ? st->text_len : strlen(t);
  size_t add = strlen(more);
  if (t != st->text_buf || len + add + 1 > st->text_cap) {
    size_t cap = 2 * (len + add + 1);
    char *buf = ac_arena_alloc(st->arena, cap);
    memcpy(buf, t, len);
    st->text_buf = buf;
    st->text_cap = cap;
  }
  memcpy(st->text_buf + len, more, add + 1);
  st->text_len = len + add;
  return st->text_buf;
}

/* A text and where it is written (a semantic value is one word: the
 * location of a text is its symbol's). */
static ac_text acY_text(const char *text, ac_loc loc) {
  ac_text t = {text, loc};
  return t;
}

/* Multiplies with saturation, so that an absurd week count is reported
 * instead of wrapping. */
static int64_t acY_scale(int64_t v, int64_t scale) {
  if (scale == 1) return v;
  if (v > INT64_MAX / scale) return INT64_MAX;
  if (v < INT64_MIN / scale) return INT64_MIN;
  return v * scale;
}

static ac_expected *acY_expected(ac_parse_state *st, ac_loc loc) {
  ac_expected *x = ac_arena_alloc(st->arena, sizeof *x);
  x->verdict = AC_UNKNOWN;
  x->loc = loc;
  return x;
}

static ac_days *acY_days(ac_parse_state *st, ac_num from, ac_num to, bool open_from,
                         bool open_to, int64_t scale, ac_loc loc, ac_loc from_loc,
                         ac_loc to_loc) {
  ac_days *d = ac_arena_alloc(st->arena, sizeof *d);
  d->from = open_from ? AC_DAY_MIN : acY_scale(from.value, scale);
  d->to = open_to ? AC_DAY_MAX : acY_scale(to.value, scale);
  if (!open_from && from.overflow) d->from = from.value < 0 ? INT64_MIN : INT64_MAX;
  if (!open_to && to.overflow) d->to = to.value < 0 ? INT64_MIN : INT64_MAX;
  d->open_from = open_from;
  d->open_to = open_to;
  d->loc = loc;
  if (ac_days_bound_bad(open_from, d->from) || ac_days_bound_bad(open_to, d->to)) {
    ac_loc *ends = ac_arena_array(st->arena, 2, sizeof *ends);
    ends[0] = from_loc;
    ends[1] = to_loc;
    d->ends = ends;
  }
  return d;
}

static ac_days *acY_days_sugar(ac_parse_state *st, int how, ac_num n,
                              int64_t scale, ac_loc loc, ac_loc nloc) {
  ac_num zero = {0, false}, v = n;
  v.value = acY_scale(n.value, scale);
  if (how == ACY_AFTER && v.value < INT64_MAX) v.value++;
  ac_days *d;
  switch (how) {
  case ACY_FIRST:
    d = acY_days(st, zero, v, false, false, 1, loc, nloc, nloc);
    break;
  case ACY_AFTER:
  case ACY_FROM:
    d = acY_days(st, v, v, false, true, 1, loc, nloc, nloc);
    break;
  default: /* ACY_UNTIL */
    d = acY_days(st, v, v, true, false, 1, loc, nloc, nloc);
    break;
  }
  d->reversed_ok = true; /* "first -2 days" is empty, not reversed */
  return d;
}

static ac_cond *acY_cond(ac_parse_state *st, ac_cond_kind kind, ac_loc loc,
                         ac_cond *a, ac_cond *b) {
  ac_cond *c = ac_arena_alloc(st->arena, sizeof *c);
  c->kind = kind;
  c->loc = loc;
  c->a = a;
  c->b = b;
  /* The depth counts operators (README: at most 1000 nested): a fact,
   * a symptom, true or false is 0; 'not x' is 1. */
  int da = a ? a->depth : 0, db = b ? b->depth : 0;
  c->depth = a || b ? 1 + (da > db ? da : db) : 0;
  if (c->depth == AC_MAX_COND_DEPTH + 1)
    ac_diag_add(st->diags, AC_SEV_ERROR, AC_E_NESTING, st->src, loc,
                _("condition nested more than %d deep"), AC_MAX_COND_DEPTH);
  return c;
}

static ac_cond *acY_fact(ac_parse_state *st, const char *name, ac_loc nloc,
                         ac_cmp cmp, ac_num value, bool is_bool, ac_loc loc) {
  ac_cond *c = acY_cond(st, AC_COND_FACT, loc, NULL, NULL);
  c->name = acY_ident(st, name, nloc);
  c->cmp = cmp;
  c->value = value.value;
  c->value_is_bool = is_bool;
  return c;
}

static ac_clause *acY_clause(ac_parse_state *st, ac_clause_kind kind,
                             ac_loc loc) {
  ac_clause *c = ac_arena_alloc(st->arena, sizeof *c);
  c->kind = kind;
  c->loc = loc;
  return c;
}

static ac_word *acY_word(ac_parse_state *st, const char *text, ac_loc loc) {
  ac_word *w = ac_arena_alloc(st->arena, sizeof *w);
  w->text = text;
  w->loc = loc;
  return w;
}

static ac_phrase *acY_phrase(ac_parse_state *st, ac_word *words, ac_loc loc) {
  ac_phrase *p = ac_arena_alloc(st->arena, sizeof *p);
  p->words = acY_words(words);
  p->loc = loc;
  return p;
}

static ac_query *acY_query(ac_parse_state *st, ac_query_kind kind, ac_loc loc) {
  ac_query *q = ac_arena_alloc(st->arena, sizeof *q);
  q->kind = kind;
  q->loc = loc;
  return q;
}

/* A listing query: every entity of a kind. */
static ac_query *acY_list(ac_parse_state *st, ac_entity_kind kind, ac_loc loc) {
  ac_query *q = acY_query(st, AC_Q_LIST, loc);
  q->list = kind;
  return q;
}

static int64_t acY_checked(ac_parse_state *st, ac_num n, ac_loc loc,
                           int64_t min, int64_t max, const char *what) {
  if (n.overflow || n.value < min || n.value > max) {
    ac_diag_add(st->diags, AC_SEV_ERROR, AC_E_NUMBER, st->src, loc,
                _("%s out of range (it must be between %lld and %lld)"), what,
                (long long)min, (long long)max);
    return n.value < min ? min : max;
  }
  return n.value;
}

/* The scanner's driver (lexer.l). */
int acX_scan(ac_parse_state *st, int (*parse)(void *scanner, ac_parse_state *st));

static int acY_run(void *scanner, ac_parse_state *st) {
  return acY_parse(scanner, st);
}

/* Attaches each comment to the statement it precedes, or to the statement
 * whose last line it ends.  Both lists are in source order: one pass. */
static void acY_attach_comments(ac_parse_state *st) {
  ac_stmt *s = st->stmts;
  ac_comment *c = st->comments;
  while (c && s) {
    /* The comments before the statement, or on one of its lines, joined
     * by line ends in one allocation (linear in their length). */
    ac_comment *end = c;
    size_t len = 0;
    int n = 0;
    for (; end && end->loc.first_line <= s->loc.last_line; end = end->next, n++)
      len += strlen(end->text) + 1;
    if (n == 1) {
      s->comment = c->text;
    } else if (n > 1) {
      char *out = ac_arena_alloc(st->arena, len), *o = out;
      for (; c != end; c = c->next) {
        size_t k = strlen(c->text);
        memcpy(o, c->text, k);
        o += k;
        *o++ = c->next != end ? '\n' : '\0';
      }
      s->comment = out;
    }
    c = end;
    s = s->next;
  }
}

static void acY_init(ac_parse_state *st, ac_arena *a, ac_source *src,
                     ac_diags *d, ac_parse_mode mode) {
  memset(st, 0, sizeof *st);
  st->arena = a;
  st->src = src;
  st->text = src->text;
  st->len = src->len;
  st->diags = d;
  st->mode = mode;
  st->line = 1;
  st->column = 1;
}

const char *ac_parse_last_text(ac_parse_state *st) {
  size_t max = sizeof st->last_text - 4, n = st->last_len < max ? st->last_len : max;
  if (n > 0) memcpy(st->last_text, st->last_tok, n);
  if (n < st->last_len)
    memcpy(st->last_text + n, "...", 4);
  else
    st->last_text[n] = '\0';
  return st->last_text;
}

/* A NUL byte means the file is not text: one error, not thousands (a
 * query, a C string, has none). */
static bool acY_is_text(const ac_source *src, ac_diags *d) {
  const char *nul = memchr(src->text, '\0', src->len);
  if (!nul) return true;
  size_t off = (size_t)(nul - src->text);
  ac_loc loc = {1, 1, 1, 2};
  size_t start = 0;
  for (const char *p = src->text; (p = memchr(p, '\n', (size_t)(nul - p))); p++) {
    if (loc.first_line < INT_MAX) loc.first_line++;
    start = (size_t)(p - src->text) + 1;
  }
  loc.last_line = loc.first_line;
  loc.first_column = 1 + ac_utf8_width(src->text + start, off - start);
  loc.last_column = loc.first_column + 1;
  ac_diag_add(d, AC_SEV_ERROR, AC_E_ENCODING, src, loc,
              _("this is not a text file (it contains a NUL byte)"));
  return false;
}

ac_file *ac_parse_protocol(ac_arena *a, ac_source *src, ac_diags *d) {
  ac_file *f = ac_arena_alloc(a, sizeof *f);
  f->src = src;
  if (!acY_is_text(src, d)) {
    f->syntax_errors = 1;
    return f;
  }
  ac_parse_state st;
  acY_init(&st, a, src, d, AC_PARSE_PROTOCOL);
  int errors = d->errors;
  acX_scan(&st, acY_run);
  f->syntax_errors = d->errors - errors;
  acY_attach_comments(&st);
  f->stmts = st.stmts;
  f->nstmts = st.nstmts;
  f->ndecls = st.ndecls;
  f->nphrases = st.nphrases;
  f->extends = st.extends;
  f->heads = st.heads;
  f->comments = st.comments;
  return f;
}

ac_query *ac_parse_query(ac_arena *a, ac_source *src, ac_diags *d) {
  /* A query is a C string (parse.h): no NUL byte to look for. */
  ac_parse_state st;
  acY_init(&st, a, src, d, AC_PARSE_QUERY);
  int errors = d->errors;
  int r = acX_scan(&st, acY_run);
  if (r != 0 || d->errors > errors) return NULL;
  return st.query;
}
