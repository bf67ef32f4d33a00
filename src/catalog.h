/*
 * catalog.h -- a message catalogue of one language, for one call: the
 * words of a plan in the plan's language, whatever the process's.
 *
 * gettext has one language for the whole process (its locale, or the
 * LANGUAGE variable, which no thread may change for itself); a plan is in
 * the language of its protocol.  Its catalogue is read here, from the file
 * gettext would read (DIR/LANG/LC_MESSAGES/aftercare.mo, DIR being where
 * the program bound the domain), into the call's arena.
 */
#ifndef AC_CATALOG_H
#define AC_CATALOG_H

#include "arena.h"

typedef struct ac_catalog ac_catalog;

/* The catalogue of `language` ("fr", "fr_FR"; for "fr_FR" without a
 * catalogue of its own, that of "fr"), or NULL if there is none (or it is
 * not UTF-8). */
const ac_catalog *ac_catalog_load(ac_arena *a, const char *language);

/* Reads every catalogue installed (every LANG of DIR/LANG/LC_MESSAGES)
 * and keeps them for the process: from then on ac_catalog_load reads no
 * file, and gives a kept catalogue or NULL.  Returns how many were kept;
 * -1 when called before. */
int ac_catalog_keep_all(void);

/* The translation of msgid, or msgid itself. */
const char *ac_catalog_text(const ac_catalog *c, const char *msgid);

#endif
