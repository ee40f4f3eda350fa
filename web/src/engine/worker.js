// The engine worker: the only code that holds the WASM module.  It answers
// {id, name, args} requests with {id, result} or {id, error}.
import createModule from './memplay.mjs';

const ready = createModule();

/** A C function that returns a JSON string in a static buffer, parsed. */
const json = (m, fn) => JSON.parse(m.UTF8ToString(fn()));

/** Requests the worker understands: (module, args) => result. */
const handlers = {
  sizeClasses: (m) => json(m, m._mp_wasm_size_classes),
  cycleDemo: (m) => json(m, m._mp_wasm_cycle_demo),
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
