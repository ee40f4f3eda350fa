// The Objects tab: frames and their variables on the left, the objects
// they lead to on the right, with refcount badges, generation colours,
// arrows for references and dashed arrows for weak references.  Clicking a
// refcount lists who holds each reference.  Objects alive but unreachable
// from any root (garbage waiting for the collector) are marked.
import { useMemo } from 'preact/hooks';
import { setState } from '../../state.js';
import { holdersOf, generationLabel, displayRepr, num } from '../../model/view.js';
import { layoutGraph, rowAnchor, arrowPath, HEADS, BOX_W } from './layout.js';

const short = (s, n = 26) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const genAttr = (g) => (g === null || g === undefined ? 'untracked' : String(g));
const genClass = (g) => (typeof g === 'number' ? `gen${g}` : 'untracked');

/** A reference's label in a box: "[0]", "'k'", "k". */
function rowLabel(via) {
  const m = /^\[('.*')\]$/.exec(via);
  return m ? `${m[1]}:` : via || '·';
}

/** The value cell of a row: inline for static objects, else the arrow's start. */
function Value({ address, byAddress, boxes }) {
  const o = byAddress.get(address);
  if (!o) return <span class="val muted">?</span>;
  if (boxes.has(address)) return <span class="val dot" aria-label={`→ ${o.type} at ${address}`}>●</span>;
  return <span class="val inline" title={`${o.type} at ${address}, static region`}>{short(o.repr, 14)}</span>;
}

function FrameBox({ b, byAddress, boxes }) {
  const { f } = b;
  return (
    <div class="frame" data-testid="frame" data-function={f.function}
      style={{ left: `${b.x}px`, top: `${b.y}px`, width: `${BOX_W}px`, height: `${b.h}px` }}>
      <div class="frame-head"><b>{f.function}</b> <span class="muted" title={`line ${f.line}; the frame takes ${f.bytes} bytes of the data stack`}>line {f.line} · {f.bytes} B</span></div>
      {f.locals.map((l) => (
        <div key={l.name} class="row" data-testid="local" data-name={l.name}>
          <span class="name">{l.name}{l.kind === 'cell' ? ' (cell)' : l.kind === 'free' ? ' (free)' : ''}</span>
          <Value address={l.address} byAddress={byAddress} boxes={boxes} />
        </div>
      ))}
      {f.temporaries.length > 0 && <div class="row temp"><span class="name">temporaries</span><span class="val">{f.temporaries.length}</span></div>}
      {!f.locals.length && !f.temporaries.length && <div class="row muted">no variables yet</div>}
    </div>
  );
}

function ObjectBox({ b, byAddress, boxes, state, prev, collecting }) {
  const { o } = b;
  const isNew = prev && !prev.has(o.address);
  const changed = prev && prev.has(o.address) && prev.get(o.address).refcount !== o.refcount;
  const tentative = collecting.has(o.address);
  const cls = ['object', genClass(o.generation), b.garbage && 'garbage', tentative && 'tentative',
    isNew && 'is-new', state.hovered === o.address && 'hovered', state.selected === o.address && 'selected'].filter(Boolean).join(' ');
  return (
    <div class={cls} data-testid="object" data-type={o.type} data-refcount={o.refcount}
      data-address={o.address} data-generation={genAttr(o.generation)}
      style={{ left: `${b.x}px`, top: `${b.y}px`, width: `${BOX_W}px`, height: `${b.h}px` }}
      onMouseEnter={() => setState({ hovered: o.address })} onMouseLeave={() => setState({ hovered: null })}>
      <div class="obj-head">
        <b class="type">{o.type}</b>
        <span class="gen" title="GC generation">{tentative ? 'collecting' : generationLabel(o.generation)}</span>
        <button class={`rc${changed ? ' is-changed' : ''}`} data-testid="refcount"
          title="Who holds this object? (refcount)" aria-label={`refcount ${o.refcount}: who holds it`}
          onClick={() => setState({ selected: o.address })}>{o.refcount}</button>
      </div>
      <div class="repr" title={o.repr}>
        <span>{short(displayRepr(o, byAddress), b.garbage ? 14 : 26)}</span>
        {b.garbage && <span class="tag" title="alive, but no frame or global reaches it: cyclic garbage until the collector runs">unreachable</span>}
      </div>
      <div class="meta muted">{o.size} B · {o.region === 'pymalloc'
        ? <button class="link" title="Show its block in the Memory tab" onClick={() => showBlock(o, state)}>{o.block}-B block</button>
        : o.region} · {o.address}</div>
      {b.rows.map((r, i) => (
        <div key={i} class="row"><span class="name">{rowLabel(r.via)}</span><Value address={r.to} byAddress={byAddress} boxes={boxes} /></div>
      ))}
      {b.more > 0 && <div class="row muted">+{num(b.more)} more references</div>}
    </div>
  );
}

/** Opens the Memory tab on the pool that holds `o`, its block highlighted. */
function showBlock(o, state) {
  const a = parseInt(o.address, 16);
  const pool = state.trace.memory.pools.find((p) => a >= parseInt(p.address, 16) && a < parseInt(p.address, 16) + 16384);
  setState({ tab: 'memory', hovered: o.address, openPool: pool ? pool.address : null });
}

function Arrows({ g, byAddress }) {
  const paths = [];
  g.frames.forEach((b) => {
    b.f.locals.forEach((l, i) => {
      const to = g.boxes.get(l.address);
      if (to) paths.push(<path key={`f${b.f.address}${l.name}`} class="edge" d={arrowPath(rowAnchor(b, i, HEADS.frame), to)} />);
    });
    b.f.temporaries.forEach((t, i) => {
      const to = g.boxes.get(t);
      if (to) paths.push(<path key={`t${b.f.address}${i}`} class="edge temp" d={arrowPath(rowAnchor(b, b.f.locals.length, HEADS.frame), to)} />);
    });
  });
  for (const b of g.boxes.values()) {
    b.rows.forEach((r, i) => {
      const to = g.boxes.get(r.to);
      if (to) paths.push(<path key={`${b.o.address}${i}`} class="edge" d={arrowPath(rowAnchor(b, i, HEADS.object), to)} />);
    });
    const target = b.o.referent && g.boxes.get(b.o.referent);
    if (target) {
      paths.push(<path key={`w${b.o.address}`} class="edge weak" data-testid="weakref-edge"
        d={arrowPath({ x: b.x + BOX_W, y: b.y + 12 }, target)} />);
    }
  }
  return (
    <svg class="edges" width={g.width} height={g.height} aria-hidden="true">
      <defs>
        <marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L8,4 L0,8 z" class="arrowhead" />
        </marker>
      </defs>
      {paths}
    </svg>
  );
}

function Holders({ state, view }) {
  const a = state.selected;
  const o = a && view.byAddress.get(a);
  if (!o) return null;
  const holders = holdersOf(a, state.trace.memory, view.byAddress, view.frames);
  const other = o.refcount - holders.length;
  return (
    <aside class="holders" data-testid="holders" aria-label="Who holds this object">
      <button class="close" onClick={() => setState({ selected: null })} aria-label="Close">×</button>
      <h3>{o.type} at {o.address}: refcount {o.refcount}</h3>
      <ul>
        {holders.map((h, i) => <li key={i}>{h.via} — held by {h.holder}</li>)}
        {other > 0 && <li class="muted">{other} more held by the runtime itself (the interned-string table, a type's cache, the call in progress…)</li>}
      </ul>
      {o.weakrefs?.length > 0 && <p>Weak references to it (they do not count): {o.weakrefs.length}</p>}
    </aside>
  );
}

export function ObjectsPanel({ state, view }) {
  // laid out once per step, not on every hover
  const g = useMemo(() => layoutGraph(view.frames, view.graph.objects), [view]);
  return (
    <div class="objects-panel">
      {!view.frames.length && <p class="muted">No frame is running at this step (the snippet has finished or not started).</p>}
      <div class="graph" style={{ width: `${g.width}px`, height: `${g.height}px` }}>
        <Arrows g={g} byAddress={view.byAddress} />
        {g.frames.map((b) => <FrameBox key={b.f.address} b={b} byAddress={view.byAddress} boxes={g.boxes} />)}
        {[...g.boxes.values()].map((b) => (
          <ObjectBox key={b.o.address} b={b} byAddress={view.byAddress} boxes={g.boxes} state={state} prev={view.prevByAddress} collecting={view.collecting} />
        ))}
      </div>
      {view.graph.hidden > 0 && (
        <p class="grouped" data-testid="grouped">
          And {num(view.graph.hidden)} more objects, not drawn one by one:{' '}
          {view.graph.hiddenByType.slice(0, 8).map(([t, n]) => `${num(n)} ${t}`).join(', ')}.
        </p>
      )}
      <Holders state={state} view={view} />
    </div>
  );
}
