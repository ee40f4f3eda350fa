// A method call on an instance allocates what CPython 3.11's does: its
// LOAD_METHOD pushes the class's function and the instance, so `c.bump()`
// makes no bound method; `c.bump` as a value does make one, and an
// instance attribute of that name wins over the class's function.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const r = spawnSync('build/out/native/memplay', ['trace', 'tests/steps/methods.py', '--events'], { encoding: 'utf8', maxBuffer: 1 << 27 });
assert.equal(r.status, 0, r.stderr);
const { events, stdout } = JSON.parse(r.stdout);
const methodsMadeOn = (line) => events.filter((e) => e.line === line && e.kind === 'alloc' && /^Allocated a method /.test(e.narration)).length;

test('c.bump() runs the function with c as self, with no bound method', () => {
  assert.ok(events.some((e) => e.line === 5 && e.kind === 'line'));   // bump ran
  assert.equal(methodsMadeOn(7), 0);
});

test('c.bump as a value is a bound method', () => {
  assert.equal(methodsMadeOn(8), 1);
});

test("an instance attribute shadows the class's function", () => {
  assert.equal(stdout, 'shadowed\n');
  assert.equal(methodsMadeOn(10), 0);
});
