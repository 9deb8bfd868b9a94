# seqtutor — a terminal course companion for week 1 of "Sequence Models".
#
#   make            build ./seqtutor
#   make run        build, then open the course
#   make test       build, then run every test (unit, command line, terminal)
#   make WERROR=1   warnings are errors (CI builds this way, with gcc and clang)
#   make CC=clang BUILD=build-clang BIN=build-clang/seqtutor test
#                   a second compiler beside the first
#   make bench      speed and memory measurements
#   make sanitize   unit tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   make fuzz       a short libFuzzer run of the quiz parser (clang)
#   make torture    100,000 random terminal actions per screen (sanitizer build)
#   make check-reproducible  two builds in two folders give the same binary
#   make install PREFIX=/usr/local
#   make clean
#
# Missing Debian packages are installed by scripts/deps.sh (as root) or named
# with the exact apt-get line.

PREFIX   ?= /usr/local
CC       ?= cc
BIN      ?= seqtutor
BUILD    ?= build
PYTHON   ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)

# -Werror only where asked for (CI: make WERROR=1 test): a newer compiler's
# new warning must not break a user's or a distribution's build.
WARN     := -Wall -Wextra -Wshadow -Wno-unused-parameter $(if $(filter 1,$(WERROR)),-Werror)
# -ffp-contract=off: no fused multiply-add anywhere, whatever -march says, so
# every kernel path and every compiler rounds the same way (docs/engine.md).
CSTD     := -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -ffp-contract=off
OPT      ?= -O2 -g
# Evaluated when a recipe runs, i.e. after the dependency check has passed.
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags ncursesw readline))
PKG_LIBS   = $(shell pkg-config --libs ncursesw readline) -lm -lpthread
# The build folder is not recorded in the objects (debug info included), so
# two builds of one commit in two folders are the same bytes
# (make check-reproducible); the caller's CPPFLAGS and CFLAGS come last.
REPRO      = '-ffile-prefix-map=$(CURDIR)=.'
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) $(REPRO) -I$(BUILD) -Isrc $(PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS)

SRCS      := $(wildcard src/*.c)
LIB_SRCS  := $(filter-out src/main.c,$(SRCS))
OBJS      := $(SRCS:src/%.c=$(BUILD)/obj/%.o)
LIB_OBJS  := $(LIB_SRCS:src/%.c=$(BUILD)/obj/%.o)
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
SAN_OBJS  := $(LIB_SRCS:src/%.c=$(BUILD)/san/obj/%.o)
SAN_BINS  := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/san/tests/%)
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# Absolute forms, for the scripts (abspath would split a folder name with a
# space): the caller's own absolute paths are kept as they are.
ABS_BIN   = $(if $(filter /%,$(BIN)),$(BIN),$(CURDIR)/$(BIN))
ABS_BUILD = $(if $(filter /%,$(BUILD)),$(BUILD),$(CURDIR)/$(BUILD))

DEPS_BUILD := $(BUILD)/deps-build.ok
DEPS_TEST  := $(BUILD)/deps-test.ok

.PHONY: all run test bench sanitize fuzz torture install clean check-reproducible FORCE
.SECONDARY:
all: $(BIN)

$(DEPS_BUILD): scripts/deps.sh
	@mkdir -p $(BUILD)
	@sh scripts/deps.sh build
	@touch $@

$(DEPS_TEST): scripts/deps.sh
	@mkdir -p $(BUILD)
	@sh scripts/deps.sh test
	@touch $@

# Compile-time paths: rewritten only when they change, so a new PREFIX rebuilds
# exactly what depends on it.
$(BUILD)/config.h: FORCE
	@mkdir -p $(BUILD)
	@printf '#define SEQTUTOR_PREFIX "%s"\n#define SEQTUTOR_VERSION "%s"\n' \
	    "$(PREFIX)" "1.0.0" > $@.tmp
	@cmp -s $@ $@.tmp && rm -f $@.tmp || mv $@.tmp $@

$(BUILD)/obj/%.o: src/%.c $(DEPS_BUILD) $(BUILD)/config.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BIN): $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(PKG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS) $(DEPS_TEST)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Wno-unused-function $(LDFLAGS) -o $@ $< $(LIB_OBJS) -lcmocka $(PKG_LIBS)

run: $(BIN)
	./$(BIN)

# The program itself under AddressSanitizer + UndefinedBehaviorSanitizer, for
# the terminal-input fuzzing (tests/tui/fuzz_input.sh, make torture).
SAN_BIN := $(BUILD)/san/seqtutor
$(SAN_BIN): $(SAN_OBJS) $(BUILD)/san/obj/main.o
	$(CC) $(SAN_FLAGS) $(LDFLAGS) -o $@ $(SAN_OBJS) $(BUILD)/san/obj/main.o $(PKG_LIBS)

test: $(BIN) $(UNIT_BINS) $(SAN_BIN) $(DEPS_TEST)
	@SEQTUTOR_BIN="$(ABS_BIN)" SEQTUTOR_SAN_BIN="$(ABS_BUILD)/san/seqtutor" PYTHON=$(PYTHON) sh tests/run.sh $(UNIT_BINS)

# 100,000 random terminal actions per screen against the sanitizer build.
torture: $(SAN_BIN) $(DEPS_TEST)
	@$(PYTHON) tests/tui/fuzz_input.py --bin "$(ABS_BUILD)/san/seqtutor" --work "$$(mktemp -d)" \
	    --home "$(CURDIR)" --data data/dinos.txt --actions $${TORTURE_ACTIONS:-100000}

BENCH_BINS := $(patsubst bench/%.c,$(BUILD)/bench/%,$(wildcard bench/*.c))
$(BUILD)/bench/%: bench/%.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $< $(LIB_OBJS) $(PKG_LIBS)

bench: $(BIN) $(BENCH_BINS) $(DEPS_TEST)
	@SEQTUTOR_BIN="$(ABS_BIN)" BENCH_DIR="$(ABS_BUILD)/bench" PYTHON=$(PYTHON) sh bench/run.sh

$(BUILD)/san/obj/%.o: src/%.c $(DEPS_BUILD) $(BUILD)/config.h
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(SAN_FLAGS) -I$(BUILD) -Isrc $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/san/tests/%: tests/unit/%.c $(SAN_OBJS) $(DEPS_TEST)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(SAN_FLAGS) -Wno-unused-function -I$(BUILD) -Isrc $(PKG_CFLAGS) -o $@ $< $(SAN_OBJS) -lcmocka $(PKG_LIBS)

sanitize: $(SAN_BINS)
	@SEQTUTOR_SANITIZE=1 sh tests/run.sh --unit-only $(SAN_BINS)

fuzz: $(DEPS_BUILD)
	@sh tests/fuzz/run.sh

install: $(BIN)
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/seqtutor"
	install -m 755 "$(BIN)" "$(DESTDIR)$(PREFIX)/bin/seqtutor"
	cp -R content quizzes data "$(DESTDIR)$(PREFIX)/share/seqtutor/"

# Two builds of this tree in two temporary folders (one named with a space
# and Chinese characters), at different times: the binaries must be equal.
check-reproducible:
	@sh scripts/check-reproducible.sh

clean:
	rm -rf $(BUILD) $(BIN)

-include $(OBJS:.o=.d) $(SAN_OBJS:.o=.d)

# The training step's kernels (src/kernel_*.c) are explicit vector code;
# -O3 makes sure their fixed-size blocks are unrolled into registers, and
# lets the small loops around them in charrnn.c vectorise.
$(BUILD)/obj/charrnn.o $(patsubst src/%.c,$(BUILD)/obj/%.o,$(wildcard src/kernel_*.c)): OPT = -O3 -g
