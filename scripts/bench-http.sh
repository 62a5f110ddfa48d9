#!/usr/bin/env bash
# Reproduces the HTTP figures in BENCHMARKS.md: the peer comparison's data
# (UN 2026-02-27 + OFAC 2021-07 set), a server on 127.0.0.1, a query mix of
# listed names with variant spellings and synthetic unlisted names.
# Usage: scripts/bench-http.sh [DURATION] [SOAK]   e.g. scripts/bench-http.sh 30s 10m
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${EMBARGO_SHARED_DATA:-../shared/data}
DUR=${1:-30s}
SOAK=${2:-0}
WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
go build -o "$WORK/embargo" ./cmd/embargo
# What the machine itself takes: with both vCPUs busy, the hypervisor of the
# VMs this is measured on takes a vCPU away for ~4 ms a few times a second,
# and a request in flight there waits that long (BENCHMARKS.md, Service).
echo "before the load, idle otherwise: $(go run scripts/jitter.go 2 10s)"
E="$WORK/embargo --data-dir $WORK/data"
$E lists import "$DATA/un_sc_consolidated/consolidated_2026-02-27.xml" >/dev/null
$E lists import "$DATA"/ofac_sdn/set_2021-07_consistent/{sdn,add,alt,sdn_comments}.csv >/dev/null
$E lists
$E serve --addr 127.0.0.1:18080 --reload-interval 0 2>"$WORK/serve.log" &
PID=$!
for _ in $(seq 600); do curl -sf http://127.0.0.1:18080/readyz >/dev/null && break; sleep 0.1; done
echo "server RSS loaded: $(awk '/VmRSS/{print $2/1024 " MB"}' /proc/$PID/status)"
$E loadtest --url http://127.0.0.1:18080 --clients 1,8,32 --duration "$DUR" --mix 2000 --pid $PID
echo "paced: 8 clients at the target's 3,200 req/s, latency from when each request was due"
$E loadtest --url http://127.0.0.1:18080 --clients 8 --rate 3200 --duration "$DUR" --mix 2000 --pid $PID
if [ "$SOAK" != "0" ]; then
  echo "soak: 8 clients for $SOAK"
  $E loadtest --url http://127.0.0.1:18080 --clients 8 --duration "$SOAK" --mix 2000 --pid $PID
fi
