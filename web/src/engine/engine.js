// The stepped engine over the WASM module: run a snippet once, keeping
// checkpoints — copies of the paused engine's memory every so many steps —
// then answer seeks by restoring the nearest checkpoint at or before the
// step and re-executing from there (deterministic: same snippet, same
// settings, same steps).  Memory stays bounded: at most MAX_CHECKPOINTS,
// spaced further apart as the run grows.  Used by the worker (page) and by
// node (tests, benchmarks).

export const DEFAULT_SETTINGS = Object.freeze({
  thresholds: [700, 10, 10], gcEnabled: true, heapLimit: 256 * 1024 * 1024,
  stepCap: 10_000_000, pymalloc: true,
});

const MAX_CHECKPOINTS = 12;

export class Engine {
  constructor(module) {
    this.m = module;
    this.checkpoints = [];
    this.total = 0;
    this.lineSteps = 0;
  }

  /** One run lives in a module at a time, whichever Engine started it. */
  get running() { return this.m.memplayEngine === this; }

  /** Copies the paused engine's state out of linear memory. */
  capture(step) {
    const m = this.m;
    const r = m._mp_wasm_image_ranges() >>> 2;
    const [low, highStart, top] = [m.HEAPU32[r], m.HEAPU32[r + 1], m.HEAPU32[r + 2]];
    return { step, low: m.HEAPU8.slice(0, low), highStart, high: m.HEAPU8.slice(highStart, top) };
  }

  restore(cp) {
    const heap = this.m.HEAPU8;
    heap.set(cp.low, 0);
    heap.set(cp.high, cp.highStart);
  }

  /** Keeps every other checkpoint once there are too many (the first stays). */
  thin() {
    if (this.checkpoints.length <= MAX_CHECKPOINTS) return false;
    this.checkpoints = this.checkpoints.filter((_, i) => i % 2 === 0);
    return true;
  }

  /** Runs `code` to its end. Returns { steps, lineSteps, exitStatus }. */
  run(code, settings = {}, { checkpointEvery = 20000 } = {}) {
    const s = { ...DEFAULT_SETTINGS, ...settings };
    const m = this.m;
    if (m.memplayEngine) m._mp_wasm_engine_end();
    m.memplayEngine = null;
    this.checkpoints = [];
    const bytes = m.lengthBytesUTF8(code);
    const src = m._mp_wasm_malloc(bytes + 1);
    m.stringToUTF8(code, src, bytes + 1);
    const rc = m._mp_wasm_engine_begin(src, bytes, s.thresholds[0], s.thresholds[1], s.thresholds[2],
      s.gcEnabled ? 1 : 0, s.heapLimit, s.stepCap, s.pymalloc ? 1 : 0);
    m._mp_wasm_free(src);
    if (rc !== 0) throw new Error('the runtime did not start (is the heap limit at least 2 MiB?)');
    m.memplayEngine = this;
    this.settings = s;
    this.code = code;
    let every = checkpointEvery;
    this.checkpoints.push(this.capture(0));
    let next = every;
    while (m._mp_wasm_engine_continue(next)) {
      const at = m._mp_wasm_engine_steps();
      this.checkpoints.push(this.capture(at));
      if (this.thin()) every *= 2;
      next = at + every;
    }
    this.total = m._mp_wasm_engine_steps();
    this.lineSteps = m._mp_wasm_engine_line_steps();
    this.exitStatus = m._mp_wasm_engine_exit_status();
    return { steps: this.total, lineSteps: this.lineSteps, exitStatus: this.exitStatus };
  }

  /** The state at `step` (1..steps): the parsed trace JSON (with
   * memory: null when snapshot is false). */
  seek(step, { events = false, snapshot = true } = {}) {
    if (!this.running) throw new Error('nothing has run yet');
    const target = Math.max(1, Math.min(Math.floor(step), this.total));
    let cp = this.checkpoints[0];
    for (const c of this.checkpoints) if (c.step < target) cp = c;
    this.restore(cp);
    const m = this.m;
    if (m._mp_wasm_engine_seek(target, (events ? 1 : 0) | (snapshot ? 0 : 2)) !== 0)
      throw new Error(`step ${target} was not reached on replay`);
    const ptr = m._mp_wasm_engine_result(this.total, this.lineSteps);
    const text = m.UTF8ToString(ptr);
    m._mp_wasm_free(ptr);
    return JSON.parse(text);
  }

  /** Memory held by checkpoints, in bytes. */
  checkpointBytes() {
    return this.checkpoints.reduce((n, c) => n + c.low.length + c.high.length, 0);
  }
}
