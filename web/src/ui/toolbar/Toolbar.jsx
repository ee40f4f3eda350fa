// The bar across the top: examples, run, stop, settings, theme.
import { EXAMPLES } from '../../examples.js';
import { getState, setState } from '../../state.js';
import { run, stop, setCode, setSettings, setTheme } from '../../actions.js';
import { ShareMenu } from '../../share/ShareMenu.jsx';

/** Loads an example (its code and settings) and runs it. */
export function loadExample(id) {
  const ex = EXAMPLES.find((e) => e.id === id);
  if (!ex) return;
  setState({ exampleId: ex.id, source: getState().source === 'embed' ? 'embed' : 'draft', linkProblem: null });
  setCode(ex.code);
  if (ex.settings) setSettings({ ...getState().settings, ...ex.settings });
  run();
}

export function Toolbar({ state }) {
  const running = state.phase === 'running';
  return (
    <header class="toolbar" role="toolbar" aria-label="memplay">
      <h1 class="brand">memplay</h1>
      <label class="examples">
        <span class="sr-only">Examples</span>
        <select data-testid="examples" value={state.exampleId || ''} aria-label="Examples"
          onChange={(e) => loadExample(e.currentTarget.value)}>
          <option value="" disabled>Examples…</option>
          {EXAMPLES.map((ex) => <option key={ex.id} value={ex.id}>{ex.title}</option>)}
        </select>
      </label>
      <button data-testid="run" class="primary" onClick={run} disabled={running}
        title="Run the snippet (Ctrl+Enter)">▶ Run</button>
      <button data-testid="stop" onClick={stop} disabled={!running || state.stopping} title="Stop the run">■ Stop</button>
      <ShareMenu state={state} />
      <span class="spacer" />
      <button data-testid="settings" onClick={() => setState({ settingsOpen: !state.settingsOpen })}
        aria-expanded={state.settingsOpen} title="Run settings">⚙ Settings</button>
      <button onClick={() => setTheme(state.theme === 'dark' ? 'light' : 'dark')}
        title="Light or dark theme" aria-label={`Switch to ${state.theme === 'dark' ? 'light' : 'dark'} theme`}>
        {state.theme === 'dark' ? '☀' : '◐'}
      </button>
    </header>
  );
}
