/*
 * library.h -- what the public interface's files share inside the library.
 */
#ifndef AC_LIBRARY_H
#define AC_LIBRARY_H

#include <stdbool.h>
#include <stdio.h>

#include "arena.h"
#include "model.h"

/* Runs the expectations of the protocol's own file; returns the failures,
 * plus with `coverage` the things no expectation exercises. */
int ac_run_expectations(const ac_protocol *p, ac_arena *scratch, FILE *out, bool color,
                        bool coverage);

#endif
