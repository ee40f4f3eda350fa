// Driving the playground page in tests: open it, type into the editor (a
// CodeMirror view inside an open shadow root, which Playwright's locators
// pierce), run, wait for a run to finish, read the step counter.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Opens the page; `problems` collects console errors, uncaught errors and
 * CSP violations.  `init` runs before the page's scripts (localStorage). */
export async function openPage(browser, { width = 1280, height = 800, colorScheme = 'light', url, init } = {}) {
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
  if (init) await page.addInitScript(init.fn, init.arg);
  await page.goto(url || browser.url);
  return { page, problems };
}

/** "step 3 / 120" → {step: 3, total: 120}, or null while running. */
export async function counter(page) {
  const text = (await page.getByTestId('step-counter').textContent()).trim();
  const m = /^step ([\d,]+) \/ ([\d,]+)$/.exec(text);
  return m ? { step: Number(m[1].replace(/,/g, '')), total: Number(m[2].replace(/,/g, '')) } : null;
}

/** Waits until a run has finished (the counter shows "step K / N"). */
export async function settled(page, timeout = 30000) {
  await page.waitForFunction(() => {
    const t = document.querySelector('[data-testid="step-counter"]')?.textContent || '';
    return /^step [\d,]+ \/ [\d,]+$/.test(t.trim()) && !document.querySelector('[data-testid="run"]').disabled;
  }, null, { timeout });
}

/** Clicks a step button and waits until the counter has moved. */
export async function stepOnce(page, testid = 'step-forward') {
  const { step } = await counter(page);
  await page.getByTestId(testid).click();
  await page.waitForFunction((s) => !document.querySelector('[data-testid="step-counter"]').textContent
    .replace(/,/g, '').startsWith(`step ${s} /`), step);
}

/** Runs finished so far (the page's data-runs). */
export const runs = (page) => page.locator('.app').getAttribute('data-runs').then(Number);

/** Waits until more than `n` runs have finished. */
export async function runFinished(page, n, timeout = 60000) {
  await page.waitForFunction((n) => Number(document.querySelector('.app')?.dataset.runs) > n, n, { timeout });
}

/** Waits until the counter shows step `n`. */
export async function atStep(page, n) {
  await page.waitForFunction((n) => {
    const t = document.querySelector('[data-testid="step-counter"]')?.textContent || '';
    return t.replace(/,/g, '').startsWith(`step ${n} /`);
  }, n);
}

/** Replaces the editor's text with `code` (no auto-indent) and runs it with
 * Ctrl+Enter; waits for the run to finish unless `wait` is false. */
export async function typeAndRun(page, code, { wait = true } = {}) {
  const before = await runs(page);
  const content = page.locator('[data-testid="editor"] .cm-content');
  await content.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  await page.keyboard.press('Control+Enter');
  if (wait) await runFinished(page, before);
}

/** The native tool's `trace` JSON for `code` at `step`. */
export function nativeTrace(code, step) {
  const dir = mkdtempSync(join(tmpdir(), 'memplay-page-'));
  const file = join(dir, 'snippet.py');
  writeFileSync(file, code);
  return JSON.parse(execFileSync('build/out/native/memplay', ['trace', file, '--step', String(step)],
    { maxBuffer: 1 << 28 }).toString());
}
