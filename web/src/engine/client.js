// The page's side of the engine: starts the worker and turns requests into
// promises.  Nothing else in the page talks to the worker or the module.
// A run that must stop at once (it may be in a loop inside __init__ or a
// callback, where it cannot pause) is stopped by terminating the worker:
// `restart()`.
let worker = null;
let nextId = 1;
/** Requests sent and not yet answered, by id: {resolve, reject, onProgress}. */
const pending = new Map();

function failAll(message) {
  for (const p of pending.values()) p.reject(new Error(message));
  pending.clear();
}

function start() {
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (event) => {
    const { id, result, error, progress } = event.data;
    const p = pending.get(id);
    if (!p) return;
    if (progress) {
      if (p.onProgress) p.onProgress(progress);
      return;
    }
    pending.delete(id);
    if (error) p.reject(new Error(error));
    else p.resolve(result);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failAll(`the engine failed: ${event.message || 'unknown error'}`);
    worker = null;                    // the next request starts a fresh one
  };
}

/**
 * Asks the engine for something by name; `args` must be structured-cloneable.
 * Rejects with the engine's message if the request fails.
 * @param {'run'|'seek'|'findStep'|'nextLine'|'diff'} name
 * @param {object} [args]
 * @param {{onProgress?: (p: {steps: number, lineSteps: number}) => void}} [options]
 * @returns {Promise<any>}
 */
export function request(name, args = {}, { onProgress } = {}) {
  if (!worker) start();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    worker.postMessage({ id, name, args });
  });
}

/** Terminates the worker (and whatever it is running); pending requests fail. */
export function restart() {
  if (worker) worker.terminate();
  worker = null;
  failAll('stopped');
}
