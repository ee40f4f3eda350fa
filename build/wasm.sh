#!/usr/bin/env bash
# Compiles the C core to WebAssembly with Emscripten:
#   build/out/wasm/memplay.mjs + .wasm   the engine module for the page (ES module)
#   build/out/wasm/cli.mjs               `memplay` for node, same as the native tool
# Each core file is compiled once to an object (only when it or a header
# changed) and both products link the same objects.  The page's exports
# are the EMSCRIPTEN_KEEPALIVE functions of core/wasm_api.c: that file is
# the one list.
#
# Size: the page's budget gives the WASM 150 KB gzipped.  The files that run
# once per snippet or per step shown — the lexer, parser and compiler, the
# snapshot, string formatting, the builtins' argument handling, error
# messages — are compiled for size (-Os); the allocators, objects, the
# eval loop and the collector, which the run spends its time in, for speed
# (-O2).  Together that is ~17 KB gzipped smaller than -O2 everywhere at
# the same speed (make bench measures WASM against native).
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs     # emcc 3.1.6 from Debian needs Debian's acorn
out=build/out/wasm
obj=$out/obj
mkdir -p "$obj"
# -mbulk-memory: memset and memcpy become single memory.fill/memory.copy
# instructions that V8 runs as native memset/memmove, where without it
# they are calls to libc's byte loops compiled to WASM (2% of a run under
# node: every object is zeroed at allocation) and copies of 512 bytes or
# more go out to JavaScript (emscripten_memcpy_big).  Node 12.5+,
# Chromium 75+, Firefox 79+ and Safari 15 have it.
cflags=(-std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Wno-unused-parameter -mbulk-memory)
# --one-caller-inline-max-function-size: binaryen (wasm-opt, at link)
# inlines every function that has one caller, whatever its size, which put
# vm.c's eval_rare back into the interpreter loop.  V8 compiles a function
# as a whole, in the background, while the run goes on in baseline code:
# the loop at 20 KB took 60-160 ms to compile, at 11 KB 15-30 ms.
lflags=(-O2 -mbulk-memory -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=2GB
  -sBINARYEN_EXTRA_PASSES=--one-caller-inline-max-function-size=2000)
# run once per snippet or per step shown: compiled for size.  Not the
# list and dict methods or dict iteration (list.append, dict.get, the
# items of a for loop): a loop calls them per item, and at -Os their
# refcounting and tracking helpers stay calls (1-2% of weakrefs, full_gc
# and dicts under node, for 0.7 KB gzipped).
cold=" lexer parser parse_expr parse_literal ast symtable compile compile_stmt compile_expr code
  snapshot check format strformat percent methods_str methods_set
  methods_args mod_builtins mod_gc mod_sys mod_weakref mod_memplay builtins_types
  builtins_iter err exc textout runtime engine run super module cli wasm_api "

# Objects: one per core file, rebuilt when the file or any header is newer.
newest_header=$(ls -t core/*.h | head -1)
objects=()
jobs=()
for src in core/*.c; do
  name=$(basename "$src" .c)
  o="$obj/$name.o"
  case "$cold" in *" $name "*) opt=-Os ;; *) opt=-O2 ;; esac
  if [ ! -f "$o" ] || [ "$src" -nt "$o" ] || [ "$newest_header" -nt "$o" ] || [ build/wasm.sh -nt "$o" ]; then
    jobs+=("$opt $src $o")
  fi
  [ "$name" = cli ] || [ "$name" = wasm_api ] || objects+=("$o")
done
if [ ${#jobs[@]} -gt 0 ]; then
  echo "wasm: compiling ${#jobs[@]} files"
  printf '%s\n' "${jobs[@]}" | xargs -P "$(nproc)" -L 1 sh -c 'emcc "$0" '"${cflags[*]}"' -c "$1" -o "$2.tmp" && mv "$2.tmp" "$2"'
fi

# link NAME OUTPUT ARGS...: links when an object is newer than the output.
link() {
  local name=$1 output=$2; shift 2
  if [ -f "$output" ] && [ -z "$(find "$obj" build/wasm.sh build/wasm-cli.mjs -newer "$output" -type f | head -1)" ]; then
    return
  fi
  echo "wasm: $name"
  emcc "${lflags[@]}" "$@" -o "$output"
}

exports=$(sed -n 's/^EMSCRIPTEN_KEEPALIVE[^(]*[ *]\(mp_wasm_[a-z0-9_]*\)(.*/_\1/p' core/wasm_api.c | paste -sd, -)
[ -n "$exports" ] || { echo "wasm.sh: no EMSCRIPTEN_KEEPALIVE functions in core/wasm_api.c" >&2; exit 1; }

link engine "$out/memplay.mjs" "${objects[@]}" "$obj/wasm_api.o" \
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sENVIRONMENT=web,worker,node \
  -sEXPORTED_FUNCTIONS="$exports" -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8

link cli "$out/memplay-cli.cjs" "${objects[@]}" "$obj/cli.o" \
  -sENVIRONMENT=node -sEXIT_RUNTIME=1 -sNODERAWFS=1
cp build/wasm-cli.mjs "$out/cli.mjs"
