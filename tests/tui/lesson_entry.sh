#!/bin/bash
# `seqtutor lesson N` on a terminal opens the viewer straight away; q goes to
# the home screen; the reading position is restored on the next visit.
. "$SEQTUTOR_HOME/tests/lib.sh"

tui_start 80 24 "$SEQTUTOR lesson 8 --lang en"
check_screen "opens lesson 8" "Lesson 8 ·"
tui_keys G
check_screen "G goes to the end" "100%"
tui_keys q
check_screen "q goes to home" "Lessons"
line=$(tui_screen | grep " 8  ")
check_contains "lesson 8 marked read" "✓" "$line"
tui_keys 8
check_screen "reopened at the remembered place" "100%"
tui_keys g
check_screen "g goes to the top" "Lesson 8 ·"
tui_keys q q
check_screen "quit" "EXITED:0"
tui_stop
sleep 0.2
tui_start 80 24 "$SEQTUTOR lesson 8 --lang en"
check_screen "position kept across runs (top: not at the end)" "Lesson 8 ·"
if tui_screen | head -1 | grep -q "100%"; then not_ok "g position saved"; else ok "g position saved"; fi
tui_keys q q
check_screen "quit again" "EXITED:0"
finish
