/*
 * entity.c -- the names of the kinds of entities, from kinds.def; see
 * entity.h.
 */
#include "config.h"

#include "entity.h"

#include <stddef.h>
#include <string.h>

#include "i18n.h"

static const struct {
  const char *word, *with_article, *plural;
} ac_kinds[] = {
#define AC_KIND(name, word, with_article, plural) {word, with_article, plural},
#include "kinds.def"
};

const char *ac_entity_kind_name(ac_entity_kind k) {
  return (unsigned)k < AC_ENT_COUNT ? _(ac_kinds[k].word) : "?";
}

const char *ac_entity_kind_word(ac_entity_kind k) {
  return (unsigned)k < AC_ENT_COUNT ? ac_kinds[k].word : "?";
}

const char *ac_entity_kind_a(ac_entity_kind k) {
  return (unsigned)k < AC_ENT_COUNT ? _(ac_kinds[k].with_article) : "?";
}

const char *ac_entity_kind_plural(ac_entity_kind k) {
  return (unsigned)k < AC_ENT_COUNT ? ac_kinds[k].plural : NULL;
}

ac_entity_kind ac_entity_kind_of_plural(const char *plural) {
  for (int k = 0; k < AC_ENT_COUNT; k++)
    if (ac_kinds[k].plural && strcmp(ac_kinds[k].plural, plural) == 0) return (ac_entity_kind)k;
  return AC_ENT_COUNT;
}
