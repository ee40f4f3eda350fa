// The engine worker: the only code that holds the WASM module.  It answers
// {id, name, args} requests with {id, result} or {id, error}.
import createModule from './memplay.mjs';
import { Engine } from './engine.js';

const ready = createModule();
let engine = null;

/** A C function that returns a JSON string in a static buffer, parsed. */
const json = (m, fn) => JSON.parse(m.UTF8ToString(fn()));

/** Requests the worker understands: (module, args) => result. */
const handlers = {
  sizeClasses: (m) => json(m, m._mp_wasm_size_classes),
  cycleDemo: (m) => json(m, m._mp_wasm_cycle_demo),
  /** Runs a snippet to its end, keeping checkpoints: {steps, lineSteps, exitStatus}. */
  run: (m, { code, settings }) => {
    engine = engine || new Engine(m);
    return engine.run(String(code ?? ''), settings || {});
  },
  /** The state at a step of the last run: its description, output, timeline and snapshot. */
  seek: (m, { step, events, snapshot }) => {
    if (!engine) throw new Error('nothing has run yet');
    return engine.seek(Number(step), { events: !!events, snapshot: snapshot !== false });
  },
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
    self.postMessage({ id, result: handlers[name](module, args || {}) });
  } catch (err) {
    self.postMessage({ id, error: String((err && err.message) || err) });
  }
};
