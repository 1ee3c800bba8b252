// The tree's requests for input sets: the Input Sets folder pages the pipeline's input sets and
// overlays with Load more (ChildrenCache, like the other lists); a 403 becomes a lock node whose
// Retry loads the page again; other failures an error node.
import * as assert from 'node:assert/strict';
import { HarnessApiError } from '../../../../src/api/errors';
import type { HarnessApi, InputSetSummary, Page, PageRequest } from '../../../../src/api/types';
import { ChildrenCache } from '../../../../src/tree/children';
import { fetchChildren } from '../../../../src/tree/fetch';
import { nodeIds, type HarnessNode, type PipelineNode } from '../../../../src/tree/nodes';
import { present } from '../../../../src/tree/presentation';

const scope = { orgIdentifier: 'o', projectIdentifier: 'p' };

function fakeApi(total: number) {
  const calls: string[] = [];
  let failNext: HarnessApiError | undefined;
  const api = {
    async listInputSets(s: typeof scope, pipeline: string, page: PageRequest = {}) {
      calls.push(
        `list:${s.orgIdentifier}/${s.projectIdentifier}:${pipeline}:${page.pageIndex}:${page.pageSize}`,
      );
      if (failNext) {
        const err = failNext;
        failNext = undefined;
        throw err;
      }
      const size = page.pageSize ?? 10;
      const start = (page.pageIndex ?? 0) * size;
      const items: InputSetSummary[] = Array.from({ length: total }, (_, i) => ({
        identifier: `set${i}`,
        name: `Set ${i}`,
        inputSetType: i % 2 === 0 ? ('INPUT_SET' as const) : ('OVERLAY_INPUT_SET' as const),
      })).slice(start, start + size);
      return {
        items,
        pageIndex: page.pageIndex ?? 0,
        pageSize: size,
        totalItems: total,
        totalPages: Math.ceil(total / size),
        hasMore: start + size < total,
      } satisfies Page<InputSetSummary>;
    },
  };
  return { api: api as unknown as HarnessApi, calls, failWith: (e: HarnessApiError) => (failNext = e) };
}

const pipeline: PipelineNode = {
  kind: 'pipeline',
  id: nodeIds.pipeline(scope, 'deploy'),
  scope,
  pipeline: { identifier: 'deploy', name: 'Deploy' },
};

function cache(pageSize: number) {
  return new ChildrenCache((a, n, p) => fetchChildren(a, n, p), {
    pageSize: () => pageSize,
    searchTerm: () => undefined,
  });
}

const labels = (list: HarnessNode[]) =>
  list.map((n) => (n.kind === 'inputSet' ? `${n.inputSet.identifier}:${present(n).icon}` : n.kind));

describe('input sets: what the tree fetches', () => {
  it('pages input sets and overlays of the pipeline, with Load more until the end', async () => {
    const { api, calls } = fakeApi(3);
    const c = cache(2);
    const [, folder] = await c.children(api, pipeline);
    assert.ok(folder.kind === 'inputSets');
    assert.equal(folder.parent, pipeline);
    let kids = await c.children(api, folder);
    assert.deepEqual(labels(kids), ['set0:symbol-field', 'set1:layers', 'loadMore']);
    const more = kids.at(-1);
    assert.ok(more?.kind === 'loadMore');
    assert.deepEqual(present(more, c.progress(folder)).description, '2 of 3 shown');
    await c.loadMore(api, more);
    kids = await c.children(api, folder);
    assert.deepEqual(labels(kids), ['set0:symbol-field', 'set1:layers', 'set2:symbol-field']);
    const row = kids[0];
    assert.ok(row.kind === 'inputSet');
    assert.equal(row.parent, folder);
    assert.equal(row.parent?.parent, pipeline, 'Run with this Input Set finds the pipeline above the row');
    assert.deepEqual(calls, ['list:o/p:deploy:0:2', 'list:o/p:deploy:1:2']);
    await c.children(api, folder);
    assert.equal(calls.length, 2, 'expanding again is served from the cache');
  });

  it('shows a 403 as a lock node, and Retry loads the list', async () => {
    const { api, failWith } = fakeApi(1);
    const c = cache(10);
    const [, folder] = await c.children(api, pipeline);
    assert.ok(folder.kind === 'inputSets');
    failWith(
      new HarnessApiError({
        kind: 'forbidden',
        status: 403,
        message: 'Missing permission core_pipeline_view',
      }),
    );
    const [err] = await c.children(api, folder);
    assert.ok(err.kind === 'error');
    assert.equal(present(err).icon, 'lock');
    assert.equal(present(err).description, 'no permission');
    assert.equal(await c.loadMore(api, err), true);
    assert.deepEqual(labels(await c.children(api, folder)), ['set0:symbol-field']);
  });

  it('shows another failure as an error node with Retry', async () => {
    const { api, failWith } = fakeApi(1);
    const c = cache(10);
    const [, folder] = await c.children(api, pipeline);
    assert.ok(folder.kind === 'inputSets');
    failWith(new HarnessApiError({ kind: 'server', status: 500, message: 'oops' }));
    const [err] = await c.children(api, folder);
    assert.ok(err.kind === 'error');
    assert.equal(present(err).icon, 'error');
    assert.equal(present(err).description, 'Retry');
    assert.equal(err.owner, folder);
  });
});
