/*
 * plan_main.c -- the `aftercare plan` command (docs/plan.md):
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

#include "plan_main.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aftercare.h"
#include "i18n.h"

#define AC_PLAN_MAX_SESSIONS 64

static void plan_usage_error(const char *program, const char *msg) {
  fprintf(stderr, "%s: %s\n", program, msg);
  fprintf(stderr, _("Try '%s plan --help' for more information.\n"), program);
}

static void plan_help(const char *program) {
  printf(_("Usage: %s plan [-p FILE] [--session DATE]... [--from DAY] [--to DAY] [--format FORMAT]\n"),
         program);
  fputs(_("Write the protocol as the client's leaflet: the whole situation after the\n"
          "session, then on each day the instructions change, what changes and why;\n"
          "and the signs to watch for, as a table.\n"
          "\n"
          "  -p, --protocol=FILE   the protocol (default: the standard SMP one)\n"
          "      --session=DATE    the date of a session, YYYY-MM-DD; repeat it for\n"
          "                        touch-ups: days count from the latest session\n"
          "      --from=DAY        first day (default: the first day a rule names, or 0)\n"
          "      --to=DAY          last day, counted from the last session (default: the\n"
          "                        protocol's horizon)\n"
          "      --format=FORMAT   text (default), markdown, html, json, or ics (a\n"
          "                        calendar; needs --session)\n"
          "  -h, --help            display this help and exit\n"),
        stdout);
}

static bool plan_day(const char *s, long *out) {
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || end == s || *end || v < -100000 || v > 100000) return false;
  *out = v;
  return true;
}

static int cmp_long(const void *x, const void *y) {
  long a = *(const long *)x, b = *(const long *)y;
  return (a > b) - (a < b);
}

int ac_plan_main(const char *program, int argc, char **argv) {
  enum { OPT_SESSION = 256, OPT_FROM, OPT_TO, OPT_FORMAT };
  static const struct option opts[] = {
      {"protocol", required_argument, NULL, 'p'},
      {"session", required_argument, NULL, OPT_SESSION},
      {"from", required_argument, NULL, OPT_FROM},
      {"to", required_argument, NULL, OPT_TO},
      {"format", required_argument, NULL, OPT_FORMAT},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0},
  };
  const char *protocol = NULL;
  long sessions[AC_PLAN_MAX_SESSIONS];
  aftercare_plan_options o;
  memset(&o, 0, sizeof o);
  o.format = AFTERCARE_PLAN_TEXT;
  o.dtstamp = -1;
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "p:h", opts, NULL)) != -1) {
    switch (c) {
    case 'p': protocol = optarg; break;
    case OPT_SESSION:
      if (o.nsessions == AC_PLAN_MAX_SESSIONS) {
        plan_usage_error(program, _("plan: at most 64 sessions"));
        return AFTERCARE_EXIT_USAGE;
      }
      if (aftercare_parse_date(optarg, &sessions[o.nsessions]) != 0) {
        char msg[256];
        snprintf(msg, sizeof msg, _("plan: '%s' is not a date: use YYYY-MM-DD"), optarg);
        plan_usage_error(program, msg);
        return AFTERCARE_EXIT_USAGE;
      }
      o.nsessions++;
      break;
    case OPT_FROM:
    case OPT_TO: {
      long v;
      if (!plan_day(optarg, &v)) {
        char msg[256];
        snprintf(msg, sizeof msg, _("plan: '%s' is not a day number"), optarg);
        plan_usage_error(program, msg);
        return AFTERCARE_EXIT_USAGE;
      }
      if (c == OPT_FROM) o.has_from = 1, o.from = v;
      else o.has_to = 1, o.to = v;
      break;
    }
    case OPT_FORMAT: {
      static const char *const names[] = {"text", "markdown", "html", "json", "ics"};
      int f = -1;
      for (int i = 0; i < 5; i++)
        if (strcmp(optarg, names[i]) == 0) f = i;
      if (f < 0) {
        char msg[256];
        snprintf(msg, sizeof msg, _("plan: unknown format '%s' (use text, markdown, html, json or ics)"),
                 optarg);
        plan_usage_error(program, msg);
        return AFTERCARE_EXIT_USAGE;
      }
      o.format = (aftercare_plan_format)f;
      break;
    }
    case 'h': plan_help(program); return AFTERCARE_EXIT_OK;
    default:
      fprintf(stderr, _("Try '%s plan --help' for more information.\n"), program);
      return AFTERCARE_EXIT_USAGE;
    }
  }
  if (optind < argc) {
    plan_usage_error(program, _("plan: takes no arguments (use -p FILE for a protocol)"));
    return AFTERCARE_EXIT_USAGE;
  }
  if (o.nsessions) {
    qsort(sessions, (size_t)o.nsessions, sizeof *sessions, cmp_long);
    o.sessions = sessions;
  }
  /* Reproducible calendars: DTSTAMP from SOURCE_DATE_EPOCH when set. */
  const char *sde = getenv("SOURCE_DATE_EPOCH");
  if (sde && *sde) {
    char *end;
    long long v = strtoll(sde, &end, 10);
    if (!*end && v >= 0) o.dtstamp = v;
  }
  aftercare *p;
  if (protocol) {
    int err = 0;
    p = aftercare_open(protocol, &err);
    if (!p) {
      fprintf(stderr, _("%s: cannot read '%s': %s\n"), program, protocol, strerror(err));
      return AFTERCARE_EXIT_USAGE;
    }
  } else {
    p = aftercare_open_standard();
  }
  if (aftercare_errors(p) > 0) {
    aftercare_print_diagnostics(p, stderr, AFTERCARE_TEXT, 0);
    aftercare_close(p);
    return AFTERCARE_EXIT_INPUT;
  }
  o.language = aftercare_language(p);
  int status = aftercare_plan(p, &o, stdout, stderr);
  aftercare_close(p);
  return status;
}
