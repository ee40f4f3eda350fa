// The run settings (PRODUCT.md): GC thresholds, gc enabled at start, heap
// limit, step cap, pymalloc on or off.  Applying them runs again.
import { useState } from 'preact/hooks';
import { setState } from '../../state.js';
import { setSettings, run } from '../../actions.js';
import { DEFAULT_SETTINGS } from '../../state.js';

const MiB = 1024 * 1024;

export function Settings({ state }) {
  const [s, setS] = useState(() => ({ ...state.settings, heapMiB: state.settings.heapLimit / MiB }));
  const [problem, setProblem] = useState(null);
  const field = (k) => (e) => setS({ ...s, [k]: e.currentTarget.type === 'checkbox' ? e.currentTarget.checked : e.currentTarget.value });
  const apply = (e) => {
    e.preventDefault();
    const t = [s.t0 ?? s.thresholds[0], s.t1 ?? s.thresholds[1], s.t2 ?? s.thresholds[2]].map(Number);
    const heap = Number(s.heapMiB);
    const cap = Number(s.stepCap);
    if (t.some((v) => !Number.isInteger(v) || v < 0 || v > 1e9)) return setProblem('Thresholds are whole numbers from 0.');
    if (!(heap >= 2 && heap <= 1024)) return setProblem('The heap limit is between 2 and 1024 MiB.');
    if (!Number.isInteger(cap) || cap < 1) return setProblem('The step cap is a whole number of at least 1.');
    setProblem(null);
    setSettings({ thresholds: t, gcEnabled: !!s.gcEnabled, heapLimit: Math.round(heap * MiB), stepCap: cap, pymalloc: !!s.pymalloc });
    setState({ settingsOpen: false });
    run();
  };
  return (
    <form class="settings" onSubmit={apply} aria-label="Run settings">
      <fieldset>
        <legend>GC thresholds</legend>
        {[0, 1, 2].map((i) => (
          <label key={i}>gen {i} <input type="number" min="0" value={s[`t${i}`] ?? s.thresholds[i]} onInput={field(`t${i}`)} /></label>
        ))}
      </fieldset>
      <label><input type="checkbox" checked={s.gcEnabled} onChange={field('gcEnabled')} /> gc enabled at start</label>
      <label>heap limit (MiB) <input type="number" min="2" max="1024" step="any" value={s.heapMiB} onInput={field('heapMiB')} /></label>
      <label>step cap (line steps) <input type="number" min="1" value={s.stepCap} onInput={field('stepCap')} /></label>
      <label><input type="checkbox" checked={s.pymalloc} onChange={field('pymalloc')} /> pymalloc (off: every object from the system heap)</label>
      {problem && <p class="error-text" role="alert">{problem}</p>}
      <div class="settings-buttons">
        <button type="submit" class="primary">Apply and run</button>
        <button type="button" onClick={() => setS({ ...DEFAULT_SETTINGS, heapMiB: DEFAULT_SETTINGS.heapLimit / MiB })}>Defaults</button>
        <button type="button" onClick={() => setState({ settingsOpen: false })}>Close</button>
      </div>
    </form>
  );
}
