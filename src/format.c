/*
 * format.c -- the canonical layout of protocols (aftercare fmt).
 *
 * The formatter works on tokens and comments, not on the syntax tree: it
 * re-scans a file that the parser has accepted, keeps every token as
 * written (strings with their escapes, adjacent literals as split, numbers
 * and citations as written) and every comment, and only decides where the
 * spaces and line breaks go:
 *
 *   - a statement that fits in 80 columns is one line;
 *   - otherwise its head is one line and each clause starts a line, two
 *     columns in (a condition, a label, an expectation's answer and its
 *     citations stay on the line before when they fit there);
 *   - a clause's adjacent string literals go one to a line, two columns
 *     further in (aligned when the text starts its own line); lists of
 *     aliases, names and citations fill their lines;
 *   - blocks ({ ... }) have one item a line, two columns in;
 *   - blank lines between statements and comments are kept (at most one);
 *   - own-line comments stay on their own line before what follows them,
 *     trailing comments at the end of the line of the token they follow
 *     (aligned when on consecutive lines).
 *
 * The result is checked before it is handed out: it must scan to the same
 * tokens and comments as the input, so formatting never changes meaning.
 */
#include "config.h"

#include "aftercare.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diagnostic.h"
#include "format.h"

#include "intensity.h"
#include "i18n.h"
#include "keyword.h"
#include "parse.h"
#include "source.h"
#include "utf8.h"

#define FMT_WIDTH 80

typedef enum { K_WORD, K_STRING, K_NUMBER, K_PUNCT } fk_kind;

typedef struct ftok {
  const char *p;
  size_t n;
  int line;
  fk_kind kind;
  int lead, nlead; /* own-line comments just before (inside a statement) */
  int trail;       /* comment at the end of its line, or -1 */
} ftok;

typedef struct fcom {
  const char *p; /* from '#', trailing blanks removed */
  size_t n;
  int line;
  bool own;     /* first thing on its line */
  int next_tok; /* the token after it */
} fcom;

typedef struct fbuf {
  char *p;
  size_t len, cap;
} fbuf;

typedef struct fline {
  size_t code_off, code_len; /* in the code buffer */
  int code_width;
  int comment; /* trailing comment, or -1 */
} fline;

typedef struct fmt {
  ftok *t;
  int nt, capt;
  fcom *c;
  int nc, capc;
  int *first_lead; /* per token: first comment before it (own-line), or -1 */
  int *nlead_before;
  /* output */
  fbuf code;
  fline *lines;
  int nlines, caplines;
  size_t line_start; /* of the current line in code */
  int col;           /* columns of the current line */
  int pending;       /* trailing comment for the current line */
  bool oom;
} fmt;

/* ---- memory ---- */

static void *fmt_grow(fmt *f, void *p, int *cap, int need, size_t size) {
  if (need <= *cap) return p;
  int nc = *cap ? *cap * 2 : 64;
  while (nc < need) nc *= 2;
  void *q = realloc(p, (size_t)nc * size);
  if (!q) {
    f->oom = true;
    return p;
  }
  *cap = nc;
  return q;
}

static void buf_put(fmt *f, fbuf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t nc = b->cap ? b->cap * 2 : 4096;
    while (nc < b->len + n + 1) nc *= 2;
    char *q = realloc(b->p, nc);
    if (!q) {
      f->oom = true;
      return;
    }
    b->p = q;
    b->cap = nc;
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = '\0';
}

static int width(const char *p, size_t n) {
  int w = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char)p[i] & 0xC0) != 0x80) w++;
  return w;
}

/* ---- scanning ---- */

static bool is_idstart(int c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
static bool is_idchar(int c) { return is_idstart(c) || (c >= '0' && c <= '9'); }
static bool is_digit(int c) { return c >= '0' && c <= '9'; }

/* Scans text the parser accepted.  Returns false on something it does not
 * know (it should not happen). */
static bool fmt_scan(fmt *f, const char *s, size_t len) {
  size_t i = 0;
  int line = 1;
  bool line_has_token = false;
  while (i < len && !f->oom) {
    unsigned char ch = (unsigned char)s[i];
    if (ch == '\n') {
      line++;
      line_has_token = false;
      i++;
      continue;
    }
    if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v') {
      i++;
      continue;
    }
    if (ch == '#') {
      size_t j = i;
      while (j < len && s[j] != '\n') j++;
      size_t e = j;
      while (e > i && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' ||
                       s[e - 1] == '\f' || s[e - 1] == '\v'))
        e--;
      f->c = fmt_grow(f, f->c, &f->capc, f->nc + 1, sizeof *f->c);
      if (f->oom) return false;
      fcom *c = &f->c[f->nc++];
      c->p = s + i;
      c->n = e - i;
      c->line = line;
      c->own = !line_has_token;
      c->next_tok = -1;
      i = j;
      continue;
    }
    size_t j = i;
    fk_kind kind = K_PUNCT;
    if (is_idstart(ch) || ch >= 0x80) {
      /* an identifier, or a word of a query ("salée", "touch-up") */
      j += ac_utf8_word_end(s + i, len - i);
      if (j == i) return false;
      /* a citation: .part after .part */
      while (j + 1 < len && s[j] == '.' && is_idchar((unsigned char)s[j + 1])) {
        j++;
        while (j < len && is_idchar((unsigned char)s[j])) j++;
      }
      kind = K_WORD;
    } else if (is_digit(ch) || (ch == '-' && i + 1 < len && is_digit((unsigned char)s[i + 1]))) {
      j++;
      while (j < len && is_digit((unsigned char)s[j])) j++;
      kind = K_NUMBER;
    } else if (ch == '"') {
      j++;
      while (j < len && s[j] != '"' && s[j] != '\n') j += s[j] == '\\' && j + 1 < len ? 2 : 1;
      if (j >= len || s[j] != '"') return false;
      j++;
      kind = K_STRING;
    } else if (j + 1 < len && ((ch == '.' && s[j + 1] == '.') ||
                               ((ch == '<' || ch == '>' || ch == '=' || ch == '!') &&
                                s[j + 1] == '='))) {
      j += 2;
    } else if (strchr("();:,={}<>?", ch)) {
      j++;
    } else {
      return false;
    }
    f->t = fmt_grow(f, f->t, &f->capt, f->nt + 1, sizeof *f->t);
    if (f->oom) return false;
    ftok *t = &f->t[f->nt++];
    t->p = s + i;
    t->n = j - i;
    t->line = line;
    t->kind = kind;
    t->lead = -1;
    t->nlead = 0;
    t->trail = -1;
    line_has_token = true;
    i = j;
  }
  return !f->oom;
}

static bool tok_is(const fmt *f, int i, const char *w) {
  if (i < 0 || i >= f->nt) return false;
  size_t n = strlen(w);
  return f->t[i].n == n && memcmp(f->t[i].p, w, n) == 0;
}

/* Trailing comments go to the token before them; own-line comments note
 * the token after them. */
static void fmt_attach(fmt *f) {
  int ti = 0;
  for (int k = 0; k < f->nc; k++) {
    fcom *c = &f->c[k];
    while (ti < f->nt && f->t[ti].p < c->p) ti++;
    if (!c->own && ti > 0)
      f->t[ti - 1].trail = k;
    else
      c->next_tok = ti;
  }
}

/* ---- output ---- */

static void out_text(fmt *f, const char *s, size_t n) {
  buf_put(f, &f->code, s, n);
  f->col += width(s, n);
}

static void out_indent(fmt *f, int n) {
  static const char spaces[] = "                                ";
  while (n > 0) {
    int k = n > 32 ? 32 : n;
    out_text(f, spaces, (size_t)k);
    n -= k;
  }
}

static void out_newline(fmt *f) {
  f->lines = fmt_grow(f, f->lines, &f->caplines, f->nlines + 1, sizeof *f->lines);
  if (f->oom) return;
  fline *l = &f->lines[f->nlines++];
  l->code_off = f->line_start;
  l->code_len = f->code.len - f->line_start;
  l->code_width = f->col;
  l->comment = f->pending;
  f->line_start = f->code.len;
  f->col = 0;
  f->pending = -1;
}

static void out_comment_line(fmt *f, int k, int indent) {
  out_indent(f, indent);
  out_text(f, f->c[k].p, f->c[k].n);
  out_newline(f);
}

static bool need_space(const ftok *a, const ftok *b) {
  if (b->n == 1 && strchr(";,:)", b->p[0])) return false;
  if (a->n == 1 && a->p[0] == '(') return false;
  if (b->n == 2 && b->p[0] == '.' && a->kind == K_NUMBER) return false;
  if (a->n == 2 && a->p[0] == '.' && b->kind == K_NUMBER) return false;
  /* an intensity range: mild..moderate */
  if (b->n == 2 && b->p[0] == '.' && ac_intensity_of(a->p, (size_t)a->n) != AC_INTENSITY_ANY) return false;
  if (a->n == 2 && a->p[0] == '.' && ac_intensity_of(b->p, (size_t)b->n) != AC_INTENSITY_ANY) return false;
  return true;
}

/* Width of tokens [a, b) on one line. */
static int flat_width(const fmt *f, int a, int b) {
  int w = 0;
  for (int i = a; i < b; i++) {
    if (i > a && need_space(&f->t[i - 1], &f->t[i])) w++;
    w += width(f->t[i].p, f->t[i].n);
  }
  return w;
}

static void out_tok(fmt *f, int i, bool first_on_line) {
  if (!first_on_line && need_space(&f->t[i - 1], &f->t[i])) out_text(f, " ", 1);
  out_text(f, f->t[i].p, f->t[i].n);
  if (f->t[i].trail >= 0) f->pending = f->t[i].trail;
}

/* ---- segments: a statement's head and clauses ---- */

typedef enum { P_FLAT, P_ALL, P_FILL } fpolicy;

typedef struct fseg {
  int a, b;       /* tokens [a, b) */
  bool join;      /* stays on the line before when it fits */
  fpolicy policy; /* how its parts break */
  int cont;       /* indentation of its continuation lines, from its own */
  int rel;        /* its indentation from the statement's */
} fseg;

#define MAX_SEGS 64

typedef struct fsegs {
  fseg s[MAX_SEGS];
  int n;
} fsegs;

static void seg_add(fsegs *g, int a, int b, bool join, fpolicy p, int cont, int rel) {
  if (a >= b) return;
  if (g->n == MAX_SEGS) { /* cannot happen: clauses are few; keep it whole */
    g->s[g->n - 1].b = b;
    g->s[g->n - 1].policy = P_FLAT;
    return;
  }
  fseg *s = &g->s[g->n++];
  s->a = a;
  s->b = b;
  s->join = join;
  s->policy = p;
  s->cont = cont;
  s->rel = rel;
}

static bool in_list(const fmt *f, int i, const char *const *words) {
  for (; *words; words++)
    if (tok_is(f, i, *words)) return true;
  return false;
}

/* Does a keyword with one of these roles (keyword.h) stand at i? */
static bool has_role(const fmt *f, int i, int roles) {
  return i >= 0 && i < f->nt && f->t[i].kind == K_WORD &&
         ac_keyword_has_role(f->t[i].p, f->t[i].n, roles);
}

/* Is the verb of a rule at i (forbid, allow, ...: verdicts.def)? */
static bool is_verb(const fmt *f, int i) {
  const ac_keyword *k = i >= 0 && i < f->nt && f->t[i].kind == K_WORD
                            ? ac_keyword_find(f->t[i].p, f->t[i].n, AC_KW_PROTOCOL)
                            : NULL;
  return k && k->cls == AC_KWC_VERB;
}

/* Does a clause of a statement of this kind (AC_KW_RULE, AC_KW_TRIAGE,
 * AC_KW_DECL) start at i? */
static bool clause_starts(const fmt *f, int i, int kind) {
  if (!has_role(f, i, kind)) return false;
  if (kind == AC_KW_RULE) {
    if (tok_is(f, i, "if") && tok_is(f, i - 1, "only")) return false;
    if (tok_is(f, i, "after") && !tok_is(f, i + 1, "final") && !tok_is(f, i + 1, "every"))
      return false;
  }
  return true;
}

/* Splits clauses [a, b) into segments. */
static void split_clauses(const fmt *f, fsegs *g, int a, int b, int kind) {
  int start = a;
  for (int i = a + 1; i <= b; i++) {
    if (i < b && !clause_starts(f, i, kind)) continue;
    bool cond = tok_is(f, start, "only") || tok_is(f, start, "if") || tok_is(f, start, "unless");
    bool text = tok_is(f, start, "because") || tok_is(f, start, "advice");
    bool list = tok_is(f, start, "cites") || tok_is(f, start, "overrides") ||
                tok_is(f, start, "aliases");
    seg_add(g, start, i, cond && kind == AC_KW_RULE, text ? P_ALL : list ? P_FILL : P_FLAT,
            text ? 2 : 0, 2);
    start = i;
  }
}

static int first_clause(const fmt *f, int a, int b, int kind) {
  for (int i = a; i < b; i++)
    if (clause_starts(f, i, kind)) return i;
  return b;
}

/* A label or text: the run of strings at i. */
static int strings_end(const fmt *f, int i, int b) {
  while (i < b && f->t[i].kind == K_STRING) i++;
  return i;
}

static void split_stmt(const fmt *f, int a, int b, fsegs *g, bool in_block) {
  g->n = 0;
  if (in_block) {
    if (in_list(f, a, (const char *const[]){"do", "dont", "why", NULL})) {
      int c = first_clause(f, a, b, AC_KW_DECL);
      seg_add(g, a, c, false, P_ALL, 2, 0);
      split_clauses(f, g, c, b, AC_KW_DECL);
    } else if (tok_is(f, a, "cites") || tok_is(f, a, "overrides")) {
      seg_add(g, a, b, false, P_FILL, 0, 0);
    } else {
      seg_add(g, a, b, false, P_ALL, 2, 0); /* header fields */
    }
    return;
  }
  int i = a;
  if ((tok_is(f, a, "rule") || tok_is(f, a, "triage") || tok_is(f, a, "constraint")) &&
      tok_is(f, a + 2, ":")) {
    seg_add(g, a, a + 3, false, P_FLAT, 0, 0);
    i = a + 3;
  }
  bool headed = i > a;
  if (is_verb(f, i)) {
    int c = first_clause(f, i, b, AC_KW_RULE);
    seg_add(g, i, c, false, P_FLAT, 0, headed ? 2 : 0);
    split_clauses(f, g, c, b, AC_KW_RULE);
  } else if (headed || tok_is(f, a, "symptoms")) { /* triage, constraint */
    int c = first_clause(f, i, b, AC_KW_TRIAGE);
    seg_add(g, i, c, false, P_FLAT, 0, headed ? 2 : 0);
    split_clauses(f, g, c, b, AC_KW_TRIAGE);
  } else if (tok_is(f, a, "advice")) {
    seg_add(g, a, a + 2, false, P_FLAT, 0, 0);
    int e = strings_end(f, a + 2, b);
    seg_add(g, a + 2, e, true, P_ALL, 0, 2);
    int c = first_clause(f, e, b, AC_KW_TRIAGE);
    seg_add(g, e, c, false, P_FLAT, 0, 2);
    split_clauses(f, g, c, b, AC_KW_TRIAGE);
  } else if (tok_is(f, a, "no")) {
    int c = first_clause(f, a, b, AC_KW_TRIAGE);
    seg_add(g, a, c, false, P_FLAT, 0, 0);
    split_clauses(f, g, c, b, AC_KW_TRIAGE);
  } else if (tok_is(f, a, "activity") || tok_is(f, a, "symptom") || tok_is(f, a, "fact") ||
             tok_is(f, a, "group")) {
    int h = tok_is(f, a, "fact") ? a + 3 : a + 2;
    if (h > b) h = b;
    int e = strings_end(f, h, b);
    bool group = tok_is(f, a, "group");
    if (group && tok_is(f, e, "=")) e++;
    if (e > h) {
      seg_add(g, a, h, false, P_FLAT, 0, 0);
      seg_add(g, h, e, true, P_ALL, 0, 2);
    } else {
      seg_add(g, a, e, false, P_FLAT, 0, 0);
    }
    int c = first_clause(f, e, b, AC_KW_DECL);
    if (group) seg_add(g, e, c, false, P_FILL, 0, 2);
    split_clauses(f, g, c, b, AC_KW_DECL);
  } else if (tok_is(f, a, "expect")) {
    int is = a;
    while (is < b && !tok_is(f, is, "is")) is++;
    int c = is;
    while (c < b && !tok_is(f, c, "cites")) c++;
    seg_add(g, a, is, false, P_FLAT, 0, 0);
    seg_add(g, is, c, true, P_FLAT, 0, 2);
    seg_add(g, c, b, true, P_FILL, 0, 2);
  } else if (tok_is(f, a, "extends")) {
    seg_add(g, a, b, false, P_ALL, 2, 0);
  } else {
    seg_add(g, a, b, false, P_FLAT, 0, 0); /* heads of blocks, protocol NAME; */
  }
  /* Every token belongs to a segment: one that ends before the next one
   * starts (a ';' after a label, say) takes the tokens in between. */
  if (g->n > 0) {
    g->s[0].a = a;
    for (int k = 0; k + 1 < g->n; k++) g->s[k].b = g->s[k + 1].a;
    g->s[g->n - 1].b = b;
  }
}

/* Is there a comment inside tokens [a, b) (not after the last)? */
static bool has_inner_comments(const fmt *f, int a, int b) {
  for (int i = a; i < b; i++) {
    if (i > a && f->t[i].nlead > 0) return true;
    if (i < b - 1 && f->t[i].trail >= 0) return true;
  }
  return false;
}

/* Does a part start at i (inside segment s)? *forced: a comment forces the
 * break. */
static bool part_starts(const fmt *f, const fseg *s, int i, bool *forced) {
  *forced = f->t[i].nlead > 0 || f->t[i - 1].trail >= 0;
  if (*forced) return true;
  if (s->policy == P_FILL) return f->t[i - 1].n == 1 && f->t[i - 1].p[0] == ',';
  if (s->policy == P_ALL) {
    if (f->t[i].kind != K_STRING) return false;
    for (int k = s->a; k < i; k++)
      if (f->t[k].kind == K_STRING) return true;
  }
  return false;
}

static void out_leading(fmt *f, int i, int indent) {
  for (int k = 0; k < f->t[i].nlead; k++) out_comment_line(f, f->t[i].lead + k, indent);
}

/* Writes segment s; the line is positioned where it starts, at column si
 * if it starts the line. */
static void out_seg(fmt *f, const fseg *s, int si) {
  int ci = si + (s->policy == P_FLAT ? 2 : s->cont);
  bool broken = f->col + flat_width(f, s->a, s->b) > FMT_WIDTH || has_inner_comments(f, s->a, s->b);
  bool line_start = true;
  for (int i = s->a; i < s->b; i++) {
    bool forced = false;
    if (i > s->a && part_starts(f, s, i, &forced)) {
      int pw = 0; /* the part's width, to the next part */
      int j = i + 1;
      bool fd;
      while (j < s->b && !part_starts(f, s, j, &fd)) j++;
      pw = flat_width(f, i, j);
      bool brk = forced || (broken && s->policy == P_ALL) ||
                 (s->policy == P_FILL && f->col + 1 + pw > FMT_WIDTH);
      if (brk) {
        out_newline(f);
        out_leading(f, i, ci);
        out_indent(f, ci);
        line_start = true;
      }
    }
    out_tok(f, i, line_start);
    line_start = false;
  }
}

static void out_stmt(fmt *f, int a, int b, int indent, bool in_block) {
  fsegs g;
  split_stmt(f, a, b, &g, in_block);
  out_indent(f, indent);
  if (!has_inner_comments(f, a, b) && indent + flat_width(f, a, b) <= FMT_WIDTH) {
    for (int i = a; i < b; i++) out_tok(f, i, i == a);
    return;
  }
  out_seg(f, &g.s[0], indent);
  for (int k = 1; k < g.n; k++) {
    const fseg *s = &g.s[k];
    int si = indent + s->rel;
    if (s->join && f->t[s->a - 1].trail < 0 && f->t[s->a].nlead == 0 &&
        !has_inner_comments(f, s->a, s->b) &&
        f->col + 1 + flat_width(f, s->a, s->b) <= FMT_WIDTH) {
      for (int i = s->a; i < s->b; i++) out_tok(f, i, false);
      continue;
    }
    out_newline(f);
    out_leading(f, s->a, si);
    out_indent(f, si);
    out_seg(f, s, si);
  }
}

/* ---- items: statements and comments, in a file or a block ---- */

static int last_line_of(const fmt *f, int tok) {
  return f->t[tok].line;
}

/* Writes the comments before token `at` that are items of this level;
 * *prev_last is the last line of the item before (0: none yet). */
static void out_item_comments(fmt *f, int at, int indent, int *prev_last) {
  int first = f->first_lead[at], n = f->nlead_before[at];
  for (int k = first; k >= 0 && k < first + n; k++) {
    if (*prev_last > 0 && f->c[k].line > *prev_last + 1) out_newline(f);
    out_comment_line(f, k, indent);
    *prev_last = f->c[k].line;
  }
}

/* The end of the statement at i (one past its ';' or its block's '}'), at
 * the level of blocks given. */
static int stmt_end(const fmt *f, int i, bool *block, int *open) {
  *block = false;
  for (int k = i; k < f->nt; k++) {
    if (tok_is(f, k, ";")) return k + 1;
    if (tok_is(f, k, "{")) {
      *block = true;
      *open = k;
      int depth = 0;
      for (int j = k; j < f->nt; j++) {
        if (tok_is(f, j, "{")) depth++;
        if (tok_is(f, j, "}") && --depth == 0) return j + 1;
      }
      return f->nt;
    }
  }
  return f->nt;
}

static int out_items(fmt *f, int a, int b, int indent, bool in_block);

static void out_block_stmt(fmt *f, int a, int open, int end, int indent) {
  /* the head, up to and including '{' */
  out_indent(f, indent);
  fseg head = {a, open + 1, false, P_FLAT, 0, 0};
  out_seg(f, &head, indent);
  int close = end - 1;
  out_newline(f);
  int last = out_items(f, open + 1, close, indent + 2, true);
  out_item_comments(f, close, indent + 2, &last);
  out_indent(f, indent);
  out_tok(f, close, true);
}

/* Returns the last line of the last item written (0: none). */
static int out_items(fmt *f, int a, int b, int indent, bool in_block) {
  int prev_last = 0;
  int i = a;
  while (i < b) {
    out_item_comments(f, i, indent, &prev_last);
    bool block = false;
    int open = -1;
    int end = in_block ? i : 0;
    if (in_block) {
      while (end < b && !tok_is(f, end, ";")) end++;
      end = end < b ? end + 1 : b;
    } else {
      end = stmt_end(f, i, &block, &open);
    }
    if (prev_last > 0 && f->t[i].line > prev_last + 1) out_newline(f);
    if (block)
      out_block_stmt(f, i, open, end, indent);
    else
      out_stmt(f, i, end, indent, in_block);
    out_newline(f);
    prev_last = last_line_of(f, end - 1);
    i = end;
  }
  if (!in_block) out_item_comments(f, b, indent, &prev_last);
  return prev_last;
}

/* Marks which own-line comments are items (before the first token of an
 * item, before a block's '}', at the end) and which lead a token inside a
 * statement. */
static void mark_items(fmt *f, bool *item_start) {
  int i = 0;
  while (i < f->nt) {
    item_start[i] = true;
    bool block;
    int open = -1;
    int end = stmt_end(f, i, &block, &open);
    if (block) {
      int close = end - 1;
      item_start[close] = true;
      int k = open + 1;
      while (k < close) {
        item_start[k] = true;
        while (k < close && !tok_is(f, k, ";")) k++;
        k++;
      }
    }
    i = end;
  }
  item_start[f->nt] = true;
}

static void fmt_free(fmt *f) {
  free(f->t);
  free(f->c);
  free(f->first_lead);
  free(f->nlead_before);
  free(f->code.p);
  free(f->lines);
}

/* Formats scanned tokens into *out (malloc'd). */
static bool fmt_run(fmt *f, char **out, size_t *out_len) {
  fmt_attach(f);
  size_t n = (size_t)f->nt + 1;
  f->first_lead = malloc(n * sizeof *f->first_lead);
  f->nlead_before = calloc(n, sizeof *f->nlead_before);
  bool *item_start = calloc(n, sizeof *item_start);
  if (!f->first_lead || !f->nlead_before || !item_start) {
    free(item_start);
    return false;
  }
  for (size_t i = 0; i < n; i++) f->first_lead[i] = -1;
  mark_items(f, item_start);
  for (int k = 0; k < f->nc; k++) {
    int at = f->c[k].next_tok;
    if (at < 0) continue;
    if (item_start[at]) {
      if (f->first_lead[at] < 0) f->first_lead[at] = k;
      f->nlead_before[at]++;
    } else {
      if (f->t[at].lead < 0) f->t[at].lead = k;
      f->t[at].nlead++;
    }
  }
  free(item_start);
  f->pending = -1;
  out_items(f, 0, f->nt, 0, false);
  if (f->oom) return false;
  /* Align trailing comments of consecutive lines; join the lines. */
  fbuf res = {NULL, 0, 0};
  int k = 0;
  while (k < f->nlines) {
    int e = k;
    int col = 0;
    while (e < f->nlines && f->lines[e].comment >= 0) {
      if (f->lines[e].code_width > col) col = f->lines[e].code_width;
      e++;
    }
    if (e == k) e = k + 1;
    for (int j = k; j < e; j++) {
      const fline *l = &f->lines[j];
      buf_put(f, &res, f->code.p + l->code_off, l->code_len);
      if (l->comment >= 0) {
        int pad = l->code_width > 0 ? col + 2 - l->code_width : 0;
        for (int s = 0; s < pad; s++) buf_put(f, &res, " ", 1);
        buf_put(f, &res, f->c[l->comment].p, f->c[l->comment].n);
      }
      buf_put(f, &res, "\n", 1);
    }
    k = e;
  }
  if (!res.p) buf_put(f, &res, "", 0);
  if (f->oom) {
    free(res.p);
    return false;
  }
  *out = res.p;
  *out_len = res.len;
  return true;
}

/* Do two texts scan to the same tokens and comments? */
static bool fmt_same(const char *a, size_t alen, const char *b, size_t blen) {
  fmt x, y;
  memset(&x, 0, sizeof x);
  memset(&y, 0, sizeof y);
  bool ok = fmt_scan(&x, a, alen) && fmt_scan(&y, b, blen) && x.nt == y.nt && x.nc == y.nc;
  for (int i = 0; ok && i < x.nt; i++)
    ok = x.t[i].kind == y.t[i].kind && x.t[i].n == y.t[i].n &&
         memcmp(x.t[i].p, y.t[i].p, x.t[i].n) == 0;
  for (int i = 0; ok && i < x.nc; i++)
    ok = x.c[i].n == y.c[i].n && memcmp(x.c[i].p, y.c[i].p, x.c[i].n) == 0 &&
         x.c[i].own == y.c[i].own;
  fmt_free(&x);
  fmt_free(&y);
  return ok;
}

int ac_format_source(ac_arena *a, ac_source *src, ac_diags *d, char **out,
                     size_t *out_len) {
  ac_file *file = ac_parse_protocol(a, src, d);
  if (file->syntax_errors > 0 || d->errors > 0) return 1;
  fmt f;
  memset(&f, 0, sizeof f);
  bool ok = fmt_scan(&f, src->text, src->len) && fmt_run(&f, out, out_len);
  fmt_free(&f);
  if (!ok) return 2;
  if (!fmt_same(src->text, src->len, *out, *out_len)) {
    free(*out);
    *out = NULL;
    return 3;
  }
  return 0;
}

int ac_format_text(const char *name, const char *text, size_t len, char **out, size_t *out_len,
                   FILE *err, bool color) {
  ac_arena *a = ac_arena_new();
  ac_diags d;
  ac_diags_init(&d, a);
  ac_source *src = ac_source_from_memory(a, name, text, len);
  *out = NULL;
  *out_len = 0;
  int r = ac_format_source(a, src, &d, out, out_len);
  if (r == 1 && err) {
    ac_diags_sort(&d);
    ac_render_opts o = {color};
    ac_diags_print_text(&d, err, o);
  } else if (r == 2 && err) {
    fprintf(err, _("%s: out of memory while formatting\n"), name);
  } else if (r == 3 && err) {
    fprintf(err, _("%s: internal error: the formatted text would not mean the same; "
                   "left as it is\n"),
            name);
  }
  ac_arena_free(a);
  return r;
}
