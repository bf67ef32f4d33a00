/*
 * serve.c -- `aftercare serve [-p FILE]... [--listen ADDR:PORT]
 * [--workers N] [--token-file FILE] [--max-body BYTES]
 * [--max-connections N] [--quiet]`: the HTTP API of docs/server.md
 * (src/server/).  Everything a request may need is loaded here, before
 * the first request: the protocols, the token, libical, the catalogues of
 * the plans' languages.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "serve_api.h"
#include "serve_http.h"

#define AC_CLI_SERVE_ADDRESS "127.0.0.1"
#define AC_CLI_SERVE_PORT 8177
#define AC_CLI_SERVE_MAX_BODY (1024 * 1024)
#define AC_CLI_SERVE_MAX_CONNECTIONS 1024
#define AC_CLI_SERVE_TIMEOUT 60 /* seconds an idle connection is kept */

/* ADDR:PORT, [IPV6]:PORT; the address into buf.  0 or a usage error. */
static int listen_address(ac_cli *c, const char *spec, char *buf, size_t size, unsigned *port) {
  const char *colon = strrchr(spec, ':');
  const char *addr = spec, *addr_end = colon;
  if (spec[0] == '[') {
    const char *close = strchr(spec, ']');
    if (!close || close[1] != ':') colon = NULL;
    addr = spec + 1;
    addr_end = close;
  }
  char *end;
  errno = 0;
  long p = colon ? strtol(colon + 1, &end, 10) : -1;
  if (!colon || addr_end == addr || (size_t)(addr_end - addr) >= size || errno || !colon[1] ||
      *end || p < 0 || p > 65535)
    return ac_cli_usage_error(c, _("'%s' is not ADDR:PORT (such as 127.0.0.1:8177 or [::1]:0)"),
                              spec);
  memcpy(buf, addr, (size_t)(addr_end - addr));
  buf[addr_end - addr] = '\0';
  *port = (unsigned)p;
  return 0;
}

/* The token: the first line of the file, without blanks around it. */
static char *read_token(ac_cli *c, int *status) {
  size_t len;
  char *text = ac_cli_read(c, c->token_file, &len, status);
  if (!text) return NULL;
  text[strcspn(text, "\r\n")] = '\0';
  size_t n = strlen(text);
  while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t')) text[--n] = '\0';
  size_t skip = strspn(text, " \t");
  memmove(text, text + skip, n - skip + 1);
  if (!*text) {
    ac_cli_error(_("'%s' holds no token"), c->token_file);
    *status = AFTERCARE_EXIT_USAGE;
    free(text);
    return NULL;
  }
  return text;
}

/* libical is opened now, not by the first calendar asked for: a plan with
 * a session, as a calendar, written nowhere. */
static void open_libical(const aftercare *p) {
  long session = 0;
  aftercare_plan_options o;
  memset(&o, 0, sizeof o);
  o.format = AFTERCARE_PLAN_ICS;
  o.sessions = &session;
  o.nsessions = 1;
  o.has_from = o.has_to = 1;
  o.from = o.to = 0;
  o.dtstamp = 0;
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  if (!f) return;
  aftercare_plan(p, &o, f, f);
  fclose(f);
  free(buf);
}

int ac_cli_serve(ac_cli *c, int argc, char **argv) {
  (void)argv;
  if (argc > 0)
    return ac_cli_usage_error(c, "%s", _("serve takes no arguments (use -p FILE for protocols)"));
  for (int i = 0; i < c->nprotocols; i++)
    if (strcmp(c->protocols[i], "-") == 0)
      return ac_cli_usage_error(c, "%s", _("serve reads protocols from files, not standard "
                                           "input: they are read again on SIGHUP"));
  char address[64];
  unsigned port = AC_CLI_SERVE_PORT;
  snprintf(address, sizeof address, "%s", AC_CLI_SERVE_ADDRESS);
  if (c->listen && listen_address(c, c->listen, address, sizeof address, &port) != 0)
    return AFTERCARE_EXIT_USAGE;
  int status = AFTERCARE_EXIT_OK;
  char *token = NULL;
  if (c->token_file && !(token = read_token(c, &status))) return status;
  ac_serve_set *s = ac_serve_set_load(c->protocols, c->nprotocols, stderr);
  if (!s) {
    free(token);
    return AFTERCARE_EXIT_INPUT;
  }
  open_libical(s->protocols[0].p);
  aftercare_keep_languages();
  /* the C library's messages (an AC0301 says "No such file or directory"):
   * their catalogue is looked up now, once */
  (void)strerror(ENOENT);
  /* before any thread starts: they all inherit it */
  ac_serve_http_block_signals();
  ac_serve_api api;
  ac_serve_api_init(&api, s, token, c->quiet ? NULL : stderr);
  const char *sde = getenv("SOURCE_DATE_EPOCH");
  if (sde && *sde) {
    char *end;
    long long v = strtoll(sde, &end, 10);
    if (!*end && v >= 0) api.dtstamp = v;
  }
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  ac_serve_http_options o = {
      address,
      port,
      c->workers ? (unsigned)c->workers : cores > 0 ? (unsigned)cores : 1,
      c->max_connections ? (unsigned)c->max_connections : AC_CLI_SERVE_MAX_CONNECTIONS,
      c->max_body ? (size_t)c->max_body : AC_CLI_SERVE_MAX_BODY,
      AC_CLI_SERVE_TIMEOUT,
      c->protocols,
      c->nprotocols,
  };
  status = ac_serve_http_run(&api, &o);
  ac_serve_api_destroy(&api);
  free(token);
  return status;
}
