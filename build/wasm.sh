#!/usr/bin/env bash
# Compiles the C core to WebAssembly with Emscripten:
#   build/out/wasm/memplay.mjs + .wasm   the engine module for the page (ES module)
#   build/out/wasm/cli.mjs               `memplay` for node, same as the native tool
# Rebuilds only when a source is newer than the outputs.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
out=build/out/wasm
mkdir -p "$out"
lib_src=$(ls core/*.c | grep -v -e core/cli.c -e core/wasm_api.c)
flags=(-O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Wno-unused-parameter
       -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=2GB)

newer() {  # newer TARGET: is any source newer than TARGET?
  [ ! -f "$1" ] || [ -n "$(find core build/wasm.sh build/wasm-cli.mjs -newer "$1" -type f | head -1)" ]
}

if newer "$out/memplay.wasm"; then
  echo "wasm: engine"
  emcc "${flags[@]}" $lib_src core/wasm_api.c -o "$out/memplay.mjs" \
    -sMODULARIZE=1 -sEXPORT_ES6=1 -sENVIRONMENT=web,worker,node \
    -sEXPORTED_FUNCTIONS=_mp_wasm_size_classes,_mp_wasm_cycle_demo \
    -sEXPORTED_RUNTIME_METHODS=UTF8ToString
fi
if newer "$out/memplay-cli.cjs"; then
  echo "wasm: cli"
  emcc "${flags[@]}" $lib_src core/cli.c -o "$out/memplay-cli.cjs" \
    -sENVIRONMENT=node -sEXIT_RUNTIME=1 -sNODERAWFS=1
  cp build/wasm-cli.mjs "$out/cli.mjs"
fi
