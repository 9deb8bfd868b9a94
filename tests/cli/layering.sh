#!/usr/bin/env bash
# The model layer never includes curses or readline: only the front ends
# (tui_*, cmd_*, main.c) may. Keeps the shape in GUIDE/docs honest.
. "$SEQTUTOR_HOME/tests/lib.sh"

cd "$SEQTUTOR_HOME/src" || exit 1
model_files=$(ls *.c *.h | grep -v -E '^(tui_|cmd_|main\.c)')
check "there are model-layer files to check" test -n "$model_files"
for f in $model_files; do
    if grep -q -E '#include *[<"](n?curses(w)?/?[a-z]*\.h|readline/)' "$f"; then
        not_ok "$f (model layer) includes curses or readline"
    else
        ok "$f stays free of curses and readline"
    fi
done
# and the check itself can fail: a front end file is caught by the pattern
check "the pattern finds curses in the TUI" grep -q -E '#include *[<"](n?curses(w)?/?[a-z]*\.h|readline/)' tui_app.h
finish
