import * as assert from 'node:assert/strict';
import { HarnessApiError } from '../../../../src/api/errors';
import type { HarnessApi, Page, PipelineSummary } from '../../../../src/api/types';
import { ChildrenCache } from '../../../../src/tree/children';
import { fetchChildren } from '../../../../src/tree/fetch';
import {
  nodeIds,
  type AccountNode,
  type HarnessNode,
  type PipelinesFolderNode,
} from '../../../../src/tree/nodes';

const scope = { orgIdentifier: 'o', projectIdentifier: 'p' };

/** A fake API with `total` pipelines; records every request and can be told to fail. */
function fakeApi(total: number) {
  const calls: { pageIndex?: number; pageSize?: number; searchTerm?: string }[] = [];
  let failNext: HarnessApiError | undefined;
  let release: (() => void) | undefined;
  let gate: Promise<void> | undefined;
  const api = {
    baseUrl: 'https://h',
    accountId: 'acc',
    async listPipelines(
      _s: unknown,
      page: { pageIndex?: number; pageSize?: number; searchTerm?: string } = {},
    ) {
      calls.push(page);
      if (gate) await gate;
      if (failNext) {
        const e = failNext;
        failNext = undefined;
        throw e;
      }
      const size = page.pageSize ?? 10;
      const all = Array.from(
        { length: total },
        (_, i) => ({ identifier: `p${i}`, name: `P ${i}` }) as PipelineSummary,
      ).filter((p) => !page.searchTerm || p.identifier.includes(page.searchTerm));
      const start = (page.pageIndex ?? 0) * size;
      const items = all.slice(start, start + size);
      return {
        items,
        pageIndex: page.pageIndex ?? 0,
        pageSize: size,
        totalItems: all.length,
        totalPages: Math.ceil(all.length / size),
        hasMore: start + size < all.length,
      } satisfies Page<PipelineSummary>;
    },
    async listOrganizations() {
      calls.push({});
      return { items: [], pageIndex: 0, pageSize: 10, totalItems: 0, totalPages: 0, hasMore: false };
    },
  };
  return {
    api: api as unknown as HarnessApi,
    calls,
    failWith: (e: HarnessApiError) => (failNext = e),
    hold: () => (gate = new Promise<void>((r) => (release = r))),
    releaseHold: () => {
      gate = undefined;
      release?.();
    },
  };
}

const folder: PipelinesFolderNode = { kind: 'pipelines', id: nodeIds.pipelines(scope), scope };
const ids = (nodes: HarnessNode[]) => nodes.map((n) => n.id.split(':').pop());

function cache(searchTerm?: string) {
  return new ChildrenCache(fetchChildren, { pageSize: () => 10, searchTerm: () => searchTerm });
}

describe('tree ChildrenCache', () => {
  it('loads one page per request and ends with a Load more node while more exist', async () => {
    const f = fakeApi(25);
    const c = cache();
    const first = await c.children(f.api, folder);
    assert.equal(first.length, 11);
    assert.equal(first[10]?.kind, 'loadMore');
    assert.deepEqual(f.calls, [{ pageIndex: 0, pageSize: 10 }]);
    assert.deepEqual(c.progress(folder), { shown: 10, total: 25 });
  });

  it('serves expand/collapse from the cache until invalidated', async () => {
    const f = fakeApi(5);
    const c = cache();
    await c.children(f.api, folder);
    await c.children(f.api, folder);
    assert.equal(f.calls.length, 1);
    c.invalidate(folder);
    await c.children(f.api, folder);
    assert.equal(f.calls.length, 2);
  });

  it('appends pages with Load more until the end, then drops the Load more node', async () => {
    const f = fakeApi(25);
    const c = cache();
    let nodes = await c.children(f.api, folder);
    for (let i = 0; i < 5 && nodes.at(-1)?.kind === 'loadMore'; i++) {
      const more = nodes.at(-1);
      assert.ok(more && more.kind === 'loadMore');
      await c.loadMore(f.api, more);
      nodes = await c.children(f.api, folder);
    }
    assert.equal(nodes.length, 25);
    assert.equal(new Set(ids(nodes)).size, 25);
    assert.deepEqual(
      f.calls.map((x) => x.pageIndex),
      [0, 1, 2],
    );
  });

  it('joins a second Load more while the first is in flight (no double load)', async () => {
    const f = fakeApi(25);
    const c = cache();
    const nodes = await c.children(f.api, folder);
    const more = nodes.at(-1);
    assert.ok(more && more.kind === 'loadMore');
    f.hold();
    const a = c.loadMore(f.api, more);
    const b = c.loadMore(f.api, more);
    f.releaseHold();
    const results = await Promise.all([a, b]);
    assert.deepEqual(results.sort(), [false, true]);
    assert.deepEqual(
      f.calls.map((x) => x.pageIndex),
      [0, 1],
    );
    assert.equal((await c.children(f.api, folder)).length, 21);
  });

  it('shows an error node (not an empty list) and retries the same page', async () => {
    const f = fakeApi(3);
    const errors: unknown[] = [];
    const c = new ChildrenCache(fetchChildren, {
      pageSize: () => 10,
      searchTerm: () => undefined,
      onError: (e) => errors.push(e),
    });
    f.failWith(
      new HarnessApiError({
        kind: 'forbidden',
        status: 403,
        message: 'Missing permission core_pipeline_view',
        correlationId: 'cid',
      }),
    );
    const nodes = await c.children(f.api, folder);
    assert.equal(nodes.length, 1);
    const err = nodes[0];
    assert.ok(err && err.kind === 'error');
    assert.equal(err.errorKind, 'forbidden');
    assert.match(err.message, /core_pipeline_view/);
    assert.match(err.detail ?? '', /HTTP 403 · correlation id cid/);
    assert.equal(errors.length, 1);
    assert.equal(await c.loadMore(f.api, err), true);
    assert.deepEqual(ids(await c.children(f.api, folder)), ['p0', 'p1', 'p2']);
  });

  it('keeps loaded items when a later page fails, with the error node after them', async () => {
    const f = fakeApi(15);
    const c = cache();
    const nodes = await c.children(f.api, folder);
    const more = nodes.at(-1);
    assert.ok(more && more.kind === 'loadMore');
    f.failWith(new HarnessApiError({ kind: 'server', status: 500, message: 'oops' }));
    await c.loadMore(f.api, more);
    const after = await c.children(f.api, folder);
    assert.equal(after.length, 11);
    assert.equal(after.at(-1)?.kind, 'error');
  });

  it('sends the search term to the server', async () => {
    const f = fakeApi(30);
    const c = cache('p2');
    const nodes = await c.children(f.api, folder);
    assert.equal(f.calls[0]?.searchTerm, 'p2');
    assert.deepEqual(ids(nodes.slice(0, 10)), [
      'p2',
      'p20',
      'p21',
      'p22',
      'p23',
      'p24',
      'p25',
      'p26',
      'p27',
      'p28',
    ]);
    assert.equal(nodes[10]?.kind, 'loadMore');
  });

  it('invalidates a subtree: descendants are dropped, siblings stay cached', async () => {
    const f = fakeApi(3);
    const c = cache();
    const account: AccountNode = {
      kind: 'account',
      id: 'account:acc',
      accountId: 'acc',
      label: 'A',
      baseUrl: 'https://h',
    };
    const underAccount: PipelinesFolderNode = { ...folder, id: 'pipelines:x', parent: account };
    const elsewhere: PipelinesFolderNode = { ...folder, id: 'pipelines:y' };
    await c.children(f.api, underAccount);
    await c.children(f.api, elsewhere);
    c.invalidate(account);
    assert.equal(c.isCached(underAccount), false);
    assert.equal(c.isCached(elsewhere), true);
    assert.equal(c.find('pipeline:o/p:p1')?.kind, 'pipeline');
  });

  it('knows when a loaded list is empty', async () => {
    const f = fakeApi(0);
    const c = cache();
    const account: AccountNode = {
      kind: 'account',
      id: 'account:acc',
      accountId: 'acc',
      label: 'A',
      baseUrl: 'https://h',
    };
    const nodes = await c.children(f.api, account);
    assert.equal(c.isEmpty(account), true);
    assert.deepEqual(
      nodes.map((n) => n.kind),
      ['connectors'],
    );
  });
});
