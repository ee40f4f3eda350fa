// Seek benchmark (issue 4): one run of tests/bench/seek_million.py (more
// than a million steps) in the WASM engine under node, then 100 seeks to
// pseudo-random steps.  A seek restores the nearest checkpoint and
// re-executes to the step, giving the step's description; the memory
// snapshot at the step is timed separately (its size grows with the heap).
// Results are merged into build/out/bench.json.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { loadNodeModule } from '../../web/src/engine/node-module.mjs';
import { Engine } from '../../web/src/engine/engine.js';

const module = await loadNodeModule();
const engine = new Engine(module);
const code = readFileSync('tests/bench/seek_million.py', 'utf8');
let t0 = performance.now();
const run = engine.run(code);
const runMs = performance.now() - t0;

let x = 20261125;
const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
const seeks = [], snapshots = [];
for (let i = 0; i < 100; i++) {
  const step = 1 + (next() % run.steps);
  t0 = performance.now();
  const r = engine.seek(step, { snapshot: false });
  seeks.push(performance.now() - t0);
  if (r.at.step !== step) throw new Error(`seek to ${step} landed on ${r.at.step}`);
  if (i % 10 === 0) {
    t0 = performance.now();
    engine.seek(step);
    snapshots.push(performance.now() - t0);
  }
}
const median = (a) => [...a].sort((p, q) => p - q)[Math.floor(a.length / 2)];
const round = (v) => Math.round(v * 10) / 10;
const result = {
  seek_steps: run.steps,
  seek_run_ms: round(runMs),
  seek_ms_median: round(median(seeks)),
  seek_ms_max: round(Math.max(...seeks)),
  seek_with_snapshot_ms_median: round(median(snapshots)),
  seek_with_snapshot_ms_max: round(Math.max(...snapshots)),
  seek_checkpoints: engine.checkpoints.length,
  seek_checkpoint_bytes: engine.checkpointBytes(),
};
const path = 'build/out/bench.json';
const all = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
writeFileSync(path, JSON.stringify({ ...all, ...result }, null, 2) + '\n');
console.log(`seek: ${run.steps} steps run in ${result.seek_run_ms} ms; 100 seeks: median ${result.seek_ms_median} ms, ` +
  `worst ${result.seek_ms_max} ms (budget 100 ms); with the snapshot: median ${result.seek_with_snapshot_ms_median} ms, ` +
  `worst ${result.seek_with_snapshot_ms_max} ms; ${result.seek_checkpoints} checkpoints, ` +
  `${(result.seek_checkpoint_bytes / 1e6).toFixed(1)} MB`);
