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
  char *text;       /* the source's text, scanned in place */
  size_t len;
  ac_diags *diags;
  ac_parse_mode mode;
  bool start_sent;  /* the start token has been handed out */
  bool fatal;       /* stop: a limit was hit; no more syntax errors */
  bool at_end;      /* the scanner has read the end of the source */
  bool draining;    /* the parse is over: the scanner reads to the end */
  int paren_depth;
  int line, column; /* where the next token starts */
  /* The rest of a run of word characters that is still to be read, word
   * by word (acX_pieces): "a\u00D7b\u00D7c" is matched once, not once a
   * word, or a long run would be scanned again for each of its words. */
  const char *rest;
  size_t rest_len;
  int rest_line, rest_column;
  const char *last_tok; /* the last token read, in the source (not a string) */
  size_t last_len;
  char last_text[48]; /* its text for a message: see ac_parse_last_text */
  ac_loc cur_loc, prev_loc; /* the last two tokens (lookahead, and before):
                             * the lookahead is first on its line if it
                             * starts below the line where prev_loc ends */
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
  size_t nstmts, ndecls, nphrases; /* see ac_file */
  const ac_stmt *extends;
  ac_vec heads;     /* see ac_file */
  bool seen_other;  /* a statement other than a header or extends so far */
  ac_comment *comments, *comments_tail;
  ac_query *query;
  bool in_when;      /* the query is a 'when' query (its syntax errors say so) */
} ac_parse_state;

/* A location from its four numbers. */
static inline void ac_loc_store(ac_loc *l, int first_line, int first_column,
                                int last_line, int last_column) {
  l->first_line = first_line;
  l->first_column = first_column;
  l->last_line = last_line;
  l->last_column = last_column;
}

/* Reports the first character of a word (len bytes at text, at loc) that
 * an identifier cannot have, as the scanner reports a character outside
 * any word (AC0002). */
void acX_bad_in_word(ac_parse_state *st, const char *text, size_t len, ac_loc loc);

/* Whether word is a keyword of protocols (the scanner's table). */
int acX_is_protocol_keyword(const char *word);

/* The text of the last token read, cut to fit a message ("..." marks a
 * cut); valid until the next call. */
const char *ac_parse_last_text(ac_parse_state *st);

/* Parses a protocol file.  Never NULL; errors go to diags.  The text of
 * src is scanned in place: it is as it was when this returns. */
ac_file *ac_parse_protocol(ac_arena *a, ac_source *src, ac_diags *d);

/* Parses one query; NULL if it has syntax errors (reported to diags).  Its
 * text is a C string's (aftercare_ask, an expectation's query): it holds
 * no NUL byte, which a protocol's text is searched for (a binary file). */
ac_query *ac_parse_query(ac_arena *a, ac_source *src, ac_diags *d);

#endif
