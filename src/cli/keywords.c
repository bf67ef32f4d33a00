/*
 * keywords.c -- `aftercare keywords [--format json]`: the keywords of the
 * language, for editors: a word, its class and its languages a line, or
 * one JSON document.
 */
#include "config.h"

#include "cli.h"
#include "i18n.h"

static void print_keyword(const char *word, const char *cls, int languages, void *ctx) {
  (void)ctx;
  printf("%s\t%s\t%s\n", word, cls,
         languages == (AFTERCARE_IN_PROTOCOLS | AFTERCARE_IN_QUERIES) ? "protocol,query"
         : languages == AFTERCARE_IN_QUERIES                          ? "query"
                                                                      : "protocol");
}

int ac_cli_keywords(ac_cli *c, int argc, char **argv) {
  (void)argv;
  if (argc > 0) return ac_cli_usage_error(c, "%s", _("keywords takes no arguments"));
  if (c->format == AC_CLI_JSON)
    aftercare_keywords_json(stdout);
  else
    aftercare_keywords(print_keyword, NULL);
  return AFTERCARE_EXIT_OK;
}
