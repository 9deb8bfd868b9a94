#!/bin/sh
# bench/run.sh — the measurements behind the README's numbers (`make bench`).
# Speed is measured here, never in timed tests. Every figure is printed with
# its target and "ok" or "MISS".
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SEQTUTOR=${SEQTUTOR_BIN:-$ROOT/seqtutor}
BENCH_DIR=${BENCH_DIR:-$ROOT/build/bench}
PYTHON=${PYTHON:-python3}
DATA="$ROOT/../shared/data/course-dinos.txt"
[ -f "$DATA" ] || DATA="$ROOT/data/dinos.txt"
ITERS=35000
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
export SEQTUTOR PYTHON ROOT DATA OUT BENCH_DIR

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
echo "== machine: ${cpu:-unknown CPU}, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "   $("$SEQTUTOR" --version | sed -n 's/^kernel path: //p')"

echo "== NumPy reference (bench/reference_numpy.py): $ITERS iterations, n_a = 50, $(basename "$DATA")"
"$PYTHON" "$ROOT/bench/reference_numpy.py" --data "$DATA" --iterations $ITERS --quiet 2> "$OUT/ref.err"
ref_rate=$(sed -n 's/.*(\([0-9.]*\) it\/s).*/\1/p' "$OUT/ref.err")
echo "  ${ref_rate:-?} it/s"

"$BENCH_DIR/bench_engine" "$DATA" --ref-rate "${ref_rate:-0}"

echo "== train --plain (the command students run), default path"
for run in 1 2 3; do
    "$SEQTUTOR" train --plain --stats --data "$DATA" --iterations $ITERS 2>> "$OUT/c.err" > /dev/null
done
sed -n 's/.*(\([0-9]*\) it\/s); peak memory \([0-9-]*\) KiB.*/\1 \2/p' "$OUT/c.err" |
awk -v ref="${ref_rate:-0}" '
    { if ($1 > best) best = $1; if ($2 > kb) kb = $2 }
    END {
        printf "  %.0f it/s (best of 3), %.1fx the NumPy reference\n", best, (ref > 0) ? best / ref : 0
        printf "  peak memory: %.1f MiB                       target <= 8 MiB %s\n", kb / 1024, (kb / 1024 <= 8) ? "ok" : "MISS"
    }'

for extra in "$ROOT"/bench/bench_*.sh; do
    [ -f "$extra" ] && sh "$extra"
done
exit 0
