#!/usr/bin/env bash
# Any folder, any install destination: the tree builds in a folder whose name
# has a space and Chinese characters, and in another folder a second later,
# to the same bytes (reproducible: no build path inside the binary); the
# build there runs and finds its files beside itself; `make install` with a
# DESTDIR that has a space works, and the installed copy finds its files
# from where it was installed.
. "$SEQTUTOR_HOME/tests/lib.sh"

out=$(KEEP_DIR="$TEST_WORK" sh "$SEQTUTOR_HOME/scripts/check-reproducible.sh" 2>&1)
check_contains "two builds in two folders are identical" "reproducible: both builds are" "$out"
echo "$out" | sed 's/^/# /'

TREE="$TEST_WORK/课程 a b/seqtutor"
BIN="$TREE/seqtutor"
check "built in a folder named with a space and Chinese characters" test -x "$BIN"
check_contains "--version: content found beside the program" "program's folder  $TREE (found, in use)" \
    "$(env -u SEQTUTOR_HOME "$BIN" --version)"
check_contains "a lesson from there" "RNN" "$(env -u SEQTUTOR_HOME "$BIN" lesson 1 --plain --lang en --width 70)"
check_eq "training from there" "Iteration: 0, Loss: 23.084044" \
    "$(env -u SEQTUTOR_HOME "$BIN" train --plain --iterations 1 | head -1)"

DEST="$TEST_WORK/with space/dest"
if (cd "$TREE" && env -u BIN -u BUILD make install DESTDIR="$DEST" PREFIX=/opt/seq > "$TEST_WORK/install.log" 2>&1); then
    ok "make install DESTDIR='…/with space/dest'"
else
    not_ok "make install DESTDIR='…/with space/dest'"; tail -5 "$TEST_WORK/install.log"
fi
check "installed binary" test -x "$DEST/opt/seq/bin/seqtutor"
check "installed lessons" test -f "$DEST/opt/seq/share/seqtutor/content/en/01-why-sequence-models.md"
check_contains "the installed copy finds ../share/seqtutor from its own folder" \
    "../share/seqtutor $DEST/opt/seq/share/seqtutor (found, in use)" \
    "$(env -u SEQTUTOR_HOME "$DEST/opt/seq/bin/seqtutor" --version)"
check_contains "and reads a lesson there" "RNN" \
    "$(env -u SEQTUTOR_HOME "$DEST/opt/seq/bin/seqtutor" lesson 1 --plain --lang en --width 70)"
exit "$TEST_FAILS"
