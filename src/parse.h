/*
 * parse.h -- the parser's entry points (grammar/parser.y, grammar/lexer.l).
 *
 * One grammar serves both protocol files and queries: the lexer hands the
 * parser a start token that selects which.  Syntax errors are reported to
 * the diagnostics list; the parser recovers and goes on, so one run reports
 * every error of a file (up to the diagnostics limit).
 */
#ifndef AC_PARSE_H
#define AC_PARSE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "diagnostic.h"
#include "source.h"

/* Limits, each reported with a clear error (AC0007, AC0008). */
#define AC_MAX_NESTING 64          /* brackets in a condition */
#define AC_MAX_COND_DEPTH 1000     /* operators in one condition, nested */
#define AC_MAX_IDENT_LENGTH 256    /* characters of an identifier */
#define AC_MAX_STRING_LENGTH 65536 /* bytes of a string literal */

/* Which language a source holds. */
typedef enum ac_parse_mode {
  AC_PARSE_PROTOCOL, /* a protocol file */
  AC_PARSE_QUERY     /* one query (command line, REPL, batch line) */
} ac_parse_mode;

/* State shared by the lexer and the parser for one source. */
typedef struct ac_parse_state {
  ac_arena *arena;
  const ac_source *src;
  ac_diags *diags;
  ac_parse_mode mode;
  bool start_sent;  /* the start token has been handed out */
  bool fatal;       /* stop: a limit was hit; no more syntax errors */
  int paren_depth;
  int line, column; /* where the next token starts */
  int blanks;       /* blanks matched before the current token */
  bool last_was_number; /* the last token read is a number */
  const char *last_tok; /* the last token read, in the source (not a string) */
  size_t last_len;
  char last_text[48]; /* its text for a message: see ac_parse_last_text */
  ac_loc cur_loc, prev_loc; /* the last two tokens (lookahead, and before) */
  bool lookahead_starts_line; /* the last token read is first on its line */
  ac_loc brace_loc;  /* the outermost '{' still open */
  int brace_depth;
  int syntax_errors;
  ac_loc lex_error_loc; /* the last lexical error (a skipped character, an
                         * unterminated string): a syntax error right after
                         * it is its consequence, not reported */
  char *text_buf;    /* the text of adjacent strings being joined */
  size_t text_len, text_cap;
  /* Results */
  ac_stmt *stmts, *stmts_tail;
  size_t nstmts, ndecls; /* see ac_file */
  const ac_stmt *extends;
  ac_vec heads;     /* see ac_file */
  bool seen_other;  /* a statement other than a header or extends so far */
  ac_comment *comments, *comments_tail;
  ac_query *query;
} ac_parse_state;

/* Locations and token values written whole, each 16 bytes in one store.
 * The parser copies them 16 bytes at a time right after they are written
 * (a token's value and location at its shift, a rule's location after its
 * reduction), and a load that reads what several smaller stores have just
 * written waits for them to reach the cache (a failed store forwarding:
 * 12 to 15 cycles, a tenth of the time of checking a large protocol). */
#if defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 12)
typedef int ac_loc_vec __attribute__((vector_size(16)));
static inline void ac_loc_store(ac_loc *l, int first_line, int first_column,
                                int last_line, int last_column) {
  ac_loc_vec v = {first_line, first_column, last_line, last_column};
  memcpy(l, &v, sizeof v);
}
/* From the start of a to the end of b. */
static inline void ac_loc_span(ac_loc *l, const ac_loc *a, const ac_loc *b) {
  ac_loc_vec va, vb;
  memcpy(&va, a, sizeof va);
  memcpy(&vb, b, sizeof vb);
  ac_loc_vec v = __builtin_shufflevector(va, vb, 0, 1, 6, 7);
  memcpy(l, &v, sizeof v);
}
/* Empty, at the end of a. */
static inline void ac_loc_end(ac_loc *l, const ac_loc *a) {
  ac_loc_vec va;
  memcpy(&va, a, sizeof va);
  ac_loc_vec v = __builtin_shufflevector(va, va, 2, 3, 2, 3);
  memcpy(l, &v, sizeof v);
}
#else
static inline void ac_loc_store(ac_loc *l, int first_line, int first_column,
                                int last_line, int last_column) {
  l->first_line = first_line;
  l->first_column = first_column;
  l->last_line = last_line;
  l->last_column = last_column;
}
static inline void ac_loc_span(ac_loc *l, const ac_loc *a, const ac_loc *b) {
  ac_loc_store(l, a->first_line, a->first_column, b->last_line, b->last_column);
}
static inline void ac_loc_end(ac_loc *l, const ac_loc *a) {
  ac_loc_store(l, a->last_line, a->last_column, a->last_line, a->last_column);
}
#endif

/* A token's value whose first 8 bytes are a pointer (a text, days),
 * written as 16 bytes in one store (the parser copies it 16 bytes at a
 * time); where 16-byte stores or 64-bit pointers are not, as the pointer. */
#if (defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 12)) && UINTPTR_MAX == UINT64_MAX
#define AC_VALUE_WHOLE 1
typedef uint64_t ac_word_pair __attribute__((vector_size(16)));
#define AC_VALUE_PTR(value, member, p)                                       \
  do {                                                                       \
    ac_word_pair v_ = {(uint64_t)(uintptr_t)(p), 0};                         \
    memcpy((value), &v_, sizeof v_);                                         \
  } while (0)
#else
#define AC_VALUE_PTR(value, member, p) ((value)->member = (p))
#endif

/* Whether word is a keyword of protocols, and how many there are (the
 * scanner's table; for tests). */
int acX_is_protocol_keyword(const char *word);
int acX_protocol_keyword_count(void);

/* The text of the last token read, cut to fit a message ("..." marks a
 * cut); valid until the next call. */
const char *ac_parse_last_text(ac_parse_state *st);

/* Parses a protocol file.  Never NULL; errors go to diags. */
ac_file *ac_parse_protocol(ac_arena *a, const ac_source *src, ac_diags *d);

/* Parses one query; NULL if it has syntax errors (reported to diags). */
ac_query *ac_parse_query(ac_arena *a, const ac_source *src, ac_diags *d);

#endif
