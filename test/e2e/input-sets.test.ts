// A user's path to a pipeline's input sets in a real VS Code (code-server) against the simulator
// (two seeded input sets and an overlay for the cleanup pipeline): expand the pipeline → Input
// Sets, check the rows (overlay icon), then click one and read its YAML in a read-only editor.
// Saves test-results/screenshots/input-sets-*.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { startSession, type Session } from './framework/session';
import { expand, showPipeline, treeRow } from './framework/tree';

const PIPELINE = 'Default Project Cleanup';

async function shot(session: Session, name: string): Promise<void> {
  const file = await session.screenshot(name);
  assert.ok(fs.statSync(file).size > 10_000, `${file} looks empty`);
}

describe('e2e: input sets in the Harness view', function () {
  this.timeout(240_000);
  let session: Session;

  beforeEach(async () => {
    session = await startSession();
  });

  afterEach(async function () {
    await session?.captureFailure(this);
    await session?.close();
  });

  it('lists a pipeline’s input sets and overlays, and opens one read-only', async () => {
    const { page } = session;
    await showPipeline(session, PIPELINE);
    await expand(page, PIPELINE);
    await expand(page, /^Input Sets/);
    const rows = page.locator('.part.sidebar .monaco-list-row[aria-level="7"]');
    const overlay = rows.filter({ hasText: 'Nightly, verbose' });
    await overlay.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(
      (await overlay.innerText()).replace(/\s+/g, ' '),
      /Nightly, verbose ?nightly_verbose · overlay/,
    );
    assert.equal(await overlay.locator('.codicon-layers').count(), 1, 'an overlay shows the layers icon');
    const verbose = rows.filter({ hasText: 'Verbose logs' });
    assert.equal(
      await verbose.locator('.codicon-symbol-field').count(),
      1,
      'an input set shows its own icon',
    );
    await shot(session, 'input-sets-1-expanded');

    await treeRow(page, /^Nightly ?nightly$/).click();
    const tab = page.locator('.tabs-container .tab', { hasText: 'nightly.yaml' });
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
    const editor = page.locator('.editor-instance .view-lines').first();
    await editor.getByText('Nightly cleanup').waitFor({ state: 'visible', timeout: 30_000 });
    assert.match((await editor.innerText()).replace(/\u00a0/g, ' '), /inputSet:/);
    await shot(session, 'input-sets-2-opened');
  });
});
