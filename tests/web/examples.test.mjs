// The examples gallery (web/src/examples.js) is real: every concept of the
// product spec has its example, and each example's code prints in memplay
// exactly what python3 (3.11) prints — same stdout, stderr and exit status —
// with the run settings the example asks for, and passes the heap checker
// before every line. Needs the native tool: make native.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES, DEFAULT_EXAMPLE } from '../../web/src/examples.js';

const MEMPLAY = 'build/out/native/memplay';

/** One id per concept of the "examples" row of PRODUCT.md. */
const REQUIRED_IDS = [
  'static-vs-dynamic', 'list-overallocation', 'refcounting', 'del-statement',
  'small-object-pools', 'free-lists', 'large-objects-heap', 'stack-frames-recursion',
  'reference-cycles', 'generations-thresholds', 'weakref-callbacks',
  'weakvaluedictionary-cache', 'weakref-finalize', 'context-managers',
  'del-resurrection', 'growing-cache-leak', 'cycle-leak-gc-disabled',
];

/**
 * The memplay flags that an example's settings imply.
 * @param {object} [settings]
 * @returns {string[]}
 */
function settingsFlags(settings = {}) {
  const flags = [];
  if (settings.thresholds) flags.push('--gc-threshold', settings.thresholds.join(','));
  if (settings.gcEnabled === false) flags.push('--no-gc');
  if (settings.heapLimit !== undefined) flags.push('--heap-limit', String(settings.heapLimit));
  if (settings.stepCap !== undefined) flags.push('--step-cap', String(settings.stepCap));
  if (settings.pymalloc === false) flags.push('--no-pymalloc');
  return flags;
}

/** @param {string} cmd @param {string[]} args */
const run = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000 });

const dir = mkdtempSync(join(tmpdir(), 'memplay-examples-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

test('ids are unique, kebab-case, and cover every concept', () => {
  const ids = EXAMPLES.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate id');
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  for (const id of REQUIRED_IDS) assert.ok(ids.includes(id), `missing example ${id}`);
  assert.equal(DEFAULT_EXAMPLE, EXAMPLES[0]);
});

test('every example has a title, 5-20 lines of commented code and a short watch text', () => {
  for (const e of EXAMPLES) {
    assert.ok(e.title.trim(), `${e.id}: title`);
    const lines = e.code.trimEnd().split('\n');
    assert.ok(lines.length >= 5 && lines.length <= 20, `${e.id}: ${lines.length} lines`);
    assert.ok(e.code.includes('# '), `${e.id}: no comment`);
    const sentences = e.watch.split(/[.!?](\s|$)/).filter((s) => s && s.trim()).length;
    assert.ok(sentences >= 1 && sentences <= 3, `${e.id}: ${sentences} sentences in watch`);
    assert.doesNotMatch(e.code, /print\(.*\bid\([^)]*\)\s*\)/, `${e.id}: prints a raw id()`);
  }
});

test('the headline example builds a two-object cycle and collects it', () => {
  const e = EXAMPLES.find((x) => x.id === 'reference-cycles');
  assert.match(e.code, /\bdel\b/);
  assert.match(e.code, /gc\.collect\(\)/);
  const { stdout } = run('python3', [writeExample(e)]);
  assert.match(stdout, /collected: 2\n$/);
});

/** Writes an example's code to a file of its own and returns the path. */
function writeExample(e) {
  const file = join(dir, `${e.id}.py`);
  writeFileSync(file, e.code);
  return file;
}

for (const e of EXAMPLES) {
  test(`${e.id}: memplay prints what python3 prints`, () => {
    const file = writeExample(e);
    const want = run('python3', [file]);
    const got = run(MEMPLAY, ['run', file, ...settingsFlags(e.settings)]);
    assert.equal(got.stdout, want.stdout);
    assert.equal(got.stderr, want.stderr.replaceAll(`"${file}"`, '"<snippet>"'));
    assert.equal(got.status, want.status);
  });

  test(`${e.id}: the heap checker passes before every line`, () => {
    const got = run(MEMPLAY, ['run', writeExample(e), '--check-heap', ...settingsFlags(e.settings)]);
    assert.equal(got.status, 0, got.stderr);
    assert.equal(got.stderr, '');
  });

  test(`${e.id}: a small run (steps)`, () => {
    const got = run(MEMPLAY, ['steps', writeExample(e), ...settingsFlags(e.settings)]);
    assert.equal(got.status, 0, got.stderr);
    const steps = Number(got.stdout.trim().split(/\s+/)[0]);
    const limit = e.id === 'generations-thresholds' ? 200_000 : 20_000;
    assert.ok(steps > 0 && steps <= limit, `${steps} steps`);
  });
}
