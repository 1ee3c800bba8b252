// The pipeline graph in a real VS Code (code-server) in Chromium: a user opens a pipeline with a
// deliberate mistake (a misspelt step type), runs "Harness: Open Pipeline Graph to the Side" and
// sees the graph beside the YAML (stages, a parallel block, a step group, a template stage and a
// matrix badge) with the mistake counted on its step; clicking that step, or Enter on a focused
// node, selects its YAML in the editor. The webview lives in nested iframes (VS Code's webview
// host, then the page).
// Saves test-results/screenshots/graph-1-beside-yaml.png, graph-2-marked-node.png, graph-3-revealed.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { startSession, type Session } from './framework/session';
import { screenshotDir } from './framework/workbench';

const FILE = 'graph-demo.yaml';
const PIPELINE = [
  'pipeline:',
  '  name: Graph Demo',
  '  identifier: graph_demo',
  '  stages:',
  '    - stage:',
  '        name: Build',
  '        identifier: build',
  '        type: Custom',
  '        spec:',
  '          execution:',
  '            steps:',
  '              - step:',
  '                  name: Compile',
  '                  identifier: compile',
  '                  type: ShellScrip',
  '                  timeout: 10m',
  '                  spec:',
  '                    shell: Bash',
  '                    onDelegate: true',
  '                    source:',
  '                      type: Inline',
  '                      spec:',
  '                        script: make',
  '              - parallel:',
  '                  - step:',
  '                      name: Wait a bit',
  '                      identifier: wait_a_bit',
  '                      type: Wait',
  '                      spec:',
  '                        duration: 1m',
  '                  - stepGroup:',
  '                      name: Checks',
  '                      identifier: checks',
  '                      steps:',
  '                        - step:',
  '                            name: Scan',
  '                            identifier: scan',
  '                            type: Wait',
  '                            strategy:',
  '                              matrix:',
  '                                os: [linux, windows]',
  '                            spec:',
  '                              duration: 1m',
  '    - stage:',
  '        name: Release',
  '        identifier: release',
  '        template:',
  '          templateRef: account.release_stage',
  '          versionLabel: v1',
  '',
].join('\n');

/** The 1-based line of the first line of PIPELINE containing `text`. */
function lineOf(text: string): number {
  return PIPELINE.split('\n').findIndex((l) => l.includes(text)) + 1;
}

/** The status bar's cursor item once the selection ends on `line` (VS Code: "Ln 23, Col 37 (180 selected)"). */
function selectionEndingOn(page: Page, line: number) {
  return page.locator('.part.statusbar .statusbar-item', {
    hasText: new RegExp(`Ln ${line}, Col \\d+ \\(\\d+ selected\\)`),
  });
}

/** The graph page: VS Code's webview host iframe, then the page's own frame. */
function graphFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
}

async function elementShot(frame: FrameLocator, selector: string, name: string): Promise<void> {
  const file = path.join(screenshotDir, `${name}.png`);
  fs.mkdirSync(screenshotDir, { recursive: true });
  await frame.locator(selector).first().screenshot({ path: file });
  assert.ok(fs.statSync(file).size > 1_000, `${file} looks empty`);
}

async function shot(session: Session, name: string): Promise<void> {
  const file = await session.screenshot(name);
  assert.ok(fs.statSync(file).size > 10_000, `${file} looks empty`);
}

describe('e2e: pipeline graph beside the YAML', function () {
  this.timeout(240_000);
  let session: Session;

  before(async () => {
    // The graph needs no Harness account: no simulator.
    session = await startSession({ simulator: false });
    fs.writeFileSync(path.join(session.workspace, '.harness', FILE), PIPELINE);
  });

  afterEach(async function () {
    await session?.captureFailure(this);
  });

  after(async () => {
    await session?.close();
  });

  it('shows the graph beside a pipeline with a mistake marked on its step, and a click selects the YAML', async () => {
    const { page } = session;
    // Open the file as a user does: Quick Open.
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 30_000 });
    await input.fill(FILE);
    await page
      .locator('.quick-input-widget [role=option]', { hasText: FILE })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: 'name: Graph Demo' }).first().waitFor({ timeout: 30_000 });
    // The language server has looked at it: the misspelt type is underlined.
    await editor.locator('.squiggly-error').first().waitFor({ state: 'attached', timeout: 60_000 });

    await session.runCommand('Harness: Open Pipeline Graph to the Side');
    const frame = graphFrame(page);
    const compile = frame.locator('[data-node][aria-label^="Step Compile"]');
    await compile.waitFor({ state: 'visible', timeout: 60_000 });
    await frame.locator('.badge.strategy', { hasText: 'matrix' }).waitFor({ state: 'visible' });
    await frame.locator('[aria-label^="In parallel: 2 steps"]').waitFor({ state: 'visible' });
    await frame
      .locator('[data-node][aria-label^="Stage Release, type Template"]')
      .waitFor({ state: 'visible' });
    // The graph is beside the editor: both are on screen.
    await page.locator('.tabs-container .tab', { hasText: `Graph: ${FILE}` }).waitFor({ state: 'visible' });
    assert.ok(await editor.isVisible());

    // The mistake is counted on the step it is in, its message in the label.
    const marked = frame.locator('.node.has-error');
    await marked.first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await marked.count(), 1);
    assert.match(
      (await marked.getAttribute('aria-label')) ?? '',
      /^Step Compile, type ShellScrip, 1 error: /,
    );
    assert.equal(await marked.locator('.badge.problems.error').innerText(), '1');
    await shot(session, 'graph-1-beside-yaml');
    await elementShot(frame, '.node.has-error', 'graph-2-marked-node');

    // A click on the node selects its YAML in the editor: the selection ends on the step's last
    // line (the status bar shows where the cursor is and counts the selection).
    await marked.click();
    await selectionEndingOn(page, lineOf('script: make')).waitFor({ state: 'visible', timeout: 15_000 });
    await shot(session, 'graph-3-revealed');

    // Keyboard: the nodes are focusable, Enter reveals the focused one.
    const stage = frame.locator('[data-node][aria-label^="Stage Release"]');
    await stage.focus();
    await stage.press('Enter');
    await selectionEndingOn(page, lineOf('versionLabel: v1')).waitFor({ state: 'visible', timeout: 15_000 });
  });
});
