// The playground: state and layout in one component (as Preact's REPL
// does), the panels in their own folders.  Desktop: editor, narration and
// console on the left, the tabs on the right, controls and timeline below;
// under 800 px the columns stack (style.css).
import { useEffect, useLayoutEffect, useMemo } from 'preact/hooks';
import { useStore, setState, getState } from '../state.js';
import { run, stop, setCode, toggleBreakpoint, stepBy, first, last, play, stopPlaying } from '../actions.js';
import { indexObjects, frameViews, graphObjects } from '../model/view.js';
import { Editor } from './editor/Editor.jsx';
import { Toolbar } from './toolbar/Toolbar.jsx';
import { Controls } from './controls/Controls.jsx';
import { Narration } from './narration/Narration.jsx';
import { Console } from './console/Console.jsx';
import { Timeline } from './timeline/Timeline.jsx';
import { ObjectsPanel } from './objects/ObjectsPanel.jsx';
import { MemoryPanel } from './memory/MemoryPanel.jsx';
import { GcPanel } from './gc/GcPanel.jsx';
import { Settings } from './settings/Settings.jsx';
import { start, backToDraft } from '../share/startup.js';

const TABS = [['objects', 'Objects'], ['memory', 'Memory'], ['gc', 'GC']];

/** Everything drawn from one snapshot, computed once per step. */
function useView(trace, previous) {
  return useMemo(() => {
    const memory = trace?.memory;
    if (!memory) return null;
    const byAddress = indexObjects(memory);
    const frames = frameViews(memory, byAddress);
    const graph = graphObjects(memory, byAddress, frames);
    const prevByAddress = previous?.memory ? indexObjects(previous.memory) : null;
    const collecting = new Set(memory.gc.unreachable);   // tentatively unreachable, inside a collection
    return { byAddress, frames, graph, prevByAddress, collecting };
  }, [trace, previous]);
}

/** Keys outside the editor and form fields: ← → step, Home/End, Space plays. */
function onKey(e) {
  if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
    if (e.defaultPrevented) return;        // the editor ran it already
    e.preventDefault();
    run();
    return;
  }
  const t = e.target;
  // the editor, form fields, tabs (arrows move between them) and scrollable panels keep their keys
  if (t.closest && t.closest('.mp-editor, input, select, textarea, [contenteditable], [role=tab], .tabpanel, pre, .popover')) return;
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const actions = {
    ArrowRight: () => stepBy(1), ArrowLeft: () => stepBy(-1), Home: first, End: last,
    ' ': () => (getState().playing ? stopPlaying() : play()),
  };
  if (actions[e.key] && !(e.key === ' ' && t.tagName === 'BUTTON')) {
    e.preventDefault();
    actions[e.key]();
  }
}

/** An embed's only chrome: the name (opening the full playground) and Run. */
function EmbedBar({ state }) {
  return (
    <header class="toolbar embed-bar">
      <a class="brand" href={location.pathname + location.hash} target="_blank" rel="noopener">memplay</a>
      <button data-testid="run" class="primary" onClick={run} disabled={state.phase === 'running'}>▶ Run</button>
      <button data-testid="stop" onClick={stop} disabled={state.phase !== 'running'}>■ Stop</button>
    </header>
  );
}

/** ← → Home End move between tabs (the ARIA tabs pattern). */
function onTabKey(e, tabs) {
  const ids = tabs.map(([id]) => id);
  const i = ids.indexOf(getState().tab);
  const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: ids.length - 1 }[e.key];
  if (to === undefined) return;
  e.preventDefault();
  const id = ids[(to + ids.length) % ids.length];
  setState({ tab: id });
  document.getElementById(`tab-${id}`)?.focus();
}

export function App() {
  const state = useStore();
  const view = useView(state.trace, state.previous);

  useEffect(() => {
    document.addEventListener('keydown', onKey);
    start();                                // a link's snippet, the draft or the default example
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => { document.documentElement.dataset.theme = state.theme; }, [state.theme]);
  // main-thread time from a step's data to the end of its render (make bench: render_500_ms)
  useLayoutEffect(() => {
    if (performance.getEntriesByName('memplay:data').length) {
      performance.measure('memplay:render', 'memplay:data');
      performance.clearMarks('memplay:data');
    }
  }, [state.trace]);

  const at = state.trace?.at;
  const errorText = state.error || state.linkProblem
    || (state.syntaxError && `${state.syntaxError.message} (line ${state.syntaxError.line})`);
  const embed = state.embed;
  const show = (panel) => !embed || embed.panels.includes(panel);
  const tabs = TABS.filter(([id]) => show(id));
  const codeColumn = show('code') || show('narration') || show('console');
  return (
    <div class={embed ? 'app embedded' : 'app'} data-runs={state.runs}>
      {embed ? <EmbedBar state={state} /> : <Toolbar state={state} />}
      {state.settingsOpen && <Settings state={state} />}
      {errorText && <p class="error" data-testid="error" role="alert">{errorText}</p>}
      {state.source === 'link' && !state.linkProblem && (
        <p class="notice" data-testid="link-notice">This snippet came from a link; your own saved draft is untouched.{' '}
          <button class="link" onClick={backToDraft}>Back to my draft</button></p>
      )}
      {state.linkProblem && !embed && <p class="notice"><button class="link" onClick={backToDraft}>Back to my draft</button></p>}
      <main class={`work${codeColumn ? '' : ' single'}${tabs.length ? '' : ' no-panels'}`}>
        {codeColumn && <div class="code-column">
          {show('code') && <Editor value={state.code} onChange={setCode} onRun={run} readOnly={!!embed?.readonly}
            currentLine={at && at.line ? at.line : null} nextLine={state.nextLine ?? null}
            breakpoints={state.breakpoints} onToggleBreakpoint={toggleBreakpoint} error={state.syntaxError} />}
          {show('narration') && <Narration state={state} />}
          {show('console') && <Console state={state} />}
        </div>}
        {tabs.length > 0 && <section class="panels" aria-label="Memory views">
          <div class="tabs" role="tablist" onKeyDown={(e) => onTabKey(e, tabs)}>
            {tabs.map(([id, label]) => (
              <button key={id} role="tab" id={`tab-${id}`} aria-selected={state.tab === id} aria-controls="tabpanel"
                tabIndex={state.tab === id ? 0 : -1}
                class={state.tab === id ? 'tab active' : 'tab'} onClick={() => setState({ tab: id })}>{label}</button>
            ))}
          </div>
          <div class="tabpanel" id="tabpanel" role="tabpanel" aria-labelledby={`tab-${state.tab}`} tabIndex={0}>
            {!view && <p class="muted placeholder">{state.phase === 'running' ? 'Running…'
              : state.run ? 'Nothing to show: the snippet did not run.' : 'Run the snippet to see its memory.'}</p>}
            {view && state.tab === 'objects' && <ObjectsPanel state={state} view={view} />}
            {view && state.tab === 'memory' && <MemoryPanel state={state} view={view} />}
            {view && state.tab === 'gc' && <GcPanel state={state} view={view} />}
          </div>
        </section>}
      </main>
      <footer class="bottom">
        <Controls state={state} />
        {show('timeline') && <Timeline state={state} />}
      </footer>
    </div>
  );
}
