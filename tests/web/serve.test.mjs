// The static server: content types the browser insists on, and nothing
// outside the site folder, however the path is spelled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../build/serve.mjs';

let dir, server;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'memplay-serve-'));
  mkdirSync(join(dir, 'site'));
  mkdirSync(join(dir, 'site-secret'));
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  writeFileSync(join(dir, 'site-secret', 'x.txt'), 'secret');
  for (const f of ['index.html', 'main.js', 'memplay.mjs', 'memplay.wasm', 'style.css'])
    writeFileSync(join(dir, 'site', f), f);
  server = await startServer(join(dir, 'site'));
});
after(() => { server.close(); rmSync(dir, { recursive: true, force: true }); });

/** GETs a raw path (no client-side normalisation): { status, type, body }. */
function get(path, method = 'GET') {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: server.address().port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => ok({ status: res.statusCode, type: res.headers['content-type'], body }));
    });
    req.on('error', fail);
    req.end();
  });
}

test('content types', async () => {
  for (const [path, type] of [['/', 'text/html; charset=utf-8'], ['/index.html', 'text/html; charset=utf-8'],
    ['/main.js', 'text/javascript'], ['/memplay.mjs', 'text/javascript'],
    ['/memplay.wasm', 'application/wasm'], ['/style.css', 'text/css']]) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.equal(r.type, type, path);
  }
  assert.equal((await get('/missing.js')).status, 404);
});

test('nothing outside the site folder, and bad paths do not stop the server', async () => {
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt',
    '/../site-secret/x.txt', '/%2e%2e%2fsite-secret%2fx.txt', '/%', '/%zz', '/a%00.js', '//../secret.txt']) {
    const r = await get(path);
    assert.ok(r.status >= 400 && r.status < 500, `${path}: ${r.status}`);
    assert.notEqual(r.body, 'secret', path);
  }
  assert.equal((await get('/', 'POST')).status, 405);
  assert.equal((await get('/main.js')).status, 200);     // still serving
});
