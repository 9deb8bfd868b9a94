#!/bin/bash
# The full-screen program in English at 80x24: home -> lesson 6 -> scroll ->
# search -> L (Chinese) -> resize to 60x20 and back -> :lesson 3 with Tab
# completion -> back home -> quit; the terminal must be usable afterwards.
. "$SEQTUTOR_HOME/tests/lib.sh"

tui_start 80 24 "bash -c '$SEQTUTOR --lang en; s=\$?; stty -a > $TEST_WORK/stty; exit \$s'"
check_screen "home title" "Sequence Models, week 1"
check_screen "home lists lesson 10" "10  "
check_screen "home footer" "? help"

tui_keys 6
check_screen "digit opens lesson 6" "Lesson 6 ·"
before=$(tui_screen | head -1)
tui_keys Space
for _ in $(seq 30); do
    after=$(tui_screen | head -1)
    [ "$after" != "$before" ] && break
    sleep 0.1
done
if [ "$before" != "$after" ]; then ok "Space scrolls (percentage changes)"; else
    not_ok "Space scrolls (percentage changes)"; echo "  $before"; fi

tui_keys / G R U
check_screen "search prompt shows the typed text" "/GRU"
check_screen "incremental search counts the matches while typing" " of "
tui_keys Enter
check_screen "Enter keeps the search" "match "
# The first match at or below the top line is shown; n and N move from it.
k=$(tui_screen | sed -n 's/.*match \([0-9]*\) of.*/\1/p' | tail -1)
tui_keys n
check_screen "n goes to the next match" "match $((k + 1)) of"
tui_keys N
check_screen "N goes back" "match $k of"
tui_keys Escape
check_screen "Esc ends the search (footer back)" "n/p lesson"

tui_keys L
check_screen "L switches to Chinese" "第 6 课"
check_screen "the switch is confirmed in Chinese" "语言：中文"

tui_resize 60 20
check_screen "still the lesson at 60x20" "第 6 课"
tui_resize 80 24
check_screen "back at 80x24" "第 6 课"

tui_keys : l e s Tab
check_screen "Tab completes the command" ":lesson"
tui_keys Tab
check_screen "Tab lists the lesson numbers" "1  2  3  4  5"
tui_keys 3 Enter
check_screen ":lesson 3 opens lesson 3" "第 3 课"

tui_keys : b o g u s Enter
check_screen "unknown command in the status line" "未知命令：bogus"

tui_keys q
check_screen "q returns home" "训练恐龙名字 RNN"
tui_keys q
check_screen "q on home quits with status 0" "EXITED:0"

stty_out=$(cat "$TEST_WORK/stty" 2>/dev/null)
check_contains "terminal back in canonical mode" " icanon" "$stty_out"
check_contains "terminal echoes again" " echo " "$stty_out"

state="$XDG_STATE_HOME/seqtutor"
check "progress file written" test -f "$state/progress"
check_contains "language choice saved" "lang zh" "$(cat "$state/progress")"
check_contains "position in lesson 6 saved" "pos 6 en" "$(cat "$state/progress")"
check_contains "command history saved" "lesson 3" "$(cat "$state/history" 2>/dev/null)"
finish
