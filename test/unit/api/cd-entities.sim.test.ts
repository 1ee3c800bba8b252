// getService/listServices, getEnvironment/listEnvironments and getTemplate/listTemplates against
// the local simulator: typed results, scopes, paging, 404s and the list POST's body and retries.
import * as assert from 'node:assert/strict';
import { type HarnessClient, createHarnessClient } from '../../../src/api/client';
import { collectAll } from '../../../src/api/paging';
import { type Simulator, startSimulator } from '../../simulator/server';
import { expectApiError } from './errorSurfaces';
import { FakeClock } from './fakeClock';
import { undici } from './transports';

const DEMO = { orgIdentifier: 'default', projectIdentifier: 'default_project' };
const PLATFORM = { orgIdentifier: 'default', projectIdentifier: 'platform' };

describe('Harness client: services, environments and templates', function () {
  this.timeout(15_000);
  let sim: Simulator;
  let client: HarnessClient;

  before(async () => {
    sim = await startSimulator({ seed: 1 });
  });
  after(() => sim.close());
  beforeEach(() => {
    sim.faults.clear();
    sim.requests.length = 0;
    client = createHarnessClient({
      transport: undici,
      baseUrl: sim.url,
      token: sim.tokens.admin,
      clock: new FakeClock(),
      retry: { baseDelayMs: 5, maxAttempts: 4 },
    });
  });
  afterEach(() => client.close());

  it('gets a service at each scope, and 404 notFound where it is not', async () => {
    const web = await client.getService(DEMO, 'web');
    assert.equal(web.identifier, 'web');
    assert.equal(web.projectIdentifier, 'default_project');
    assert.match(web.yaml ?? '', /^service:/);
    assert.equal(typeof web.createdAt, 'number');
    assert.equal((await client.getService({}, 'shared_gateway')).orgIdentifier, undefined);
    assert.equal(
      (await client.getService({ orgIdentifier: 'default' }, 'platform_core')).name,
      'Platform Core',
    );
    assert.deepEqual(sim.requests[0].query, {
      accountIdentifier: sim.accountId,
      routingId: sim.accountId,
      orgIdentifier: 'default',
      projectIdentifier: 'default_project',
    });
    const err = await expectApiError(() => client.getService({ orgIdentifier: 'default' }, 'web'));
    assert.equal(err.kind, 'notFound');
    assert.match(err.message, /Service "web"/);
  });

  it('pages services with Spring paging and searches them', async () => {
    const first = await client.listServices(PLATFORM, { pageIndex: 0, pageSize: 7 });
    assert.equal(first.pageSize, 7);
    assert.ok(first.hasMore);
    assert.equal(sim.requests[0].query.page, '0');
    assert.equal(sim.requests[0].query.size, '7');
    const all = await collectAll(
      (pageIndex, pageSize) => client.listServices(PLATFORM, { pageIndex, pageSize }),
      {
        pageSize: 7,
      },
    );
    assert.equal(all.length, first.totalItems);
    assert.equal(new Set(all.map((s) => s.identifier)).size, all.length);
    const found = await client.listServices(PLATFORM, { searchTerm: 'ledger' });
    assert.ok(found.items.length > 0 && found.items.every((s) => s.identifier.includes('ledger')));
  });

  it('gets and lists environments with their type', async () => {
    const staging = await client.getEnvironment(DEMO, 'staging');
    assert.equal(staging.type, 'PreProduction');
    const prod = await client.getEnvironment({}, 'production');
    assert.equal(prod.type, 'Production');
    assert.equal(prod.projectIdentifier, undefined);
    const org = await client.listEnvironments({ orgIdentifier: 'engineering' });
    assert.deepEqual(
      org.items.map((e) => [e.identifier, e.type]),
      [['preview', 'PreProduction']],
    );
    assert.equal(sim.requests.at(-1)?.path, '/ng/api/environmentsV2');
    const err = await expectApiError(() => client.getEnvironment(DEMO, 'nowhere'));
    assert.equal(err.kind, 'notFound');
  });

  it('gets the stable template or a given version', async () => {
    const stable = await client.getTemplate({ orgIdentifier: 'default' }, 'cleanup_stage');
    assert.deepEqual(
      [stable.versionLabel, stable.templateEntityType, stable.stableTemplate],
      ['v2', 'Stage', true],
    );
    assert.match(stable.yaml ?? '', /^template:/);
    assert.equal(sim.requests[0].query.versionLabel, undefined);
    const v1 = await client.getTemplate({ orgIdentifier: 'default' }, 'cleanup_stage', 'v1');
    assert.equal(v1.versionLabel, 'v1');
    assert.equal(sim.requests[1].query.versionLabel, 'v1');
    const err = await expectApiError(() => client.getTemplate(DEMO, 'cleanup_stage'));
    assert.equal(err.kind, 'notFound');
  });

  it('lists templates with a POST whose body is filterType Template, every version', async () => {
    const page = await client.listTemplates(DEMO, { pageSize: 10 });
    const req = sim.requests[0];
    assert.equal(req.method, 'POST');
    assert.equal(req.path, '/template/api/templates/list-metadata');
    assert.equal(req.query.templateListType, 'All');
    assert.deepEqual(JSON.parse(req.body), { filterType: 'Template' });
    assert.deepEqual(
      page.items.map((t) => `${t.identifier}@${t.versionLabel}${t.stableTemplate ? '*' : ''}`).sort(),
      ['canary_stage@v1*', 'smoke_test@v1', 'smoke_test@v2*'],
    );
    assert.ok(page.items.every((t) => t.projectIdentifier === 'default_project'));
    const paged = await client.listTemplates({ orgIdentifier: 'default' }, { pageIndex: 1, pageSize: 2 });
    assert.deepEqual([paged.totalItems, paged.items.length, paged.hasMore], [3, 1, false]);
  });

  it('retries the template list POST and the reads on 503 (safe reads)', async () => {
    sim.faults.inject({ path: '/template/api/templates/list-metadata', kind: '503' });
    sim.faults.inject({ path: '/ng/api/servicesV2', kind: '503' });
    sim.faults.inject({ path: '/ng/api/environmentsV2', kind: '503' });
    await client.listTemplates({}, { pageSize: 1 });
    await client.listServices({}, { pageSize: 1 });
    await client.getEnvironment({}, 'qa');
    assert.equal(sim.requests.length, 6);
  });
});
