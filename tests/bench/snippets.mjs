// Snippet benchmarks (issue 7): each tests/bench/*.py (seek_million.py is the
// seek benchmark's, not one of these) run by memplay native (`memplay bench`),
// memplay WASM under node (`node build/out/wasm/cli.mjs bench`) and python3
// (tests/bench/cpython_time.py), alternating the three within each round and
// rotating their order between rounds.  All three time the same thing in
// process: from compiling the source to the end of shutdown, start-up of the
// interpreter (and of node and the WASM module) excluded.  Every run's output
// must equal python3's.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

/** @typedef {{name: string, cpython_s: number, native_s: number, wasm_s: number, ratio: number, wasm_ratio: number}} SnippetRow */

const RUNNERS = {
  native: (file) => ['build/out/native/memplay', ['bench', file]],
  wasm: (file) => [process.execPath, ['build/out/wasm/cli.mjs', 'bench', file]],
  cpython: (file) => ['python3', ['tests/bench/cpython_time.py', file]],
};

/** The benchmark snippets, sorted by name. */
export function benchSnippets() {
  return readdirSync('tests/bench').filter((f) => f.endsWith('.py') && f !== 'seek_million.py' &&
    f !== 'cpython_time.py').sort();
}

/** Runs one snippet with one runner; returns { out, seconds }. */
function runOnce(kind, file) {
  const [cmd, args] = RUNNERS[kind](file);
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const last = r.stderr.trim().split('\n').pop();
  let timing;
  try { timing = JSON.parse(last); } catch { timing = null; }
  if (r.status !== 0 || !timing || typeof timing.seconds !== 'number')
    throw new Error(`${kind} ${file}: exit ${r.status}\n${r.stderr}`);
  return { out: r.stdout, seconds: timing.seconds };
}

export const median = (a) => {
  const s = [...a].sort((p, q) => p - q), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const geomean = (a) => Math.exp(a.reduce((s, x) => s + Math.log(x), 0) / a.length);

/**
 * Runs every snippet `rounds` times with each runner.
 * @returns {SnippetRow[]}
 */
export function benchAll(rounds) {
  const files = benchSnippets();
  const kinds = Object.keys(RUNNERS);
  /** @type {Record<string, Record<string, number[]>>} */
  const times = {};
  const expected = {};
  for (const f of files) {
    times[f] = { native: [], wasm: [], cpython: [] };
    expected[f] = spawnSync('python3', [`tests/bench/${f}`], { encoding: 'utf8' }).stdout;
  }
  for (let round = 0; round < rounds; round++) {
    for (const f of files) {
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[(k + round) % kinds.length];
        const { out, seconds } = runOnce(kind, `tests/bench/${f}`);
        if (out !== expected[f])
          throw new Error(`${kind} ${f}: printed ${JSON.stringify(out)}, python3 printed ${JSON.stringify(expected[f])}`);
        times[f][kind].push(seconds);
      }
    }
    process.stderr.write(`bench: round ${round + 1}/${rounds} done\n`);
  }
  return files.map((f) => {
    const cpython_s = median(times[f].cpython), native_s = median(times[f].native), wasm_s = median(times[f].wasm);
    const r3 = (v) => Math.round(v * 1000) / 1000;
    return {
      name: f.replace(/\.py$/, ''), cpython_s: r3(cpython_s), native_s: r3(native_s), wasm_s: r3(wasm_s),
      ratio: r3(native_s / cpython_s), wasm_ratio: r3(wasm_s / native_s),
    };
  });
}
