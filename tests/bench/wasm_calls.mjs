// `node tests/bench/wasm_calls.mjs FILE...`: how many WASM function calls
// the WASM build makes running each snippet under node, and the functions
// called most.  In V8's optimized code every call spills what the caller
// holds in registers and reloads it after, so a call taken off a hot path
// helps WASM more than native (README, "Where the remaining gap is").
//
// binaryen's `wasm-opt --log-execution` adds a call to an imported
// log_execution(id) at the start of every function (and at every loop
// top); a copy of the build's node glue gives it an import that counts
// each id.  The count of an empty snippet (start-up) is subtracted.  The
// functions are named when the build has a name section (link with emcc
// --profiling-funcs); else they are WASM function indices.  Exact and
// repeatable: counts, not times.  Needs binaryen (wasm-opt, wasm-dis),
// which emscripten brings.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BUILD = 'build/out/wasm';

function run(cmd, args, env) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${(r.stderr || '').slice(-2000)}`);
  return r.stdout;
}

/** Instruments the CLI's WASM in dir; returns Map(log id -> function name) of the function entries. */
function instrument(dir) {
  const wasm = join(dir, 'memplay-cli.wasm');
  run('wasm-opt', [join(BUILD, 'memplay-cli.wasm'), '-g', '--enable-bulk-memory', '--enable-sign-ext',
    '--enable-mutable-globals', '--log-execution', '-o', wasm]);
  const lines = run('wasm-dis', ['--all-features', wasm]).split('\n');
  const imported = lines.map((l) => /^ \(import "env" "log_execution" \(func (\$\S+)/.exec(l)).find(Boolean);
  if (!imported)
    throw new Error('wasm-opt --log-execution added no log_execution import');
  const call = `(call ${imported[1]}`;
  const entries = new Map();
  let fn = null, first = false;
  lines.forEach((line, i) => {
    const f = /^ \(func \$(\S+)/.exec(line);
    if (f) {
      [fn, first] = [f[1], true];
    } else if (first && line.trim() === call) {
      entries.set(Number(/i32\.const (\d+)/.exec(lines[i + 1])[1]), fn);
      first = false;
    }
  });
  return entries;
}

/** Copies the node glue into dir with a log_execution import that counts into a file at exit. */
function glue(dir) {
  const src = readFileSync(join(BUILD, 'memplay-cli.cjs'), 'utf8');
  const hook = 'var __mpCalls=new Float64Array(1<<20);'
    + 'process.on("exit",()=>require("fs").writeFileSync(process.env.MP_CALLS_OUT,JSON.stringify(Array.from(__mpCalls))));'
    + 'var asmLibraryArg={"log_execution":(i)=>{__mpCalls[i]++},';
  if (!src.includes('var asmLibraryArg={'))
    throw new Error('memplay-cli.cjs: no asmLibraryArg to add the import to');
  writeFileSync(join(dir, 'memplay-cli.cjs'), src.replace('var asmLibraryArg={', hook));
  copyFileSync(join(BUILD, 'cli.mjs'), join(dir, 'cli.mjs'));
}

function counts(dir, file) {
  const out = join(dir, 'counts.json');
  run(process.execPath, [join(dir, 'cli.mjs'), 'bench', file], { MP_CALLS_OUT: out });
  return JSON.parse(readFileSync(out, 'utf8'));
}

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node tests/bench/wasm_calls.mjs FILE...   (after make wasm)');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'wasm-calls-'));
try {
  const entries = instrument(dir);
  glue(dir);
  const empty = join(dir, 'empty.py');
  writeFileSync(empty, '');
  const base = counts(dir, empty);
  for (const file of files) {
    const c = counts(dir, file);
    const calls = [...entries].map(([id, name]) => [name, c[id] - base[id]]).sort((a, b) => b[1] - a[1]);
    const total = calls.reduce((s, [, n]) => s + n, 0);
    console.log(`${file}: ${(total / 1e6).toFixed(1)}M calls; most called:`);
    for (const [name, n] of calls.slice(0, 8))
      console.log(`  ${(n / 1e6).toFixed(2).padStart(7)}M  ${name}`);
  }
} finally {
  rmSync(dir, { recursive: true });
}
