// `node tests/bench/wasm_ir.mjs FILE...`: the instructions the WASM build
// executes for each benchmark snippet under node, counted by valgrind's
// callgrind — the WASM counterpart of `valgrind --tool=callgrind memplay
// bench FILE`, repeatable to about 0.05% where wall time on a shared
// machine varies by 20% or more.  Judges a change to build/wasm.sh or the
// C code by what V8's optimized code does: node runs with --no-liftoff
// (every function compiled by TurboFan before the run, none in baseline
// code) and --single-threaded (no compiles in the background).  Node's
// start-up and the compile are left out by subtracting the count of an
// empty snippet.  Takes about a minute per snippet.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Instructions of node running the WASM `memplay bench file` start to end. */
function instructions(file) {
  const r = spawnSync('valgrind', ['--tool=callgrind', '--smc-check=all-non-file', '--callgrind-out-file=/dev/null',
    process.execPath, '--no-liftoff', '--single-threaded', 'build/out/wasm/cli.mjs', 'bench', file],
  { encoding: 'utf8', maxBuffer: 1 << 26 });
  const m = /I\s+refs:\s+([\d,]+)/.exec(r.stderr);
  if (r.status !== 0 || !m)
    throw new Error(`valgrind node cli.mjs bench ${file}: exit ${r.status}\n${r.stderr.slice(-2000)}`);
  return Number(m[1].replaceAll(',', ''));
}

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node tests/bench/wasm_ir.mjs FILE...   (after make wasm)');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'wasm-ir-'));
try {
  const empty = join(dir, 'empty.py');
  writeFileSync(empty, '');
  const base = instructions(empty);
  for (const f of files)
    console.log(`${f}: ${((instructions(f) - base) / 1e6).toFixed(0)}M instructions`);
} finally {
  rmSync(dir, { recursive: true });
}
