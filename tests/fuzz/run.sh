#!/bin/sh
# tests/fuzz/run.sh — builds the quiz parser's libFuzzer target and runs it.
#   sh tests/fuzz/run.sh [SECONDS]     (default 60; `make fuzz` runs this)
# Needs clang with libFuzzer (Debian: clang, libclang-rt-dev). The seed corpus
# is every quiz fixture plus the week-1 quizzes; new inputs the fuzzer finds
# go to build/fuzz/corpus, crashes to build/fuzz/crash-*.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
SECONDS_TO_RUN=${1:-60}
OUT=build/fuzz
CC_FUZZ=${CC_FUZZ:-clang}
if ! command -v "$CC_FUZZ" >/dev/null 2>&1; then
    echo "fuzz: $CC_FUZZ not found; install clang (Debian: sudo apt-get install clang libclang-rt-dev)" >&2
    exit 2
fi
mkdir -p "$OUT/corpus" "$OUT/seed"
# the parser needs only util.c besides itself
"$CC_FUZZ" -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -g -O1 \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
    -Isrc tests/fuzz/fuzz_quiz.c src/quiz.c src/util.c -o "$OUT/fuzz_quiz"
for f in tests/fixtures/quiz/*.quiz quizzes/*.quiz; do
    [ -f "$f" ] && cp "$f" "$OUT/seed/"
done
echo "fuzz: running the quiz parser for $SECONDS_TO_RUN s"
"$OUT/fuzz_quiz" -max_total_time="$SECONDS_TO_RUN" -max_len=8192 -timeout=10 \
    -artifact_prefix="$OUT/" -print_final_stats=1 "$OUT/corpus" "$OUT/seed"
