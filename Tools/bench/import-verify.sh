#!/usr/bin/env bash
# Measures `tuki import` and `tuki verify` on a generated JSONL file (release build), as reported
# in BENCHMARKS.md. Usage: Tools/bench/import-verify.sh [EVENTS] [STREAMS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
events=${1:-100000}
streams=${2:-5000}
runs=${3:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product tuki >/dev/null
tuki=.build/release/tuki
python3 Tools/bench/make-import-file.py --events "$events" --streams "$streams" >"$work/events.jsonl"
bytes=$(wc -c <"$work/events.jsonl")

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
seconds() { /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1; }

imports=() verifies=()
for _ in $(seq "$runs"); do
  rm -f "$work"/ledger.*
  "$tuki" init --db "$work/ledger.sqlite" >/dev/null
  imports+=("$(seconds "$tuki" import --db "$work/ledger.sqlite" "$work/events.jsonl")")
  verifies+=("$(seconds "$tuki" verify --db "$work/ledger.sqlite")")
done
import_s=$(printf '%s\n' "${imports[@]}" | median)
verify_s=$(printf '%s\n' "${verifies[@]}" | median)
echo "events: $events valid programme events in about $streams streams, $((bytes / events)) bytes a line; $runs runs; synchronous=FULL, WAL"
echo "tuki import: median ${import_s} s = $(awk "BEGIN {printf \"%d\", $events / $import_s}") events/s  (runs: ${imports[*]})"
echo "tuki verify: median ${verify_s} s = $(awk "BEGIN {printf \"%d\", $events / $verify_s}") events/s  (runs: ${verifies[*]})"
