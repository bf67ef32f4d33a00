/*
 * keyword.c -- the table of keywords, made from keywords.def, verdicts.def,
 * levels.def and intensities.def; see keyword.h.
 *
 * A lookup hashes the word into a slot of an index made at build time
 * (build-aux/keyword-index.sh): one slot, one comparison.
 */
#include "config.h"

#include "keyword.h"

#include <string.h>

#include "i18n.h"
#include "intensity.h"
#include "level.h"
#include "parser.h"
#include "verdict.h"

static const ac_keyword ac_keywords[] = {
#define AC_KEYWORD(word, token, languages, cls, roles) \
  {word, sizeof word - 1, token, languages, AC_KWC_##cls, roles},
#include "keywords.def"
#define AC_VERDICT(name, word, word_token, verb, verb_token, heading, change, change_one, plan_rank, \
                   change_rank) \
  {word, sizeof word - 1, word_token, AC_KW_PROTOCOL, AC_KWC_VERDICT, 0},
#include "verdicts.def"
#define AC_VERDICT(name, word, word_token, verb, verb_token, heading, change, change_one, plan_rank, \
                   change_rank) \
  {verb, verb_token ? sizeof verb - 1 : 0, verb_token, AC_KW_PROTOCOL, AC_KWC_VERB, AC_KW_STARTS},
#include "verdicts.def"
#define AC_LEVEL(name, word, token, plan_word) \
  {token ? word : NULL, sizeof word - 1, token, AC_KW_PROTOCOL, AC_KWC_LEVEL, 0},
#include "levels.def"
#define AC_INTENSITY(name, word, token, plan_format) \
  {word, token ? sizeof word - 1 : 0, token, AC_KW_PROTOCOL, AC_KWC_INTENSITY, 0},
#include "intensities.def"
};
#define AC_NKEYWORDS (sizeof ac_keywords / sizeof *ac_keywords)

static const char *const ac_class_names[] = {
    [AC_KWC_STATEMENT] = "statement", [AC_KWC_FIELD] = "field",   [AC_KWC_VERB] = "verb",
    [AC_KWC_CLAUSE] = "clause",       [AC_KWC_DAYS] = "days",     [AC_KWC_TYPE] = "type",
    [AC_KWC_OPERATOR] = "operator",   [AC_KWC_QUERY] = "query",   [AC_KWC_VERDICT] = "verdict",
    [AC_KWC_ANSWER] = "answer",       [AC_KWC_LEVEL] = "level",   [AC_KWC_INTENSITY] = "intensity",
    [AC_KWC_BOOLEAN] = "boolean",
};

/* The index (made at build time from the same tables): a hash with no
 * collisions, so that a word has one slot to look at, and a table that
 * needs no building. */
#include "src/keyword_index.h"
_Static_assert(AC_NKEYWORDS == AC_KEYWORD_ENTRIES, "keyword_index.h is of other tables");

/* The keyword in the slot of a word of 2 to AC_KEYWORD_MAX_LEN bytes, if
 * any: the word is that keyword if it is spelt like it.  The hash reads
 * letters in any case (a letter with 0x20, as every keyword is written). */
static inline const ac_keyword *ac_keyword_slot_of(const unsigned char *w, size_t len) {
  unsigned h = ((unsigned)len * AC_KEYWORD_HASH_LEN + (w[0] | 0x20u) * AC_KEYWORD_HASH_FIRST +
                (w[len / 2] | 0x20u) * AC_KEYWORD_HASH_MIDDLE + (w[len - 1] | 0x20u)) %
               AC_KEYWORD_SLOTS;
  unsigned i = ac_keyword_slot[h];
  if (!i) return NULL;
  const ac_keyword *k = &ac_keywords[i - 1];
  return k->len == len ? k : NULL;
}

const ac_keyword *ac_keyword_find(const char *word, size_t len, int language) {
  if (len < 2 || len > AC_KEYWORD_MAX_LEN) return NULL;
  const ac_keyword *k = ac_keyword_slot_of((const unsigned char *)word, len);
  if (!k || memcmp(k->word, word, len) != 0) return NULL;
  return k->languages & language ? k : NULL;
}

const ac_keyword *ac_keyword_find_any_case(const char *word, size_t len, int language) {
  if (len < 2 || len > AC_KEYWORD_MAX_LEN) return NULL;
  const unsigned char *w = (const unsigned char *)word;
  const ac_keyword *k = ac_keyword_slot_of(w, len);
  if (!k) return NULL;
  /* A keyword is small letters: a byte with 0x20 is one of them only if
   * it is that letter, small or capital. */
  for (size_t i = 0; i < len; i++)
    if ((w[i] | 0x20u) != (unsigned char)k->word[i]) return NULL;
  return k->languages & language ? k : NULL;
}

const ac_keyword *ac_keyword_all(size_t *n) {
  *n = AC_NKEYWORDS;
  return ac_keywords;
}

const char *ac_keyword_class_name(ac_keyword_class c) {
  return (unsigned)c < AC_KWC_COUNT ? ac_class_names[c] : "?";
}

bool ac_keyword_has_role(const char *word, size_t len, int roles) {
  const ac_keyword *k = ac_keyword_find(word, len, AC_KW_PROTOCOL);
  return k && (k->roles & roles) != 0;
}

json_t *ac_keyword_json(void) {
  json_t *o = json_object(), *keywords = json_array();
  for (size_t i = 0; i < AC_NKEYWORDS; i++) {
    const ac_keyword *k = &ac_keywords[i];
    if (!k->word) continue;
    json_t *kw = json_object();
    json_object_set_new(kw, "word", json_string(k->word));
    json_object_set_new(kw, "class", json_string(ac_keyword_class_name(k->cls)));
    json_object_set_new(kw, "protocol", json_boolean(k->languages & AC_KW_PROTOCOL));
    json_object_set_new(kw, "query", json_boolean(k->languages & AC_KW_QUERY));
    json_object_set_new(kw, "starts_statement", json_boolean(k->roles & AC_KW_STARTS));
    json_array_append_new(keywords, kw);
  }
  json_object_set_new(o, "keywords", keywords);
  json_t *verdicts = json_array(), *levels = json_array(), *intensities = json_array();
  for (int v = 0; v < AC_NVERDICTS; v++) {
    json_t *vo = json_object();
    const char *verb = ac_verdict_verb((ac_verdict)v);
    json_object_set_new(vo, "name", json_string(ac_verdict_name((ac_verdict)v)));
    json_object_set_new(vo, "verb", verb ? json_string(verb) : json_null());
    json_array_append_new(verdicts, vo);
  }
  for (int l = 0; l < AC_NLEVELS; l++)
    json_array_append_new(levels, json_string(ac_level_name((ac_level)l)));
  for (int i = 0; i < AC_NINTENSITIES; i++)
    if (ac_intensity_name((ac_intensity)i))
      json_array_append_new(intensities, json_string(ac_intensity_name((ac_intensity)i)));
  json_object_set_new(o, "verdicts", verdicts);
  json_object_set_new(o, "levels", levels);
  json_object_set_new(o, "intensities", intensities);
  return o;
}
