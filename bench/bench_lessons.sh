#!/bin/sh
# Lesson loading and layout speed (run by bench/run.sh).
echo "== lessons"
"${BENCH_DIR:-$ROOT/build/bench}/bench_lessons"
