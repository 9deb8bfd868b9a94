#!/usr/bin/env bash
# seqtutor train / sample: parity with the course and the NumPy reference,
# model files, and every bad input.
. "$SEQTUTOR_HOME/tests/lib.sh"

COURSE="$SHARED/data/course-dinos.txt"
REF="$SEQTUTOR_HOME/bench/reference_numpy.py"

# 1. The published checkpoints of the course notebook (course-values.md).
"$SEQTUTOR" train --plain --data "$COURSE" --iterations 12001 > course.txt
check_eq "iteration 0 loss" "Iteration: 0, Loss: 23.087336" "$(sed -n 1p course.txt)"
check_eq "iteration 0 names" "Nkzxwtdmfqoeyhsqwasjkjvu Kneb Kzxwtdmfqoeyhsqwasjkjvu Neb Zxwtdmfqoeyhsqwasjkjvu Eb Xwtdmfqoeyhsqwasjkjvu" \
    "$(sed -n 3,9p course.txt | tr '\n' ' ' | sed 's/ $//')"
check_eq "iteration 2000" "Iteration: 2000, Loss: 27.884160|Liusskeomnolxeros|Hmdaairus|Hytroligoraurus|Lecalosapaus|Xusicikoraurus|Abalpsamantisaurus|Tpraneronxeros" \
    "$(sed -n '12p;14,20p' course.txt | tr '\n' '|' | sed 's/|$//')"
check_eq "iteration 4000" "Iteration: 4000, Loss: 25.901815|Mivrosaurus|Inee|Ivtroplisaurus|Mbaaisaurus|Wusichisaurus|Cabaselachus|Toraperlethosdarenitochusthiamamumamaon" \
    "$(sed -n '23p;25,31p' course.txt | tr '\n' '|' | sed 's/|$//')"
check_eq "format: two blank lines end a checkpoint" "$(printf 'Tpraneronxeros\n\n\nIteration: 4000, Loss: 25.901815')" "$(sed -n 20,23p course.txt)"
check_eq "seven checkpoints through 12000" "7" "$(grep -c '^Iteration:' course.txt)"

# 2. Character-for-character parity with the project's NumPy reference.
parity() { # name args...
    name=$1; shift
    "$PYTHON" "$REF" "$@" > ref.out 2> ref.err
    "$SEQTUTOR" train --plain "$@" > c.out 2> c.err
    if cmp -s ref.out c.out && [ -s c.out ]; then ok "parity: $name"; else
        not_ok "parity: $name"; diff ref.out c.out | head -20; cat ref.err c.err | head -5; fi
}
parity "course data, defaults, 12001 iterations" --data "$COURSE" --iterations 12001
parity "project data, --hidden 30" --data "$SEQTUTOR_HOME/data/dinos.txt" --iterations 6001 --hidden 30 --every 1000 --names 4
printf '霸王龙\n三角龙\n剑龙\n甲龙\n迅猛龙\n腕龙\n梁龙\n副栉龙\n窃蛋龙\n异特龙\n' > zh.txt
parity "Chinese names, --hidden 20" --data zh.txt --iterations 3001 --hidden 20 --every 500
printf 'Élodie\nZoë\nAnaïs\nChloé\nNoël\nRenée\nJosé\n' > accents.txt
parity "accented names, --hidden 64, no clipping" --data accents.txt --iterations 2001 --hidden 64 --every 250 --no-clip

# 3. JSON checkpoints.
"$SEQTUTOR" train --plain --json --data "$COURSE" --iterations 2001 > j.out
check_eq "json: one object per checkpoint" "2" "$(wc -l < j.out)"
check "json: parses, with the published loss and names" "$PYTHON" -c '
import json,sys
rows=[json.loads(l) for l in open("j.out")]
assert rows[1]["iteration"]==2000 and "%.6f"%rows[1]["loss"]=="27.884160", rows[1]
assert rows[0]["names"][1]=="Kneb" and len(rows[0]["names"])==7
assert rows[1]["it_per_s"]>0'

# 4. Save, then sample.
"$SEQTUTOR" train --plain --data "$COURSE" --iterations 4001 --save m.bin > /dev/null
check "save writes a model" test -s m.bin
"$SEQTUTOR" sample --model m.bin --count 7 > s.out
check_eq "sample: the seeds of the last checkpoint give its names" \
    "Mivrosaurus Inee Ivtroplisaurus Mbaaisaurus Wusichisaurus Cabaselachus Toraperlethosdarenitochusthiamamumamaon" \
    "$(tr '\n' ' ' < s.out | sed 's/ $//')"
"$SEQTUTOR" sample --model m.bin --count 20 --prefix Tyr > p.out
check_eq "sample --prefix: every name begins with it" "20" "$(grep -c '^Tyr' p.out)"
"$SEQTUTOR" sample --model m.bin --count 50 --temperature 0.2 > cold.out
"$SEQTUTOR" sample --model m.bin --count 50 --temperature 3 > hot.out
check "sample --temperature: colder gives fewer distinct letters" test \
    "$(fold -w1 cold.out | sort -u | wc -l)" -lt "$(fold -w1 hot.out | sort -u | wc -l)"
check_status "sample: prefix outside the vocabulary" 2 "$SEQTUTOR" sample --model m.bin --prefix "龙"
check_contains "sample: prefix message" "never saw" "$(cat "$TEST_WORK/err")"
head -c 100 m.bin > trunc.bin
check_status "sample: truncated model" 2 "$SEQTUTOR" sample --model trunc.bin
check_contains "sample: truncated model message" "trunc.bin: truncated" "$(cat "$TEST_WORK/err")"
printf 'hello, this is not a model at all\n' > foreign.bin
check_status "sample: foreign file" 2 "$SEQTUTOR" sample --model foreign.bin
check_contains "sample: foreign file message" "foreign.bin: not a seqtutor model" "$(cat "$TEST_WORK/err")"
cp m.bin flipped.bin
printf '\x01' | dd of=flipped.bin bs=1 seek=200 conv=notrunc 2>/dev/null
check_status "sample: corrupt model" 2 "$SEQTUTOR" sample --model flipped.bin
check_contains "sample: corrupt model message" "checksum" "$(cat "$TEST_WORK/err")"
check_status "sample: missing model" 2 "$SEQTUTOR" sample --model nothere.bin
check_status "sample: --model required" 2 "$SEQTUTOR" sample

# 5. Bad data files: one message naming the file (and line), status 2.
bad() { # name expected-message file
    check_status "bad data: $1" 2 "$SEQTUTOR" train --plain --data "$3" --iterations 10
    check_contains "bad data: $1 message" "$2" "$(cat "$TEST_WORK/err")"
}
bad "missing" "nothere.txt: cannot open" nothere.txt
: > empty.txt; bad "empty" "empty.txt: the file is empty" empty.txt
printf '\n   \n\n' > blank.txt; bad "blank lines only" "blank.txt: no usable line" blank.txt
printf 'abc\ndef\nx\0y\n' > nul.txt; bad "NUL byte" "nul.txt:3: contains a NUL byte" nul.txt
printf 'abc\n\xff\xfe\n' > latin.txt; bad "invalid UTF-8" "latin.txt:2: invalid UTF-8" latin.txt
head -c 3000 /bin/ls > binary.txt; bad "a binary file" "binary.txt:" binary.txt
"$PYTHON" -c 'import sys; sys.stdout.write("\n".join(chr(0x4e00+i) for i in range(5000)))' > many.txt
bad "too many symbols" "the limit is 4096" many.txt
truncate -s 65M huge.txt; bad "over 64 MiB" "huge.txt: file is larger than the limit of 64 MiB" huge.txt
bad "a directory" "is a directory" .

# 6. Options.
check_status "--lr abc" 2 "$SEQTUTOR" train --plain --lr abc
check_contains "--lr abc message" "--lr expects a number, not 'abc'" "$(cat "$TEST_WORK/err")"
check_status "--hidden 0" 2 "$SEQTUTOR" train --plain --hidden 0
check_contains "--hidden 0 message" "--hidden must be between 1 and 1024" "$(cat "$TEST_WORK/err")"
check_status "unknown option" 2 "$SEQTUTOR" train --plain --bogus
check_status "missing value" 2 "$SEQTUTOR" train --plain --data
check_status "train --help" 0 "$SEQTUTOR" train --help
check_contains "train --help lists defaults" "default 35000" "$(cat "$TEST_WORK/out")"
check_status "sample --help" 0 "$SEQTUTOR" sample --help
check_status "unknown command" 2 "$SEQTUTOR" frobnicate
check_status "--version" 0 "$SEQTUTOR" --version
check_contains "--version says where it looked" "program's folder" "$(cat "$TEST_WORK/out")"

# 7. Exploding gradients stop training with a lesson, not a crash.
check_status "NaN stops training" 1 "$SEQTUTOR" train --plain --data "$COURSE" --no-clip --lr 50 --iterations 3000
check_contains "NaN message" "exploding gradients" "$(cat "$TEST_WORK/err")"

finish
