/*
 * utf8.c -- UTF-8 sequences and widths; see utf8.h.
 */
#include "config.h"

#include "utf8.h"

#include <stdbool.h>

#include <unictype.h>

size_t ac_utf8_valid_seq(const unsigned char *p, size_t n) {
  if (n == 0) return 0;
  unsigned c = p[0];
  if (c < 0x80) return 1;
  size_t need;
  unsigned min;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
    min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (n < need) return 0;
  unsigned cp = c & (0x7F >> need);
  for (size_t i = 1; i < need; i++) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return need;
}

int ac_utf8_width(const char *p, size_t n) {
  const unsigned char *u = (const unsigned char *)p;
  int w = 0;
  size_t i = 0;
  while (i < n) {
    size_t k = ac_utf8_valid_seq(u + i, n - i);
    i += k ? k : 1;
    if (w < 0x7FFFFFFF) w++;
  }
  return w;
}

ac_word_char ac_utf8_word_char(const unsigned char *p, size_t n, size_t *len) {
  unsigned c = p[0];
  *len = 1;
  if (c < 0x80) {
    if (c == '-' || c == '\'') return AC_CH_JOIN;
    if (c == '_' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
      return AC_CH_WORD;
    return AC_CH_OTHER;
  }
  size_t k = ac_utf8_valid_seq(p, n);
  if (!k) return AC_CH_OTHER;
  *len = k;
  ucs4_t cp = c & (0x7F >> k);
  for (size_t i = 1; i < k; i++) cp = (cp << 6) | (p[i] & 0x3F);
  if (cp == 0x2019 || cp == 0x2010 || cp == 0x2011) return AC_CH_JOIN;
  if (uc_is_general_category_withtable(cp, UC_CATEGORY_MASK_L | UC_CATEGORY_MASK_M |
                                               UC_CATEGORY_MASK_N))
    return AC_CH_WORD;
  return AC_CH_OTHER;
}

size_t ac_utf8_word_end(const char *p, size_t n) {
  const unsigned char *u = (const unsigned char *)p;
  size_t i = 0, end = 0;
  bool after_letter = false;
  while (i < n) {
    size_t k;
    ac_word_char kind = ac_utf8_word_char(u + i, n - i, &k);
    if (kind == AC_CH_WORD) {
      i += k;
      end = i;
      after_letter = true;
    } else if (kind == AC_CH_JOIN && after_letter) {
      i += k;
      after_letter = false;
    } else {
      break;
    }
  }
  return end;
}
