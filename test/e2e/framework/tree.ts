// The Harness tree as a user drives it (rows by label, expanding, inline actions), and reading back
// from the simulator's API what a command did there, as any Harness client would. Each E2E test
// starts its own session and gets to the state it needs through these.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import type { Session } from './session';

export function treeRow(page: Page, label: string | RegExp): Locator {
  return page.locator('.part.sidebar .monaco-list-row', { hasText: label }).first();
}

/**
 * Closes a tooltip left open over the tree. After a click the mouse rests on that row; its tooltip
 * (a rich hover) opens below it and can cover the next row the test wants to click, as a user's
 * moving mouse never would. Escape is how a keyboard user dismisses it.
 */
export async function dismissHover(page: Page): Promise<void> {
  const hover = page.locator('.context-view .monaco-hover, .context-view .workbench-hover');
  if ((await hover.count()) === 0) return;
  await page.keyboard.press('Escape');
  // One that stays is reported by the click that follows, with what covers it.
  await hover
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
}

/** Expands a row (waits for it; leaves it alone when it is already expanded). */
export async function expand(page: Page, label: string | RegExp): Promise<void> {
  const row = treeRow(page, label);
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await row.getAttribute('aria-expanded')) === 'true') return;
  await clickRow(page, row);
}

/**
 * Clicks a tree row. A tooltip can open over it between the check and the click (the mouse rests
 * on the row clicked before, and Playwright's retries keep it over the tooltip), so a click that
 * cannot land closes the tooltip and tries again; the last attempt's error says what covered it.
 */
async function clickRow(page: Page, row: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await dismissHover(page);
    try {
      await row.click({ timeout: attempt < 4 ? 5_000 : 30_000 });
      return;
    } catch (err) {
      if (attempt >= 4) throw err;
    }
  }
}

/**
 * Selects a row as a user does (a click) and waits until the extension knows it: the account
 * status bar item names the selected scope (`· org` or `· org/project`). Commands run from the
 * palette act on that scope, so a test must not run one before the selection has arrived.
 */
export async function selectRow(page: Page, label: string | RegExp, scope: string): Promise<void> {
  const row = treeRow(page, label);
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await clickRow(page, row);
  const status = page.locator('.part.statusbar .statusbar-item', { hasText: `· ${scope}` }).first();
  try {
    await status.waitFor({ state: 'visible', timeout: 5_000 });
  } catch {
    // A click whose selection did not arrive: click once more, as a user would, then put the
    // row's expansion back the way the first click left it (the second click toggles it).
    const expanded = await row.getAttribute('aria-expanded');
    await clickRow(page, row);
    if ((await row.getAttribute('aria-expanded')) !== expanded)
      await row.locator('.monaco-tl-twistie').first().click();
    await status.waitFor({ state: 'visible', timeout: 15_000 });
  }
}

/** Clicks an inline action (icon button shown on hover) of a tree row. */
export async function inlineAction(page: Page, label: string | RegExp, action: string): Promise<void> {
  const row = treeRow(page, label);
  await row.hover();
  await row.locator(`.action-label[aria-label^="${action}"]`).click();
}

/**
 * Opens the Harness view and expands its first row: in an environment-variable session that is
 * the account, so its organizations show.
 */
export async function showAccount(session: Session): Promise<void> {
  const { page } = session;
  await session.openViewContainer('Harness');
  const first = page.locator('.part.sidebar .monaco-list-row').first();
  await first.waitFor({ state: 'visible', timeout: 60_000 });
  if ((await first.getAttribute('aria-expanded')) !== 'true') {
    await clickRow(page, first);
  }
}

/** Shows the account, then default → Default Project → Pipelines, until `pipeline`'s row shows. */
export async function showPipeline(session: Session, pipeline: string): Promise<Locator> {
  const { page } = session;
  await showAccount(session);
  await expand(page, /^default/);
  await expand(page, 'Default Project');
  await expand(page, /^Pipelines/);
  const row = treeRow(page, pipeline);
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  return row;
}

/**
 * Polls a GET of the simulator's API (account parameters and token added) until `accept` takes
 * its `data`, and returns that data; fails with the last answer after `timeoutMs`.
 */
export async function readFromHarness<T>(
  session: Session,
  path: string,
  query: Record<string, string>,
  accept: (data: T | undefined) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  assert.ok(session.sim, 'this test runs with the simulator');
  const { url, accountId, token } = session.sim;
  const params = new URLSearchParams({ accountIdentifier: accountId, routingId: accountId, ...query });
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const res = await fetch(`${url}${path}?${params}`, { headers: { 'x-api-key': token } });
    last = await res.text();
    let data: T | undefined;
    try {
      data = (JSON.parse(last) as { data?: T }).data;
    } catch {
      data = undefined;
    }
    if (res.ok && accept(data)) return data as T;
    if (Date.now() >= deadline) assert.fail(`Harness never had ${what}: ${res.status} ${last.slice(0, 400)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
