// The simulator answers in the shapes recorded in test/contract, and the client reads them: an
// OPA deny without identifier, PENDING connectors, upper-case planExecution status, statuses that
// are not final, NG pages for servicesV2/environmentsV2, the real error codes. The simulator takes
// these from test/contract, never from src/api.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHarnessClient, type HarnessClient } from '../../../src/api/client';
import { HarnessApiError } from '../../../src/api/errors';
import { collectAll } from '../../../src/api/paging';
import { executionStatusInfo } from '../../../src/api/types';
import { CONNECTIVITY_STATUSES, EXECUTION_SUMMARY_STATUSES } from '../../contract/enums';
import { BIG_PROJECT, type Simulator, startSimulator } from '../../simulator/server';
import { simplePipelineYaml } from './helpers';
import { undici } from '../api/transports';

const SIM_DIR = path.join(__dirname, '../../../../test/simulator');

async function rejection(p: Promise<unknown>): Promise<HarnessApiError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof HarnessApiError, String(e));
    return e;
  }
  assert.fail('expected an error');
}

describe('simulator: the recorded shapes, read by the client', function () {
  this.timeout(20_000);
  let sim: Simulator;
  let api: HarnessClient;
  before(async () => {
    sim = await startSimulator({ seed: 1, executionStepMs: 50 });
    api = createHarnessClient({
      transport: undici,
      baseUrl: sim.url,
      token: sim.tokens.admin,
      retry: { maxAttempts: 1 },
      rateLimit: false,
    });
  });
  after(async () => {
    await api.close();
    await sim.close();
  });

  it('imports nothing from src/api (its beliefs come from test/contract)', () => {
    const files = fs
      .readdirSync(SIM_DIR, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'));
    assert.ok(files.length > 10);
    for (const f of files) {
      const text = fs.readFileSync(path.join(SIM_DIR, f), 'utf8');
      assert.doesNotMatch(text, /from ['"][./]*src\//, `${f} imports from src/`);
    }
  });

  it('denies an opa: deny save with only governanceMetadata; the client reads the policy and its message', async () => {
    const result = await api.createPipeline(
      BIG_PROJECT,
      simplePipelineYaml('contract_denied', '  tags:\n    opa: deny'),
    );
    assert.equal(result.identifier, undefined);
    assert.equal(result.governanceMetadata?.deny, true);
    assert.equal(result.governanceMetadata?.status, 'error');
    assert.match(
      result.governanceMetadata?.message ?? '',
      /^Policy set "Simulator rules": policy "No opa deny tag": .*opa=deny/,
    );
    const warned = await api.createPipeline(
      BIG_PROJECT,
      simplePipelineYaml('contract_warned', '  tags:\n    opa: warn'),
    );
    assert.equal(warned.identifier, 'contract_warned');
    assert.equal(warned.governanceMetadata?.status, 'warning');
    const plain = await api.createPipeline(BIG_PROJECT, simplePipelineYaml('contract_plain'));
    assert.deepEqual(plain, {
      identifier: 'contract_plain',
      governanceMetadata: { deny: false, status: '' },
    });
  });

  it('seeds every connectivity status, PENDING included, and the client reads whole pages of them', async () => {
    const seeded = new Set(sim.state.connectors.map((c) => c.status.status));
    for (const s of CONNECTIVITY_STATUSES.values.filter((v) => v !== 'PARTIAL')) assert.ok(seeded.has(s), s);
    const pending = sim.state.connectors.find((c) => c.status.status === 'PENDING');
    assert.ok(pending);
    const scope = {
      orgIdentifier: pending.connector.orgIdentifier,
      projectIdentifier: pending.connector.projectIdentifier,
    };
    const all = await collectAll((pageIndex, pageSize) => api.listConnectors(scope, { pageIndex, pageSize }));
    const read = all.find((c) => c.connector.identifier === pending.connector.identifier);
    assert.equal(read?.status?.status, 'PENDING');
    assert.equal((await api.getConnector(scope, pending.connector.identifier)).status?.status, 'PENDING');
    const tested = await api.testConnector(scope, pending.connector.identifier);
    assert.ok(['SUCCESS', 'FAILURE'].includes(tested.status));
  });

  it('starts a run with planExecution.status RUNNING, which the client reads as Running', async () => {
    const id = sim.state.pipelines.find(
      (p) => p.projectIdentifier === BIG_PROJECT.projectIdentifier && p.valid && !p.yaml.includes('<+input>'),
    )?.identifier;
    assert.ok(id);
    const started = await api.executePipeline(BIG_PROJECT, id, '');
    assert.deepEqual([started.status, started.rawStatus], ['Running', 'RUNNING']);
  });

  it('has seeded runs in documented statuses beyond Success/Failed, final and not, all known to the client', async () => {
    const documented = new Set(EXECUTION_SUMMARY_STATUSES.map((f) => f.value));
    const statuses = new Set(sim.state.executions.map((e) => e.status));
    for (const s of statuses) assert.ok(documented.has(s), `${s} is documented`);
    for (const s of ['Errored', 'AbortedByFreeze', 'ApprovalRejected', 'IgnoreFailed', 'InterventionWaiting'])
      assert.ok(statuses.has(s), `seeded: ${s}`);
    const stuck = sim.state.executions.find((e) => e.stuck);
    assert.ok(stuck);
    const read = await api.getExecution(stuck, stuck.planExecutionId);
    const info = executionStatusInfo(read.status);
    assert.deepEqual([info.known, info.final], [true, false], read.status);
    const pipelines = await collectAll((pageIndex, pageSize) =>
      api.listPipelines(BIG_PROJECT, { pageIndex, pageSize }),
    );
    for (const p of pipelines) {
      const s = p.executionSummaryInfo?.lastExecutionStatus;
      if (s) assert.ok(executionStatusInfo(s).known, s);
    }
  });

  it('lists services and environments as NG pages', async () => {
    const services = await api.listServices(BIG_PROJECT, { pageIndex: 1, pageSize: 5 });
    assert.equal(services.pageIndex, 1);
    assert.equal(services.items.length, 5);
    assert.ok(services.hasMore);
    const body = (await fetch(
      `${sim.url}/ng/api/environmentsV2?accountIdentifier=${sim.accountId}&orgIdentifier=default&projectIdentifier=default_project`,
      { headers: { 'x-api-key': sim.tokens.admin } },
    ).then((r) => r.json())) as { data: Record<string, unknown> };
    assert.deepEqual(
      ['pageIndex', 'pageSize', 'totalItems', 'totalPages'].map((k) => typeof body.data[k]),
      ['number', 'number', 'number', 'number'],
    );
    assert.equal(body.data.totalElements, undefined);
  });

  it('answers missing things with the real codes, which the client reads as not found', async () => {
    const connector = await rejection(api.getConnector(BIG_PROJECT, 'nope'));
    assert.deepEqual(
      [connector.kind, connector.status, connector.code],
      ['notFound', 400, 'RESOURCE_NOT_FOUND_EXCEPTION'],
    );
    const pipeline = await rejection(api.getPipeline(BIG_PROJECT, 'nope'));
    assert.deepEqual([pipeline.kind, pipeline.status, pipeline.code], ['notFound', 404, 'ENTITY_NOT_FOUND']);
    const template = await rejection(api.getTemplate({ orgIdentifier: 'default' }, 'nope'));
    assert.deepEqual([template.kind, template.code], ['notFound', 'RESOURCE_NOT_FOUND_EXCEPTION']);
    const test = await rejection(api.testConnector(BIG_PROJECT, 'nope'));
    assert.deepEqual([test.status, test.code], [400, 'CONNECTOR_NOT_FOUND_EXCEPTION']);
  });
});
