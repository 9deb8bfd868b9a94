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
read -r secs kb <<EOT
$("$PYTHON" "$ROOT/bench/measure.py" 3 "$SEQTUTOR" train --plain --data "$DATA" --iterations $ITERS)
EOT
"$PYTHON" "$ROOT/bench/reference_numpy.py" --data "$DATA" --iterations $ITERS --quiet 2> "$OUT/ref.err"
ref_rate=$(sed -n 's/.*(\([0-9.]*\) it\/s).*/\1/p' "$OUT/ref.err")
awk -v s="$secs" -v kb="$kb" -v n=$ITERS -v ref="$ref_rate" 'BEGIN {
    c = n / s
    printf "  C engine (train --plain): %.0f it/s (%.3f s, best of 3)   target >= 40000\n", c, s
    printf "  NumPy reference:          %.0f it/s\n", ref
    printf "  speed-up:                 %.1fx                           target >= 20x\n", c / ref
    printf "  peak memory of train --plain: %.1f MiB                    target <= 8 MiB\n", kb / 1024
}'

for extra in "$ROOT"/bench/bench_*.sh; do
    [ -f "$extra" ] && sh "$extra"
done
exit 0
