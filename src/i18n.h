/*
 * i18n.h -- marks user-facing text for GNU gettext.
 *
 * Every message a person reads goes through _(): translating the program
 * later needs a catalogue, not a code change.  N_() marks text in tables;
 * P_() chooses a plural.  The language is the process's (its locale, or
 * LANGUAGE), fixed by the first translation: set the locale before the
 * first message.  A plan has its own language (plan.c looks its words up
 * in the catalogue of the plan's language).
 */
#ifndef AC_I18N_H
#define AC_I18N_H

#include <libintl.h>

/* The translation of a message, remembered by the message's address (the
 * text of a string literal: the same address at every call). */
const char *ac_i18n_text(const char *msgid) __attribute__((format_arg(1)));

#define _(text) ac_i18n_text(text)
#define N_(text) text
#define P_(one, many, n) dngettext(PACKAGE, one, many, n)

#endif
