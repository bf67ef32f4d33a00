/*
 * fmt_cmd.h -- the fmt command of the aftercare program (fmt_cmd.c).
 */
#ifndef AC_FMT_CMD_H
#define AC_FMT_CMD_H

/* aftercare fmt [--check|--diff|-w] FILE...: argv[0] is "fmt". */
int ac_fmt_main(int argc, char **argv);

#endif
