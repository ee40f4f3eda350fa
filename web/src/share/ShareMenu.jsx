// "Share" (a link that carries the code, settings, step and tab) and
// "Embed" (iframe HTML for tutorials, with chosen panels, readonly, theme
// and a step range).  Both try the clipboard and always show the text, so
// it can be copied by hand where the clipboard is not allowed.
import { useEffect, useState } from 'preact/hooks';
import { makeFragment, LONG_LINK, PANELS } from './link.js';
import { num } from '../model/view.js';

const pageUrl = () => location.origin + location.pathname;

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function SharePopover({ state }) {
  const [link, setLink] = useState(null);
  const [copied, setCopied] = useState(null);
  useEffect(() => {
    let live = true;
    makeFragment({ code: state.code, settings: state.settings, step: state.step, tab: state.tab, granularity: state.granularity })
      .then((f) => {
        if (!live) return;
        const url = pageUrl() + f;
        setLink(url);
        copy(url).then((ok) => live && setCopied(ok));
      });
    return () => { live = false; };
  }, []);
  return (
    <div class="popover" role="dialog" aria-label="Share link">
      <p>{link === null ? 'Making the link…' : copied ? 'Link copied. It opens this snippet at this step, with these settings:' : 'Copy this link; it opens this snippet at this step, with these settings:'}</p>
      {link && <input data-testid="share-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} aria-label="Share link" />}
      {link && link.length > LONG_LINK && <p class="warning" role="alert">This link is {num(link.length)} characters long: some sites and chat apps cut links over {num(LONG_LINK)} characters.</p>}
      <p class="muted">Everything is in the part after #, which browsers never send to a server.</p>
    </div>
  );
}

function EmbedPopover({ state }) {
  const [panels, setPanels] = useState(['code', 'narration', 'console', 'objects', 'timeline']);
  const [readonly, setReadonly] = useState(true);
  const [theme, setTheme] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [html, setHtml] = useState('');
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    let live = true;
    const range = from && to && Number(from) >= 1 && Number(from) <= Number(to) ? [Number(from), Number(to)] : undefined;
    makeFragment({ code: state.code, settings: state.settings, step: range ? range[0] : undefined, granularity: state.granularity,
      embed: { panels, readonly, range, theme: theme || undefined } }).then((f) => {
      if (!live) return;
      const title = `memplay: ${state.code.split('\n')[0].slice(0, 60).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}`;
      setHtml(`<iframe src="${pageUrl()}?embed=1${f}" title="${title}" width="100%" height="600" style="border:1px solid #ccc;border-radius:8px" loading="lazy"></iframe>`);
      setCopied(false);
    });
    return () => { live = false; };
  }, [panels, readonly, theme, from, to]);
  const toggle = (p) => setPanels(panels.includes(p) ? panels.filter((x) => x !== p) : PANELS.filter((x) => x === p || panels.includes(x)));
  return (
    <div class="popover" role="dialog" aria-label="Embed code">
      <fieldset><legend>Panels</legend>
        {PANELS.map((p) => <label key={p}><input type="checkbox" checked={panels.includes(p)} onChange={() => toggle(p)} /> {p}</label>)}
      </fieldset>
      <label><input type="checkbox" checked={readonly} onChange={(e) => setReadonly(e.currentTarget.checked)} /> read-only code</label>
      <label>theme <select value={theme} onChange={(e) => setTheme(e.currentTarget.value)}>
        <option value="">the reader's</option><option value="light">light</option><option value="dark">dark</option></select></label>
      <label>steps <input type="number" min="1" placeholder="first" value={from} onInput={(e) => setFrom(e.currentTarget.value)} aria-label="first step" />
        to <input type="number" min="1" placeholder="last" value={to} onInput={(e) => setTo(e.currentTarget.value)} aria-label="last step" /></label>
      <textarea data-testid="embed-code" readOnly rows={4} value={html} aria-label="Embed HTML" onFocus={(e) => e.currentTarget.select()} />
      <button onClick={() => copy(html).then(setCopied)} disabled={!html || !panels.length}>{copied ? 'Copied' : 'Copy embed code'}</button>
      <p class="muted">The host page can drive it with postMessage (see the README: load, run, step, and step notifications).</p>
    </div>
  );
}

export function ShareMenu({ state }) {
  const [open, setOpen] = useState(null);
  const toggle = (which) => setOpen(open === which ? null : which);
  return (
    <span class="share-menu">
      <button data-testid="share" aria-expanded={open === 'share'} onClick={() => toggle('share')} title="Copy a link to this snippet, step and settings">Share</button>
      <button data-testid="embed" aria-expanded={open === 'embed'} onClick={() => toggle('embed')} title="HTML to embed this playground in a page">Embed</button>
      {open === 'share' && <SharePopover state={state} />}
      {open === 'embed' && <EmbedPopover state={state} />}
    </span>
  );
}
