// The engine worker: the only code that holds the WASM module.  It answers
// {id, name, args} requests with {id, result} or {id, error}; a long run
// also sends {id, progress} at each checkpoint.
import createModule from './memplay.mjs';
import { Engine } from './engine.js';

const ready = createModule();
let engine = null;

/** The engine of the last run (one per worker). */
function current() {
  if (!engine || !engine.running) throw new Error('nothing has run yet');
  return engine;
}

/** Requests the worker understands: (module, args, id) => result. */
const handlers = {
  /**
   * Runs a snippet to its end, keeping checkpoints.  Answers {steps,
   * lineSteps, exitStatus, first}: `first` is the state at step 1 (or, when
   * no step ran — a syntax error — what the run printed).
   */
  run: (m, { code, settings }, id) => {
    engine = engine || new Engine(m);
    const onProgress = (p) => self.postMessage({ id, progress: p });
    const result = engine.run(String(code ?? ''), settings || {}, { onProgress });
    const first = result.steps > 0 ? engine.seek(1) : engine.endState();
    return { ...result, first };
  },
  /** The state at a step of the last run: its description, output, timeline and snapshot. */
  seek: (m, { step, snapshot }) =>
    current().seek(Number(step), { snapshot: snapshot !== false }),
  /** The next (direction 1) or previous (-1) line step, optionally only on `lines`. */
  findStep: (m, { from, direction, lines }) =>
    current().findStep(Number(from), { direction: direction < 0 ? -1 : 1, lines: lines || null }),
  /** The line that runs after step `from` (the next line step's), or null at the end. */
  nextLine: (m, { from }) => {
    const e = current();
    const step = e.findStep(Number(from), { direction: 1 });
    return step === null ? null : e.seek(step, { snapshot: false }).at.line;
  },
  /** What was allocated between two steps and is still alive, and what was freed. */
  diff: (m, { a, b }) => current().diff(Number(a), Number(b)),
};

self.onmessage = async (event) => {
  const { id, name, args } = event.data || {};
  if (typeof id !== 'number') {
    console.warn('memplay engine: ignoring a request without an id');
    return;
  }
  if (!Object.prototype.hasOwnProperty.call(handlers, name)) {
    self.postMessage({ id, error: `the engine has no request named ${JSON.stringify(String(name))}` });
    return;
  }
  try {
    const module = await ready;
    self.postMessage({ id, result: handlers[name](module, args || {}, id) });
  } catch (err) {
    self.postMessage({ id, error: String((err && err.message) || err) });
  }
};
