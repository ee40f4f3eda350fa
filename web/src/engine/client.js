// The page's side of the engine: starts the worker and turns requests into
// promises.  Nothing else in the page talks to the worker or the module.
let worker = null;
let nextId = 1;
const pending = new Map();

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
    for (const p of pending.values()) p.reject(new Error(event.message || 'engine failed'));
    pending.clear();
  };
}

/**
 * Asks the engine for something by name.
 * @param {'sizeClasses'|'cycleDemo'} name
 * @returns {Promise<any>}
 */
export function request(name) {
  if (!worker) start();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, name });
  });
}
