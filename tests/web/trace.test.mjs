// For every snippet of the corpus, the snapshot at its first step, a middle
// step and its last step is byte-identical between the native build and the
// WASM build (issue 4).  Runs with more than MAX_STEPS steps are checked at
// their first and middle steps only after a capped replay would take too
// long under node; they are counted and reported, not silently dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = 'tests/snippets';
const NATIVE = join(process.cwd(), 'build/out/native/memplay');
const WASM_CLI = join(process.cwd(), 'build/out/wasm/cli.mjs');
const MAX_STEPS = 300000;

function snippets(dir = ROOT) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return snippets(path);
    return name.endsWith('.py') ? [path] : [];
  }).sort();
}

async function capture(cmd, args, cwd) {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd, maxBuffer: 1 << 28, timeout: 120000 });
    return { stdout, stderr, code: 0 };
  } catch (e) {
    return { stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: e.code };
  }
}

async function pool(items, width, fn) {
  const results = [];
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  }));
  return results;
}

test('native and WASM snapshots are byte-identical at the first, a middle and the last step', async () => {
  const files = snippets();
  assert.ok(files.length >= 200, `corpus has ${files.length} snippets`);
  let compared = 0, large = 0;
  const problems = [];
  await pool(files, 2, async (file) => {
    const cwd = dirname(file), name = basename(file);
    const counted = await capture(NATIVE, ['steps', name], cwd);
    const [total] = counted.stdout.split('\n').map(Number);
    if (!(total > 0)) return;   // syntax errors and unsupported constructs have no steps
    const steps = total > MAX_STEPS ? [1, Math.floor(MAX_STEPS / 2)] : [1, Math.ceil(total / 2), total];
    if (total > MAX_STEPS) large++;
    for (const step of steps) {
      const args = ['trace', name, '--step', String(step)];
      const [a, b] = await Promise.all([capture(NATIVE, args, cwd), capture('node', [WASM_CLI, ...args], cwd)]);
      compared++;
      if (a.stdout !== b.stdout || a.code !== b.code || !a.stdout.startsWith('{"step":'))
        problems.push(`${file} step ${step}: native ${a.stdout.length} bytes (exit ${a.code}), wasm ${b.stdout.length} bytes (exit ${b.code})`);
    }
  });
  console.log(`trace: ${compared} snapshots compared over ${files.length} snippets; ${large} long runs checked at 2 steps`);
  assert.deepEqual(problems, []);
});
