/*
 * lsp_server.h -- the language server of `aftercare lsp`: bytes in, framed
 * messages handled, answers out.  lsp.c runs it on standard input and output;
 * fuzz/fuzz_lsp.c drives it with any bytes.
 */
#ifndef AC_CLI_LSP_SERVER_H
#define AC_CLI_LSP_SERVER_H

#include <stddef.h>
#include <stdio.h>

typedef struct ac_lsp_server ac_lsp_server;

/* A server writing its messages to `out`, and what has no answer (a
 * message it cannot read) to `log`. */
ac_lsp_server *ac_lsp_server_new(FILE *out, FILE *log);
/* Appends input bytes (framed messages, possibly partial). */
void ac_lsp_server_feed(ac_lsp_server *s, const char *bytes, size_t n);
/* Handles every whole message fed; returns how many. */
int ac_lsp_server_input(ac_lsp_server *s);
/* Handles one message body (JSON). */
void ac_lsp_server_message(ac_lsp_server *s, const char *body, size_t len);
/* Checks the documents changed since checked, publishing diagnostics. */
void ac_lsp_server_check(ac_lsp_server *s);
/* The exit status once `exit` was received, else -1. */
int ac_lsp_server_status(const ac_lsp_server *s);
void ac_lsp_server_free(ac_lsp_server *s);

#endif
