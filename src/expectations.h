/*
 * expectations.h -- running the expectations written in a protocol file
 * (`aftercare test`, aftercare_test).
 */
#ifndef AC_EXPECTATIONS_H
#define AC_EXPECTATIONS_H

#include <stdbool.h>
#include <stdio.h>

#include "aftercare.h"
#include "arena.h"
#include "model.h"

/* Runs the expectations of the protocol's own file that `pattern` selects
 * (NULL: all) and prints their failures (and with `verbose`, the others);
 * returns the failures, plus with `coverage` the things no expectation
 * exercises. */
int ac_expectations_run(const ac_protocol *p, ac_arena *scratch, FILE *out, bool color,
                        bool coverage, bool verbose, const char *pattern);

/* Calls fn with the outcome of each expectation that `pattern` selects
 * (aftercare_expectations); returns the failures. */
int ac_expectations_list(const ac_protocol *p, ac_arena *scratch, const char *pattern,
                         void (*fn)(const aftercare_expectation *e, void *ctx), void *ctx);

#endif
