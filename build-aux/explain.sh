#!/bin/sh
# explain.sh FILE -- prints a C file with the explanation of every
# diagnostic code, taken from docs/diagnostics.md (FILE): each section
# "## AC0107: title" up to the next "## " heading, as plain text (fenced
# code blocks indented by four spaces, their fences dropped).  Defines
# `const ac_explanation ac_explanations[]` and `ac_explanations_count`.
set -eu
file=$1
printf '/* Generated from %s by build-aux/explain.sh: do not edit. */\n' "$(basename "$file")"
printf '#include "explain.h"\n\n'
printf 'const ac_explanation ac_explanations[] = {\n'
# Escape backslashes and quotes first (and "??", a trigraph to old compilers).
sed -e 's/\r$//' -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/??/?\\?/g' "$file" | awk '
function flush() {
  if (code == "") return
  while (n > 0 && lines[n] == "") n--
  printf "  {\"%s\", \"%s\",\n", code, title
  for (i = 1; i <= n; i++) printf "   \"%s\\n\"\n", lines[i]
  printf "  },\n"
  code = ""; n = 0
}
/^## AC[0-9][0-9][0-9][0-9]: / {
  flush()
  code = substr($2, 1, 6)
  title = $0; sub(/^## AC[0-9]+: /, "", title)
  n = 0; lines[++n] = code ": " title; lines[++n] = ""; fence = 0; body = 0
  next
}
/^## / { flush(); next }
/^# / { flush(); next }
code != "" {
  if (!body && $0 == "") next
  body = 1
  if ($0 ~ /^```/) { fence = !fence; next }
  lines[++n] = fence && $0 != "" ? "    " $0 : $0
}
END { flush() }
'
printf '};\n'
printf 'const unsigned long ac_explanations_count = sizeof ac_explanations / sizeof *ac_explanations;\n'
