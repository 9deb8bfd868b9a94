#!/bin/bash
# The training panel with the biggest model (--hidden 1024) never holds the
# user: q leaves the panel, Ctrl-C leaves the program, and closing the
# terminal (SIGHUP) ends the process, each within a second, however long one
# training step takes. (Before the worker polled a stop flag inside its
# steps, q took 12-23 s here and a closed terminal left the process running.)
. "$SEQTUTOR_HOME/tests/lib.sh"

DATA="$SEQTUTOR_HOME/data/dinos.txt"
now_ms() { date +%s%3N; }
pane_pid() { tm display-message -p -t t '#{pane_pid}'; }
# the seqtutor process under the pane's shell
app_pid() { pgrep -x seqtutor -P "$(pane_pid)" | head -1; }

start_big() {
    tui_start 100 30 "SEQTUTOR_PANEL_FULL_SPEED=1 $SEQTUTOR train --lang en --hidden 1024 --data '$DATA'"
    tui_wait "running" 10 && tui_wait " it/s" 10
    sleep 1 # let it get into its stride: a step and a checkpoint are under way
}

# within NAME MS_LIMIT T0 : passes when less than MS_LIMIT ms passed since T0
within() {
    took=$(( $(now_ms) - $3 ))
    if [ "$took" -lt "$2" ]; then ok "$1 ($took ms)"; else not_ok "$1 ($took ms, limit $2 ms)"; fi
}

start_big
check_screen "hidden 1024: the panel trains" "n_a 1024"
t0=$(now_ms)
tui_keys q
if tui_wait "1-0 lesson" 10; then within "q leaves the panel within a second" 1000 "$t0"; else
    not_ok "q leaves the panel"; tui_screen | sed 's/^/  | /'; fi
tui_keys q
check_screen "q again quits the program" "EXITED:0" 3
tui_stop
sleep 0.2

start_big
t0=$(now_ms)
tui_keys C-c
if tui_wait "EXITED:130" 10; then within "Ctrl-C quits within a second" 1000 "$t0"; else
    not_ok "Ctrl-C quits"; tui_screen | sed 's/^/  | /'; fi
tui_stop
sleep 0.2

start_big
pid=$(app_pid)
check "the process is found" test -n "$pid"
t0=$(now_ms)
tui_stop # closes the terminal: the kernel sends SIGHUP
gone=0
for _ in $(seq 1 300); do
    st=$(ps -o stat= -p "$pid" 2>/dev/null)
    case "$st" in "" | Z*) gone=1; break ;; esac
    sleep 0.01
done
if [ "$gone" = 1 ]; then within "closing the terminal ends the process within a second" 1000 "$t0"; else
    not_ok "closing the terminal ends the process (still: $(ps -o pid,stat,pcpu,args -p "$pid" | tail -1))"
    kill -9 "$pid" 2>/dev/null
fi
finish
