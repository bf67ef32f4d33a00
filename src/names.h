/*
 * names.h -- a hash table from names to entities, and "did you mean".
 *
 * One table holds every name of a protocol chain; queries use a second
 * table of normalised phrases (lower case, '_' read as a space) that maps
 * identifiers, labels and aliases to activities, symptoms and facts.
 */
#ifndef AC_NAMES_H
#define AC_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

typedef struct ac_names ac_names;

ac_names *ac_names_new(ac_arena *a);
/* A table with room for about n entries before it grows. */
ac_names *ac_names_new_sized(ac_arena *a, size_t n);
/* The value stored under key, or NULL. */
void *ac_names_get(const ac_names *t, const char *key);
/* Stores value under key unless the key is present; returns the value now
 * stored (the old one if present). */
void *ac_names_put(ac_names *t, const char *key, void *value);
/* Replaces (or adds) the value under key. */
void ac_names_set(ac_names *t, const char *key, void *value);
size_t ac_names_count(const ac_names *t);

/* Calls fn for every entry (in no particular order). */
void ac_names_each(const ac_names *t, void (*fn)(const char *key, void *value, void *ctx),
                   void *ctx);

/* Edit distance (with transpositions), capped: returns max+1 when the
 * distance is larger than max. */
int ac_names_edit_distance(const char *a, const char *b, int max);

/* Sorts the keys of a large table for ac_names_suggest (made again only if
 * the table changed since): without it a suggestion from a large table
 * compares the word with every key. */
void ac_names_sort(ac_names *t);

/* The closest of candidates to word, within a distance that grows with the
 * word's length, or NULL.  accept(value, ctx) filters the entries. */
const char *ac_names_suggest(const ac_names *t, const char *word,
                             int (*accept)(void *value, void *ctx), void *ctx);

/* The one normalisation of names and phrases, used for every key of the
 * table of phrases (declarations and queries alike): Unicode NFC and case
 * folding (libunistring's u8_casefold), '_', blanks, hyphens ('-', U+2010,
 * U+2011) and no-break spaces read as one space between words, none at the
 * ends, and the apostrophes U+2019 and U+02BC read as '.
 * "Shave_Razor " -> "shave razor"; "Touch-Up" -> "touch up";
 * "L’EAU" -> "l'eau". */
char *ac_names_normalise(ac_arena *a, const char *text);
/* The key of a phrase in a table of phrases: "K:" then the text normalised
 * ("a:shave razor"), in one allocation (what ac_query_phrase_key makes). */
char *ac_names_normalise_key(ac_arena *a, char kind, const char *text);
/* The same key (n: the length of text) written with its NUL into `out`
 * when it fits in cap bytes; returns the key's length (without the NUL):
 * when that is cap or more, out does not hold the key (its cap bytes may
 * have been written).  ASCII text gives a key of at most n + 2 bytes. */
size_t ac_names_key_into(char *out, size_t cap, char kind, const char *text, size_t n);

#endif
