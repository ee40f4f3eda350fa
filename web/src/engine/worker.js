// The engine worker: the only code that holds the WASM module.  It answers
// {id, name} requests with {id, result} or {id, error}.
import createModule from './memplay.mjs';

const ready = createModule();

/** Requests the worker understands: each calls one exported C function. */
const handlers = {
  sizeClasses: (m) => JSON.parse(m.UTF8ToString(m._mp_wasm_size_classes())),
  cycleDemo: (m) => JSON.parse(m.UTF8ToString(m._mp_wasm_cycle_demo())),
};

self.onmessage = async (event) => {
  const { id, name } = event.data || {};
  const handler = handlers[name];
  if (typeof id !== 'number' || !handler) {
    console.warn('memplay engine: ignoring malformed request', event.data);
    return;
  }
  try {
    const module = await ready;
    self.postMessage({ id, result: handler(module) });
  } catch (err) {
    self.postMessage({ id, error: String(err && err.message || err) });
  }
};
