// The first browser check: a user opens the Harness activity bar item in a real VS Code (code-server)
// and sees the Harness container with its Resources view. Saves test-results/screenshots/harness-sidebar.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { startSession, type Session } from './framework/session';
import { activityBarItem, waitForSidebarIdle, waitForSidebarView } from './framework/workbench';

describe('e2e: Harness sidebar', function () {
  this.timeout(180_000);
  let session: Session;

  before(async () => {
    session = await startSession();
  });

  afterEach(async function () {
    await session?.captureFailure(this);
  });

  after(async () => {
    await session?.close();
  });

  it('shows the Harness container with its Resources view when the activity bar item is clicked', async () => {
    const { page } = session;
    await activityBarItem(page, 'Harness').waitFor({ state: 'visible', timeout: 30_000 });
    await session.openViewContainer('Harness');
    const title = await waitForSidebarView(page, 'Harness', 'Resources');
    assert.match(title, /^harness\b/i, `sidebar title was "${title}"`);
    await waitForSidebarIdle(page);
    const file = await session.screenshot('harness-sidebar');
    assert.ok(fs.statSync(file).size > 10_000, `${file} looks empty`);
  });
});
