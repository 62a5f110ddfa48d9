#!/usr/bin/env bash
# Prints the matcher's quality figures on the real sets (yente's UN
# positives and negatives with every false positive listed, the named cases,
# the IMO lookup, every cross-script set) sorted and without the latencies,
# so that two commits' outputs can be diffed line for line: a change meant
# to be only faster must leave it identical.
# Usage: scripts/quality.sh > before.txt; (change); scripts/quality.sh | diff before.txt -
set -euo pipefail
cd "$(dirname "$0")/.."
go test -count=1 ./match -run 'Yente|NamedCasesReal|VesselByIMOReal|CrossScript' -v 2>&1 |
  grep -E 'rank-1 recall|untreated|treated|negatives|--- (PASS|FAIL)|^FAIL' |
  sed -E 's/^ *[a-z_]+_test\.go:[0-9]+: //; s/ *p50 [0-9.]+ ms *p99 [0-9.]+ ms//; s/ \([0-9.]+s\)$//' |
  sort
