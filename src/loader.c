/*
 * loader.c -- the chain of extends; see loader.h.
 */
#include "config.h"

#include "loader.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "parse.h"

/* A protocol of the chain being loaded; the chain runs from the root to
 * the protocol asked for. */
typedef struct ac_link {
  const char *identity; /* real path, "smp" for the standard one, or the
                         * path a resolver gave */
  const ac_source *src;
  ac_file *file;
  const ac_stmt *extends; /* its extends statement, or NULL */
  struct ac_link *next;   /* the protocol that extends this one */
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

int ac_load_read_file(void *ctx, const char *name, const char *from, aftercare_resolution *r) {
  (void)ctx;
  const char *path = name[0] == '/' || !from
                         ? name
                         : ac_arena_printf(r->arena, "%s%s", ac_dirname(r->arena, from), name);
  r->tried = path;
  int err = 0;
  ac_source *src = ac_source_read(r->arena, path, &err);
  if (!src) return err;
  r->src = src;
  r->identity = ac_identity(r->arena, path);
  return 0;
}

void ac_load_resolved(aftercare_resolution *r, const char *path, const char *text, size_t len) {
  r->src = ac_source_from_memory(r->arena, path, text, len);
  r->identity = r->src->path;
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

static ac_source *ac_standard_source(ac_arena *a) {
  ac_source *s = ac_source_from_memory(a, AC_STANDARD_PATH, ac_embedded_smp,
                                       ac_embedded_smp_len);
  s->embedded = true;
  return s;
}

static ac_link *ac_chain_find(ac_link *chain, const char *identity) {
  for (ac_link *l = chain; l; l = l->next)
    if (strcmp(l->identity, identity) == 0) return l;
  return NULL;
}

ac_protocol *ac_load(ac_arena *a, ac_diags *d, ac_source *top_src, const char *identity,
                     ac_load_resolver resolve, void *ctx) {
  ac_link *top = ac_link_new(a, d, top_src, identity);
  ac_link *chain = top; /* the root of the chain is found last */
  int n = 1;
  int next_id = top->src->id + 1;
  for (ac_link *cur = top; cur->extends;) {
    const ac_stmt *ext = cur->extends;
    const char *target = ext->text.text;
    ac_source *src = NULL;
    const char *id = AC_STANDARD_NAME;
    if (strcmp(target, AC_STANDARD_NAME) != 0) {
      aftercare_resolution r = {a, NULL, NULL, NULL};
      int err = resolve(ctx, target, cur->src->embedded ? NULL : cur->src->path, &r);
      if (err || !r.src) {
        ac_diag_add(d, AC_SEV_ERROR, AC_E_EXTENDS_MISSING, cur->src, ext->text.loc,
                    _("cannot read the extended protocol '%s': %s"), r.tried ? r.tried : target,
                    strerror(err ? err : ENOENT));
        break;
      }
      src = r.src;
      id = r.identity;
    }
    ac_link *seen = ac_chain_find(chain, id);
    if (seen) {
      ac_diag *g = ac_diag_add(d, AC_SEV_ERROR, AC_E_EXTENDS_CYCLE, cur->src, ext->text.loc,
                               _("protocols extend each other in a cycle"));
      for (ac_link *l = chain; l; l = l->next) {
        if (l->extends)
          ac_diag_note(d, g, l->src, l->extends->text.loc, _("'%s' extends '%s'"),
                       l->src->path, l->extends->text.text);
        if (l == seen) break;
      }
      break;
    }
    if (!src) src = ac_standard_source(a);
    src->id = next_id++;
    ac_link *base = ac_link_new(a, d, src, id);
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
  return p;
}

ac_protocol *ac_load_file(ac_arena *a, ac_diags *d, const char *path, int *io_err) {
  int err = 0;
  ac_source *src = ac_source_read(a, path, &err);
  if (!src) {
    *io_err = err;
    return NULL;
  }
  return ac_load(a, d, src, ac_identity(a, path), ac_load_read_file, NULL);
}

ac_protocol *ac_load_memory(ac_arena *a, ac_diags *d, const char *path,
                            const char *text, size_t len) {
  ac_source *src = ac_source_from_memory(a, path, text, len);
  return ac_load(a, d, src, ac_identity(a, path), ac_load_read_file, NULL);
}

ac_protocol *ac_load_standard(ac_arena *a, ac_diags *d) {
  return ac_load(a, d, ac_standard_source(a), AC_STANDARD_NAME, ac_load_read_file, NULL);
}
