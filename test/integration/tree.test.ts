// The Harness tree in the real extension host against the simulator, walked through the
// registered TreeDataProvider: every level, paging with "Load more" (no double load), the cache,
// server-side filter, a 403 node for the limited token, error node + Retry after injected
// faults, a 401 that keeps the tree usable, and the API-unreachable state.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HarnessNode } from '../../src/tree/nodes';
import {
  harnessExports,
  signIn,
  signOutAll,
  startSim,
  type HarnessExports,
  type SimLike,
} from './accountSupport';
import { waitFor } from './helpers/waitFor';

const PIPELINES_LIST = '/pipeline/api/pipelines/list';

describe('tree: the Harness resources view', () => {
  let sim: SimLike;
  let api: HarnessExports;

  const children = (node?: HarnessNode) => Promise.resolve(api.tree.getChildren(node));
  const item = (node: HarnessNode) => api.tree.getTreeItem(node);
  const label = (node: HarnessNode) => {
    const l = item(node).label;
    return typeof l === 'string' ? l : (l?.label ?? '');
  };
  async function child(parent: HarnessNode | undefined, pick: (n: HarnessNode) => boolean, what: string) {
    const found = (await children(parent)).find(pick);
    assert.ok(found, `expected ${what} under ${parent ? parent.id : 'the root'}`);
    return found;
  }
  const root = () => child(undefined, (n) => n.kind === 'account', 'the account node');
  const org = async (id: string) =>
    child(await root(), (n) => n.kind === 'org' && n.org.identifier === id, `org ${id}`);
  const project = async (o: string, p: string) =>
    child(await org(o), (n) => n.kind === 'project' && n.project.identifier === p, `project ${o}/${p}`);
  const folder = async (o: string, p: string, kind: 'pipelines' | 'connectors') =>
    child(await project(o, p), (n) => n.kind === kind, `${kind} folder`);
  const pipelineRequests = () => sim.requests.filter((r) => r.path === PIPELINES_LIST).length;

  before(async () => {
    api = await harnessExports();
    sim = await startSim();
    await signOutAll(api);
  });

  after(async () => {
    sim?.faults.clear();
    await signOutAll(api);
    await sim?.close();
  });

  it('is empty (welcome view) while signed out', async () => {
    assert.deepEqual(await children(), []);
  });

  it('shows account → organizations (+ account connectors) after sign-in', async () => {
    const r = await signIn({ baseUrl: sim.url, token: sim.tokens.admin });
    assert.ok(r.ok, JSON.stringify(r));
    const top = await children();
    assert.equal(top.length, 1);
    const account = top[0];
    assert.ok(account && account.kind === 'account');
    assert.equal(item(account).contextValue, 'harness.account');
    assert.equal(item(account).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const kids = await children(account);
    assert.equal(kids[0]?.kind, 'connectors');
    assert.deepEqual(kids[0]?.kind === 'connectors' ? kids[0].scope : undefined, {});
    const orgIds = kids.flatMap((n) => (n.kind === 'org' ? [n.org.identifier] : []));
    assert.ok(orgIds.includes('default') && orgIds.includes('engineering'), orgIds.join(','));
    const eng = kids.find((n) => n.kind === 'org' && n.org.identifier === 'engineering');
    assert.ok(eng);
    assert.equal(item(eng).contextValue, 'harness.org');
    assert.equal((item(eng).iconPath as vscode.ThemeIcon).id, 'organization');
    assert.match((item(eng).tooltip as vscode.MarkdownString).value, /Identifier: engineering/);
  });

  it('shows org → projects (+ org connectors) and project → Pipelines, Connectors', async () => {
    const kids = await children(await org('default'));
    assert.equal(kids[0]?.kind, 'connectors');
    const projects = kids.flatMap((n) => (n.kind === 'project' ? [n.project.identifier] : []));
    assert.ok(projects.includes('platform') && projects.includes('vault'), projects.join(','));
    const p = await project('default', 'payments');
    assert.equal(item(p).contextValue, 'harness.project');
    const folders = await children(p);
    assert.deepEqual(
      folders.map((n) => [n.kind, item(n).contextValue]),
      [
        ['pipelines', 'harness.pipelines'],
        ['connectors', 'harness.connectors'],
      ],
    );
  });

  it('lists connectors with type icons and connectivity in the description/tooltip', async () => {
    const orgConnectors = await child(
      await org('engineering'),
      (n) => n.kind === 'connectors',
      'org connectors',
    );
    const list = await children(orgConnectors);
    const gh = list.find((n) => n.kind === 'connector' && n.connector.connector.type === 'Github');
    assert.ok(gh && gh.kind === 'connector');
    assert.deepEqual(gh.scope, { orgIdentifier: 'engineering' });
    const ti = item(gh);
    assert.equal(ti.contextValue, 'harness.connector');
    assert.equal((ti.iconPath as vscode.ThemeIcon).id, 'github');
    const status = gh.connector.status?.status ?? 'UNKNOWN';
    assert.match((ti.tooltip as vscode.MarkdownString).value, new RegExp(`Connectivity: ${status}`));
  });

  it('pages a project with 300+ pipelines: one request per page, Load more until the end', async () => {
    const pipelines = await folder('default', 'platform', 'pipelines');
    sim.requests.length = 0;
    let list = await children(pipelines);
    assert.equal(pipelineRequests(), 1);
    const pageSize = list.filter((n) => n.kind === 'pipeline').length;
    assert.ok(pageSize > 0 && pageSize <= 100, `page size ${pageSize}`);
    let more = list.at(-1);
    assert.ok(more && more.kind === 'loadMore', 'a Load more node ends a partial list');
    assert.equal(item(more).command?.command, 'harness.loadMore');
    assert.match(String(item(more).description), /of \d+ shown/);
    // Double click: two loads at once fetch one page.
    const before = pipelineRequests();
    await Promise.all([
      vscode.commands.executeCommand('harness.loadMore', more),
      vscode.commands.executeCommand('harness.loadMore', more),
    ]);
    assert.equal(pipelineRequests(), before + 1, 'a double "Load more" must not load twice');
    list = await children(pipelines);
    assert.equal(list.filter((n) => n.kind === 'pipeline').length, pageSize * 2);
    for (let i = 0; i < 20; i++) {
      more = list.at(-1);
      if (!more || more.kind !== 'loadMore') break;
      await vscode.commands.executeCommand('harness.loadMore', more);
      list = await children(pipelines);
    }
    const all = list.filter((n) => n.kind === 'pipeline');
    assert.ok(all.length >= 300, `expected 300+ pipelines, got ${all.length}`);
    assert.equal(new Set(all.map((n) => n.id)).size, all.length, 'no duplicates across pages');
    assert.notEqual(list.at(-1)?.kind, 'loadMore');
    const remote = all.find((n) => n.kind === 'pipeline' && n.pipeline.storeType === 'REMOTE');
    assert.ok(remote, 'the big project has remote pipelines');
    assert.equal(item(remote).contextValue, 'harness.pipeline.remote');
    assert.match(String(item(remote).description), /@/);
  });

  it('serves collapse/expand from the cache and refetches on refresh (per node and whole view)', async () => {
    const pipelines = await folder('default', 'payments', 'pipelines');
    await children(pipelines);
    sim.requests.length = 0;
    await children(pipelines);
    await children(await folder('default', 'payments', 'pipelines'));
    assert.equal(pipelineRequests(), 0, 'expanding again must not refetch');
    await vscode.commands.executeCommand('harness.refresh', pipelines);
    await children(pipelines);
    assert.equal(pipelineRequests(), 1);
    // A leaf refreshes its list; a node rebuilt by a command (same id) is resolved to the tree's own.
    const first = (await children(pipelines)).find((n) => n.kind === 'pipeline');
    assert.ok(first);
    await vscode.commands.executeCommand('harness.refresh', { ...first });
    await children(pipelines);
    assert.equal(pipelineRequests(), 2);
    sim.requests.length = 0;
    await vscode.commands.executeCommand('harness.refresh');
    await children(await folder('default', 'payments', 'pipelines'));
    assert.ok(
      sim.requests.some((r) => r.path === '/ng/api/organizations'),
      'whole refresh reloads from the top',
    );
    assert.equal(pipelineRequests(), 1);
  });

  it('filters a list with the server-side search term, and clears it', async () => {
    const pipelines = await folder('default', 'platform', 'pipelines');
    sim.requests.length = 0;
    await vscode.commands.executeCommand('harness.filter', pipelines, 'checkout');
    const list = await children(pipelines);
    const req = sim.requests.find((r) => r.path === PIPELINES_LIST);
    assert.equal(req?.query.searchTerm, 'checkout');
    const found = list.filter((n) => n.kind === 'pipeline');
    assert.ok(found.length > 0);
    for (const n of found)
      assert.ok(n.kind === 'pipeline' && /checkout/i.test(`${n.pipeline.identifier} ${n.pipeline.name}`));
    assert.match(String(item(pipelines).description), /filter: "checkout"/);
    // View-wide filter applies to every pipelines list.
    await vscode.commands.executeCommand('harness.clearFilter');
    await vscode.commands.executeCommand('harness.filter', 'payments');
    sim.requests.length = 0;
    await children(await folder('default', 'payments', 'pipelines'));
    assert.equal(sim.requests.find((r) => r.path === PIPELINES_LIST)?.query.searchTerm, 'payments');
    await vscode.commands.executeCommand('harness.clearFilter');
    sim.requests.length = 0;
    const unfiltered = await children(await folder('default', 'platform', 'pipelines'));
    assert.equal(sim.requests.find((r) => r.path === PIPELINES_LIST)?.query.searchTerm, undefined);
    assert.ok(unfiltered.at(-1)?.kind === 'loadMore');
  });

  it('shows an error node with Retry after a server failure, and Retry loads the list', async () => {
    const connectors = await folder('default', 'payments', 'connectors');
    await vscode.commands.executeCommand('harness.refresh', connectors);
    sim.faults.inject({ path: '/ng/api/connectors/listV2', kind: '500', times: 10 });
    const failed = await children(connectors);
    sim.faults.clear();
    const err = failed.at(-1);
    assert.ok(
      err && err.kind === 'error',
      `expected an error node, got ${failed.map((n) => n.kind).join(',')}`,
    );
    const ti = item(err);
    assert.equal(ti.contextValue, 'harness.error');
    assert.equal(ti.command?.command, 'harness.retry');
    assert.match((ti.tooltip as vscode.MarkdownString).value, /HTTP 500/);
    await vscode.commands.executeCommand('harness.retry', err);
    const ok = await children(connectors);
    assert.ok(ok.every((n) => n.kind === 'connector'));
    assert.ok(ok.length > 0);
  });

  it('keeps the tree usable after a 401: error node, re-authentication offered (logged), Retry works once fixed', async () => {
    const principal = sim.state.principals.find((p) => p.token === sim.tokens.admin);
    assert.ok(principal);
    const pipelines = await folder('default', 'payments', 'pipelines');
    await vscode.commands.executeCommand('harness.refresh', pipelines);
    principal.token = 'revoked';
    let list: HarnessNode[];
    try {
      list = await children(pipelines);
    } finally {
      principal.token = sim.tokens.admin;
    }
    const err = list.at(-1);
    assert.ok(err && err.kind === 'error');
    assert.equal(err.errorKind, 'unauthorized');
    await waitFor(
      () => api.logLines().some((l) => /load the Harness tree: the token was rejected \(401\)/.test(l)),
      {
        message: 'the 401 to be reported (with the "Sign In Again" offer)',
      },
    );
    assert.ok(api.currentAccount(), 'a 401 does not sign the user out');
    await vscode.commands.executeCommand('harness.retry', err);
    assert.ok((await children(pipelines)).some((n) => n.kind === 'pipeline'));
  });

  it('shows a 403 node for a project the limited token may no longer see', async () => {
    const r = await signIn({ baseUrl: sim.url, token: sim.tokens.limited });
    assert.ok(r.ok, JSON.stringify(r));
    // The project is listed while access is granted; access is then revoked while the tree is open.
    const limited = sim.state.principals.find((p) => p.token === sim.tokens.limited);
    assert.ok(limited && limited.deniedProjects.length > 0);
    const denied = [...limited.deniedProjects];
    limited.deniedProjects.length = 0;
    const vaultPipelines = await folder('default', 'vault', 'pipelines');
    limited.deniedProjects.push(...denied);
    const list = await children(vaultPipelines);
    const err = list.at(-1);
    assert.ok(err && err.kind === 'error', `got ${list.map((n) => n.kind).join(',')}`);
    assert.equal(err.errorKind, 'forbidden');
    assert.equal((item(err).iconPath as vscode.ThemeIcon).id, 'lock');
    assert.match(label(err), /./);
    // Other projects still load for the same token.
    assert.ok(
      (await children(await folder('default', 'payments', 'pipelines'))).some((n) => n.kind === 'pipeline'),
    );
  });

  it('switching account reloads the tree for the new account', async () => {
    const ids = api.storedSessionIds();
    const admin = ids.find((id) => id !== api.currentAccount()?.sessionId);
    assert.ok(admin);
    sim.requests.length = 0;
    await vscode.commands.executeCommand('harness.switchAccount', { sessionId: admin });
    const list = await children(await folder('default', 'vault', 'pipelines'));
    assert.ok(
      list.some((n) => n.kind === 'pipeline'),
      'the admin token sees the vault project',
    );
    assert.ok(sim.requests.some((r) => r.path === '/ng/api/organizations'));
  });

  it('shows nothing (the "unreachable" welcome view) when the API cannot be reached, and recovers', async () => {
    await vscode.commands.executeCommand('harness.refresh');
    sim.faults.inject({ path: '/ng/api/organizations', kind: 'reset', times: 20 });
    const none = await children();
    sim.faults.clear();
    assert.deepEqual(none, []);
    await vscode.commands.executeCommand('harness.refresh');
    const top = await children();
    assert.equal(top[0]?.kind, 'account');
  });
});
