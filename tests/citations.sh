#!/bin/sh
# citations.sh -- checks that a protocol cites every statement of its source.
#
# usage: tests/citations.sh STATEMENTS.md FILE.care
#
# STATEMENTS.md numbers the statements of a guide, one per list item:
#   - `R1.1`: Wait for three days ...            (an instruction)
#   - `I1.1` *context*: Scalp micropigmentation   (context: need not be cited)
# FILE.care is a protocol; its citations are the identifiers after `cites`,
# comma-separated, possibly across line breaks.  Comments and the contents of
# strings are ignored.  The citations of `expect` statements are checked
# against the statements file too, but do not count as citing a statement:
# the rules, phases, advice and the rest must cite every one of them
# (`aftercare test --coverage` checks the expectations' side).
#
# Prints "uncited: ID" for every non-context statement the protocol does not
# cite, and "unknown citation: ID" for every cited identifier the statements
# file does not define; exits 1 if there is any.  Otherwise prints
# "citations: N of N statements cited" and exits 0.  Exits 2 on a usage error.
#
# POSIX sh and awk only.

if [ "$#" -ne 2 ]; then
  echo "usage: $0 STATEMENTS.md FILE.care" >&2
  exit 2
fi
for f in "$1" "$2"; do
  if [ ! -f "$f" ] || [ ! -r "$f" ]; then
    echo "$0: cannot read '$f'" >&2
    exit 2
  fi
done

# Byte-wise processing: identifiers are ASCII, and strings may hold UTF-8.
LC_ALL=C
export LC_ALL

awk -v stmts="$1" -v care="$2" '
function is_cite(t) {
  return t ~ /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/ || t ~ /^[A-Za-z_][A-Za-z0-9_]*$/
}

BEGIN {
  # ---- the statements ----
  nstmt = 0
  while ((r = (getline line < stmts)) > 0) {
    sub(/\r$/, "", line)
    if (line !~ /^[ \t]*[-*+][ \t]+`[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+`/)
      continue
    id = line
    sub(/^[ \t]*[-*+][ \t]+`/, "", id)
    rest = id
    sub(/`.*$/, "", id)
    sub(/^[^`]*`/, "", rest)
    known[id] = 1
    if (rest ~ /^[ \t]*\*context\*/)
      continue
    if (!(id in needed)) {
      needed[id] = 1
      order[++nstmt] = id
    }
  }
  if (r < 0) { print "citations: cannot read " stmts > "/dev/stderr"; exit 2 }
  close(stmts)

  # ---- the protocol: drop comments and string contents, then tokenize ----
  ntok = 0
  instr = 0          # inside a string (strings end on their line, but be safe)
  first = 1
  while ((r = (getline line < care)) > 0) {
    if (first) { sub(/^\357\273\277/, "", line); first = 0 }   # BOM
    sub(/\r$/, "", line)
    out = ""
    n = length(line)
    for (i = 1; i <= n; i++) {
      c = substr(line, i, 1)
      if (instr) {
        if (c == "\\") { i++; continue }
        if (c == "\"") { instr = 0; out = out " \"\" " }
        continue
      }
      if (c == "\"") { instr = 1; continue }
      if (c == "#") break
      out = out c
    }
    instr = 0        # a string ends on the line it starts
    gsub(/[,;:{}()=<>!?]/, " & ", out)
    m = split(out, w, /[ \t]+/)
    for (k = 1; k <= m; k++)
      if (w[k] != "") tok[++ntok] = w[k]
  }
  if (r < 0) { print "citations: cannot read " care > "/dev/stderr"; exit 2 }
  close(care)

  nunknown = 0
  inexpect = 0
  for (i = 1; i <= ntok; i++) {
    if (tok[i] == "expect") inexpect = 1
    if (tok[i] == ";") inexpect = 0
    if (tok[i] != "cites") continue
    j = i + 1
    while (j <= ntok && is_cite(tok[j])) {
      id = tok[j]
      if (!inexpect) cited[id] = 1
      if (!(id in known) && !(id in reported)) {
        reported[id] = 1
        unknown[++nunknown] = id
      }
      if (j + 1 <= ntok && tok[j + 1] == ",") j += 2
      else break
    }
  }

  bad = 0
  ncited = 0
  for (i = 1; i <= nstmt; i++) {
    if (order[i] in cited) ncited++
    else { print "uncited: " order[i]; bad = 1 }
  }
  for (i = 1; i <= nunknown; i++) {
    print "unknown citation: " unknown[i]
    bad = 1
  }
  if (bad) exit 1
  print "citations: " ncited " of " nstmt " statements cited"
  exit 0
}
'
