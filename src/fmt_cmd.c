/*
 * fmt_cmd.c -- the fmt command: aftercare fmt [--check|--diff|-w] FILE...
 *
 * Prints each file in the canonical layout (aftercare_format_text), or
 * with --check names the files that are not formatted, with --diff shows
 * what would change as a unified diff, with -w rewrites them in place.
 * Writing is atomic: the new text goes to a temporary file in the same
 * directory, is flushed to the disk, and replaces the file by rename(2);
 * a crash or a full disk leaves the old file or the new one, never half.
 *
 * Exit status: 0 done (and with --check or --diff: every file formatted);
 * 1 a file has syntax errors, or with --check/--diff is not formatted;
 * 2 usage errors, unreadable files, failed writes.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aftercare.h"
#include "fmt_cmd.h"
#include "i18n.h"

#define FMT_MAX_FILE ((size_t)512 * 1024 * 1024)

static const char *program = "aftercare";

/* Reads a whole file ("-": standard input).  NULL and errno on failure. */
static char *read_all(const char *path, size_t *len) {
  FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!fp) return NULL;
  size_t cap = 65536, n = 0;
  char *buf = malloc(cap);
  if (!buf) goto fail;
  for (;;) {
    if (n == cap) {
      if (cap >= FMT_MAX_FILE) {
        errno = EFBIG;
        goto fail;
      }
      cap *= 2;
      char *q = realloc(buf, cap);
      if (!q) goto fail;
      buf = q;
    }
    size_t k = fread(buf + n, 1, cap - n, fp);
    n += k;
    if (k == 0) break;
  }
  if (ferror(fp)) goto fail;
  if (fp != stdin) fclose(fp);
  *len = n;
  return buf;
fail:;
  int e = errno ? errno : EIO;
  free(buf);
  if (fp != stdin) fclose(fp);
  errno = e;
  return NULL;
}

/* ---- a unified diff (Myers) ---- */

typedef struct dline {
  const char *p;
  size_t n; /* with its '\n', if any */
} dline;

static dline *split_lines(const char *s, size_t len, int *count) {
  int n = 0;
  for (size_t i = 0; i < len; i++)
    if (s[i] == '\n') n++;
  if (len > 0 && s[len - 1] != '\n') n++;
  dline *l = malloc(((size_t)n + 1) * sizeof *l);
  if (!l) return NULL;
  int k = 0;
  size_t start = 0;
  for (size_t i = 0; i < len; i++)
    if (s[i] == '\n') {
      l[k].p = s + start;
      l[k++].n = i + 1 - start;
      start = i + 1;
    }
  if (start < len) {
    l[k].p = s + start;
    l[k++].n = len - start;
  }
  *count = k;
  return l;
}

static bool same_line(const dline *a, const dline *b) {
  return a->n == b->n && memcmp(a->p, b->p, a->n) == 0;
}

#define DIFF_MAX_D 2000

/* Edit script of a[0..n) to b[0..m): ops[] of '=', '-', '+'; NULL if the
 * difference is too large (the caller replaces everything). */
static char *myers(const dline *a, int n, const dline *b, int m, int *nops) {
  int max = n + m;
  if (max == 0) {
    *nops = 0;
    return malloc(1);
  }
  int dmax = max < DIFF_MAX_D ? max : DIFF_MAX_D;
  int off = dmax + 1;
  int *v = calloc((size_t)(2 * off + 1), sizeof *v);
  int **trace = calloc((size_t)dmax + 1, sizeof *trace);
  if (!v || !trace) {
    free(v);
    free(trace);
    return NULL;
  }
  int found = -1;
  for (int d = 0; d <= dmax && found < 0; d++) {
    trace[d] = malloc((size_t)(2 * off + 1) * sizeof **trace);
    if (!trace[d]) break;
    memcpy(trace[d], v, (size_t)(2 * off + 1) * sizeof *v);
    for (int k = -d; k <= d; k += 2) {
      int x;
      if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
        x = v[off + k + 1];
      else
        x = v[off + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && same_line(&a[x], &b[y])) x++, y++;
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  char *ops = NULL;
  if (found >= 0) {
    ops = malloc((size_t)max + 1);
    int len = 0;
    int x = n, y = m;
    char *rev = malloc((size_t)max + 1);
    if (ops && rev) {
      for (int d = found; d > 0; d--) {
        int *vd = trace[d];
        int k = x - y;
        int pk = (k == -d || (k != d && vd[off + k - 1] < vd[off + k + 1])) ? k + 1 : k - 1;
        int px = vd[off + pk], py = px - pk;
        while (x > px && y > py) rev[len++] = '=', x--, y--;
        rev[len++] = pk == k + 1 ? '+' : '-';
        x = px;
        y = py;
      }
      while (x > 0 && y > 0) rev[len++] = '=', x--, y--;
      for (int i = 0; i < len; i++) ops[i] = rev[len - 1 - i];
      *nops = len;
    } else {
      free(ops);
      ops = NULL;
    }
    free(rev);
  }
  for (int d = 0; d <= dmax; d++) free(trace[d]);
  free(trace);
  free(v);
  return ops;
}

static void put_line(char sign, const dline *l) {
  putchar(sign);
  fwrite(l->p, 1, l->n, stdout);
  if (l->n == 0 || l->p[l->n - 1] != '\n') fputs("\n\\ No newline at end of file\n", stdout);
}

static bool print_diff(const char *path, const char *old, size_t olen, const char *new_,
                       size_t nlen) {
  int n, m, nops = 0;
  dline *a = split_lines(old, olen, &n);
  dline *b = split_lines(new_, nlen, &m);
  if (!a || !b) {
    free(a);
    free(b);
    return false;
  }
  char *ops = myers(a, n, b, m, &nops);
  if (!ops) { /* too different: everything goes */
    ops = malloc((size_t)n + (size_t)m + 1);
    if (!ops) {
      free(a);
      free(b);
      return false;
    }
    nops = 0;
    for (int i = 0; i < n; i++) ops[nops++] = '-';
    for (int i = 0; i < m; i++) ops[nops++] = '+';
  }
  printf("--- %s\n+++ %s\n", path, path);
  const int ctx = 3;
  int i = 0, ai = 0, bi = 0;
  while (i < nops) {
    if (ops[i] == '=') {
      i++, ai++, bi++;
      continue;
    }
    /* a hunk: from ctx lines before this change to ctx after the last change
     * that is less than 2*ctx equal lines away */
    int start = i, sa = ai, sb = bi;
    int back = 0;
    while (back < ctx && start > 0 && ops[start - 1] == '=') start--, sa--, sb--, back++;
    int end = i;
    for (;;) {
      while (end < nops && ops[end] != '=') end++;
      int eq = 0;
      while (end + eq < nops && ops[end + eq] == '=') eq++;
      if (end + eq >= nops || eq > 2 * ctx) {
        end += eq < ctx ? eq : ctx;
        break;
      }
      end += eq;
    }
    int la = 0, lb = 0;
    for (int k = start; k < end; k++) {
      if (ops[k] != '+') la++;
      if (ops[k] != '-') lb++;
    }
    printf("@@ -%d,%d +%d,%d @@\n", la ? sa + 1 : sa, la, lb ? sb + 1 : sb, lb);
    int x = sa, y = sb;
    for (int k = start; k < end; k++) {
      if (ops[k] == '=') {
        put_line(' ', &a[x++]);
        y++;
      } else if (ops[k] == '-') {
        put_line('-', &a[x++]);
      } else {
        put_line('+', &b[y++]);
      }
    }
    ai = x;
    bi = y;
    i = end;
  }
  free(ops);
  free(a);
  free(b);
  return true;
}

/* ---- atomic writes ---- */

static bool write_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t k = write(fd, p, n);
    if (k < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += k;
    n -= (size_t)k;
  }
  return true;
}

/* Replaces the file at path with text, atomically.  false and errno on
 * failure (the file is then as it was). */
/* Whether path (through symbolic links) is a regular file. */
static bool ac_fmt_regular(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool write_atomic(const char *path, const char *text, size_t len) {
  char *real = realpath(path, NULL); /* write through a symbolic link */
  const char *target = real ? real : path;
  const char *slash = strrchr(target, '/');
  size_t dlen = slash ? (size_t)(slash - target) : 0;
  const char *base = slash ? slash + 1 : target;
  size_t tlen = dlen + strlen(base) + 32;
  char *tmp = malloc(tlen);
  if (!tmp) {
    free(real);
    errno = ENOMEM;
    return false;
  }
  if (slash)
    snprintf(tmp, tlen, "%.*s/.%s.fmt-XXXXXX", (int)dlen, target, base);
  else
    snprintf(tmp, tlen, ".%s.fmt-XXXXXX", base);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    int e = errno;
    free(tmp);
    free(real);
    errno = e;
    return false;
  }
  struct stat st;
  if (stat(target, &st) == 0) {
    if (fchown(fd, st.st_uid, st.st_gid) != 0) { /* not ours to give: keep ours */
    }
    (void)fchmod(fd, st.st_mode & 07777);
  }
  bool ok = write_all(fd, text, len) && fsync(fd) == 0;
  int e = errno;
  if (close(fd) != 0 && ok) {
    ok = false;
    e = errno;
  }
  if (ok && rename(tmp, target) != 0) {
    ok = false;
    e = errno;
  }
  if (!ok) {
    unlink(tmp);
  } else {
    /* the rename itself reaches the disk with the directory */
    char *dir = slash ? strndup(target, dlen ? dlen : 1) : strdup(".");
    int dfd = dir ? open(dir, O_RDONLY | O_DIRECTORY) : -1;
    if (dfd >= 0) {
      (void)fsync(dfd);
      close(dfd);
    }
    free(dir);
  }
  free(tmp);
  free(real);
  errno = e;
  return ok;
}

/* ---- the command ---- */

static void fmt_usage(FILE *out) {
  fprintf(out, _("Usage: %s fmt [--check | --diff | -w] FILE...\n"), program);
  fputs(_("Print protocol files in the canonical layout.\n"
          "\n"
          "  -c, --check   list the files that are not formatted (exit 1 if any)\n"
          "  -d, --diff    show what would change, as a unified diff (exit 1 if anything)\n"
          "  -w, --write   rewrite the files that are not formatted, in place\n"
          "  -h, --help    display this help and exit\n"
          "\n"
          "FILE '-' is standard input.  A file with syntax errors is left as it is:\n"
          "its diagnostics are printed and the exit status is 1.\n"),
        out);
}

int ac_fmt_cmd_main(int argc, char **argv) {
  static const struct option opts[] = {
      {"check", no_argument, NULL, 'c'}, {"diff", no_argument, NULL, 'd'},
      {"write", no_argument, NULL, 'w'}, {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0},
  };
  bool check = false, diff = false, write = false;
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "cdwh", opts, NULL)) != -1) {
    switch (c) {
    case 'c': check = true; break;
    case 'd': diff = true; break;
    case 'w': write = true; break;
    case 'h': fmt_usage(stdout); return AFTERCARE_EXIT_OK;
    default:
      fprintf(stderr, _("Try '%s fmt --help' for more information.\n"), program);
      return AFTERCARE_EXIT_USAGE;
    }
  }
  if (optind >= argc) {
    fprintf(stderr, _("%s: fmt: name at least one protocol file\n"), program);
    fprintf(stderr, _("Try '%s fmt --help' for more information.\n"), program);
    return AFTERCARE_EXIT_USAGE;
  }
  int color = isatty(fileno(stderr)) && !(getenv("NO_COLOR") && *getenv("NO_COLOR"));
  int status = AFTERCARE_EXIT_OK;
  for (int i = optind; i < argc; i++) {
    const char *path = argv[i];
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    size_t len = 0;
    char *text = read_all(path, &len);
    if (!text) {
      fprintf(stderr, _("%s: cannot read '%s': %s\n"), program, path, strerror(errno));
      status = AFTERCARE_EXIT_USAGE;
      continue;
    }
    char *out = NULL;
    size_t out_len = 0;
    int r = aftercare_format_text(name, text, len, &out, &out_len, stderr, color);
    if (r != 0) {
      if (r == 1) {
        fprintf(stderr, _("%s: '%s' has syntax errors: not formatted\n"), program, name);
        if (status == AFTERCARE_EXIT_OK) status = AFTERCARE_EXIT_INPUT;
      } else {
        status = AFTERCARE_EXIT_USAGE;
      }
      free(text);
      continue;
    }
    bool same = out_len == len && memcmp(out, text, len) == 0;
    if (check && !same) {
      printf("%s\n", name);
      if (status == AFTERCARE_EXIT_OK) status = AFTERCARE_EXIT_INPUT;
    }
    if (diff && !same) {
      if (!print_diff(name, text, len, out, out_len)) {
        fprintf(stderr, _("%s: out of memory\n"), program);
        status = AFTERCARE_EXIT_USAGE;
      }
      if (status == AFTERCARE_EXIT_OK) status = AFTERCARE_EXIT_INPUT;
    }
    if (write && strcmp(path, "-") == 0) {
      fwrite(out, 1, out_len, stdout);
    } else if (write && !same && !ac_fmt_regular(path)) {
      /* a device, a pipe: renaming over it would replace it */
      fprintf(stderr, _("%s: cannot rewrite '%s': not a regular file\n"), program, path);
      status = AFTERCARE_EXIT_USAGE;
    } else if (write && !same) {
      if (!write_atomic(path, out, out_len)) {
        fprintf(stderr, _("%s: cannot write '%s': %s\n"), program, path, strerror(errno));
        status = AFTERCARE_EXIT_USAGE;
      }
    }
    if (!check && !diff && !write) fwrite(out, 1, out_len, stdout);
    free(out);
    free(text);
  }
  if (fflush(stdout) != 0) {
    fprintf(stderr, _("%s: error writing output: %s\n"), program, strerror(errno));
    status = AFTERCARE_EXIT_USAGE;
  }
  return status;
}
