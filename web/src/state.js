// The page's one state module: a plain store (state object, subscribers,
// `useStore` for components) and what survives reloads (the draft, the
// settings, the theme) in localStorage.  Actions live in actions.js.
import { useEffect, useReducer } from 'preact/hooks';
import { DEFAULT_EXAMPLE } from './examples.js';

/** The run settings a snippet starts with (PRODUCT.md, settings). */
export const DEFAULT_SETTINGS = Object.freeze({
  thresholds: [700, 10, 10], gcEnabled: true, heapLimit: 256 * 1024 * 1024,
  stepCap: 10_000_000, pymalloc: true,
});

/** localStorage keys. */
export const KEYS = { draft: 'memplay:draft', settings: 'memplay:settings', theme: 'memplay:theme' };

function load(key, fallback) {
  try {
    const v = localStorage.getItem(key);
    return v === null ? fallback : v;
  } catch {
    return fallback;                   // storage disabled: nothing persists
  }
}

/** The saved draft, or null. */
export const savedDraft = () => load(KEYS.draft, null);

export function save(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage full or disabled: the page goes on without it */
  }
}

/** The saved settings (or the defaults). */
export function savedSettings() {
  try {
    const s = JSON.parse(load(KEYS.settings, 'null'));
    return s && typeof s === 'object' ? { ...DEFAULT_SETTINGS, ...s } : { ...DEFAULT_SETTINGS };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

const prefersDark = () => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

/**
 * @typedef {object} State
 * @property {string} code            the editor's text
 * @property {typeof DEFAULT_SETTINGS} settings
 * @property {'light'|'dark'} theme
 * @property {'line'|'event'} granularity
 * @property {Set<number>} breakpoints
 * @property {'idle'|'running'|'ready'} phase
 * @property {boolean} stopping      Stop was pressed: the run is being replayed up to where it got
 * @property {{steps: number, lineSteps: number}|null} progress  while running
 * @property {{steps: number, lineSteps: number, exitStatus: number, stopped: boolean, code: string}|null} run
 * @property {number} step            the step shown (0 before a run)
 * @property {import('./model/types.js').Trace|null} trace      the state at `step`
 * @property {import('./model/types.js').Trace|null} previous   the state shown before it
 * @property {string|null} error      a message for the error banner
 * @property {{line: number, col: number|null, message: string}|null} syntaxError
 * @property {'objects'|'memory'|'gc'} tab
 * @property {boolean} playing
 * @property {number} speed           steps per second while playing
 * @property {string|null} selected   the object whose holders are listed
 * @property {string|null} hovered    the object (or block) under the pointer
 * @property {{a: number|null, b: number|null, result: object|null, error?: string}} diff
 * @property {string|null} exampleId  the example loaded last
 * @property {boolean} settingsOpen
 * @property {'draft'|'link'|'embed'} source  where the code came from; only a draft is saved
 * @property {{panels: string[], readonly?: boolean, autorun?: boolean, range?: [number, number], theme?: string}|null} embed
 * @property {string|null} [linkProblem]  why the link the page was opened with could not be read
 * @property {number|null} nextLine  the line that runs after the current step
 * @property {string|null} openPool  the pool whose blocks the Memory tab lists
 * @property {number} runs            runs finished so far (the page's data-runs, for tests and hosts)
 */

const draft = savedDraft();

/** @type {State} */
let state = {
  code: draft ?? DEFAULT_EXAMPLE.code,
  settings: savedSettings(),
  theme: load(KEYS.theme, null) ?? (prefersDark() ? 'dark' : 'light'),
  granularity: 'line',
  breakpoints: new Set(),
  phase: 'idle',
  stopping: false,
  progress: null,
  run: null,
  step: 0,
  trace: null,
  previous: null,
  error: null,
  syntaxError: null,
  tab: 'objects',
  playing: false,
  speed: 4,
  selected: null,
  hovered: null,
  diff: { a: null, b: null, result: null },
  exampleId: draft === null ? DEFAULT_EXAMPLE.id : null,
  settingsOpen: false,
  runs: 0,
  openPool: null,
  nextLine: null,
  source: 'draft',
  embed: null,
};

const listeners = new Set();

/** Calls `fn` after every change; returns the function that stops it. */
export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** @returns {State} */
export const getState = () => state;

/** Merges `patch` into the state and re-renders subscribers. */
export function setState(patch) {
  state = { ...state, ...(typeof patch === 'function' ? patch(state) : patch) };
  for (const l of listeners) l();
}

/** The state, re-rendering the component on every change. */
export function useStore() {
  const [, force] = useReducer((x) => x + 1, 0);
  useEffect(() => {
    listeners.add(force);
    return () => listeners.delete(force);
  }, []);
  return state;
}
