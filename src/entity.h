/*
 * entity.h -- the kinds of things a name stands for (kinds.def).
 */
#ifndef AC_ENTITY_H
#define AC_ENTITY_H

typedef enum ac_entity_kind {
#define AC_KIND(name, word, with_article, plural) AC_ENT_##name,
#include "kinds.def"
  AC_ENT_COUNT /* number of kinds */
} ac_entity_kind;

/* The kind in messages, translated: "activity", "symptom rule". */
const char *ac_entity_kind_name(ac_entity_kind k);
/* The kind as a word of JSON, never translated: "activity", "symptom rule". */
const char *ac_entity_kind_word(ac_entity_kind k);
/* The same with its article: "an activity", "a group". */
const char *ac_entity_kind_a(ac_entity_kind k);
/* The kind's plural in aftercare_names() and JSON ("activities"), or NULL. */
const char *ac_entity_kind_plural(ac_entity_kind k);
/* The kind of a plural ("rules"), or AC_ENT_COUNT. */
ac_entity_kind ac_entity_kind_of_plural(const char *plural);

#endif
