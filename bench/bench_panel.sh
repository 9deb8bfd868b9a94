#!/bin/sh
# bench/bench_panel.sh — the training panel's cost (run by bench/run.sh).
#
# (a) Training speed in the panel at full speed against `train --plain`:
#     the panel trains on a worker thread while the UI thread draws up to 30
#     frames a second, so it should keep >= 90% of the plain speed.
# (b) Key latency while training at full speed (target <= 50 ms), measured
#     two ways: inside the program (from key() to the end of the frame's
#     draw(), so terminal output is not included) and from outside (tmux
#     send-keys until capture-pane shows the change; includes tmux's own
#     delays and the polling step of a few milliseconds).
#
# Hooks the panel reads for this (see src/tui_train.c):
#   SEQTUTOR_PANEL_FULL_SPEED=1  start at full speed instead of 500 it/s;
#   SEQTUTOR_BENCH_OUT=FILE      append "panel_train iterations=N seconds=S
#                                it_per_s=R" when a run finishes, and
#                                "panel_key_ms X" for every key.
# Numbers only: nothing here passes or fails.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
SEQTUTOR=${SEQTUTOR:-$ROOT/seqtutor}
DATA=${DATA:-$ROOT/data/dinos.txt}
ITERS=35000
WORK=$(mktemp -d)
SOCK="$WORK/tmux.sock"
trap 'tmux -S "$SOCK" kill-server >/dev/null 2>&1; rm -rf "$WORK"' EXIT

echo "== training panel: $ITERS iterations at full speed, key latency"
if ! command -v tmux >/dev/null 2>&1; then
    echo "  skipped: tmux is not installed"
    exit 0
fi

now_ms() { date +%s%3N; }

# panel_run OUTFILE ITERATIONS: the panel in a detached 100x30 tmux terminal
panel_run() {
    tmux -S "$SOCK" -f /dev/null new-session -d -s b -x 100 -y 30 \
        "env TERM=xterm-256color LANG=C.UTF-8 SEQTUTOR_PANEL_FULL_SPEED=1 SEQTUTOR_BENCH_OUT='$1' \
         '$SEQTUTOR' train --lang en --data '$DATA' --iterations $2; sleep 60"
}
panel_stop() { tmux -S "$SOCK" kill-server >/dev/null 2>&1; sleep 0.2; }
screen() { tmux -S "$SOCK" capture-pane -t b -p; }

# (a) speed, best of 3 each
plain_best=0
panel_best=0
for run in 1 2 3; do
    r=$("$SEQTUTOR" train --plain --stats --data "$DATA" --iterations $ITERS 2>&1 >/dev/null |
        sed -n 's/.*(\([0-9]*\) it\/s).*/\1/p')
    [ "${r:-0}" -gt "$plain_best" ] && plain_best=$r
    out="$WORK/speed$run.txt"
    panel_run "$out" $ITERS
    i=0
    while [ $i -lt 300 ] && ! grep -q panel_train "$out" 2>/dev/null; do sleep 0.05; i=$((i + 1)); done
    r=$(sed -n 's/.*it_per_s=\([0-9]*\).*/\1/p' "$out" 2>/dev/null | head -1)
    [ "${r:-0}" -gt "$panel_best" ] && panel_best=$r
    panel_stop
done
awk -v p="$plain_best" -v q="$panel_best" 'BEGIN {
    printf "  train --plain:         %d it/s (best of 3)\n", p
    printf "  panel at full speed:   %d it/s (best of 3)\n", q
    r = (p > 0) ? 100 * q / p : 0
    printf "  panel / plain:         %.0f%%                    target >= 90%% %s\n", r, (r >= 90) ? "ok" : "MISS"
}'

# (b) key latency while training at full speed (a run long enough to last)
out="$WORK/keys.txt"
panel_run "$out" 100000000
i=0
while [ $i -lt 100 ] && ! screen | head -1 | grep -q 'running$'; do sleep 0.05; i=$((i + 1)); done
sleep 0.5
: > "$WORK/outside.txt"
for round in 1 2 3 4 5 6 7 8 9 10; do
    for want in paused running; do
        t0=$(now_ms)
        tmux -S "$SOCK" send-keys -t b ' '
        i=0
        while [ $i -lt 400 ] && ! screen | head -1 | grep -q "$want\$"; do i=$((i + 1)); done
        t1=$(now_ms)
        echo $((t1 - t0)) >> "$WORK/outside.txt"
        sleep 0.1
    done
done
# 'c' toggles clipping: a key that changes the screen without pausing.
for round in 1 2 3 4 5 6 7 8 9 10; do
    tmux -S "$SOCK" send-keys -t b c
    sleep 0.1
done
panel_stop
stats() { # label file: count, median, 90th percentile, max of one number per line
    sort -n "$2" | awk -v label="$1" '{ v[NR] = $1 } END {
        if (NR == 0) { printf "  %s: no samples\n", label; exit }
        p90 = int(NR * 0.9 + 0.5); if (p90 < 1) p90 = 1; if (p90 > NR) p90 = NR
        printf "  %s: median %.1f ms, p90 %.1f ms, max %.1f ms (%d)   target <= %d ms %s\n",
               label, v[int((NR + 1) / 2)], v[p90], v[NR], NR, limit, v[p90] <= limit ? "ok" : "MISS" }' limit="${3:-50}"
}
sed -n 's/^panel_key_ms //p' "$out" > "$WORK/inside.txt"
stats "key to frame, inside the panel     " "$WORK/inside.txt"
stats "key to screen, via tmux (Space)    " "$WORK/outside.txt"

# (c) the biggest model, --hidden 1024 (one step takes tens of milliseconds):
#     keys inside the panel, and q (back to home) / Ctrl-C (exit) measured
#     from outside, 5 times each.
echo "== training panel at --hidden 1024: keys and leaving"
big_run() {
    tmux -S "$SOCK" -f /dev/null new-session -d -s b -x 100 -y 30 \
        "env TERM=xterm-256color LANG=C.UTF-8 SEQTUTOR_PANEL_FULL_SPEED=1 SEQTUTOR_BENCH_OUT='$1' \
         '$SEQTUTOR' train --lang en --hidden 1024 --data '$DATA'; echo EXITED; sleep 60"
    i=0
    while [ $i -lt 200 ] && ! screen | grep -q ' it/s'; do sleep 0.05; i=$((i + 1)); done
    sleep 1
}
: > "$WORK/big_keys.txt"; : > "$WORK/big_q.txt"; : > "$WORK/big_int.txt"
for round in 1 2 3 4 5; do
    big_run "$WORK/big_keys.txt"
    for k in c c c c; do tmux -S "$SOCK" send-keys -t b $k; sleep 0.1; done
    t0=$(now_ms)
    tmux -S "$SOCK" send-keys -t b q
    i=0
    while [ $i -lt 2000 ] && ! screen | grep -q '1-0 lesson'; do i=$((i + 1)); done
    echo $(( $(now_ms) - t0 )) >> "$WORK/big_q.txt"
    panel_stop
    big_run /dev/null
    t0=$(now_ms)
    tmux -S "$SOCK" send-keys -t b C-c
    i=0
    while [ $i -lt 2000 ] && ! screen | grep -q 'EXITED'; do i=$((i + 1)); done
    echo $(( $(now_ms) - t0 )) >> "$WORK/big_int.txt"
    panel_stop
done
sed -n 's/^panel_key_ms //p' "$WORK/big_keys.txt" > "$WORK/big_inside.txt"
stats "key to frame, inside the panel     " "$WORK/big_inside.txt" 50
stats "q to the home screen, via tmux     " "$WORK/big_q.txt" 100
stats "Ctrl-C to exit, via tmux           " "$WORK/big_int.txt" 100
exit 0
