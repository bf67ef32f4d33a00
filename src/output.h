/*
 * output.h -- answers and diagnostics as text for people and as JSON for
 * programs (one object per query per line; see docs/json.md).
 */
#ifndef AC_OUTPUT_H
#define AC_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include <jansson.h>

#include "diagnostic.h"
#include "model.h"
#include "query.h"

typedef enum ac_format {
  AC_FORMAT_TEXT, /* for people */
  AC_FORMAT_JSON, /* one JSON object per line */
  AC_FORMAT_LINE  /* the text answer on one line, its lines joined by " | " */
} ac_format;

/* Answers a resolved request.  Returns whether it is a `can` answered
 * "forbidden" (the exit status of `query --fail`): the answer is evaluated
 * once, for both. */
bool ac_output_answer(const ac_protocol *p, ac_arena *a, const ac_request *r,
                      const char *query_text, ac_format fmt, FILE *out);

/* A query that failed: its diagnostics as text, or as one JSON error
 * object {"query":..., "error":..., "diagnostics":[...]}. */
void ac_output_query_error(const ac_diags *d, const char *query_text, ac_format fmt,
                           FILE *out, FILE *err, bool color);

/* Diagnostics of `check` as one JSON document. */
void ac_output_diags_json(const ac_diags *d, FILE *out);

/* Writes o, indented, and a line end; releases it. */
void ac_output_json_document(json_t *o, FILE *out);

/* A phase as JSON: name, title, [from, to,] do, dont, why. */
json_t *ac_output_phase_json(const ac_phase *ph, bool with_days);

/* Where an entity is written: "rules/smp.care:12". */
const char *ac_output_where(ac_arena *a, const ac_entity *e);

/* "days 0..3", "day 4", "days 4..", "always". */
const char *ac_output_days(ac_arena *a, int32_t from, int32_t to);

#endif
