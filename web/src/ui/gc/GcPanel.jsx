// The GC tab: the three generations (count against threshold, and which
// drawn objects are in each), the collections so far, and — when the step
// is inside a collection — its phases and the objects it has found
// tentatively unreachable.
import { seek } from '../../actions.js';
import { setState } from '../../state.js';
import { num, displayRepr } from '../../model/view.js';

const PHASES = ['update refs', 'subtract internal refs', 'move unreachable', 'untrack',
  'weakref callbacks', 'finalizers', 'resurrection check', 'clear'];
const PHASE_HELP = {
  'update refs': 'copy every refcount into a scratch count',
  'subtract internal refs': 'take away references from objects inside the generation',
  'move unreachable': 'what is left at 0 is only referenced from inside: tentatively unreachable',
  untrack: 'tuples and dicts holding only atoms stop being tracked',
  'weakref callbacks': 'clear weak references to the garbage and call their callbacks',
  finalizers: 'call __del__ of the garbage, once per object',
  'resurrection check': 'a finalizer may have made an object reachable again',
  clear: 'break the cycles: the refcounts fall to 0 and the objects are freed',
};

function ObjectChip({ o, byAddress }) {
  const r = displayRepr(o, byAddress);
  return (
    <span class="chip" onMouseEnter={() => setState({ hovered: o.address })} onMouseLeave={() => setState({ hovered: null })}>
      {o.type} <small>{r.length > 18 ? `${r.slice(0, 17)}…` : r}</small>
    </span>
  );
}

export function GcPanel({ state, view }) {
  const memory = state.trace.memory;
  const gc = memory.gc;
  const drawn = view.graph.objects.map((x) => x.o);
  const log = (state.trace.gc_log || []).filter((g) => g.start <= state.step);
  return (
    <div class="gc-panel">
      <p class="muted">The collector is {gc.enabled ? 'enabled' : <b>disabled</b>}. A generation is collected when its count passes its threshold: generation 0 counts allocations of tracked objects minus deallocations, generations 1 and 2 count collections of the younger generation.</p>
      <div class="gens">
        {[0, 1, 2].map((i) => {
          const members = drawn.filter((o) => o.generation === i);
          const pct = Math.min(100, (100 * gc.counts[i]) / Math.max(1, gc.thresholds[i]));
          return (
            <div key={i} class={`gen-card gen${i}`} data-testid="gc-generation" data-index={i} data-count={gc.counts[i]} data-threshold={gc.thresholds[i]}>
              <h3>Generation {i}</h3>
              <div class="bar" role="meter" aria-valuemin={0} aria-valuemax={gc.thresholds[i]} aria-valuenow={gc.counts[i]}
                aria-label={`generation ${i} count`}><span style={{ width: `${pct}%` }} /></div>
              <p>count <b>{num(gc.counts[i])}</b> / threshold {num(gc.thresholds[i])} · {num(gc.stats[i].collections)} collections, {num(gc.stats[i].collected)} collected{gc.stats[i].uncollectable ? `, ${gc.stats[i].uncollectable} uncollectable` : ''}</p>
              <div class="chips">{members.slice(0, 24).map((o) => <ObjectChip key={o.address} o={o} byAddress={view.byAddress} />)}
                {members.length > 24 && <span class="chip muted">+{members.length - 24}</span>}
                {!members.length && <span class="muted">none of the drawn objects</span>}</div>
            </div>
          );
        })}
      </div>
      {gc.phase && (
        <section class="phases" data-testid="gc-phase">
          <h3>Inside a collection: {gc.phase}</h3>
          <ol>
            {PHASES.map((p) => <li key={p} class={p === gc.phase ? 'current' : ''}><b>{p}</b> — {PHASE_HELP[p]}</li>)}
          </ol>
          <p>Tentatively unreachable: {gc.unreachable.length ? gc.unreachable.map((a) => view.byAddress.get(a)).filter(Boolean).map((o) => <ObjectChip key={o.address} o={o} byAddress={view.byAddress} />) : 'none yet'}</p>
          {state.granularity !== 'event'
            ? <p><button onClick={() => setState({ granularity: 'event' })}>Step through the phases one at a time</button> (steps by memory event)</p>
            : <p class="muted">Each step forward is the next phase or the next object freed.</p>}
        </section>
      )}
      <section>
        <h3>Collections so far</h3>
        <table class="gc-log" data-testid="gc-log">
          <thead><tr><th>step</th><th>generation</th><th>collected</th><th>uncollectable</th><th>steps taken</th><th>why</th></tr></thead>
          <tbody>
            {log.map((g, i) => (
              <tr key={i}>
                <td><button class="link" title="Go to the start of this collection and step through it by memory event"
                  onClick={() => { setState({ granularity: 'event' }); seek(g.start); }}>{num(g.start)}</button></td>
                <td>{g.generation}</td><td>{num(g.collected)}</td><td>{num(g.uncollectable)}</td>
                <td>{g.end >= g.start ? num(g.end - g.start + 1) : '—'}</td><td>{g.automatic ? 'threshold' : 'gc.collect()'}</td>
              </tr>
            ))}
            {!log.length && <tr><td colSpan={6} class="muted">no collection yet</td></tr>}
          </tbody>
        </table>
      </section>
    </div>
  );
}
