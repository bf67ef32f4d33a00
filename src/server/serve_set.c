/*
 * serve_set.c -- the protocols a server answers from; see serve_set.h.
 */
#include "config.h"

#include "serve_set.h"

#include <errno.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* Files larger than this are refused, as the library refuses them. */
#define AC_SERVE_SET_MAX_FILE ((size_t)512 * 1024 * 1024)

static void *ac_serve_set_xalloc(void *old, size_t n) {
  void *q = realloc(old, n ? n : 1);
  if (!q) abort();
  return q;
}

static char *ac_serve_set_read_file(const char *path, size_t *len, int *err) {
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    *err = errno;
    return NULL;
  }
  size_t cap = 65536, n = 0;
  char *buf = ac_serve_set_xalloc(NULL, cap + 1);
  for (;;) {
    if (n == cap) {
      if (cap >= AC_SERVE_SET_MAX_FILE) {
        *err = EFBIG;
        break;
      }
      cap *= 2;
      buf = ac_serve_set_xalloc(buf, cap + 1);
    }
    size_t k = fread(buf + n, 1, cap - n, fp);
    n += k;
    if (k == 0) {
      if (ferror(fp)) {
        *err = errno ? errno : EIO;
        break;
      }
      fclose(fp);
      buf[n] = '\0';
      *len = n;
      return buf;
    }
  }
  fclose(fp);
  free(buf);
  return NULL;
}

/* Where the default resolver finds `extends "NAME"` of the file `from`:
 * NAME relative to its directory (an absolute NAME as it is). */
static char *ac_serve_set_relative(const char *name, const char *from) {
  const char *slash = from ? strrchr(from, '/') : NULL;
  if (name[0] == '/' || !slash) return strdup(name);
  size_t dir = (size_t)(slash - from) + 1;
  char *path = ac_serve_set_xalloc(NULL, dir + strlen(name) + 1);
  memcpy(path, from, dir);
  strcpy(path + dir, name);
  return path;
}

static const ac_serve_file *ac_serve_set_file(const ac_serve_set *s, const char *path) {
  for (int i = 0; i < s->nfiles; i++)
    if (strcmp(s->files[i].path, path) == 0) return &s->files[i];
  return NULL;
}

/* At load: reads the files of a chain, and keeps them. */
static int ac_serve_set_resolve_file(void *ctx, const char *name, const char *from,
                                     aftercare_resolution *r) {
  ac_serve_set *s = ctx;
  char *path = ac_serve_set_relative(name, from);
  const ac_serve_file *f = ac_serve_set_file(s, path);
  if (!f) {
    size_t len = 0;
    int err = 0;
    char *text = ac_serve_set_read_file(path, &len, &err);
    if (!text) {
      free(path);
      return err ? err : ENOENT;
    }
    s->files = ac_serve_set_xalloc(s->files, (size_t)(s->nfiles + 1) * sizeof *s->files);
    s->files[s->nfiles] = (ac_serve_file){path, text, len};
    f = &s->files[s->nfiles++];
  } else {
    free(path);
  }
  aftercare_resolved(r, f->path, f->text, f->len);
  return 0;
}

/* For requests: a protocol of the set by name, or a file of a chain read
 * at load (as the loader names it). */
static int ac_serve_set_resolve_loaded(void *ctx, const char *name, const char *from,
                                       aftercare_resolution *r) {
  const ac_serve_set *s = ctx;
  const ac_serve_protocol *p = ac_serve_set_find(s, name);
  if (p && p->text) {
    aftercare_resolved(r, p->path, p->text, p->len);
    return 0;
  }
  if (!from) return ENOENT;
  char *path = ac_serve_set_relative(name, from);
  const ac_serve_file *f = ac_serve_set_file(s, path);
  free(path);
  if (!f) return ENOENT;
  aftercare_resolved(r, f->path, f->text, f->len);
  return 0;
}

const ac_serve_protocol *ac_serve_set_find(const ac_serve_set *s, const char *name) {
  for (int i = 0; i < s->n; i++)
    if (strcmp(s->protocols[i].name, name) == 0) return &s->protocols[i];
  return NULL;
}

aftercare *ac_serve_set_open(ac_serve_set *s, const char *name, const char *text, size_t len) {
  return aftercare_open_with(name, text, len, ac_serve_set_resolve_loaded, s);
}

static json_t *ac_serve_set_string(const char *s) { return s ? json_string(s) : json_null(); }

/* The protocol's entry of GET /v1/protocols. */
static char *ac_serve_set_info(const aftercare *p) {
  json_t *chain = json_array();
  for (int i = 0; aftercare_chain(p, i); i++) json_array_append_new(chain, json_string(aftercare_chain(p, i)));
  json_t *o = json_pack("{s:o, s:o, s:o, s:o, s:o}", "name", ac_serve_set_string(aftercare_name(p)),
                        "title", ac_serve_set_string(aftercare_field(p, "title")), "version",
                        ac_serve_set_string(aftercare_field(p, "version")), "language",
                        ac_serve_set_string(aftercare_language(p)), "chain", chain);
  char *text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
  json_decref(o);
  if (!text) abort();
  return text;
}

/* Adds a loaded protocol; false (said) when it cannot serve. */
static bool ac_serve_set_add(ac_serve_set *s, aftercare *p, const char *path, const char *text,
                             size_t len, FILE *log) {
  if (aftercare_errors(p) > 0) {
    aftercare_print_diagnostics(p, log, AFTERCARE_TEXT, 0);
    aftercare_close(p);
    return false;
  }
  const char *name = aftercare_name(p);
  if (!name) {
    fprintf(log, _("aftercare: %s: the protocol has no name (protocol NAME { ... })\n"), path);
    aftercare_close(p);
    return false;
  }
  if (ac_serve_set_find(s, name)) {
    fprintf(log, _("aftercare: %s: a protocol called '%s' is loaded already\n"), path, name);
    aftercare_close(p);
    return false;
  }
  s->protocols = ac_serve_set_xalloc(s->protocols, (size_t)(s->n + 1) * sizeof *s->protocols);
  s->protocols[s->n++] = (ac_serve_protocol){p, name, path, text, len, ac_serve_set_info(p)};
  return true;
}

ac_serve_set *ac_serve_set_load(const char *const *paths, int npaths, FILE *log) {
  ac_serve_set *s = ac_serve_set_xalloc(NULL, sizeof *s);
  memset(s, 0, sizeof *s);
  atomic_init(&s->refs, 1);
  aftercare *smp = aftercare_open_standard();
  bool ok = ac_serve_set_add(s, smp, aftercare_path(smp), NULL, 0, log);
  for (int i = 0; ok && i < npaths; i++) {
    /* the file itself is kept, as those of its chain */
    size_t len = 0;
    int err = 0;
    char *text = ac_serve_set_read_file(paths[i], &len, &err);
    if (!text) {
      fprintf(log, _("aftercare: cannot read '%s': %s\n"), paths[i], strerror(err));
      ok = false;
      break;
    }
    s->files = ac_serve_set_xalloc(s->files, (size_t)(s->nfiles + 1) * sizeof *s->files);
    s->files[s->nfiles++] = (ac_serve_file){strdup(paths[i]), text, len};
    const ac_serve_file *f = &s->files[s->nfiles - 1];
    aftercare *p = aftercare_open_with(f->path, f->text, f->len, ac_serve_set_resolve_file, s);
    /* the files array may have moved: find the file again */
    f = ac_serve_set_file(s, paths[i]);
    ok = ac_serve_set_add(s, p, f->path, f->text, f->len, log);
  }
  if (!ok) {
    ac_serve_set_release(s);
    return NULL;
  }
  return s;
}

void ac_serve_set_release(ac_serve_set *s) {
  if (!s || atomic_fetch_sub_explicit(&s->refs, 1, memory_order_acq_rel) != 1) return;
  for (int i = 0; i < s->n; i++) {
    aftercare_close(s->protocols[i].p);
    free(s->protocols[i].info);
  }
  for (int i = 0; i < s->nfiles; i++) {
    free(s->files[i].path);
    free(s->files[i].text);
  }
  free(s->protocols);
  free(s->files);
  free(s);
}

void ac_serve_set_holder_init(ac_serve_set_holder *h, ac_serve_set *s) {
  pthread_mutex_init(&h->lock, NULL);
  h->set = s;
}

ac_serve_set *ac_serve_set_holder_get(ac_serve_set_holder *h) {
  pthread_mutex_lock(&h->lock);
  ac_serve_set *s = h->set;
  atomic_fetch_add_explicit(&s->refs, 1, memory_order_relaxed);
  pthread_mutex_unlock(&h->lock);
  return s;
}

void ac_serve_set_holder_swap(ac_serve_set_holder *h, ac_serve_set *s) {
  pthread_mutex_lock(&h->lock);
  ac_serve_set *old = h->set;
  h->set = s;
  pthread_mutex_unlock(&h->lock);
  ac_serve_set_release(old);
}

void ac_serve_set_holder_destroy(ac_serve_set_holder *h) {
  ac_serve_set_release(h->set);
  h->set = NULL;
  pthread_mutex_destroy(&h->lock);
}
