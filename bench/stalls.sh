#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The main loop's longest stalls and p99 while the window opens a plan
# with MB (500) megabytes of evidence, adds a DOC_MB (300) MB document,
# saves a copy, and exports the annex of 20,000 indicators (issue 13).
#   bench/stalls.sh [BUILDDIR]      (needs a display: xvfb-run)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mb=${MB:-500}
doc_mb=${DOC_MB:-300}
renaksi=$build/src/renaksi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" GSETTINGS_SCHEMA_DIR="$PWD/$build/data" GSETTINGS_BACKEND=memory GTK_A11Y=none

"$renaksi" --new-default "$tmp/plan.renaksi"
docs=()
for i in $(seq 10); do
  head -c "$(( mb / 10 * 1024 * 1024 ))" /dev/urandom > "$tmp/scan-$i.pdf"
  docs+=("$tmp/scan-$i.pdf")
done
"$renaksi" --attach "$tmp/plan.renaksi" 1.1.1.1 "${docs[@]}" >/dev/null
rm -f "${docs[@]}"
head -c "$(( doc_mb * 1024 * 1024 ))" /dev/urandom > "$tmp/new-scan.pdf"
python3 bench/gen-plan.py 20000 > "$tmp/big.plan"
"$build/bench/plan-from-text" "$tmp/big.plan" "$tmp/big.renaksi"
mkdir "$tmp/out"

/usr/bin/time -f "whole run: %e s, peak memory %M kB" ${WRAP:-} \
  "$build/bench/bench-stalls" "$tmp/plan.renaksi" "$tmp/new-scan.pdf" "$tmp/big.renaksi" "$tmp/out"
