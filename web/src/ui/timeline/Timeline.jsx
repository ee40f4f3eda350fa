// The whole run at a glance: live objects, pymalloc bytes and heap bytes
// per step (or per bucket of steps when the run is long), collections as
// markers; a click jumps to that step.  Below it, the diff between two
// marked steps: what was allocated between them and is still alive, and
// what was freed.
import { seek, markDiff } from '../../actions.js';
import { bytes, num } from '../../model/view.js';

const W = 1000;
const H = 64;
const SERIES = [
  { key: 'objects', label: 'live objects', cls: 'objects', fmt: num },
  { key: 'pymalloc_bytes', label: 'pymalloc bytes', cls: 'pymalloc', fmt: bytes },
  { key: 'heap_bytes', label: 'heap bytes', cls: 'heap', fmt: bytes },
];

function path(points, key, total) {
  const max = Math.max(1, ...points.map((p) => p[key]));
  const min = Math.min(...points.map((p) => p[key]));
  const span = Math.max(1, max - min);
  return points.map((p, i) => `${i ? 'L' : 'M'}${((p.step / total) * W).toFixed(1)},${(H - 4 - ((p[key] - min) / span) * (H - 8)).toFixed(1)}`).join('');
}

function Diff({ state }) {
  const d = state.diff;
  const r = d.result;
  const list = (items) => (
    <ul>
      {items.slice(0, 12).map((o) => <li key={o.address + o.born}><b>{o.type}</b> {o.repr} <span class="muted">{o.size} B at {o.address}</span></li>)}
      {items.length > 12 && <li class="muted">and {num(items.length - 12)} more</li>}
    </ul>
  );
  return (
    <div class="diff">
      <button onClick={() => markDiff('a')} disabled={!state.run?.steps}>Mark A{d.a ? ` (step ${num(d.a)})` : ''}</button>
      <button onClick={() => markDiff('b')} disabled={!state.run?.steps}>Mark B{d.b ? ` (step ${num(d.b)})` : ''}</button>
      {d.error && <span class="error-text">Could not compare: {d.error}</span>}
      {r && (
        <div class="diff-result" data-testid="diff">
          <div><h3>Allocated between {num(Math.min(d.a, d.b))} and {num(Math.max(d.a, d.b))}, still alive: {num(r.allocated.length)}</h3>{list(r.allocated)}</div>
          <div><h3>Freed: {num(r.freed.length)}</h3>{list(r.freed)}</div>
        </div>
      )}
    </div>
  );
}

export function Timeline({ state }) {
  const t = state.trace;
  const total = state.run?.steps || 0;
  const points = t?.timeline || [];
  const onClick = (e) => {
    if (!total) return;
    const box = e.currentTarget.getBoundingClientRect();
    seek(Math.max(1, Math.round(((e.clientX - box.left) / box.width) * total)));
  };
  const log = t?.gc_log || [];
  const markers = log.length ? log.map((g) => ({ step: g.start, gen: g.generation }))
    : points.filter((p) => p.collections > 0).map((p) => ({ step: p.step, gen: null }));
  const last = points.length ? points[points.length - 1] : null;
  return (
    <section class="timeline" aria-label="Timeline">
      <div class="legend">
        {SERIES.map((s) => <span key={s.key} class={`key ${s.cls}`}>{s.label}{last ? `: ${s.fmt(last[s.key])} at the end` : ''}</span>)}
        <span class="key gc">collections ({num(markers.length)})</span>
      </div>
      <svg data-testid="timeline" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" onClick={onClick}
        role="img" aria-label="Live objects and bytes over the run; click to jump">
        {points.length > 1 && SERIES.map((s) => <path key={s.key} class={`line ${s.cls}`} d={path(points, s.key, total)} />)}
        {markers.map((m, i) => (
          <line key={i} class="gc-marker" x1={(m.step / total) * W} x2={(m.step / total) * W} y1={0} y2={H}>
            <title>collection{m.gen !== null ? ` of generation ${m.gen}` : ''} at step {num(m.step)}</title>
          </line>
        ))}
        {total > 0 && <line class="cursor" x1={(state.step / total) * W} x2={(state.step / total) * W} y1={0} y2={H} />}
      </svg>
      <Diff state={state} />
    </section>
  );
}
