/*
 * expectations.c -- running the expectations written in a protocol file
 * (`aftercare test`).
 */
#include "config.h"

#include "aftercare.h"

#include <string.h>

#include "evaluator.h"
#include "i18n.h"
#include "library.h"
#include "query.h"

/* The query of an expectation, as written in the file. */
static const char *ac_expect_text(ac_arena *a, const ac_stmt *s, const ac_source *src) {
  const ac_query *q = s->query;
  size_t len;
  const char *line = ac_source_line(src, q->loc.first_line, &len);
  if (!line || q->loc.last_line != q->loc.first_line) return _("(expectation)");
  int from = q->loc.first_column, to = q->loc.last_column;
  /* columns are characters: walk to bytes */
  const char *p = line, *end = line + len, *start = NULL, *stop = NULL;
  int col = 1;
  while (p <= end) {
    if (col == from) start = p;
    if (col == to) {
      stop = p;
      break;
    }
    if (p == end) break;
    size_t k = ac_utf8_valid_seq((const unsigned char *)p, (size_t)(end - p));
    p += k ? k : 1;
    col++;
  }
  if (!start) return _("(expectation)");
  if (!stop) stop = end;
  return ac_arena_strndup(a, start, (size_t)(stop - start));
}

int ac_run_expectations(ac_protocol *p, ac_arena *scratch, FILE *out, bool color) {
  int passed = 0, failed = 0;
  const ac_layer *top = p->layers[p->nlayers - 1];
  for (size_t i = 0; i < p->expectations.len; i++) {
    const ac_stmt *s = p->expectations.items[i];
    const ac_layer *layer = p->expect_layers.items[i];
    if (layer != top) continue;
    ac_arena_reset(scratch);
    ac_diags d;
    ac_diags_init(&d, scratch);
    ac_request r;
    if (!ac_request_resolve(p, scratch, s->query, layer->src, &d, &r)) {
      failed++;
      continue;
    }
    const ac_expected *x = &s->expected;
    const char *want = NULL, *got = NULL;
    switch (r.kind) {
    case AC_Q_CAN: {
      ac_can_answer ans;
      ac_eval_can(p, &r, &ans);
      if (ans.verdict != x->verdict) {
        want = ac_verdict_name(x->verdict);
        got = ac_verdict_name(ans.verdict);
      }
      break;
    }
    case AC_Q_WHEN: {
      ac_when_answer ans;
      ac_eval_when(p, scratch, r.activity, r.final_session, &ans);
      bool ok = x->never ? ans.never : (!ans.never && ans.allowed_from == x->day);
      if (!ok) {
        want = x->never ? _("never") : ac_arena_printf(scratch, _("from day %lld"), (long long)x->day);
        got = ans.never ? _("never") : ac_arena_printf(scratch, _("from day %ld"), (long)ans.allowed_from);
      }
      break;
    }
    case AC_Q_SYMPTOMS: {
      ac_triage_answer ans;
      ac_eval_symptoms(p, scratch, &r, &ans);
      if (ans.level != x->level) {
        want = ac_level_name(x->level);
        got = ac_level_name(ans.level);
      }
      break;
    }
    default:
      break;
    }
    if (!want) {
      passed++;
      continue;
    }
    failed++;
    if (color) fputs("\033[1m", out);
    fprintf(out, "%s:%d:%d: ", layer->src->path, s->loc.first_line, s->loc.first_column);
    if (color) fputs("\033[1;31m", out);
    fputs(_("expectation failed:"), out);
    if (color) fputs("\033[0m", out);
    fprintf(out, _(" %s: expected %s, the protocol answers %s\n"),
            ac_expect_text(scratch, s, layer->src), want, got);
  }
  fprintf(out, _("%d passed, %d failed\n"), passed, failed);
  return failed;
}
