// The page in a real Chromium: it loads, the WASM engine starts in its
// worker, and what it shows comes from the runtime.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { openBrowser } from './browser.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser.close(); });

async function load(width, height) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(msg.text()); });
  page.on('pageerror', (err) => problems.push(String(err)));
  await page.goto(browser.url);
  await page.waitForSelector('[data-testid="size-classes"]');
  await page.waitForSelector('[data-testid="cycle-demo"]');
  return { page, problems };
}

test('the engine runs in a worker and fills the size-class table', async () => {
  const { page, problems } = await load(1280, 800);
  const rows = page.locator('[data-testid="size-class"]');
  assert.equal(await rows.count(), 32);
  const last = (await rows.nth(31).locator('td').allTextContents()).map((s) => s.trim());
  assert.deepEqual(last, ['31', '497–512', '512 B', '31']);
  const first = (await rows.nth(0).locator('td').allTextContents()).map((s) => s.trim());
  assert.deepEqual(first, ['0', '1–16', '16 B', '1021']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the cycle demo is collected by the real collector', async () => {
  const { page, problems } = await load(1280, 800);
  assert.equal((await page.getByTestId('collected').textContent()).trim(), '2');
  assert.equal((await page.getByTestId('heap-check').textContent()).trim(), 'ok');
  assert.equal(await page.getByTestId('error').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('screenshots at desktop and 360 px', async () => {
  mkdirSync('build/out/screenshots', { recursive: true });
  for (const [name, w, h] of [['home-desktop', 1280, 800], ['home-360', 360, 740]]) {
    const { page, problems } = await load(w, h);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, `${name}: the page scrolls sideways`);
    await page.screenshot({ path: `build/out/screenshots/${name}.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  }
});
