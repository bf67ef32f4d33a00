/*
 * lineedit.h -- line editing for the REPL, chosen at configure time:
 * GNU readline, libedit (through its readline interface), or plain input.
 *
 *   ac_readline(prompt)   a line (malloc'd, no newline) or NULL at end
 *   ac_add_history(line)  remember a line
 *   ac_history_load/save  the history file
 *   AC_HAVE_LINEEDIT      1 when completion and history exist
 */
#ifndef AC_LINEEDIT_H
#define AC_LINEEDIT_H

#if defined(HAVE_READLINE)
#include <readline/history.h>
#include <readline/readline.h>
#define AC_HAVE_LINEEDIT 1
#elif defined(HAVE_EDITLINE)
#include <editline/readline.h>
#define AC_HAVE_LINEEDIT 1
#else
#define AC_HAVE_LINEEDIT 0
#endif

#if AC_HAVE_LINEEDIT
#define ac_readline(prompt) readline(prompt)
#define ac_add_history(line) add_history(line)
#define ac_history_load(path) read_history(path)
#define ac_history_save(path) write_history(path)
#endif

#endif
