// The page's side of the engine: starts the worker and turns requests into
// promises.  Nothing else in the page talks to the worker or the module.
let worker = null;
let nextId = 1;
/** Requests sent and not yet answered, by id. */
const pending = new Map();

function failAll(message) {
  for (const p of pending.values()) p.reject(new Error(message));
  pending.clear();
}

function start() {
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (event) => {
    const { id, result, error } = event.data;
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    if (error) p.reject(new Error(error));
    else p.resolve(result);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failAll(`the engine failed to start: ${event.message || 'unknown error'}`);
    worker = null;                    // the next request starts a fresh one
  };
}

/**
 * Asks the engine for something by name; `args` must be structured-cloneable.
 * Rejects with the engine's message if the request fails.
 * @param {'sizeClasses'|'cycleDemo'} name
 * @param {object} [args]
 * @returns {Promise<any>}
 */
export function request(name, args = {}) {
  if (!worker) start();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, name, args });
  });
}
