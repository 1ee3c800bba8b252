// A user's path to a run's stages and steps in a real VS Code (code-server) against the simulator:
// run a pipeline from the tree, then expand the pipeline → Executions → the run → its first stage,
// and check what the rows say (run number, trigger, status icons).
// Saves test-results/screenshots/executions-*.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { startSession, type Session } from './framework/session';
import { expand, inlineAction, showPipeline } from './framework/tree';

const PIPELINE = 'Default Project Deploy';

async function shot(session: Session, name: string): Promise<void> {
  const file = await session.screenshot(name);
  assert.ok(fs.statSync(file).size > 10_000, `${file} looks empty`);
}

describe('e2e: executions in the Harness view', function () {
  this.timeout(240_000);
  let session: Session;

  beforeEach(async () => {
    session = await startSession();
  });

  afterEach(async function () {
    await session?.captureFailure(this);
    await session?.close();
  });

  it('expands a pipeline into its runs, a run into its stages and a stage into its steps', async () => {
    const { page } = session;
    await showPipeline(session, PIPELINE);
    await inlineAction(page, PIPELINE, 'Run Pipeline');
    await page
      .locator('.part.statusbar .statusbar-item', { hasText: 'default_project_deploy: Success' })
      .waitFor({ state: 'visible', timeout: 120_000 });

    await expand(page, PIPELINE);
    await expand(page, /^Executions/);
    // Latest first: the run just made is the first row under Executions, started manually.
    const run = page.locator('.part.sidebar .monaco-list-row[aria-level="7"]').first();
    await run.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match((await run.innerText()).replace(/\s+/g, ' '), /^#\d+ ?Manual by .* UTC/);
    await run.click();
    const stage = page.locator('.part.sidebar .monaco-list-row[aria-level="8"]').first();
    await stage.waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok((await stage.locator('.codicon-pass').count()) > 0, 'a succeeded stage shows the pass icon');
    await stage.click();
    const stepRow = page.locator('.part.sidebar .monaco-list-row[aria-level="9"]').first();
    await stepRow.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await stepRow.innerText(), /Success/);
    await shot(session, 'executions-1-expanded');
  });
});
