// Sign-in and the Harness view in the browser: the API client is the browser's fetch (the
// simulator runs with CORS on, and sees each request's Origin, which only a browser sends), and
// the tree lists the account's organizations.
import * as vscode from 'vscode';
import type { SignInResult } from '../../src/account/manager';
import type { HarnessNode } from '../../src/tree/nodes';
import {
  config,
  equal,
  harnessExports,
  ok,
  screenshot,
  simRequests,
  sleep,
  type WebTestConfig,
} from './support';

describe('sign-in and the Harness view through fetch', () => {
  let cfg: WebTestConfig;
  before(async () => {
    cfg = await config();
  });

  after(async () => {
    await vscode.commands.executeCommand('harness.signOut');
  });

  it('signs in against the simulator with the browser fetch (a CORS request)', async () => {
    const result = await vscode.commands.executeCommand<SignInResult>('harness.signIn', {
      baseUrl: cfg.simUrl,
      token: cfg.token,
    });
    ok(result?.ok, `sign-in: ${JSON.stringify(result)}`);
    const api = await harnessExports();
    equal(api.currentAccount()?.accountId, cfg.accountId, 'the active account');
    const requests = await simRequests();
    const verify = requests.find((r) => r.path === '/ng/api/user/currentUser');
    ok(verify, `the token was verified: ${JSON.stringify(requests)}`);
    ok(verify.origin, 'the request carried an Origin header: it came from a browser page, not undici');
  });

  it('lists the organizations in the Harness view', async () => {
    const api = await harnessExports();
    const top = await Promise.resolve(api.tree.getChildren());
    equal(top.length, 1, 'one account node');
    const account = top[0] as HarnessNode;
    equal(account.kind, 'account', 'the root');
    const kids = (await Promise.resolve(api.tree.getChildren(account))) as HarnessNode[];
    const orgs = kids.flatMap((n) => (n.kind === 'org' ? [n.org.identifier] : []));
    for (const id of ['default', 'engineering', 'data_platform', 'mobile'])
      ok(orgs.includes(id), `org ${id} in ${orgs.join(', ')}`);
    ok(
      api.logLines().some((l) => /GET \/ng\/api\/organizations 200/.test(l)),
      'the client logged the organizations request',
    );
    await vscode.commands.executeCommand('workbench.view.extension.harness');
    await sleep(2000);
    await screenshot('tree');
  });
});
