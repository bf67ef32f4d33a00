#!/bin/sh
# keyword-index.sh KEYWORDS VERDICTS LEVELS INTENSITIES -- prints a C header
# with the index of the keyword table of src/keyword.c: a hash of a word
# (its length, its first, middle and last letters) whose multipliers are
# chosen here so that no two keywords share a slot, and the slot table (the
# position of each keyword in ac_keywords[], plus one; 0 for none).  The
# files are src/keywords.def, verdicts.def, levels.def and intensities.def,
# read in the order keyword.c includes them: an entry without a word (a
# verdict without a verb, a level without a token) keeps its position.
set -eu
awk '
function quoted(s) { return match(s, /"[^"]*"/) ? substr(s, RSTART + 1, RLENGTH - 2) : "" }
function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
function add(w) { words[++n] = w }
FILENAME == ARGV[1] && /^AC_KEYWORD\(/ { add(quoted($0)) }
FILENAME == ARGV[2] && /^AC_VERDICT\(/ {
  split($0, f, ",")
  vword[++nv] = quoted(f[2])
  vverb[nv] = trim(f[5]) != "0" ? quoted(f[4]) : ""
}
FILENAME == ARGV[3] && /^AC_LEVEL\(/ {
  if (nv) { for (i = 1; i <= nv; i++) add(vword[i]); for (i = 1; i <= nv; i++) add(vverb[i]); nv = 0 }
  split($0, f, ",")
  add(trim(f[3]) != "0" ? quoted(f[2]) : "")
}
FILENAME == ARGV[4] && /^AC_INTENSITY\(/ {
  split($0, f, ",")
  add(trim(f[3]) != "0" ? quoted(f[2]) : "")
}
END {
  slots = 512
  if (n > 254) { print "keyword-index.sh: more than 254 keywords" > "/dev/stderr"; exit 1 }
  for (c = 97; c <= 122; c++) code[sprintf("%c", c)] = c
  maxlen = 0
  for (i = 1; i <= n; i++) {
    w = words[i]
    if (w == "") continue
    if (w !~ /^[a-z][a-z]+$/) { print "keyword-index.sh: not two small letters or more: " w > "/dev/stderr"; exit 1 }
    len[i] = length(w)
    if (len[i] > maxlen) maxlen = len[i]
    first[i] = code[substr(w, 1, 1)]
    mid[i] = code[substr(w, int(len[i] / 2) + 1, 1)]
    last[i] = code[substr(w, len[i], 1)]
  }
  for (a = 1; a < 64; a++)
    for (b = 1; b < 64; b++)
      for (m = 1; m < 64; m++) {
        split("", used)
        ok = 1
        for (i = 1; i <= n && ok; i++) {
          if (words[i] == "") continue
          h = (len[i] * a + first[i] * b + mid[i] * m + last[i]) % slots
          if (h in used) ok = 0
          else used[h] = i
        }
        if (ok) {
          printf "/* Generated from the keyword tables by build-aux/keyword-index.sh: do not edit. */\n"
          printf "#define AC_KEYWORD_ENTRIES %d\n", n
          printf "#define AC_KEYWORD_SLOTS %d\n", slots
          printf "#define AC_KEYWORD_MAX_LEN %d\n", maxlen
          printf "#define AC_KEYWORD_HASH_LEN %du\n#define AC_KEYWORD_HASH_FIRST %du\n#define AC_KEYWORD_HASH_MIDDLE %du\n", a, b, m
          printf "static const unsigned char ac_keyword_slot[AC_KEYWORD_SLOTS] = {"
          for (h = 0; h < slots; h++)
            printf "%s%d%s", h % 16 == 0 ? "\n   " : " ", (h in used) ? used[h] : 0, h < slots - 1 ? "," : "\n"
          printf "};\n"
          exit 0
        }
      }
  print "keyword-index.sh: no hash without collisions" > "/dev/stderr"
  exit 1
}' "$@"
