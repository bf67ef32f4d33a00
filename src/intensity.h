/*
 * intensity.h -- the intensities of a reported symptom (intensities.def).
 */
#ifndef AC_INTENSITY_H
#define AC_INTENSITY_H

#include <stddef.h>

/* From the mildest (a rule that fires from an intensity on fires for the
 * stronger ones too). */
typedef enum ac_intensity {
#define AC_INTENSITY(name, word, token, plan_format) AC_INTENSITY_##name,
#include "intensities.def"
  AC_NINTENSITIES /* number of intensities */
} ac_intensity;

/* The intensity as written ("severe"), or NULL for AC_INTENSITY_ANY. */
const char *ac_intensity_name(ac_intensity i);

/* The intensity a word names, in any case (n bytes), or AC_INTENSITY_ANY. */
ac_intensity ac_intensity_of(const char *word, size_t n);

/* How a plan says a symptom of this intensity or more ("%s (severe)"), to
 * be translated. */
const char *ac_intensity_plan_format(ac_intensity i);

/* The intensity of a report said as `i` (ANY, said without one: mild). */
static inline ac_intensity ac_intensity_reported(ac_intensity i) {
  return i == AC_INTENSITY_ANY ? AC_INTENSITY_MILD : i;
}

/* Does a report of intensity `reported` (ANY: said without one, which
 * means mild) match an item that asks for at least `least` and at most
 * `most` (ANY: no bound)? */
static inline int ac_intensity_matches(ac_intensity reported, ac_intensity least,
                                       ac_intensity most) {
  reported = ac_intensity_reported(reported);
  return reported >= least && (most == AC_INTENSITY_ANY || reported <= most);
}

#endif
