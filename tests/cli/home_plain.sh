#!/bin/bash
# Without a terminal, seqtutor with no command prints a plain home.
. "$SEQTUTOR_HOME/tests/lib.sh"

out=$("$SEQTUTOR" --lang en < /dev/null)
check_eq "plain home exits 0" 0 $?
check_contains "plain home title" "Sequence Models, week 1" "$out"
check_contains "plain home lists lesson 10" " 10  " "$out"
check_contains "plain home names the commands" "seqtutor lesson N" "$out"
out=$(TERM=dumb "$SEQTUTOR" --lang zh)
check_contains "TERM=dumb gives the Chinese plain home" "序列模型" "$out"
check_status "bad --lang" 2 "$SEQTUTOR" --lang fr
check_contains "bad --lang message" "zh or en" "$(cat "$TEST_WORK/err")"
check_status "unknown option" 2 "$SEQTUTOR" --frobnicate
finish
