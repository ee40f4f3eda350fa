// The playground in a real Chromium: type a snippet, run it in the WASM
// engine's worker, step both ways, and check what the page draws against
// the native tool's snapshot of the same step; stop infinite loops; mark
// syntax errors; survive a missing engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../build/serve.mjs';
import { openBrowser } from './browser.mjs';
import { openPage, counter, settled, atStep, typeAndRun, nativeTrace, runFinished, stepOnce } from './playground.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser.close(); });

const SNIPPET = `import gc
a = [1, 2]
b = [a, a]
c = {'k': a}
x = 0
print(len(b))
`;

/** Steps forward by line until the step about to run `line`. */
async function forwardToLine(page, line) {
  for (let i = 0; i < 20; i++) {
    const text = await page.getByTestId('narration').textContent();
    if (text.includes(`Line ${line} runs next`)) return;
    await stepOnce(page);
  }
  throw new Error(`line ${line} never came`);
}

test('run, step both ways, and the page shows what the snapshot says', async () => {
  const { page, problems } = await openPage(browser);
  await runFinished(page, 0);
  await typeAndRun(page, SNIPPET);
  const { step: first, total } = await counter(page);
  assert.equal(first, 1);
  assert.ok(total > 10);
  await forwardToLine(page, 5);
  const { step } = await counter(page);
  const native = nativeTrace(SNIPPET, step);
  assert.equal(native.at.line, 5);

  // objects: every one drawn has the snapshot's refcount and generation
  const byAddress = new Map(native.memory.objects.map((o) => [o.address, o]));
  const drawn = await page.getByTestId('object').evaluateAll((els) => els.map((e) => ({ ...e.dataset })));
  assert.ok(drawn.length >= 3, `only ${drawn.length} objects drawn`);
  for (const d of drawn) {
    const o = byAddress.get(d.address);
    assert.ok(o, `${d.address} is not in the snapshot`);
    assert.equal(Number(d.refcount), o.refcount, `refcount of ${d.type} at ${d.address}`);
    assert.equal(d.type, o.type);
    assert.equal(d.generation, o.generation === null ? 'untracked' : String(o.generation));
  }
  const lists = drawn.filter((d) => d.type === 'list');
  const aList = lists.find((d) => byAddress.get(d.address).repr === '[1, 2]');
  assert.equal(Number(aList.refcount), 4, 'a is held by a, b[0], b[1] and c["k"]');
  const names = await page.getByTestId('local').evaluateAll((els) => els.map((e) => e.dataset.name));
  assert.deepEqual(names, ['gc', 'a', 'b', 'c']);
  assert.deepEqual(await page.getByTestId('frame').evaluateAll((els) => els.map((e) => e.dataset.function)), ['<module>']);

  // holders: clicking the refcount lists the four references
  await page.locator(`[data-testid="object"][data-address="${aList.address}"] [data-testid="refcount"]`).click();
  const holders = await page.getByTestId('holders').textContent();
  for (const h of ['global a', 'list slot [0]', 'list slot [1]', "dict value ['k']"]) assert.ok(holders.includes(h), `${h} in ${holders}`);

  // pools and the GC counts
  await page.getByRole('tab', { name: 'Memory' }).click();
  const pools = await page.getByTestId('pool').evaluateAll((els) => els.map((e) => [e.dataset.sizeClass, e.dataset.state]));
  assert.deepEqual(pools, native.memory.pools.map((p) => [String(p.size_class), p.state]));
  assert.equal(await page.getByTestId('arena').count(), native.memory.arenas.length);
  assert.equal(await page.getByTestId('heap-block').count(), Math.min(400, native.memory.heap_chunks.length));
  await page.getByRole('tab', { name: 'GC' }).click();
  const gens = await page.getByTestId('gc-generation').evaluateAll((els) => els.map((e) => [Number(e.dataset.count), Number(e.dataset.threshold)]));
  assert.deepEqual(gens, native.memory.gc.counts.map((c, i) => [c, native.memory.gc.thresholds[i]]));

  // one event forward and back again: the same state
  await page.getByTestId('granularity').selectOption('event');
  await page.getByTestId('step-forward').click();
  await atStep(page, step + 1);
  assert.equal(await page.getByTestId('narration').textContent().then((t) => t.includes(nativeTrace(SNIPPET, step + 1).at.narration)), true);
  await page.getByTestId('step-back').click();
  await atStep(page, step);
  await page.getByTestId('step-last').click();
  await atStep(page, total);
  assert.equal((await page.getByTestId('console').textContent()).trim(), '2');
  assert.equal(await page.getByTestId('error').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Stop ends a loop that cannot pause (inside __init__), keeps what ran and the editor text', async () => {
  const { page, problems } = await openPage(browser);
  await runFinished(page, 0);
  const code = 'class Spin:\n    def __init__(self):\n        while True:\n            pass\nSpin()\n';
  await typeAndRun(page, code, { wait: false });
  await page.waitForFunction(() => !document.querySelector('[data-testid="stop"]').disabled);
  await page.waitForTimeout(300);
  await page.waitForFunction(() => /running… [\d,]*[1-9]/.test(document.querySelector('[data-testid="step-counter"]').textContent));
  await page.getByTestId('stop').click();
  await settled(page, 10000);
  await page.getByText('Stopped by you').waitFor();
  // progress is reported from inside __init__ too, so the replay keeps what ran
  assert.ok((await counter(page)).total > 65536, 'the replay ends where the run had got');
  assert.equal(await page.locator('[data-testid="editor"] .cm-content').textContent(), code.replace(/\n/g, ''));
  assert.deepEqual(problems, []);
  await page.close();
});

test('a syntax error is shown and marked in the editor', async () => {
  const { page, problems } = await openPage(browser);
  await runFinished(page, 0);
  await typeAndRun(page, 'x = 1\ny = (2,\nprint(y)\n');
  await page.getByTestId('error').waitFor();
  assert.match(await page.getByTestId('error').textContent(), /SyntaxError: '\(' was never closed \(line 2\)/);
  await page.locator('[data-testid="editor"] .cm-errorLine').waitFor();
  assert.equal(await page.locator('[data-testid="editor"] .cm-errorLine').textContent(), 'y = (2,');
  assert.deepEqual(problems, []);
  await page.close();
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
    assert.match(await error.textContent(), /^The engine failed: /);
    assert.ok((await page.locator('[data-testid="editor"] .cm-content').textContent()).length > 0);
  } finally {
    await page.close();
    server.close();
    rmSync(site, { recursive: true, force: true });
  }
});

test('settings change the run: thresholds, gc off, heap limit; keys step; the theme toggles', async () => {
  const { page, problems } = await openPage(browser);
  await runFinished(page, 0);
  await typeAndRun(page, 'import gc\nprint(gc.get_threshold(), gc.isenabled())\ns = "x" * 5000000\n');
  await page.getByTestId('settings').click();
  await page.getByLabel('gen 0').fill('5');
  await page.getByLabel('gc enabled at start').uncheck();
  await page.getByLabel('heap limit (MiB)').fill('4');
  await page.getByRole('button', { name: 'Apply and run' }).click();
  await runFinished(page, 2);
  await page.getByTestId('step-last').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="console"]').textContent.includes('MemoryError'));
  const out = await page.getByTestId('console').textContent();
  assert.ok(out.startsWith('(5, 10, 10) False\n'), out);
  await page.getByTestId('step-first').click();
  await atStep(page, 1);
  await page.getByRole('tab', { name: 'GC' }).click();
  assert.deepEqual(await page.getByTestId('gc-generation').evaluateAll((els) => els.map((e) => e.dataset.threshold)), ['5', '10', '10']);
  // keys outside the editor: → steps forward, End goes to the last step
  await page.getByTestId('step-counter').click();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => !/^step 1 \//.test(document.querySelector('[data-testid="step-counter"]').textContent));
  assert.match(await page.getByTestId('narration').textContent(), /Line 2 runs next/);
  await page.keyboard.press('End');
  const { total } = await counter(page);
  await atStep(page, total);
  const theme = await page.evaluate(() => document.documentElement.dataset.theme);
  await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
  await page.waitForFunction((t) => document.documentElement.dataset.theme !== t, theme);
  // the settings survive a reload
  await page.reload();
  await runFinished(page, 0);
  await page.getByTestId('step-last').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="console"]').textContent.includes('MemoryError'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('an object links to its block and the block back to the object; breakpoints stop the run', async () => {
  const { page, problems } = await openPage(browser);
  await runFinished(page, 0);
  await typeAndRun(page, SNIPPET);
  await forwardToLine(page, 5);
  const list = page.locator('[data-testid="object"][data-type="list"]').first();
  const address = await list.getAttribute('data-address');
  await list.getByRole('button', { name: '64-B block' }).click();
  assert.equal(await page.getByRole('tab', { name: 'Memory' }).getAttribute('aria-selected'), 'true');
  const block = page.locator('.blk.obj.hovered');
  assert.equal(await block.count(), 1);
  assert.match(await block.getAttribute('title'), new RegExp(`list at ${address}`));
  await block.click();
  assert.equal(await page.getByRole('tab', { name: 'Objects' }).getAttribute('aria-selected'), 'true');
  assert.match(await page.getByTestId('holders').textContent(), new RegExp(`list at ${address}: refcount`));

  // a breakpoint on line 4 (click its number), then from the start "To breakpoint"
  await page.locator('[data-testid="editor"] .cm-lineNumbers .cm-gutterElement', { hasText: /^4$/ }).click();
  await page.getByTestId('step-first').click();
  await atStep(page, 1);
  await page.getByRole('button', { name: 'To breakpoint' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="narration"]').textContent.includes('Line 4 runs next'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('quick presses all count, and a double Stop keeps what ran', async () => {
  const { page, problems } = await openPage(browser);
  await runFinished(page, 0);
  await typeAndRun(page, SNIPPET);
  const forward = page.getByTestId('step-forward');
  for (let i = 0; i < 4; i++) await stepOnce(page);     // slowly: each press waits for its step
  const slow = (await counter(page)).step;
  await page.getByTestId('step-first').click();
  await atStep(page, 1);
  await Promise.all([0, 1, 2, 3].map(() => forward.click({ noWaitAfter: true })));
  await atStep(page, slow);

  await typeAndRun(page, 'n = 0\nwhile True:\n    n += 1\n', { wait: false });
  await page.waitForFunction(() => /running… [\d,]*[1-9]/.test(document.querySelector('[data-testid="step-counter"]').textContent));
  await page.getByTestId('stop').dblclick();
  await page.getByText('Stopped by you').waitFor();
  assert.ok((await counter(page)).total > 1000, 'the replay keeps the steps that ran before Stop');
  assert.deepEqual(problems, []);
  await page.close();
});
