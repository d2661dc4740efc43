#!/usr/bin/env bash
# Measures `tuki projections rebuild` (all projectors) on a generated ledger (release build), as
# reported in BENCHMARKS.md: events read per second and the peak memory of the process.
# Usage: Tools/bench/rebuild.sh [EVENTS] [STREAMS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
events=${1:-1000000}
streams=${2:-20000}
runs=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product tuki >/dev/null
tuki=.build/release/tuki
python3 Tools/bench/make-import-file.py --events "$events" --streams "$streams" >"$work/events.jsonl"
"$tuki" init --db "$work/ledger.sqlite" >/dev/null
"$tuki" import --db "$work/ledger.sqlite" "$work/events.jsonl" >/dev/null
rm "$work/events.jsonl"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
seconds=() memory=()
for _ in $(seq "$runs"); do
  /usr/bin/time -v "$tuki" projections rebuild --db "$work/ledger.sqlite" >"$work/out" 2>"$work/time"
  seconds+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/time")")
  memory+=("$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$work/time")")
done
cat "$work/out"
wall=$(printf '%s\n' "${seconds[@]}" | median)
peak=$(printf '%s\n' "${memory[@]}" | sort -n | tail -1)
echo "ledger: $events events in about $streams streams ($(du -m "$work/ledger.sqlite" | cut -f1) MB); $runs runs"
echo "tuki projections rebuild: median ${wall} s wall = $(awk "BEGIN {printf \"%d\", $events / $wall}") events/s of the log  (runs: ${seconds[*]}); peak memory ${peak} MB  (runs: ${memory[*]})"
