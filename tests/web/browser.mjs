// Shared set-up for browser tests: Debian's Chromium through playwright-core
// (never a downloaded browser), a fresh profile, the built site served on a
// free localhost port.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../build/serve.mjs';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts the server and a browser; returns { url, context, close }. */
export async function openBrowser() {
  const server = await startServer('build/out/web');
  const profile = mkdtempSync(join(tmpdir(), 'memplay-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: ARGS,
  });
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url, context,
    async close() {
      await context.close();
      server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
