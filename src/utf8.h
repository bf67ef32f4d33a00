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

#endif
