// `make bench` (issue 7): the snippet benchmarks against CPython (warm, the
// steady state the budgets are judged on, and cold: see snippets.mjs), the
// page weight, the cold load and the render time; merged into
// build/out/bench.json (keeping what seek.mjs wrote there) and printed as a
// table.  BENCH_ROUNDS (default 5) sets the rounds of the snippets.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { benchAll, geomean } from './snippets.mjs';
import { pageWeight } from './weight.mjs';
import { benchPage } from './page.mjs';

const rounds = Number(process.env.BENCH_ROUNDS || 5);
const rows = benchAll(rounds);
const r3 = (v) => Math.round(v * 1000) / 1000;
const ratios = (times) => ({
  cpython: r3(geomean(times.map((t) => t.native_s / t.cpython_s))),
  wasm: r3(geomean(times.map((t) => t.wasm_s / t.native_s))),
});
const warm = ratios(rows), cold = ratios(rows.map((r) => r.cold));
const result = {
  cpython_ratio_geomean: warm.cpython,
  wasm_native_ratio_geomean: warm.wasm,
  cpython_ratio_geomean_cold: cold.cpython,
  wasm_native_ratio_geomean_cold: cold.wasm,
  bench_rounds: rounds,
  snippets: rows,
  ...pageWeight(),
  ...await benchPage(),
};

const path = 'build/out/bench.json';
const all = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
writeFileSync(path, JSON.stringify({ ...all, ...result }, null, 2) + '\n');

const pad = (s, n) => String(s).padStart(n);
/** One table of the snippets' medians: warm (the budgets') or cold. */
function printTable(title, times, geo) {
  console.log(`${title.padEnd(10)}   python3    native      WASM   native/CPython  WASM/native   (median of ${rounds}, seconds)`);
  times.forEach((t, i) =>
    console.log(`${rows[i].name.padEnd(10)} ${pad(t.cpython_s.toFixed(3), 9)} ${pad(t.native_s.toFixed(3), 9)} ${pad(t.wasm_s.toFixed(3), 9)}` +
      `   ${pad(t.ratio.toFixed(2), 14)} ${pad(t.wasm_ratio.toFixed(2), 12)}`));
  console.log(`geometric mean${' '.repeat(32)}${pad(geo.cpython.toFixed(2), 14)} ${pad(geo.wasm.toFixed(2), 12)}`);
}
printTable('warm', rows, warm);
console.log('  (budgets 1.00 and 1.50: each run after the warm-up tests/bench/warmup.py)');
printTable('cold', rows.map((r) => r.cold), cold);
console.log('  (each the first run of a fresh process: under node, partly in V8\'s baseline code)');
console.log(`page: ${result.page_gzip_bytes} bytes gzip (budget 300 KB), WASM ${result.wasm_gzip_bytes} (budget 150 KB)`);
console.log(`cold load to the first step: ${result.cold_load_ms ?? result.cold_load_reason} ms (budget 1000)`);
console.log(`render of a step with 500 objects: ${result.render_500_ms ?? result.render_500_reason} ms (budget 16)`);
