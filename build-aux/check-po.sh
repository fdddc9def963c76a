#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a translation has fuzzy or untranslated messages, or when a
# source file with translatable strings is missing from POTFILES.
set -eu
msgfmt=$1
podir=$2
status=0
for po in "$podir"/*.po; do
  stats=$(LC_ALL=C "$msgfmt" --check --statistics -o /dev/null "$po" 2>&1)
  echo "$(basename "$po"): $stats"
  case "$stats" in
    *fuzzy*|*untranslated*) status=1 ;;
  esac
done
top=$(dirname "$podir")
for f in $(cd "$top" && grep -rlE '(^|[^a-z_])(N?_|C_)\(' src --include='*.c' | sort); do
  grep -qx "$f" "$podir/POTFILES" || { echo "missing from POTFILES: $f"; status=1; }
done
exit $status
