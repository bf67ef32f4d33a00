/*
 * fuzz_serve.c -- libFuzzer harness: the request handler of aftercare
 * serve (src/server/serve_api.c), without HTTP.
 *
 * The input is a request: a first line "METHOD PATH", a second line the
 * Authorization header (empty: none), and the rest the body.  The server
 * answers from the standard protocol, with a token ("fuzz") that the
 * /v1/ routes need; every answer must have a status the server gives and
 * a body (a JSON object for every status but the text of /healthz and
 * /metrics).
 */
#include "config.h"

#include <jansson.h>

#include "fuzz_common.h"
#include "serve_api.h"

static ac_serve_api api;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  ac_serve_set *s = ac_serve_set_load(NULL, 0, stderr);
  if (!s) abort();
  ac_serve_api_init(&api, s, "fuzz", NULL);
  api.dtstamp = 0;
  return 0;
}

/* The next line of the input (NUL-terminated in place), or NULL. */
static char *next_line(char **at, char *end) {
  if (*at >= end) return NULL;
  char *line = *at, *nl = memchr(line, '\n', (size_t)(end - line));
  if (!nl) nl = end;
  *nl = '\0';
  *at = nl + 1;
  return line;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = malloc(size + 1);
  if (!text) return 0;
  memcpy(text, data, size);
  text[size] = '\0';
  char *at = text, *end = text + size;
  char *first = next_line(&at, end);
  char *auth = next_line(&at, end);
  if (!first) first = text;
  char *space = strchr(first, ' ');
  const char *method = first, *path = "/";
  if (space) {
    *space = '\0';
    path = space + 1;
  }
  ac_serve_api_request rq = {method, path, auth && *auth ? auth : NULL,
                             at < end ? at : NULL, at < end ? (size_t)(end - at) : 0};
  ac_serve_api_response rs;
  ac_serve_api_handle(&api, &rq, &rs);
  if (ac_serve_metrics_status_index(rs.status) < 0 || !rs.body || !rs.type) abort();
  if (strcmp(rs.type, "application/json") == 0 && rs.status != 200) {
    json_t *v = json_loadb(rs.body, rs.len, 0, NULL);
    if (!json_is_object(v) || !json_is_string(json_object_get(v, "error"))) abort();
    json_decref(v);
  }
  free(rs.body);
  free(text);
  return 0;
}
