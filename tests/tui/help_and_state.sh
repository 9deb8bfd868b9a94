#!/bin/bash
# '?' help, the placeholder screens, the command line's cancel keys, and a
# corrupt progress file set aside with a message.
. "$SEQTUTOR_HOME/tests/lib.sh"

mkdir -p "$XDG_STATE_HOME/seqtutor"
printf 'this is not a progress file\n' > "$XDG_STATE_HOME/seqtutor/progress"
tui_start 80 24 "$SEQTUTOR --lang en"
check_screen "corrupt progress reported" "progress.corrupt"
check "corrupt file set aside" test -f "$XDG_STATE_HOME/seqtutor/progress.corrupt"

tui_keys '?'
check_screen "help overlay" "Everywhere"
check_screen "help lists home keys" "open lesson 1"
# wait_gone NEEDLE : waits (up to 3 s) until the screen no longer shows NEEDLE
wait_gone() {
    for _ in $(seq 30); do tui_screen | grep -qF "$1" || return 0; sleep 0.1; done
    return 1
}
tui_keys x
check "any key closes help" wait_gone "Everywhere"

tui_keys 5
check_screen "lesson 5" "Lesson 5"
tui_keys '?'
check_screen "lesson help" "search (n/N"
tui_keys Escape
tui_keys : q u i
check_screen "command line shows the text" ":qui"
tui_keys Escape
check "Esc cancels the command line" wait_gone ":qui"
tui_keys : l e s s o n ' ' 4 2 Enter
check_screen "bad lesson number reported" "no lesson '42'"
tui_keys : t r a i n Enter
check_screen ":train opens the training screen" "Training a character-level RNN"
tui_keys q
check_screen "q closes it" "Lesson 5"
tui_keys : q u i z Enter
check_screen ":quiz opens the quiz screen" "Question 1/"
tui_keys : s e a r c h ' ' L S T M Enter
check_screen ":search opens a lesson at a match" "match 1 of"
tui_keys : q u i t Enter
check_screen ":quit" "EXITED:0"
check_contains "fresh progress written" "seqtutor-progress 1" "$(cat "$XDG_STATE_HOME/seqtutor/progress")"
finish
