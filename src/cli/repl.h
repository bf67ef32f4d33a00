/*
 * repl.h -- the interactive session: `aftercare repl`.
 */
#ifndef AC_REPL_H
#define AC_REPL_H

#include <stdbool.h>

/* Runs the REPL on the protocol in `path` (NULL: the standard one) until
 * end of input or .quit.  Returns the exit status: 0, or 1 if the last
 * query failed when input is not a terminal... see repl.c. */
int ac_repl_run(const char *path, bool json, int color);

#endif
