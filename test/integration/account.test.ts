// Sign-in, accounts and the AuthenticationProvider in the real extension host, against the
// simulator: verified sign-in (ok, 401, 403, unreachable, bad URL), several accounts and
// switching, sign-out. (A 401 from a later call is in tree.test.ts.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  harnessExports,
  signIn,
  signOutAll,
  startSim,
  type HarnessExports,
  type SimLike,
} from './accountSupport';
import { waitFor } from './helpers/waitFor';

describe('account: sign-in and accounts', () => {
  let sim: SimLike;
  let api: HarnessExports;

  before(async () => {
    api = await harnessExports();
    sim = await startSim();
    await signOutAll(api);
  });

  after(async () => {
    await signOutAll(api);
    await sim?.close();
  });

  it('signs in with a valid PAT after verifying it, and exposes a `harness` session', async () => {
    sim.requests.length = 0;
    // VS Code hears about the new session from the `harness` AuthenticationProvider (Accounts menu).
    const providerEvent = new Promise<string>((resolve) => {
      const sub = vscode.authentication.onDidChangeSessions((e) => {
        if (e.provider.id !== 'harness') return;
        sub.dispose();
        resolve(e.provider.id);
      });
    });
    const result = await signIn({ baseUrl: sim.url, token: sim.tokens.admin });
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.ok(result.ok);
    assert.equal(result.accountId, sim.accountId);
    assert.ok(
      sim.requests.some((r) => r.path === '/ng/api/user/currentUser'),
      'the token should be verified against the API',
    );
    const current = api.currentAccount();
    assert.equal(current?.sessionId, result.sessionId);
    assert.equal(current?.baseUrl, sim.url);
    assert.equal(current?.fromEnvironment, false);
    assert.match(current?.label ?? '', /127\.0\.0\.1/);
    const timeout = new Promise<string>((_resolve, reject) => {
      setTimeout(
        () => reject(new Error('no onDidChangeSessions from the harness provider within 5 s')),
        5_000,
      );
    });
    assert.equal(await Promise.race([providerEvent, timeout]), 'harness');
  });

  it('verifies a service account token (SAT) too', async () => {
    const result = await signIn({ baseUrl: sim.url, token: sim.tokens.sat });
    assert.ok(result.ok, JSON.stringify(result));
    assert.ok(sim.requests.some((r) => r.path === '/ng/api/token/validate'));
    assert.equal(api.storedSessionIds().length, 2);
  });

  it('switches between stored accounts without asking for a token again', async () => {
    const ids = api.storedSessionIds();
    assert.equal(ids.length, 2);
    const [first, second] = ids as [string, string];
    assert.equal(api.currentAccount()?.sessionId, second);
    assert.equal(await vscode.commands.executeCommand('harness.switchAccount', { sessionId: first }), true);
    assert.equal(api.currentAccount()?.sessionId, first);
    assert.equal(await vscode.commands.executeCommand('harness.switchAccount', first), true);
    assert.equal(await vscode.commands.executeCommand('harness.switchAccount', { sessionId: 'nope' }), false);
    assert.equal(api.currentAccount()?.sessionId, first);
  });

  it('rejects a wrong token with a 401 message and stores nothing', async () => {
    const before = api.storedSessionIds();
    const result = await signIn({ baseUrl: sim.url, token: `pat.${sim.accountId}.deadbeef.NOTAREALSECRET` });
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.reason, 'unauthorized');
    assert.match(result.message, /rejected the API token \(401\)/);
    assert.ok(!result.message.includes('NOTAREALSECRET'), 'the token must not appear in messages');
    assert.deepEqual(api.storedSessionIds(), before);
  });

  it('tells a 403 (valid token, no access to that account) apart from a 401', async () => {
    const admin = sim.state.principals[0];
    assert.ok(admin);
    const otherToken = 'pat.other_account.feedface.SIMFAKEother';
    sim.state.principals.push({ ...admin, token: otherToken });
    const result = await signIn({ baseUrl: sim.url, token: otherToken });
    assert.ok(!result.ok);
    assert.equal(result.reason, 'forbidden');
    assert.match(result.message, /no access to account other_account \(403\)/);
  });

  it('says when the API is unreachable, and refuses malformed or unencrypted URLs before sending anything', async () => {
    const closed = await signIn({ baseUrl: 'http://127.0.0.1:9', token: sim.tokens.admin });
    assert.ok(!closed.ok);
    assert.equal(closed.reason, 'unreachable');
    assert.match(closed.message, /Cannot reach Harness at http:\/\/127\.0\.0\.1:9/);
    sim.requests.length = 0;
    const plain = await signIn({ baseUrl: 'http://harness.example.com', token: sim.tokens.admin });
    assert.ok(!plain.ok);
    assert.equal(plain.reason, 'invalidInput');
    assert.match(plain.message, /http/);
    const junk = await signIn({ baseUrl: 'https://exa mple', token: sim.tokens.admin });
    assert.ok(!junk.ok);
    assert.equal(junk.reason, 'invalidInput');
    assert.equal(sim.requests.length, 0);
  });

  it('says when the URL does not answer like Harness', async () => {
    // A wrong path prefix: the server answers, but not with the Harness API.
    const result = await signIn({ baseUrl: `${sim.url}/not-harness`, token: sim.tokens.admin });
    assert.ok(!result.ok);
    assert.equal(result.reason, 'notHarness');
    assert.match(result.message, /did not answer like the Harness API/);
  });

  it('signs out of one account and falls back to another', async () => {
    const ids = api.storedSessionIds();
    const active = api.currentAccount()?.sessionId;
    assert.ok(active);
    assert.equal(await vscode.commands.executeCommand('harness.signOut'), true);
    assert.deepEqual(
      api.storedSessionIds(),
      ids.filter((i) => i !== active),
    );
    await waitFor(() => api.currentAccount() && api.currentAccount()?.sessionId !== active, {
      message: 'another stored account becomes active',
    });
    await signOutAll(api);
    assert.equal(api.currentAccount(), undefined);
    assert.deepEqual(api.storedSessionIds(), []);
  });
});
