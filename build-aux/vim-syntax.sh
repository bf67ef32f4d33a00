#!/bin/sh
# vim-syntax.sh AFTERCARE VIMFILE -- writes to standard output VIMFILE with
# its keyword lines (between the lines '" ---- keywords' and '" ---- end of
# keywords') made from the keyword table, as `AFTERCARE keywords` prints it:
# one `syn keyword` group per class, for the keywords of protocols.
# `make vim-syntax` rewrites editors/vim/syntax/aftercare.vim with it;
# tests/vim-syntax.test checks that it is up to date.
set -eu
prog=$1
vim=$2
keywords=$("$prog" keywords)
awk -v keywords="$keywords" '
  function group(class) {
    if (class == "answer") class = "verdict"   # never: an answer, as verdicts are
    return "aftercare" toupper(substr(class, 1, 1)) substr(class, 2)
  }
  BEGIN {
    n = split(keywords, lines, "\n")
    for (i = 1; i <= n; i++) {
      split(lines[i], f, "\t")
      if (f[3] !~ /protocol/) continue
      g = group(f[2])
      if (!(g in words)) order[++ngroups] = g
      words[g] = words[g] (g in words ? " " : "") f[1]
    }
  }
  /^" ---- keywords/ {
    print
    for (k = 1; k <= ngroups; k++) {
      g = order[k]
      m = split(words[g], w, " ")
      line = ""
      for (j = 1; j <= m; j++) {
        if (line != "" && length(line) + 1 + length(w[j]) > 78) {
          print line
          line = ""
        }
        if (line == "") line = sprintf("syn keyword %-18s %s", g, w[j])
        else line = line " " w[j]
      }
      if (line != "") print line
    }
    skip = 1
    next
  }
  /^" ---- end of keywords/ { skip = 0 }
  !skip { print }
' "$vim"
