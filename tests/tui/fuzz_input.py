#!/usr/bin/env python3
"""Random terminal input against the real program, inside tmux.

    fuzz_input.py --bin SEQTUTOR --work DIR [--actions N] [--seed S] [--report FILE]

For each screen (home, lesson, quiz, training panel, help, the ':' line) the
program is started in a private tmux server and sent N actions: random keys,
random bytes, escape sequences (cursor keys, function keys, mouse reports,
bracketed paste, broken CSI), UTF-8 (whole and cut in half) and resizes down
to 1x1. When the program exits on its own (a random 'q' or Ctrl-C) it is
started again. A death by any signal other than the ones it handles (SIGINT,
SIGQUIT), or anything in its stderr (the AddressSanitizer build writes its
reports there), is a failure, printed with the seed and the last actions.
Prints one line per screen and a total; exit status 1 on any failure.
"""
import argparse
import os
import random
import subprocess
import sys
import time

SCREENS = [
    ("home", "", []),
    ("lesson", "lesson 3", []),
    ("quiz", "quiz", []),
    ("panel", "train", []),
    ("help", "", ["?"]),
    ("cmdline", "", [":"]),
]

NAMED_KEYS = ["Up", "Down", "Left", "Right", "PageUp", "PageDown", "Home", "End", "Enter",
              "Escape", "Tab", "BSpace", "DC", "IC", "F1", "F2", "F5", "F10", "F12", "Space",
              "C-a", "C-e", "C-k", "C-u", "C-w", "C-l", "C-d", "C-r", "C-g", "M-x", "M-b", "S-Tab"]
PRINTABLE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ?:/nNpPjkhlLoqrstmcS+-"
ESCAPES = [b"\x1b[", b"\x1b[A", b"\x1b[1;5C", b"\x1b[200~paste\x1b[201~", b"\x1b[<0;10;5M",
           b"\x1b[M !!", b"\x1bO", b"\x1b[999;999R", b"\x1b[?1049h", b"\x1b]0;title\x07",
           b"\x1b[38;5;200m", b"\x1bP", b"\x1b[6~", b"\x1b[15;2~", b"\x1b\x1b\x1b"]
UTF8 = ["中文", "梯度", "é", "🦕", "\u200b", "\ufffd", "ｱ"]
SIZES = [(1, 1), (2, 2), (300, 2), (1, 50), (10, 5), (59, 19), (60, 20), (80, 24), (120, 40),
         (200, 60), (3, 100)]


class Tmux:
    def __init__(self, sock):
        self.sock = sock

    def run(self, *args, check=False):
        return subprocess.run(["tmux", "-S", self.sock] + list(args), stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, check=check)

    def kill(self):
        self.run("kill-server")


def random_action(rng):
    r = rng.random()
    if r < 0.30:
        return ("keys", [rng.choice(NAMED_KEYS) for _ in range(rng.randint(1, 3))])
    if r < 0.55:
        return ("literal", "".join(rng.choice(PRINTABLE) for _ in range(rng.randint(1, 6))))
    if r < 0.70:
        # any byte but Ctrl-Z: a shell without job control would never
        # resume the stopped program
        return ("bytes", bytes(b if b != 0x1a else 0x1b for b in
                               (rng.randrange(256) for _ in range(rng.randint(1, 8)))))
    if r < 0.82:
        seq = rng.choice(ESCAPES)
        if rng.random() < 0.3:
            seq = seq[: rng.randint(1, len(seq))]
        return ("bytes", seq)
    if r < 0.90:
        s = rng.choice(UTF8).encode()
        if rng.random() < 0.4 and len(s) > 1:
            s = s[: rng.randint(1, len(s) - 1)]  # a character cut in half
        return ("bytes", s)
    return ("resize", rng.choice(SIZES) if rng.random() < 0.8 else
            (rng.randint(1, 250), rng.randint(1, 80)))


def send(tm, action):
    kind, what = action
    if kind == "keys":
        tm.run("send-keys", "-t", "f", *what)
    elif kind == "literal":
        tm.run("send-keys", "-t", "f", "-l", what)
    elif kind == "bytes":
        tm.run("send-keys", "-t", "f", "-H", *["%02x" % b for b in what])
    else:
        tm.run("resize-window", "-t", "f", "-x", str(what[0]), "-y", str(what[1]))


def start(tm, args, cmd, stderr_path, status_path, data):
    tm.kill()
    env = ("env TERM=xterm-256color LANG=C.UTF-8 SEQTUTOR_HOME='%s' "
           "ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1" % args.home)
    line = "%s '%s' %s --lang en 2>>'%s'; echo $? > '%s'; sleep 600" % (
        env, args.bin, cmd, stderr_path, status_path)
    if cmd == "train":
        line = line.replace(" train --lang en", " train --lang en --data '%s'" % data)
    tm.run("-f", "/dev/null", "new-session", "-d", "-s", "f", "-x", "80", "-y", "24", line)
    tm.run("set-option", "-t", "f", "status", "off")
    time.sleep(0.15)


def finished(status_path):
    try:
        with open(status_path) as f:
            text = f.read().strip()
        return int(text) if text else None
    except (OSError, ValueError):
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--home", required=True, help="the tree with content/ (SEQTUTOR_HOME)")
    ap.add_argument("--actions", type=int, default=2000, help="actions per screen")
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--report", default=None, help="append 'screen actions restarts failures' lines")
    ap.add_argument("--screens", default=",".join(n for n, _, _ in SCREENS),
                    help="comma-separated: " + ",".join(n for n, _, _ in SCREENS))
    args = ap.parse_args()
    tm = Tmux(os.path.join(args.work, "fuzz.sock"))
    total_actions = total_fail = total_restarts = 0
    print("# seed %d, %d actions per screen" % (args.seed, args.actions))
    try:
        wanted = args.screens.split(",")
        for name, cmd, first_keys in [s for s in SCREENS if s[0] in wanted]:
            rng = random.Random("%d-%s" % (args.seed, name))
            stderr_path = os.path.join(args.work, "stderr-%s.txt" % name)
            status_path = os.path.join(args.work, "status-%s.txt" % name)
            open(stderr_path, "w").close()
            restarts = fails = 0
            recent = []

            def restart():
                if os.path.exists(status_path):
                    os.unlink(status_path)
                start(tm, args, cmd, stderr_path, status_path, args.data)
                for k in first_keys:
                    tm.run("send-keys", "-t", "f", k)

            restart()
            for i in range(args.actions):
                action = random_action(rng)
                recent = (recent + [action])[-12:]
                send(tm, action)
                st = finished(status_path)
                if st is None and i % 50 == 49:
                    time.sleep(0.02)  # let it catch up now and then
                    st = finished(status_path)
                if st is not None:
                    # 0: quit by a key; 130, 131: Ctrl-C, Ctrl-\ (handled,
                    # the terminal restored). Anything else is a failure.
                    if st not in (0, 130, 131):
                        fails += 1
                        print("not ok - %s: exit status %d after action %d (seed %d); last actions:"
                              % (name, st, i, args.seed))
                        for a in recent:
                            print("#   %r" % (a,))
                    restarts += 1
                    restart()
            time.sleep(0.3)
            st = finished(status_path)
            if st is not None and st not in (0, 130, 131):
                fails += 1
                print("not ok - %s: exit status %d at the end (seed %d)" % (name, st, args.seed))
            with open(stderr_path, errors="replace") as f:
                err = f.read()
            reports = [l for l in err.splitlines() if any(
                m in l for m in ("Sanitizer", "runtime error:", "==ERROR", "SUMMARY:"))]
            if reports:
                fails += 1
                print("not ok - %s: sanitizer report, seed %d:" % (name, args.seed))
                for line in err.splitlines()[:40]:
                    print("#   " + line)
            elif err.strip():
                # the program's own messages on the way out: shown, not failures
                for line in err.splitlines()[:5]:
                    print("#   stderr: " + line)
            print("%s - %s: %d actions, %d restarts, %d failures" % (
                "ok" if fails == 0 else "not ok", name, args.actions, restarts, fails))
            total_actions += args.actions
            total_fail += fails
            total_restarts += restarts
            if args.report:
                with open(args.report, "a") as f:
                    f.write("%s %d %d %d\n" % (name, args.actions, restarts, fails))
    finally:
        tm.kill()
    print("# total: %d actions, %d restarts, %d failures" % (total_actions, total_restarts, total_fail))
    return 1 if total_fail else 0


if __name__ == "__main__":
    sys.exit(main())
