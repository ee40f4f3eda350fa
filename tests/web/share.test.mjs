// Share links and embeds in a real Chromium: a link opened in a fresh
// browser shows the same code, step and tab; a damaged link explains
// itself, shows the default example and keeps the saved draft; a host page
// drives two embeds independently by postMessage, and malformed messages
// are ignored with a warning.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../build/serve.mjs';
import { openBrowser } from './browser.mjs';
import { openPage, counter, atStep, typeAndRun, runFinished, stepOnce } from './playground.mjs';
import { makeFragment } from '../../web/src/share/link.js';
import { DEFAULT_SETTINGS } from '../../web/src/state.js';
import { DEFAULT_EXAMPLE } from '../../web/src/examples.js';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser.close(); });

/** The editor's document: its lines joined. */
const editorText = (page) => page.locator('[data-testid="editor"] .cm-line').allTextContents().then((lines) => lines.join('\n'));

test('a shared link opens the same code, step, tab and settings in a fresh browser', async () => {
  const { page, problems } = await openPage(browser);
  await runFinished(page, 0);
  const code = 'import gc\ngc.set_threshold(5)\nxs = []\nfor i in range(4):\n    xs.append([i])\nprint(len(xs))\n';
  await typeAndRun(page, code);
  for (let i = 0; i < 4; i++) await stepOnce(page);
  const { step } = await counter(page);
  await page.getByRole('tab', { name: 'GC' }).click();
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  assert.match(link, /#code=[A-Za-z0-9_-]+&step=\d+&tab=gc$/);
  assert.deepEqual(problems, []);
  await page.close();

  const fresh = await openBrowser();
  try {
    const other = await openPage(fresh, { url: link });
    await runFinished(other.page, 0);
    await atStep(other.page, step);
    assert.equal(await editorText(other.page), code);
    assert.equal(await other.page.getByRole('tab', { name: 'GC' }).getAttribute('aria-selected'), 'true');
    await other.page.getByTestId('link-notice').waitFor();
    // the link's code is not saved over the (empty) draft of this browser
    assert.equal(await other.page.evaluate(() => localStorage.getItem('memplay:draft')), null);
    assert.deepEqual(other.problems, []);
  } finally {
    await fresh.close();
  }
});

test('a damaged link says so, shows the default example and keeps the draft', async () => {
  const draft = 'print("my own draft")\n';
  const init = { fn: (d) => { if (localStorage.getItem('memplay:draft') === null) localStorage.setItem('memplay:draft', d); }, arg: draft };
  const good = await makeFragment({ code: 'x = 1\n' + 'y = [x]\n'.repeat(20), settings: DEFAULT_SETTINGS });
  const own = await openBrowser();        // a browser whose saved draft is ours
  for (const hash of ['#code=not*base64', good.slice(0, 20), `${good}&step=minus`]) {
    const { page, problems } = await openPage(own, { url: own.url + hash, init });
    await runFinished(page, 0);
    assert.match(await page.getByTestId('error').textContent(), /^This link is damaged: .+\. Showing the default example instead; your saved draft is kept\.$/);
    assert.equal(await editorText(page), DEFAULT_EXAMPLE.code);
    assert.equal(await page.evaluate(() => localStorage.getItem('memplay:draft')), draft);
    await page.getByRole('button', { name: 'Back to my draft' }).click();
    await runFinished(page, 1);
    assert.equal(await editorText(page), draft);
    assert.equal(await page.getByTestId('error').count(), 0);
    await page.getByTestId('step-last').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="console"]').textContent.includes('my own draft'));
    assert.deepEqual(problems, []);
    await page.close();
  }
  await own.close();
});

test('a host page drives two embeds independently by postMessage', async () => {
  const site = mkdtempSync(join(tmpdir(), 'memplay-host-'));
  cpSync('build/out/web', site, { recursive: true });
  const one = await makeFragment({ code: 'a = [1, 2]\nb = a\ndel a\nprint(b)\n', settings: DEFAULT_SETTINGS,
    embed: { panels: ['code', 'objects'], readonly: true } });
  const two = await makeFragment({ code: 'import gc\nx = {}\nx["self"] = x\ndel x\nprint(gc.collect())\n', settings: DEFAULT_SETTINGS,
    embed: { panels: ['console', 'gc', 'timeline'], theme: 'dark' } });
  writeFileSync(join(site, 'host.html'), `<!doctype html><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">
<h1>A tutorial</h1>
<iframe id="one" src="index.html?embed=1${one}" width="900" height="500"></iframe>
<iframe id="two" src="index.html?embed=1${two}" width="900" height="500"></iframe>
<script src="host.js"></script>`);
  writeFileSync(join(site, 'host.js'), `window.events = [];
window.addEventListener('message', (e) => {
  const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source);
  window.events.push({ frame: frame ? frame.id : null, ...e.data });
});
window.send = (id, message) => document.getElementById(id).contentWindow.postMessage(message, '*');`);
  const server = await startServer(site);
  const page = await browser.context.newPage();
  const warnings = [];
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/host.html`);
    const events = () => page.evaluate(() => window.events);
    await page.waitForFunction(() => ['one', 'two'].every((id) => window.events.some((e) => e.frame === id && e.type === 'memplay:ran')));
    const f1 = page.frameLocator('#one');
    const f2 = page.frameLocator('#two');
    assert.equal(await f1.getByTestId('examples').count(), 0, 'an embed has no gallery');
    await f1.getByTestId('frame').first().waitFor();
    assert.equal(await f2.getByTestId('gc-generation').count(), 3);
    assert.equal(await f2.getByTestId('editor').count(), 0, 'panels not chosen are not shown');

    await page.evaluate(() => window.send('one', { type: 'memplay:step', step: 3 }));
    await page.waitForFunction(() => window.events.some((e) => e.frame === 'one' && e.type === 'memplay:step' && e.step === 3));
    assert.match(await f1.getByTestId('step-counter').textContent(), /^step 3 \//);
    assert.match(await f2.getByTestId('step-counter').textContent(), /^step 1 \//);

    const before = (await events()).filter((e) => e.frame === 'two' && e.type === 'memplay:ran').length;
    await page.evaluate(() => window.send('two', { type: 'memplay:load', code: 'print("loaded by the host")\n' }));
    await page.waitForFunction((n) => window.events.filter((e) => e.frame === 'two' && e.type === 'memplay:ran').length > n, before);
    await page.evaluate(() => window.send('two', { type: 'memplay:step', step: 1e9 }));
    await f2.getByTestId('console').getByText('loaded by the host').waitFor();
    assert.match(await f1.getByTestId('step-counter').textContent(), /^step 3 \//, 'the other embed is untouched');

    for (const bad of ['garbage', null, { type: 7 }, { type: 'memplay:step', step: 'x' }, { type: 'memplay:step', step: -2 },
      { type: 'memplay:load', code: 42 }, { type: 'memplay:explode' }]) {
      await page.evaluate((m) => window.send('one', m), bad);
    }
    await page.waitForFunction(() => true);
    await page.waitForTimeout(300);
    assert.equal(warnings.filter((w) => w.startsWith('memplay embed: ignoring a message')).length, 7, warnings.join('\n'));
    assert.match(await f1.getByTestId('step-counter').textContent(), /^step 3 \//);
    assert.deepEqual(errors, []);
    mkdirSync('build/out/screenshots', { recursive: true });
    await page.setViewportSize({ width: 960, height: 1150 });
    await page.screenshot({ path: 'build/out/screenshots/embeds.png', fullPage: true });
  } finally {
    await page.close();
    server.close();
    rmSync(site, { recursive: true, force: true });
  }
});
