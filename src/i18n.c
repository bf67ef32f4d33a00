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
#define AC_I18N_BITS 11
#define AC_I18N_SLOTS (1 << AC_I18N_BITS)

static _Atomic(const ac_i18n_record *) ac_i18n_table[AC_I18N_SLOTS];

/* The message's slot, where its search starts: the top bits of its address
 * times 2^64 / phi (Fibonacci hashing).  Short messages lie a few bytes
 * apart, and their addresses' low bits alone would put several in a
 * slot. */
static size_t ac_i18n_slot(const char *msgid) {
  return (size_t)(((uint64_t)(uintptr_t)msgid * UINT64_C(0x9E3779B97F4A7C15)) >>
                  (64 - AC_I18N_BITS));
}

/* The search from the message's slot on: a record met, or one made and
 * published.  It is kept apart from ac_i18n_text, whose calls after a
 * message's first find it in its own slot: those need only a few
 * instructions (no registers to save, no loop). */
static const char *__attribute__((noinline)) ac_i18n_search(const char *msgid) {
  size_t h = ac_i18n_slot(msgid);
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

const char *ac_i18n_text(const char *msgid) {
  const ac_i18n_record *r =
      atomic_load_explicit(&ac_i18n_table[ac_i18n_slot(msgid)], memory_order_acquire);
  if (r && r->msgid == msgid) return r->text;
  return ac_i18n_search(msgid);
}
