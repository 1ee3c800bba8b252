// Types of browser.mjs for TypeScript callers (test/e2e).
import type { BrowserContext, Page } from 'playwright-core';
export const CHROMIUM_ARGS: string[];
export function launchBrowser(options?: { viewport?: { width: number; height: number } }): Promise<{
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}>;
