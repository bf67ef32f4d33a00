/*
 * sarif.h -- diagnostics as SARIF 2.1.0 (sarif.c).
 */
#ifndef AC_SARIF_H
#define AC_SARIF_H

#include <stddef.h>
#include <stdio.h>

#include "aftercare.h"
#include "diagnostic.h"

/* One SARIF log, one run, the diagnostics of every list as results. */
void ac_sarif_write(const ac_diags *const *lists, size_t n, FILE *out);

#endif
