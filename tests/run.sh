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
trap 'exit 130' INT TERM

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

# The tests name the binary and the tree through links without spaces, so
# that a checkout in "课程 a b/" runs the same commands (tests/cli/anypath.sh
# checks the build itself there).
mkdir -p "$LOG/bin"
ln -s "${SEQTUTOR_BIN:-$ROOT/seqtutor}" "$LOG/bin/seqtutor"
ln -s "$ROOT" "$LOG/tree"
export SEQTUTOR="$LOG/bin/seqtutor"
export SEQTUTOR_HOME="$LOG/tree"
SHARED="${SHARED:-$ROOT/../shared}"
[ -d "$SHARED" ] && ln -s "$(cd "$SHARED" && pwd)" "$LOG/shared" && SHARED="$LOG/shared"
export SHARED
export PYTHON="${PYTHON:-python3}"

# A known environment: nothing of the caller's locale, terminal size,
# colour wishes or time zone reaches a test unless the test sets it itself
# (tests/cli/hermetic.sh runs part of the suite from a hostile one).
for v in $(env | sed -n 's/^\(LC_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done
unset LANGUAGE COLUMNS LINES NO_COLOR CLICOLOR CLICOLOR_FORCE FORCE_COLOR TMUX TMUX_PANE
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR XDG_CONFIG_DIRS XDG_DATA_DIRS
unset SEQTUTOR_KERNEL SEQTUTOR_NOW SEQTUTOR_BENCH_OUT SEQTUTOR_PANEL_FULL_SPEED
# a make that runs the tests passes its own variables on: not to the tests
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
export LANG=C.UTF-8 TERM=xterm-256color TZ=UTC
# Every test binary and script gets a bound; one that runs past it is named.
LIMIT=${SEQTUTOR_TEST_LIMIT:-300}
bounded() { # seconds cmd...
    if command -v timeout >/dev/null 2>&1; then timeout -k 5 "$@"; else shift; "$@"; fi
}

# ONLY="a.sh b.sh": run just these scripts (tests/cli/hermetic.sh uses it).
for bin in "$@"; do
    [ -n "${ONLY:-}" ] && break
    name=$(basename "$bin")
    mkdir -p "$LOG/home-$name"
    HOME="$LOG/home-$name" XDG_STATE_HOME="$LOG/state-$name" bounded "$LIMIT" "$bin" > "$LOG/$name.log" 2>&1
    st=$?
    [ "$st" -eq 124 ] && echo "not ok - $name ran past its limit of $LIMIT s" >> "$LOG/$name.log"
    count "$LOG/$name.log" "$name" $st
done

if [ "$unit_only" -eq 0 ]; then
    for t in ${ONLY:-tests/cli/*.sh tests/tui/*.sh}; do
        [ -f "$t" ] || continue
        name=$(echo "$t" | tr '/' '_')
        work=$(mktemp -d)
        ( cd "$work" && XDG_STATE_HOME="$work/state" HOME="$work" TEST_WORK="$work" \
            bounded "$LIMIT" bash "$ROOT/$t" ) > "$LOG/$name.log" 2>&1
        st=$?
        [ "$st" -eq 124 ] && echo "not ok - $t ran past its limit of $LIMIT s" >> "$LOG/$name.log"
        # nothing outlives its test: its tmux server and what runs inside
        tmux -S "$work/tmux.sock" kill-server >/dev/null 2>&1
        count "$LOG/$name.log" "$t" $st
        rm -rf "$work"
    done
fi

[ -n "$failed_names" ] && echo "failed:$failed_names"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
