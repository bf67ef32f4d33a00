/*
 * i18n.h -- marks user-facing text for GNU gettext.
 *
 * Every message a person reads goes through _(): translating the program
 * later needs a catalogue, not a code change.  N_() marks text in tables.
 */
#ifndef AC_I18N_H
#define AC_I18N_H

#include <libintl.h>

#define _(text) dgettext(PACKAGE, text)
#define N_(text) text
#define P_(one, many, n) dngettext(PACKAGE, one, many, n)

#endif
