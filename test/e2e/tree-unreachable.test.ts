// When the Harness API cannot be reached the view shows welcome content that says so, with Retry,
// instead of an empty tree or an error toast storm. Screenshot: tree-unreachable.png.
import { startSession, type Session } from './framework/session';

describe('e2e: API unreachable', function () {
  this.timeout(180_000);
  let session: Session;

  before(async () => {
    // A fake token for a port nothing listens on (loopback: no request leaves the machine).
    session = await startSession({
      simulator: false,
      env: {
        HARNESS_API_KEY: 'pat.acct_e2e.tok.SIMFAKEunreachable',
        HARNESS_BASE_URL: 'http://127.0.0.1:9',
      },
    });
  });

  after(async () => {
    await session?.close();
  });

  it('shows the "cannot reach" welcome view with Retry', async () => {
    const { page } = session;
    await session.openViewContainer('Harness');
    const welcome = page.locator('.part.sidebar .welcome-view-content', {
      hasText: 'Cannot reach the Harness API',
    });
    await welcome.first().waitFor({ state: 'visible', timeout: 60_000 });
    await welcome
      .first()
      .locator('a, .monaco-button', { hasText: 'Retry' })
      .first()
      .waitFor({ state: 'visible', timeout: 5_000 });
    await session.screenshot('tree-unreachable');
  });
});
