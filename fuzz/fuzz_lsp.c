/*
 * fuzz_lsp.c -- libFuzzer harness: the language server's message handler
 * (src/cli/lsp_server.c, what `aftercare lsp` runs).
 *
 * A session is opened (initialize, initialized, a clinic document on the
 * standard protocol), then the input is given to the server: when its
 * first byte is odd, as raw bytes for the framing to read (headers, lengths,
 * bodies); else as message bodies, one a line, each framed correctly, the
 * changed documents checked after each.  The session ends with shutdown
 * and exit.  Answers go to /dev/null; the server must survive anything.
 */
#include "config.h"

#include "fuzz_common.h"
#include "lsp_server.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  /* The standard protocol's copy for editors goes to a directory of ours. */
  setenv("XDG_CACHE_HOME", "/tmp/aftercare-fuzz-lsp-cache", 1);
  return 0;
}

static void fuzz_frame(ac_lsp_server *s, const char *body) {
  char header[64];
  int n = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", strlen(body));
  ac_lsp_server_feed(s, header, (size_t)n);
  ac_lsp_server_feed(s, body, strlen(body));
  ac_lsp_server_input(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FILE *null = fuzz_null();
  ac_lsp_server *s = ac_lsp_server_new(null, null);
  fuzz_frame(s, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
  fuzz_frame(s, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
  fuzz_frame(s, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":"
                "{\"textDocument\":{\"uri\":\"file:///fuzz/a.care\",\"version\":1,\"text\":"
                "\"protocol a { title \\\"A\\\"; }\\nextends \\\"smp\\\";\\n"
                "rule r: forbid swim first 40 days overrides no_pools_saunas_first_month;\\n"
                "expect can swim on day 3 is forbidden;\\n\"}}}");
  if (size > 0 && (data[0] & 1)) {
    ac_lsp_server_feed(s, (const char *)data + 1, size - 1);
    ac_lsp_server_input(s);
    ac_lsp_server_check(s);
  } else if (size > 0) {
    char *text = malloc(size);
    if (!text) abort();
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    for (char *line = text, *next; line && ac_lsp_server_status(s) < 0; line = next) {
      next = strchr(line, '\n');
      if (next) *next++ = '\0';
      fuzz_frame(s, line);
      ac_lsp_server_check(s);
    }
    free(text);
  }
  fuzz_frame(s, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
  fuzz_frame(s, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
  ac_lsp_server_free(s);
  return 0;
}
