/*
 * ical.h -- libical, opened when a calendar is written.
 *
 * aftercare does not link libical: with it the dynamic loader would map
 * ICU and libstdc++ at every start, and a one-shot query would spend more
 * time loading them than answering (docs/performance.md).  A calendar
 * (`plan --format ics`) opens the library with dlopen(3) and calls it
 * through this table, whose types are those of libical's own header.
 */
#ifndef AC_ICAL_H
#define AC_ICAL_H

#include <libical/ical.h>
#include <stdbool.h>

#define AC_ICAL_FN(name) __typeof__(ical##name) *name
typedef struct ac_ical {
  AC_ICAL_FN(component_new_vcalendar);
  AC_ICAL_FN(component_new_vevent);
  AC_ICAL_FN(component_new_valarm);
  AC_ICAL_FN(component_add_property);
  AC_ICAL_FN(component_add_component);
  AC_ICAL_FN(component_as_ical_string_r);
  AC_ICAL_FN(component_free);
  AC_ICAL_FN(property_new_prodid);
  AC_ICAL_FN(property_new_version);
  AC_ICAL_FN(property_new_calscale);
  AC_ICAL_FN(property_new_method);
  AC_ICAL_FN(property_new_x);
  AC_ICAL_FN(property_set_x_name);
  AC_ICAL_FN(property_new_uid);
  AC_ICAL_FN(property_new_dtstamp);
  AC_ICAL_FN(property_new_dtstart);
  AC_ICAL_FN(property_new_dtend);
  AC_ICAL_FN(property_new_summary);
  AC_ICAL_FN(property_new_description);
  AC_ICAL_FN(property_new_transp);
  AC_ICAL_FN(property_new_class);
  AC_ICAL_FN(property_new_action);
  AC_ICAL_FN(property_new_trigger);
  AC_ICAL_FN(time_null_date);
  AC_ICAL_FN(time_null_time);
  AC_ICAL_FN(time_from_timet_with_zone);
  AC_ICAL_FN(timezone_get_utc_timezone);
  AC_ICAL_FN(durationtype_from_int);
} ac_ical;
#undef AC_ICAL_FN

/* Opens libical (the file named by $AFTERCARE_LIBICAL, or else the one
 * found when aftercare was built) and fills the table.  False when it
 * cannot: *why says why (dlerror's text), valid until the next call.  The
 * library stays loaded (dlopen counts the opens: no state here, any thread
 * may call this). */
bool ac_ical_open(ac_ical *ic, const char **why);

#endif
