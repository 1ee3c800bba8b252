// A new user in a real VS Code (code-server) in the browser: opens the Harness view (signed-out
// welcome), runs "Harness: Sign In" from the palette, types the simulator's URL, pastes a token,
// then expands account → org → project → Pipelines and clicks "Load more…"; signs out again.
// Each test starts signed out in its own session and signs in itself when it needs to.
// Screenshots: test-results/screenshots/signin-*.png and tree-*.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './framework/session';
import { startSimulatorProcess, type SimulatorProcess } from './framework/simulator';
import { waitForSidebarIdle } from './framework/workbench';

const row = (page: Page, text: string | RegExp) =>
  page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();

/**
 * Signs in as a user does: the Harness view's welcome, "Harness: Sign In", the base URL, then the
 * token in a password box; done when the account's organizations show. With `shots`, saves a
 * screenshot of each step.
 */
async function signIn(session: Session, sim: SimulatorProcess, shots = false): Promise<void> {
  const { page } = session;
  const shot = async (name: string) => (shots ? session.screenshot(name) : undefined);
  await session.openViewContainer('Harness');
  const signInButton = page.locator(
    '.part.sidebar .welcome-view-content a, .part.sidebar .welcome-view-content .monaco-button',
    { hasText: 'Sign In' },
  );
  await signInButton.first().waitFor({ state: 'visible', timeout: 30_000 });
  await shot('signin-1-welcome');

  await session.runCommand('Harness: Sign In');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(sim.url);
  const typed = page.locator('.quick-input-widget [role=option]', { hasText: sim.url }).first();
  await typed.waitFor({ state: 'visible', timeout: 10_000 });
  await shot('signin-2-base-url');
  await page.keyboard.press('Enter');

  const password = page.locator('.quick-input-widget input[type=password]');
  await password.waitFor({ state: 'visible', timeout: 10_000 });
  await password.fill(sim.token);
  await shot('signin-3-token');
  await page.keyboard.press('Enter');

  await row(page, 'Engineering').waitFor({ state: 'visible', timeout: 30_000 });
  await waitForSidebarIdle(page);
}

describe('e2e: sign in and browse the Harness tree', function () {
  this.timeout(180_000);
  let sim: SimulatorProcess;
  let session: Session;

  beforeEach(async () => {
    sim = await startSimulatorProcess();
    // No HARNESS_* variables: the user starts signed out and signs in through the UI.
    session = await startSession({ simulator: false });
  });

  afterEach(async function () {
    await session?.captureFailure(this);
    await session?.close();
    await sim?.stop();
  });

  it('signs in through the palette: base URL, then the token in a password box', async () => {
    const { page } = session;
    await signIn(session, sim, true);
    const file = await session.screenshot('signin-4-signed-in');
    assert.ok(fs.statSync(file).size > 10_000);
    const statusBar = page.locator('.part.statusbar', { hasText: '127.0.0.1' });
    await statusBar.first().waitFor({ state: 'visible', timeout: 10_000 });
  });

  it('expands org → project → Pipelines and loads more', async () => {
    const { page } = session;
    await signIn(session, sim);
    await row(page, /^default/).click();
    await row(page, /^Platform/).waitFor({ state: 'visible', timeout: 20_000 });
    await row(page, /^Platform/).click();
    await row(page, /^Pipelines/).waitFor({ state: 'visible', timeout: 20_000 });
    await row(page, /^Pipelines/).click();
    await page
      .locator('.part.sidebar .monaco-list-row[aria-level="5"]')
      .first()
      .waitFor({ state: 'visible', timeout: 20_000 });
    await waitForSidebarIdle(page);
    await session.screenshot('tree-1-pipelines');
    // The list is virtualised: go to its end (the tree has focus after the click).
    await page.keyboard.press('End');
    const more = row(page, 'Load more');
    await more.waitFor({ state: 'visible', timeout: 20_000 });
    const before = (await more.innerText()).match(/(\d+) of (\d+) shown/);
    assert.ok(before, `Load more row text: ${await more.innerText()}`);
    await session.screenshot('tree-2-load-more-row');
    await more.click();
    await page
      .locator('.part.sidebar .monaco-list-row', { hasText: `${before[1]} of ${before[2]} shown` })
      .waitFor({ state: 'detached', timeout: 20_000 });
    await page.keyboard.press('End');
    const shownAfter = String(Number(before[1]) * 2);
    await page
      .locator('.part.sidebar .monaco-list-row', { hasText: `${shownAfter} of ${before[2]} shown` })
      .first()
      .waitFor({ state: 'attached', timeout: 20_000 });
    await session.screenshot('tree-3-loaded-more');
  });

  it('signs out from the palette: the signed-out welcome view shows again', async () => {
    const { page } = session;
    await signIn(session, sim);
    await session.runCommand('Harness: Sign Out');
    await page
      .locator('.notifications-toasts .notification-toast', { hasText: 'signed out' })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    const signInButton = page.locator(
      '.part.sidebar .welcome-view-content a, .part.sidebar .welcome-view-content .monaco-button',
      { hasText: 'Sign In' },
    );
    await signInButton.first().waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await row(page, 'Engineering').count(), 0, 'the tree is gone');
    await session.screenshot('signin-5-signed-out');
  });
});
