/*
 * ical.c -- libical, opened when a calendar is written; see ical.h.
 */
#include "config.h"

#include "ical.h"

#include <dlfcn.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* Each function of the table, by name and place. */
#define AC_ICAL_ENTRY(name) {"ical" #name, offsetof(ac_ical, name)}
static const struct {
  const char *symbol;
  size_t offset;
} ac_ical_symbols[] = {
    AC_ICAL_ENTRY(component_new_vcalendar), AC_ICAL_ENTRY(component_new_vevent),
    AC_ICAL_ENTRY(component_new_valarm),    AC_ICAL_ENTRY(component_add_property),
    AC_ICAL_ENTRY(component_add_component), AC_ICAL_ENTRY(component_as_ical_string_r),
    AC_ICAL_ENTRY(component_free),          AC_ICAL_ENTRY(property_new_prodid),
    AC_ICAL_ENTRY(property_new_version),    AC_ICAL_ENTRY(property_new_calscale),
    AC_ICAL_ENTRY(property_new_method),     AC_ICAL_ENTRY(property_new_x),
    AC_ICAL_ENTRY(property_set_x_name),     AC_ICAL_ENTRY(property_new_uid),
    AC_ICAL_ENTRY(property_new_dtstamp),    AC_ICAL_ENTRY(property_new_dtstart),
    AC_ICAL_ENTRY(property_new_dtend),      AC_ICAL_ENTRY(property_new_summary),
    AC_ICAL_ENTRY(property_new_description), AC_ICAL_ENTRY(property_new_transp),
    AC_ICAL_ENTRY(property_new_class),      AC_ICAL_ENTRY(property_new_action),
    AC_ICAL_ENTRY(property_new_trigger),    AC_ICAL_ENTRY(time_null_date),
    AC_ICAL_ENTRY(time_null_time),          AC_ICAL_ENTRY(time_from_timet_with_zone),
    AC_ICAL_ENTRY(timezone_get_utc_timezone), AC_ICAL_ENTRY(durationtype_from_int),
};

bool ac_ical_open(ac_ical *ic, const char **why) {
  const char *file = getenv("AFTERCARE_LIBICAL");
  if (!file || !*file) file = AC_ICAL_SONAME;
  void *lib = dlopen(file, RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    *why = dlerror();
    return false;
  }
  size_t n = sizeof ac_ical_symbols / sizeof *ac_ical_symbols;
  _Static_assert(sizeof ac_ical_symbols / sizeof *ac_ical_symbols ==
                     sizeof(ac_ical) / sizeof(void (*)(void)),
                 "every function of ac_ical has its symbol");
  for (size_t i = 0; i < n; i++) {
    dlerror();
    void *fn = dlsym(lib, ac_ical_symbols[i].symbol);
    if (!fn) {
      *why = dlerror();
      if (!*why) *why = ac_ical_symbols[i].symbol;
      return false;
    }
    /* A function's address, as dlsym gives it (POSIX: a data pointer of
     * the same representation). */
    memcpy((char *)ic + ac_ical_symbols[i].offset, &fn, sizeof fn);
  }
  return true;
}
