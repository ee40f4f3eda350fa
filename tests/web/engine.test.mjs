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

const trace = (file, ...args) =>
  JSON.parse(spawnSync('build/out/native/memplay', ['trace', file, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout);

test('diff: what was allocated between two steps and is still alive, and what died', () => {
  const file = 'tests/steps/diff.py';
  const { events } = trace(file, '--events');
  const lineStep = (line) => events.find((e) => e.kind === 'line' && e.line === line).step;
  const a = lineStep(3), b = lineStep(8);   // before `del gone`; before the print
  const engine = new Engine(module);
  engine.run(readFileSync(file, 'utf8'), {}, { checkpointEvery: 20 });
  const d = engine.diff(a, b);
  assert.deepEqual([d.from, d.to], [a, b]);
  const reprs = (list) => list.map((o) => `${o.type} ${o.repr}`).sort();
  assert.deepEqual(reprs(d.freed), ['list [3, 4]']);
  // the dict and [6] are new; [5] was born and died in between; [1, 2] lives throughout
  assert.deepEqual(reprs(d.allocated).filter((r) => /^(list|dict) /.test(r)), ['dict dict with 0 items', 'list [6]']);
  for (const o of d.allocated) assert.ok(o.born > a && o.born <= b, `${o.repr} born at ${o.born}`);
  assert.deepEqual(reprs(engine.diff(b, a).allocated), reprs(d.allocated));
  // [5] and [6] share an address (the list free list): told apart by birth
  const reuse = engine.diff(lineStep(6), b);
  assert.deepEqual(reprs(reuse.freed), ['list [5]']);
  assert.deepEqual(reprs(reuse.allocated), ['list [6]']);
  assert.equal(reuse.freed[0].address, reuse.allocated[0].address);
  // born is the step of the allocation (or free-list reuse) that made the object
  const { memory } = trace(file, '--step', String(b));
  const keep = memory.objects.find((o) => o.repr === '[1, 2]');
  assert.equal(keep.born, events.find((e) => e.kind === 'alloc' && e.narration.includes(`list at ${keep.address}`)).step);
  for (const o of memory.objects.filter((x) => x.born)) {
    const e = events[o.born - 1];
    assert.equal(e.kind, 'alloc', `${o.type} ${o.repr} born at ${o.born}`);
    assert.ok(e.narration.includes(o.address), `${e.narration} names ${o.address}`);
  }
  assert.ok(memory.objects.some((o) => o.region === 'static' && o.born === undefined), 'static objects have no birth step');
});

test('gc_log lists every collection of the run as gc.callbacks and python3 see them', () => {
  const file = 'tests/steps/gc_log.py';
  const python = spawnSync('python3', [file], { encoding: 'utf8' });
  const seen = python.stdout.trim().split('\n').map((l) => l.split(' ').map(Number));
  assert.ok(seen.length >= 3, python.stdout + python.stderr);
  const ours = spawnSync('build/out/native/memplay', ['run', file], { encoding: 'utf8' }).stdout;
  assert.equal(ours, python.stdout);
  const whole = trace(file);
  const log = whole.gc_log;
  // gc.collect() before the callback, the ones it saw, then the collection at shutdown
  assert.equal(log.length, seen.length + 2);
  assert.deepEqual(log.slice(1, -1).map((e) => [e.generation, e.collected, e.uncollectable]), seen);
  assert.deepEqual(log.map((e) => e.automatic), [false, ...seen.slice(0, -1).map(() => true), false, false]);
  assert.equal(whole.gc_log_truncated, false);
  const schema = JSON.parse(readFileSync('core/snapshot.schema.json', 'utf8')).definitions.trace;
  assert.deepEqual(Object.keys(whole), schema.required, 'the schema lists the members, in order');
  const { events } = trace(file, '--events');
  for (const e of log) {
    assert.equal(events[e.start - 1].kind, 'gc-start');
    assert.equal(events[e.end - 1].kind, 'gc-done');
    assert.ok(e.start < e.end);
  }
  // every step's result carries the whole run's log, native and WASM alike
  const early = trace(file, '--step', '5');
  assert.deepEqual(early.gc_log, log);
  const engine = new Engine(module);
  engine.run(readFileSync(file, 'utf8'));
  assert.deepEqual(engine.seek(5, { snapshot: false }).gc_log, log);
});

test('gc_log: gc.collect() with the collector disabled is not automatic; the log is capped', () => {
  const engine = new Engine(module);
  engine.run('import gc\ngc.disable()\nx = [[] for i in range(2000)]\ngc.collect(0)\n');
  const log = engine.seek(1, { snapshot: false }).gc_log;
  assert.deepEqual(log.map((e) => [e.generation, e.automatic]), [[0, false], [2, false]]);
  engine.run('import gc\nfor i in range(1100):\n    gc.collect(0)\n');
  const capped = engine.seek(1, { snapshot: false });
  assert.equal(capped.gc_log.length, 1000);
  assert.equal(capped.gc_log_truncated, true);
});
