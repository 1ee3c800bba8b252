import * as assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../simulator/server';
import { call, data, PLATFORM } from './helpers';

const NG_PAGE_KEYS = [
  'content',
  'empty',
  'pageIndex',
  'pageItemCount',
  'pageSize',
  'totalItems',
  'totalPages',
];
const SPRING_PAGE_KEYS = [
  'content',
  'empty',
  'first',
  'last',
  'number',
  'numberOfElements',
  'size',
  'totalElements',
  'totalPages',
];

describe('simulator: envelopes and paging', function () {
  // Bounded: these suites start servers and child processes on a possibly busy 2-core machine.
  this.timeout(15_000);
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator();
  });
  after(() => sim.close());

  it('wraps data in the SUCCESS envelope with a correlation id', async () => {
    const r = await call(sim, 'GET', '/ng/api/organizations');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
    const body = r.body;
    assert.deepEqual(Object.keys(body).sort(), ['correlationId', 'data', 'metaData', 'status']);
    assert.equal(body.status, 'SUCCESS');
    assert.equal(body.metaData, null);
    assert.match(
      String(body.correlationId),
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    const second = await call(sim, 'GET', '/ng/api/organizations');
    assert.notEqual(second.body.correlationId, body.correlationId);
  });

  it('lists organizations in the NG page shape, default org first, items wrapped', async () => {
    const page = data<Record<string, unknown> & { content: Record<string, unknown>[] }>(
      await call(sim, 'GET', '/ng/api/organizations'),
    );
    for (const key of NG_PAGE_KEYS) assert.ok(key in page, `NG page has ${key}`);
    assert.equal(page.totalItems, sim.state.orgs.length);
    assert.ok((page.totalItems as number) >= 3);
    const first = page.content[0] as {
      organization: { identifier: string };
      harnessManaged: boolean;
      createdAt: number;
    };
    assert.equal(first.organization.identifier, 'default');
    assert.equal(first.harnessManaged, true);
    assert.equal(typeof first.createdAt, 'number');
  });

  it('pages projects with pageIndex/pageSize and consistent totals', async () => {
    const total = sim.state.projects.length;
    assert.ok(total >= 10 && total <= 14, `about 12 projects, got ${total}`);
    const seen: string[] = [];
    for (let pageIndex = 0; ; pageIndex++) {
      const page = data<{
        content: { project: { orgIdentifier: string; identifier: string } }[];
        totalItems: number;
        totalPages: number;
        pageItemCount: number;
        pageIndex: number;
        empty: boolean;
      }>(await call(sim, 'GET', '/ng/api/projects', { query: { pageIndex, pageSize: 5 } }));
      assert.equal(page.totalItems, total);
      assert.equal(page.totalPages, Math.ceil(total / 5));
      assert.equal(page.pageIndex, pageIndex);
      assert.equal(page.pageItemCount, page.content.length);
      if (page.empty) break;
      seen.push(...page.content.map((c) => `${c.project.orgIdentifier}/${c.project.identifier}`));
    }
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total);
  });

  it('filters projects by org', async () => {
    const page = data<{ content: { project: { orgIdentifier: string } }[]; totalItems: number }>(
      await call(sim, 'GET', '/ng/api/projects', { query: { orgIdentifier: 'engineering' } }),
    );
    assert.ok(page.totalItems > 0);
    assert.ok(page.content.every((c) => c.project.orgIdentifier === 'engineering'));
    assert.equal(page.totalItems, sim.state.projects.filter((p) => p.orgIdentifier === 'engineering').length);
  });

  it('lists 300+ pipelines of the platform project in the Spring page shape, page by page', async () => {
    const expected = sim.state.pipelines.filter(
      (p) => p.orgIdentifier === 'default' && p.projectIdentifier === 'platform',
    ).length;
    assert.ok(expected >= 300, `platform has ${expected} pipelines`);
    const ids: string[] = [];
    let lastUpdated = Number.POSITIVE_INFINITY;
    for (let page = 0; ; page++) {
      const p = data<Record<string, unknown> & { content: { identifier: string; lastUpdatedAt: number }[] }>(
        await call(sim, 'POST', '/pipeline/api/pipelines/list', {
          query: { ...PLATFORM, page, size: 200 },
          json: { filterType: 'PipelineSetup' },
        }),
      );
      for (const key of SPRING_PAGE_KEYS) assert.ok(key in p, `Spring page has ${key}`);
      assert.equal(p.totalElements, expected);
      assert.equal(p.totalPages, Math.ceil(expected / 200));
      assert.equal(p.number, page);
      assert.equal(p.first, page === 0);
      assert.equal(p.numberOfElements, p.content.length);
      for (const item of p.content) {
        assert.ok(item.lastUpdatedAt <= lastUpdated, 'sorted by lastUpdatedAt descending');
        lastUpdated = item.lastUpdatedAt;
        ids.push(item.identifier);
      }
      if (p.last) break;
    }
    assert.equal(ids.length, expected);
    assert.equal(new Set(ids).size, expected);
  });

  it('uses size 25 by default, refuses sizes above 200, and honours searchTerm and sort', async () => {
    const p = data<{ size: number; content: unknown[] }>(
      await call(sim, 'POST', '/pipeline/api/pipelines/list', {
        query: PLATFORM,
        json: { filterType: 'PipelineSetup' },
      }),
    );
    assert.equal(p.size, 25);
    assert.equal(p.content.length, 25);
    const tooBig = await call(sim, 'POST', '/pipeline/api/pipelines/list', {
      query: { ...PLATFORM, size: 201 },
      json: { filterType: 'PipelineSetup' },
    });
    assert.equal(tooBig.status, 400);
    assert.equal(tooBig.body.status, 'FAILURE');
    const search = data<{ totalElements: number; content: { identifier: string; name: string }[] }>(
      await call(sim, 'POST', '/pipeline/api/pipelines/list', {
        query: { ...PLATFORM, searchTerm: 'checkout', size: 200, sort: 'name,ASC' },
        json: { filterType: 'PipelineSetup' },
      }),
    );
    assert.ok(search.totalElements >= 8);
    assert.ok(search.content.every((x) => `${x.identifier} ${x.name}`.toLowerCase().includes('checkout')));
    const names = search.content.map((x) => x.name.toLowerCase());
    assert.deepEqual(names, [...names].sort());
  });

  it('reports last-execution status and remote pipelines with Git details', async () => {
    const p = data<{
      content: {
        storeType: string;
        gitDetails?: Record<string, string>;
        executionSummaryInfo: { lastExecutionStatus?: string };
      }[];
    }>(
      await call(sim, 'POST', '/pipeline/api/pipelines/list', {
        query: { ...PLATFORM, size: 200 },
        json: { filterType: 'PipelineSetup' },
      }),
    );
    const statuses = new Set(
      p.content.map((x) => x.executionSummaryInfo.lastExecutionStatus).filter(Boolean),
    );
    assert.ok(statuses.has('Success') && statuses.has('Failed'), `statuses: ${[...statuses].join(',')}`);
    const remote = p.content.filter((x) => x.storeType === 'REMOTE');
    assert.ok(remote.length >= 2);
    for (const r of remote) {
      assert.match(r.gitDetails?.objectId ?? '', /^[0-9a-f]{40}$/);
      assert.match(r.gitDetails?.commitId ?? '', /^[0-9a-f]{40}$/);
      assert.equal(r.gitDetails?.branch, 'main');
      assert.ok(r.gitDetails?.repoName);
      assert.match(r.gitDetails?.filePath ?? '', /^\.harness\/.+\.yaml$/);
    }
  });
});
