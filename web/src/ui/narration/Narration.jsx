// What the current step did, in words, and what to watch in the example.
import { EXAMPLES } from '../../examples.js';

export function Narration({ state }) {
  const t = state.trace;
  const example = state.exampleId && EXAMPLES.find((e) => e.id === state.exampleId);
  let text = 'Press Run (Ctrl+Enter) to run the snippet, then step through it.';
  if (state.phase === 'running') text = 'Running the snippet…';
  else if (state.run && state.run.steps === 0) {
    text = state.syntaxError || t?.stderr ? 'The snippet did not start: see the error.' : 'Nothing to run: the snippet has no statements.';
  }
  else if (t && t.at) text = t.at.narration;
  return (
    <section class="narration" aria-label="Narration">
      <p data-testid="narration" aria-live="polite">
        {t && t.at && t.at.line ? <span class="where">line {t.at.line} · {t.at.kind}</span> : null}
        {text}
      </p>
      {state.run?.stopped && <p class="note">Stopped by you: the run is shown up to here.</p>}
      {example && example.code === state.code && <p class="watch"><b>What to watch:</b> {example.watch}</p>}
    </section>
  );
}
