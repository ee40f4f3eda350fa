// The snapshot JSON: valid against core/snapshot.schema.json, the same on
// the native and the WASM build, and saying what the scenario built.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const schema = JSON.parse(readFileSync('core/snapshot.schema.json', 'utf8'));

/** A small validator for the JSON Schema keywords the schema uses. */
function validate(value, rule, path = '$') {
  if (rule.$ref) rule = rule.$ref.split('/').slice(1).reduce((r, k) => r[k], schema);
  const errors = [];
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array'
    : Number.isInteger(value) ? 'integer' : typeof value;
  if (rule.type) {
    const types = [].concat(rule.type);
    if (!types.includes(kind) && !(kind === 'integer' && types.includes('number')))
      return [`${path}: ${kind}, expected ${types.join('|')}`];
  }
  if (rule.enum && !rule.enum.includes(value)) errors.push(`${path}: ${value} not in ${rule.enum}`);
  if (rule.pattern && typeof value === 'string' && !new RegExp(rule.pattern).test(value))
    errors.push(`${path}: ${value} does not match ${rule.pattern}`);
  if (rule.minimum !== undefined && value < rule.minimum) errors.push(`${path}: below ${rule.minimum}`);
  for (const key of rule.required || []) if (!(key in value)) errors.push(`${path}: missing ${key}`);
  for (const [key, sub] of Object.entries(rule.properties || {}))
    if (value && key in value) errors.push(...validate(value[key], sub, `${path}.${key}`));
  if (rule.items && Array.isArray(value))
    value.forEach((item, i) => errors.push(...validate(item, rule.items, `${path}[${i}]`)));
  return errors;
}

const native = spawnSync('build/out/native/memplay', ['layout', '--json'], { encoding: 'utf8' });
const wasm = spawnSync('node', ['build/out/wasm/cli.mjs', 'layout', '--json'], { encoding: 'utf8' });

test('the snapshot is valid against its schema', () => {
  assert.equal(native.status, 0);
  assert.deepEqual(validate(JSON.parse(native.stdout), schema), []);
});

test('native and WASM snapshots are byte-identical', () => {
  assert.equal(wasm.status, 0);
  assert.equal(wasm.stdout, native.stdout);
});

test('the snapshot shows what was built', () => {
  const snap = JSON.parse(native.stdout);
  const byAddress = new Map(snap.objects.map((o) => [o.address, o]));
  // the one unreachable object is the self-referencing list
  assert.equal(snap.unreachable.length, 1);
  const garbage = byAddress.get(snap.unreachable[0]);
  assert.equal(garbage.type, 'list');
  assert.deepEqual(garbage.refs, [{ to: garbage.address, via: '[0]' }]);
  assert.equal(garbage.reachable, false);
  // the instance: attribute 'answer' held as an attribute, weakly referenced
  const node = snap.objects.find((o) => o.type === 'Node');
  assert.equal(node.size, 56);
  assert.equal(node.block, 64);
  assert.ok(node.refs.some((r) => r.via === 'answer'));
  assert.equal(node.weakrefs.length, 1);
  assert.equal(byAddress.get(node.weakrefs[0]).referent, node.address);
  // a list slot, a dict value and the str key
  const d = snap.objects.find((o) => o.type === 'dict' && o.refs.length);
  assert.deepEqual(d.refs.map((r) => r.via), ["key 'answer'", "['answer']"]);
  assert.equal(d.generation, 'untracked');
  // the big list's item array is a heap chunk owned by it
  const big = snap.objects.find((o) => o.type === 'list' && o.size === 56 + 8 * 100);
  assert.ok(snap.heap_chunks.some((c) => c.owner && c.owner.object === big.address && c.owner.what === 'items'));
  // the first chunk is arena 0, whose pools are listed
  assert.deepEqual(snap.heap_chunks[0].owner, { arena: 0 });
  assert.ok(snap.pools.every((p) => p.used + p.free + p.untouched === p.capacity));
  assert.deepEqual(snap.gc.thresholds, [700, 10, 10]);
});
