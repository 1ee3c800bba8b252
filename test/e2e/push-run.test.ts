// A user's path through the resource commands in a real VS Code (code-server) against the
// simulator: expand account → org → project → Pipelines, open a pipeline's YAML from the tree
// (a `harness:` document), edit and save it (which pushes it); run the pipeline from the tree and
// watch the status bar until it succeeds; create a project and a connector from the palette. What
// reached Harness is read back from the simulator's API. Each test has its own session.
// Saves test-results/screenshots/push-*.png, run-*.png and create-*.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './framework/session';
import {
  expand,
  inlineAction,
  readFromHarness,
  selectRow,
  showAccount,
  showPipeline,
  treeRow,
} from './framework/tree';

const PIPELINE = 'Default Project Deploy';
const PIPELINE_ID = 'default_project_deploy';

/** Waits for the quick input showing `title` (a step of a multi-step flow) and answers it. */
async function answer(page: Page, title: string | RegExp, value: string | undefined): Promise<void> {
  const widget = page.locator('.quick-input-widget', { hasText: title });
  await widget.waitFor({ state: 'visible', timeout: 30_000 });
  if (value !== undefined) await widget.locator('input').first().fill(value);
  await page.keyboard.press('Enter');
}

async function shot(session: Session, name: string): Promise<void> {
  const file = await session.screenshot(name);
  assert.ok(fs.statSync(file).size > 10_000, `${file} looks empty`);
}

/** Polls the simulator's pipeline API until the stored YAML matches `pattern` (bounded). */
async function waitForRemoteYaml(session: Session, pattern: RegExp): Promise<void> {
  await readFromHarness<{ yamlPipeline?: string }>(
    session,
    `/pipeline/api/pipelines/${PIPELINE_ID}`,
    { orgIdentifier: 'default', projectIdentifier: 'default_project' },
    (data) => pattern.test(data?.yamlPipeline ?? ''),
    `pipeline ${PIPELINE_ID} stored with YAML matching ${pattern}`,
  );
}

// Each test starts its own session (simulator, code-server, browser) and gets to the state it
// needs itself, so any one of them passes alone (mocha --grep).
describe('e2e: open, edit, push and run a pipeline', function () {
  this.timeout(240_000);
  let session: Session;

  beforeEach(async () => {
    session = await startSession();
  });

  afterEach(async function () {
    await session?.captureFailure(this);
    await session?.close();
  });

  it('opens a pipeline from the tree, edits it and saving pushes it to Harness', async () => {
    const { page } = session;
    // The environment-variable session makes the account the root of the tree.
    await showPipeline(session, PIPELINE);
    await shot(session, 'push-1-tree');

    await inlineAction(page, PIPELINE, 'Open Pipeline YAML');
    const tab = page.locator('.tabs-container .tab', { hasText: 'default_project_deploy.yaml' });
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: 'pipeline:' }).first().waitFor({ timeout: 30_000 });
    await shot(session, 'push-2-opened');

    // A careless edit (unindented key) breaks the YAML: saving is refused while there are errors.
    await editor.locator('.view-line').first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    // Harness YAML indents after `pipeline:`; the careless edit removes that indentation.
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('description: Edited in VS Code');
    await page.keyboard.press('Escape'); // close any completion list
    await page.keyboard.press('Control+S');
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'Push it anyway?' });
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    await shot(session, 'push-3-refused-errors');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });

    // Fix the indentation; once the errors are gone, saving pushes the pipeline.
    await editor.locator('.view-line', { hasText: 'description: Edited in VS Code' }).first().click();
    await page.keyboard.press('Home');
    await page.keyboard.type('  ');
    await page.keyboard.press('Escape'); // close the completion list the edit opened
    await editor.locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 30_000 });
    await page.keyboard.press('Control+S');
    // The edit reached Harness: read it back from the simulator's API, as any client would.
    await waitForRemoteYaml(session, /description: Edited in VS Code/);
    // The success message names the pipeline and project (a toast, or in the notification
    // centre when the workbench already folded the toast away).
    const saved = page.locator('.notifications-toasts .notification-toast', {
      hasText: /Pipeline ".*" \(default_project_deploy\) updated in default\/default_project/,
    });
    if (!(await saved.isVisible())) {
      await session.runCommand('Notifications: Show Notifications');
      await page
        .locator('.notifications-center .notification-list-item', {
          hasText: /Pipeline ".*" \(default_project_deploy\) updated in default\/default_project/,
        })
        .first()
        .waitFor({ state: 'visible', timeout: 15_000 });
      await shot(session, 'push-4-saved');
      // Toasts are not shown while the centre is open: close it for the next steps.
      await session.runCommand('Notifications: Hide Notifications');
      await page.locator('.notifications-center.visible').waitFor({ state: 'detached', timeout: 10_000 });
    } else {
      await shot(session, 'push-4-saved');
    }
    // The tab is no longer dirty: the text reached Harness.
    await page
      .locator('.tabs-container .tab.dirty', { hasText: 'default_project_deploy.yaml' })
      .waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('runs the pipeline from the tree and watches it until it succeeds', async () => {
    const { page } = session;
    await showPipeline(session, PIPELINE);
    await inlineAction(page, PIPELINE, 'Run Pipeline');
    const status = page.locator('.part.statusbar .statusbar-item', { hasText: 'default_project_deploy:' });
    await status.waitFor({ state: 'visible', timeout: 30_000 });
    await shot(session, 'run-1-running');
    await page
      .locator('.part.statusbar .statusbar-item', { hasText: 'default_project_deploy: Success' })
      .waitFor({ state: 'visible', timeout: 120_000 });
    await page
      .locator('.notifications-toasts .notification-toast', { hasText: 'finished: Success' })
      .waitFor({ state: 'visible', timeout: 30_000 });
    await shot(session, 'run-2-success');
  });

  it('creates a project from the command palette, identifier derived from the name', async () => {
    const { page } = session;
    // The organization selected in the tree is where the project goes.
    await showAccount(session);
    await selectRow(page, 'Engineering', 'engineering');
    await session.runCommand('Harness: Create Project');
    await answer(page, 'New project in engineering (1/5): name', 'Mobile Checkout');
    const identifier = page.locator('.quick-input-widget', { hasText: '(2/5): identifier' });
    await identifier.waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await identifier.locator('input').first().inputValue(), 'Mobile_Checkout');
    await shot(session, 'create-project-1-identifier');
    await page.keyboard.press('Enter');
    await answer(page, '(3/5): colour', undefined);
    await answer(page, '(4/5): modules', undefined);
    await answer(page, /\(5\/5\): description/, 'Checkout for the mobile apps');
    await answer(page, /\(5\/5\): tags/, 'team:mobile');
    await page
      .locator('.notifications-toasts .notification-toast', {
        hasText: 'created project "Mobile Checkout" in engineering',
      })
      .waitFor({ state: 'visible', timeout: 30_000 });
    await expand(page, 'Engineering');
    await treeRow(page, 'Mobile Checkout').waitFor({ state: 'visible', timeout: 30_000 });
    await shot(session, 'create-project-2-created');
    // The project exists in Harness, as the user described it.
    const { project } = await readFromHarness<{ project?: Record<string, unknown> }>(
      session,
      '/ng/api/projects/Mobile_Checkout',
      { orgIdentifier: 'engineering' },
      (data) => data?.project?.identifier === 'Mobile_Checkout',
      'project Mobile_Checkout in engineering',
    );
    assert.deepEqual(
      [project?.name, project?.orgIdentifier, project?.description, project?.tags],
      ['Mobile Checkout', 'engineering', 'Checkout for the mobile apps', { team: 'mobile' }],
    );
  });

  it('creates a Docker Registry connector with the guided flow at the selected organization', async () => {
    const { page } = session;
    await showAccount(session);
    await selectRow(page, 'Engineering', 'engineering');
    await session.runCommand('Harness: Create Connector');
    const type = page.locator('.quick-input-widget [role=option]', { hasText: 'Docker Registry' }).first();
    await type.waitFor({ state: 'visible', timeout: 30_000 });
    await type.click();
    const title = 'New Docker Registry connector in organization engineering';
    await answer(page, title, 'Team Registry');
    await answer(page, 'Identifier', undefined); // derived from the name
    await answer(page, `${title}: provider`, undefined); // DockerHub
    await answer(page, 'Registry URL', undefined); // prefilled
    const auth = page.locator('.quick-input-widget', { hasText: `${title}: authentication` });
    await auth.waitFor({ state: 'visible', timeout: 15_000 });
    await shot(session, 'create-connector-1-guided');
    await page.keyboard.press('Enter'); // Anonymous
    await page
      .locator('.notifications-toasts .notification-toast', {
        hasText: 'created connector "Team Registry" in organization engineering',
      })
      .waitFor({ state: 'visible', timeout: 30_000 });
    await shot(session, 'create-connector-2-created');
    // Not only the notification: the connector exists in Harness, at the organization, as built.
    const { connector } = await readFromHarness<{ connector?: Record<string, unknown> }>(
      session,
      '/ng/api/connectors/Team_Registry',
      { orgIdentifier: 'engineering' },
      (data) => data?.connector?.identifier === 'Team_Registry',
      'connector Team_Registry in organization engineering',
    );
    assert.deepEqual(
      [connector?.name, connector?.type, connector?.orgIdentifier, connector?.projectIdentifier],
      ['Team Registry', 'DockerRegistry', 'engineering', undefined],
    );
    assert.deepEqual(connector?.spec, {
      dockerRegistryUrl: 'https://index.docker.io/v2/',
      providerType: 'DockerHub',
      auth: { type: 'Anonymous' },
    });
  });
});
