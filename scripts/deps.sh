#!/bin/sh
# Checks that the Debian packages seqtutor needs are installed.
#   scripts/deps.sh build   packages needed to compile and run
#   scripts/deps.sh test    those plus the ones the test suite and bench use
#   scripts/deps.sh clang   the second compiler CI builds with
# Missing packages are installed with apt-get when running as root; otherwise the
# exact apt-get line is printed and the script exits with status 1.
set -eu

group=${1:-build}
build_pkgs="pkg-config libncurses-dev libreadline-dev"
test_pkgs="$build_pkgs libcmocka-dev tmux python3-numpy"
case "$group" in
    build) want=$build_pkgs ;;
    test)  want=$test_pkgs ;;
    clang) want="clang libclang-rt-dev" ;;
    *) echo "usage: scripts/deps.sh build|test|clang" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "deps.sh: not a Debian system; make sure these are installed: $want" >&2
    exit 0
fi

missing=""
for p in $want; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
        *" installed") ;;
        *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
    echo "deps.sh: installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing
    exit 0
fi

echo "seqtutor needs these Debian packages:$missing" >&2
echo "Install them with:" >&2
echo "    sudo apt-get install$missing" >&2
exit 1
