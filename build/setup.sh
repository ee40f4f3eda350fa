#!/usr/bin/env bash
# Idempotent set-up: installs only what is missing.
#   Debian: emscripten (emcc), libcmocka-dev, chromium, clang with its
#   sanitizer runtime;  npm: `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v emcc >/dev/null 2>&1 || need+=(emscripten)
[ -f /usr/include/cmocka.h ] || need+=(libcmocka-dev)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v gcc >/dev/null 2>&1 || need+=(gcc)
command -v clang >/dev/null 2>&1 || need+=(clang)
ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.asan-x86_64.a >/dev/null 2>&1 || need+=(libclang-rt-14-dev)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi
if [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  fi
fi
