#!/bin/sh
# scripts/check-reproducible.sh — builds this tree twice, in two temporary
# folders with different names (one with a space and Chinese characters) a
# second apart, and compares the two binaries byte for byte.
#   sh scripts/check-reproducible.sh [MAKE ARGUMENTS...]
# Exit status 0 when they are identical, 1 when not (with both checksums).
# With KEEP_DIR set, the builds are made under it and kept (tests/cli/anypath.sh
# goes on to use the one in the folder with the space).
set -eu
# Only the arguments given here reach the two builds, not those of a make
# that runs this script (make test, make check-reproducible): make exports
# its command-line variables, and BIN or BUILD would move the binary.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES BIN BUILD
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${KEEP_DIR:-}" ]; then
    TMP=$KEEP_DIR
else
    TMP=$(mktemp -d)
    trap 'rm -rf "$TMP"' EXIT
fi
build() { # folder make-arguments...
    dir=$1; shift
    mkdir -p "$dir"
    (cd "$ROOT" && tar cf - Makefile src scripts content quizzes data) | (cd "$dir" && tar xf -)
    if ! (cd "$dir" && make -j2 "$@" > "$dir.log" 2>&1); then
        echo "check-reproducible: the build in $dir failed:" >&2
        tail -20 "$dir.log" >&2
        exit 1
    fi
}
A="$TMP/课程 a b/seqtutor"
B="$TMP/elsewhere/x"
build "$A" "$@"
sleep 1
build "$B" "$@"
[ -f "$A/seqtutor" ] && [ -f "$B/seqtutor" ] || { echo "check-reproducible: no binary" >&2; exit 1; }
sa=$(sha256sum < "$A/seqtutor" | cut -d' ' -f1)
sb=$(sha256sum < "$B/seqtutor" | cut -d' ' -f1)
if [ "$sa" = "$sb" ]; then
    echo "reproducible: both builds are $sa"
    exit 0
fi
echo "NOT reproducible:"
echo "  $sa  $A/seqtutor"
echo "  $sb  $B/seqtutor"
exit 1
