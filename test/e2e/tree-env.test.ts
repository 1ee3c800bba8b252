// CI/dev-container use: HARNESS_API_KEY, HARNESS_ACCOUNT_ID and HARNESS_BASE_URL in the
// environment give a session without any sign-in. The tree shows that account at once;
// hovering a connector shows its tooltip (identifier, type, connectivity and error summary).
// Screenshots: test-results/screenshots/tree-env-*.png.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './framework/session';
import { waitForSidebarIdle } from './framework/workbench';

const row = (page: Page, text: string | RegExp) =>
  page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();

describe('e2e: environment-variable session', function () {
  this.timeout(180_000);
  let session: Session;

  before(async () => {
    session = await startSession();
  });

  after(async () => {
    await session?.close();
  });

  it('shows the account from the environment without signing in, and connector tooltips', async () => {
    const { page } = session;
    await session.openViewContainer('Harness');
    await row(page, 'Engineering').waitFor({ state: 'visible', timeout: 60_000 });
    const status = page.locator('.part.statusbar', { hasText: 'from environment' });
    await status.first().waitFor({ state: 'visible', timeout: 10_000 });
    await row(page, 'Engineering').click();
    const connectors = page.locator('.part.sidebar .monaco-list-row[aria-level="3"]', {
      hasText: /^Connectors/,
    });
    await connectors.first().waitFor({ state: 'visible', timeout: 20_000 });
    await connectors.first().click();
    const connector = page.locator('.part.sidebar .monaco-list-row[aria-level="4"]').first();
    await connector.waitFor({ state: 'visible', timeout: 20_000 });
    await waitForSidebarIdle(page);
    await connector.hover();
    const hover = page.locator('.monaco-hover', { hasText: 'Connectivity' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await hover.innerText(), /Identifier/);
    await session.screenshot('tree-env-connector-tooltip');
  });
});
