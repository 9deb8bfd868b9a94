# tests/cli/quiz_plain.sh — check-quiz, export-gift and the plain quiz mode,
# on the week-1 quizzes and on the fixtures in tests/fixtures/quiz.
. "$SEQTUTOR_HOME/tests/lib.sh"

EN="$SEQTUTOR_HOME/quizzes/week1.en.quiz"
ZH="$SEQTUTOR_HOME/quizzes/week1.zh.quiz"
FIX="$SEQTUTOR_HOME/tests/fixtures/quiz"
export TERM=dumb

# answers FILE MODE: one answer line per question, in the file's order.
#   right: the letters of all [x] options (b,d)    wrong: the first [ ] option
#   count: the number of questions                 first_n: options of question 1
answers() {
    awk -v mode="$2" '
        function flush() {
            if (!inq) return
            n++
            if (mode == "right") print right
            if (mode == "wrong") print wrong
            if (n == 1) first = opts
        }
        /^## / { flush(); inq = 1; opts = 0; right = ""; wrong = ""; next }
        /^- \[[xX]\] / { opts++; l = substr("abcdefgh", opts, 1); right = right (right == "" ? "" : ",") l; next }
        /^- \[ \] / { opts++; if (wrong == "") wrong = substr("abcdefgh", opts, 1); next }
        END { flush(); if (mode == "count") print n; if (mode == "first_n") print first }
    ' "$1"
}

# ---- the model layer stays free of terminal code ------------------------------
check "quiz model files include no curses or readline" \
    test -z "$(grep -lE '#include <(n?curses|readline/)' "$SEQTUTOR_HOME/src/quiz.c" "$SEQTUTOR_HOME/src/quiz.h" \
        "$SEQTUTOR_HOME/src/quiz_session.c" "$SEQTUTOR_HOME/src/quiz_session.h" "$SEQTUTOR_HOME/src/review.c" \
        "$SEQTUTOR_HOME/src/review.h" "$SEQTUTOR_HOME/src/gift.c" "$SEQTUTOR_HOME/src/gift.h" \
        "$SEQTUTOR_HOME/src/quiz_attempt.c" "$SEQTUTOR_HOME/src/quiz_attempt.h")"

# ---- check-quiz ----------------------------------------------------------
check "week-1 quizzes exist" test -f "$EN" -a -f "$ZH"
check_status "check-quiz: both week-1 files are clean" 0 "$SEQTUTOR" check-quiz "$EN" "$ZH"
check_contains "check-quiz: summary line" "0 errors" "$(tail -n 1 "$TEST_WORK/err")"
check_eq "check-quiz: nothing on stdout" "" "$(cat "$TEST_WORK/out")"

check_status "check-quiz: broken fixture exits 1" 1 "$SEQTUTOR" check-quiz "$FIX/broken.quiz"
got=$(grep -E '^[^ ].*:[0-9]+:[0-9]+: (error|warning):' "$TEST_WORK/err" | sed "s|^$FIX/||")
want="broken.quiz:8:4: error: single-choice question 'b01' has 2 right options; it needs exactly one
broken.quiz:11:4: error: duplicate question id 'b01'
broken.quiz:12:9: error: lesson must be a number from 1 to 10, not '12'
broken.quiz:14:2: error: a space is missing between '-' and '['
broken.quiz:15:4: error: the option box holds a space (wrong) or 'x' (right), nothing else
broken.quiz:19:8: error: unknown question kind 'mutli'
broken.quiz:27:1: error: multiple-choice question 'b04' has no right option"
check_eq "check-quiz: every problem of the broken fixture, with line and column" "$want" "$got"
check_eq "check-quiz: summary of the broken fixture" "7 errors, 0 warnings in 1 file" "$(tail -n 1 "$TEST_WORK/err")"
check_contains "check-quiz: source line and caret" "   14 | -[x] no space
      |  ^" "$(cat "$TEST_WORK/err")"
check_contains "check-quiz: hint of the duplicate id" "hint: the first question 'b01' is at line 4" "$(cat "$TEST_WORK/err")"

# a broken copy of the real English quiz: a misspelt kind and a bad option box
cp "$EN" broken-en.quiz
kind_line=$(grep -n '^## q03 ' broken-en.quiz | head -n 1 | cut -d: -f1)
sed -i "${kind_line}s/ multi:/ mutli:/" broken-en.quiz
box_line=$(grep -n '^- \[x\] ' broken-en.quiz | head -n 1 | cut -d: -f1)
sed -i "${box_line}s/^- \[x\]/- [y]/" broken-en.quiz
q_line=$(awk -v b="$box_line" '/^## / && NR < b { l = NR } END { print l }' broken-en.quiz)
check_status "check-quiz: broken copy of week1.en exits 1" 1 "$SEQTUTOR" check-quiz --no-source broken-en.quiz
got=$(grep ': error:' "$TEST_WORK/err")
want="broken-en.quiz:$q_line:1: error: single-choice question 'q01' has no right option
broken-en.quiz:$box_line:4: error: the option box holds a space (wrong) or 'x' (right), nothing else
broken-en.quiz:$kind_line:8: error: unknown question kind 'mutli'"
check_eq "check-quiz: exact error lines of the broken copy" "$want" "$got"

check_status "check-quiz: a missing file exits 2" 2 "$SEQTUTOR" check-quiz "$EN" no-such.quiz
check_contains "check-quiz: the missing file is named" "no-such.quiz" "$(cat "$TEST_WORK/err")"
check_status "check-quiz: no file is a usage error" 2 "$SEQTUTOR" check-quiz

# language versions are compared when checked together
sed 's/^## q02 single:/## q02 multi:/; s/^- \[ \] T_x < T_y/- [x] T_x < T_y/' "$EN" > week1.en.quiz
cp "$ZH" week1.zh.quiz
check_status "check-quiz: versions that disagree only warn" 0 "$SEQTUTOR" check-quiz week1.en.quiz week1.zh.quiz
check_contains "check-quiz: the disagreement is reported" "question 'q02' is multi here but single in week1.zh.quiz" "$(cat "$TEST_WORK/err")"

# ---- the plain quiz --------------------------------------------------------
N=$(answers "$EN" count)
check "the English quiz has questions" test "$N" -gt 0

answers "$EN" right > right.txt
"$SEQTUTOR" quiz --plain --no-shuffle "$EN" < right.txt > out.txt 2> err.txt; st=$?
check_eq "plain: all right exits 0" 0 "$st"
check_eq "plain: all right scores N/N (last line)" "Score: $N/$N" "$(tail -n 1 out.txt)"
check_contains "plain: the title is shown" "Week 1" "$(head -n 1 out.txt)"
check_contains "plain: fenced diagrams are printed verbatim" "a⟨0⟩ --> [   ] --> [   ]" "$(cat out.txt)"

answers "$EN" wrong > wrong.txt
XDG_STATE_HOME="$TEST_WORK/state-wrong" "$SEQTUTOR" quiz --plain --no-shuffle "$EN" < wrong.txt > out.txt 2>&1
check_eq "plain: all wrong scores 0/N" "Score: 0/$N" "$(tail -n 1 out.txt)"
check_contains "plain: feedback of the wrong choice is shown" "Here i sits in the angle brackets" "$(cat out.txt)"
check_contains "plain: the right answer is shown" "Right answer:
  a) x^(i)⟨j⟩" "$(cat out.txt)"

# garbage is explained and asked again, never counted
first_n=$(answers "$EN" first_n)
past=$(printf "\\$(printf '%03o' $((97 + first_n)))")
{ printf 'zz\n%s\n0\n\n' "$past"; cat right.txt; } > garbage.txt
"$SEQTUTOR" quiz --plain --no-shuffle "$EN" < garbage.txt > out.txt 2>&1
check_contains "plain: 'zz' is rejected with a message" "'zz' is not an answer" "$(cat out.txt)"
check_contains "plain: '$past' is rejected with a message" "there is no option $past" "$(cat out.txt)"
check_contains "plain: '0' is rejected with a message" "there is no option 0" "$(cat out.txt)"
check_eq "plain: still full score after garbage" "Score: $N/$N" "$(tail -n 1 out.txt)"

# the end of input stops cleanly with a partial score
head -n 3 right.txt > three.txt
"$SEQTUTOR" quiz --plain --no-shuffle "$EN" < three.txt > out.txt 2>&1; st=$?
check_eq "plain: early end of input exits 0" 0 "$st"
check_eq "plain: early end of input gives a partial score" "Score: 3/3" "$(tail -n 1 out.txt)"
check_contains "plain: early end is announced" "Input ended after 3 of $N questions." "$(cat out.txt)"
"$SEQTUTOR" quiz --plain "$EN" < /dev/null > out.txt 2>&1
check_eq "plain: no input at all" "Score: 0/0" "$(tail -n 1 out.txt)"

# a seed gives the same questions in the same order (the time line may differ)
yes a | head -n "$N" > a.txt
XDG_STATE_HOME="$TEST_WORK/s1" "$SEQTUTOR" quiz --plain --seed 7 "$EN" < a.txt | grep -v '^Time:' > seed1.txt
XDG_STATE_HOME="$TEST_WORK/s2" "$SEQTUTOR" quiz --plain --seed 7 "$EN" < a.txt | grep -v '^Time:' > seed2.txt
XDG_STATE_HOME="$TEST_WORK/s3" "$SEQTUTOR" quiz --plain --seed 8 "$EN" < a.txt | grep -v '^Time:' > seed3.txt
check "plain: --seed 7 twice gives identical output" cmp -s seed1.txt seed2.txt
check "plain: --seed 8 gives another order" test "$(md5sum < seed1.txt)" != "$(md5sum < seed3.txt)"
check "plain: the shuffled order is not the file's" test "$(grep -m1 '^Question 1/' seed1.txt)" != "Question 1/$N · q01 · lesson 1 · choose one"

# without --plain, a pipe means plain mode
"$SEQTUTOR" quiz --no-shuffle "$EN" < three.txt > out.txt 2>&1
check_eq "plain mode is automatic on a pipe" "Score: 3/3" "$(tail -n 1 out.txt)"

# a file with errors is refused like check-quiz does
check_status "plain: a broken file is refused" 1 "$SEQTUTOR" quiz --plain "$FIX/broken.quiz"
check_contains "plain: with the same diagnostics" "broken.quiz:19:8: error: unknown question kind 'mutli'" "$(cat "$TEST_WORK/err")"
check_status "plain: a missing file exits 2" 2 "$SEQTUTOR" quiz --plain missing.quiz
check_status "plain: a bad --lang exits 2" 2 "$SEQTUTOR" quiz --plain --lang fr

# ---- review ----------------------------------------------------------------
# miss the 2nd and the 4th question, answer the others right
awk 'NR == FNR { w[FNR] = $0; next } FNR == 2 || FNR == 4 { print w[FNR]; next } { print }' \
    wrong.txt right.txt > mixed.txt
export XDG_STATE_HOME="$TEST_WORK/review-state"
"$SEQTUTOR" quiz --plain --no-shuffle "$EN" < mixed.txt > out.txt 2>&1
check_eq "review: the first run misses two" "Score: $((N - 2))/$N" "$(tail -n 1 out.txt)"
missed=$(sed -n 's/^Missed: //p' out.txt)
ids=$(grep -o '^Question [0-9]*/[0-9]* · [A-Za-z0-9_-]*' out.txt | sed 's/.* · //' | sed -n '2p;4p' | paste -sd, | sed 's/,/, /')
check_eq "review: the missed ids are listed" "$ids" "$missed"
check "review: the progress file exists" test -f "$XDG_STATE_HOME/seqtutor/quiz-progress.txt"
check_status "review: nothing is due the same day" 0 "$SEQTUTOR" quiz --plain --review "$EN"
check_contains "review: says so" "no questions are due for review" "$(cat "$TEST_WORK/out")"

tomorrow=$(( $(date +%s) + 86400 ))
printf 'a\na\na\n' > aaa.txt
# the Chinese version shares the queue (same ids); no answers, so the queue stays
SEQTUTOR_NOW=$tomorrow "$SEQTUTOR" quiz --plain --review --no-shuffle "$ZH" < /dev/null > out.txt 2>&1
check_contains "review: the Chinese quiz sees the same due questions" "第 1/2 题" "$(cat out.txt)"

SEQTUTOR_NOW=$tomorrow "$SEQTUTOR" quiz --plain --review --no-shuffle "$EN" < aaa.txt > out.txt 2>&1
asked=$(grep -o '^Question [0-9]*/[0-9]* · [A-Za-z0-9_-]*' out.txt | sed 's/.* · //' | paste -sd, | sed 's/,/, /')
check_eq "review: the next day it asks exactly the missed questions" "$missed" "$asked"
check_contains "review: two questions are asked" "Question 2/2 " "$(cat out.txt)"
check_contains "review: the attempt is recorded" "attempt " "$(cat "$XDG_STATE_HOME/seqtutor/quiz-progress.txt")"

# a damaged progress file is set aside, never fatal
echo "garbage" > "$XDG_STATE_HOME/seqtutor/quiz-progress.txt"
"$SEQTUTOR" quiz --plain --no-shuffle "$EN" < three.txt > out.txt 2> err.txt; st=$?
check_eq "review: a damaged progress file does not stop the quiz" "0 Score: 3/3" "$st $(tail -n 1 out.txt)"
check_contains "review: the damage is reported" "quiz-progress.txt.corrupt" "$(cat err.txt)"
check "review: the damaged file was kept aside" test -f "$XDG_STATE_HOME/seqtutor/quiz-progress.txt.corrupt"
unset XDG_STATE_HOME

# ---- the default file and the Chinese words ---------------------------------
mkdir -p home/content home/quizzes
cp "$FIX/small.en.quiz" home/quizzes/week1.en.quiz
cp "$FIX/small.zh.quiz" home/quizzes/week1.zh.quiz
SEQTUTOR_HOME="$TEST_WORK/home" "$SEQTUTOR" quiz --plain --no-shuffle --lang zh < /dev/null > out.txt 2>&1
check_contains "default file: --lang zh takes week1.zh.quiz" "测试测验 · RNN 基础" "$(head -n 1 out.txt)"
printf 'e\nb\n' | SEQTUTOR_HOME="$TEST_WORK/home" "$SEQTUTOR" quiz --plain --no-shuffle --lang zh > out.txt 2>&1
check_contains "zh: answer messages in Chinese" "没有选项 e" "$(cat out.txt)"
check_contains "zh: the verdict in Chinese" "错误。" "$(cat out.txt)"
check_eq "zh: the score line stays the same" "Score: 0/1" "$(tail -n 1 out.txt)"

# ---- export-gift --------------------------------------------------------------
check_status "export-gift: week1.en exports" 0 "$SEQTUTOR" export-gift "$EN"
gift=$(cat "$TEST_WORK/out")
check_contains "export-gift: question names are the ids" "::q01::" "$gift"
check_contains "export-gift: ':' escaped in feedback" '#Correct\: the round-bracket' "$gift"
check_contains "export-gift: '=' escaped in an option" '=T_x \= T_y' "$gift"
check_contains "export-gift: multi weights" '~%50%Sentiment classification\:' "$gift"
check_contains "export-gift: general feedback" '####' "$gift"
check_eq "export-gift: one question per id" "$N" "$(grep -c '^::' "$TEST_WORK/out")"

check_status "export-gift: -o writes a file" 0 "$SEQTUTOR" export-gift "$FIX/small.en.quiz" -o small.gift
small=$(cat small.gift)
check_contains "export-gift: special characters escaped in the title" '::q02::[html]<p><b>symbols \{need\} no \#escaping</b></p>' "$small"
check_contains "export-gift: fences become <pre> with \\n" '<pre>x&lt;1&gt; --&gt; [RNN] --&gt; y&lt;1&gt;\n   \{a\} \= \~b \# c\: d</pre>' "$small"
check_contains "export-gift: backslash escaped" '^ &lt; &gt; \\ are plain text' "$small"
check_contains "export-gift: escaped option with weight" '~%50%a \= b \~ c \{set\}' "$small"
check_contains "export-gift: wrong options share -100" '~%-100%1 \# 2\: three#Feedback with &lt;EOS&gt; and \{braces\}.' "$small"
check_contains "export-gift: two wrong options share -100" '~%-50%Γo (output)#The output gate belongs to the LSTM.' "$small"
check_contains "export-gift: single right option" '=The whole sequence' "$small"
check_status "export-gift: a broken file is refused" 1 "$SEQTUTOR" export-gift "$FIX/broken.quiz"
check_contains "export-gift: with its diagnostics" "broken.quiz:12:9: error:" "$(cat "$TEST_WORK/err")"
check "export-gift: nothing on stdout for a broken file" test ! -s "$TEST_WORK/out"

finish
