// Headless Debian Chromium driven by playwright-core (never `playwright install`: no downloads
// here). Each launch uses a fresh profile directory, removed again on close or when the calling
// script exits.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { registerCleanup } from './cleanup.mjs';
import { CHROMIUM_PATH } from './install.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Launches Chromium with one page. Options: viewport ({width, height}, default 1400x900).
 * Returns { context, page, close() }.
 */
export async function launchBrowser(options = {}) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing; run: node scripts/host/install.mjs`);
  }
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1400, height: 900 },
  });
  const browserProcess = context.browser()?.process?.();
  const close = registerCleanup(
    async () => {
      await context.close().catch(() => {});
      fs.rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
    },
    () => {
      // playwright's own exit hook also kills it; this covers a hard process.exit().
      browserProcess?.kill('SIGKILL');
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  );
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close };
}
