/*
 * threads.c -- one loaded protocol, queried by eight threads at once.
 *
 * The standard protocol is loaded once.  Every request of a mixed list
 * (can, when, day, symptoms, explain, lists, unknown names with their
 * "did you mean", syntax errors, in the three formats; aftercare_can;
 * aftercare_names; plans in several formats and languages) is answered
 * once by this thread, then eight threads answer REQUESTS requests each
 * (AFTERCARE_THREAD_REQUESTS, default 100,000), each in its own random
 * order (a plan, much more work than the others, one time in 256), and
 * every answer (output, errors, result) must be the one of the first run,
 * byte for byte.  Run under ThreadSanitizer by CI (.ci/run, build-tsan/).
 *
 * Prints "N passed, M failed" (M: requests answered otherwise), exits 1 if
 * M > 0.
 */
#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aftercare.h"

#define THREADS 8

typedef enum kind { ASK, CAN, NAMES, PLAN } kind;

typedef struct request {
  kind kind;
  const char *text;         /* ASK: the query; CAN: the activity; NAMES: the kind;
                             * PLAN: the language (NULL: the process's) */
  int arg;                  /* ASK: the format; CAN: the day; PLAN: the format */
} request;

typedef struct answer {
  char *text;
  size_t len;
  int result;
} answer;

static const char *const queries[] = {
    "can swim on day 20",
    "can swim on day 45",
    "can I swim on day 3?",
    "CAN Swimming ON DAY 31",
    "can shave_razor on day 5",
    "can shave with a razor on day 12",
    "can sauna on day -3",
    "can go to the gym on day 4",
    "can wear a hat on day 2",
    "can wash my hair on day 1",
    "can shave_razor on day 40 after session 1",
    "can swim on day 20 after the final session",
    "when swim",
    "when can I shave_razor",
    "when sauna",
    "day 0",
    "day 7",
    "day 400",
    "symptoms redness on day 2",
    "symptoms severe redness, discharge on day 5",
    "symptoms itching and mild swelling on day 10",
    "phases",
    "activities",
    "symptoms",
    "help",
    "explain no_pools_saunas_first_month",
    /* unknown names: "did you mean" */
    "can swimm on day 3",
    "can shave_razr on day 3",
    "when saunaa",
    "symptoms rednes on day 2",
    "explain no_pools_sauna_first_month",
    "can redness on day 3",
    "can fly to the moon on day 3",
    /* syntax errors */
    "can swim",
    "can swim on day 99999999999",
    "frobnicate",
    "",
};

static const char *const activities[] = {"swim", "Swimming", "razor", "sauna", "gym", "nothing"};
static const char *const kinds[] = {"activities", "symptoms", "phases", "rules", "nothing"};
static const char *const languages[] = {NULL, "en", "fr"};

static request *requests;
static answer *expected;
static size_t nrequests, nplain; /* plans come after the nplain others */
static const aftercare *protocol;
static long per_thread = 100000;

static void add(kind k, const char *text, int arg) {
  requests[nrequests].kind = k;
  requests[nrequests].text = text;
  requests[nrequests].arg = arg;
  nrequests++;
}

static void count_name(const char *name, void *ctx) {
  FILE *out = ctx;
  fputs(name, out);
  fputc('\n', out);
}

static answer run(const request *r) {
  answer a = {NULL, 0, 0};
  FILE *out = open_memstream(&a.text, &a.len);
  if (!out) abort();
  switch (r->kind) {
  case ASK:
    a.result = aftercare_ask(protocol, r->text, (aftercare_format)r->arg, out, out, "query", 1,
                             0);
    break;
  case CAN: {
    const char *v = aftercare_can(protocol, r->text, r->arg);
    fputs(v ? v : "(none)", out);
    break;
  }
  case NAMES:
    a.result = aftercare_names(protocol, r->text, count_name, out);
    break;
  case PLAN: {
    static const long sessions[] = {20514, 20528}; /* 2026-03-02, 2026-03-16 */
    aftercare_plan_options o;
    memset(&o, 0, sizeof o);
    o.format = (aftercare_plan_format)r->arg;
    o.has_from = o.has_to = 1;
    o.from = 0;
    o.to = 2;
    o.language = r->text;
    o.sessions = sessions;
    o.nsessions = o.format == AFTERCARE_PLAN_ICS ? 2 : 0;
    o.dtstamp = 1767225600;
    a.result = aftercare_plan(protocol, &o, out, out);
    break;
  }
  }
  if (fclose(out) != 0) abort();
  return a;
}

static void *worker(void *arg) {
  size_t t = (size_t)arg;
  long *failures = calloc(1, sizeof *failures);
  if (!failures) abort();
  unsigned long long x = t + 1;
  for (long k = 0; k < per_thread; k++) {
    /* each thread its own order through the list */
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    size_t r = (size_t)(x >> 33);
    /* a plan (a thousand times a query's work) one time in 256 */
    size_t i = r % 256 == 0 ? nplain + (r >> 8) % (nrequests - nplain) : (r >> 8) % nplain;
    answer a = run(&requests[i]);
    if (a.result != expected[i].result || a.len != expected[i].len ||
        memcmp(a.text, expected[i].text, a.len) != 0) {
      if (*failures < 3)
        fprintf(stderr, "thread %zu, request %zu: the answer differs:\n%.*s\n---\n%.*s\n", t, i,
                (int)a.len, a.text, (int)expected[i].len, expected[i].text);
      ++*failures;
    }
    free(a.text);
  }
  return failures;
}

int main(void) {
  const char *n = getenv("AFTERCARE_THREAD_REQUESTS");
  if (n && *n) per_thread = strtol(n, NULL, 10);
  aftercare *p = aftercare_open_standard();
  if (!p || aftercare_errors(p) > 0) {
    fputs("threads: the standard protocol does not load\n", stderr);
    return 1;
  }
  protocol = p;
  size_t cap = 3 * (sizeof queries / sizeof *queries) + 2 * 40 * 6 + 8 + 5 * 3 + 1;
  requests = calloc(cap, sizeof *requests);
  if (!requests) abort();
  /* Queries weigh most; plans, the heaviest, least. */
  for (int f = 0; f < 3; f++)
    for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) add(ASK, queries[i], f);
  for (size_t i = 0; i < sizeof activities / sizeof *activities; i++)
    for (int day = -2; day < 78; day += 2) add(CAN, activities[i], day);
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) add(NAMES, kinds[i], 0);
  nplain = nrequests;
  for (int f = AFTERCARE_PLAN_TEXT; f <= AFTERCARE_PLAN_ICS; f++)
    for (size_t l = 0; l < sizeof languages / sizeof *languages; l++) add(PLAN, languages[l], f);
  expected = calloc(nrequests, sizeof *expected);
  if (!expected) abort();
  for (size_t i = 0; i < nrequests; i++) expected[i] = run(&requests[i]);

  pthread_t threads[THREADS];
  for (size_t t = 0; t < THREADS; t++)
    if (pthread_create(&threads[t], NULL, worker, (void *)t) != 0) abort();
  long failed = 0;
  for (size_t t = 0; t < THREADS; t++) {
    void *result;
    pthread_join(threads[t], &result);
    failed += *(long *)result;
    free(result);
  }
  for (size_t i = 0; i < nrequests; i++) free(expected[i].text);
  free(expected);
  free(requests);
  aftercare_close(p);
  printf("%ld passed, %ld failed\n", THREADS * per_thread - failed, failed);
  return failed > 0;
}
