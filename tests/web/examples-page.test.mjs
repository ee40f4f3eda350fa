// Every example of the gallery, picked from the Examples menu in a real
// Chromium, runs to its end without an error and prints what the native
// tool prints (which tests/web/examples.test.mjs holds to python3's).
// Screenshots of each, at desktop width and at 360 px, go to
// build/out/screenshots/ for people to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES } from '../../web/src/examples.js';
import { openBrowser } from './browser.mjs';
import { openPage, counter, atStep, runs, runFinished } from './playground.mjs';

const SHOTS = 'build/out/screenshots';
let browser;
before(async () => {
  browser = await openBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => { await browser.close(); });

function nativeOutput(code) {
  const file = join(mkdtempSync(join(tmpdir(), 'memplay-ex-')), 'example.py');
  writeFileSync(file, code);
  return execFileSync('build/out/native/memplay', ['run', file]).toString();
}

for (const ex of EXAMPLES) {
  test(`example "${ex.id}" runs to its end in the page`, async () => {
    const { page, problems } = await openPage(browser, { width: 1280, height: 860 });
    await runFinished(page, 0);
    const before = await runs(page);
    await page.getByTestId('examples').selectOption(ex.id);
    await runFinished(page, before);
    const { total } = await counter(page);
    assert.ok(total > 1);
    // a step in the middle of the run, where frames and objects are alive
    await page.getByTestId('step-slider').fill(String(Math.ceil(total / 2)));
    await atStep(page, Math.ceil(total / 2));
    await page.screenshot({ path: `${SHOTS}/${ex.id}-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, 'at 360 px the page scrolls sideways');
    await page.screenshot({ path: `${SHOTS}/${ex.id}-360.png`, fullPage: true });
    await page.getByTestId('step-last').click();
    await atStep(page, total);
    assert.equal(await page.getByTestId('console').textContent(), nativeOutput(ex.code));
    assert.equal(await page.getByTestId('error').count(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });
}
