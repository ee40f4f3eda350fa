// What the page shows first: a share link's state (code, settings, step,
// tab) when the URL carries one, else the saved draft or the default
// example.  A damaged link shows why and the default example; the saved
// draft is never touched by a link (state.source is 'link', so edits are
// not saved over it) and the user can go back to it.  `?embed=1` makes the
// page an embed (minimal chrome, chosen panels; see embed-api.js).
import { setState, savedDraft, savedSettings } from '../state.js';
import { run, seek } from '../actions.js';
import { DEFAULT_EXAMPLE } from '../examples.js';
import { readFragment } from './link.js';
import { listenToHost } from './embed-api.js';

/** Panels an embed shows when the link names none. */
const EMBED_PANELS = ['code', 'narration', 'console', 'objects', 'timeline'];

export async function start() {
  const embed = new URLSearchParams(location.search).get('embed') === '1';
  let link = null;
  let problem = null;
  try {
    link = await readFragment(location.hash);
  } catch (e) {
    problem = e.message;
  }
  if (embed) {
    const e = { panels: EMBED_PANELS, ...(link?.embed || {}) };
    const tabs = e.panels.filter((p) => ['objects', 'memory', 'gc'].includes(p));
    setState({ source: 'embed', embed: e, tab: tabs.includes(link?.tab) ? link.tab : tabs[0] || 'objects' });
    if (e.theme) setState({ theme: e.theme });
    listenToHost();
  }
  if (problem) {
    setState({
      source: embed ? 'embed' : 'link', code: DEFAULT_EXAMPLE.code, exampleId: DEFAULT_EXAMPLE.id,
      linkProblem: `This link is damaged: ${problem}. Showing the default example instead${embed ? '' : '; your saved draft is kept'}.`,
    });
    return run();
  }
  if (!link) {
    if (embed) setState({ code: DEFAULT_EXAMPLE.code, exampleId: DEFAULT_EXAMPLE.id });
    return run();
  }
  setState({
    source: embed ? 'embed' : 'link', code: link.code, settings: link.settings, exampleId: null,
    granularity: link.granularity || 'line', ...(embed ? {} : { tab: link.tab || 'objects' }),
  });
  if (embed && link.embed?.autorun === false) return undefined;
  await run();
  if (link.step) seek(link.step);
  return undefined;
}

/** Leaves a link's snippet for the saved draft (or the default example). */
export function backToDraft() {
  const draft = savedDraft();
  setState({ source: 'draft', settings: savedSettings(), code: draft ?? DEFAULT_EXAMPLE.code, exampleId: draft === null ? DEFAULT_EXAMPLE.id : null,
    linkProblem: null });
  history.replaceState(null, '', location.pathname + location.search);
  run();
}
