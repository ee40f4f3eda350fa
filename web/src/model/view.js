// What the page draws, derived from one snapshot (core/snapshot.schema.json):
// the frames with their variables, the objects a learner's snippet made
// (reached from those variables, plus garbage waiting for the collector),
// and who holds each reference.  The runtime's own objects (builtins, type
// objects, code, the weakref module's Python half) stay out of the picture
// unless the snippet's variables lead to them, and even then modules,
// classes, functions and code are drawn without their insides.

/** @typedef {import('./types.js').Snapshot} Snapshot */
/** @typedef {import('./types.js').SnapObject} SnapObject */
/** @typedef {import('./types.js').Ref} Ref */

/** Objects drawn as leaves: their references are the runtime's business. */
const LEAF_TYPES = new Set(['module', 'type', 'code', 'builtin_function_or_method',
  'method_descriptor', 'wrapper_descriptor', 'getset_descriptor', 'member_descriptor']);
/** References of a function worth following (not __globals__, __code__, names). */
const FUNCTION_REFS = /^(__defaults__|__kwdefaults__|__closure__|\[\d+\]|cell_contents)/;
/** How many objects the graph draws one by one before grouping the rest. */
export const GRAPH_LIMIT = 400;

const isDunder = (name) => name.startsWith('__') && name.endsWith('__');

/** Map from address to object. */
export function indexObjects(memory) {
  const byAddress = new Map();
  for (const o of memory.objects) byAddress.set(o.address, o);
  return byAddress;
}

/** The `__main__` module's globals dict, or null. */
function mainGlobals(byAddress) {
  for (const o of byAddress.values()) {
    if (o.type !== 'dict') continue;
    const name = o.refs.find((r) => r.via === "['__name__']");
    if (name && byAddress.get(name.to)?.repr === "'__main__'") return o;
  }
  return null;
}

/** A dict's entries whose keys are strings: [{name, address}] in dict order. */
function stringEntries(dict) {
  const out = [];
  for (const r of dict.refs) {
    const m = /^\['(.*)'\]$/.exec(r.via);
    if (m) out.push({ name: m[1], address: r.to });
  }
  return out;
}

/**
 * The frames as a debugger shows them, outermost first: a `<module>` frame's
 * variables are the module's globals (without the dunder names).
 * @returns {{function: string, line: number, bytes: number, address: string,
 *   locals: {name: string, kind: string, address: string}[], temporaries: string[]}[]}
 */
export function frameViews(memory, byAddress) {
  const globals = mainGlobals(byAddress);
  // the snapshot lists the innermost frame first; a debugger draws the outermost on top
  return [...memory.stack.frames].reverse().map((f) => {
    let locals = f.locals;
    if (f.function === '<module>' && globals) {
      locals = stringEntries(globals).filter((e) => !isDunder(e.name))
        .map((e) => ({ ...e, kind: 'global' }));
    }
    return { function: f.function, line: f.line, bytes: f.bytes, address: f.address,
      locals, temporaries: f.temporaries || [] };
  });
}

/** True for objects the graph draws as boxes (not static constants). */
const isBoxed = (o) => o.region !== 'static';

/** The references of `o` the graph follows and draws. */
export function drawnRefs(o, byAddress) {
  if (LEAF_TYPES.has(o.type)) return [];
  // an instance's class is named in its box's title
  let refs = o.refs.filter((r) => r.via !== '__class__');
  if (o.type === 'function') refs = refs.filter((r) => FUNCTION_REFS.test(r.via));
  if (o.type === 'dict') {
    // a string or static key (a small int, None, True) is named in the label of its value's reference
    const named = (key) => key && (key.type === 'str' || key.region === 'static');
    refs = refs.filter((r) => !(r.via.startsWith('key ') && named(byAddress.get(r.to))));
  }
  if (o.type === 'type') refs = [];
  return refs;
}

/** How many references a box lists (and the graph follows) before "+N more". */
export const MAX_ROWS = 8;

/**
 * Breadth first from the frames' variables and temporaries, then from
 * every object alive but unreachable from any root, along `refsOf`:
 * a map from address to its distance from a frame (its column).
 */
function reach(memory, byAddress, frames, refsOf) {
  const depth = new Map();
  const queue = [];
  const visit = (address, d) => {
    const o = byAddress.get(address);
    if (!o || depth.has(address) || !isBoxed(o)) return;
    depth.set(address, d);
    queue.push(address);
  };
  let next = 0;
  const walk = () => {
    for (; next < queue.length; next++) {
      const a = queue[next];
      for (const r of refsOf(byAddress.get(a))) visit(r.to, depth.get(a) + 1);
    }
  };
  for (const f of frames) {
    for (const l of f.locals) visit(l.address, 1);
    for (const t of f.temporaries) visit(t, 1);
  }
  walk();
  for (const a of memory.unreachable) {
    const o = byAddress.get(a);
    // a module or class half-built is the runtime's business, not garbage to show
    if (o && o.type !== 'module' && o.type !== 'code' && o.type !== 'type') visit(a, 1);
  }
  walk();
  return depth;
}

/**
 * The objects to draw, each with its column: those reached along the
 * references boxes list (at most `limit`), and a count by type of the
 * others the snippet's variables lead to, which are grouped rather than
 * drawn one by one.
 * @returns {{objects: {o: SnapObject, depth: number, garbage: boolean, refs: Ref[]}[], hidden: number,
 *   hiddenByType: [string, number][]}}  `refs`: the references the object's box may list
 */
export function graphObjects(memory, byAddress, frames, limit = GRAPH_LIMIT) {
  const cache = new Map();               // each object's followed references, worked out once
  const refsOf = (o) => {
    let refs = cache.get(o);
    if (!refs) cache.set(o, refs = drawnRefs(o, byAddress));
    return refs;
  };
  const drawn = reach(memory, byAddress, frames, (o) => refsOf(o).slice(0, MAX_ROWS));
  const unreachable = new Set(memory.unreachable);
  const all = [...drawn.entries()].map(([a, d]) => {
    const o = byAddress.get(a);
    return { o, depth: d, garbage: unreachable.has(a), refs: refsOf(o) };
  });
  // in each column the snippet's data first, then modules, classes and functions
  const rank = (x) => (LEAF_TYPES.has(x.o.type) || x.o.type === 'function' ? 1 : 0);
  all.sort((x, y) => x.depth - y.depth || rank(x) - rank(y) || (x.o.address < y.o.address ? -1 : 1));
  const shown = all.slice(0, limit);
  const shownSet = new Set(shown.map((x) => x.o.address));
  const counts = new Map();
  let hidden = 0;
  for (const a of reach(memory, byAddress, frames, refsOf).keys()) {
    if (shownSet.has(a)) continue;
    const t = byAddress.get(a).type;
    counts.set(t, (counts.get(t) || 0) + 1);
    hidden++;
  }
  return { objects: shown, hidden, hiddenByType: [...counts.entries()].sort((x, y) => y[1] - x[1]) };
}

/**
 * Who holds references to `address`: frame variables, temporaries and
 * every object's references, each as a sentence fragment.
 * @returns {{holder: string, via: string, address?: string}[]}
 */
export function holdersOf(address, memory, byAddress, frames) {
  const out = [];
  // the <module> frame's variables are the globals dict's entries: not listed twice
  const globals = frames.some((f) => f.function === '<module>') ? mainGlobals(byAddress) : null;
  for (const f of frames) {
    for (const l of f.locals) {
      if (l.address === address) out.push({ holder: `${f.function}`, via: `${l.kind} ${l.name}` });
    }
    for (const t of f.temporaries) {
      if (t === address) out.push({ holder: `${f.function}`, via: 'temporary (value stack)' });
    }
  }
  for (const o of memory.objects) {
    if (o === globals) continue;
    for (const r of o.refs) {
      if (r.to === address) out.push({ holder: `${o.type} at ${o.address}`, via: describeVia(o, r.via), address: o.address });
    }
  }
  return out;
}

/** An object's short description: a module's repr names the module. */
export function displayRepr(o, byAddress) {
  if (o.type === 'module') {
    const name = o.refs.map((r) => byAddress.get(r.to)).find((t) => t && t.type === 'str');
    if (name) return `<module ${name.repr}>`;
  }
  return o.repr;
}

/** A reference's label in words: "list slot [0]", "attribute k", "dict value ['k']". */
export function describeVia(o, via) {
  if (!via) return 'internal reference';
  if (/^\[\d+\]$/.test(via)) return `${o.type === 'tuple' ? 'tuple item' : 'list slot'} ${via}`;
  if (via.startsWith('[')) return `dict value ${via}`;
  if (via.startsWith('key ')) return `dict ${via}`;
  if (via === 'cell_contents') return 'cell contents';
  if (/^[A-Za-z_]\w*$/.test(via) && !isDunder(via)) return `attribute ${via}`;
  return via;
}

/** "g0", "g1", "g2", "untracked", "permanent" or "" for an object's generation. */
export function generationLabel(g) {
  if (g === null || g === undefined) return 'untracked';
  return typeof g === 'number' ? `gen ${g}` : g;
}

/** Formats a byte count: "56 B", "3.2 KiB", "1.0 MiB". */
export function bytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** 1234567 → "1,234,567". */
export const num = (n) => Number(n).toLocaleString('en-US');
