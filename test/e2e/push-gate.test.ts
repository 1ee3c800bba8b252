// Nothing reaches Harness without the user asking, in a real VS Code (code-server) with auto-save
// ON (afterDelay, 300 ms: code-server's default mode, with a short delay): typing in a pipeline
// opened from the tree sends no write to the simulator; Ctrl+S pushes exactly once with one
// notification; a near-miss step type blocks the push and Cancel keeps the edit (no "Failed to
// save"); a push cancelled while it runs sends nothing; closing the editor with an unpushed edit
// asks. The simulator runs in this process so its requests are counted. Each test has its own
// session (and simulator) and opens the pipeline and makes its edit itself.
// Screenshots: test-results/screenshots/push-gate-*.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { RecordedRequest, Simulator } from '../simulator/server';
import { startSession, type Session } from './framework/session';
import { showPipeline, treeRow } from './framework/tree';

const PIPELINE = 'Default Project Hotfix';
const PIPELINE_ID = 'default_project_hotfix';
const TAB = `${PIPELINE_ID}.yaml`;
const AUTO_SAVE_DELAY_MS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Requests that change something in Harness (pipeline create/update/delete, runs, anything). */
function writes(sim: Simulator): RecordedRequest[] {
  return sim.requests.filter(
    (r) => r.method !== 'GET' && !/\/(list|listV2|list-metadata)$/.test(r.path) && r.method !== 'OPTIONS',
  );
}

function storedYaml(sim: Simulator): string {
  const p = (sim.state.pipelines as { identifier: string; yaml: string }[]).find(
    (x) => x.identifier === PIPELINE_ID,
  );
  assert.ok(p, `the simulator has ${PIPELINE_ID}`);
  return p.yaml;
}

function toasts(page: Page, text: string | RegExp): Locator {
  return page.locator('.notifications-toasts .notification-toast', { hasText: text });
}

describe('e2e: push only when the user asks (auto-save on)', function () {
  this.timeout(240_000);
  let session: Session;
  let sim: Simulator;
  let page: Page;
  const tab = () => page.locator('.tabs-container .tab', { hasText: TAB }).first();
  const dirtyTab = () => page.locator('.tabs-container .tab.dirty', { hasText: TAB });
  const editor = () => page.locator('.editor-instance .monaco-editor').first();
  const line = (text: string) => editor().locator('.view-line', { hasText: text }).first();

  /** Opens the pipeline from the tree, as a user does, and waits for its Harness YAML editor. */
  async function openPipeline(): Promise<void> {
    const row = await showPipeline(session, PIPELINE);
    await row.hover();
    await row.locator('.action-label[aria-label^="Open Pipeline YAML"]').click();
    await tab().waitFor({ state: 'visible', timeout: 30_000 });
    await line(`name: ${PIPELINE}`).waitFor({ timeout: 30_000 });
    // The document is Harness YAML (its language turns auto-save off by default).
    await page
      .locator('.part.statusbar .statusbar-item', { hasText: 'Harness YAML' })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
  }

  /** Types `text` at the end of the first line showing `lineText`, then closes any suggestions. */
  async function typeAtEnd(lineText: string, text: string): Promise<void> {
    await line(lineText).click();
    await page.keyboard.press('End');
    await page.keyboard.type(text);
    await page.keyboard.press('Escape');
  }

  /** Opens the pipeline and renames it (" v" after its name): an unpushed edit. */
  async function openWithEdit(): Promise<void> {
    await openPipeline();
    await typeAtEnd(`name: ${PIPELINE}`, ' v');
    await dirtyTab().waitFor({ state: 'visible' });
  }

  beforeEach(async () => {
    session = await startSession({
      simulator: 'in-process',
      settings: { 'files.autoSave': 'afterDelay', 'files.autoSaveDelay': AUTO_SAVE_DELAY_MS },
    });
    assert.ok(session.simulator);
    sim = session.simulator;
    page = session.page;
  });

  afterEach(async function () {
    await session?.captureFailure(this);
    await session?.close();
  });

  it('typing in a pipeline opened from the tree sends nothing to Harness; the edit stays dirty', async () => {
    await openPipeline();
    const before = writes(sim).length;
    await line(`name: ${PIPELINE}`).click();
    await page.keyboard.press('End');
    // A user typing with pauses longer than the auto-save delay.
    for (const key of [' ', 'v']) {
      await page.keyboard.type(key);
      await sleep(AUTO_SAVE_DELAY_MS * 3);
    }
    await page.keyboard.press('Escape');
    await sleep(AUTO_SAVE_DELAY_MS * 6);
    assert.equal(writes(sim).length - before, 0, 'no write reached the simulator while typing');
    assert.doesNotMatch(storedYaml(sim), /Hotfix v/);
    await dirtyTab().waitFor({ state: 'visible' });
    await session.screenshot('push-gate-1-typed-not-pushed');
  });

  it('Ctrl+S pushes exactly once, with one notification that names the pipeline', async () => {
    await openWithEdit();
    const before = writes(sim).length;
    await page.keyboard.press('Control+S');
    const outcome = toasts(
      page,
      `Pipeline "${PIPELINE} v" (${PIPELINE_ID}) updated in default/default_project`,
    );
    await outcome.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(storedYaml(sim), /name: Default Project Hotfix v/);
    await dirtyTab().waitFor({ state: 'detached', timeout: 15_000 });
    await sleep(AUTO_SAVE_DELAY_MS * 4);
    const sent = writes(sim).slice(before);
    assert.deepEqual(
      sent.map((r) => `${r.method} ${r.path}`),
      [`PUT /pipeline/api/pipelines/v2/${PIPELINE_ID}`],
      'exactly one write',
    );
    // The progress notification turned into the outcome: one toast about this pipeline.
    assert.equal(await toasts(page, PIPELINE).count(), 1, 'one notification for the push');
    await session.screenshot('push-gate-2-pushed');
  });

  it('a near-miss step type blocks the push; Cancel keeps the edit dirty with no error', async () => {
    await openPipeline();
    const before = writes(sim).length;
    await line('type: K8sRollingDeploy').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace'); // K8sRollingDeplo: "did you mean K8sRollingDeploy?"
    await page.keyboard.press('Escape');
    await editor().locator('.squiggly-error').first().waitFor({ state: 'visible', timeout: 30_000 });

    for (const attempt of [1, 2]) {
      await page.keyboard.press('Control+S');
      const dialog = page.locator('.monaco-dialog-box', { hasText: 'Push it anyway?' });
      await dialog.waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(await dialog.innerText(), /K8sRollingDeploy/);
      if (attempt === 1) await session.screenshot('push-gate-3-refused-near-miss');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached', timeout: 10_000 });
      await sleep(AUTO_SAVE_DELAY_MS * 4);
      assert.equal(await toasts(page, /Failed to save/).count(), 0, 'no "Failed to save" error');
      await dirtyTab().waitFor({ state: 'visible' });
    }
    assert.equal(writes(sim).length - before, 0, 'nothing was sent');
    assert.doesNotMatch(storedYaml(sim), /K8sRollingDeplo\b/);
  });

  it('a push cancelled while it runs sends nothing and keeps the edit', async () => {
    // A valid edit, then Harness slow to answer the existence check.
    await openWithEdit();
    await editor().locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 30_000 });
    const before = writes(sim).length;
    sim.faults.inject({
      kind: 'slow',
      delayMs: 20_000,
      method: 'GET',
      path: `/pipeline/api/pipelines/${PIPELINE_ID}`,
    });
    await page.keyboard.press('Control+S');
    const progress = toasts(page, `Pushing pipeline "${PIPELINE} v"`);
    await progress.waitFor({ state: 'visible', timeout: 30_000 });
    await session.screenshot('push-gate-4-pushing');
    await progress
      .locator('.action-label[aria-label="Cancel"], .monaco-button', { hasText: 'Cancel' })
      .first()
      .click();
    await toasts(page, 'cancelled; nothing was sent').waitFor({ state: 'visible', timeout: 15_000 });
    await sleep(500); // the toast slides in: let it settle for the picture
    await session.screenshot('push-gate-5-cancelled');
    assert.equal(writes(sim).length - before, 0, 'nothing was sent');
    await dirtyTab().waitFor({ state: 'visible' });
  });

  it('closing the editor with an unpushed edit asks', async () => {
    await openWithEdit();
    const before = writes(sim).length;
    await session.runCommand('View: Close Editor');
    const dialog = page.locator('.monaco-dialog-box', {
      hasText: `Do you want to save the changes you made to ${TAB}`,
    });
    await dialog.waitFor({ state: 'visible', timeout: 15_000 });
    await session.screenshot('push-gate-6-close-asks');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    await dirtyTab().waitFor({ state: 'visible' });
    assert.equal(writes(sim).length - before, 0, 'nothing was sent');
  });

  it('"Save" in the close dialog keeps a local draft, not a push; reopening shows it; Discard restores Harness', async () => {
    await openPipeline();
    await typeAtEnd('description: ', ' (draft)');
    const before = writes(sim).length;
    await session.runCommand('View: Close Editor');
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'Do you want to save the changes' });
    await dialog.waitFor({ state: 'visible', timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await tab().waitFor({ state: 'detached', timeout: 15_000 });
    await toasts(page, `Saved pipeline "${PIPELINE}" (${PIPELINE_ID}) as a local draft`).waitFor({
      state: 'visible',
      timeout: 15_000,
    });
    await session.screenshot('push-gate-7-saved-as-draft');
    assert.equal(writes(sim).length - before, 0, 'saving is not pushing');
    assert.doesNotMatch(storedYaml(sim), /\(draft\)/, 'Harness still has the pushed version');

    // Reopened from the tree, the editor shows the draft, marked as unpushed on its tab.
    await treeRow(page, PIPELINE).hover();
    await treeRow(page, PIPELINE).locator('.action-label[aria-label^="Open Pipeline YAML"]').click();
    await tab().waitFor({ state: 'visible', timeout: 30_000 });
    await line('Default Project (draft)').waitFor();
    // The tab carries the "unpushed" badge (↑, drawn by CSS) and the editor offers Discard.
    assert.ok((await tab().locator('[class*="monaco-decoration"]').count()) > 0, 'the tab is decorated');
    await page
      .locator('.editor-actions .action-label[aria-label^="Discard Unpushed Changes"]')
      .waitFor({ state: 'visible', timeout: 15_000 });
    await session.screenshot('push-gate-8-draft-reopened');

    await session.runCommand('Harness: Discard Unpushed Changes');
    const confirm = page.locator('.monaco-dialog-box', { hasText: 'Discard your unpushed changes' });
    await confirm.waitFor({ state: 'visible', timeout: 15_000 });
    await confirm.getByRole('button', { name: 'Discard', exact: true }).click();
    await editor()
      .locator('.view-line', { hasText: '(draft)' })
      .first()
      .waitFor({ state: 'detached', timeout: 15_000 });
    // Harness's own description is back in the editor.
    const description = /^\s*description: (.*)$/m.exec(storedYaml(sim))?.[1];
    assert.ok(description, 'the pipeline in Harness has a description');
    await line(`description: ${description}`).waitFor();
    assert.equal(writes(sim).length - before, 0, 'discarding sends nothing');
  });

  it('a draft kept from an earlier session is offered back in the next window', async () => {
    await openPipeline();
    await typeAtEnd('description: ', ' (kept)');
    // File: Save (the menu's command, not Ctrl+S) keeps a draft.
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>File: Save');
    const save = page
      .locator('.quick-input-widget [role=option]')
      .filter({ has: page.locator('.label-name', { hasText: /^File: Save$/ }) })
      .first();
    await save.waitFor({ state: 'visible', timeout: 15_000 });
    await save.click();
    await toasts(page, 'as a local draft').first().waitFor({ state: 'visible', timeout: 15_000 });
    const before = writes(sim).length;

    // The next session: a new window (another folder, so no editor is restored) of the same user.
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-e2e-next-'));
    try {
      fs.cpSync(session.workspace, other, { recursive: true });
      await page.goto(`${session.url}/?folder=${encodeURI(other)}`, { waitUntil: 'domcontentloaded' });
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      const offer = toasts(page, `unpushed changes to pipeline "${PIPELINE}" (${PIPELINE_ID}) were kept`);
      await offer.waitFor({ state: 'visible', timeout: 60_000 });
      await session.screenshot('push-gate-9-draft-offered-in-next-session');
      await offer.getByRole('button', { name: 'Open', exact: true }).click();
      await tab().waitFor({ state: 'visible', timeout: 30_000 });
      await line('Default Project (kept)').waitFor();
      assert.equal(writes(sim).length - before, 0, 'nothing was sent');
      assert.doesNotMatch(storedYaml(sim), /\(kept\)/);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});
