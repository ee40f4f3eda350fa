#!/usr/bin/env bash
# Compiles the C core to WebAssembly with Emscripten:
#   build/out/wasm/memplay.mjs + .wasm   the engine module for the page (ES module)
#   build/out/wasm/cli.mjs               `memplay` for node, same as the native tool
# Rebuilds only when a source is newer than the last successful build.  The
# page's exports are the EMSCRIPTEN_KEEPALIVE functions of core/wasm_api.c:
# that file is the one list.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs     # emcc 3.1.6 from Debian needs Debian's acorn
out=build/out/wasm
mkdir -p "$out"
lib_src=$(ls core/*.c | grep -v -e core/cli.c -e core/wasm_api.c)
flags=(-O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Wno-unused-parameter
       -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=2GB)

# build NAME OUTPUT COMMAND...: runs COMMAND if a source is newer than the
# stamp of NAME's last successful build.  The stamp is taken before
# compiling, so a source saved during a build triggers the next one.
build() {
  local name=$1 output=$2 stamp=$out/.$1.stamp; shift 2
  if [ -f "$stamp" ] && [ -f "$output" ] &&
     [ -z "$(find core build/wasm.sh build/wasm-cli.mjs -newer "$stamp" -type f | head -1)" ]; then
    return
  fi
  echo "wasm: $name"
  rm -f "$stamp"
  touch "$stamp.new"
  "$@"
  mv "$stamp.new" "$stamp"
}

exports=$(sed -n 's/^EMSCRIPTEN_KEEPALIVE[^(]*[ *]\(mp_wasm_[a-z0-9_]*\)(.*/_\1/p' core/wasm_api.c | paste -sd, -)
[ -n "$exports" ] || { echo "wasm.sh: no EMSCRIPTEN_KEEPALIVE functions in core/wasm_api.c" >&2; exit 1; }

build engine "$out/memplay.wasm" \
  emcc "${flags[@]}" $lib_src core/wasm_api.c -o "$out/memplay.mjs" \
    -sMODULARIZE=1 -sEXPORT_ES6=1 -sENVIRONMENT=web,worker,node \
    -sEXPORTED_FUNCTIONS="$exports" -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8

build cli "$out/memplay-cli.cjs" \
  emcc "${flags[@]}" $lib_src core/cli.c -o "$out/memplay-cli.cjs" \
    -sENVIRONMENT=node -sEXIT_RUNTIME=1 -sNODERAWFS=1
cp build/wasm-cli.mjs "$out/cli.mjs"
