// The stepped engine over the WASM module: run a snippet once, keeping
// checkpoints — copies of the paused engine's memory every so many steps —
// then answer seeks by restoring the nearest checkpoint at or before the
// step and re-executing from there (deterministic: same snippet, same
// settings, same steps).  Memory stays bounded: at most MAX_CHECKPOINTS,
// spaced further apart as the run grows.  The whole run's timeline and log
// of collections are kept from the first run and put in every seek's
// result.  Line navigation (findStep) and the diff between two steps work
// the same way, by re-execution.  Used by the worker (page) and by node
// (tests, benchmarks).

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

  /** Runs `code` to its end. Returns { steps, lineSteps, exitStatus }.
   * `onProgress({steps, lineSteps})` is called at every checkpoint and every
   * 65,536 line steps (also deep in calls, where the run cannot pause). */
  run(code, settings = {}, { checkpointEvery = 20000, onProgress = null } = {}) {
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
    m.onEngineProgress = onProgress && ((steps, lineSteps) => onProgress({ steps, lineSteps }));
    try {
      while (m._mp_wasm_engine_continue(next)) {
        const at = m._mp_wasm_engine_steps();
        this.checkpoints.push(this.capture(at));
        if (onProgress) onProgress({ steps: at, lineSteps: m._mp_wasm_engine_line_steps() });
        if (this.thin()) every *= 2;
        next = at + every;
      }
    } finally {
      m.onEngineProgress = null;
    }
    this.total = m._mp_wasm_engine_steps();
    this.lineSteps = m._mp_wasm_engine_line_steps();
    this.exitStatus = m._mp_wasm_engine_exit_status();
    this.summary = this.takeJson(m._mp_wasm_engine_summary());
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
    return this.result();
  }

  /** The step reached, as trace JSON, with the whole run's timeline and
   * log of collections (the replay saw only the steps up to the step). */
  result() {
    const m = this.m;
    const result = this.takeJson(m._mp_wasm_engine_result(this.total, this.lineSteps));
    result.timeline = this.summary.timeline;
    result.gc_log = this.summary.gc_log;
    result.gc_log_truncated = this.summary.gc_log_truncated;
    return result;
  }

  /** Parses and frees a malloc'd JSON string returned by the module. */
  takeJson(ptr) {
    const m = this.m;
    const text = m.UTF8ToString(ptr);
    m._mp_wasm_free(ptr);
    return JSON.parse(text);
  }

  /** The last checkpoint whose step is below `limit` (or at most `limit` with orEqual). */
  checkpointIndex(limit, orEqual = false) {
    let i = 0;
    this.checkpoints.forEach((c, k) => { if (c.step < limit || (orEqual && c.step === limit)) i = k; });
    return i;
  }

  /** Restores checkpoint `i` and runs engine_find_line from it; the step or 0. */
  findFrom(i, direction, bound, lines) {
    const m = this.m;
    this.restore(this.checkpoints[i]);
    const n = lines.length;
    const ptr = n ? m._mp_wasm_malloc(n * 4) : 0;
    if (n) m.HEAP32.set(lines, ptr >>> 2);
    const step = m._mp_wasm_engine_find_line(direction, bound, ptr, n);
    if (n) m._mp_wasm_free(ptr);
    return step;
  }

  /**
   * Line navigation and breakpoints: direction +1 gives the first line step
   * after `from`, -1 the last one before `from`, whose line is in `lines`
   * (every line when lines is null or empty); null when there is none.
   * Re-executes from checkpoints without snapshots: forward from the one at
   * or before `from`, backward segment by segment from the one before it.
   * @param {number} from a step (0..steps+1)
   * @param {{direction?: 1|-1, lines?: number[]|null}} options
   * @returns {number|null}
   */
  findStep(from, { direction = 1, lines = null } = {}) {
    if (!this.running) throw new Error('nothing has run yet');
    const wanted = Int32Array.from((lines || []).filter((l) => Number.isInteger(l) && l > 0));
    if (lines && lines.length && !wanted.length) return null;
    const at = Math.floor(from);
    if (direction > 0) {
      if (at >= this.total) return null;
      const bound = Math.max(0, at);
      return this.findFrom(this.checkpointIndex(bound, true), 1, bound, wanted) || null;
    }
    const bound = Math.min(at, this.total + 1);
    for (let i = this.checkpointIndex(bound - 1); i >= 0; i--) {
      const end = i + 1 < this.checkpoints.length ? Math.min(bound, this.checkpoints[i + 1].step + 1) : bound;
      if (this.checkpoints[i].step >= end - 1) continue;   // no step of this segment is before `end`
      const step = this.findFrom(i, -1, end, wanted);
      if (step) return step;
    }
    return null;
  }

  /**
   * What changed between two steps: the objects alive at the later step
   * that were born after the earlier one (allocated), and the objects alive
   * at the earlier step that are gone at the later one (freed).  Objects
   * are told apart by (address, born): addresses are reused.
   * @returns {{from: number, to: number, allocated: object[], freed: object[]}}
   */
  diff(a, b) {
    const lo = Math.min(a, b), hi = Math.max(a, b);
    const pick = ({ address, type, size, repr, born }) => ({ address, type, size, repr, born: born ?? null });
    const key = (o) => `${o.address}/${o.born ?? ''}`;
    const early = this.seek(lo).memory.objects, late = this.seek(hi).memory.objects;
    const alive = new Set(late.map(key));
    return {
      from: a, to: b,
      allocated: late.filter((o) => o.born > lo && o.born <= hi).map(pick),
      freed: early.filter((o) => !alive.has(key(o))).map(pick),
    };
  }

  /** What a run that never reached a step (a syntax error) printed:
   * the trace JSON with step 0 and memory null. */
  endState() {
    const m = this.m;
    m._mp_wasm_engine_seek(1, 2);        // not reached: marks all the output as shown
    return this.result();
  }

  /** Memory held by checkpoints, in bytes. */
  checkpointBytes() {
    return this.checkpoints.reduce((n, c) => n + c.low.length + c.high.length, 0);
  }
}
