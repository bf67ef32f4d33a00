/*
 * intensity.c -- the words of intensities, from intensities.def; see
 * intensity.h.
 */
#include "config.h"

#include "intensity.h"

#include <strings.h>

#include "i18n.h"

static const struct {
  const char *word, *plan_format;
} ac_intensities[] = {
#define AC_INTENSITY(name, word, token, plan_format) {word, plan_format},
#include "intensities.def"
};

const char *ac_intensity_name(ac_intensity i) {
  return (unsigned)i < AC_NINTENSITIES ? ac_intensities[i].word : NULL;
}

ac_intensity ac_intensity_of(const char *word, size_t n) {
  for (int i = 0; i < AC_NINTENSITIES; i++) {
    const char *w = ac_intensities[i].word;
    if (w && strncasecmp(w, word, n) == 0 && w[n] == '\0') return (ac_intensity)i;
  }
  return AC_INTENSITY_ANY;
}

const char *ac_intensity_plan_format(ac_intensity i) {
  return (unsigned)i < AC_NINTENSITIES ? ac_intensities[i].plan_format : "%s";
}
