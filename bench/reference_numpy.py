#!/usr/bin/env python3
"""Reference implementation of seqtutor's char-RNN trainer in NumPy.

It follows the course notebook's algorithm step for step (legacy np.random
seeding, the same order of operations), so `seqtutor train --plain` can be
compared with it character for character, and `make bench` can time it.

    reference_numpy.py --data FILE [--iterations N] [--every K] [--names K]
                       [--hidden N] [--lr X] [--no-clip] [--quiet]

--quiet prints nothing but the timing line on stderr:
    reference: <iterations> iterations in <seconds> s (<it/s> it/s)
"""
import argparse
import sys
import time

import numpy as np

ASCII_UPPER = {ord(c): ord(c) + 32 for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
TRIM = " \t\r\v\f"


def load_names(path):
    """One example per non-empty line; ASCII whitespace trimmed, ASCII A-Z lower-cased."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    names = []
    for line in text.split("\n"):
        line = line.strip(TRIM).translate(ASCII_UPPER)
        if line:
            names.append(line)
    symbols = sorted(set("".join(names)) | {"\n"})
    return names, symbols


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum(axis=0)


class CharRNN:
    def __init__(self, n_a, vocab_size):
        np.random.seed(1)
        self.Wax = np.random.randn(n_a, vocab_size) * 0.01
        self.Waa = np.random.randn(n_a, n_a) * 0.01
        self.Wya = np.random.randn(vocab_size, n_a) * 0.01
        self.b = np.zeros((n_a, 1))
        self.by = np.zeros((vocab_size, 1))
        self.n_a = n_a
        self.V = vocab_size

    def one_hot(self, ix):
        x = np.zeros((self.V, 1))
        if ix is not None:
            x[ix] = 1
        return x

    def step(self, x, a_prev):
        a = np.tanh(np.dot(self.Wax, x) + np.dot(self.Waa, a_prev) + self.b)
        return a, softmax(np.dot(self.Wya, a) + self.by)

    def train_example(self, X, Y, a0, lr, clip):
        """Forward, backward through time, clip, SGD. Returns (loss, a_last)."""
        xs, acts, probs = [], [a0], []
        loss = 0.0
        for t, ix in enumerate(X):
            x = self.one_hot(ix)
            a, p = self.step(x, acts[-1])
            xs.append(x)
            acts.append(a)
            probs.append(p)
            loss -= np.log(p[Y[t], 0])
        dWax, dWaa, dWya = np.zeros_like(self.Wax), np.zeros_like(self.Waa), np.zeros_like(self.Wya)
        db, dby = np.zeros_like(self.b), np.zeros_like(self.by)
        da_next = np.zeros_like(a0)
        for t in reversed(range(len(X))):
            dy = np.copy(probs[t])
            dy[Y[t]] -= 1
            dWya += np.dot(dy, acts[t + 1].T)
            dby += dy
            da = np.dot(self.Wya.T, dy) + da_next
            daraw = (1 - acts[t + 1] * acts[t + 1]) * da
            db += daraw
            dWax += np.dot(daraw, xs[t].T)
            dWaa += np.dot(daraw, acts[t].T)
            da_next = np.dot(self.Waa.T, daraw)
        grads = (dWax, dWaa, dWya, db, dby)
        if clip:
            for g in grads:
                np.clip(g, -5, 5, out=g)
        for param, g in zip((self.Wax, self.Waa, self.Wya, self.b, self.by), grads):
            param += -lr * g
        return loss, acts[-1]

    def sample(self, seed, newline):
        x = self.one_hot(None)
        a = np.zeros((self.n_a, 1))
        out = []
        ix = -1
        while ix != newline and len(out) < 50:
            a, p = self.step(x, a)
            np.random.seed(seed + 2 * len(out))
            ix = np.random.choice(list(range(self.V)), p=p.ravel())
            out.append(ix)
            x = self.one_hot(ix)
        if len(out) == 50:
            out.append(newline)
        return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--iterations", type=int, default=35000)
    ap.add_argument("--every", type=int, default=2000)
    ap.add_argument("--names", type=int, default=7)
    ap.add_argument("--hidden", type=int, default=50)
    ap.add_argument("--lr", type=float, default=0.01)
    ap.add_argument("--no-clip", action="store_true")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()

    names, symbols = load_names(args.data)
    index = {ch: i for i, ch in enumerate(symbols)}
    newline = index["\n"]
    model = CharRNN(args.hidden, len(symbols))
    smooth = -np.log(1.0 / len(symbols)) * args.names
    np.random.seed(0)
    np.random.shuffle(names)
    a_prev = np.zeros((args.hidden, 1))
    out = sys.stdout
    start = time.perf_counter()
    for j in range(args.iterations):
        name = names[j % len(names)]
        X = [None] + [index[c] for c in name]
        Y = X[1:] + [newline]
        cur, a_prev = model.train_example(X, Y, a_prev, args.lr, not args.no_clip)
        smooth = smooth * 0.999 + cur * 0.001
        if j % args.every == 0 and not args.quiet:
            out.write("Iteration: %d, Loss: %f\n\n" % (j, smooth))
            for k in range(args.names):
                text = "".join(symbols[i] for i in model.sample(k, newline))
                if "a" <= text[0] <= "z":
                    text = text[0].upper() + text[1:]
                out.write(text)
            out.write("\n\n")
    elapsed = time.perf_counter() - start
    out.flush()
    print("reference: %d iterations in %.3f s (%.1f it/s)"
          % (args.iterations, elapsed, args.iterations / elapsed), file=sys.stderr)


if __name__ == "__main__":
    main()
