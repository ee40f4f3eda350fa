// The page in a real Chromium: it loads, the WASM engine starts in its
// worker, and what it shows comes from the runtime.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../build/serve.mjs';
import { openBrowser } from './browser.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser.close(); });

/** Opens the page; `problems` collects console errors, uncaught errors and
 * CSP violations (from the page and its worker). */
async function load(width, height, colorScheme = 'light') {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme });
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(msg.text()); });
  page.on('pageerror', (err) => problems.push(String(err)));
  await page.exposeFunction('reportViolation', (v) => problems.push(`CSP: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.reportViolation(`${e.violatedDirective} blocked ${e.blockedURI}`));
  });
  await page.goto(browser.url);
  await page.waitForSelector('[data-testid="size-classes"]');
  await page.waitForSelector('[data-testid="cycle-demo"]');
  return { page, problems };
}

test('the engine runs in a worker and fills the size-class table', async () => {
  const { page, problems } = await load(1280, 800);
  const rows = page.locator('[data-testid="size-classes"] tbody tr');
  assert.equal(await rows.count(), 32);
  const last = (await rows.nth(31).locator('td').allTextContents()).map((s) => s.trim());
  assert.deepEqual(last, ['31', '497–512', '512 B', '31']);
  const first = (await rows.nth(0).locator('td').allTextContents()).map((s) => s.trim());
  assert.deepEqual(first, ['0', '1–16', '16 B', '1021']);
  assert.equal(await page.getByTestId('error').count(), 0);
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

test('screenshots at desktop and 360 px, light and dark', async () => {
  mkdirSync('build/out/screenshots', { recursive: true });
  for (const [name, w, h, scheme] of [['home-desktop', 1280, 800, 'light'],
    ['home-360', 360, 740, 'light'], ['home-360-dark', 360, 740, 'dark']]) {
    const { page, problems } = await load(w, h, scheme);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, `${name}: the page scrolls sideways`);
    await page.screenshot({ path: `build/out/screenshots/${name}.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('an engine that cannot load shows an error instead of waiting forever', async () => {
  const site = mkdtempSync(join(tmpdir(), 'memplay-site-'));
  cpSync('build/out/web', site, { recursive: true });
  rmSync(join(site, 'memplay.wasm'));
  const server = await startServer(site);
  const page = await browser.context.newPage();
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const error = page.getByTestId('error');
    await error.waitFor();
    assert.match(await error.textContent(), /^The memory engine did not start: /);
    assert.equal(await page.getByText('Starting the engine').count(), 0);
  } finally {
    await page.close();
    server.close();
    rmSync(site, { recursive: true, force: true });
  }
});
