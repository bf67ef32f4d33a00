/*
 * serve_set.h -- the protocols a server answers from (aftercare serve).
 *
 * A set is loaded once, at start or on SIGHUP, and never changed: the
 * standard protocol "smp", then each protocol file given, with every file
 * of the chain it extends read now.  Requests name a protocol of the set,
 * or bring their own text ("source"), whose `extends` are resolved among
 * the set only, by name: no request makes the server read a file.
 *
 * The set in force is held by an ac_serve_set_holder: a request takes a
 * reference (ac_serve_set_holder_get) and gives it back when done
 * (ac_serve_set_release); a reload swaps a new set in, and the old one is
 * freed when the last request that holds it is done.
 */
#ifndef AC_SERVE_SET_H
#define AC_SERVE_SET_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#include "aftercare.h"

/* A file of a chain, read at load: resolves `extends` for requests. */
typedef struct ac_serve_file {
  char *path;  /* as the loader names it: relative to the extending file */
  char *text;
  size_t len;
} ac_serve_file;

/* One loaded protocol. */
typedef struct ac_serve_protocol {
  aftercare *p;
  const char *name;   /* its `protocol` name ("smp") */
  const char *path;   /* its file, as given (the standard one: rules/smp.care) */
  const char *text;   /* its text (NULL: the standard one) */
  size_t len;
  char *info;         /* its entry of GET /v1/protocols: a JSON object */
} ac_serve_protocol;

typedef struct ac_serve_set {
  atomic_int refs;           /* the holder's one, and one per request */
  ac_serve_protocol *protocols; /* [0] is the standard one */
  int n;
  ac_serve_file *files;      /* every file read, protocols' and their chains' */
  int nfiles;
} ac_serve_set;

/* Loads the standard protocol and the files.  NULL if a file cannot be
 * read or has errors, two protocols have one name, or a protocol has no
 * name: the reasons (diagnostics) are written to `log`. */
ac_serve_set *ac_serve_set_load(const char *const *paths, int npaths, FILE *log);

/* The protocol of the set called `name`, or NULL. */
const ac_serve_protocol *ac_serve_set_find(const ac_serve_set *s, const char *name);

/* Opens protocol text of a request (named `name` in diagnostics): its
 * `extends` find the protocols of the set by name, and the files of their
 * chains; nothing else (AC0301).  Never NULL.  The set is only read. */
aftercare *ac_serve_set_open(ac_serve_set *s, const char *name, const char *text, size_t len);

/* Gives back a reference; the last frees the set. */
void ac_serve_set_release(ac_serve_set *s);

/* The set in force. */
typedef struct ac_serve_set_holder {
  pthread_mutex_t lock;      /* guards the pointer while a reference is taken */
  ac_serve_set *set;
} ac_serve_set_holder;

void ac_serve_set_holder_init(ac_serve_set_holder *h, ac_serve_set *s);
/* A reference to the set in force (give it back with ac_serve_set_release). */
ac_serve_set *ac_serve_set_holder_get(ac_serve_set_holder *h);
/* Puts s in force (the holder takes the caller's reference). */
void ac_serve_set_holder_swap(ac_serve_set_holder *h, ac_serve_set *s);
void ac_serve_set_holder_destroy(ac_serve_set_holder *h);

#endif
