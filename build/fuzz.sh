#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ with clang (ASan+UBSan) and
# runs each for FUZZ_SECONDS (default 60):
#   fuzz_parser  the lexer, the parser, ast_dump and the symbol table
#   fuzz_run     the whole pipeline (runtime_init, run_snippet, runtime_fini)
# Each is seeded with every snippet of the repository (copied into a
# temporary directory); what a target learns stays in
# build/out/fuzz/<target>-corpus/.  Every input that crashes, leaks, trips a
# sanitizer, times out or runs out of memory is kept in
# build/out/fuzz/<target>/ (crash-*, leak-*, timeout-*, oom-*) and fails the
# run (exit 1) once every target has had its time.  Minimize one with
#   build/out/fuzz/<target>.bin -minimize_crash=1 -runs=10000 FILE
# and turn it into a test case (tests/parser/ or tests/errors/).
#
# tests/fuzz/python.dict (keywords, builtins, dunders) guides the mutations.
# FUZZ_FORK=N runs N worker processes with -ignore_crashes, so a run keeps
# going past a crash and collects several.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
fork=${FUZZ_FORK:-0}
out=build/out/fuzz
mkdir -p "$out"
src=$(ls core/*.c | grep -v -e core/cli.c -e core/wasm_api.c)
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
# Seeds: every snippet, named by path so that equal basenames do not clash.
find tests/snippets tests/lexer tests/parser tests/symtable tests/errors -name '*.py' 2>/dev/null |
  while read -r f; do cp "$f" "$seeds/$(echo "$f" | tr / _)"; done
found=0
# ASan's frames are several times larger than plain ones: 1,000 levels of
# Python recursion through C (a __repr__ calling repr) need more than the
# default 8 MiB of stack, as in `make test-sanitize`.
ulimit -s 262144 2>/dev/null || true
for target in tests/fuzz/fuzz_*.c; do
  name=$(basename "$target" .c)
  bin="$out/$name.bin"
  clang -O1 -g -std=c11 -D_POSIX_C_SOURCE=200809L -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=undefined -fno-omit-frame-pointer -Icore $src "$target" -lm -o "$bin"
  corpus="$out/$name-corpus"
  artifacts="$out/$name"
  mkdir -p "$corpus" "$artifacts"
  marker="$out/.$name.started"
  touch "$marker"
  flags=(-max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048
         -artifact_prefix="$artifacts/" -print_final_stats=1)
  if [ -f tests/fuzz/python.dict ]; then
    flags+=(-dict=tests/fuzz/python.dict)
  fi
  if [ "$fork" -gt 0 ]; then
    flags+=(-fork="$fork" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  fi
  echo "fuzz: $name for ${seconds}s"
  status=0
  "$bin" "${flags[@]}" "$corpus" "$seeds" || status=$?
  new=$(find "$artifacts" -type f -newer "$marker" | sort)
  rm -f "$marker"
  if [ "$status" -ne 0 ] || [ -n "$new" ]; then
    echo "fuzz: $name FAILED (exit $status); inputs kept:" >&2
    for f in $new; do echo "  $f" >&2; done
    found=1
  else
    echo "fuzz: $name ok"
  fi
done
exit "$found"
