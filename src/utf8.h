/*
 * utf8.h -- UTF-8: valid sequences, and widths in characters.
 */
#ifndef AC_UTF8_H
#define AC_UTF8_H

#include <stddef.h>

/* Number of characters (UTF-8 sequences; each invalid byte counts one) in
 * the first n bytes of p. */
int ac_utf8_width(const char *p, size_t n);

/* Length of the valid UTF-8 sequence starting at p (at most n bytes), or 0
 * if the bytes there are not valid UTF-8. */
size_t ac_utf8_valid_seq(const unsigned char *p, size_t n);

/* What a character is in a word of a query (see docs/queries.md). */
typedef enum ac_word_char {
  AC_CH_OTHER, /* not part of a word (or not valid UTF-8) */
  AC_CH_WORD,  /* an ASCII letter, digit or '_', or a Unicode letter, mark or number */
  AC_CH_JOIN   /* between two letters of a word: '-', '\'', U+2019, U+2010, U+2011 */
} ac_word_char;

/* The kind of the character at p (n > 0 bytes left); *len: its length in
 * bytes (1 for a byte that is not valid UTF-8). */
ac_word_char ac_utf8_word_char(const unsigned char *p, size_t n, size_t *len);

/* The length of the word at the start of p (n bytes): word characters, a
 * joiner only between two of them; 0 when p does not start with a word
 * character. */
size_t ac_utf8_word_end(const char *p, size_t n);

#endif
