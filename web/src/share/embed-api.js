// The postMessage API of an embedded playground (README, "Embeds").  The
// host page sends {type: 'memplay:load', code, run?}, {type: 'memplay:run'}
// or {type: 'memplay:step', step}; the embed posts {type: 'memplay:ready'}
// once, {type: 'memplay:ran', steps, lineSteps, exitStatus} after each run
// and {type: 'memplay:step', step, total, line} whenever the step shown
// changes.  Only messages from the parent window are read; anything
// malformed is ignored with a console warning.  The embed reaches its host
// in no other way.
import { getState, subscribe } from '../state.js';
import { run, seek, setCode } from '../actions.js';

const MAX_CODE = 256 * 1024;

function post(message) {
  if (window.parent !== window) window.parent.postMessage(message, '*');
}

const warn = (why, data) => console.warn(`memplay embed: ignoring a message: ${why}`, data);

/** Handles one message from the host. */
function onMessage(event) {
  if (event.source !== window.parent || window.parent === window) return;
  const m = event.data;
  if (!m || typeof m !== 'object' || typeof m.type !== 'string') return warn('not an object with a "type"', m);
  switch (m.type) {
    case 'memplay:load':
      if (typeof m.code !== 'string' || m.code.length > MAX_CODE) return warn('"code" must be a string of at most 256 KiB', m);
      setCode(m.code);
      if (m.run !== false) run();
      return undefined;
    case 'memplay:run':
      run();
      return undefined;
    case 'memplay:step':
      if (!Number.isSafeInteger(m.step) || m.step < 1) return warn('"step" must be a whole number from 1', m);
      if (!getState().run) return warn('nothing has run yet', m);
      seek(m.step);
      return undefined;
    default:
      return warn(`unknown type ${JSON.stringify(m.type)}`, m);
  }
}

/** Starts answering the host and telling it about runs and steps. */
export function listenToHost() {
  window.addEventListener('message', onMessage);
  let step = null;
  let runs = getState().runs;
  subscribe(() => {
    const s = getState();
    if (s.runs !== runs) {
      runs = s.runs;
      post({ type: 'memplay:ran', steps: s.run.steps, lineSteps: s.run.lineSteps, exitStatus: s.run.exitStatus });
    }
    if (s.trace && s.step !== step) {
      step = s.step;
      post({ type: 'memplay:step', step, total: s.run ? s.run.steps : 0, line: s.trace.at ? s.trace.at.line : null });
    }
  });
  post({ type: 'memplay:ready' });
}
