/*
 * serve_web.c -- the files of the protocol editor page (serve_web.h).
 */
#include "config.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aftercare.h"
#include "serve_web.h"

/* The documents made at start; their bytes are owned here. */
static char *keywords_json, *explanations_json;
static ac_serve_web_asset made[2];

static void add_explanation(const char *code, const char *title, void *ctx) {
  json_t *all = ctx;
  const char *text = aftercare_explain(code);
  json_object_set_new(all, code, json_pack("{s:s, s:s?}", "title", title, "text", text));
}

int ac_serve_web_init(void) {
  size_t len = 0;
  FILE *out = open_memstream(&keywords_json, &len);
  if (!out) return -1;
  aftercare_keywords_json(out);
  if (fclose(out) != 0) {
    ac_serve_web_free();
    return -1;
  }
  made[0] = (ac_serve_web_asset){"/keywords.json", "application/json",
                                 (const unsigned char *)keywords_json, len};

  json_t *all = json_object();
  if (!all) {
    ac_serve_web_free();
    return -1;
  }
  aftercare_diagnostic_codes(add_explanation, all);
  explanations_json = json_dumps(all, JSON_COMPACT);
  json_decref(all);
  if (!explanations_json) {
    ac_serve_web_free();
    return -1;
  }
  made[1] = (ac_serve_web_asset){"/explanations.json", "application/json",
                                 (const unsigned char *)explanations_json,
                                 strlen(explanations_json)};
  return 0;
}

void ac_serve_web_free(void) {
  free(keywords_json);
  free(explanations_json);
  keywords_json = explanations_json = NULL;
  memset(made, 0, sizeof made);
}

const ac_serve_web_asset *ac_serve_web_find(const char *path) {
  if (strcmp(path, "/") == 0) path = "/index.html";
  for (unsigned long i = 0; i < ac_serve_web_nassets; i++)
    if (strcmp(ac_serve_web_assets[i].path, path) == 0) return &ac_serve_web_assets[i];
  for (size_t i = 0; i < sizeof made / sizeof made[0]; i++)
    if (made[i].path && strcmp(made[i].path, path) == 0) return &made[i];
  return NULL;
}
