// The run loop in one sitting, as issue 11 asks, in a real VS Code (code-server) against the
// simulator: push a local pipeline whose second step fails, open its graph beside the YAML, run it
// from the tree and watch the graph mark the failed step, open that step's log from the graph, fix
// the YAML and push again, re-run from the failed stage from the tree, and see the graph turn green.
// Saves test-results/screenshots/loop-*.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { startSession, type Session } from './framework/session';
import { expand, inlineAction, readFromHarness, showPipeline, treeRow } from './framework/tree';

const FILE = 'run-loop.yaml';
const ID = 'run_loop';
const NAME = 'Run Loop';

function pipeline(testScript: string): string {
  return [
    'pipeline:',
    `  name: ${NAME}`,
    `  identifier: ${ID}`,
    '  orgIdentifier: default',
    '  projectIdentifier: default_project',
    '  stages:',
    '    - stage:',
    '        name: Build',
    '        identifier: build',
    '        type: Custom',
    '        spec:',
    '          execution:',
    '            steps:',
    ...step('compile', 'Compile', 'echo compiling'),
    ...step('test', 'Test', testScript),
    '',
  ].join('\n');
}

function step(identifier: string, name: string, script: string): string[] {
  return [
    '              - step:',
    `                  name: ${name}`,
    `                  identifier: ${identifier}`,
    '                  type: ShellScript',
    '                  timeout: 10m',
    '                  spec:',
    '                    shell: Bash',
    '                    onDelegate: true',
    '                    source:',
    '                      type: Inline',
    '                      spec:',
    `                        script: ${script}`,
  ];
}

/** The graph page: VS Code's webview host iframe, then the page's own frame. */
function graphFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
}

async function shot(session: Session, name: string): Promise<void> {
  const file = await session.screenshot(name);
  assert.ok(fs.statSync(file).size > 10_000, `${file} looks empty`);
}

describe('e2e: the run loop (push, run, graph, log, fix, re-run from the failed stage)', function () {
  this.timeout(420_000);
  let session: Session;

  before(async () => {
    session = await startSession();
    fs.writeFileSync(path.join(session.workspace, '.harness', FILE), pipeline('echo testing && exit 1'));
  });

  afterEach(async function () {
    await session?.captureFailure(this);
  });

  after(async () => {
    await session?.close();
  });

  it('goes from a failing run to a green one without leaving the editor', async () => {
    const { page } = session;
    const editor = page.locator('.editor-instance .monaco-editor').first();
    const status = (text: string) => page.locator('.part.statusbar .statusbar-item', { hasText: text });

    // Open the local file (Quick Open) and push it: a new pipeline in the project its YAML names.
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 30_000 });
    await input.fill(FILE);
    await page.locator('.quick-input-widget [role=option]', { hasText: FILE }).first().waitFor();
    await page.keyboard.press('Enter');
    await editor
      .locator('.view-line', { hasText: `name: ${NAME}` })
      .first()
      .waitFor({ timeout: 30_000 });
    await session.runCommand('Harness: Push Pipeline');
    // A new pipeline: Push asks where its YAML is kept; this one stays in Harness.
    const inline = page.locator('.quick-input-widget [role=option]', {
      hasText: 'Store in Harness (inline)',
    });
    await inline.waitFor({ state: 'visible', timeout: 30_000 });
    await shot(session, 'loop-0-inline-or-git');
    await inline.click();
    await readFromHarness<{ yamlPipeline?: string }>(
      session,
      `/pipeline/api/pipelines/${ID}`,
      { orgIdentifier: 'default', projectIdentifier: 'default_project' },
      (data) => /exit 1/.test(data?.yamlPipeline ?? ''),
      `pipeline ${ID} created`,
    );

    // The graph beside the YAML.
    await session.runCommand('Harness: Open Pipeline Graph to the Side');
    const frame = graphFrame(page);
    await frame
      .locator('[data-node][aria-label^="Step Test"]')
      .waitFor({ state: 'visible', timeout: 60_000 });
    await shot(session, 'loop-1-pushed-graph');

    // Run it from the tree; the run fails at Test, and the graph says so on that step.
    await showPipeline(session, NAME);
    await inlineAction(page, NAME, 'Run Pipeline');
    await status(`${ID}: Failed`).waitFor({ state: 'visible', timeout: 120_000 });
    const failedStep = frame.locator('[data-node].run-failed[aria-label^="Step Test"]');
    await failedStep.waitFor({ state: 'visible', timeout: 60_000 });
    assert.match((await failedStep.getAttribute('aria-label')) ?? '', /run status Failed/);
    await frame.locator('[data-node].run-success[aria-label^="Step Compile"]').waitFor({ state: 'visible' });
    await shot(session, 'loop-2-failed-run-on-graph');

    // Its log, from the graph: a read-only document with what the step printed.
    await frame.locator('button.open-log[aria-label="Open log of Test"]').click();
    const logTab = page.locator('.tabs-container .tab', { hasText: /Test #\d+\.log/ });
    await logTab.waitFor({ state: 'visible', timeout: 30_000 });
    const logEditor = page.locator('.editor-instance .monaco-editor', { hasText: 'testing' }).first();
    await logEditor.waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(!(await logEditor.innerText()).includes('\u001b['), 'no raw ANSI codes');
    await shot(session, 'loop-3-failed-step-log');

    // Fix the YAML and push again (the pipeline exists: Harness's copy is overwritten on request).
    await page.locator('.tabs-container .tab', { hasText: FILE }).first().click();
    await editor.locator('.view-line', { hasText: 'exit 1' }).first().click();
    await page.keyboard.press('End');
    for (let i = 0; i < ' && exit 1'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+S');
    await session.runCommand('Harness: Push Pipeline');
    const overwrite = page.locator('.monaco-dialog-box', { hasText: 'Overwrite pipeline' });
    await overwrite.waitFor({ state: 'visible', timeout: 30_000 });
    await overwrite.getByRole('button', { name: 'Overwrite' }).click();
    await readFromHarness<{ yamlPipeline?: string }>(
      session,
      `/pipeline/api/pipelines/${ID}`,
      { orgIdentifier: 'default', projectIdentifier: 'default_project' },
      (data) => !/exit 1/.test(data?.yamlPipeline ?? 'exit 1'),
      `pipeline ${ID} fixed`,
    );

    // Re-run from the failed stage, from the run's row in the tree.
    await expand(page, NAME);
    await expand(page, /^Executions/);
    const run = treeRow(page, /^#\d+/);
    await run.waitFor({ state: 'visible', timeout: 30_000 });
    await inlineAction(page, /^#\d+/, 'Re-run from Failed Stage');
    await status(`${ID}: Success`).waitFor({ state: 'visible', timeout: 120_000 });
    // The graph follows the new run: the step that failed is green now. Its tab is brought to the
    // front first: the step log opened above shares its group and may still cover it.
    await page.locator('.tabs-container .tab', { hasText: 'Graph: run-loop.yaml' }).first().click();
    await frame
      .locator('[data-node].run-success[aria-label^="Step Test"]')
      .waitFor({ state: 'visible', timeout: 60_000 });
    await shot(session, 'loop-4-rerun-success');
  });
});
