import * as assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../simulator/server';
import { call, data, PLATFORM } from './helpers';

interface ConnectorItem {
  connector: {
    identifier: string;
    name: string;
    type: string;
    orgIdentifier?: string;
    projectIdentifier?: string;
    spec: Record<string, unknown>;
  };
  status: { status: string; errorSummary?: string; testedAt: number };
}

interface NgPage<T> {
  content: T[];
  totalItems: number;
}

describe('simulator: connectors', function () {
  // Bounded: these suites start servers and child processes on a possibly busy 2-core machine.
  this.timeout(15_000);
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator();
  });
  after(() => sim.close());

  const list = async (
    query: Record<string, string | boolean | number>,
    filter: Record<string, unknown> = {},
  ) =>
    data<NgPage<ConnectorItem>>(
      await call(sim, 'POST', '/ng/api/connectors/listV2', {
        query: { pageSize: 100, ...query },
        json: { filterType: 'Connector', ...filter },
      }),
    );

  it('lists by scope: account, org, project, and project with inherited ones', async () => {
    const account = await list({});
    assert.ok(account.content.length > 0);
    assert.ok(account.content.every((c) => !c.connector.orgIdentifier && !c.connector.projectIdentifier));
    const org = await list({ orgIdentifier: 'engineering' });
    assert.ok(org.content.length > 0);
    assert.ok(
      org.content.every((c) => c.connector.orgIdentifier === 'engineering' && !c.connector.projectIdentifier),
    );
    const project = await list(PLATFORM);
    assert.ok(project.content.every((c) => c.connector.projectIdentifier === 'platform'));
    const all = await list({ ...PLATFORM, includeAllConnectorsAvailableAtScope: true });
    assert.equal(
      all.totalItems,
      account.totalItems + (await list({ orgIdentifier: 'default' })).totalItems + project.totalItems,
    );
  });

  it('covers every connectivity status and the usual types, with error summaries on failures', async () => {
    const statuses = new Set(sim.state.connectors.map((c) => c.status.status));
    for (const s of ['SUCCESS', 'FAILURE', 'UNKNOWN', 'PENDING'])
      assert.ok(statuses.has(s as never), `has ${s}`);
    const types = new Set(sim.state.connectors.map((c) => c.connector.type));
    for (const t of ['Github', 'DockerRegistry', 'K8sCluster', 'Aws']) assert.ok(types.has(t), `has ${t}`);
    const failed = await list(
      { ...PLATFORM, includeAllConnectorsAvailableAtScope: true },
      { connectivityStatuses: ['FAILURE'] },
    );
    assert.ok(failed.content.length > 0);
    assert.ok(
      failed.content.every((c) => c.status.status === 'FAILURE' && (c.status.errorSummary ?? '').length > 0),
    );
  });

  it('filters by types and searchTerm and pages with pageIndex/pageSize', async () => {
    const github = await list(
      { ...PLATFORM, includeAllConnectorsAvailableAtScope: true },
      { types: ['Github'] },
    );
    assert.ok(github.content.length > 0 && github.content.every((c) => c.connector.type === 'Github'));
    const search = await list({ searchTerm: 'docker' });
    assert.ok(search.content.length > 0);
    assert.ok(
      search.content.every((c) =>
        `${c.connector.identifier} ${c.connector.name}`.toLowerCase().includes('docker'),
      ),
    );
    const page1 = data<NgPage<ConnectorItem> & { pageIndex: number; totalPages: number }>(
      await call(sim, 'POST', '/ng/api/connectors/listV2', {
        query: { ...PLATFORM, pageIndex: 1, pageSize: 10 },
        json: { filterType: 'Connector' },
      }),
    );
    assert.equal(page1.pageIndex, 1);
    assert.equal(page1.content.length, 10);
    assert.equal(page1.totalPages, Math.ceil(page1.totalItems / 10));
  });

  it('creates, gets, updates and deletes a project connector', async () => {
    const connector = {
      name: 'Sim Docker',
      identifier: 'sim_docker',
      orgIdentifier: 'default',
      projectIdentifier: 'platform',
      type: 'DockerRegistry',
      spec: {
        dockerRegistryUrl: 'https://index.docker.io/v2/',
        providerType: 'DockerHub',
        auth: { type: 'Anonymous' },
      },
    };
    const created = data<ConnectorItem>(
      await call(sim, 'POST', '/ng/api/connectors', { json: { connector } }),
    );
    assert.equal(created.connector.identifier, 'sim_docker');
    assert.equal(created.status.status, 'PENDING', 'never tested');
    const got = data<ConnectorItem>(
      await call(sim, 'GET', '/ng/api/connectors/sim_docker', { query: PLATFORM }),
    );
    assert.deepEqual(got.connector.spec, connector.spec);
    const atAccount = await call(sim, 'GET', '/ng/api/connectors/sim_docker');
    assert.equal(atAccount.status, 400, 'not at account scope');
    assert.equal(atAccount.body.code, 'RESOURCE_NOT_FOUND_EXCEPTION');
    assert.match(
      String(atAccount.body.message),
      /^Connector with identifier \[sim_docker\] not found in account \[/,
    );
    const spec = { ...connector.spec, dockerRegistryUrl: 'https://registry.example.com/v2/' };
    data(await call(sim, 'PUT', '/ng/api/connectors', { json: { connector: { ...connector, spec } } }));
    const updated = data<ConnectorItem>(
      await call(sim, 'GET', '/ng/api/connectors/sim_docker', { query: PLATFORM }),
    );
    assert.equal(updated.connector.spec.dockerRegistryUrl, 'https://registry.example.com/v2/');
    assert.equal(
      data<boolean>(await call(sim, 'DELETE', '/ng/api/connectors/sim_docker', { query: PLATFORM })),
      true,
    );
    assert.equal((await call(sim, 'GET', '/ng/api/connectors/sim_docker', { query: PLATFORM })).status, 400);
    const missing = await call(sim, 'PUT', '/ng/api/connectors', { json: { connector } });
    assert.equal(missing.status, 400);
    const deleteMissing = await call(sim, 'DELETE', '/ng/api/connectors/sim_docker', { query: PLATFORM });
    assert.equal(deleteMissing.body.code, 'INVALID_REQUEST');
    assert.match(
      String(deleteMissing.body.message),
      /No connector exists with the identifier sim_docker in account/,
    );
    const testMissing = await call(sim, 'POST', '/ng/api/connectors/testConnection/sim_docker', {
      query: PLATFORM,
      json: {},
    });
    assert.equal(testMissing.status, 400);
    assert.equal(testMissing.body.code, 'CONNECTOR_NOT_FOUND_EXCEPTION');
  });

  it('enforces type rules the real API enforces', async () => {
    const k8s = (spec: Record<string, unknown>) => ({
      connector: { name: 'K', identifier: 'sim_k8s', type: 'K8sCluster', spec },
    });
    const noSelector = await call(sim, 'POST', '/ng/api/connectors', {
      json: k8s({ credential: { type: 'InheritFromDelegate' } }),
    });
    assert.equal(noSelector.status, 400);
    assert.match(String(noSelector.body.message), /Delegate Selector cannot be null/);
    const withSpec = await call(sim, 'POST', '/ng/api/connectors', {
      json: k8s({ credential: { type: 'InheritFromDelegate', spec: {} }, delegateSelectors: ['d1'] }),
    });
    assert.match(String(withSpec.body.message), /No spec should be provided/);
    const unknownType = await call(sim, 'POST', '/ng/api/connectors', {
      json: { connector: { name: 'x', identifier: 'x', type: 'Nope', spec: {} } },
    });
    assert.equal(unknownType.body.message, 'Unable to process JSON');
    data(
      await call(sim, 'POST', '/ng/api/connectors', {
        json: k8s({ credential: { type: 'InheritFromDelegate' }, delegateSelectors: ['d1'] }),
      }),
    );
  });

  it('tests connections deterministically and records the result as the status', async () => {
    const failing = sim.state.connectors.find(
      (c) => c.status.status === 'FAILURE' && !c.connector.orgIdentifier,
    );
    assert.ok(failing);
    const r1 = data<{ status: string; errorSummary: string; errors: unknown[] }>(
      await call(sim, 'POST', `/ng/api/connectors/testConnection/${failing.connector.identifier}`, {
        json: {},
      }),
    );
    assert.equal(r1.status, 'FAILURE');
    assert.ok(r1.errorSummary);
    assert.equal(r1.errors.length, 1);
    const good = {
      name: 'Good',
      identifier: 'sim_good',
      type: 'Aws',
      spec: { credential: { type: 'InheritFromDelegate', region: 'us-east-1' } },
    };
    const bad = {
      name: 'Bad',
      identifier: 'sim_bad',
      type: 'Aws',
      spec: { credential: { type: 'ManualConfig', spec: { accessKey: 'invalid' } } },
    };
    for (const c of [good, bad])
      data(await call(sim, 'POST', '/ng/api/connectors', { json: { connector: c } }));
    for (let i = 0; i < 2; i++) {
      assert.equal(
        data<{ status: string }>(
          await call(sim, 'POST', '/ng/api/connectors/testConnection/sim_good', { json: {} }),
        ).status,
        'SUCCESS',
      );
      assert.equal(
        data<{ status: string }>(
          await call(sim, 'POST', '/ng/api/connectors/testConnection/sim_bad', { json: {} }),
        ).status,
        'FAILURE',
      );
    }
    const after = data<ConnectorItem>(await call(sim, 'GET', '/ng/api/connectors/sim_good'));
    assert.equal(after.status.status, 'SUCCESS');
    assert.ok(after.status.testedAt > 0);
  });
});
