#!/bin/bash
# The full-screen quiz: a small quiz written here for most cases (answers,
# feedback, results, mistakes, retry, reload of an edited or broken copy,
# the linked lesson, Chinese, --review, small and large terminals), the
# home screen's Quiz entry and due count, and one full run over the real
# week-1 file answering everything right.
. "$SEQTUTOR_HOME/tests/lib.sh"

EN="$SEQTUTOR_HOME/quizzes/week1.en.quiz"
STATE="$XDG_STATE_HOME/seqtutor"

cat > small.quiz <<'EOF'
# Small quiz
lang: en

## s1 single: first letter
lesson: 2
Which letter comes first in the alphabet?
- [x] Alpha option
- [ ] Beta option
  > Beta comes second.
explain: Alpha is the first letter.

## m1 multi: a diagram
lesson: 4
Look at this diagram:
```
x<1> --> [RNN] --> y<1>
```
Which options are right?
- [x] Right one
- [ ] Wrong one
  > Feedback for the wrong one.
- [x] Right two
explain: Two options are right here.

## s2 single: third question
lesson: 5
Is this the third question?
- [ ] No
  > Not this one.
- [x] Yes
explain: Yes, it is the third.
EOF

cat > small.zh.quiz <<'EOF'
# 小测验
lang: zh

## s1 single: 第一个字母
lesson: 2
字母表里哪个字母排在最前面？
- [x] 甲选项
- [ ] 乙选项
  > 乙排在第二。
explain: 甲是第一个。

## m1 multi: 一张图
lesson: 4
请看这张图：
```
x<1> --> [RNN] --> y<1>
```
哪些选项是对的？
- [x] 对的一
- [ ] 错的一
  > 这是错误选项的反馈。
- [x] 对的二
explain: 这里有两个正确选项。
EOF

# right_keys FILE: per question, the letters of its right options (file order)
right_keys() {
    awk '
        function flush() { if (inq) print right }
        /^## / { flush(); inq = 1; opts = 0; right = ""; next }
        /^- \[[xX]\] / { opts++; right = right substr("abcdefgh", opts, 1); next }
        /^- \[ \] / { opts++; next }
        END { flush() }
    ' "$1"
}

# restart COLS ROWS CMD... : a new terminal for the next case
restart() { tui_stop; sleep 0.1; tui_start "$@"; }

# ---- a run with mistakes: feedback, results, mistakes, retry --------------
tui_start 80 24 "$SEQTUTOR quiz --no-shuffle --lang en small.quiz"
check_screen "first question with progress" "Question 1/3"
check_screen "score so far in the header" "Score 0/0"
check_screen "single choice is announced" "choose one"
check_screen "options as a) ..." "a) Alpha option"
check_screen "footer says how to answer" "Enter answer"
tui_keys a
check_screen "a letter selects the option" "(•) a) Alpha option"
tui_keys Enter
check_screen "right answer" "Right."
check_screen "explanation after the answer" "Alpha is the first letter."
check_screen "score updated" "Score 1/1"
tui_keys Enter
check_screen "second question" "Question 2/3"
check_screen "multi question says choose all" "choose all that apply"
check_screen "fenced diagram verbatim" "x<1> --> [RNN] --> y<1>"
tui_keys a b
check_screen "letters tick options" "[x] b) Wrong one"
tui_keys Enter
check_screen "multi answered wrong" "Wrong."
check_screen "feedback of the chosen wrong option" "Feedback for the wrong one."
check_screen "the right answers are listed" "Right answers:"
check_screen "explanation of the multi question" "Two options are right here."
tui_keys Right
check_screen "→ goes to the next question" "Question 3/3"
tui_keys Down Up Enter
check_screen "arrow + Enter answers (wrong)" "Not this one."
tui_keys Enter
check_screen "results: score" "Score: 1/3 (33%)"
check_screen "results: time" "Time:"
check_screen "results: lesson breakdown with title" "Lesson 4 ·"
check_screen "results: the missed ids" "m1, s2"
check_screen "results: review mistakes action" "Review mistakes"
check_screen "results: retry action" "Retry missed questions"
screen=$(tui_screen)
check_contains "results: lesson 2 full marks" "1/1  Lesson 2" "$screen"
check_contains "results: lesson 5 missed" "0/1  Lesson 5" "$screen"
check "queue saved after the run" grep -q '^card small m1 1 ' "$STATE/quiz-progress.txt"
check "attempt recorded" grep -q '^attempt .* small en 1 3 ' "$STATE/quiz-progress.txt"
check "a right answer is not queued" test -z "$(grep '^card small s1 ' "$STATE/quiz-progress.txt")"

tui_keys m
check_screen "review mistakes: first mistake" "Mistake 1/2"
check_screen "review mistakes: its feedback" "Feedback for the wrong one."
tui_keys G
check_screen "review mistakes: its explanation (End)" "Two options are right here."
tui_keys Right
check_screen "review mistakes: second mistake" "Mistake 2/2"
check_screen "review mistakes: its feedback too" "Not this one."
tui_keys q
check_screen "q goes back to the results" "Score: 1/3"

tui_keys t
check_screen "retry asks only the missed ones" "Question 1/2"
check_screen "retry starts with the first missed" "a diagram"
tui_keys a c Enter Enter
check_screen "retry: second missed question" "third question"
tui_keys b Enter Enter
check_screen "retry: full score" "Score: 2/2 (100%)"
check "two attempts in the history" test "$(grep -c '^attempt ' "$STATE/quiz-progress.txt")" -eq 2
tui_keys q
check_screen "q leaves the quiz (home below)" "Lessons"

# ---- shuffled options are checked by option, and a seed repeats the order --------
restart 80 24 "$SEQTUTOR quiz --seed 7 --lang en small.quiz"
check_screen "seeded quiz opens" "Question 1/3"
first_seed=$(tui_screen | head -n 16)
restart 80 24 "$SEQTUTOR quiz --seed 7 --lang en small.quiz"
check_screen "seeded quiz again" "Question 1/3"
check_eq "--seed 7 twice: the same first screen" "$first_seed" "$(tui_screen | head -n 16)"
check "--seed 7 is not the file's order" test "$(echo "$first_seed" | grep -c 'a) Alpha option')" -eq 0
# press the letter shown beside the right option, wherever the shuffle put it
right_opt=$(tui_screen | grep -oE '[a-h]\) (Alpha option|Right one|Yes)$' | head -n 1)
letter=${right_opt%%)*}
kind=$(tui_screen | grep -c 'choose all that apply')
if [ "$kind" -eq 1 ]; then
    other=$(tui_screen | grep -oE '[a-h]\) Right two$' | cut -c1)
    tui_keys "$letter" "$other" Enter
else
    tui_keys "$letter" Enter
fi
check_screen "the right option is right at any position" "Right."
tui_keys '?'
check_screen "help lists the quiz keys" "reload the quiz file"
tui_keys Escape

# ---- the linked lesson -------------------------------------------------------
restart 80 24 "$SEQTUTOR quiz --no-shuffle --lang en small.quiz"
check_screen "quiz again" "Question 1/3"
tui_keys b
tui_keys l
check_screen "l opens the linked lesson" "Lesson 2 ·"
tui_keys q
check_screen "q returns to the question" "Question 1/3"
check_screen "the choice is still there" "(•) b) Beta option"

# ---- reload of an edited copy --------------------------------------------------
cp small.quiz copy.quiz
restart 80 24 "$SEQTUTOR quiz --no-shuffle --lang en copy.quiz"
check_screen "copy opened" "Which letter comes first in the alphabet?"
tui_keys a Enter
check_screen "answered before the edit" "Score 1/1"
sed -i 's/Which letter comes first in the alphabet?/Which letter is the very first one?/' copy.quiz
tui_keys r
check_screen "r shows the new wording" "Which letter is the very first one?"
check_screen "the answer survives the reload" "Score 1/1"
line=$(grep -n '^- \[ \] Beta option' copy.quiz | cut -d: -f1)
sed -i 's/^- \[ \] Beta option/- [y] Beta option/' copy.quiz
tui_keys r
check_screen "broken marker: the error list" "copy.quiz:$line:4: error:"
check_screen "the source line is shown" "$line | - [y] Beta option"
check_screen "the header says how to go on" "press r"
sed -i 's/^- \[y\] Beta option/- [ ] Beta option/' copy.quiz
tui_keys r
check_screen "fixed: back at the question" "Question 1/3"
check_screen "fixed: still answered" "Score 1/1"

# a file broken from the start: the error list, never a crash
cp "$SEQTUTOR_HOME/tests/fixtures/quiz/broken.quiz" .
restart 60 20 "$SEQTUTOR quiz --lang en broken.quiz"
check_screen "broken file at open time" "broken.quiz:8:4: error:"
tui_keys G
check_screen "the list scrolls to its summary" "7 errors, 0 warnings in 1 file"
tui_keys q
check_screen "q leaves the error list" "Lessons"

# ---- Chinese ----------------------------------------------------------------------
TEST_LANG=zh_CN.UTF-8 restart 80 24 "$SEQTUTOR quiz --no-shuffle small.zh.quiz"
check_screen "Chinese: header" "第 1/2 题"
check_screen "Chinese: single choice" "单选"
check_screen "Chinese: footer" "Enter 作答"
tui_keys Enter
check_screen "Chinese: Enter answers the option under the arrow" "正确。"
tui_keys Enter b Enter
check_screen "Chinese: wrong multi" "错误。"
check_screen "Chinese: feedback" "这是错误选项的反馈。"
check_screen "Chinese: explanation label" "解析："
tui_keys Enter
check_screen "Chinese: results" "得分：1/2（50%）"
check_screen "Chinese: lesson breakdown" "第 4 课"
check_screen "Chinese: actions" "查看错题"
sed -i 's/^- \[ \] 乙选项/- [y] 乙选项/' small.zh.quiz
tui_keys r
check_screen "Chinese: error list after a broken edit" "个错误"
check_screen "Chinese: check-quiz's message" "small.zh.quiz:8:4: error:"

# ---- --review ------------------------------------------------------------------------
restart 80 24 "$SEQTUTOR quiz --review --no-shuffle --lang en small.quiz"
check_screen "review: nothing due today" "No questions are due for review now."
tui_keys r
check_screen "review: r keeps it a review" "reloaded small.quiz"
check_screen "review: still nothing due" "No questions are due for review now."
tomorrow=$(( $(date +%s) + 86400 ))
restart 80 24 "env SEQTUTOR_NOW=$tomorrow $SEQTUTOR quiz --review --no-shuffle --lang en small.quiz"
check_screen "review tomorrow: the missed question" "Question 1/1"
check_screen "review tomorrow: it is m1" "a diagram"

# ---- home: Quiz entry and the due count ----------------------------------------------
# ids of the real file, so opening the real week-1 quiz keeps them in the queue
mkdir -p w && sed "s/^## s1 /## q01 /; s/^## m1 /## q02 /; s/^## s2 /## q03 /" small.quiz > w/week1.en.quiz
restart 80 24 "$SEQTUTOR quiz --no-shuffle --lang en w/week1.en.quiz"
check_screen "week1 copy opened" "Question 1/3"
tui_keys b Enter Enter a c Enter Enter a Enter Enter
check_screen "week1 copy: two missed" "Score: 1/3"
restart 80 24 "env SEQTUTOR_NOW=$tomorrow $SEQTUTOR --lang en"
check_screen "home shows the due count" "2 questions due for review"
tui_keys G k Enter
check_screen "home Quiz entry opens the week-1 quiz" "Question 1/36"
tui_keys q
check_screen "back home" "2 questions due for review"
tui_keys : q u i z Enter
check_screen ":quiz opens it too" "Question 1/36"

# ---- the week-1 quiz follows a language switch, keeping the answers ------------------------
restart 80 24 "$SEQTUTOR quiz --no-shuffle --lang en"
check_screen "default file: the English week-1 quiz" "Question 1/"
first=$(right_keys "$EN" | head -n 1)
tui_keys "$first" Enter
check_screen "answered in English" "Score 1/1"
tui_keys : l a n g Space z h Enter
check_screen ":lang zh switches to the Chinese file" "正确。"
check_screen "the answer is kept" "得分 1/1"
tui_keys Enter
check_screen "the next question in Chinese" "第 2/"

# ---- sizes -------------------------------------------------------------------------------
restart 60 20 "$SEQTUTOR quiz --no-shuffle --lang en $EN"
check_screen "60x20: question" "Question 1/36"
check_screen "60x20: options" "d) x^⟨j⟩(i)"
tui_keys a Enter
check_screen "60x20: verdict scrolled into view" "Right."
tui_keys g
check_screen "60x20: g scrolls back to the top" "indexing words"
tui_resize 200 60
check_screen "200x60: still the question" "Question 1/36"
check_screen "200x60: the whole explanation fits" "the t-th target of example i"
tui_resize 80 24
check_screen "80x24 again" "Question 1/36"

# ---- a full run over the real week-1 file, every answer right -----------------------------
N=$(right_keys "$EN" | wc -l)
restart 80 24 "$SEQTUTOR quiz --no-shuffle --lang en $EN"
check_screen "week 1: first question" "Question 1/$N"
k=0
while read -r letters; do
    k=$((k + 1))
    # a letter per right option (multi: each toggles), Enter answers, Enter moves on
    keys=$(echo "$letters" | sed 's/./& /g')
    # shellcheck disable=SC2086
    tui_keys $keys Enter
    if ! tui_wait "Score $k/$k" 5; then
        not_ok "week 1: question $k answered right"; tui_screen | sed 's/^/  | /'; break
    fi
    tui_keys Enter
done < <(right_keys "$EN")
check_screen "week 1: full score on the results" "Score: $N/$N (100%)" 10
check_screen "week 1: no mistakes to review" "Take the whole quiz again"
finish
