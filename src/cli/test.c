/*
 * test.c -- `aftercare test [FILE]...`: runs the expectations written in
 * protocol files.
 */
#include "config.h"


#include "cli.h"
#include "i18n.h"

int ac_cli_test(ac_cli *c, int argc, char **argv) {
  if (ac_cli_files(c, &argc, &argv) != 0) return AFTERCARE_EXIT_USAGE;
  int status = AFTERCARE_EXIT_OK;
  for (int i = 0; i < argc; i++) {
    aftercare *p = ac_cli_open(c, argv[i], &status);
    if (!p) continue;
    if (ac_cli_refuse(c, p)) {
      status = ac_cli_worse(status, AFTERCARE_EXIT_INPUT);
      if (aftercare_errors(p) > 0) {
        aftercare_close(p);
        continue;
      }
    }
    if (aftercare_test(p, stdout, ac_cli_color(c, stdout), c->coverage) > 0)
      status = ac_cli_worse(status, AFTERCARE_EXIT_INPUT);
    aftercare_close(p);
  }
  return status;
}
