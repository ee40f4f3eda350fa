// Page budgets (issue 7) in Debian's headless Chromium on localhost:
//   cold_load_ms   navigation start (fresh profile, empty cache) to the first
//                  visualised step: `step-counter` reads "step K / N" (the page
//                  runs the editor's snippet on load); median of several loads
//   render_500_ms  main-thread time of one step render with 500 live objects:
//                  the page's own `memplay:render` performance measures (from
//                  receiving a step's data to the end of the render commit),
//                  stepping back and forward at the end of a snippet that
//                  keeps 500 objects alive
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../build/serve.mjs';
import { median } from './snippets.mjs';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const COUNTER = '[data-testid="step-counter"]';
const READY = /^step \d[\d,]* \/ \d/;
const DRAFT_500 = 'xs = [[i] for i in range(500)]\ntotal = len(xs)\nprint(total)\n';

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
const objectCount = (page) => page.locator('[data-testid="object"]').count();

/** Render times (ms) of steps showing at least 500 objects. */
async function render500(url) {
  const { page, close } = await freshPage(url, DRAFT_500);
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__memplayReady, null, { timeout: 20000 });
    const counter = page.locator(COUNTER);
    /** Clicks a control and waits for the counter to change and the render to be measured. */
    const click = async (testid) => {
      const before = await counter.textContent();
      const n = (await renderMeasures(page)).length;
      await page.click(`[data-testid="${testid}"]`);
      await page.waitForFunction(([b, k]) =>
        document.querySelector('[data-testid="step-counter"]').textContent !== b &&
        performance.getEntriesByType('measure').filter((e) => e.name === 'memplay:render').length > k,
      [before, n], { timeout: 10000 });
      await page.waitForTimeout(50);
      return (await renderMeasures(page)).slice(n);
    };
    await click('step-last');
    // the last steps may be the shutdown's frees: step back to where the 500 lists live
    for (let i = 0; i < 40 && await objectCount(page) < 500; i++)
      await click('step-back');
    const live = await objectCount(page);
    if (live < 500)
      throw new Error(`no step with 500 objects shown near the end (${live})`);
    const times = [];
    for (let i = 0; i < 4; i++) {
      await click('step-back');
      if (await objectCount(page) >= 500)
        times.push(...await click('step-forward'));
    }
    if (!times.length)
      throw new Error('no memplay:render measure at a step with 500 objects');
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
    } catch (e) {
      result.render_500_ms = null;
      result.render_500_reason = `page not measurable: ${e.message.split('\n')[0]}`;
    }
  } finally {
    server.close();
  }
  return result;
}
