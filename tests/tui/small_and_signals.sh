#!/bin/bash
# Terminal sizes below 60x20 show a message instead of the screen and never
# crash; Ctrl-C and SIGTERM leave the terminal usable.
. "$SEQTUTOR_HOME/tests/lib.sh"

tui_start 40 10 "bash -c '$SEQTUTOR --lang en; s=\$?; stty -a > $TEST_WORK/stty; exit \$s'"
check_screen "too-small message at 40x10" "terminal too small (need 60×20,"
check_screen "too-small message names the size" "40×10)"
tui_resize 10 5
tui_wait "have" 1
tui_resize 1 1
sleep 0.2
tui_resize 59 20
check_screen "one column short is too small" "have 59×20"
tui_resize 60 20
check_screen "60x20 shows the home screen" "Lessons"
tui_keys 7
check_screen "a lesson at 60x20" "Lesson 7"
tui_resize 30 8
check_screen "shrinking again shows the message" "have 30×8"
tui_resize 80 24
check_screen "growing back shows the lesson" "Lesson 7"
tui_keys C-c
check_screen "Ctrl-C exits (status 130)" "EXITED:130"
stty_out=$(cat "$TEST_WORK/stty" 2>/dev/null)
check_contains "Ctrl-C leaves canonical mode on" " icanon" "$stty_out"
check_contains "Ctrl-C leaves echo on" " echo " "$stty_out"
tui_stop
sleep 0.2

# Stale LINES/COLUMNS in the environment (a shell that exported them at
# another size) lose to the real size of the terminal.
tui_start 80 24 "env COLUMNS=200 LINES=10 $SEQTUTOR --lang en"
check_screen "stale COLUMNS=200 LINES=10: the 80x24 home screen" "q quit"
check_eq "the footer is on the last of 24 rows" "24" "$(tui_screen | grep -n 'q quit' | cut -d: -f1)"
check "no line wider than 80 columns" test "$(tui_screen | awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }')" -le 80
tui_resize 100 30
sleep 0.3
check_eq "and resizing still follows the terminal (row 30)" "30" "$(tui_screen | grep -n 'q quit' | cut -d: -f1)"
tui_stop
sleep 0.2

tui_start 80 24 "$SEQTUTOR --lang en"
check_screen "started again" "Lessons"
pkill -TERM -f "^$SEQTUTOR --lang en\$" 2>/dev/null || kill -TERM "$(pgrep -f "^$SEQTUTOR --lang en\$")"
check_screen "SIGTERM exits cleanly (status 143)" "EXITED:143"
finish
