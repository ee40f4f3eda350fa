// Page budgets (issue 7) in Debian's headless Chromium on localhost:
//   cold_load_ms   navigation start (fresh profile, empty cache) to the first
//                  visualised step: `step-counter` reads "step K / N" (the page
//                  runs the editor's snippet on load); median of several loads
//   render_500_ms  main-thread time of one step render with 500 live objects:
//                  the page's own `memplay:render` performance measures (from
//                  receiving a step's data to the end of the render commit),
//                  stepping by line back and forward between the last two
//                  line starts of a snippet that builds 500 lists (more than
//                  500 live objects there, counted in the native snapshot)
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../build/serve.mjs';
import { median } from './snippets.mjs';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const COUNTER = '[data-testid="step-counter"]';
const READY = /^step \d[\d,]* \/ \d/;
const DRAFT_500 = 'xs = [[i] for i in range(500)]\ntotal = len(xs)\ndouble = total * 2\nprint(double)\n';

/** Records, in the page, when the step counter first shows a step. */
function watchCounter() {
  const check = () => {
    const el = document.querySelector('[data-testid="step-counter"]');
    if (el && /^step \d[\d,]* \/ \d/.test(el.textContent.trim()) && !window.__memplayReady)
      window.__memplayReady = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
}

/** A browser on a fresh profile; returns { page, close }. */
async function freshPage(url, draft) {
  const profile = mkdtempSync(join(tmpdir(), 'memplay-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: ARGS,
  });
  await context.addInitScript(watchCounter);
  if (draft !== undefined)
    await context.addInitScript((d) => localStorage.setItem('memplay:draft', d), draft);
  const page = context.pages()[0] || await context.newPage();
  return {
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Milliseconds from navigation start to the first visualised step. */
async function coldLoad(url) {
  const { page, close } = await freshPage(url);
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__memplayReady, null, { timeout: 20000 });
    return await page.evaluate(() => window.__memplayReady);
  } finally {
    await close();
  }
}

/** Durations of every `memplay:render` measure the page has recorded. */
const renderMeasures = (page) => page.evaluate(() =>
  performance.getEntriesByType('measure').filter((e) => e.name === 'memplay:render').map((e) => e.duration));

/** Live heap objects at a step of the draft, from the native tool's snapshot. */
function liveObjects(step) {
  const dir = mkdtempSync(join(tmpdir(), 'memplay-draft-'));
  try {
    const file = join(dir, 'draft.py');
    writeFileSync(file, DRAFT_500);
    const r = spawnSync('build/out/native/memplay', ['trace', file, '--step', String(step)],
      { encoding: 'utf8', maxBuffer: 1 << 28 });
    return JSON.parse(r.stdout).memory.objects.filter((o) => o.region !== 'static').length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The step the counter shows. */
const counterStep = async (page) =>
  Number((await page.locator(COUNTER).textContent()).match(/^step ([\d,]+)/)[1].replace(/,/g, ''));

/** Render times (ms) of line steps at which 500 or more objects are alive. */
async function render500(url) {
  const { page, close } = await freshPage(url, DRAFT_500);
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__memplayReady, null, { timeout: 20000 });
    /** Clicks a control; waits for the counter to change and the render to be measured. */
    const click = async (testid) => {
      const before = await page.locator(COUNTER).textContent();
      const n = (await renderMeasures(page)).length;
      await page.click(`[data-testid="${testid}"]`);
      await page.waitForFunction(([b, k]) =>
        document.querySelector('[data-testid="step-counter"]').textContent !== b &&
        performance.getEntriesByType('measure').filter((e) => e.name === 'memplay:render').length > k,
      [before, n], { timeout: 10000 });
      return (await renderMeasures(page)).slice(n);
    };
    // the last steps are the shutdown's frees: by line, back to the last two
    // line starts, where the 500 lists are alive
    await page.selectOption('[data-testid="granularity"]', 'line');
    await click('step-last');
    await click('step-back');
    const upper = await counterStep(page);
    await click('step-back');
    const lower = await counterStep(page);
    const live = Math.min(liveObjects(upper), liveObjects(lower));
    if (live < 500)
      throw new Error(`steps ${lower} and ${upper} have only ${live} live objects`);
    const times = [];
    for (let i = 0; i < 5; i++) {
      times.push(...await click('step-forward'));
      times.push(...await click('step-back'));
    }
    return { median: median(times), max: Math.max(...times), objects: live, renders: times.length };
  } finally {
    await close();
  }
}

/**
 * Measures the page; a part the page cannot do yet is null with a reason.
 * @returns {Promise<Record<string, unknown>>}
 */
export async function benchPage(loads = 5) {
  const server = await startServer('build/out/web');
  const url = `http://127.0.0.1:${server.address().port}/`;
  const result = {};
  try {
    try {
      const times = [];
      for (let i = 0; i < loads; i++)
        times.push(await coldLoad(url));
      result.cold_load_ms = Math.round(median(times));
      result.cold_load_ms_max = Math.round(Math.max(...times));
    } catch (e) {
      result.cold_load_ms = null;
      result.cold_load_reason = `page not measurable: ${e.message.split('\n')[0]}`;
    }
    try {
      const r = await render500(url);
      result.render_500_ms = Math.round(r.median * 10) / 10;
      result.render_500_ms_max = Math.round(r.max * 10) / 10;
      result.render_500_objects = r.objects;
      result.render_500_renders = r.renders;
    } catch (e) {
      result.render_500_ms = null;
      result.render_500_reason = `page not measurable: ${e.message.split('\n')[0]}`;
    }
  } finally {
    server.close();
  }
  return result;
}
