// Helpers that drive the VS Code workbench in the browser the way a user does: command palette,
// activity bar, sidebar, screenshots. Selectors follow VS Code 1.139 (code-server 4.139.1).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { repoRoot } from '../../helpers/paths';

export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');

/** Waits until the workbench has rendered its activity bar and the extension host is connected. */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.part.activitybar').waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The activity bar entry of a view container, by its title (e.g. "Harness"). */
export function activityBarItem(page: Page, title: string): Locator {
  return page.locator(`.part.activitybar [aria-label^="${title}"]`).first();
}

/** Opens a view container from the activity bar (unless it is already the visible one). */
export async function openViewContainer(page: Page, title: string, timeoutMs = 30_000): Promise<Locator> {
  const item = activityBarItem(page, title);
  await item.waitFor({ state: 'visible', timeout: timeoutMs });
  const sidebarTitle = page.locator('.part.sidebar .composite.title');
  const current = (await sidebarTitle.isVisible()) ? await sidebarTitle.innerText() : '';
  if (!current.toLowerCase().includes(title.toLowerCase())) await item.click();
  await sidebarTitle
    .filter({ hasText: new RegExp(title, 'i') })
    .waitFor({ state: 'visible', timeout: timeoutMs });
  return page.locator('.part.sidebar');
}

/**
 * Waits until the sidebar shows no progress bar (views finished loading: the extension activated
 * and its first tree request settled), so screenshots show the settled state.
 */
export async function waitForSidebarIdle(page: Page, timeoutMs = 60_000): Promise<void> {
  await page
    .locator('.part.sidebar .monaco-progress-container.active')
    .first()
    .waitFor({ state: 'hidden', timeout: timeoutMs });
}

/** The header of a view (pane) in the sidebar, by its name (e.g. "Resources"). */
export function viewPaneHeader(page: Page, name: string): Locator {
  return page.locator('.part.sidebar .pane-header', { hasText: name }).first();
}

/**
 * Waits until the sidebar shows view `viewName` of container `containerTitle` and returns the
 * sidebar title. A container with a single view hides the pane header and merges the names into
 * the title ("Harness: Resources"); with several views each has a visible header.
 */
export async function waitForSidebarView(
  page: Page,
  containerTitle: string,
  viewName: string,
  timeoutMs = 30_000,
): Promise<string> {
  const title = page.locator('.part.sidebar .composite.title');
  const merged = title.filter({ hasText: `${containerTitle}: ${viewName}` });
  const header = page.locator('.part.sidebar .pane-header:not(.hidden)', { hasText: viewName }).first();
  await merged.or(header).first().waitFor({ state: 'visible', timeout: timeoutMs });
  return (await title.innerText()).trim();
}

/**
 * Runs a command by its palette title ("Harness: Sign In"): F1, type, Enter on the matching entry.
 * The palette computes its list when it opens, so a command registered a moment later needs one
 * reopen; we retry once before failing.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 15_000): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    await input.fill(`>${title}`);
    const option = page.locator('.quick-input-widget [role=option]', { hasText: title }).first();
    try {
      await option.waitFor({ state: 'visible', timeout: attempt === 1 ? timeoutMs / 2 : timeoutMs });
      await page.keyboard.press('Enter');
      return;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (attempt >= 2)
        throw new Error(`command "${title}" not found in the command palette: ${String(error)}`);
    }
  }
}

/** Saves a PNG of the whole window to test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}
