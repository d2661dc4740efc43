#!/bin/sh
# Checks a Tuki ledger's hash chain with nothing but the sqlite3 shell and sha256sum, exactly as
# docs/ledger-format.md describes it. It does not use Tuki. Prints `ok N events, head POSITION HASH`
# and exits 0, or prints each problem it finds and exits 1. One sqlite3 call per event: meant for
# audits of small ledgers or of a range (FROM and TO positions), not for millions of events.
#
#   Tools/audit/verify-chain.sh LEDGER.sqlite [FROM [TO]]
set -eu
db=${1:?usage: verify-chain.sh LEDGER.sqlite [FROM [TO]]}
from=${2:-1}
to=${3:-$(sqlite3 "$db" "SELECT COALESCE(MAX(position), 0) FROM events")}
zeros=0000000000000000000000000000000000000000000000000000000000000000
hashed="prev_hash || char(10) || position || char(10) || event_id || char(10) || stream || char(10) ||
  stream_version || char(10) || type || char(10) || schema_version || char(10) || occurred_at || char(10) ||
  recorded_at || char(10) || data || char(10) || meta"
problems=0

# Positions 1..N without gaps; stream versions 1..n per stream without gaps.
gaps=$(sqlite3 "$db" "SELECT COUNT(*) != COALESCE(MAX(position), 0) FROM events")
[ "$gaps" = 0 ] || { echo "positions have gaps"; problems=1; }
sqlite3 "$db" "SELECT stream FROM events GROUP BY stream
               HAVING MIN(stream_version) != 1 OR MAX(stream_version) != COUNT(*)" |
  while read -r stream; do echo "stream $stream: versions have gaps"; done | grep . && problems=1

# Each prev_hash equals the previous event's hash (64 zeros for position 1).
sqlite3 "$db" "SELECT e.position FROM events e LEFT JOIN events p ON p.position = e.position - 1
               WHERE e.position BETWEEN $from AND $to AND e.prev_hash != COALESCE(p.hash, '$zeros')" |
  while read -r position; do echo "position $position: prev_hash does not link"; done | grep . && problems=1

# Each hash is the SHA-256 of the eleven fields joined by line feeds (no trailing one). The sqlite3
# shell ends its output with a line feed, which `head -c -1` removes before hashing.
position=$from
while [ "$position" -le "$to" ]; do
  stored=$(sqlite3 "$db" "SELECT hash FROM events WHERE position = $position")
  computed=$(sqlite3 "$db" "SELECT $hashed FROM events WHERE position = $position" | head -c -1 | sha256sum | cut -d' ' -f1)
  if [ -n "$stored" ] && [ "$stored" != "$computed" ]; then
    echo "position $position: hash does not match its fields"
    problems=1
  fi
  position=$((position + 1))
done

[ "$problems" = 0 ] || exit 1
echo "ok $(sqlite3 "$db" "SELECT COUNT(*) FROM events") events, head $(sqlite3 -separator ' ' "$db" \
  "SELECT position, hash FROM events ORDER BY position DESC LIMIT 1")"
