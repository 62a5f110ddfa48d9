#!/usr/bin/env bash
# Counts the instructions the matcher executes inside Index.Screen over one
# pass of BenchmarkScreen's 2,000 mix queries with the neighbour memo
# emptied (mix-cold), under valgrind's callgrind. Unlike the benchmarks'
# times, the count does not move with the machine's load: on the shared VMs
# this project is measured on, timings of the same binary differ by 10-40 %
# from one minute to the next, so a change to the matcher's speed is judged
# by this count first and by BenchmarkScreen after.
# With CACHE=1 it also models the caches (32 KB first level, 512 KB second
# level as on the host, both 8-way) and counts their data misses: the
# matcher's time goes more to misses than its instructions say (walking the
# posting lists is a quarter of the instructions and over a third of the
# time), and the counts are as steady as the instructions.
# BENCH=negative-cold (or any other BenchmarkScreen case) counts that case
# instead of mix-cold.
# Usage: [CACHE=1] [BENCH=CASE] scripts/bench-instructions.sh [OUT]   (OUT: callgrind output
# file; read it with callgrind_annotate OUT, or with --show=Ir,D1mr,DLmr
# --sort=DLmr for the misses). Needs valgrind (apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-$(mktemp /tmp/callgrind.XXXXXX)}
BENCH=${BENCH:-mix-cold}
SIM=()
if [ "${CACHE:-0}" = 1 ]; then
  SIM=(--cache-sim=yes --D1=32768,8,64 --LL=524288,8,64)
fi
BIN=$(mktemp /tmp/match.test.XXXXXX)
trap 'rm -f "$BIN"' EXIT
go test -c -o "$BIN" ./match
cd match # the test reads ../shared/data relative to the package
# GOGC=off and one thread: no collection or preemption in the count.
# cpu.rdtscp=off: the runtime times contended locks with RDTSCP, which
# valgrind does not know (it stops the run with SIGILL); a run that fails
# anyway is tried again.
for try in 1 2 3 4; do
  if GOGC=off GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off GOMAXPROCS=1 valgrind --tool=callgrind "${SIM[@]}" --callgrind-out-file="$OUT" \
    --toggle-collect='embargo/match.(*Index).Screen' "$BIN" -test.run '^$' -test.bench "Screen/$BENCH\$" \
    -test.cpu 1 -test.benchtime 2000x >"$OUT.log" 2>&1 && ! grep -q 'refs: *0$' "$OUT.log"; then
    break
  fi
  echo "callgrind run $try failed (see $OUT.log); trying again" >&2
done
grep 'I   refs:' "$OUT.log" | sed "s/.*refs: */instructions inside Screen, 2,000 $BENCH queries: /"
grep -E 'D1  misses|LLd misses' "$OUT.log" | sed 's/^==[0-9]*== //'
callgrind_annotate "$OUT" 2>/dev/null | sed -n '/^Ir/,$p' | sed -n '3,17p'
