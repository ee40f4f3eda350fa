// Share-link fragments (web/src/share/link.js) under node, which has the
// same CompressionStream: round trips, and every kind of damage gives a
// LinkError with a message rather than a crash or a wrong snippet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { makeFragment, readFragment, encodeCode, LinkError } from '../../web/src/share/link.js';
import { DEFAULT_SETTINGS } from '../../web/src/state.js';

const b64url = (buf) => Buffer.from(buf).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

test('a fragment carries code, settings, step, tab and embed options', async () => {
  const code = 'print("héllo, 世界")\nx = [1] * 3\n';
  const settings = { thresholds: [5, 2, 3], gcEnabled: false, heapLimit: 8 << 20, stepCap: 5000, pymalloc: false };
  const f = await makeFragment({ code, settings, step: 42, tab: 'gc', granularity: 'event',
    embed: { panels: ['code', 'objects'], readonly: true, range: [3, 40], theme: 'dark' } });
  assert.match(f, /^#code=[A-Za-z0-9_-]+&/);
  assert.ok(!f.includes('='.repeat(2)));
  const back = await readFragment(f);
  assert.deepEqual(back, { code, settings, step: 42, tab: 'gc', granularity: 'event',
    embed: { panels: ['code', 'objects'], readonly: true, range: [3, 40], theme: 'dark' } });
  assert.equal(await readFragment(''), null);
  assert.equal(await readFragment('#step=3'), null);
  const plain = await readFragment(await makeFragment({ code: 'x = 1\n', settings: DEFAULT_SETTINGS }));
  assert.deepEqual(plain.settings, DEFAULT_SETTINGS);
});

test('damaged links are refused with a reason', async () => {
  const good = await encodeCode('a = []\nb = [a]\n');
  const cases = {
    '#code=%%%': /characters base64url does not use|cannot be read/,
    '#code=a$b': /characters base64url does not use/,
    [`#code=${good.slice(0, good.length - 4)}`]: /does not decompress|cut short/,
    [`#code=${good}&step=-1`]: /"step" in the link is not a whole number/,
    [`#code=${good}&step=1e3`]: /"step"/,
    [`#code=${good}&tab=<img>`]: /"tab"/,
    [`#code=${good}&gc=1.2`]: /three thresholds/,
    [`#code=${good}&heap=1`]: /"heap" in the link is out of range/,
    [`#code=${good}&panels=code.secrets`]: /"panels"/,
    [`#code=${good}&range=9-3`]: /"range"/,
    [`#code=${good}&theme=neon`]: /"theme"/,
    [`#code=${b64url(deflateRawSync(Buffer.from([0xff, 0xfe, 0x00])))}`]: /not UTF-8/,
    // 100 MB of zeros compress to ~100 KB: inflating stops at the limit
    [`#code=${b64url(deflateRawSync(Buffer.alloc(100 << 20)))}`]: /larger than 256 KiB/,
  };
  for (const [hash, reason] of Object.entries(cases)) {
    await assert.rejects(readFragment(hash), (e) => e instanceof LinkError && reason.test(e.message), hash.slice(0, 60));
  }
});
