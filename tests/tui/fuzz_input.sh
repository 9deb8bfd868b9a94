#!/usr/bin/env bash
# Random terminal input against every screen (tests/tui/fuzz_input.py):
# random keys and bytes, escape sequences, cut UTF-8 and resizes down to
# 1x1, against the AddressSanitizer + UndefinedBehaviorSanitizer build when
# make test built it. Fails on any death by a signal the program does not
# handle and on any sanitizer report. `make torture` runs 100,000 actions
# per screen. The seed changes every run and is printed.
. "$SEQTUTOR_HOME/tests/lib.sh"

BIN=${SEQTUTOR_SAN_BIN:-}
if [ -z "$BIN" ] || [ ! -x "$BIN" ]; then
    echo "# no sanitizer build given (SEQTUTOR_SAN_BIN): fuzzing the normal binary"
    BIN=$SEQTUTOR
fi
seed=${FUZZ_SEED:-$(date +%s)}
mkdir -p "$TEST_WORK/fuzz"
"$PYTHON" "$SEQTUTOR_HOME/tests/tui/fuzz_input.py" --bin "$BIN" --work "$TEST_WORK/fuzz" \
    --home "$SEQTUTOR_HOME" --data "$SEQTUTOR_HOME/data/dinos.txt" \
    --actions "${FUZZ_ACTIONS:-1500}" --seed "$seed" --report "$TEST_WORK/fuzz/report.txt"
st=$?
check "no crash and no sanitizer report in $(awk '{s += $2} END {print s + 0}' "$TEST_WORK/fuzz/report.txt" 2>/dev/null) random actions (seed $seed)" test "$st" -eq 0
exit "$TEST_FAILS"
