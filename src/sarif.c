/*
 * sarif.c -- diagnostics as SARIF 2.1.0 (aftercare check --format sarif),
 * and the explanations of diagnostic codes (aftercare check --explain).
 *
 * One SARIF log has one run of the tool "aftercare"; its rules are every
 * diagnostic code of docs/diagnostics.md (compiled in, see explain.h), its
 * results the diagnostics of every protocol checked, in the order `check`
 * prints them.  A note becomes a related location of the diagnostic it is
 * attached to; the standard protocol built into the program is never a
 * result's primary location (ac_sarif_result).  Columns count Unicode code points, as in the text output.
 */
#include "config.h"

#include "aftercare.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diagnostic.h"
#include "explain.h"
#include "i18n.h"
#include "output.h"
#include "sarif.h"

#define AC_SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

/* A path as a URI reference: relative paths stay relative; unreserved
 * characters and '/' as they are, the rest percent-encoded. */
static char *ac_sarif_uri(const char *path) {
  size_t n = strlen(path);
  char *out = malloc(3 * n + 8);
  if (!out) abort();
  char *o = out;
  if (path[0] == '/') o += sprintf(o, "file://");
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
        strchr("-._~/", *p))
      *o++ = (char)*p;
    else
      o += sprintf(o, "%%%02X", *p);
  }
  *o = '\0';
  return out;
}

static json_t *ac_sarif_location(const ac_diag *g) {
  json_t *loc = json_object();
  if (g->src) {
    json_t *phys = json_object();
    json_t *art = json_object();
    char *uri = ac_sarif_uri(g->src->path);
    json_object_set_new(art, "uri", json_string(uri));
    free(uri);
    json_object_set_new(phys, "artifactLocation", art);
    if (g->loc.first_line > 0) {
      json_t *region = json_object();
      int line_off = g->src->line_offset;
      json_object_set_new(region, "startLine", json_integer(g->loc.first_line + line_off));
      json_object_set_new(region, "startColumn", json_integer(g->loc.first_column));
      json_object_set_new(region, "endLine", json_integer(g->loc.last_line + line_off));
      json_object_set_new(region, "endColumn", json_integer(g->loc.last_column));
      json_object_set_new(phys, "region", region);
    }
    json_object_set_new(loc, "physicalLocation", phys);
  }
  return loc;
}

static const char *ac_sarif_level(ac_severity s) {
  switch (s) {
  case AC_SEV_ERROR: return "error";
  case AC_SEV_WARNING: return "warning";
  default: return "note";
  }
}

static json_t *ac_sarif_message(const char *text) {
  json_t *m = json_object();
  json_object_set_new(m, "text", json_string(text));
  return m;
}

static long ac_sarif_rule_index(const char *code) {
  for (unsigned long i = 0; i < ac_explanations_count; i++)
    if (strcmp(ac_explanations[i].code, code) == 0) return (long)i;
  return -1;
}

static bool ac_sarif_in_user_file(const ac_diag *g) { return g->src && !g->src->embedded; }

static void ac_sarif_relate(json_t **rel, int *id, const ac_diag *g) {
  if (!*rel) *rel = json_array();
  json_t *l = ac_sarif_location(g);
  json_object_set_new(l, "id", json_integer((*id)++));
  json_object_set_new(l, "message", ac_sarif_message(g->message));
  json_array_append_new(*rel, l);
}

/* A result's primary location is in a file the user gave: a diagnostic in
 * the standard protocol built into the program takes the place of its first
 * note in such a file (with that note's message), and its own place goes to
 * the related locations, first; with no such note it has no primary
 * location.  The checker normally points at the user's files already. */
static json_t *ac_sarif_result(const ac_diag *g) {
  json_t *r = json_object();
  char code[8];
  ac_diag_code_name(g->code, code);
  json_object_set_new(r, "ruleId", json_string(code));
  long idx = ac_sarif_rule_index(code);
  if (idx >= 0) json_object_set_new(r, "ruleIndex", json_integer(idx));
  json_object_set_new(r, "level", json_string(ac_sarif_level(g->severity)));
  json_object_set_new(r, "message", ac_sarif_message(g->message));
  const ac_diag *primary = NULL;
  if (ac_sarif_in_user_file(g))
    primary = g;
  else if (g->src)
    for (const ac_diag *n = g->notes; n && !primary; n = n->next)
      if (ac_sarif_in_user_file(n)) primary = n;
  json_t *locs = json_array();
  if (primary) {
    json_t *l = ac_sarif_location(primary);
    if (primary != g) json_object_set_new(l, "message", ac_sarif_message(primary->message));
    json_array_append_new(locs, l);
  }
  json_object_set_new(r, "locations", locs);
  json_t *rel = NULL;
  int id = 1;
  if (g->src && primary != g) ac_sarif_relate(&rel, &id, g);
  for (const ac_diag *n = g->notes; n; n = n->next)
    if (n != primary) ac_sarif_relate(&rel, &id, n);
  if (rel) json_object_set_new(r, "relatedLocations", rel);
  return r;
}

void ac_sarif_write(const ac_diags *const *lists, size_t n, FILE *out) {
  json_t *log = json_object();
  json_object_set_new(log, "$schema", json_string(AC_SARIF_SCHEMA));
  json_object_set_new(log, "version", json_string("2.1.0"));
  json_t *run = json_object();
  json_t *tool = json_object();
  json_t *driver = json_object();
  json_object_set_new(driver, "name", json_string(PACKAGE));
  json_object_set_new(driver, "version", json_string(PACKAGE_VERSION));
#ifdef PACKAGE_URL
  if (PACKAGE_URL[0]) json_object_set_new(driver, "informationUri", json_string(PACKAGE_URL));
#endif
  json_t *rules = json_array();
  for (unsigned long i = 0; i < ac_explanations_count; i++) {
    const ac_explanation *e = &ac_explanations[i];
    json_t *rule = json_object();
    json_object_set_new(rule, "id", json_string(e->code));
    json_object_set_new(rule, "shortDescription", ac_sarif_message(e->title));
    /* the first paragraph of the explanation, on one line */
    const char *t = strstr(e->text, "\n\n");
    t = t ? t + 2 : e->text;
    const char *end = strstr(t, "\n\n");
    size_t len = end ? (size_t)(end - t) : strlen(t);
    char *para = malloc(len + 1);
    if (!para) abort();
    for (size_t k = 0; k < len; k++) para[k] = t[k] == '\n' ? ' ' : t[k];
    while (len > 0 && para[len - 1] == ' ') len--;
    para[len] = '\0';
    json_object_set_new(rule, "fullDescription", ac_sarif_message(para));
    free(para);
    json_array_append_new(rules, rule);
  }
  json_object_set_new(driver, "rules", rules);
  json_object_set_new(tool, "driver", driver);
  json_object_set_new(run, "tool", tool);
  json_object_set_new(run, "columnKind", json_string("unicodeCodePoints"));
  json_t *results = json_array();
  for (size_t i = 0; i < n; i++) {
    const ac_diags *d = lists[i];
    for (const ac_diag *g = d->first; g; g = g->next) json_array_append_new(results, ac_sarif_result(g));
    if (d->dropped > 0) {
      char msg[128];
      snprintf(msg, sizeof msg,
               P_("%d more diagnostic not shown (limit %d)", "%d more diagnostics not shown (limit %d)",
                  (unsigned long)d->dropped),
               d->dropped, d->limit);
      ac_diag extra;
      memset(&extra, 0, sizeof extra);
      extra.severity = AC_SEV_NOTE;
      extra.code = AC_N_TOO_MANY;
      extra.message = msg;
      json_array_append_new(results, ac_sarif_result(&extra));
    }
  }
  json_object_set_new(run, "results", results);
  json_t *runs = json_array();
  json_array_append_new(runs, run);
  json_object_set_new(log, "runs", runs);
  ac_output_json_document(log, out);
}
