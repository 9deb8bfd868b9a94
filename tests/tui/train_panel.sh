#!/bin/bash
# The live training panel in a real terminal: chart and names, the same
# checkpoint names as `train --plain`, pause/resume/step, pace, :set and its
# errors, a diverging run, saving, sampling, resizing, both languages, and
# the way back to the home screen.
. "$SEQTUTOR_HOME/tests/lib.sh"

DATA="$SEQTUTOR_HOME/data/dinos.txt"
tm set-option -g history-limit 0 >/dev/null 2>&1

# iteration_now : the "iteration N/" counter of the panel's header
iteration_now() { tui_screen | sed -n 's/.*iteration \([0-9]*\)\/.*/\1/p' | head -1; }
# wait_gone NEEDLE : waits (up to 5 s) until the screen no longer shows NEEDLE
wait_gone() {
    for _ in $(seq 50); do tui_screen | grep -qF "$1" || return 0; sleep 0.1; done
    return 1
}
# state_is WORD : waits (up to 5 s) until the header's state (end of line 1) is WORD
state_is() {
    for _ in $(seq 50); do tui_screen | head -1 | grep -q "$1\$" && return 0; sleep 0.1; done
    return 1
}
# cut18 : the first 18 columns of each line (the names pane may cut long names)
cut18() { cut -c1-18; }

# ---- 80x24: chart, first names, pause, step, pace -------------------------
first_name=$("$SEQTUTOR" train --plain --data "$DATA" --iterations 1 | sed -n 3p)
check_eq "plain iteration-0 first name" "Nkzxwtdmfqoeyhsqwasjkjvu" "$first_name"

tui_start 80 24 "$SEQTUTOR train --lang en --data '$DATA'"
check_screen "panel opens and trains" "running"
check_screen "header names the data file and size" "data dinos.txt ("
check_screen "header shows n_a, lr and clipping" "n_a 50 · lr 0.01 · clipping on"
check_screen "chart has a y axis" "┤"
check_screen "chart has an x axis" "└"
check_screen "legend" "smoothed"
check_screen "iteration-0 checkpoint" "it 0  loss 23.08"
check_screen "first name of iteration 0 (as far as it fits)" "$(echo "$first_name" | cut18)"
check_screen "gradient sparkline" "grad norm "
check_screen "starts at a watchable pace" "pace 500 it/s"

tui_keys ' '
check "Space pauses" state_is paused
sleep 0.3
a=$(iteration_now)
sleep 1
b=$(iteration_now)
check_eq "iteration counter stands still while paused" "$a" "$b"
elapsed1=$(tui_screen | grep -o '[0-9:.]*s* elapsed' | head -1)
sleep 1.1
elapsed2=$(tui_screen | grep -o '[0-9:.]*s* elapsed' | head -1)
check_eq "clock stands still while paused" "$elapsed1" "$elapsed2"

tui_keys s
check_screen "s shows the example and its loss" "step: iteration $b trained on"
c=$(iteration_now)
check_eq "s does exactly one iteration" "$((b + 1))" "$c"
tui_keys ' '
check "Space resumes" state_is running
sleep 1
d=$(iteration_now)
check "counter moves again after resuming" test "$d" -gt "$c"

tui_keys +
check_screen "+ goes to the next pace level" "pace 1000 it/s"
tui_keys - -
check_screen "- goes down two levels" "pace 200 it/s"
tui_keys m
check_screen "m runs at full speed" "pace full speed"

# ---- :set and its errors ----------------------------------------------------
tui_keys : s e t ' ' l r ' ' a b c Enter
check_screen ":set lr abc is refused" "learning rate must be a number, not 'abc'"
tui_keys : s e t ' ' h i d d e n ' ' 0 Enter
check_screen ":set hidden 0 is refused" "hidden units n_a must be 1..1024, not 0"
tui_keys : s e t ' ' c o l o u r ' ' 1 Enter
check_screen "unknown setting is refused" "no setting 'colour'"
tui_keys : s e t ' ' l r ' ' 0 . 0 5 Enter
check_screen ":set lr 0.05 restarts and says so" "learning rate set to 0.05 — training restarted"
check_screen "lr shown as 0.05" "lr 0.05"
tui_keys x   # any key clears the status line

# ---- faults are lessons ---------------------------------------------------
tui_keys c
check_screen "c turns clipping off" "clipping OFF"
tui_keys : s e t ' ' l r ' ' 5 Enter
check_screen "NaN message instead of a crash" "became NaN or infinite at iteration"
check_screen "NaN message names the cause" "exploding gradients; clipping"
check_screen "offer to restart with clipping" "Press r to restart with clipping on"
check_screen "state says diverged" "diverged (NaN)"
tui_keys S
check_screen "a diverged model is not saved" "NaN or infinite now; r restarts"
tui_keys r
check_screen "r restarts with clipping on" "restarted with clipping on"
check_screen "clipping is on again" "clipping on (±5)"
# lr 5 is too large even for clipped gradients: the second fault says so.
check_screen "lr 5 diverges with clipping too, and the panel says what to do" \
    "Even clipped gradients were too large" 10

# ---- save and sample ---------------------------------------------------------
tui_keys : p a c e ' ' 5 0 0 Enter
check_screen ":pace 500" "pace 500 it/s"
tui_keys : s e t ' ' l r ' ' 0 . 0 1 Enter
check_screen "back to lr 0.01" "lr 0.01"
sleep 0.5
tui_keys ' '
check "paused for saving" state_is paused
sleep 0.3
# (not $n: tui_wait counts with it)
saved_at=$(iteration_now)
tui_keys S
check_screen "S saves to dinos-<iteration>.model" "to dinos-$saved_at.model"
check "the model file exists" test -s "dinos-$saved_at.model"
check_status "the saved model samples" 0 "$SEQTUTOR" sample --model "dinos-$saved_at.model" --count 3
tui_keys : s a m p l e ' ' 3 ' ' t y Enter
check_screen ":sample shows a sample block" 'sample "ty"'
check_screen "sampled names continue the prefix" "  Ty"
tui_keys : s a m p l e ' ' 3 ' ' '!' Enter
check_screen "a prefix the model never saw is refused" "never saw"

# ---- resize keeps the history ----------------------------------------------
tui_keys : p a c e ' ' 2 0 0 0 Enter
check_screen "pace 2000" "pace 2000 it/s"
tui_keys ' '
check "resumed at 2000 it/s" state_is running
sleep 1.5
rate=$(tui_screen | sed -n 's/.* \([0-9]*\) it\/s · .*/\1/p' | head -1)
check "the measured rate follows the pace (1500..2500 it/s, got $rate)" \
    test "${rate:-0}" -ge 1500 -a "${rate:-0}" -le 2500
heading=$(tui_screen | grep -o 'it [0-9]*  loss [0-9.]*' | head -1)
check_contains "a checkpoint is shown" "it " "$heading"
tui_resize 120 40
check_screen "resize during training keeps the checkpoints" "$heading"
check_screen "x axis after the resize" "└"
tui_keys ' '
check "paused before a second resize" state_is paused
sleep 0.3
before=$(iteration_now)
tui_resize 80 24
sleep 0.5
after=$(iteration_now)
check_eq "resize keeps the counter (no restart)" "$before" "$after"
check_screen "back at 80x24" "grad norm"
tui_keys q
check_screen "q returns to the home screen" "Lessons"
tui_keys q
check_screen "and q quits" "EXITED:0"
tui_stop
sleep 0.2

# ---- 200x60: the checkpoint names of iteration 2000 match train --plain -----
"$SEQTUTOR" train --plain --data "$DATA" --iterations 2001 > plain.txt
sed -n '/^Iteration: 2000,/,$p' plain.txt | sed -n '3,9p' > names2000.txt
check_eq "plain run has 7 names at 2000" 7 "$(wc -l < names2000.txt)"
tui_start 200 60 "$SEQTUTOR train --lang en --data '$DATA' --iterations 2001"
tui_keys m
check_screen "finishes" "finished: 2001 iterations" 20
check_screen "checkpoint 2000 shown" "it 2000  loss"
screen=$(tui_screen)
while IFS= read -r name; do
    check_contains "checkpoint 2000 name $name" "$name" "$screen"
done < names2000.txt
check_contains "wide header shows the number of names" "names) · cell RNN" "$screen"
tui_keys q q
check_screen "quit from 200x60" "EXITED:0"
tui_stop
sleep 0.2

# ---- a bad data file is shown in the panel --------------------------------
tui_start 80 24 "$SEQTUTOR train --lang en --data /nonexistent/names.txt"
check_screen "load error shown in the panel" "/nonexistent/names.txt"
check_screen "panel explains what to do" "Nothing is training"
cp "$DATA" "$TEST_WORK/names.txt" # a short path: the status line is one line
tui_keys : d a t a ' ' "$TEST_WORK/names.txt" Enter
check_screen ":data FILE starts training" "training on $TEST_WORK/names.txt from scratch"
check_screen "and it runs" "running"
tui_keys q q
check_screen "quit after :data" "EXITED:0"
tui_stop
sleep 0.2

# ---- from the home screen, and a diverging run given on the command line ----
tui_start 80 24 "$SEQTUTOR --lang en"
check_screen "home" "Lessons"
tui_keys : t r a i n Enter
check_screen ":train opens the panel" "Training a character-level RNN"
tui_keys q
check_screen "q returns home" "Lessons"
tui_keys G Enter
check_screen "home's training entry opens the panel" "Training a character-level RNN"
tui_keys q
check_screen "q returns home again" "Lessons"
tui_keys 0
check_screen "lesson 10" "Lesson 10"
tui_keys t
check_screen "t on lesson 10 opens the panel" "Training a character-level RNN"
check_screen "the whole footer fits in 80 columns" "q back"
tui_keys '?'
check_screen "? lists the panel's keys" "gradient clipping on / off"
tui_keys x q
check_screen "q returns to lesson 10" "Lesson 10"
tui_keys q q
check_screen "quit from home" "EXITED:0"
tui_stop
sleep 0.2

tui_start 80 24 "$SEQTUTOR train --lang en --data '$DATA' --lr 50 --no-clip"
check_screen "--lr 50 --no-clip diverges with a message" "exploding gradients" 10
check_screen "the chart stays" "└"
tui_keys q q
check_screen "quit after the fault" "EXITED:0"
tui_stop
sleep 0.2

# ---- the smallest terminal the program accepts: 60x20 ------------------------
tui_start 60 20 "$SEQTUTOR train --lang en --data '$DATA' --no-clip"
check_screen "60x20: header keeps the data size" "dinos.txt 16."
check_screen "60x20: clipping state still shown" "clip OFF"
check_screen "60x20: progress line keeps the loss" " · loss "
check_screen "60x20: footer fits" "q back"
check_screen "60x20: chart" "└"
tui_keys q q
check_screen "quit at 60x20" "EXITED:0"
tui_stop
sleep 0.2

# ---- a locale without UTF-8: ASCII chart and symbols ------------------------
TEST_LANG=C tui_start 80 24 "$SEQTUTOR train --lang en --data '$DATA'"
check_screen "ASCII header" "| RNN | n_a 50 | lr 0.01 | clipping on (+-5)"
check_screen "ASCII x axis" "+--"
check_screen "ASCII y axis label" "0+"
tui_keys q q
check_screen "quit in ASCII" "EXITED:0"
tui_stop
sleep 0.2

# ---- Chinese ------------------------------------------------------------------
TEST_LANG=zh_CN.UTF-8 tui_start 80 24 "$SEQTUTOR train --lang zh --data '$DATA'"
check_screen "Chinese title" "训练字符级 RNN"
check_screen "Chinese header" "学习率 0.01"
check_screen "Chinese names pane" "采样的名字"
check_screen "Chinese checkpoint heading" "第 0 次  损失 23.08"
tui_keys ' '
check_screen "Chinese pause" "已暂停"
tui_keys : s e t ' ' l r ' ' x Enter
check_screen "Chinese :set error" "学习率 必须是数字"
tui_keys c : s e t ' ' l r ' ' 5 0 Enter
check_screen "Chinese NaN message" "梯度爆炸；梯度裁剪是关着的；见第 5 课" 10
check_screen "Chinese restart offer" "按 r 打开梯度裁剪并重新训练"
tui_keys q q
check_screen "quit in Chinese" "EXITED:0"
finish
