/*
 * loader.c -- the chain of extends; see loader.h.
 */
#include "config.h"

#include "loader.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "i18n.h"
#include "parse.h"

/* A file of the chain being loaded, newest first. */
typedef struct ac_link {
  const char *identity; /* real path, or "smp" for the standard one */
  const ac_source *src;
  ac_file *file;
  const ac_stmt *extends; /* its extends statement, or NULL */
  struct ac_link *next;   /* the file that extends this one */
} ac_link;

/* The directory part of a path, with its slash ("" if none). */
static char *ac_dirname(ac_arena *a, const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? ac_arena_strndup(a, path, (size_t)(slash - path + 1)) : "";
}

static const char *ac_identity(ac_arena *a, const char *path) {
  char buf[PATH_MAX];
  if (realpath(path, buf)) return ac_arena_strdup(a, buf);
  return ac_arena_strdup(a, path);
}

static ac_link *ac_link_new(ac_arena *a, ac_diags *d, ac_source *src,
                            const char *identity) {
  ac_link *l = ac_arena_alloc(a, sizeof *l);
  l->identity = identity;
  l->src = src;
  l->file = ac_parse_protocol(a, src, d);
  l->extends = l->file->extends;
  return l;
}

static ac_source *ac_standard_source(ac_arena *a, int id) {
  ac_source *s = ac_source_from_memory(a, AC_STANDARD_PATH, ac_embedded_smp,
                                       ac_embedded_smp_len);
  s->embedded = true;
  s->id = id;
  return s;
}

/* Follows the extends statements from `top`, then checks the chain. */
static ac_protocol *ac_load_chain(ac_arena *a, ac_diags *d, ac_link *top) {
  ac_link *chain = top; /* the root of the chain is found last */
  int n = 1;
  int next_id = top->src->id + 1;
  for (ac_link *cur = top; cur->extends; ) {
    const ac_stmt *ext = cur->extends;
    const char *target = ext->text.text;
    const char *identity;
    ac_link *base = NULL;
    if (strcmp(target, AC_STANDARD_NAME) == 0) {
      identity = AC_STANDARD_NAME;
    } else {
      const char *path = target[0] == '/' || cur->src->embedded
                             ? target
                             : ac_arena_printf(a, "%s%s", ac_dirname(a, cur->src->path), target);
      identity = ac_identity(a, path);
      /* Is it already in the chain? */
      for (ac_link *l = chain; l; l = l->next)
        if (strcmp(l->identity, identity) == 0) base = l;
      if (!base) {
        int err = 0;
        ac_source *src = ac_source_read(a, path, &err);
        if (!src) {
          ac_diag_add(d, AC_SEV_ERROR, AC_E_EXTENDS_MISSING, cur->src, ext->text.loc,
                      _("cannot read the extended protocol '%s': %s"), path,
                      strerror(err));
          break;
        }
        src->id = next_id++;
        base = ac_link_new(a, d, src, identity);
        goto link;
      }
    }
    if (!base)
      for (ac_link *l = chain; l; l = l->next)
        if (strcmp(l->identity, identity) == 0) base = l;
    if (base) {
      ac_diag *g = ac_diag_add(d, AC_SEV_ERROR, AC_E_EXTENDS_CYCLE, cur->src, ext->text.loc,
                               _("protocols extend each other in a cycle"));
      for (ac_link *l = chain; l; l = l->next) {
        if (l->extends)
          ac_diag_note(d, g, l->src, l->extends->text.loc, _("'%s' extends '%s'"),
                       l->src->path, l->extends->text.text);
        if (l == base) break;
      }
      break;
    }
    base = ac_link_new(a, d, ac_standard_source(a, next_id++), identity);
  link:
    if (++n > AC_MAX_EXTENDS) {
      ac_diag_add(d, AC_SEV_ERROR, AC_E_EXTENDS_DEPTH, cur->src, ext->text.loc,
                  _("more than %d protocols extend one another"), AC_MAX_EXTENDS);
      break;
    }
    base->next = chain;
    chain = base;
    cur = base;
  }
  /* chain now runs root first. */
  ac_protocol *p = ac_arena_alloc(a, sizeof *p);
  p->arena = a;
  p->diags = d;
  p->layers = ac_arena_array(a, (size_t)n, sizeof *p->layers);
  for (ac_link *l = chain; l; l = l->next) {
    ac_layer *layer = ac_arena_alloc(a, sizeof *layer);
    layer->depth = p->nlayers;
    layer->src = l->src;
    layer->file = l->file;
    p->layers[p->nlayers++] = layer;
  }
  ac_check(p);
  return p;
}

ac_protocol *ac_load_file(ac_arena *a, ac_diags *d, const char *path, int *io_err) {
  int err = 0;
  ac_source *src = ac_source_read(a, path, &err);
  if (!src) {
    *io_err = err;
    return NULL;
  }
  return ac_load_chain(a, d, ac_link_new(a, d, src, ac_identity(a, path)));
}

ac_protocol *ac_load_memory(ac_arena *a, ac_diags *d, const char *path,
                            const char *text, size_t len) {
  ac_source *src = ac_source_from_memory(a, path, text, len);
  return ac_load_chain(a, d, ac_link_new(a, d, src, ac_identity(a, path)));
}

ac_protocol *ac_load_standard(ac_arena *a, ac_diags *d) {
  return ac_load_chain(a, d, ac_link_new(a, d, ac_standard_source(a, 0), AC_STANDARD_NAME));
}
