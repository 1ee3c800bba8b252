// The tree's requests for runs: a pipeline's folders (Executions, Input Sets) cost no request; Executions
// pages the pipeline's runs latest first with Load more (ChildrenCache, like the other lists); an
// execution's stages come from one full-graph detail request, which also refreshes the row.
import * as assert from 'node:assert/strict';
import { parseExecutionDetailGraph } from '../../../../src/api/executionParsers';
import type { ExecutionSummary, HarnessApi, Page, PageRequest } from '../../../../src/api/types';
import { ChildrenCache } from '../../../../src/tree/children';
import { fetchChildren } from '../../../../src/tree/fetch';
import { nodeIds, type HarnessNode, type PipelineNode } from '../../../../src/tree/nodes';
import { detailBody } from '../../../contract/runLoop';

const scope = { orgIdentifier: 'o', projectIdentifier: 'p' };

function fakeApi(total: number) {
  const calls: string[] = [];
  const api = {
    async listExecutions(_s: unknown, pipeline: string, page: PageRequest = {}) {
      calls.push(`list:${pipeline}:${page.pageIndex}:${page.pageSize}`);
      const size = page.pageSize ?? 10;
      const start = (page.pageIndex ?? 0) * size;
      const items = Array.from({ length: total }, (_, i) => ({
        pipelineIdentifier: pipeline,
        planExecutionId: `run${total - i}`,
        status: 'Success',
        runSequence: total - i,
      })).slice(start, start + size);
      return {
        items,
        pageIndex: page.pageIndex ?? 0,
        pageSize: size,
        totalItems: total,
        totalPages: Math.ceil(total / size),
        hasMore: start + size < total,
      } satisfies Page<ExecutionSummary>;
    },
    async getExecutionDetail(_s: unknown, id: string, options?: { fullGraph?: boolean }) {
      calls.push(`detail:${id}:${options?.fullGraph === true}`);
      return parseExecutionDetailGraph(detailBody());
    },
  };
  return { api: api as unknown as HarnessApi, calls };
}

const pipeline: PipelineNode = {
  kind: 'pipeline',
  id: nodeIds.pipeline(scope, 'deploy'),
  scope,
  pipeline: { identifier: 'deploy', name: 'Deploy' },
};

describe('executions: what the tree fetches', () => {
  it('gives a pipeline its Executions and Input Sets folders without a request', async () => {
    const { api, calls } = fakeApi(3);
    const page = await fetchChildren(api, pipeline, { pageIndex: 0, pageSize: 10 });
    assert.deepEqual(
      page.fixed.map((n) => [n.kind, n.id]),
      [
        ['executions', 'executions:o/p:deploy'],
        ['inputSets', 'inputsets:o/p:deploy'],
      ],
    );
    assert.deepEqual(calls, []);
  });

  it('pages runs latest first, with Load more until the end', async () => {
    const { api, calls } = fakeApi(5);
    const cache = new ChildrenCache((a, n, p) => fetchChildren(a, n, p), {
      pageSize: () => 2,
      searchTerm: () => undefined,
    });
    const [folder] = await cache.children(api, pipeline);
    assert.ok(folder.kind === 'executions');
    let kids = await cache.children(api, folder);
    const labels = (list: HarnessNode[]) =>
      list.map((n) => (n.kind === 'execution' ? `#${n.summary.runSequence}` : n.kind));
    assert.deepEqual(labels(kids), ['#5', '#4', 'loadMore']);
    const more = kids.at(-1);
    assert.ok(more?.kind === 'loadMore');
    await cache.loadMore(api, more);
    await cache.loadMore(api, more);
    kids = await cache.children(api, folder);
    assert.deepEqual(labels(kids), ['#5', '#4', '#3', '#2', '#1']);
    assert.deepEqual(calls, ['list:deploy:0:2', 'list:deploy:1:2', 'list:deploy:2:2']);
  });

  it("expands a run with one full-graph request, and takes the detail's summary for the row", async () => {
    const { api, calls } = fakeApi(1);
    const cache = new ChildrenCache((a, n, p) => fetchChildren(a, n, p), {
      pageSize: () => 10,
      searchTerm: () => undefined,
    });
    const [folder] = await cache.children(api, pipeline);
    assert.ok(folder.kind === 'executions');
    const [row] = await cache.children(api, folder);
    assert.ok(row.kind === 'execution');
    const stages = await cache.children(api, row);
    assert.deepEqual(
      stages.map((n) => (n.kind === 'executionPart' ? n.part.identifier : n.kind)),
      ['build', 'deploy'],
    );
    assert.deepEqual(calls.slice(1), ['detail:run1:true']);
    assert.equal(row.summary.status, parseExecutionDetailGraph(detailBody()).summary.status);
    await cache.children(api, row);
    assert.equal(calls.length, 2, 'expanding again is served from the cache');
  });
});
