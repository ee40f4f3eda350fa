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

/** The line and message of a SyntaxError printed by the engine.  The
 * engine prints no caret line, so the column is unknown (the editor then
 * marks the whole line). */
export function parseSyntaxError(stderr) {
  const m = /line (\d+)\n(?:.*\n)*?(SyntaxError|IndentationError|TabError): (.*)/.exec(stderr || '');
  return m ? { line: Number(m[1]), col: null, message: `${m[2]}: ${m[3]}` } : null;
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

/** What the current run ran: a Stop replays exactly this. */
let ran = null;

/** Runs the editor's code from the start and shows its first step; a run
 * still going is abandoned (its worker terminated). */
export async function run() {
  stopPlaying();
  const { code, settings, phase } = getState();
  if (phase === 'running') restart();
  const id = ++runId;
  ran = { code, settings };
  setState({ phase: 'running', stopping: false, progress: { steps: 0, lineSteps: 0 }, error: null,
    syntaxError: null, selected: null, diff: { a: null, b: null, result: null } });
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
    phase: 'ready', stopping: false, progress: null,
    run: { steps: r.steps, lineSteps: r.lineSteps, exitStatus: r.exitStatus, stopped, code },
    step: first.step, trace: first, previous: null, nextLine: null,
    syntaxError: r.steps === 0 ? parseSyntaxError(first.stderr) : null,
  });
  wanted = first.step;
  if (r.steps > 0 && stepRange()[0] > first.step) seek(stepRange()[0]);   // an embed's range
  else if (r.steps > 0) showNextLine(runId, first.step);
}

/**
 * Stops a run at once: the worker is terminated (the run may be deep in a
 * call from C, such as __init__ or a callback, where it cannot pause), then
 * the same code is run again, deterministically, up to
 * the last line step it reported, so that what ran so far can be browsed.
 * A second Stop during that replay changes nothing.
 */
export async function stop() {
  stopPlaying();
  const { phase, progress, stopping } = getState();
  if (phase !== 'running' || stopping || !ran) return;
  const id = ++runId;
  restart();
  const lineSteps = Math.max(1, progress?.lineSteps || 0);
  setState({ stopping: true, progress: null });
  try {
    const r = await request('run', { code: ran.code, settings: { ...ran.settings, stepCap: lineSteps } });
    if (id !== runId) return;
    finishRun(r, ran.code, true);
  } catch (e) {
    if (id !== runId) return;
    setState({ phase: 'idle', stopping: false, error: `The engine failed: ${e.message}` });
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
  const { run: r, phase } = getState();
  if (!r || r.steps === 0 || phase !== 'ready') return;
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

/** Where a step in `direction` (+1/-1) from `from` goes at the current
 * granularity; null at the end of the run (or of an embed's range). */
async function target(from, direction, lines = null) {
  const { granularity } = getState();
  const [lo, hi] = stepRange();
  if (granularity === 'event' && !lines) {
    const n = from + direction;
    return n >= lo && n <= hi ? n : null;
  }
  const n = await request('findStep', { from, direction, lines });
  if (n !== null && n >= lo && n <= hi) return n;
  // no line step left inside the range: its end, unless already there
  const end = direction > 0 ? hi : lo;
  return lines || from === end ? null : end;
}

/** Steps are chained: each starts from where the one before it went, so
 * quick presses all count even while the engine is still answering. */
let chain = Promise.resolve();

/** Steps once in `direction`; resolves to the new step, or null at the end. */
export function stepBy(direction, lines = null) {
  const id = runId;
  const next = chain.then(async () => {
    const { run: r, phase } = getState();
    if (id !== runId || !r || r.steps === 0 || phase !== 'ready') return null;
    const n = await target(wanted || getState().step, direction, lines);
    if (id !== runId) return null;
    if (n !== null) seek(n);
    return n;
  }).catch(() => null);
  chain = next;
  return next;
}

/** Runs on to the next line step on a breakpoint (or the end). */
export async function continueToBreakpoint() {
  const lines = [...getState().breakpoints];
  const n = lines.length ? await stepBy(1, lines) : null;
  if (n === null && getState().phase === 'ready') last();
}

export const first = () => seek(stepRange()[0]);
export const last = () => seek(stepRange()[1]);

export function toggleBreakpoint(line) {
  const b = new Set(getState().breakpoints);
  if (b.has(line)) b.delete(line); else b.add(line);
  setState({ breakpoints: b });
}

let playToken = 0;

export function play() {
  const { run: r, phase } = getState();
  if (!r || r.steps === 0 || phase !== 'ready') return;
  if (wanted >= stepRange()[1]) seek(stepRange()[0]);
  const token = ++playToken;
  setState({ playing: true });
  const tick = async () => {
    if (token !== playToken || !getState().playing) return;
    const n = await stepBy(1);
    if (token !== playToken) return;
    if (n === null) stopPlaying();
    else if (getState().playing) playTimer = setTimeout(tick, 1000 / getState().speed);
  };
  playTimer = setTimeout(tick, 0);
}

export function stopPlaying() {
  playToken++;
  clearTimeout(playTimer);
  if (getState().playing) setState({ playing: false });
}

/** Marks the current step as end A or B of the comparison, and compares. */
export async function markDiff(which) {
  if (getState().phase !== 'ready') return;
  const id = runId;
  const d = { ...getState().diff, [which]: getState().step, result: null, error: undefined };
  setState({ diff: d });
  if (d.a === null || d.b === null) return;
  try {
    const result = await request('diff', { a: d.a, b: d.b });
    if (id === runId) setState({ diff: { ...getState().diff, result } });
  } catch (e) {
    if (id === runId) setState({ diff: { ...getState().diff, error: e.message } });
  }
}
