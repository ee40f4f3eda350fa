// The step model on the key cases (issue 4): narration names the object,
// its size and its block, pool and arena; the snapshot says who holds each
// reference — a list slot, an attribute, a closure cell, a frame local, a
// temporary argument on a frame's value stack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const SNIPPET = 'tests/steps/holders.py';
const trace = (...args) => {
  const r = spawnSync('build/out/native/memplay', ['trace', SNIPPET, ...args], { encoding: 'utf8', maxBuffer: 1 << 27 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
};

const all = trace('--events');
const events = all.events;
const stepOf = (pred) => events.find(pred).step;
const holders = (memory, address) => memory.objects.flatMap((o) =>
  o.refs.filter((r) => r.to === address).map((r) => ({ from: o.type, via: r.via })));

test('every step is numbered, has a line and a kind, and line steps start lines', () => {
  events.forEach((e, i) => assert.equal(e.step, i + 1));
  assert.equal(events.filter((e) => e.kind === 'line').length, all.line_steps);
  assert.match(events[0].narration, /^Line 1 runs next: class Box:/);
});

test('an allocation names the type, the size, the block, the pool and the arena', () => {
  const alloc = events.find((e) => e.kind === 'alloc' && e.line === 8);   // items = []
  assert.match(alloc.narration, /^Allocated a list at 0x[0-9a-f]+: 56 bytes from a 64-byte block in pool \d+ of arena 0; refcount 1\.$/);
});

test('a refcount change says from what to what, and a death says why', () => {
  const death = events.find((e) => e.kind === 'decref' && e.line === 13 && / to 0: /.test(e.narration));
  assert.match(death.narration, /^The refcount of the list at 0x[0-9a-f]+ went down from 1 to 0: nothing refers to it, so it dies\.$/);
});

test('holders: a list slot, an attribute, a closure cell', () => {
  const at = trace('--step', String(stepOf((e) => e.line === 13)));   // before the last line runs
  const payload = at.memory.objects.find((o) => o.type === 'list' && o.repr === '[1, 2]');
  const viaPayload = holders(at.memory, payload.address);
  assert.deepEqual(viaPayload.find((h) => h.from === 'list'), { from: 'list', via: '[0]' });
  assert.deepEqual(viaPayload.find((h) => h.from === 'Box'), { from: 'Box', via: 'payload' });
  const data = at.memory.objects.find((o) => o.type === 'list' && o.repr === '[10]');
  assert.deepEqual(holders(at.memory, data.address), [{ from: 'cell', via: 'cell_contents' }]);
  const cell = at.memory.objects.find((o) => o.type === 'cell');
  assert.deepEqual(holders(at.memory, cell.address), [{ from: 'tuple', via: '[0]' }]);
  const inner = at.memory.objects.find((o) => o.type === 'function' && o.repr.includes('inner'));
  assert.ok(inner.refs.some((r) => r.via === '__closure__'));
});

test('holders: a temporary argument on the value stack, and a named local', () => {
  // inside print(len([3, 4])): the new list is an argument being passed
  const made = events.find((e) => e.kind === 'alloc' && e.line === 13 && /Allocated a list/.test(e.narration));
  const at = trace('--step', String(made.step + 2));
  const address = made.narration.match(/at (0x[0-9a-f]+)/)[1];
  const frame = at.memory.stack.frames.find((f) => f.function === '<module>');
  assert.ok(frame.temporaries.includes(address), JSON.stringify(frame));
  // inside outer(): data is a cell shared with inner
  const inOuter = trace('--step', String(stepOf((e) => e.line === 5)));
  const outer = inOuter.memory.stack.frames.find((f) => f.function === 'outer');
  assert.deepEqual(outer.locals.map((l) => [l.name, l.kind]), [['data', 'cell']]);
});
