#!/bin/sh
# bench/run.sh — the measurements behind the README's numbers (`make bench`).
# Speed is measured here, never in timed tests.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SEQTUTOR=${SEQTUTOR_BIN:-$ROOT/seqtutor}
PYTHON=${PYTHON:-python3}
DATA="$ROOT/../shared/data/course-dinos.txt"
[ -f "$DATA" ] || DATA="$ROOT/data/dinos.txt"
ITERS=35000
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
export SEQTUTOR PYTHON ROOT DATA OUT

echo "== char-RNN training: $ITERS iterations, n_a = 50, $(basename "$DATA")"
for run in 1 2 3; do
    "$SEQTUTOR" train --plain --stats --data "$DATA" --iterations $ITERS 2>> "$OUT/c.err" > /dev/null
done
"$PYTHON" "$ROOT/bench/reference_numpy.py" --data "$DATA" --iterations $ITERS --quiet 2> "$OUT/ref.err"
ref_rate=$(sed -n 's/.*(\([0-9.]*\) it\/s).*/\1/p' "$OUT/ref.err")
sed -n 's/.*(\([0-9]*\) it\/s); peak memory \([0-9-]*\) KiB/\1 \2/p' "$OUT/c.err" |
awk -v ref="$ref_rate" '
    { if ($1 > best) best = $1; if ($2 > kb) kb = $2 }
    END {
        printf "  C engine (train --plain): %.0f it/s (best of 3)      target >= 40000\n", best
        printf "  NumPy reference:          %.0f it/s\n", ref
        printf "  speed-up:                 %.1fx                      target >= 20x\n", best / ref
        printf "  peak memory of train --plain: %.1f MiB               target <= 8 MiB\n", kb / 1024
    }'

for extra in "$ROOT"/bench/bench_*.sh; do
    [ -f "$extra" ] && sh "$extra"
done
exit 0
