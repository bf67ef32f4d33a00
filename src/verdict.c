/*
 * verdict.c -- the words of verdicts, from verdicts.def; see verdict.h.
 */
#include "config.h"

#include "verdict.h"

#include <stddef.h>

#include "i18n.h"

static const struct {
  const char *word, *verb, *heading, *change, *change_one;
} ac_verdicts[] = {
#define AC_VERDICT(name, word, word_token, verb, verb_token, heading, change, change_one, plan_rank, \
                   change_rank)                                                                   \
  {word, verb, heading, change, change_one},
#include "verdicts.def"
};

static const ac_verdict ac_verdicts_in_plan_order[] = {
#define AC_VERDICT(name, word, word_token, verb, verb_token, heading, change, change_one, plan_rank, \
                   change_rank)                                                                   \
  [plan_rank] = AC_##name,
#include "verdicts.def"
};

static const ac_verdict ac_verdicts_in_change_order[] = {
#define AC_VERDICT(name, word, word_token, verb, verb_token, heading, change, change_one, plan_rank, \
                   change_rank)                                                                   \
  [change_rank] = AC_##name,
#include "verdicts.def"
};

#define AC_VERDICT_KNOWN(v) ((unsigned)(v) < AC_NVERDICTS)

ac_verdict ac_verdict_in_plan_order(int i) {
  return i >= 0 && i < AC_NVERDICTS ? ac_verdicts_in_plan_order[i] : AC_UNKNOWN;
}

const char *ac_verdict_name(ac_verdict v) {
  return AC_VERDICT_KNOWN(v) ? ac_verdicts[v].word : "?";
}

const char *ac_verdict_text(ac_verdict v) {
  return _(ac_verdict_name(v));
}

const char *ac_verdict_verb(ac_verdict v) {
  return AC_VERDICT_KNOWN(v) ? ac_verdicts[v].verb : NULL;
}

const char *ac_verdict_heading(ac_verdict v) {
  return AC_VERDICT_KNOWN(v) ? ac_verdicts[v].heading : "?";
}

const char *ac_verdict_change(ac_verdict v) {
  return AC_VERDICT_KNOWN(v) ? ac_verdicts[v].change : "?";
}

const char *ac_verdict_change_one(ac_verdict v) {
  return AC_VERDICT_KNOWN(v) ? ac_verdicts[v].change_one : "?";
}

ac_verdict ac_verdict_in_change_order(int i) {
  return i >= 0 && i < AC_NVERDICTS ? ac_verdicts_in_change_order[i] : AC_UNKNOWN;
}
