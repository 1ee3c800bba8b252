// The extension host's reference resolver with the real API client against the simulator:
// templates, services and environments resolve and list like connectors, at the scope their
// prefix selects; a 404 is "missing", a network failure is "unknown", answers are cached.
import * as assert from 'node:assert/strict';
import { type HarnessClient, createHarnessClient } from '../../../../src/api/client';
import { ReferenceResolver } from '../../../../src/language/references';
import type { ReferenceKind, ReferenceQuery } from '../../../../shared/protocol';
import { type Simulator, startSimulator } from '../../../simulator/server';
import { undici } from '../../api/transports';

const DOC = { orgIdentifier: 'default', projectIdentifier: 'default_project' };

function query(kind: ReferenceKind, ref: string): ReferenceQuery {
  const [level, identifier] = ref.startsWith('account.')
    ? (['account', ref.slice(8)] as const)
    : ref.startsWith('org.')
      ? (['org', ref.slice(4)] as const)
      : (['project', ref] as const);
  return { kind, ref, identifier, scope: { level, ...DOC } };
}

describe('language client: reference resolver against the simulator', function () {
  this.timeout(15_000);
  let sim: Simulator;
  let client: HarnessClient;
  let resolver: ReferenceResolver;

  before(async () => {
    sim = await startSimulator({ seed: 1 });
  });
  after(() => sim.close());
  beforeEach(() => {
    sim.faults.clear();
    sim.requests.length = 0;
    client = createHarnessClient({
      baseUrl: sim.url,
      token: sim.tokens.admin,
      transport: undici,
      retry: { maxAttempts: 1 },
    });
    resolver = new ReferenceResolver(() => ({ api: client, label: 'sim' }));
  });
  afterEach(() => client.close());

  it('resolves templates, services and environments at their scope, with hover detail', async () => {
    const res = await resolver.resolve({
      references: [
        query('service', 'default_project'),
        query('service', 'web'),
        query('service', 'org.platform_core'),
        query('service', 'account.shared_gateway'),
        query('service', 'nope'),
        query('environment', 'staging'),
        query('environment', 'account.production'),
        query('environment', 'org.staging'),
        query('template', 'org.cleanup_stage'),
        query('template', 'smoke_test'),
        query('template', 'account.cleanup_stage'),
      ],
    });
    assert.deepEqual(
      res.results.map((r) => `${r.ref}:${r.status}`),
      [
        'default_project:exists',
        'web:exists',
        'org.platform_core:exists',
        'account.shared_gateway:exists',
        'nope:missing',
        'staging:exists',
        'account.production:exists',
        'org.staging:missing',
        'org.cleanup_stage:exists',
        'smoke_test:exists',
        'account.cleanup_stage:missing',
      ],
    );
    assert.equal(res.results[5].detail, 'PreProduction environment');
    assert.equal(res.results[6].detail, 'Production environment');
    assert.equal(res.results[8].name, 'Cleanup Stage');
    assert.equal(res.results[8].detail, 'Stage template, stable version `v2`');
    assert.equal(res.results[9].detail, 'Step template, stable version `v2`');
    const before = sim.requests.length;
    await resolver.resolve({ references: [query('environment', 'staging'), query('service', 'nope')] });
    assert.equal(sim.requests.length, before, 'answers (missing ones too) come from the cache');
  });

  it('answers unknown, never missing, when the API cannot be reached', async () => {
    sim.faults.inject({ path: '/ng/api/servicesV2/', kind: 'reset', times: 5 });
    sim.faults.inject({ path: '/template/api/templates/', kind: '500', times: 5 });
    const res = await resolver.resolve({
      references: [query('service', 'web'), query('template', 'smoke_test')],
    });
    assert.deepEqual(
      res.results.map((r) => r.status),
      ['unknown', 'unknown'],
    );
    sim.faults.clear();
    const again = await resolver.resolve({ references: [query('service', 'web')] });
    assert.equal(again.results[0].status, 'exists', 'unknown answers are not cached');
  });

  it('lists each kind with the typed scope prefix; templates once each, by their stable version', async () => {
    const scope = { level: 'project' as const, ...DOC };
    const services = await resolver.list({ kind: 'service', scope, prefix: '' });
    assert.ok(services.items.some((i) => i.ref === 'web' && i.name === 'Web'));
    const envs = await resolver.list({ kind: 'environment', scope, prefix: 'account.' });
    assert.deepEqual(envs.items.map((i) => [i.ref, i.detail]).sort(), [
      ['account.production', 'Production environment'],
      ['account.qa', 'PreProduction environment'],
    ]);
    const templates = await resolver.list({ kind: 'template', scope, prefix: 'org.c' });
    assert.deepEqual(templates.items, [
      { ref: 'org.cleanup_stage', name: 'Cleanup Stage', detail: 'Stage template v2' },
    ]);
    const listed = sim.requests.length;
    await resolver.list({ kind: 'template', scope, prefix: 'org.' });
    assert.equal(sim.requests.length, listed, 'cached per kind and scope');
    await resolver.list({ kind: 'service', scope, prefix: 'org.' });
    assert.equal(sim.requests.length, listed + 1, 'another kind at the same scope is fetched');
  });
});
