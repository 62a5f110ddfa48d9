#!/usr/bin/env bash
# Reproduces the server-memory figures in BENCHMARKS.md: `embargo serve` on
# the six lists of the matching benchmarks (UN, OFAC SDN 2024, OFAC non-SDN,
# UK, Canada, Australia), resident size once loaded and under 1 then 8
# clients, with the default memory limit and then without one.
# Usage: scripts/bench-rss.sh [DURATION]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${EMBARGO_SHARED_DATA:-../shared/data}
DUR=${1:-20s}
WORK=$(mktemp -d)
PID=
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
go build -o "$WORK/embargo" ./cmd/embargo
E="$WORK/embargo --data-dir $WORK/data"
. scripts/six-lists.sh
import_six_lists "$E" "$DATA"
for limit in auto off; do
  $E serve --addr 127.0.0.1:18081 --reload-interval 0 --memory-limit $limit 2>"$WORK/serve.log" &
  PID=$!
  for _ in $(seq 600); do curl -sf http://127.0.0.1:18081/readyz >/dev/null && break; sleep 0.1; done
  sleep 1
  echo "--memory-limit $limit: $(grep -o 'live_heap_mb=[0-9.]*.*' "$WORK/serve.log" || true); RSS loaded: $(awk '/VmRSS/{print $2/1024 " MB"}' /proc/$PID/status)"
  $E loadtest --url http://127.0.0.1:18081 --clients 1,8 --duration "$DUR" --mix 2000 --pid $PID
  echo "  collections: $(curl -s http://127.0.0.1:18081/metrics | awk '/^go_gc_duration_seconds_count/{print $2}'), server CPU: $(awk '{print ($14+$15)/100 " s"}' /proc/$PID/stat)"
  kill $PID; wait $PID 2>/dev/null || true
done
