// Bundles the page into build/out/web/: plain static files that any static
// host can serve.  The WASM engine files are copied next to the worker.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

const out = 'build/out/web';
mkdirSync(out, { recursive: true });

const common = {
  bundle: true, minify: true, format: 'esm', target: 'es2020',
  jsx: 'automatic', jsxImportSource: 'preact', logLevel: 'warning',
};
await build({ ...common, entryPoints: ['web/src/main.jsx'], outfile: `${out}/main.js` });
await build({
  ...common, entryPoints: ['web/src/engine/worker.js'], outfile: `${out}/worker.js`,
  external: ['./memplay.mjs'],
});
await build({ bundle: true, minify: true, logLevel: 'warning', entryPoints: ['web/src/style.css'], outfile: `${out}/style.css` });
copyFileSync('web/index.html', `${out}/index.html`);
copyFileSync('build/out/wasm/memplay.mjs', `${out}/memplay.mjs`);
copyFileSync('build/out/wasm/memplay.wasm', `${out}/memplay.wasm`);
console.log(`web: built ${out}/`);
