/*
 * i18n.h -- marks user-facing text for GNU gettext.
 *
 * Every message a person reads goes through _(): translating the program
 * later needs a catalogue, not a code change.  N_() marks text in tables;
 * P_() chooses a plural.  Translations are looked up once per message and
 * thread, then remembered by the message's address (batch mode answers a
 * million queries a second): set the locale before the first message.
 */
#ifndef AC_I18N_H
#define AC_I18N_H

#include <libintl.h>
#include <stdint.h>

__attribute__((format_arg(1))) static inline const char *ac_gettext(const char *msgid) {
  static __thread struct {
    const char *msgid, *text;
  } cache[128];
  size_t h = ((uintptr_t)msgid >> 4) & 127;
  if (cache[h].msgid != msgid) {
    cache[h].msgid = msgid;
    cache[h].text = dgettext(PACKAGE, msgid);
  }
  return cache[h].text;
}

#define _(text) ac_gettext(text)
#define N_(text) text
#define P_(one, many, n) dngettext(PACKAGE, one, many, n)

#endif
