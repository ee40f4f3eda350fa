// The snippet's stdout and stderr up to the current step (tracebacks as
// CPython prints them).  Text only: nothing the snippet prints is HTML.
export function Console({ state }) {
  const t = state.trace;
  const out = t ? t.stdout : '';
  const err = t ? t.stderr : '';
  return (
    <section class="console" aria-label="Console">
      <h2>Console</h2>
      <pre data-testid="console" tabIndex={0}>
        {out}
        {err && <span class="stderr">{err}</span>}
        {!out && !err && <span class="muted">{state.run ? '(nothing printed yet)' : ''}</span>}
      </pre>
    </section>
  );
}
