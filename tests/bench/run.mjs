// `make bench` (issue 7): the snippet benchmarks against CPython, the page
// weight, the cold load and the render time; merged into
// build/out/bench.json (keeping what seek.mjs wrote there) and printed as a
// table.  BENCH_ROUNDS (default 5) sets the rounds of the snippets.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { benchAll, geomean } from './snippets.mjs';
import { pageWeight } from './weight.mjs';
import { benchPage } from './page.mjs';

const rounds = Number(process.env.BENCH_ROUNDS || 5);
const rows = benchAll(rounds);
const r3 = (v) => Math.round(v * 1000) / 1000;
const result = {
  cpython_ratio_geomean: r3(geomean(rows.map((r) => r.native_s / r.cpython_s))),
  wasm_native_ratio_geomean: r3(geomean(rows.map((r) => r.wasm_s / r.native_s))),
  bench_rounds: rounds,
  snippets: rows,
  ...pageWeight(),
  ...await benchPage(),
};

const path = 'build/out/bench.json';
const all = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
writeFileSync(path, JSON.stringify({ ...all, ...result }, null, 2) + '\n');

const pad = (s, n) => String(s).padStart(n);
console.log(`snippet      python3    native      WASM   native/CPython  WASM/native   (median of ${rounds}, seconds)`);
for (const r of rows)
  console.log(`${r.name.padEnd(10)} ${pad(r.cpython_s.toFixed(3), 9)} ${pad(r.native_s.toFixed(3), 9)} ${pad(r.wasm_s.toFixed(3), 9)}` +
    `   ${pad(r.ratio.toFixed(2), 14)} ${pad(r.wasm_ratio.toFixed(2), 12)}`);
console.log(`geometric mean${' '.repeat(32)}${pad(result.cpython_ratio_geomean.toFixed(2), 14)} ${pad(result.wasm_native_ratio_geomean.toFixed(2), 12)}` +
  '   (budgets 1.00 and 1.50)');
console.log(`page: ${result.page_gzip_bytes} bytes gzip (budget 300 KB), WASM ${result.wasm_gzip_bytes} (budget 150 KB)`);
console.log(`cold load to the first step: ${result.cold_load_ms ?? result.cold_load_reason} ms (budget 1000)`);
console.log(`render of a step with 500 objects: ${result.render_500_ms ?? result.render_500_reason} ms (budget 16)`);
