#!/usr/bin/env bash
# Counts the instructions the matcher executes inside Index.Screen over one
# pass of BenchmarkScreen's 2,000 mix queries with the neighbour memo
# emptied (mix-cold), under valgrind's callgrind. Unlike the benchmarks'
# times, the count does not move with the machine's load: on the shared VMs
# this project is measured on, timings of the same binary differ by 10-40 %
# from one minute to the next, so a change to the matcher's speed is judged
# by this count first and by BenchmarkScreen after.
# Usage: scripts/bench-instructions.sh [OUT]   (OUT: callgrind output file;
# read it with callgrind_annotate OUT). Needs valgrind (apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-$(mktemp /tmp/callgrind.XXXXXX)}
BIN=$(mktemp /tmp/match.test.XXXXXX)
trap 'rm -f "$BIN"' EXIT
go test -c -o "$BIN" ./match
cd match # the test reads ../shared/data relative to the package
# GOGC=off and one thread: no collection or preemption in the count. The
# runtime's RDTSCP, which valgrind does not know, is then rarely reached;
# when it is, valgrind stops the run with SIGILL and it is tried again.
for try in 1 2 3 4; do
  if GOGC=off GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 valgrind --tool=callgrind --callgrind-out-file="$OUT" \
    --toggle-collect='embargo/match.(*Index).Screen' "$BIN" -test.run '^$' -test.bench 'Screen/mix-cold$' \
    -test.cpu 1 -test.benchtime 2000x >"$OUT.log" 2>&1 && ! grep -q 'refs: *0$' "$OUT.log"; then
    break
  fi
  echo "callgrind run $try failed (see $OUT.log); trying again" >&2
done
grep 'refs:' "$OUT.log" | sed 's/.*refs: */instructions inside Screen, 2,000 mix-cold queries: /'
callgrind_annotate "$OUT" 2>/dev/null | sed -n '/^Ir/,$p' | sed -n '3,17p'
