/*
 * plan_main.h -- the `aftercare plan` command (plan_main.c).
 */
#ifndef AC_PLAN_MAIN_H
#define AC_PLAN_MAIN_H

/* Parses the options after `plan` (argv[0] is "plan") and writes the plan;
 * returns the exit status. */
int ac_plan_main(const char *program, int argc, char **argv);

#endif
