#!/bin/sh
# embed-web.sh FILE... -- prints a C file holding the bytes of each FILE
# (the protocol editor's bundle, web/dist/) and the table of them that
# aftercare serve answers from (src/cli/serve_web.h): a path "/BASENAME",
# a Content-Type from the file's extension, the bytes and their count.
# Needs only od and sed (no node, no python): ./configure && make and
# make distcheck build it anywhere.
set -eu
printf '/* Generated from web/dist/ by build-aux/embed-web.sh: do not edit. */\n'
printf '#include "serve_web.h"\n\n'
n=0
for file in "$@"; do
  printf 'static const unsigned char ac_web_bytes_%d[] = {\n' "$n"
  # od -tu1: unsigned decimal bytes; -v: no '*' for repeated lines.
  od -An -v -tu1 "$file" | sed -e 's/^ *//' -e 's/ *$//' -e '/^$/d' -e 's/  */,/g' -e 's/$/,/'
  # An empty file still makes a valid array.
  printf '0};\n\n'
  n=$((n + 1))
done
printf 'const ac_serve_web_asset ac_serve_web_assets[] = {\n'
n=0
for file in "$@"; do
  base=$(basename "$file")
  case "$base" in
    *.html) type='text/html; charset=utf-8' ;;
    *.js) type='text/javascript; charset=utf-8' ;;
    *.css) type='text/css; charset=utf-8' ;;
    *.json) type='application/json' ;;
    *.png) type='image/png' ;;
    *.svg) type='image/svg+xml' ;;
    *) type='application/octet-stream' ;;
  esac
  printf '  {"/%s", "%s", ac_web_bytes_%d, sizeof ac_web_bytes_%d - 1},\n' "$base" "$type" "$n" "$n"
  n=$((n + 1))
done
printf '};\n'
printf 'const unsigned long ac_serve_web_nassets = %d;\n' "$n"
