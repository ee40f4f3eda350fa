// The WASM engine (web/src/engine/engine.js): one run keeps checkpoints;
// a seek restores the nearest one and re-executes to the step.  Whatever
// the order of seeks, the answer is what the native `memplay trace --step N`
// computes by replaying from the start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { loadNodeModule } from '../../web/src/engine/node-module.mjs';
import { Engine } from '../../web/src/engine/engine.js';

const native = (file, step) =>
  spawnSync('build/out/native/memplay', ['trace', file, '--step', String(step)], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout.trim();

const module = await loadNodeModule();

for (const file of ['tests/snippets/gc/instance_cycle_del.py', 'tests/snippets/weakref/callback_order.py',
  'tests/snippets/generators/pipeline.py', 'tests/snippets/finalizers/list_items_order.py']) {
  test(`seeks in any order match native replays: ${file}`, () => {
    const engine = new Engine(module);
    const { steps } = engine.run(readFileSync(file, 'utf8'), {}, { checkpointEvery: 50 });
    assert.ok(engine.checkpoints.length > 1, 'several checkpoints');
    for (const step of [steps, 1, Math.ceil(steps / 2), 7, steps - 3]) {
      const got = engine.seek(step);
      assert.equal(JSON.stringify(got), JSON.stringify(JSON.parse(native(file, step))), `step ${step}`);
    }
  });
}

test('a long run keeps a bounded number of checkpoints and seeks without the snapshot', () => {
  const engine = new Engine(module);
  const { steps } = engine.run(readFileSync('tests/bench/seek_million.py', 'utf8'));
  assert.ok(steps > 1_000_000, `${steps} steps`);
  assert.ok(engine.checkpoints.length <= 12, `${engine.checkpoints.length} checkpoints`);
  const at = engine.seek(Math.floor(steps * 0.7), { snapshot: false });
  assert.equal(at.memory, null);
  assert.equal(at.at.step, Math.floor(steps * 0.7));
});

test('settings are part of the run: a small heap limit gives MemoryError', () => {
  const engine = new Engine(module);
  const r = engine.run('x = [0] * 10**7\nprint("unreached")\n', { heapLimit: 4 * 1024 * 1024 });
  assert.equal(r.exitStatus, 1);
  const last = engine.seek(r.steps);
  assert.match(last.stderr, /MemoryError/);
  assert.equal(last.stdout, '');
});
