#!/usr/bin/env bash
# Reproduces the batch figures in BENCHMARKS.md: `embargo screen --file` on
# 100,000 rows (yente's two 50,000-name negative sets, with birth dates and
# nationalities) against the six lists of the matching benchmarks (UN, OFAC
# SDN 2024, OFAC non-SDN, UK, Canada, Australia). Every hit >= threshold on
# these rows is a false positive: the script reports the rate per set.
# Usage: scripts/bench-batch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${EMBARGO_SHARED_DATA:-../shared/data}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
go build -o "$WORK/embargo" ./cmd/embargo
E="$WORK/embargo --data-dir $WORK/data"
. scripts/six-lists.sh
import_six_lists "$E" "$DATA"
$E lists
Y="$DATA/opensanctions/yente/candidate_generation_benchmark"
{ head -1 "$Y/negatives_global.csv"; tail -n +2 "$Y/negatives_global.csv"; tail -n +2 "$Y/negatives_us.csv"; } >"$WORK/rows.csv"
/usr/bin/time -f "wall %e s, CPU %P, max RSS %M KB" $E screen --file "$WORK/rows.csv" --name-column full_name --output "$WORK/hits.csv"
python3 - "$WORK/hits.csv" <<'PY'
import csv, sys
n = {"global": [0, 0], "us": [0, 0]}
for r in csv.DictReader(open(sys.argv[1])):
    k = "global" if int(r["row_id"]) <= 50000 else "us"
    n[k][0] += 1
    n[k][1] += r["matched"] == "true"
for k, (rows, hits) in n.items():
    print(f"negatives_{k}: {rows} rows, {hits} with a hit >= threshold: false-positive rate {hits / rows:.4%}")
PY
