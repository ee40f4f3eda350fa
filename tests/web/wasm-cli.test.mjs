// The WASM build of the command-line tool behaves like the native one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8' });
const native = (...args) => run('build/out/native/memplay', args);
const wasm = (...args) => run('node', ['build/out/wasm/cli.mjs', ...args]);
const failing = join(mkdtempSync(join(tmpdir(), 'memplay-cli-')), 'failing.py');

for (const args of [['sizes'], ['check'], ['layout'], ['tokens', 'tests/lexer/cases/basics.py'],
  ['tokens', 'tests/lexer/cases/unicode.py'], ['ast', 'tests/parser/cases/statements.py'],
  ['--version'], ['nonsense'], []]) {
  test(`memplay ${args.join(' ') || '(no arguments)'}: WASM = native`, () => {
    const a = native(...args), b = wasm(...args);
    assert.equal(b.stdout, a.stdout);
    assert.equal(b.stderr, a.stderr);
    assert.equal(b.status, a.status);
  });
}

test('memplay layout: simulated addresses, sizes and a clean heap', () => {
  const { stdout, status } = wasm('layout');
  assert.equal(status, 0);
  assert.match(stdout, /^None +NoneType +at 0x004\w+ +getsizeof +16 +static/m);
  assert.match(stdout, /^class Node +type +at 0x1\w+ +getsizeof 1688/m);
  assert.match(stdout, /^  chunk at 0x10000000 +1048592 B +used$/m);   // the first arena
  assert.match(stdout, /^  pool  0 of arena 0 at 0x10004000 +class  3 \( 64 B\)/m);
  assert.match(stdout, /^heap check: ok$/m);
});

test('memplay sizes: 32 classes of 16 B steps, blocks per 16 KiB pool after its 48 B header', () => {
  const { stdout, status } = wasm('sizes');
  assert.equal(status, 0);
  const rows = stdout.trim().split('\n').slice(1).map((line) => line.trim().split(/\s+/));
  assert.equal(rows.length, 32);
  rows.forEach(([cls, range, block, perPool], i) => {
    const size = 16 * (i + 1);
    assert.deepEqual([cls, range, block, perPool],
      [String(i), `${size - 15}..${size}`, String(size), String(Math.floor((16384 - 48) / size))]);
  });
  assert.deepEqual(rows[31], ['31', '497..512', '512', '31']);
});

test('memplay bench --warmup: the timed run\'s output alone, its time on stderr; a warm-up that fails is an error', () => {
  const snippet = 'tests/snippets/basics/augmented.py';
  const expected = readFileSync(snippet.replace(/\.py$/, '.out'), 'utf8');
  writeFileSync(failing, 'print("not shown")\nraise ValueError("warm-up")\n');
  for (const tool of [native, wasm]) {
    const ok = tool('bench', snippet, '--warmup', 'tests/bench/warmup.py');
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stdout, expected);
    const timing = JSON.parse(ok.stderr.trim());
    assert.equal(timing.file, snippet);
    assert.ok(timing.seconds > 0);
    const bad = tool('bench', snippet, '--warmup', failing);
    assert.equal(bad.status, 2);
    assert.equal(bad.stdout, '');
    assert.equal(bad.stderr, `memplay: the warm-up ${failing} did not run to the end (status 1)\n`);
  }
});
