#!/bin/sh
# tests/run.sh — runs every test and prints one summary line.
#   sh tests/run.sh [--unit-only] UNIT_BINARY...
# Unit tests are cmocka programs; tests/cli/*.sh and tests/tui/*.sh are shell
# scripts that print TAP-style "ok - ..." / "not ok - ..." lines (tests/lib.sh).
# The last line is "tests: N passed, N failed"; the exit status is 1 on any failure.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
unit_only=0
if [ "${1:-}" = "--unit-only" ]; then unit_only=1; shift; fi

passed=0
failed=0
failed_names=""
LOG=$(mktemp -d)
trap 'rm -rf "$LOG"' EXIT

count() { # file label status
    p=$(grep -c '^ok ' "$1" 2>/dev/null); p=${p:-0}
    f=$(grep -c '^not ok ' "$1" 2>/dev/null); f=${f:-0}
    cp=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$1" | awk '{s+=$1} END {print s+0}')
    cf=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$1" | awk '{s+=$1} END {print s+0}')
    p=$((p + cp)); f=$((f + cf))
    if [ "$3" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then f=1; echo "not ok - $2 ran no check" >> "$1"; fi
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$f" -ne 0 ]; then
        failed_names="$failed_names $2"
        echo "---- $2 (exit $3) ----"
        tail -n 60 "$1"
    else
        echo "PASS $2 ($p)"
    fi
}

export SEQTUTOR="${SEQTUTOR_BIN:-$ROOT/seqtutor}"
export SEQTUTOR_HOME="$ROOT"
export SHARED="${SHARED:-$ROOT/../shared}"
export PYTHON="${PYTHON:-python3}"
export NO_COLOR=

for bin in "$@"; do
    name=$(basename "$bin")
    XDG_STATE_HOME="$LOG/state-$name" "$bin" > "$LOG/$name.log" 2>&1
    count "$LOG/$name.log" "$name" $?
done

if [ "$unit_only" -eq 0 ]; then
    for t in tests/cli/*.sh tests/tui/*.sh; do
        [ -f "$t" ] || continue
        name=$(echo "$t" | tr '/' '_')
        work=$(mktemp -d)
        ( cd "$work" && XDG_STATE_HOME="$work/state" HOME="$work" TEST_WORK="$work" \
            bash "$ROOT/$t" ) > "$LOG/$name.log" 2>&1
        count "$LOG/$name.log" "$t" $?
        rm -rf "$work"
    done
fi

[ -n "$failed_names" ] && echo "failed:$failed_names"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
