// Share links: the whole state in the URL fragment, so nothing reaches a
// server.  `#code=` is the snippet as base64url (no padding) of its UTF-8
// bytes compressed with deflate-raw (CompressionStream); the other fields
// are plain: step, tab, by (line/event), gc thresholds, gc on/off, heap
// limit, step cap, pymalloc; and for embeds: panels, readonly, autorun,
// range, theme.  Decoding trusts nothing: every field is checked, sizes
// are bounded (a small link cannot inflate into megabytes), and any
// problem is one clear message.
import { DEFAULT_SETTINGS } from '../state.js';

/** Links longer than this get a warning: some sites and chat apps cut them. */
export const LONG_LINK = 8000;
/** The largest snippet a link may carry, in bytes once inflated. */
const MAX_CODE_BYTES = 256 * 1024;
/** The panels an embed may show. */
export const PANELS = ['code', 'narration', 'console', 'objects', 'memory', 'gc', 'timeline'];
const TABS = ['objects', 'memory', 'gc'];

export class LinkError extends Error {}

function toBase64Url(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new LinkError('the code in the link has characters base64url does not use');
  if (text.length % 4 === 1) throw new LinkError('the code in the link is cut short');
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function pipe(bytes, stream, limit = Infinity) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const parts = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.length;
    if (n > limit) {
      reader.cancel();
      throw new LinkError(`the code in the link is larger than ${limit / 1024} KiB`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** The snippet as the `code` field's text. */
export async function encodeCode(code) {
  return toBase64Url(await pipe(new TextEncoder().encode(code), new CompressionStream('deflate-raw')));
}

/** The `code` field's text back to the snippet; throws LinkError. */
export async function decodeCode(text) {
  const packed = fromBase64Url(text);
  let bytes;
  try {
    bytes = await pipe(packed, new DecompressionStream('deflate-raw'), MAX_CODE_BYTES);
  } catch (e) {
    if (e instanceof LinkError) throw e;
    throw new LinkError('the code in the link does not decompress (the link is damaged or cut short)');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LinkError('the code in the link is not UTF-8 text');
  }
}

/**
 * The fragment for a state.
 * @param {{code: string, settings: object, step?: number, tab?: string, granularity?: string,
 *   embed?: {panels?: string[], readonly?: boolean, autorun?: boolean, range?: [number, number], theme?: string}}} s
 */
export async function makeFragment(s) {
  const p = new URLSearchParams();
  p.set('code', await encodeCode(s.code));
  const st = s.settings;
  if (st.thresholds.join() !== DEFAULT_SETTINGS.thresholds.join()) p.set('gc', st.thresholds.join('.'));
  if (!st.gcEnabled) p.set('gcoff', '1');
  if (st.heapLimit !== DEFAULT_SETTINGS.heapLimit) p.set('heap', String(st.heapLimit));
  if (st.stepCap !== DEFAULT_SETTINGS.stepCap) p.set('cap', String(st.stepCap));
  if (!st.pymalloc) p.set('pymalloc', '0');
  if (s.step) p.set('step', String(s.step));
  if (s.tab && s.tab !== 'objects') p.set('tab', s.tab);
  if (s.granularity === 'event') p.set('by', 'event');
  const e = s.embed;
  if (e) {
    if (e.panels) p.set('panels', e.panels.join('.'));
    if (e.readonly) p.set('readonly', '1');
    if (e.autorun === false) p.set('autorun', '0');
    if (e.range) p.set('range', `${e.range[0]}-${e.range[1]}`);
    if (e.theme) p.set('theme', e.theme);
  }
  return `#${p.toString()}`;
}

const int = (v, name, min, max) => {
  if (!/^\d{1,12}$/.test(v)) throw new LinkError(`"${name}" in the link is not a whole number`);
  const n = Number(v);
  if (n < min || n > max) throw new LinkError(`"${name}" in the link is out of range (${min}–${max})`);
  return n;
};

/**
 * Reads a fragment: null when it carries no code, else the state it
 * describes; throws LinkError when anything in it is wrong.
 */
export async function readFragment(hash) {
  const text = (hash || '').replace(/^#/, '');
  if (!text) return null;
  let p;
  try {
    p = new URLSearchParams(text);
  } catch {
    throw new LinkError('the link cannot be read');
  }
  if (!p.has('code')) return null;
  const settings = { ...DEFAULT_SETTINGS };
  if (p.has('gc')) {
    const t = p.get('gc').split('.');
    if (t.length !== 3) throw new LinkError('"gc" in the link needs three thresholds');
    settings.thresholds = t.map((v) => int(v, 'gc', 0, 1e9));
  }
  if (p.get('gcoff') === '1') settings.gcEnabled = false;
  if (p.has('heap')) settings.heapLimit = int(p.get('heap'), 'heap', 2 * 1024 * 1024, 1024 * 1024 * 1024);
  if (p.has('cap')) settings.stepCap = int(p.get('cap'), 'cap', 1, 1e9);
  if (p.get('pymalloc') === '0') settings.pymalloc = false;
  const out = { code: await decodeCode(p.get('code')), settings };
  if (p.has('step')) out.step = int(p.get('step'), 'step', 1, 1e12);
  if (p.has('tab')) {
    if (!TABS.includes(p.get('tab'))) throw new LinkError(`"tab" in the link is not one of ${TABS.join(', ')}`);
    out.tab = p.get('tab');
  }
  if (p.has('by')) out.granularity = p.get('by') === 'event' ? 'event' : 'line';
  const embed = {};
  if (p.has('panels')) {
    const panels = p.get('panels').split('.').filter(Boolean);
    const bad = panels.find((x) => !PANELS.includes(x));
    if (bad !== undefined || !panels.length) throw new LinkError(`"panels" in the link may only name ${PANELS.join(', ')}`);
    embed.panels = panels;
  }
  if (p.get('readonly') === '1') embed.readonly = true;
  if (p.get('autorun') === '0') embed.autorun = false;
  if (p.has('range')) {
    const m = /^(\d{1,12})-(\d{1,12})$/.exec(p.get('range'));
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new LinkError('"range" in the link is not FIRST-LAST');
    embed.range = [Number(m[1]), Number(m[2])];
  }
  if (p.has('theme')) {
    if (!['light', 'dark'].includes(p.get('theme'))) throw new LinkError('"theme" in the link is not light or dark');
    embed.theme = p.get('theme');
  }
  out.embed = embed;
  return out;
}
