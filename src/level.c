/*
 * level.c -- the words of triage levels, from levels.def; see level.h.
 */
#include "config.h"

#include "level.h"

#include "i18n.h"

static const struct {
  const char *word, *plan_word;
} ac_levels[] = {
#define AC_LEVEL(name, word, token, plan_word) {word, plan_word},
#include "levels.def"
};

const char *ac_level_name(ac_level l) {
  return (unsigned)l < AC_NLEVELS ? ac_levels[l].word : "?";
}

const char *ac_level_text(ac_level l) {
  return _(ac_level_name(l));
}

const char *ac_level_plan_word(ac_level l) {
  return (unsigned)l < AC_NLEVELS ? ac_levels[l].plan_word : "?";
}
