# tests/cli/quiz_readline.sh — plain quiz mode in a real terminal (tmux):
# readline reads the answers, Tab lists the options, Ctrl-D ends cleanly.
. "$SEQTUTOR_HOME/tests/lib.sh"

FIX="$SEQTUTOR_HOME/tests/fixtures/quiz"

# check_count NAME NEEDLE N: waits until NEEDLE is on N lines of the screen
# (text already shown before a key press must not make a check pass)
check_count() {
    n=50
    while [ "$n" -gt 0 ]; do
        [ "$(tui_screen | grep -cF -- "$2")" -eq "$3" ] && { ok "$1"; return; }
        sleep 0.1; n=$((n - 1))
    done
    not_ok "$1"; echo "  wanted $3 lines with: $2"; tui_screen | sed 's/^/  | /'
}
tui_start 100 30 "$SEQTUTOR" quiz --plain --no-shuffle "$FIX/small.en.quiz"
check_screen "readline: the first question is asked" "Answer:"
tui_keys Tab Tab
check_count "readline: Tab lists the options with their text" "c) Only b_a is shared" 2
tui_keys C-u "z" Enter
check_screen "readline: a bad answer is explained" "there is no option z: choose from a–c"
tui_keys "b" Enter
check_screen "readline: the answer is checked" "Then the network could not handle sequences of any length."
check_screen "readline: the next question follows" "Question 2/5 · q02"
tui_keys Up
check_count "readline: Up recalls the last answer" "Answer: b" 2
tui_keys C-u C-d
check_screen "readline: Ctrl-D ends with the partial score" "Score: 0/1"
check_screen "readline: and the program exits 0" "EXITED:0"
finish
