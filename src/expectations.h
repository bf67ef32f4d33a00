/*
 * expectations.h -- running the expectations written in a protocol file
 * (`aftercare test`, aftercare_test).
 */
#ifndef AC_EXPECTATIONS_H
#define AC_EXPECTATIONS_H

#include <stdbool.h>
#include <stdio.h>

#include "arena.h"
#include "model.h"

/* Runs the expectations of the protocol's own file; returns the failures,
 * plus with `coverage` the things no expectation exercises. */
int ac_expectations_run(const ac_protocol *p, ac_arena *scratch, FILE *out, bool color,
                        bool coverage);

#endif
