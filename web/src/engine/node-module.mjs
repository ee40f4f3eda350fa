// Loads the engine's WASM module under node (tests, benchmarks): the
// Emscripten 3.1.6 loader expects CommonJS's require and __dirname, and
// fetch() on the .wasm path fails under node, so the bytes are passed in.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

export async function loadNodeModule(dir = 'build/out/wasm') {
  globalThis.require ??= createRequire(import.meta.url);
  globalThis.__dirname ??= resolve(dir);
  const { default: createModule } = await import(resolve(dir, 'memplay.mjs'));
  return createModule({ wasmBinary: readFileSync(resolve(dir, 'memplay.wasm')) });
}
