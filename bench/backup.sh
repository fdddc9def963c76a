#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Backups that share evidence: a plan with MB (500) megabytes of evidence
# (ten scans' worth of random bytes each), five backups after text edits.
#   bench/backup.sh [BUILDDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mb=${MB:-500}
renaksi=$build/src/renaksi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"

"$renaksi" --new-default "$tmp/plan.renaksi"
per=$(( mb / 10 ))
docs=()
for i in $(seq 10); do
  head -c "$(( per * 1024 * 1024 ))" /dev/urandom > "$tmp/scan-$i.pdf"
  docs+=("$tmp/scan-$i.pdf")
done
"$renaksi" --attach "$tmp/plan.renaksi" 1.1.1.1 "${docs[@]}" >/dev/null
rm -f "${docs[@]}"

/usr/bin/time -f "whole run: %e s, peak memory %M kB" "$build/bench/bench-backup" "$tmp/plan.renaksi" 5

# Save a Copy of the same plan: in one call (the main loop waits for it)
# and in steps (RenaksiPlanCopier), the main loop's longest gap and p99.
mkdir "$tmp/copies"
/usr/bin/time -f "whole run: %e s, peak memory %M kB" "$build/bench/bench-save-copy" "$tmp/plan.renaksi" "$tmp/copies"
