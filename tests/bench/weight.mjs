// Page weight (issue 7): gzip -9 bytes of every file the first load of the
// page fetches — everything in build/out/web/ (index.html, main.js,
// style.css, worker.js, memplay.mjs, memplay.wasm and anything else there).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Every file under dir, recursively. */
function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** @returns {{page_gzip_bytes: number, wasm_gzip_bytes: number, page_files: Record<string, number>}} */
export function pageWeight(dir = 'build/out/web') {
  const page_files = {};
  let page_gzip_bytes = 0, wasm_gzip_bytes = 0;
  for (const p of filesUnder(dir).sort()) {
    const n = gzipSync(readFileSync(p), { level: 9 }).length;
    page_files[p.slice(dir.length + 1)] = n;
    page_gzip_bytes += n;
    if (p.endsWith('.wasm'))
      wasm_gzip_bytes += n;
  }
  return { page_gzip_bytes, wasm_gzip_bytes, page_files };
}
