// Line navigation and breakpoints (Engine.findStep, `memplay steps
// --find-line-after/--find-line-before`): the answer is the one a brute
// force finds in every step of `memplay trace --events`, whatever the
// checkpoints, and on runs of millions of steps it agrees with the native
// tool, which replays from the start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadNodeModule } from '../../web/src/engine/node-module.mjs';
import { Engine } from '../../web/src/engine/engine.js';

const NATIVE = 'build/out/native/memplay';
const memplay = (...args) => {
  const r = spawnSync(NATIVE, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
};
const nativeFind = (file, from, direction, lines) => {
  const out = memplay('steps', file, direction > 0 ? '--find-line-after' : '--find-line-before', String(from),
    ...(lines ? ['--lines', lines.join(',')] : [])).trim();
  return out === 'none' ? null : Number(out);
};

/** The brute force: every line step, in order. */
function bruteFind(lineSteps, from, direction, lines) {
  const ok = (e) => !lines || lines.includes(e.line);
  if (direction > 0) return lineSteps.find((e) => e.step > from && ok(e))?.step ?? null;
  return lineSteps.filter((e) => e.step < from && ok(e)).at(-1)?.step ?? null;
}

/** A small deterministic generator of positions (no Math.random: reproducible). */
function* positions(total, n) {
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield x % (total + 2);
  }
}

const module = await loadNodeModule();

for (const file of ['tests/snippets/gc/instance_cycle_del.py', 'tests/snippets/generators/pipeline.py',
  'tests/snippets/weakref/callback_order.py', 'tests/snippets/functions/recursion.py',
  'tests/steps/gc_log.py']) {
  test(`findStep agrees with a brute force over every step: ${file}`, () => {
    const events = JSON.parse(memplay('trace', file, '--events')).events;
    const lineSteps = events.filter((e) => e.kind === 'line');
    const lines = [...new Set(lineSteps.map((e) => e.line))].sort((a, b) => a - b);
    const engine = new Engine(module);
    const { steps } = engine.run(readFileSync(file, 'utf8'), {}, { checkpointEvery: Math.max(10, Math.floor(events.length / 10)) });
    assert.equal(steps, events.length);
    assert.ok(engine.checkpoints.length > 1, `${engine.checkpoints.length} checkpoints`);
    const sets = [null, [lines[0]], [lines.at(-1)], [lines[1] ?? lines[0], lines.at(-2) ?? lines[0]], [9999]];
    const froms = [0, 1, steps, steps + 1, ...positions(steps, 6)];
    let checked = 0;
    for (const set of sets)
      for (const from of froms)
        for (const direction of [1, -1]) {
          const want = bruteFind(lineSteps, from, direction, set);
          assert.equal(engine.findStep(from, { direction, lines: set }), want,
            `from ${from} direction ${direction} lines ${JSON.stringify(set)}`);
          checked++;
        }
    // the native tool, a few times (it replays from the start each time)
    for (const [from, direction, set] of [[0, 1, null], [steps + 1, -1, null], [Math.floor(steps / 2), -1, sets[3]],
      [Math.floor(steps / 3), 1, sets[2]]])
      assert.equal(nativeFind(file, from, direction, set), bruteFind(lineSteps, from, direction, set), `native ${from} ${direction}`);
    assert.ok(checked >= 80);
  });
}

test('findStep works on a run of millions of steps without storing them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'memplay-find-'));
  const file = join(dir, 'loop.py');
  writeFileSync(file, 'i = 0\nwhile i < 1000000:\n    i += 1\nprint(i)\n');
  const engine = new Engine(module);
  const { steps } = engine.run(readFileSync(file, 'utf8'));
  assert.ok(steps > 3_000_000, `${steps} steps`);
  assert.ok(engine.checkpoints.length <= 12);
  const cases = [
    [0, 1, [4]],                       // forward to the last line: runs through every checkpoint's segment
    [steps + 1, -1, [1]],              // backward to the first line: searches every segment
    [steps + 1, -1, [4]],
    [Math.floor(steps * 0.7), 1, [3]],
    [Math.floor(steps * 0.7), -1, [2]],
    [Math.floor(steps * 0.7), -1, null],
    [100, 1, [9]],                     // a line that never runs
  ];
  for (const [from, direction, lines] of cases) {
    const got = engine.findStep(from, { direction, lines });
    assert.equal(got, nativeFind(file, from, direction, lines), `from ${from} direction ${direction} lines ${lines}`);
    if (got !== null) {
      const at = engine.seek(got, { snapshot: false }).at;
      assert.equal(at.kind, 'line');
      if (lines) assert.ok(lines.includes(at.line));
    }
  }
});
