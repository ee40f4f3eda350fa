// Step controls: first/back/forward/last at line or event granularity,
// play at a speed, run to the next breakpoint, the counter and a slider
// over every step of the run.
import { setState } from '../../state.js';
import { first, last, stepBy, seek, play, stopPlaying, continueToBreakpoint, stepRange } from '../../actions.js';
import { num } from '../../model/view.js';

const SPEEDS = [1, 2, 4, 10, 30];

export function Controls({ state }) {
  const r = state.run;
  const total = r ? r.steps : 0;
  const ready = state.phase === 'ready' && total > 0;
  const at = state.step;
  const [lo, hi] = stepRange();
  return (
    <div class="controls" role="group" aria-label="Steps">
      <div class="buttons">
        <button data-testid="step-first" onClick={first} disabled={!ready || at <= lo} title="First step (Home)" aria-label="First step">|◀</button>
        <button data-testid="step-back" onClick={() => stepBy(-1)} disabled={!ready || at <= lo}
          title={`Back one ${state.granularity} (←)`} aria-label="Step back">◀</button>
        <button data-testid="step-forward" onClick={() => stepBy(1)} disabled={!ready || at >= hi}
          title={`Forward one ${state.granularity} (→)`} aria-label="Step forward">▶</button>
        <button data-testid="step-last" onClick={last} disabled={!ready || at >= hi} title="Last step (End)" aria-label="Last step">▶|</button>
        <button onClick={state.playing ? stopPlaying : play} disabled={!ready}
          aria-label={state.playing ? 'Pause' : 'Play'} title="Play (Space)">{state.playing ? 'Pause' : 'Play'}</button>
        <select aria-label="Speed" value={state.speed} onChange={(e) => setState({ speed: Number(e.currentTarget.value) })}>
          {SPEEDS.map((s) => <option key={s} value={s}>{s}/s</option>)}
        </select>
        <button onClick={continueToBreakpoint} disabled={!ready} title="Run to the next breakpoint (click the gutter to set one)">To breakpoint</button>
        <select data-testid="granularity" aria-label="Step by" value={state.granularity}
          onChange={(e) => setState({ granularity: e.currentTarget.value })}>
          <option value="line">by line</option>
          <option value="event">by memory event</option>
        </select>
      </div>
      <span data-testid="step-counter" class="counter" aria-live="polite">
        {state.phase === 'running'
          ? `running… ${num(state.progress?.steps || 0)} steps`
          : `step ${num(at)} / ${num(total)}`}
      </span>
      <input data-testid="step-slider" type="range" class="slider" min={lo} max={hi} value={at}
        disabled={!ready} aria-label="Step" onInput={(e) => seek(Number(e.currentTarget.value))} />
    </div>
  );
}
