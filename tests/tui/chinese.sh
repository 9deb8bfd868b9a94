#!/bin/bash
# Chinese from the environment (zh_CN.UTF-8 is deliberately not installed, so
# the program falls back to C.UTF-8 and must still draw CJK as two columns).
. "$SEQTUTOR_HOME/tests/lib.sh"

TEST_LANG=zh_CN.UTF-8 tui_start 80 24 "$SEQTUTOR"
check_screen "Chinese home" "序列模型 第一周"
check_screen "Chinese footer" "z English"
tui_keys 2
check_screen "lesson 2 in Chinese" "第 2 课"
# The header's percentage sits at the right edge: CJK measured as 2 columns
# puts it in the last columns of the first line.
line1=$(tui_screen | head -1)
case "$line1" in *"%") ok "header right-aligned with CJK title" ;;
    *) not_ok "header right-aligned with CJK title"; echo "  $line1" ;; esac
width=$(printf '%s' "$line1" | "$PYTHON" -c 'import sys,unicodedata
s=sys.stdin.read(); print(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s))')
check_eq "header is exactly 78 columns (2 margin)" 78 "$width"
tui_keys / 网 络 Enter
check_screen "Chinese search finds matches" "个匹配，共"
tui_keys n
check_screen "n moves to another match" "个匹配，共"
tui_keys Escape
tui_resize 60 20
check_screen "Chinese lesson at 60x20" "第 2 课"
tui_resize 80 24
tui_keys : l e s Tab 4 Enter
check_screen ":lesson 4 by completion" "第 4 课"
tui_keys o
check_screen "contents overlay at 80 columns" "目录"
tui_keys Escape q
check_screen "back home" "课程"
tui_keys z
check_screen "z switches home to English" "Lessons"
tui_keys q
check_screen "quit" "EXITED:0"
check_contains "English choice saved" "lang en" "$(cat "$XDG_STATE_HOME/seqtutor/progress")"

# The saved choice wins over $LANG next time; --lang wins over both.
tui_stop
sleep 0.2
TEST_LANG=zh_CN.UTF-8 tui_start 80 24 "$SEQTUTOR"
check_screen "saved choice wins over LANG" "Lessons"
tui_keys q
tui_wait EXITED 3
tui_stop
sleep 0.2
tui_start 80 24 "$SEQTUTOR --lang zh"
check_screen "--lang wins" "课程"
tui_keys q
check_screen "quit again" "EXITED:0"
finish
