/*
 * fmt.c -- the fmt command: aftercare fmt [--check|--diff|-w] [FILE]...
 *
 * Prints each file in the canonical layout (aftercare_format_text), or
 * with --check names the files that are not formatted, with --diff shows
 * what would change as a unified diff, with -w rewrites them in place.
 * Writing is atomic: the new text goes to a temporary file in the same
 * directory, is flushed to the disk, and replaces the file by rename(2);
 * a crash or a full disk leaves the old file or the new one, never half.
 *
 * FILE '-' is standard input, read when no FILE is named.
 *
 * Exit status: 0 done (and with --check or --diff: every file formatted);
 * 1 a file has syntax errors, or with --check/--diff is not formatted;
 * 2 usage errors, unreadable files, failed writes.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"

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

int ac_cli_fmt(ac_cli *c, int argc, char **argv) {
  if (ac_cli_files(c, &argc, &argv) != 0) return AFTERCARE_EXIT_USAGE;
  int color = ac_cli_color(c, stderr);
  int status = AFTERCARE_EXIT_OK;
  for (int i = 0; i < argc; i++) {
    const char *path = argv[i];
    const char *name = ac_cli_name(path);
    size_t len = 0;
    char *text = ac_cli_read(c, path, &len, &status);
    if (!text) continue;
    char *out = NULL;
    size_t out_len = 0;
    int r = aftercare_format_text(name, text, len, &out, &out_len, stderr, color);
    if (r != 0) {
      if (r == 1) {
        ac_cli_error(_("'%s' has syntax errors: not formatted"), name);
        status = ac_cli_worse(status, AFTERCARE_EXIT_INPUT);
      } else {
        status = AFTERCARE_EXIT_USAGE;
      }
      free(text);
      continue;
    }
    bool same = out_len == len && memcmp(out, text, len) == 0;
    if (c->check && !same) {
      if (!c->quiet) printf("%s\n", name);
      status = ac_cli_worse(status, AFTERCARE_EXIT_INPUT);
    }
    if (c->diff && !same) {
      if (!print_diff(name, text, len, out, out_len)) {
        ac_cli_error("%s", _("out of memory"));
        status = AFTERCARE_EXIT_USAGE;
      }
      status = ac_cli_worse(status, AFTERCARE_EXIT_INPUT);
    }
    if (c->write && strcmp(path, "-") == 0) {
      fwrite(out, 1, out_len, stdout);
    } else if (c->write && !same && !ac_fmt_regular(path)) {
      /* a device, a pipe: renaming over it would replace it */
      ac_cli_error(_("cannot rewrite '%s': not a regular file"), path);
      status = AFTERCARE_EXIT_USAGE;
    } else if (c->write && !same) {
      if (!write_atomic(path, out, out_len)) {
        ac_cli_error(_("cannot write '%s': %s"), path, strerror(errno));
        status = AFTERCARE_EXIT_USAGE;
      }
    }
    if (!c->check && !c->diff && !c->write) fwrite(out, 1, out_len, stdout);
    free(out);
    free(text);
  }
  return status;
}
