# tests/cli/quiz_readline.sh — plain quiz mode in a real terminal (tmux):
# readline reads the answers, Tab lists the options, Ctrl-D ends cleanly.
. "$SEQTUTOR_HOME/tests/lib.sh"

FIX="$SEQTUTOR_HOME/tests/fixtures/quiz"
tui_start 100 30 "$SEQTUTOR" quiz --plain --no-shuffle "$FIX/small.en.quiz"
check_screen "readline: the first question is asked" "Answer:"
tui_keys Tab Tab
check_screen "readline: Tab lists the options with their text" "c) Only b_a is shared"
tui_keys C-u "z" Enter
check_screen "readline: a bad answer is explained" "there is no option z: choose from a–c"
tui_keys "b" Enter
check_screen "readline: the answer is checked" "Then the network could not handle sequences of any length."
check_screen "readline: the next question follows" "Question 2/5 · q02"
tui_keys Up
check_screen "readline: Up recalls the last answer" "Answer: b"
tui_keys C-u C-d
check_screen "readline: Ctrl-D ends with the partial score" "Score: 0/1"
check_screen "readline: and the program exits 0" "EXITED:0"
finish
