# memplay — one Makefile for the C core, the WASM build, the page and every test.
# `make serve` and `make test` are the two commands a newcomer needs; both
# install what is missing first (see build/setup.sh).

# emcc 3.1.6 from Debian needs Debian's node modules (acorn) with Node 20.
export NODE_PATH := /usr/share/nodejs

OUT      := build/out
NATIVE   := $(OUT)/native
CC       ?= gcc
WARN     := -Wall -Wextra -Werror -Wno-unused-parameter -Wshadow -Wstrict-prototypes
OPT      ?= -O2 -g
FUZZ_SECONDS ?= 60
CFLAGS   := $(OPT) -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN)
CORE_SRC := $(filter-out core/cli.c core/wasm_api.c,$(wildcard core/*.c))
CORE_HDR := $(wildcard core/*.h)
CORE_OBJ := $(CORE_SRC:core/%.c=$(NATIVE)/obj/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(NATIVE)/tests/%)

.PHONY: all setup native wasm web serve test test-unit test-sanitize test-syntax test-snippets test-errors test-web bench fuzz clean snippets-regen

all: native

setup:
	@bash build/setup.sh

native: $(NATIVE)/memplay

$(NATIVE)/obj/%.o: core/%.c $(CORE_HDR)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c $< -o $@

$(NATIVE)/libmemplay.a: $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(NATIVE)/memplay: core/cli.c $(NATIVE)/libmemplay.a $(CORE_HDR)
	$(CC) $(CFLAGS) core/cli.c $(NATIVE)/libmemplay.a -lm -o $@

$(NATIVE)/tests/%: tests/unit/%.c tests/unit/support.h $(NATIVE)/libmemplay.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Icore $< $(NATIVE)/libmemplay.a -lcmocka -lm -o $@

test-unit: $(UNIT_BIN)
	@bash build/run-unit.sh $(UNIT_BIN)

# The unit and syntax tests again, built by clang with AddressSanitizer and
# UndefinedBehaviorSanitizer (any report fails the run).
SANITIZE := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
test-sanitize:
	$(MAKE) test-unit test-syntax NATIVE=$(OUT)/sanitize CC=clang OPT="$(SANITIZE)"
	$(OUT)/sanitize/memplay layout > /dev/null
	$(OUT)/sanitize/memplay layout --json > /dev/null
	# a second runtime in the same process, after the first shut down
	$(OUT)/sanitize/memplay bench tests/snippets/basics/augmented.py --warmup tests/bench/warmup.py > /dev/null
	python3 tests/snippets/run.py --memplay $(OUT)/sanitize/memplay --arg --check-heap
	# ASan's stack frames are several times larger: 1,000 levels of Python
	# recursion through C (a __repr__ calling repr) need more than 8 MiB
	ulimit -s 262144 && python3 tests/errors/run.py $(OUT)/sanitize/memplay

# The snippet corpus (tests/snippets/): every snippet's output against what
# python3.11 printed, then again with the heap checker at every line; and
# the committed expectations must be what python3 prints today.
test-snippets: native
	python3 tests/snippets/regen.py --check
	python3 tests/snippets/run.py --memplay $(NATIVE)/memplay
	python3 tests/snippets/run.py --memplay $(NATIVE)/memplay --arg --check-heap
	python3 tests/steps/pause_check.py $(NATIVE)/memplay

snippets-regen:
	python3 tests/snippets/regen.py

# The errors a snippet itself causes (LANGUAGE.md) and the reliability cases
# (PRODUCT.md): syntax errors, unsupported constructs, the step cap,
# RecursionError, MemoryError, exceptions in __del__ and weakref callbacks,
# deep structures, bad input, and the fuzzers' finds (tests/errors/).
test-errors: native
	python3 tests/errors/run.py build/out/native/memplay

# The lexer, the parser and the symbol tables against CPython's own
# tokenizer, ast and symtable modules (python3 is 3.11 here).
test-syntax: native
	python3 tests/lexer/compare.py $(NATIVE)/memplay
	python3 tests/parser/compare.py $(NATIVE)/memplay
	python3 tests/symtable/compare.py $(NATIVE)/memplay

wasm:
	@bash build/wasm.sh

web: wasm
	node build/web.mjs

serve: setup web
	node build/serve.mjs

test-web: native web
	node --test tests/web/

test: setup
	$(MAKE) test-unit
	$(MAKE) test-sanitize
	$(MAKE) test-syntax
	$(MAKE) test-snippets
	$(MAKE) test-errors
	$(MAKE) test-web

# Benchmarks measure, tests assert: ratios against a baseline taken in the
# same run.  The snippet benchmarks (tests/bench/*.py) run natively, as WASM
# under node and in python3, alternating; then the page's weight, cold load
# and render time (tests/bench/run.mjs).  Everything lands in
# build/out/bench.json; BENCH_ROUNDS=N sets the snippet rounds (default 5).
$(NATIVE)/bench/%: tests/bench/%.c $(NATIVE)/libmemplay.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Icore $< $(NATIVE)/libmemplay.a -lm -o $@

bench: native $(NATIVE)/bench/alloc_churn web
	$(NATIVE)/bench/alloc_churn
	node tests/bench/seek.mjs
	node tests/bench/run.mjs

# libFuzzer targets (tests/fuzz/), FUZZ_SECONDS each; not part of `make test`.
fuzz: setup
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash build/fuzz.sh

clean:
	rm -rf $(OUT)
