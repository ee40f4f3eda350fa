// Page weight (PRODUCT.md budgets): everything the first load fetches,
// gzipped, ≤ 300 KB; the WASM engine alone ≤ 150 KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const site = 'build/out/web';
const gz = (file) => gzipSync(readFileSync(`${site}/${file}`), { level: 9 }).length;

test('page weight within budget', () => {
  const sizes = Object.fromEntries(readdirSync(site).map((f) => [f, gz(f)]));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  assert.ok(sizes['memplay.wasm'] <= 150 * 1024, `WASM ${sizes['memplay.wasm']} B gzip`);
  assert.ok(total <= 300 * 1024, `page ${total} B gzip: ${JSON.stringify(sizes)}`);
});
