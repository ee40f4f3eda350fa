// Starting and stopping the runtime inside the WASM engine 1,000 times
// keeps its memory flat: everything runtime_init takes, runtime_fini gives back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

// emcc 3.1.6's ES module, when it finds itself in node, uses CommonJS's
// require and __dirname; give it both (the page loads it in a worker).
globalThis.require = createRequire(import.meta.url);
globalThis.__dirname = resolve('build/out/wasm');

test('1,000 runtime resets in WASM: memory stays flat, results stay the same', async () => {
  const { default: createModule } = await import('../../build/out/wasm/memplay.mjs');
  const m = await createModule({ wasmBinary: readFileSync('build/out/wasm/memplay.wasm') });
  const run = () => JSON.parse(m.UTF8ToString(m._mp_wasm_cycle_demo()));
  const first = run();
  for (let i = 0; i < 10; i++) run();
  const settled = m.HEAPU8.length;
  for (let i = 0; i < 1000; i++) assert.deepEqual(run(), first);
  assert.equal(m.HEAPU8.length, settled);
  assert.equal(first.collected, 2);
  assert.equal(first.heap_check, 'ok');
});
