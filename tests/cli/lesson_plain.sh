#!/bin/bash
# lesson_plain.sh — "seqtutor lessons --plain" and "seqtutor lesson N --plain"
# on the real course files: ten titles per language, wrapping within the
# width, errors for bad lesson numbers, plain mode when piped.
. "$SEQTUTOR_HOME/tests/lib.sh"
export LANG=C.UTF-8 LC_ALL=

# The widest line of stdin in terminal columns (CJK = 2, combining marks = 0).
max_width() {
    "$PYTHON" -c '
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in s)
print(max([width(l.rstrip("\n")) for l in sys.stdin.buffer.read().decode("utf-8").splitlines()] or [0]))
'
}

for lang in en zh; do
    check_status "lessons --plain --lang $lang exits 0" 0 "$SEQTUTOR" lessons --plain --lang "$lang"
    out=$(cat "$TEST_WORK/out")
    check_eq "lessons $lang: ten lines" 10 "$(printf '%s\n' "$out" | wc -l | tr -d ' ')"
    check_eq "lessons $lang: numbered 1..10" "1 2 3 4 5 6 7 8 9 10" \
        "$(printf '%s\n' "$out" | sed -n 's/^\([0-9]*\)\. ..*/\1/p' | tr '\n' ' ' | sed 's/ $//')"
    check_eq "lessons $lang: every lesson loads" "" "$(grep -e 'could not be loaded' -e '无法加载' <<<"$out")"
    check_eq "lessons $lang: no warnings" "" "$(cat "$TEST_WORK/err")"
done

check_status "lesson 6 --plain --width 80" 0 "$SEQTUTOR" lesson 6 --plain --width 80 --lang en
check "lesson 6 printed something" test "$(wc -l < "$TEST_WORK/out")" -gt 20
w=$(max_width < "$TEST_WORK/out")
check "lesson 6 en: no line wider than 80 (widest $w)" test "$w" -le 80
check_eq "lesson 6 en: no escape codes" 0 "$(grep -c $'\033' "$TEST_WORK/out")"

for lang in en zh; do
    for n in 1 2 3 4 5 6 7 8 9 10; do
        "$SEQTUTOR" lesson "$n" --plain --width 80 --lang "$lang" > "$TEST_WORK/l.txt" 2> "$TEST_WORK/l.err"
        st=$?
        w=$(max_width < "$TEST_WORK/l.txt")
        if [ "$st" -ne 0 ] || [ "$w" -gt 80 ] || [ -s "$TEST_WORK/l.err" ]; then
            not_ok "lesson $n $lang at width 80: status $st, widest $w"
            head -3 "$TEST_WORK/l.err"
        fi
    done
done
ok "all twenty lessons fit in 80 columns without warnings"

check_status "lesson 6 --width 40 (zh)" 0 "$SEQTUTOR" lesson 6 --plain --width 40 --lang zh
w=$(max_width < "$TEST_WORK/out")
check "lesson 6 zh: no line wider than 40 (widest $w)" test "$w" -le 40
check_eq "lesson 6 zh: no line starts with closing punctuation" "" \
    "$(grep -E '^(，|。|、|；|：|？|！|）|」|』|》)' "$TEST_WORK/out")"
check_status "lesson 3 --width 40 (en)" 0 "$SEQTUTOR" lesson 3 --plain --width 40 --lang en
w=$(max_width < "$TEST_WORK/out")
check "lesson 3 en: no line wider than 40 (widest $w)" test "$w" -le 40

# Numbered headings and underlines: the title line is followed by '=' of its width.
title3=$("$SEQTUTOR" lessons --plain --lang en | sed -n 's/^3\. //p')
piped=$("$SEQTUTOR" lesson 3 --lang en | cat)
check_eq "piped lesson 3 is plain text starting with its title" "$title3" "$(head -1 <<<"$piped")"
check "piped lesson 3: title underlined" grep -q '^===*$' <<<"$(sed -n 2p <<<"$piped")"
check_eq "piped lesson 3: no escape codes" 0 "$(grep -c $'\033' <<<"$piped")"

# On a real terminal with TERM=dumb the lesson is printed, not opened full screen.
tui_start 60 20 env TERM=dumb "$SEQTUTOR" lesson 1 --lang en
check_screen "TERM=dumb on a terminal: plain text, exit 0" "EXITED:0"
check_contains "TERM=dumb: the lesson text is on the screen" "-----" "$(tui_screen)"
# -J joins lines the terminal wrapped: none may be wider than the terminal
w=$(tm capture-pane -t t -p -J | max_width)
check "TERM=dumb: wrapped to the terminal's 60 columns (widest $w)" test "$w" -le 60
tui_stop

for bad in 0 11 abc; do
    check_status "lesson $bad exits 2" 2 "$SEQTUTOR" lesson "$bad" --plain
    check_contains "lesson $bad: message names the range" "1 to 10" "$(cat "$TEST_WORK/err")"
    check_eq "lesson $bad: one-line message" 1 "$(wc -l < "$TEST_WORK/err" | tr -d ' ')"
done
check_status "lesson without a number exits 2" 2 "$SEQTUTOR" lesson --plain
check_status "bad --lang exits 2" 2 "$SEQTUTOR" lesson 1 --plain --lang fr
check_contains "bad --lang message" "zh or en" "$(cat "$TEST_WORK/err")"
check_status "lessons with bad --lang exits 2" 2 "$SEQTUTOR" lessons --plain --lang xx
check_status "--width below 20 exits 2" 2 "$SEQTUTOR" lesson 1 --plain --width 5

# Broken course files (the unit-test fixtures: 04 missing, 07 untitled).
fx="$SEQTUTOR_HOME/tests/fixtures/lessons"
check_status "lessons with a missing file still lists ten" 0 env SEQTUTOR_HOME="$fx" "$SEQTUTOR" lessons --plain --lang en
check_eq "missing lesson 4 is named as such" "4. Lesson 4 (could not be loaded)" "$(sed -n 4p "$TEST_WORK/out")"
check_eq "untitled lesson 7 takes its title from the file name" "7. Untitled lesson" "$(sed -n 7p "$TEST_WORK/out")"
check_contains "the missing file is reported" "04-*.md: no such lesson file" "$(cat "$TEST_WORK/err")"
check_status "lesson 4 (missing) exits 2" 2 env SEQTUTOR_HOME="$fx" "$SEQTUTOR" lesson 4 --plain --lang en
check_contains "lesson 4: the message names the file" "04-*.md" "$(cat "$TEST_WORK/err")"
check_status "lesson 7 (untitled) is shown" 0 env SEQTUTOR_HOME="$fx" "$SEQTUTOR" lesson 7 --plain --lang en
check_contains "lesson 7: warning with file and line" "07-untitled-lesson.md:1: no title" "$(cat "$TEST_WORK/err")"
check_eq "lesson 7: fallback title first" "Untitled lesson" "$(head -1 "$TEST_WORK/out")"
check_status "a language folder that is missing exits 2" 2 env SEQTUTOR_HOME="$fx" "$SEQTUTOR" lessons --plain --lang zh
check_eq "its message is given once" 1 "$(wc -l < "$TEST_WORK/err" | tr -d ' ')"

# $COLUMNS sets the default width.
COLUMNS=50 "$SEQTUTOR" lesson 2 --plain --lang en > "$TEST_WORK/c.txt"
w=$(max_width < "$TEST_WORK/c.txt")
check "COLUMNS=50: no line wider than 50 (widest $w)" test "$w" -le 50
check "COLUMNS=50: lines use the width (widest $w)" test "$w" -gt 40

finish
