#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ with clang (ASan+UBSan) and
# runs each for FUZZ_SECONDS (default 60), seeded with every snippet of the
# repository.  A crash leaves its input in build/out/fuzz/<target>/ and
# fails the run; turn it into a test case under tests/parser/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
out=build/out/fuzz
mkdir -p "$out"
src=$(ls core/*.c | grep -v -e core/cli.c -e core/wasm_api.c)
for target in tests/fuzz/fuzz_*.c; do
  name=$(basename "$target" .c)
  bin="$out/$name"
  clang -O1 -g -std=c11 -D_POSIX_C_SOURCE=200809L -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=undefined -Icore $src "$target" -lm -o "$bin"
  corpus="$out/$name-corpus"
  mkdir -p "$corpus"
  cp tests/lexer/cases/*.py tests/parser/cases/*.py tests/parser/errors/*.py \
     tests/parser/unsupported/*.py "$corpus"/ 2>/dev/null || true
  echo "fuzz: $name for ${seconds}s"
  (cd "$out" && "./$name" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
     -artifact_prefix="$name-" "$name-corpus")
done
