/*
 * plan.c -- the `aftercare plan` command (docs/plan.md):
 *
 *   aftercare plan [-p FILE] [--session DATE]... [--from DAY] [--to DAY]
 *                  [--format text|markdown|html|json|ics]
 *
 * The plan's headings are in the language of the protocol (its `language`
 * field) when a catalogue for it is installed: its patient texts are.  The
 * language is a parameter of the plan (aftercare_plan_options.language):
 * the process's stays as it is.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"

static int cmp_long(const void *x, const void *y) {
  long a = *(const long *)x, b = *(const long *)y;
  return (a > b) - (a < b);
}

int ac_cli_plan(ac_cli *c, int argc, char **argv) {
  (void)argv;
  if (argc > 0)
    return ac_cli_usage_error(c, "%s", _("plan takes no arguments (use -p FILE for a protocol)"));
  aftercare_plan_options o;
  memset(&o, 0, sizeof o);
  switch (c->format) {
  case AC_CLI_MARKDOWN: o.format = AFTERCARE_PLAN_MARKDOWN; break;
  case AC_CLI_HTML: o.format = AFTERCARE_PLAN_HTML; break;
  case AC_CLI_JSON: o.format = AFTERCARE_PLAN_JSON; break;
  case AC_CLI_ICS: o.format = AFTERCARE_PLAN_ICS; break;
  default: o.format = AFTERCARE_PLAN_TEXT; break;
  }
  o.dtstamp = -1;
  o.has_from = c->has_from, o.from = c->from;
  o.has_to = c->has_to, o.to = c->to;
  if (c->nsessions) {
    qsort(c->sessions, (size_t)c->nsessions, sizeof *c->sessions, cmp_long);
    o.sessions = c->sessions;
    o.nsessions = c->nsessions;
  }
  /* Reproducible calendars: DTSTAMP from SOURCE_DATE_EPOCH when set. */
  const char *sde = getenv("SOURCE_DATE_EPOCH");
  if (sde && *sde) {
    char *end;
    long long v = strtoll(sde, &end, 10);
    if (!*end && v >= 0) o.dtstamp = v;
  }
  int status = AFTERCARE_EXIT_OK;
  aftercare *p = ac_cli_protocol(c, &status);
  if (!p) return status;
  o.language = aftercare_language(p);
  status = aftercare_plan(p, &o, stdout, stderr);
  aftercare_close(p);
  return status;
}
