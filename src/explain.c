/*
 * explain.c -- finding the explanation of a diagnostic code; see explain.h
 * (the explanations are in src/explanations.c, made from
 * docs/diagnostics.md).
 */
#include "config.h"

#include "explain.h"

#include <stddef.h>
#include <strings.h>

const ac_explanation *ac_explain_find(const char *code) {
  if (!code) return NULL;
  for (unsigned long i = 0; i < ac_explanations_count; i++)
    if (strcasecmp(ac_explanations[i].code, code) == 0) return &ac_explanations[i];
  return NULL;
}
