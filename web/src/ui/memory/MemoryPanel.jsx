// The Memory tab: the static region, pymalloc's arenas → pools → blocks,
// the system heap's chunks (used, free, who owns them, fragmentation) and
// the object free lists.  Hovering a block highlights its object in the
// Objects tab and the other way round (state.hovered).
import { setState } from '../../state.js';
import { bytes, num } from '../../model/view.js';

const POOL_HEADER = 48;   // bytes before a pool's first block (CPython's POOL_OVERHEAD)
const hex = (a) => parseInt(a, 16);

function StaticRegion({ memory }) {
  const statics = memory.objects.filter((o) => o.region === 'static' && o.type !== 'type');
  const types = memory.objects.filter((o) => o.region === 'static' && o.type === 'type').length;
  return (
    <section class="mem-static">
      <h3>Static region</h3>
      <p class="muted">Objects built into the interpreter, never allocated or freed: None, True, False, the small ints −5…256, the empty tuple, one-character strings, {types} type objects.</p>
      <div class="chips">
        {statics.slice(0, 60).map((o) => (
          <span key={o.address} class="chip" title={`${o.type} at ${o.address}: refcount ${o.refcount}`}>{o.repr} <small>rc {num(o.refcount)}</small></span>
        ))}
        {statics.length > 60 && <span class="chip muted">+{statics.length - 60} more</span>}
      </div>
    </section>
  );
}

/** The blocks of one pool: which hold a live object, which hold something else or are free. */
function Blocks({ pool, objectsIn, hovered }) {
  const cells = [];
  const touched = pool.used + pool.free;
  const byIndex = new Map(objectsIn.map((o) => [Math.floor((hex(o.address) - hex(pool.address) - POOL_HEADER) / pool.block), o]));
  for (let i = 0; i < pool.capacity; i++) {
    const o = byIndex.get(i);
    const cls = o ? 'blk obj' : i < touched ? 'blk other' : 'blk untouched';
    cells.push(o
      ? <button key={i} class={`${cls}${hovered === o.address ? ' hovered' : ''}`}
        title={`block ${i}: ${o.type} at ${o.address} (click: show it in Objects)`} aria-label={`block ${i}: ${o.type}`}
        onMouseEnter={() => setState({ hovered: o.address })} onMouseLeave={() => setState({ hovered: null })}
        onClick={() => setState({ tab: 'objects', selected: o.address })} />
      : <span key={i} class={cls} title={i < touched ? `block ${i}: a buffer or a free block` : `block ${i}: never used`} />);
  }
  return (
    <div class="blocks-wrap">
      <p class="muted">Pool {pool.index} of arena {pool.arena}: {pool.block}-byte blocks (size class {pool.size_class}), {pool.used} used, {pool.free} free, {pool.untouched} never used, {objectsIn.length} holding objects.</p>
      <div class="blocks">{cells}</div>
      <p class="legend-row"><span class="blk obj" /> object <span class="blk other" /> buffer or free <span class="blk untouched" /> never used</p>
    </div>
  );
}

function Arenas({ memory, hovered, open, byAddress }) {
  const setOpen = (pool) => setState({ openPool: pool });
  const hoveredObj = hovered && byAddress.get(hovered);
  const inPool = (p, a) => a >= hex(p.address) && a < hex(p.address) + 16384;
  const hoveredPool = hoveredObj && hoveredObj.region === 'pymalloc' && memory.pools.find((p) => inPool(p, hex(hoveredObj.address)));
  return (
    <section class="mem-arenas">
      <h3>pymalloc: arenas → pools → blocks</h3>
      <p class="muted">Requests of up to 512 bytes take a block from a 16 KiB pool of one block size; pools live in 1 MiB arenas carved from the heap.</p>
      {memory.arenas.map((ar) => {
        const pools = memory.pools.filter((p) => p.arena === ar.index);
        return (
          <div key={ar.index} class="arena" data-testid="arena">
            <div class="arena-head"><b>arena {ar.index}</b> at {ar.address}: {ar.pools} pools, {pools.length} in use, {ar.free_pools} free</div>
            <div class="pools">
              {pools.map((p) => (
                <button key={p.address} class={`pool ${p.state}${hoveredPool === p ? ' hovered' : ''}${open === p.address ? ' open' : ''}`}
                  data-testid="pool" data-size-class={p.size_class} data-state={p.state}
                  title={`pool ${p.index}: ${p.block}-B blocks, ${p.used}/${p.capacity} used (${p.state})`}
                  onClick={() => setOpen(open === p.address ? null : p.address)}>
                  <span class="pool-size">{p.block}</span>
                  <span class="pool-fill" style={{ width: `${(100 * p.used) / p.capacity}%` }} />
                </button>
              ))}
              {Array.from({ length: Math.max(0, ar.pools - pools.length) }, (_, i) => <span key={`u${i}`} class="pool untouched" title="a free pool" />)}
            </div>
            {pools.filter((p) => p.address === open).map((p) => (
              <Blocks key={p.address} pool={p} hovered={hovered}
                objectsIn={memory.objects.filter((o) => o.region === 'pymalloc' && inPool(p, hex(o.address)))} />
            ))}
          </div>
        );
      })}
      {!memory.arenas.length && <p class="muted">No arenas: pymalloc is off or nothing small was allocated.</p>}
    </section>
  );
}

function Heap({ memory, hovered }) {
  const chunks = memory.heap_chunks;
  const total = chunks.reduce((n, c) => n + c.size, 0) || 1;
  const free = chunks.filter((c) => !c.used);
  const freeBytes = free.reduce((n, c) => n + c.size, 0);
  const largest = free.reduce((n, c) => Math.max(n, c.size), 0);
  const frag = freeBytes ? 1 - largest / freeBytes : 0;
  const owner = (c) => (!c.owner ? 'free' : c.owner.arena !== undefined ? `arena ${c.owner.arena}`
    : `${c.owner.what || 'object'} of ${c.owner.object}`);
  return (
    <section class="mem-heap">
      <h3>System heap</h3>
      <p class="muted">Blocks over 512 bytes and the arenas themselves. {num(chunks.length)} chunks, {bytes(memory.heap.used)} used, {bytes(freeBytes)} free in {num(free.length)} chunks; fragmentation {(frag * 100).toFixed(0)}% (free space outside the largest free chunk).</p>
      <div class="heap-bar">
        {chunks.slice(0, 400).map((c) => (
          <span key={c.address} data-testid="heap-block" class={`chunk ${c.used ? 'used' : 'free'}${c.owner?.arena !== undefined ? ' arena' : ''}${hovered && c.owner?.object === hovered ? ' hovered' : ''}`}
            style={{ flexGrow: Math.max(1, Math.log2(c.size)) }}
            title={`${c.address}: ${bytes(c.size)} ${owner(c)}`}
            onMouseEnter={c.owner?.object ? () => setState({ hovered: c.owner.object }) : undefined}
            onMouseLeave={c.owner?.object ? () => setState({ hovered: null }) : undefined} />
        ))}
      </div>
      <p class="legend-row"><span class="chunk used arena" /> arena <span class="chunk used" /> used <span class="chunk free" /> free · widths grow with the logarithm of the size</p>
    </section>
  );
}

/** The data stack: the chunks frames are pushed into, and each frame's bytes. */
function DataStack({ memory }) {
  const { chunks, frames } = memory.stack;
  const at = (f) => chunks.find((c) => parseInt(f.address, 16) >= parseInt(c.address, 16)
    && parseInt(f.address, 16) < parseInt(c.address, 16) + c.size);
  return (
    <section class="mem-stack" data-testid="data-stack">
      <h3>Data stack</h3>
      <p class="muted">A call pushes its frame (locals, then the value stack) onto a chunk of the data stack; a return pops it. Python frames live here, not in the heap, until something keeps one alive.</p>
      {chunks.map((c) => {
        const inChunk = frames.filter((f) => at(f) === c).reverse();
        return (
          <div key={c.address} class="stack-chunk">
            <div class="arena-head">chunk at {c.address}: {bytes(c.used)} of {bytes(c.size)} used</div>
            <div class="stack-bar">
              {inChunk.map((f) => (
                <span key={f.address} class="stack-frame" style={{ flexGrow: f.bytes }} title={`${f.function} at ${f.address}: ${f.bytes} bytes`}>
                  {f.function} · {f.bytes} B
                </span>
              ))}
              <span class="stack-free" style={{ flexGrow: Math.max(0, c.size - c.used) / 8 }} />
            </div>
          </div>
        );
      })}
    </section>
  );
}

function FreeLists({ memory }) {
  const fl = memory.free_lists;
  return (
    <section class="mem-free">
      <h3>Free lists</h3>
      <p class="muted">Dead objects of some types are kept for reuse instead of returning their memory.</p>
      <table>
        <tbody>
          {Object.entries(fl).map(([k, v]) => (
            <tr key={k}><th>{k}</th><td>{Array.isArray(v) ? `${v.reduce((a, b) => a + b, 0)} (by size: ${v.map((n, i) => (n ? `${i}:${n}` : '')).filter(Boolean).join(' ') || 'empty'})` : v}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function MemoryPanel({ state, view }) {
  const memory = state.trace.memory;
  return (
    <div class="memory-panel">
      <Arenas memory={memory} hovered={state.hovered} open={state.openPool} byAddress={view.byAddress} />
      <Heap memory={memory} hovered={state.hovered} />
      <DataStack memory={memory} />
      <StaticRegion memory={memory} />
      <FreeLists memory={memory} />
    </div>
  );
}
