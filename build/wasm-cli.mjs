// `node build/out/wasm/cli.mjs ARGS` runs the WASM build of the memplay
// command-line tool: same arguments, output and exit status as
// build/out/native/memplay.  emcc 3.1.6's loader prefers fetch() when it
// exists, which fails on a file path under Node 20; with fetch hidden while
// it loads, it reads the .wasm with fs instead.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fetch = globalThis.fetch;
delete globalThis.fetch;
try {
  require('./memplay-cli.cjs');
} finally {
  globalThis.fetch = fetch;
}
