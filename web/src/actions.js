// What the page does: run a snippet in the engine worker, stop it, move
// between steps (by event, by line, to a breakpoint, by the slider), play,
// compare two steps.  Seeks are coalesced: while one is in flight only the
// latest wanted step is asked for next, so dragging the slider never queues.
import { request, restart } from './engine/client.js';
import { getState, setState, save, KEYS, DEFAULT_SETTINGS } from './state.js';

let wanted = 0;          // the step the user asked for last
let seeking = false;
let runId = 0;           // which run a late answer belongs to
let playTimer = null;

/** "line 3" and the message from a SyntaxError printed by the engine. */
export function parseSyntaxError(stderr) {
  const m = /line (\d+)\n(?:.*\n)*?(SyntaxError|IndentationError|TabError): (.*)/.exec(stderr || '');
  if (!m) return null;
  const caret = /\n( *)\^+\n/.exec(stderr);
  const source = /line \d+\n {4}(.*)\n/.exec(stderr);
  let col = null;
  if (caret && source) col = Math.max(1, caret[1].length - 4 + 1);
  return { line: Number(m[1]), col, message: `${m[2]}: ${m[3]}` };
}

/** The editor's text; saved as the draft unless it came from a link or an embed. */
export function setCode(code) {
  setState({ code });
  if (getState().source === 'draft') save(KEYS.draft, code);
}

export function setSettings(settings) {
  const s = { ...DEFAULT_SETTINGS, ...settings };
  setState({ settings: s });
  if (getState().source === 'draft') save(KEYS.settings, JSON.stringify(s));
}

export function setTheme(theme) {
  setState({ theme });
  save(KEYS.theme, theme);
}

/** Runs the editor's code from the start and shows its first step. */
export async function run() {
  stopPlaying();
  const { code, settings } = getState();
  const id = ++runId;
  setState({ phase: 'running', progress: { steps: 0, lineSteps: 0 }, error: null, syntaxError: null,
    selected: null, diff: { a: null, b: null, result: null } });
  try {
    const r = await request('run', { code, settings }, {
      onProgress: (p) => { if (id === runId) setState({ progress: p }); },
    });
    if (id !== runId) return;
    finishRun(r, code, false);
  } catch (e) {
    if (id !== runId) return;
    setState({ phase: 'idle', progress: null, error: `The engine failed: ${e.message}` });
  }
}

function finishRun(r, code, stopped) {
  const first = r.first;
  setState({
    runs: getState().runs + 1,
    phase: 'ready', progress: null,
    run: { steps: r.steps, lineSteps: r.lineSteps, exitStatus: r.exitStatus, stopped, code },
    step: first.step, trace: first, previous: null, nextLine: null,
    syntaxError: r.steps === 0 ? parseSyntaxError(first.stderr) : null,
  });
  wanted = first.step;
  if (r.steps > 0 && stepRange()[0] > first.step) seek(stepRange()[0]);   // an embed's range
  else if (r.steps > 0) showNextLine(runId, first.step);
}

/**
 * Stops a run at once: the worker is terminated (a loop inside a function
 * never pauses), then the run is made again, deterministically, up to the
 * last line step it reported, so that what ran so far can be browsed.
 */
export async function stop() {
  stopPlaying();
  const { phase, progress, code, settings } = getState();
  if (phase !== 'running') return;
  const id = ++runId;
  restart();
  const lineSteps = Math.max(1, progress?.lineSteps || 0);
  setState({ progress: null });
  try {
    const r = await request('run', { code, settings: { ...settings, stepCap: lineSteps } });
    if (id !== runId) return;
    finishRun(r, code, true);
  } catch (e) {
    if (id !== runId) return;
    setState({ phase: 'idle', error: `The engine failed: ${e.message}` });
  }
}

/** The steps the page may show: the run, or an embed's range of it. */
export function stepRange() {
  const { run: r, embed } = getState();
  const total = r ? r.steps : 0;
  if (!embed?.range) return [Math.min(1, total), total];
  return [Math.min(embed.range[0], total), Math.min(embed.range[1], total)];
}

/** Shows step `n` (clamped to the run, or to an embed's range). */
export function seek(n) {
  const { run: r } = getState();
  if (!r || r.steps === 0) return;
  const [lo, hi] = stepRange();
  wanted = Math.max(lo, Math.min(Math.round(n), hi));
  if (!seeking) pump();
}

async function pump() {
  seeking = true;
  const id = runId;
  try {
    while (wanted !== getState().step && id === runId) {
      const target = wanted;
      const trace = await request('seek', { step: target });
      if (id !== runId) return;
      performance.mark('memplay:data');
      setState((s) => ({ step: trace.step, trace, previous: s.trace }));
    }
    if (id === runId) showNextLine(id, getState().step);
  } catch (e) {
    if (id === runId) setState({ error: `Could not show that step: ${e.message}` });
  } finally {
    seeking = false;
  }
}

/** Asks which line runs after `step`, for the editor's next-line marker. */
async function showNextLine(id, step) {
  try {
    const line = await request('nextLine', { from: step });
    if (id === runId && getState().step === step) setState({ nextLine: line });
  } catch {
    /* the marker is a hint: without it the page goes on */
  }
}

/** Where a step in `direction` (+1/-1) goes at the current granularity. */
async function target(direction, lines = null) {
  const { run: r, step, granularity } = getState();
  if (!r || r.steps === 0) return null;
  const from = wanted || step;
  const [lo, hi] = stepRange();
  if (granularity === 'event' && !lines) {
    const n = from + direction;
    return n >= lo && n <= hi ? n : null;
  }
  const n = await request('findStep', { from, direction, lines });
  return n === null || n < lo || n > hi ? null : n;
}

export async function stepBy(direction) {
  const n = await target(direction);
  if (n !== null && n !== undefined) seek(n);
  return n;
}

/** Runs on to the next line step on a breakpoint (or the end). */
export async function continueToBreakpoint() {
  const { breakpoints, run: r } = getState();
  if (!r) return;
  const lines = [...breakpoints];
  const n = lines.length ? await request('findStep', { from: wanted, direction: 1, lines }) : null;
  seek(n ?? r.steps);
}

export const first = () => seek(stepRange()[0]);
export const last = () => seek(stepRange()[1]);

export function toggleBreakpoint(line) {
  const b = new Set(getState().breakpoints);
  if (b.has(line)) b.delete(line); else b.add(line);
  setState({ breakpoints: b });
}

export function play() {
  const { run: r } = getState();
  if (!r || r.steps === 0) return;
  if (wanted >= r.steps) seek(1);
  setState({ playing: true });
  const tick = async () => {
    if (!getState().playing) return;
    const n = await stepBy(1);
    if (n === null || n === undefined) stopPlaying();
    else if (getState().playing) playTimer = setTimeout(tick, 1000 / getState().speed);
  };
  playTimer = setTimeout(tick, 0);
}

export function stopPlaying() {
  clearTimeout(playTimer);
  if (getState().playing) setState({ playing: false });
}

/** Marks the current step as end A or B of the comparison, and compares. */
export async function markDiff(which) {
  const d = { ...getState().diff, [which]: getState().step, result: null, error: undefined };
  setState({ diff: d });
  if (d.a === null || d.b === null) return;
  try {
    const result = await request('diff', { a: d.a, b: d.b });
    setState({ diff: { ...getState().diff, result } });
  } catch (e) {
    setState({ diff: { ...getState().diff, error: e.message } });
  }
}
