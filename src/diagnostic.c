/*
 * diagnostic.c -- collecting and printing diagnostics; see diagnostic.h.
 */
#include "config.h"

#include "diagnostic.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* Longest part of a source line quoted under a diagnostic, in bytes. */
#define AC_QUOTE_WIDTH 160

void ac_diags_init(ac_diags *d, ac_arena *a) {
  memset(d, 0, sizeof *d);
  d->arena = a;
  d->limit = AC_DEFAULT_DIAG_LIMIT;
}

bool ac_diags_full(const ac_diags *d) {
  return d->limit > 0 && d->errors + d->warnings >= d->limit;
}

static ac_diag *ac_diag_make(ac_diags *d, ac_severity sev, ac_code code,
                             const ac_source *src, ac_loc loc, const char *fmt,
                             va_list ap) __attribute__((format(printf, 6, 0)));

static ac_diag *ac_diag_make(ac_diags *d, ac_severity sev, ac_code code,
                             const ac_source *src, ac_loc loc, const char *fmt,
                             va_list ap) {
  ac_diag *g = ac_arena_alloc(d->arena, sizeof *g);
  g->severity = sev;
  g->code = code;
  g->src = src;
  g->loc = loc;
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n < 0) n = 0;
  char *msg = ac_arena_alloc(d->arena, (size_t)n + 1);
  vsnprintf(msg, (size_t)n + 1, fmt, ap);
  g->message = msg;
  return g;
}

ac_diag *ac_diag_add(ac_diags *d, ac_severity sev, ac_code code,
                     const ac_source *src, ac_loc loc, const char *fmt, ...) {
  if (ac_diags_full(d)) {
    /* counted, not kept: the totals stay true */
    d->dropped++;
    if (sev == AC_SEV_ERROR)
      d->errors++;
    else if (sev == AC_SEV_WARNING)
      d->warnings++;
    return NULL;
  }
  va_list ap;
  va_start(ap, fmt);
  ac_diag *g = ac_diag_make(d, sev, code, src, loc, fmt, ap);
  va_end(ap);
  if (d->last)
    d->last->next = g;
  else
    d->first = g;
  d->last = g;
  if (sev == AC_SEV_ERROR)
    d->errors++;
  else if (sev == AC_SEV_WARNING)
    d->warnings++;
  return g;
}

void ac_diag_note(ac_diags *d, ac_diag *diag, const ac_source *src, ac_loc loc,
                  const char *fmt, ...) {
  if (!diag) return;
  va_list ap;
  va_start(ap, fmt);
  ac_diag *n = ac_diag_make(d, AC_SEV_NOTE, diag->code, src, loc, fmt, ap);
  va_end(ap);
  ac_diag **tail = &diag->notes;
  while (*tail) tail = &(*tail)->next;
  *tail = n;
}

static int ac_diag_compare(const ac_diag *a, const ac_diag *b) {
  int sa = a->src ? a->src->id : -1, sb = b->src ? b->src->id : -1;
  if (sa != sb) return sa < sb ? -1 : 1;
  if (a->loc.first_line != b->loc.first_line)
    return a->loc.first_line < b->loc.first_line ? -1 : 1;
  if (a->loc.first_column != b->loc.first_column)
    return a->loc.first_column < b->loc.first_column ? -1 : 1;
  return 0;
}

/* Merge sort of the list: stable, O(n log n), no extra memory. */
static ac_diag *ac_diag_merge_sort(ac_diag *head, size_t n) {
  if (n < 2) return head;
  size_t half = n / 2;
  ac_diag *mid = head;
  for (size_t i = 1; i < half; i++) mid = mid->next;
  ac_diag *right = mid->next;
  mid->next = NULL;
  ac_diag *l = ac_diag_merge_sort(head, half);
  ac_diag *r = ac_diag_merge_sort(right, n - half);
  ac_diag out = {0}, *tail = &out;
  while (l && r) {
    if (ac_diag_compare(r, l) < 0) {
      tail->next = r;
      r = r->next;
    } else {
      tail->next = l;
      l = l->next;
    }
    tail = tail->next;
  }
  tail->next = l ? l : r;
  return out.next;
}

void ac_diags_sort(ac_diags *d) {
  size_t n = 0;
  for (ac_diag *g = d->first; g; g = g->next) n++;
  d->first = ac_diag_merge_sort(d->first, n);
  d->last = d->first;
  while (d->last && d->last->next) d->last = d->last->next;
}

const char *ac_diag_code_name(ac_code code, char buf[8]) {
  snprintf(buf, 8, "AC%04d", (int)code % 10000);
  return buf;
}

const char *ac_diag_severity_name(ac_severity s) {
  switch (s) {
  case AC_SEV_NOTE:
    return _("note");
  case AC_SEV_WARNING:
    return _("warning");
  case AC_SEV_ERROR:
    return _("error");
  }
  return "?";
}

/* Colours as gcc uses them. */
#define AC_BOLD "\033[1m"
#define AC_RED "\033[1;31m"
#define AC_MAGENTA "\033[1;35m"
#define AC_CYAN "\033[1;36m"
#define AC_GREEN "\033[1;32m"
#define AC_RESET "\033[0m"

/* Prints the quoted line with every byte that is not printable text shown
 * as '?', and a caret line under columns [from, to).  Long lines are cut to
 * a window around the span. */
static void ac_diag_quote(const ac_diag *g, FILE *out, ac_render_opts o) {
  size_t len;
  const char *line = ac_source_line(g->src, g->loc.first_line, &len);
  if (!line) return;
  int from = g->loc.first_column > 0 ? g->loc.first_column : 1;
  int to = g->loc.last_column;
  if (g->loc.last_line != g->loc.first_line || to <= from) to = from + 1;
  /* Find the byte offset of each column we need. */
  const unsigned char *u = (const unsigned char *)line;
  size_t i = 0;
  int col = 1;
  /* Start of the window, so that `from` stays visible. */
  size_t win_start = 0;
  int win_col = 1;
  while (i < len && col < from) {
    size_t k = ac_utf8_valid_seq(u + i, len - i);
    i += k ? k : 1;
    col++;
    if (col - win_col > AC_QUOTE_WIDTH / 2) {
      size_t k2 = ac_utf8_valid_seq(u + win_start, len - win_start);
      win_start += k2 ? k2 : 1;
      win_col++;
    }
  }
  fprintf(out, "%5d | ", g->loc.first_line + g->src->line_offset);
  if (win_start > 0) fputs("...", out);
  i = win_start;
  col = win_col;
  int shown = 0;
  while (i < len && shown < AC_QUOTE_WIDTH) {
    size_t k = ac_utf8_valid_seq(u + i, len - i);
    if (k == 1 && (u[i] == '\t'))
      fputc(' ', out);
    else if (k == 1 && (u[i] < 0x20 || u[i] == 0x7F))
      fputc('?', out);
    else if (k == 0)
      fputc('?', out);
    else
      fwrite(u + i, 1, k, out);
    i += k ? k : 1;
    col++;
    shown++;
  }
  if (i < len) fputs("...", out);
  fputc('\n', out);
  fputs("      | ", out);
  if (win_start > 0) fputs("   ", out);
  for (int c = win_col; c < from; c++) fputc(' ', out);
  if (o.color) fputs(g->severity == AC_SEV_NOTE ? AC_CYAN : AC_GREEN, out);
  fputc('^', out);
  int last = to - 1;
  /* the quote shows columns win_col .. win_col + AC_QUOTE_WIDTH - 1 */
  if (last > win_col + AC_QUOTE_WIDTH - 1) last = win_col + AC_QUOTE_WIDTH - 1;
  for (int c = from + 1; c <= last; c++) fputc('~', out);
  if (o.color) fputs(AC_RESET, out);
  fputc('\n', out);
}

static void ac_diag_print_one(const ac_diag *g, FILE *out, ac_render_opts o) {
  char code[8];
  if (o.color) fputs(AC_BOLD, out);
  if (g->src) {
    fprintf(out, "%s:", g->src->path);
    if (g->loc.first_line > 0)
      fprintf(out, "%d:%d:", g->loc.first_line + g->src->line_offset, g->loc.first_column);
    fputc(' ', out);
  } else {
    fputs("aftercare: ", out);
  }
  if (o.color) {
    fputs(AC_RESET, out);
    fputs(g->severity == AC_SEV_ERROR     ? AC_RED
          : g->severity == AC_SEV_WARNING ? AC_MAGENTA
                                          : AC_CYAN,
          out);
  }
  fprintf(out, "%s:", ac_diag_severity_name(g->severity));
  if (o.color) fputs(AC_RESET, out);
  fprintf(out, " %s", g->message);
  if (g->severity != AC_SEV_NOTE)
    fprintf(out, " [%s]", ac_diag_code_name(g->code, code));
  fputc('\n', out);
  if (g->src && g->loc.first_line > 0) ac_diag_quote(g, out, o);
}

static void ac_diag_print_all(const ac_diag *g, FILE *out, ac_render_opts o) {
  ac_diag_print_one(g, out, o);
  for (const ac_diag *n = g->notes; n; n = n->next) ac_diag_print_one(n, out, o);
}

void ac_diag_print_text(const ac_diag *g, FILE *out, ac_render_opts o) {
  /* Written in one piece: standard error is unbuffered, and a diagnostic
   * printed piece by piece there is dozens of write(2) calls (a batch of
   * a million queries, 1 % of them naming no activity, spent more time
   * writing their diagnostics than answering the rest). */
  char *text = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&text, &len);
  if (m) {
    ac_diag_print_all(g, m, o);
    bool ok = fclose(m) == 0;
    if (ok) fwrite(text, 1, len, out);
    free(text);
    if (ok) return;
  }
  ac_diag_print_all(g, out, o);
}

void ac_diags_print_text(const ac_diags *d, FILE *out, ac_render_opts o) {
  for (const ac_diag *g = d->first; g; g = g->next) ac_diag_print_text(g, out, o);
  if (d->dropped > 0) {
    char code[8];
    fprintf(out, "aftercare: %s: ", ac_diag_severity_name(AC_SEV_NOTE));
    fprintf(out,
            P_("%d more diagnostic not shown (limit %d) [%s]\n",
                     "%d more diagnostics not shown (limit %d) [%s]\n",
                     (unsigned long)d->dropped),
            d->dropped, d->limit, ac_diag_code_name(AC_N_TOO_MANY, code));
  }
}
