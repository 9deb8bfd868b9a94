#!/bin/sh
# Start-up: time from running `seqtutor` to its first complete frame, in a
# real terminal (tmux) at 80x24 and 200x60. Run by bench/run.sh.
echo "== start-up to the first full frame"
command -v tmux >/dev/null 2>&1 || { echo "  (tmux missing: skipped)"; exit 0; }
SOCK="$OUT/bench-tmux.sock"
for size in 80x24 200x60; do
    cols=${size%x*}; rows=${size#*x}
    best=""
    for run in 1 2 3 4 5; do
        rm -f "$OUT/frame"
        start=$("$PYTHON" -c 'import time; print("%.9f" % time.time())')
        tmux -S "$SOCK" -f /dev/null new-session -d -s b -x "$cols" -y "$rows" \
            "env TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME=$OUT/state SEQTUTOR_BENCH_OUT=$OUT/frame $SEQTUTOR"
        n=0
        while [ ! -s "$OUT/frame" ] && [ $n -lt 200 ]; do sleep 0.01; n=$((n + 1)); done
        tmux -S "$SOCK" kill-server 2>/dev/null
        [ -s "$OUT/frame" ] || { echo "  $size: no frame seen"; continue; }
        ms=$(awk -v s="$start" '{ printf "%.1f", ($2 - s) * 1000 }' "$OUT/frame")
        if [ -z "$best" ] || [ "$(awk -v a="$ms" -v b="$best" 'BEGIN{print (a < b)}')" = 1 ]; then best=$ms; fi
    done
    verdict=$(awk -v b="${best:-999}" 'BEGIN { print (b <= 50) ? "ok" : "MISS" }')
    echo "  $size: ${best} ms from launching tmux + seqtutor to the first frame (best of 5)   target <= 50 ms $verdict"
done
