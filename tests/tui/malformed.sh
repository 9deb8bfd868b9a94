#!/bin/bash
# A course with broken lesson files: the problems are listed at the top of
# the lesson, wrapped to the pane; a missing lesson is a placeholder; reading
# a short lesson to its end marks it read on the home screen.
. "$SEQTUTOR_HOME/tests/lib.sh"

# A short copy: warnings name the file by its path, and a long checkout path
# would wrap it across screen lines.
cp -R "$SEQTUTOR_HOME/tests/fixtures/lessons" "$TEST_WORK/fx"
fixtures="$TEST_WORK/fx"
tui_start 80 24 "SEQTUTOR_HOME=$fixtures $SEQTUTOR --lang en"
check_screen "fixture course loads" "Fixture lesson 01"
tui_keys 7
check_screen "warning heading" "This lesson file has problems:"
check_screen "the warning names the line" "07-untitled-lesson.md:1:"
check_screen "long warnings are wrapped, not cut" "using the file name"
tui_keys q
check_screen "a short lesson read to the end is marked" "7  Untitled lesson"
line=$(tui_screen | grep " 7  Untitled lesson")
check_contains "read mark on lesson 7" "✓" "$line"
tui_keys 4
check_screen "missing lesson is a placeholder" "could not be loaded"
tui_keys q q
check_screen "quit" "EXITED:0"
check_contains "read mark saved" "read 7" "$(cat "$XDG_STATE_HOME/seqtutor/progress")"
finish
