/*
 * level.h -- the triage levels of symptoms (levels.def).
 */
#ifndef AC_LEVEL_H
#define AC_LEVEL_H

/* From the mildest. */
typedef enum ac_level {
#define AC_LEVEL(name, word, token, plan_word) AC_LEVEL_##name,
#include "levels.def"
  AC_NLEVELS /* number of levels */
} ac_level;

/* The level as written: "urgent" (answers, JSON, `level urgent`). */
const char *ac_level_name(ac_level l);

/* The same in the reader's language, for text answers ("à surveiller"). */
const char *ac_level_text(ac_level l);

/* The plan's words for it ("keep an eye on it"), to be translated. */
const char *ac_level_plan_word(ac_level l);

#endif
