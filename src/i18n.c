/*
 * i18n.c -- translations of messages, looked up once each; see i18n.h.
 *
 * gettext costs more than the answer it translates (it reads the
 * environment and takes a lock on every call), and a batch answers a
 * million queries a second.  A translation is remembered by the address of
 * its message: a table of records, each written once and never changed or
 * freed, that threads share without a lock (a record is published with an
 * atomic compare-and-swap).  Messages beyond the table's room are looked up
 * every time.
 */
#include "config.h"

#include "i18n.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>

typedef struct ac_i18n_record {
  const char *msgid, *text;
} ac_i18n_record;

/* Room for every message of the program, twice over. */
#define AC_I18N_SLOTS 2048

static _Atomic(const ac_i18n_record *) ac_i18n_table[AC_I18N_SLOTS];

const char *ac_i18n_text(const char *msgid) {
  size_t h = ((uintptr_t)msgid >> 3) % AC_I18N_SLOTS;
  for (size_t probes = 0; probes < 16; probes++, h = (h + 1) % AC_I18N_SLOTS) {
    const ac_i18n_record *r = atomic_load_explicit(&ac_i18n_table[h], memory_order_acquire);
    if (r && r->msgid == msgid) return r->text;
    if (r) continue;
    ac_i18n_record *mine = malloc(sizeof *mine);
    if (!mine) break;
    mine->msgid = msgid;
    mine->text = dgettext(PACKAGE, msgid);
    const ac_i18n_record *expected = NULL;
    if (atomic_compare_exchange_strong_explicit(&ac_i18n_table[h], &expected, mine,
                                                memory_order_acq_rel, memory_order_acquire))
      return mine->text;
    /* Another thread filled the slot first: its record, or probe on. */
    free(mine);
    if (expected->msgid == msgid) return expected->text;
  }
  return dgettext(PACKAGE, msgid);
}
