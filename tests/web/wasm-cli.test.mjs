// The WASM build of the command-line tool behaves like the native one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8' });
const native = (...args) => run('build/out/native/memplay', args);
const wasm = (...args) => run('node', ['build/out/wasm/cli.mjs', ...args]);

for (const args of [['sizes'], ['check'], ['--version'], ['nonsense'], []]) {
  test(`memplay ${args.join(' ') || '(no arguments)'}: WASM = native`, () => {
    const a = native(...args), b = wasm(...args);
    assert.equal(b.stdout, a.stdout);
    assert.equal(b.stderr, a.stderr);
    assert.equal(b.status, a.status);
  });
}
