#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SIGKILL trials (#12): runs each writing command TRIALS times, killing it
# with SIGKILL at a random moment of its run, then runs a command into the
# same folder once more and counts the leftovers: files other than the plan,
# the documents and the outputs the commands were asked for (a temporary,
# a -journal/-wal/-shm, a half-written output under its final name). After
# every trial the plan must pass --verify (integrity and every document's
# SHA-256) and, for --attach, hold every document whose run had finished.
#   [COMMANDS="export-evidence attach"] bench/kill-trials.sh [BUILDDIR] [TRIALS]
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
trials=${2:-50}
renaksi=$PWD/$build/src/renaksi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GSETTINGS_SCHEMA_DIR="$PWD/$build/data" GSETTINGS_BACKEND=memory HOME=$tmp/home
mkdir -p "$HOME"

"$renaksi" --new-default "$tmp/template.renaksi" >/dev/null || exit 1
head -c 200000 /dev/urandom > "$tmp/doc.bin"
for i in 1 2 3; do
  head -c 50000 /dev/urandom > "$tmp/seed$i.pdf"
  "$renaksi" --attach "$tmp/template.renaksi" "1.$i.1.1" "$tmp/seed$i.pdf" >/dev/null 2>&1
done

# Milliseconds one undisturbed run takes, so that kills land inside it.
duration () {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 + 1 ))
}

# The leftovers in $work: anything not in the expected list at the top,
# and any hidden or SQLite side file at any depth.
leftovers () {
  local work=$1; shift
  local n=0 name
  while IFS= read -r name; do
    local keep=0
    for e in "$@"; do [ "$name" = "$e" ] && keep=1; done
    [ $keep = 0 ] && { n=$((n + 1)); echo "    leftover: $name" >&2; }
  done < <(ls -A "$work")
  while IFS= read -r name; do
    n=$((n + 1)); echo "    leftover: ${name#$work/}" >&2
  done < <(find "$work" -mindepth 2 \( -name '.*' -o -name '*-journal' -o -name '*-wal' \
                                     -o -name '*-shm' -o -name '*.partial' \))
  echo $n
}

total_left=0 total_bad=0
printf "%-20s %7s %9s %10s %9s %9s\n" command trials finished leftovers unsound lost
for cmd in ${COMMANDS:-export-annex export-decree export-checklist export-xlsx export-tsv export-chart \
           export-evidence attach new-default}; do
  work=$tmp/work-$cmd
  rm -rf "$work"; mkdir -p "$work"
  cp "$tmp/template.renaksi" "$work/rencana.renaksi"
  cp "$tmp/doc.bin" "$work/dokumen.pdf"
  plan=$work/rencana.renaksi
  case $cmd in
    export-xlsx) out=hasil.xlsx ;;
    export-tsv) out=hasil.tsv ;;
    export-chart) out=hasil.png ;;
    export-evidence) out=bukti ;;
    new-default) out=baru.renaksi ;;
    attach) out= ;;
    *) out=hasil.pdf ;;
  esac
  # args TARGET: the command line writing TARGET (for --attach: a
  # document) into $line; run TARGET runs it.
  args () {
    case $cmd in
      attach) line=("$renaksi" --attach "$plan" 1.1.1.1 "$1") ;;
      new-default) line=("$renaksi" --new-default "$work/$1") ;;
      *) line=("$renaksi" "--$cmd" "$work/$1" "$plan") ;;
    esac
  }
  run () { args "$1"; "${line[@]}"; }
  if [ "$cmd" = attach ]; then
    cp "$tmp/doc.bin" "$work/probe.pdf"; echo x >> "$work/probe.pdf"
    ms=$(duration run "$work/probe.pdf")
    cp "$tmp/template.renaksi" "$plan"; rm -f "$work/probe.pdf"
  else
    ms=$(duration run "$out"); rm -rf "${work:?}/$out"
  fi
  plan_sum=$(sha256sum < "$plan")
  finished=0 left=0 unsound=0 lost=0 committed=()
  for t in $(seq "$trials"); do
    expected=(rencana.renaksi dokumen.pdf)
    if [ "$cmd" = attach ]; then
      doc=$work/doc-$t.pdf
      { cat "$tmp/doc.bin"; echo "trial $t"; } > "$doc"
      target=$doc
    else
      target=$out
    fi
    # The program itself in the background, not a subshell around it.
    args "$target"
    "${line[@]}" >/dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v ms="$ms" -v r=$RANDOM 'BEGIN { printf "%.4f", ms * 1.2 * r / 32768 / 1000 }')"
    kill -KILL $pid 2>/dev/null
    wait $pid 2>/dev/null; status=$?
    [ $status = 0 ] && { finished=$((finished + 1)); [ "$cmd" = attach ] && committed+=("doc-$t.pdf"); }

    # The next run of a command in that folder.
    case $cmd in
      attach)
        next=$work/next-$t.pdf; { cat "$tmp/doc.bin"; echo "next $t"; } > "$next"
        run "$next" >/dev/null 2>&1 || echo "    next run failed after trial $t" >&2
        committed+=("next-$t.pdf") ;;
      export-evidence)
        run "bukti-lagi" >/dev/null 2>&1 || echo "    next run failed after trial $t" >&2 ;;
      *)
        run "lagi-$out" >/dev/null 2>&1 || echo "    next run failed after trial $t" >&2 ;;
    esac

    for f in "$work"/doc-*.pdf "$work"/next-*.pdf; do [ -e "$f" ] && expected+=("$(basename "$f")"); done
    case $cmd in
      attach) ;;
      export-evidence) expected+=(bukti bukti-lagi) ;;
      *) expected+=("$out" "lagi-$out") ;;
    esac
    n=$(leftovers "$work" "${expected[@]}")
    left=$((left + n))

    # What the killed run left under the final name is whole, or nothing.
    case $cmd in
      new-default)
        for f in "$out" "lagi-$out"; do
          [ -e "$work/$f" ] && ! "$renaksi" --verify "$work/$f" >/dev/null 2>&1 && {
            unsound=$((unsound + 1)); echo "    $f unsound after trial $t" >&2; }
        done ;;
      export-annex|export-decree|export-checklist|export-chart)
        [ -e "$work/$out" ] && ! tail -c 1024 "$work/$out" | grep -aq '%%EOF\|IEND' && {
          unsound=$((unsound + 1)); echo "    $out incomplete after trial $t" >&2; } ;;
    esac
    if ! "$renaksi" --verify "$plan" >/dev/null 2>&1; then
      unsound=$((unsound + 1)); echo "    plan unsound after trial $t" >&2
    fi
    if [ "$cmd" = attach ]; then
      listed=$("$renaksi" --list-evidence "$plan" 2>/dev/null | cut -f7)
      for c in "${committed[@]}"; do
        grep -qxF "$c" <<< "$listed" || { lost=$((lost + 1)); echo "    lost $c after trial $t" >&2; }
      done
    elif [ "$(sha256sum < "$plan")" != "$plan_sum" ]; then
      unsound=$((unsound + 1)); echo "    plan changed by an export, trial $t" >&2
    fi
    rm -rf "${work:?}/${out:-none}" "$work/lagi-$out" "$work/bukti-lagi"
  done
  printf "%-20s %7d %9d %10d %9d %9d   (one run: %d ms)\n" "--$cmd" "$trials" "$finished" "$left" \
         "$unsound" "$lost" "$ms"
  total_left=$((total_left + left)); total_bad=$((total_bad + unsound + lost))
done
echo "leftovers in all: $total_left; unsound or lost: $total_bad"
[ $total_left = 0 ] && [ $total_bad = 0 ]
