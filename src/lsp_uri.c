/*
 * lsp_uri.c -- file URIs and the standard protocol's file (lsp_uri.h).
 */
#include "config.h"

#include "lsp_uri.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader.h"

/* Bytes a path keeps as they are in a URI (RFC 3986 unreserved, and '/'). */
static bool ac_uri_plain(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

char *ac_lsp_uri_of_path(ac_arena *a, const char *path) {
  char cwd[PATH_MAX];
  const char *dir = "";
  if (path[0] != '/' && getcwd(cwd, sizeof cwd)) dir = cwd;
  size_t n = strlen(dir) + strlen(path);
  char *out = ac_arena_alloc(a, 8 + 3 * n + 2);
  char *o = out + sprintf(out, "file://");
  for (int part = 0; part < 2; part++) {
    const char *s = part ? path : dir;
    if (part && *dir) *o++ = '/';
    for (; *s; s++) {
      unsigned char c = (unsigned char)*s;
      if (ac_uri_plain(c)) *o++ = (char)c;
      else o += sprintf(o, "%%%02X", c);
    }
  }
  *o = '\0';
  return out;
}

static int ac_hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

char *ac_lsp_uri_to_path(const char *uri) {
  if (strncmp(uri, "file://", 7) != 0) return NULL;
  const char *s = uri + 7;
  if (strncmp(s, "localhost/", 10) == 0) s += 9;
  if (*s != '/') return NULL;
  char *out = malloc(strlen(s) + 1), *o = out;
  if (!out) return NULL;
  for (; *s && *s != '?' && *s != '#'; s++) {
    int h, l;
    if (*s == '%' && (h = ac_hex(s[1])) >= 0 && (l = ac_hex(s[2])) >= 0) {
      if (h == 0 && l == 0) {
        free(out);
        return NULL;
      }
      *o++ = (char)(h * 16 + l);
      s += 2;
    } else {
      *o++ = *s;
    }
  }
  *o = '\0';
  return out;
}

static pthread_mutex_t ac_cache_lock = PTHREAD_MUTEX_INITIALIZER;

/* The cache directory, made if missing; false if there is none. */
static bool ac_cache_dir(char *dir, size_t size) {
  const char *cache = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
  int n;
  if (cache && cache[0] == '/') n = snprintf(dir, size, "%s/aftercare", cache);
  else if (home && home[0] == '/') n = snprintf(dir, size, "%s/.cache/aftercare", home);
  else return false;
  if (n < 0 || (size_t)n >= size - 64) return false;
  for (char *slash = strchr(dir + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
    *slash = '\0'; /* mkdir -p */
    (void)mkdir(dir, 0755);
    *slash = '/';
  }
  return mkdir(dir, 0755) == 0 || errno == EEXIST;
}

char *ac_lsp_uri_cache_file(ac_arena *a, const char *name, const char *text, size_t len) {
  char dir[PATH_MAX];
  if (!ac_cache_dir(dir, sizeof dir)) return NULL;
  char *path = ac_arena_printf(a, "%s/%s", dir, name);
  pthread_mutex_lock(&ac_cache_lock);
  struct stat st;
  bool ok = stat(path, &st) == 0 && (size_t)st.st_size == len;
  if (!ok) { /* written whole or not at all, then read-only */
    char *tmp = ac_arena_printf(a, "%s.%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (f) {
      ok = fwrite(text, 1, len, f) == len;
      ok = fclose(f) == 0 && ok;
      ok = ok && chmod(tmp, 0444) == 0 && rename(tmp, path) == 0;
      if (!ok) unlink(tmp);
    }
  }
  pthread_mutex_unlock(&ac_cache_lock);
  return ok ? path : NULL;
}

const char *ac_lsp_uri_standard_path(ac_arena *a) {
  return ac_lsp_uri_cache_file(a, "smp-" PACKAGE_VERSION ".care", ac_embedded_smp,
                               ac_embedded_smp_len);
}

char *ac_lsp_uri_of_source(ac_arena *a, const ac_source *s) {
  const char *path = s->embedded ? ac_lsp_uri_standard_path(a) : NULL;
  return ac_lsp_uri_of_path(a, path ? path : s->path);
}

bool ac_lsp_uri_is_source(ac_arena *a, const ac_source *s, const char *path) {
  if (strcmp(s->path, path) == 0) return true;
  const char *std = s->embedded ? ac_lsp_uri_standard_path(a) : NULL;
  return std && strcmp(std, path) == 0;
}
