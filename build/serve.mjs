// A small static file server for build/out/web (no server logic: the site
// is plain files).  `node build/serve.mjs` serves http://localhost:8000
// (PORT overrides); tests import startServer().
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Content types by extension; browsers compile .wasm only as application/wasm. */
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
  '.png': 'image/png', '.svg': 'image/svg+xml',
};

/** The file under `base` that `url` names, or null if it names none. */
function fileFor(base, url) {
  let path;
  try {
    path = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return null;                      // malformed escapes such as "/%"
  }
  if (path.includes('\0')) return null;
  const file = normalize(join(base, path.endsWith('/') ? path + 'index.html' : path));
  return file.startsWith(base + sep) ? file : null;
}

/** Serves `root` on `port` (0: any free port); resolves to the server. */
export function startServer(root, port = 0) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = fileFor(base, req.url);
    if (!file) {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('bad path');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT || 8000);
  const server = await startServer('build/out/web', port);
  console.log(`memplay: serving build/out/web on http://localhost:${server.address().port}`);
}
