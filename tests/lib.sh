# tests/lib.sh — helpers for the shell tests (source it from a test script).
# Provided by tests/run.sh: $SEQTUTOR (the binary), $SEQTUTOR_HOME (the
# source tree), $SHARED (../shared), $PYTHON, $TEST_WORK (a fresh directory
# that is also $HOME and the current directory; removed afterwards).
# Each check prints "ok - NAME" or "not ok - NAME" (the runner counts them).

: "${SEQTUTOR:?run through tests/run.sh}"
TEST_FAILS=0

ok()     { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; TEST_FAILS=$((TEST_FAILS + 1)); }

# check NAME CMD... : passes when CMD exits 0
check() { name=$1; shift; if "$@"; then ok "$name"; else not_ok "$name"; fi; }

# check_eq NAME EXPECTED ACTUAL
check_eq() {
    if [ "$2" = "$3" ]; then ok "$1"; else
        not_ok "$1"; printf '  expected: %s\n  actual:   %s\n' "$2" "$3"; fi
}

# check_contains NAME NEEDLE HAYSTACK
check_contains() {
    case "$3" in *"$2"*) ok "$1" ;; *) not_ok "$1"; printf '  missing: %s\n  in: %s\n' "$2" "$3" | head -40 ;; esac
}

# check_status NAME EXPECTED_STATUS CMD... (stdout/stderr go to $TEST_WORK/out, err)
check_status() {
    name=$1; want=$2; shift 2
    "$@" > "$TEST_WORK/out" 2> "$TEST_WORK/err"; got=$?
    if [ "$got" -eq "$want" ]; then ok "$name"; else
        not_ok "$name"; echo "  status $got, wanted $want"; head -5 "$TEST_WORK/err"; fi
}

# ---- tmux helpers: one private server per test script ----
TMUX_SOCK="$TEST_WORK/tmux.sock"
tm() { tmux -S "$TMUX_SOCK" "$@"; }

# tui_start COLS ROWS CMD... : starts CMD in a detached session "t"
tui_start() {
    cols=$1; rows=$2; shift 2
    tm -f /dev/null new-session -d -s t -x "$cols" -y "$rows" \
        "env TERM=xterm-256color LANG=${TEST_LANG:-C.UTF-8} $*; echo EXITED:\$?; sleep 30"
    tm set-option -t t status off >/dev/null 2>&1
}
tui_keys()   { tm send-keys -t t "$@"; }
tui_screen() { tm capture-pane -t t -p; }
tui_resize() { tm resize-window -t t -x "$1" -y "$2"; }
tui_stop()   { tm kill-server >/dev/null 2>&1; }

# tui_wait NEEDLE [SECONDS=5] : waits until the screen shows NEEDLE; 0 if it did
tui_wait() {
    n=$(( ${2:-5} * 10 ))
    while [ "$n" -gt 0 ]; do
        case "$(tui_screen)" in *"$1"*) return 0 ;; esac
        sleep 0.1; n=$((n - 1))
    done
    return 1
}

# check_screen NAME NEEDLE [SECONDS] : waits for NEEDLE, prints the screen on failure
check_screen() {
    if tui_wait "$2" "${3:-5}"; then ok "$1"; else
        not_ok "$1"; echo "  screen did not show: $2"; tui_screen | sed 's/^/  | /'; fi
}

finish() { tui_stop; exit "$TEST_FAILS"; }
# A failing or interrupted script leaves no tmux server (nor what runs in it).
trap 'tui_stop' EXIT
trap 'tui_stop; exit 130' INT TERM
