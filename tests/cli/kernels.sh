#!/usr/bin/env bash
# The kernel paths from the command line: --version and --stats name the
# path in use; SEQTUTOR_KERNEL chooses one (a wrong or unsupported one is an
# error, status 2); and every path this machine runs reproduces the course's
# published checkpoints through 12,000 iterations with output identical to
# the others, byte for byte, on the course data and at other hidden sizes.
. "$SEQTUTOR_HOME/tests/lib.sh"

COURSE="$SHARED/data/course-dinos.txt"
version=$("$SEQTUTOR" --version)
runs=$(echo "$version" | sed -n 's/^kernel path: [a-z0-9]* (this CPU runs: \(.*\))$/\1/p')
check "--version names the kernel path and the paths this CPU runs" test -n "$runs"
echo "# this CPU runs: $runs"

# The CPU's own flags say which paths must be there (Linux, x86-64).
if [ "$(uname -m)" = x86_64 ] && [ -r /proc/cpuinfo ]; then
    flags=" $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2) "
    case "$flags" in *" avx2 "*) check_contains "an AVX2 CPU runs the avx2 path" "avx2" "$runs" ;; esac
    case "$flags" in *" avx512f "*) check_contains "an AVX-512 CPU runs the avx512 path" "avx512" "$runs" ;; esac
fi
check_contains "every machine runs the baseline path" "baseline" "$runs"

check_status "SEQTUTOR_KERNEL=sse9 is refused" 2 env SEQTUTOR_KERNEL=sse9 "$SEQTUTOR" train --plain --data "$COURSE" --iterations 1
check_contains "the message names the variable and the choices" "SEQTUTOR_KERNEL=sse9: unknown kernel path, expected baseline, avx2, avx512 or auto" "$(cat "$TEST_WORK/err")"
for p in avx2 avx512; do
    case " $runs " in *" $p "*) ;; *)
        check_status "SEQTUTOR_KERNEL=$p on a CPU without it is refused" 2 env SEQTUTOR_KERNEL=$p "$SEQTUTOR" --version
        check_contains "the message says why ($p)" "cannot run it" "$(cat "$TEST_WORK/err")" ;;
    esac
done

# Course parity on every path, and identical bytes across paths.
first=""
for p in $runs; do
    SEQTUTOR_KERNEL=$p "$SEQTUTOR" train --plain --stats --data "$COURSE" --iterations 12001 > "course-$p.txt" 2> "stats-$p.txt"
    check_contains "$p: --stats names the path" "kernel path $p" "$(cat "stats-$p.txt")"
    check_eq "$p: iteration 0" "Iteration: 0, Loss: 23.087336" "$(sed -n 1p "course-$p.txt")"
    check_eq "$p: iteration 4000 (published)" "Iteration: 4000, Loss: 25.901815|Mivrosaurus" \
        "$(sed -n '23p;25p' "course-$p.txt" | tr '\n' '|' | sed 's/|$//')"
    check_eq "$p: iteration 12000 checkpoint present" "1" "$(grep -c '^Iteration: 12000,' "course-$p.txt")"
    for cfg in "--hidden 7 --iterations 1500 --every 500" "--hidden 100 --iterations 1500 --every 500 --no-clip"; do
        # shellcheck disable=SC2086
        SEQTUTOR_KERNEL=$p "$SEQTUTOR" train --plain --data "$SEQTUTOR_HOME/data/dinos.txt" $cfg > "other-$p-${cfg// /_}.txt"
    done
    if [ -z "$first" ]; then first=$p; continue; fi
    check "$p = $first, course data, 12,001 iterations, byte for byte" cmp -s "course-$first.txt" "course-$p.txt"
    for cfg in "--hidden 7 --iterations 1500 --every 500" "--hidden 100 --iterations 1500 --every 500 --no-clip"; do
        check "$p = $first: $cfg" cmp -s "other-$first-${cfg// /_}.txt" "other-$p-${cfg// /_}.txt"
    done
done
exit "$TEST_FAILS"
