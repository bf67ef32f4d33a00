/*
 * serve_web.c -- the files of the protocol editor page (serve_web.h).
 */
#include "config.h"

#include "serve_web.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aftercare.h"

static void ac_serve_web_add_explanation(const char *code, const char *title, void *ctx) {
  json_object_set_new(ctx, code,
                      json_pack("{s:s, s:s?}", "title", title, "text", aftercare_explain(code)));
}

int ac_serve_web_init(ac_serve_web *w) {
  memset(w, 0, sizeof *w);
  size_t len = 0;
  FILE *out = open_memstream(&w->keywords, &len);
  if (!out) return -1;
  aftercare_keywords_json(out);
  if (fclose(out) != 0) {
    ac_serve_web_destroy(w);
    return -1;
  }
  w->made[0] = (ac_serve_web_asset){"/keywords.json", "application/json",
                                    (const unsigned char *)w->keywords, len};
  json_t *all = json_object();
  if (all) {
    aftercare_diagnostic_codes(ac_serve_web_add_explanation, all);
    w->explanations = json_dumps(all, JSON_COMPACT);
    json_decref(all);
  }
  if (!w->explanations) {
    ac_serve_web_destroy(w);
    return -1;
  }
  w->made[1] = (ac_serve_web_asset){"/explanations.json", "application/json",
                                    (const unsigned char *)w->explanations,
                                    strlen(w->explanations)};
  return 0;
}

void ac_serve_web_destroy(ac_serve_web *w) {
  free(w->keywords);
  free(w->explanations);
  memset(w, 0, sizeof *w);
}

const ac_serve_web_asset *ac_serve_web_find(const ac_serve_web *w, const char *path) {
  if (strcmp(path, "/") == 0) path = "/index.html";
  for (unsigned long i = 0; i < ac_serve_web_nassets; i++)
    if (strcmp(ac_serve_web_assets[i].path, path) == 0) return &ac_serve_web_assets[i];
  for (size_t i = 0; i < sizeof w->made / sizeof *w->made; i++)
    if (w->made[i].path && strcmp(w->made[i].path, path) == 0) return &w->made[i];
  return NULL;
}
