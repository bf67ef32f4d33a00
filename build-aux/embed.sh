#!/bin/sh
# embed.sh NAME FILE -- prints a C file defining `const char NAME[]` with
# the bytes of FILE, and `const unsigned long NAME_len`.
set -eu
name=$1
file=$2
printf '/* Generated from %s by build-aux/embed.sh: do not edit. */\n' "$(basename "$file")"
printf 'const char %s[] =\n' "$name"
# Escape backslashes and quotes; each line becomes "...\n".
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\r$//' -e 's/^/  "/' -e 's/$/\\n"/' "$file"
printf '  ;\n'
printf 'const unsigned long %s_len = sizeof %s - 1;\n' "$name" "$name"
