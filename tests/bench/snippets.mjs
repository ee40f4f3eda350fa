// Snippet benchmarks (issue 7): each tests/bench/*.py (seek_million.py is the
// seek benchmark's and warmup.py the warm-up, not benchmarks) run by memplay
// native (`memplay bench`), memplay WASM under node (`node
// build/out/wasm/cli.mjs bench`) and python3 (tests/bench/cpython_time.py),
// alternating the three within each round and rotating their order between
// rounds.  All three time the same thing in process: from compiling the
// source to the end of shutdown, start-up of the interpreter (and of node
// and the WASM module) excluded.  Every run's output must equal python3's.
//
// Each runner runs each snippet twice per round, in two fresh processes:
// cold (the snippet is the first thing the process runs) and warm (the
// process first runs tests/bench/warmup.py, untimed: `--warmup`).  Warm is
// the steady state the budgets are judged on, as benchmarks of JIT-compiled
// code are: under node, V8 runs each WASM function in baseline code until
// its optimizing compiler, in the background, has compiled it, and a cold
// run of a fraction of a second spends part of its time there.  The
// warm-up is generic code, none of the benchmarks', with few objects live
// at once, so it does not grow the heap the timed run then uses.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

/** @typedef {{cpython_s: number, native_s: number, wasm_s: number, ratio: number, wasm_ratio: number}} Times */
/** @typedef {Times & {name: string, cold: Times}} SnippetRow */

const WARMUP = 'tests/bench/warmup.py';
const MODES = { warm: ['--warmup', WARMUP], cold: [] };
const RUNNERS = {
  native: (file) => ['build/out/native/memplay', ['bench', file]],
  wasm: (file) => [process.execPath, ['build/out/wasm/cli.mjs', 'bench', file]],
  cpython: (file) => ['python3', ['tests/bench/cpython_time.py', file]],
};

/** The benchmark snippets, sorted by name. */
export function benchSnippets() {
  return readdirSync('tests/bench').filter((f) => f.endsWith('.py') &&
    !['seek_million.py', 'cpython_time.py', 'warmup.py'].includes(f)).sort();
}

/** Runs one snippet with one runner, cold or warm; returns { out, seconds }. */
function runOnce(kind, mode, file) {
  const [cmd, args] = RUNNERS[kind](file);
  const r = spawnSync(cmd, [...args, ...MODES[mode]], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const last = r.stderr.trim().split('\n').pop();
  let timing;
  try { timing = JSON.parse(last); } catch { timing = null; }
  if (r.status !== 0 || !timing || typeof timing.seconds !== 'number')
    throw new Error(`${kind} ${mode} ${file}: exit ${r.status}\n${r.stderr}`);
  return { out: r.stdout, seconds: timing.seconds };
}

export const median = (a) => {
  const s = [...a].sort((p, q) => p - q), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const geomean = (a) => Math.exp(a.reduce((s, x) => s + Math.log(x), 0) / a.length);

const r3 = (v) => Math.round(v * 1000) / 1000;

/** The medians of one snippet's times in one mode, and their ratios. */
function medians(t) {
  const cpython_s = median(t.cpython), native_s = median(t.native), wasm_s = median(t.wasm);
  return {
    cpython_s: r3(cpython_s), native_s: r3(native_s), wasm_s: r3(wasm_s),
    ratio: r3(native_s / cpython_s), wasm_ratio: r3(wasm_s / native_s),
  };
}

/**
 * Runs every snippet `rounds` times with each runner, warm and cold.
 * @returns {SnippetRow[]}
 */
export function benchAll(rounds) {
  const files = benchSnippets();
  const kinds = Object.keys(RUNNERS);
  /** @type {Record<string, Record<string, Record<string, number[]>>>} */
  const times = {};
  const expected = {};
  for (const f of files) {
    times[f] = {};
    for (const mode of Object.keys(MODES))
      times[f][mode] = { native: [], wasm: [], cpython: [] };
    expected[f] = spawnSync('python3', [`tests/bench/${f}`], { encoding: 'utf8' }).stdout;
  }
  for (let round = 0; round < rounds; round++) {
    for (const f of files) {
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[(k + round) % kinds.length];
        for (const mode of Object.keys(MODES)) {
          const { out, seconds } = runOnce(kind, mode, `tests/bench/${f}`);
          if (out !== expected[f])
            throw new Error(`${kind} ${mode} ${f}: printed ${JSON.stringify(out)}, python3 printed ${JSON.stringify(expected[f])}`);
          times[f][mode][kind].push(seconds);
        }
      }
    }
    process.stderr.write(`bench: round ${round + 1}/${rounds} done\n`);
  }
  return files.map((f) => ({
    name: f.replace(/\.py$/, ''), ...medians(times[f].warm), cold: medians(times[f].cold),
  }));
}
