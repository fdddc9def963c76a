#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a translation misses a message the sources have, or has fuzzy
# or untranslated ones, or when a source file with translatable strings is
# missing from POTFILES. The template is made afresh from the sources, so a
# new _("…") that nobody translated fails here (msgfmt on id.po alone
# would not notice it).
#   check-po.sh MSGFMT PODIR
set -eu
msgfmt=$1
podir=$(cd "$2" && pwd)
top=$(dirname "$podir")
bindir=$(dirname "$msgfmt")
xgettext=$bindir/xgettext
msgmerge=$bindir/msgmerge
[ -x "$xgettext" ] || xgettext=xgettext
[ -x "$msgmerge" ] || msgmerge=msgmerge
status=0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The same keywords as meson's i18n "glib" preset, which makes renaksi-pot.
(cd "$top" && LC_ALL=C "$xgettext" --from-code=UTF-8 --add-comments \
   --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
   --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
   --flag=N_:1:pass-c-format --flag=g_strdup_printf:1:c-format \
   --flag=g_set_error:4:c-format --flag=g_printerr:1:c-format \
   --files-from="$podir/POTFILES" -o "$tmp/renaksi.pot")
echo "template: $(grep -c '^msgid ' "$tmp/renaksi.pot") messages from the sources"

for po in "$podir"/*.po; do
  name=$(basename "$po")
  # No fuzzy matching: a message the sources have and the .po lacks must
  # come out untranslated, not guessed from a neighbour.
  LC_ALL=C "$msgmerge" --quiet --no-fuzzy-matching -o "$tmp/$name" "$po" "$tmp/renaksi.pot"
  stats=$(LC_ALL=C "$msgfmt" --check --statistics -o /dev/null "$tmp/$name" 2>&1) || status=1
  echo "$name: $stats"
  case "$stats" in
    *fuzzy*|*untranslated*)
      status=1
      echo "missing, untranslated or fuzzy in $name:"
      for which in --untranslated --only-fuzzy; do
        LC_ALL=C msgattrib "$which" --no-wrap "$tmp/$name" | grep '^msgid ' | grep -vx 'msgid ""' || true
      done
      ;;
  esac
done

for f in $(cd "$top" && grep -rlE '(^|[^a-z_])(N?_|C_)\(' src --include='*.c' | sort); do
  grep -qx "$f" "$podir/POTFILES" || { echo "missing from POTFILES: $f"; status=1; }
done
for f in $(cd "$top" && grep -rlE 'translatable="yes"' ui --include='*.ui' | sort); do
  grep -qx "$f" "$podir/POTFILES" || { echo "missing from POTFILES: $f"; status=1; }
done
exit $status
