// Every HarnessApi member against the local simulator: real envelopes, both page shapes, the
// error shapes the simulator produces, and the retry rules counted in `sim.requests`.
import * as assert from 'node:assert/strict';
import { type HarnessClient, type HarnessClientOptions, createHarnessClient } from '../../../src/api/client';
import { collectAll } from '../../../src/api/paging';
import { BIG_PROJECT, RESTRICTED_PROJECT, type Simulator, startSimulator } from '../../simulator/server';
import { FakeClock } from './fakeClock';
import { assertNoSecret, expectApiError } from './errorSurfaces';
import { holdDeadline } from '../../helpers/heldDeadline';
import { TRANSPORTS } from './transports';

const WEB_APP = { orgIdentifier: 'engineering', projectIdentifier: 'web_app' };
/** A deadline the test passes itself (holdDeadline), and a slow answer that never comes before it. */
const HELD_DEADLINE_MS = 3_600_000;
const NEVER_MS = 2 * HELD_DEADLINE_MS;

function pipelineYaml(
  id: string,
  scope: { orgIdentifier: string; projectIdentifier: string },
  extra = '',
): string {
  return [
    'pipeline:',
    `  name: ${id.replace(/_/g, ' ')}`,
    `  identifier: ${id}`,
    `  orgIdentifier: ${scope.orgIdentifier}`,
    `  projectIdentifier: ${scope.projectIdentifier}`,
    ...(extra ? [extra] : []),
    '  stages:',
    '    - stage:',
    '        name: Say',
    '        identifier: say',
    '        type: Custom',
    '        spec:',
    '          execution:',
    '            steps:',
    '              - step:',
    '                  type: ShellScript',
    '                  name: Echo',
    '                  identifier: echo',
    '                  timeout: 10m',
    '                  spec:',
    '                    shell: Bash',
    '                    onDelegate: true',
    '                    source:',
    '                      type: Inline',
    '                      spec:',
    '                        script: echo hi',
    '',
  ].join('\n');
}

for (const { name, factory } of TRANSPORTS)
  describe(`Harness client against the simulator (${name})`, function () {
    let sim: Simulator;
    let client: HarnessClient;
    let clock: FakeClock;
    const extra: HarnessClient[] = [];

    function make(opts: Partial<HarnessClientOptions> = {}): HarnessClient {
      const c = createHarnessClient({
        baseUrl: sim.url,
        token: sim.tokens.admin,
        clock,
        retry: { baseDelayMs: 5, maxAttempts: 4 },
        ...opts,
        transport: factory,
      });
      extra.push(c);
      return c;
    }

    before(async () => {
      sim = await startSimulator({ seed: 1 });
    });
    after(async () => {
      await sim.close();
    });
    beforeEach(() => {
      clock = new FakeClock();
      sim.faults.clear();
      sim.requests.length = 0;
      client = make();
    });
    afterEach(async () => {
      await Promise.all(extra.splice(0).map((c) => c.close()));
    });

    describe('sign-in', () => {
      it('verifies a PAT through currentUser', async () => {
        const r = await client.verifyToken();
        assert.equal(r.kind, 'pat');
        assert.equal(r.user?.defaultAccountId, sim.accountId);
        assert.equal(sim.requests[0].path, '/ng/api/user/currentUser');
        assert.equal(client.accountId, sim.accountId);
      });

      it('verifies a SAT through token/validate with the token as text/plain body', async () => {
        const sat = make({ token: sim.tokens.sat });
        assert.deepEqual(await sat.verifyToken(), { kind: 'sat' });
        const req = sim.requests[0];
        assert.equal(req.method, 'POST');
        assert.equal(req.path, '/ng/api/token/validate');
        assert.match(String(req.headers['content-type']), /^text\/plain/);
        assert.equal(req.body, sim.tokens.sat);
        assert.equal(req.query.accountIdentifier, sim.accountId);
        assert.equal(req.query.routingId, sim.accountId);
      });

      it('reports an unknown token as unauthorized without revealing it', async () => {
        const fake = `pat.${sim.accountId}.0123456789abcdef01234567.NotARealSecret123`;
        const bad = make({ token: fake });
        const err = await expectApiError(() => bad.verifyToken());
        assert.equal(err.kind, 'unauthorized');
        assert.equal(err.status, 401);
        assert.match(err.message, /sign in again/);
        assertNoSecret(err, fake);
      });

      it('reads the account', async () => {
        const acct = await client.getAccount();
        assert.equal(acct.identifier, sim.accountId);
      });
    });

    describe('organizations and projects (NG pages)', () => {
      it('lists, gets and creates organizations', async () => {
        const page = await client.listOrganizations({ pageSize: 2 });
        assert.equal(page.items.length, 2);
        assert.equal(page.pageSize, 2);
        assert.ok(page.totalItems >= 4);
        assert.equal(page.hasMore, true);
        const all = await collectAll(
          (pageIndex, pageSize) => client.listOrganizations({ pageIndex, pageSize }),
          { pageSize: 2 },
        );
        assert.equal(all.length, page.totalItems);
        assert.ok(all.some((o) => o.identifier === 'default'));

        assert.equal((await client.getOrganization('default')).identifier, 'default');
        const created = await client.createOrganization({
          identifier: 'sim_test_org',
          name: 'Sim Test Org',
          tags: { a: 'b' },
        });
        assert.deepEqual(
          [created.identifier, created.name, created.tags],
          ['sim_test_org', 'Sim Test Org', { a: 'b' }],
        );
        const dup = await expectApiError(() =>
          client.createOrganization({ identifier: 'sim_test_org', name: 'again' }),
        );
        assert.equal(dup.kind, 'duplicate');
        assert.equal(dup.code, 'DUPLICATE_FIELD');
        const missing = await expectApiError(() => client.getOrganization('no_such_org'));
        assert.equal(missing.kind, 'notFound');
        assert.match(missing.message, /Organization "no_such_org" not found/);
      });

      it('pages projects of an org and round-trips create, update, delete', async () => {
        const first = await client.listProjects('default', { pageIndex: 0, pageSize: 2 });
        const second = await client.listProjects('default', { pageIndex: 1, pageSize: 2 });
        assert.equal(first.pageIndex, 0);
        assert.equal(second.pageIndex, 1);
        assert.equal(sim.requests[0].query.orgIdentifier, 'default');
        assert.equal(sim.requests[0].query.pageSize, '2');
        const ids = [...first.items, ...second.items].map((p) => p.identifier);
        assert.equal(new Set(ids).size, ids.length, 'pages do not overlap');

        const scope = { orgIdentifier: 'default', projectIdentifier: 'sim_client_proj' };
        const created = await client.createProject({
          orgIdentifier: 'default',
          identifier: 'sim_client_proj',
          name: 'Client Proj',
          modules: ['CI'],
          color: '#0063F7',
        });
        assert.equal(created.identifier, 'sim_client_proj');
        const body = JSON.parse(sim.requests.at(-1)?.body ?? '{}') as { project: Record<string, unknown> };
        assert.equal(body.project.orgIdentifier, 'default', 'scope inside the body');
        assert.equal(sim.requests.at(-1)?.query.orgIdentifier, 'default', 'and in the query');
        assert.equal('description' in body.project, false, 'undefined fields are not sent');

        const updated = await client.updateProject({
          ...created,
          name: 'Renamed',
          description: 'now described',
        });
        assert.equal(updated.name, 'Renamed');
        assert.equal((await client.getProject(scope)).description, 'now described');
        await client.deleteProject(scope);
        assert.equal((await expectApiError(() => client.getProject(scope))).kind, 'notFound');
      });

      it('FailureDTO with field errors for an invalid identifier', async () => {
        const err = await expectApiError(() =>
          client.createProject({ orgIdentifier: 'default', identifier: '9-bad', name: 'Bad' }),
        );
        assert.equal(err.kind, 'invalid');
        assert.equal(err.status, 400);
        assert.ok(err.fieldErrors.length >= 1, 'field errors present');
        assert.ok(err.fieldErrors.some((f) => /identifier/.test(f.field)));
        assert.ok(err.correlationId);
      });

      it('403 for a token without access to a project', async () => {
        const limited = make({ token: sim.tokens.limited });
        const err = await expectApiError(() => limited.getProject(RESTRICTED_PROJECT));
        assert.equal(err.kind, 'forbidden');
        assert.match(err.message, /lacks permission to read project default\/vault/);
        const pipes = await expectApiError(() => limited.listPipelines(RESTRICTED_PROJECT));
        assert.equal(pipes.kind, 'forbidden');
        assertNoSecret(pipes, sim.tokens.limited);
        // …but the same token works elsewhere.
        assert.ok((await limited.listPipelines(BIG_PROJECT, { pageSize: 1 })).items.length === 1);
      });
    });

    describe('connectors', () => {
      it('lists at account, org and project scope with filterType and filters', async () => {
        const account = await client.listConnectors({}, { pageSize: 100 });
        const org = await client.listConnectors({ orgIdentifier: 'default' }, { pageSize: 100 });
        const project = await client.listConnectors(BIG_PROJECT, { pageSize: 100 });
        assert.ok(account.items.length > 0 && org.items.length > 0 && project.items.length > 0);
        assert.ok(
          account.items.every(
            (c) => c.connector.orgIdentifier === undefined || c.connector.orgIdentifier === '',
          ),
        );
        assert.ok(
          project.items.every((c) => c.connector.projectIdentifier === BIG_PROJECT.projectIdentifier),
        );
        const req = sim.requests[2];
        assert.equal(req.method, 'POST');
        assert.equal(req.path, '/ng/api/connectors/listV2');
        assert.equal(req.query.projectIdentifier, BIG_PROJECT.projectIdentifier);
        assert.equal((JSON.parse(req.body) as { filterType: string }).filterType, 'Connector');

        const failing = await client.listConnectors(
          BIG_PROJECT,
          { pageSize: 100 },
          { connectivityStatuses: ['FAILURE'] },
        );
        assert.ok(failing.items.length > 0);
        assert.ok(failing.items.every((c) => c.status?.status === 'FAILURE'));
        assert.deepEqual(
          (JSON.parse(sim.requests.at(-1)?.body ?? '{}') as { connectivityStatuses: string[] })
            .connectivityStatuses,
          ['FAILURE'],
        );

        const inherited = await client.listConnectors(
          BIG_PROJECT,
          { pageSize: 100 },
          { includeAllConnectorsAvailableAtScope: true },
        );
        assert.ok(inherited.totalItems > project.totalItems, 'parent-scope connectors included');
      });

      it('creates, reads, updates, tests and deletes a connector', async () => {
        const scope = { orgIdentifier: 'default', projectIdentifier: 'payments' };
        const info = {
          name: 'Sim K8s',
          identifier: 'sim_client_k8s',
          ...scope,
          type: 'K8sCluster',
          spec: { credential: { type: 'InheritFromDelegate' }, delegateSelectors: ['d1'] },
        };
        const created = await client.createConnector(info);
        assert.equal(created.connector.identifier, 'sim_client_k8s');
        assert.equal(sim.requests.at(-1)?.query.projectIdentifier, 'payments');
        const dup = await expectApiError(() => client.createConnector(info));
        assert.equal(dup.kind, 'duplicate');

        const got = await client.getConnector(scope, 'sim_client_k8s');
        assert.equal(got.connector.type, 'K8sCluster');
        const updated = await client.updateConnector({ ...got.connector, description: 'updated' });
        assert.equal(updated.connector.description, 'updated');
        assert.equal(sim.requests.at(-1)?.method, 'PUT');
        assert.equal(sim.requests.at(-1)?.path, '/ng/api/connectors');

        const test = await client.testConnector(scope, 'sim_client_k8s');
        // A delegate-inherited K8s connector tests fine in the simulator (an "invalid" spec fails).
        assert.equal(test.status, 'SUCCESS');
        assert.deepEqual(test.errors ?? [], []);
        assert.equal(sim.requests.at(-1)?.path, '/ng/api/connectors/testConnection/sim_client_k8s');

        await client.deleteConnector(scope, 'sim_client_k8s');
        assert.equal(
          (await expectApiError(() => client.getConnector(scope, 'sim_client_k8s'))).kind,
          'notFound',
        );
      });
    });

    describe('pipelines (Spring pages)', () => {
      it('pages through a project with hundreds of pipelines', async () => {
        const page = await client.listPipelines(BIG_PROJECT, { pageIndex: 1, pageSize: 25 });
        assert.equal(page.pageIndex, 1);
        assert.equal(page.pageSize, 25);
        assert.ok(page.totalItems >= 300);
        assert.equal(page.totalPages, Math.ceil(page.totalItems / 25));
        const req = sim.requests[0];
        assert.equal(req.path, '/pipeline/api/pipelines/list');
        assert.deepEqual([req.query.page, req.query.size], ['1', '25']);
        assert.equal((JSON.parse(req.body) as { filterType: string }).filterType, 'PipelineSetup');

        sim.requests.length = 0;
        const all = await collectAll(
          (pageIndex, pageSize) => client.listPipelines(BIG_PROJECT, { pageIndex, pageSize }),
          { pageSize: 100 },
        );
        assert.equal(all.length, page.totalItems);
        assert.equal(new Set(all.map((p) => p.identifier)).size, all.length);
        assert.equal(sim.requests.length, Math.ceil(page.totalItems / 100));
      });

      it('creates, reads, updates and deletes an inline pipeline (YAML bodies)', async () => {
        const scope = { orgIdentifier: 'default', projectIdentifier: 'payments' };
        const yaml = pipelineYaml('sim_client_inline', scope);
        const saved = await client.createPipeline(scope, yaml);
        assert.equal(saved.identifier, 'sim_client_inline');
        const req = sim.requests.at(-1);
        assert.equal(req?.path, '/pipeline/api/pipelines/v2');
        assert.match(String(req?.headers['content-type']), /^application\/yaml/);
        assert.equal(req?.body, yaml);
        assert.equal(req?.query.storeType, undefined);

        const dup = await expectApiError(() => client.createPipeline(scope, yaml));
        assert.equal(dup.kind, 'duplicate');
        assert.match(dup.message, /Pipeline "sim_client_inline" already exists/);

        const detail = await client.getPipeline(scope, 'sim_client_inline');
        assert.equal(detail.yamlPipeline, yaml);
        assert.equal(detail.storeType, 'INLINE');

        const changed = yaml.replace('echo hi', 'echo changed');
        await client.updatePipeline(scope, 'sim_client_inline', changed);
        assert.equal(sim.requests.at(-1)?.method, 'PUT');
        assert.equal(sim.requests.at(-1)?.path, '/pipeline/api/pipelines/v2/sim_client_inline');
        assert.equal((await client.getPipeline(scope, 'sim_client_inline')).yamlPipeline, changed);

        await client.deletePipeline(scope, 'sim_client_inline');
        assert.equal(
          (await expectApiError(() => client.getPipeline(scope, 'sim_client_inline'))).kind,
          'notFound',
        );
      });

      it('reports invalid pipeline YAML with field errors', async () => {
        const scope = { orgIdentifier: 'default', projectIdentifier: 'payments' };
        const err = await expectApiError(() => client.createPipeline(scope, pipelineYaml('1bad', scope)));
        assert.equal(err.kind, 'invalid');
        assert.ok(err.fieldErrors.some((f) => f.field === 'pipeline.identifier'));
      });

      it('creates and updates a remote (Git) pipeline with conflict detection', async () => {
        const git = {
          connectorRef: 'account.github_acme',
          repoName: 'web-app',
          branch: 'main',
          filePath: '.harness/orgs/engineering/projects/web_app/pipelines/sim_client_remote.yaml',
          commitMsg: 'add pipeline',
        };
        const yaml = pipelineYaml('sim_client_remote', WEB_APP);
        await client.createPipeline(WEB_APP, yaml, git);
        const q = sim.requests.at(-1)?.query ?? {};
        assert.deepEqual(
          [q.storeType, q.connectorRef, q.repoName, q.branch, q.filePath, q.commitMsg],
          ['REMOTE', git.connectorRef, git.repoName, git.branch, git.filePath, git.commitMsg],
        );

        const detail = await client.getPipeline(WEB_APP, 'sim_client_remote', {
          branch: 'main',
          repoName: 'web-app',
        });
        assert.equal(detail.storeType, 'REMOTE');
        const objectId = detail.gitDetails?.objectId;
        const commitId = detail.gitDetails?.commitId;
        assert.ok(objectId && commitId);

        await client.updatePipeline(WEB_APP, 'sim_client_remote', yaml.replace('echo hi', 'echo v2'), {
          ...git,
          commitMsg: 'v2',
          lastObjectId: objectId,
          lastCommitId: commitId,
        });
        assert.equal(sim.requests.at(-1)?.query.lastObjectId, objectId);

        // The ids read before v2 are stale now.
        const stale = await expectApiError(() =>
          client.updatePipeline(WEB_APP, 'sim_client_remote', yaml, {
            ...git,
            lastObjectId: objectId,
            lastCommitId: commitId,
          }),
        );
        assert.equal(stale.kind, 'conflict');
        assert.equal(sim.requests.filter((r) => r.method === 'PUT').length, 2, 'a conflict is not retried');
      });

      it('fetches the runtime-input template, runs a pipeline and follows the execution', async () => {
        const list = await client.listPipelines(BIG_PROJECT, { pageSize: 5 });
        const id = list.items[0].identifier;
        const template = await client.getInputSetTemplate(BIG_PROJECT, id);
        const tReq = sim.requests.at(-1);
        assert.equal(tReq?.path, '/pipeline/api/inputSets/template');
        assert.equal(tReq?.query.pipelineIdentifier, id);
        // The first pipeline has no runtime inputs: its template is empty, so it runs with ''.
        assert.equal(template.inputSetTemplateYaml, '');

        const run = await client.executePipeline(BIG_PROJECT, id, '');
        assert.ok(run.uuid.length > 0);
        const eReq = sim.requests.at(-1);
        assert.equal(eReq?.path, `/pipeline/api/pipeline/execute/${id}`);
        assert.equal(eReq?.body, '');
        assert.match(String(eReq?.headers['content-type']), /^application\/yaml/);

        const exec = await client.getExecution(BIG_PROJECT, run.uuid);
        assert.equal(exec.planExecutionId, run.uuid);
        assert.equal(exec.pipelineIdentifier, id);
        assert.equal(sim.requests.at(-1)?.path, `/pipeline/api/pipelines/execution/v2/${run.uuid}`);

        const executions = await client.listExecutions(BIG_PROJECT, id, { pageSize: 10 });
        assert.ok(executions.items.some((e) => e.planExecutionId === run.uuid));
        const lReq = sim.requests.at(-1);
        assert.equal(lReq?.query.pipelineIdentifier, id);
        assert.equal(
          (JSON.parse(lReq?.body ?? '{}') as { filterType: string }).filterType,
          'PipelineExecution',
        );
        // The earlier runs are the pipeline's history as Harness holds it, with their statuses.
        const older = executions.items.filter((e) => e.planExecutionId !== run.uuid);
        const history = sim.state.executions.filter(
          (e) => e.pipelineIdentifier === id && e.planExecutionId !== run.uuid,
        );
        assert.ok(history.length > 0, `${id} has a run history in the seeded account`);
        assert.deepEqual(
          older.map((e) => `${e.planExecutionId} ${e.status}`).sort(),
          history.map((e) => `${e.planExecutionId} ${e.status}`).sort(),
        );
      });

      it('downloads the pipeline and connector YAML schemas', async () => {
        const p = await client.getPipelineSchema(BIG_PROJECT);
        assert.deepEqual(p, sim.state.pipelineSchema, 'the schema Harness served, unwrapped');
        assert.deepEqual(
          [sim.requests[0].path, sim.requests[0].query.entityType, sim.requests[0].query.scope],
          ['/pipeline/api/yaml-schema', 'Pipelines', 'project'],
        );
        const c = await client.getConnectorSchema();
        assert.deepEqual(c, sim.state.connectorSchema, 'the schema Harness served, unwrapped');
        assert.deepEqual(
          [sim.requests[1].path, sim.requests[1].query.entityType, sim.requests[1].query.scope],
          ['/ng/api/yaml-schema', 'Connectors', 'account'],
        );
      });
    });

    describe('faults and retries', () => {
      const countTo = (path: string): number => sim.requests.filter((r) => r.path === path).length;

      it('retries a GET on 503, 502 and 504 and succeeds', async () => {
        for (const kind of ['503', '502', '504'] as const) {
          sim.requests.length = 0;
          sim.faults.inject({ method: 'GET', path: '/ng/api/organizations', kind, times: 2 });
          const page = await client.listOrganizations();
          assert.ok(page.items.length > 0);
          assert.equal(countTo('/ng/api/organizations'), 3, kind);
        }
      });

      it('does not retry a create on 503', async () => {
        sim.faults.inject({ method: 'POST', path: '/ng/api/organizations', kind: '503' });
        const err = await expectApiError(() =>
          client.createOrganization({ identifier: 'sim_no_retry', name: 'x' }),
        );
        assert.equal(err.kind, 'server');
        assert.equal(err.status, 503);
        assert.deepEqual(err.details, ['no healthy upstream']);
        assert.equal(countTo('/ng/api/organizations'), 1);
      });

      it('does not retry execute, testConnection or delete', async () => {
        sim.faults.inject({ path: '/pipeline/api/pipeline/execute/', kind: '502' });
        await expectApiError(() => client.executePipeline(BIG_PROJECT, 'checkout_build'));
        sim.faults.inject({ path: '/ng/api/connectors/testConnection/', kind: '504' });
        await expectApiError(() => client.testConnector({}, 'github_acme'));
        sim.faults.inject({ method: 'DELETE', kind: '503' });
        await expectApiError(() =>
          client.deleteProject({ orgIdentifier: 'default', projectIdentifier: 'payments' }),
        );
        assert.equal(sim.requests.length, 3);
      });

      it('retries the list POSTs (safe reads)', async () => {
        sim.faults.inject({ path: '/pipeline/api/pipelines/list', kind: '503' });
        sim.faults.inject({ path: '/ng/api/connectors/listV2', kind: '503' });
        sim.faults.inject({ path: '/pipeline/api/pipelines/execution/summary', kind: '503' });
        sim.faults.inject({ path: '/pipeline/api/inputSets/template', kind: '503' });
        await client.listPipelines(BIG_PROJECT, { pageSize: 1 });
        await client.listConnectors({}, { pageSize: 1 });
        await client.listExecutions(BIG_PROJECT, undefined, { pageSize: 1 });
        await client.getInputSetTemplate(BIG_PROJECT, 'checkout_build');
        assert.equal(sim.requests.length, 8);
      });

      it('backs off on 429 without Retry-After, and honours it when present', async () => {
        sim.faults.inject({ path: '/ng/api/organizations', kind: '429', times: 2 });
        await client.listOrganizations();
        assert.equal(countTo('/ng/api/organizations'), 3);
        assert.equal(clock.sleeps.length, 2);
        assert.ok(
          clock.sleeps[0] <= 5 && clock.sleeps[1] <= 10,
          `exponential backoff ${clock.sleeps.join(',')}`,
        );

        clock.sleeps = [];
        sim.faults.inject({ path: '/ng/api/organizations', kind: '429', retryAfter: '3' });
        await client.listOrganizations();
        assert.deepEqual(clock.sleeps, [3000]);
      });

      it('gives up on a persistent 429 with a rate-limit error', async () => {
        sim.faults.inject({ path: '/ng/api/projects', kind: '429', times: 10 });
        const err = await expectApiError(() => client.listProjects('default'));
        assert.equal(err.kind, 'rateLimited');
        assert.match(err.message, /rate limited/);
        assert.equal(countTo('/ng/api/projects'), 4);
      });

      it('retries a connection reset on reads only', async () => {
        sim.faults.inject({ path: '/ng/api/organizations/default', kind: 'reset' });
        assert.equal((await client.getOrganization('default')).identifier, 'default');
        assert.equal(countTo('/ng/api/organizations/default'), 2);

        sim.requests.length = 0;
        sim.faults.inject({ method: 'POST', path: '/ng/api/organizations', kind: 'reset' });
        const err = await expectApiError(() =>
          client.createOrganization({ identifier: 'sim_reset', name: 'x' }),
        );
        // The write was sent before the connection dropped: its outcome is unknown, not "failed".
        assert.equal(err.kind, 'outcomeUnknown');
        assert.equal(err.outcomeReason, 'connectionLost');
        assert.equal(err.status, 0);
        assert.equal(sim.requests.length, 1);
      });

      it('reports HTML, truncated, empty and 500 answers', async () => {
        sim.faults.inject({ path: '/ng/api/organizations/default', kind: 'html', times: 4 });
        const html = await expectApiError(() => client.getOrganization('default'));
        assert.equal(html.kind, 'server');
        assert.match(html.message, /HTML page instead of JSON/);
        assert.ok(!html.message.includes('<'));

        sim.faults.inject({ path: '/ng/api/organizations/default', kind: 'truncated' });
        const truncated = await expectApiError(() => client.getOrganization('default'));
        assert.equal(truncated.kind, 'badResponse');
        assert.match(truncated.message, /incomplete or malformed JSON/);

        sim.faults.inject({ path: '/ng/api/organizations/default', kind: 'empty' });
        const empty = await expectApiError(() => client.getOrganization('default'));
        assert.equal(empty.kind, 'badResponse');
        assert.match(empty.message, /empty response/);

        sim.faults.inject({ path: '/ng/api/organizations/default', kind: '500' });
        const e500 = await expectApiError(() => client.getOrganization('default'));
        assert.equal(e500.kind, 'server');
        assert.equal(e500.code, 'UNEXPECTED');
        assert.ok(e500.correlationId);
        assert.equal(e500.retryable, false);
      });

      it('gives a slow answer the whole deadline of the call, and no retry past it', async () => {
        // The deadline passes when the test says so (holdDeadline), once the request is at the
        // simulator, whose answer never comes in this test: no real timer races a loaded machine.
        const deadline = holdDeadline(HELD_DEADLINE_MS);
        const until = async (cond: () => boolean): Promise<void> => {
          const end = Date.now() + 5000;
          while (!cond() && Date.now() < end) await new Promise((r) => setImmediate(r));
        };
        try {
          sim.faults.inject({ path: '/ng/api/organizations/default', kind: 'slow', delayMs: NEVER_MS });
          let settled = false;
          const read = client.getOrganization('default', { timeoutMs: HELD_DEADLINE_MS });
          read.then(
            () => (settled = true),
            () => (settled = true),
          );
          await until(() => countTo('/ng/api/organizations/default') === 1);
          assert.equal(deadline.pending, 1, 'the call armed its deadline');
          await new Promise((r) => setTimeout(r, 100));
          assert.equal(settled, false, 'the call waits for its deadline');
          deadline.fire();
          const err = await expectApiError(() => read);
          assert.equal(err.kind, 'timeout');
          assert.match(err.message, /timed out after [\d.]+ m?s \(1 attempt, no answer\)/);
          assert.equal(countTo('/ng/api/organizations/default'), 1, 'no retry past the deadline');

          sim.faults.inject({
            method: 'POST',
            path: '/ng/api/organizations',
            kind: 'slow',
            delayMs: NEVER_MS,
          });
          const create = client.createOrganization(
            { identifier: 'sim_slow', name: 'x' },
            { timeoutMs: HELD_DEADLINE_MS },
          );
          create.catch(() => undefined);
          await until(() => countTo('/ng/api/organizations') === 1);
          deadline.fire();
          const write = await expectApiError(() => create);
          assert.equal(write.kind, 'outcomeUnknown');
          assert.equal(write.outcomeReason, 'timeout');
        } finally {
          deadline.restore();
        }
      });

      it('cancels a slow request with an AbortSignal', async () => {
        sim.faults.inject({ path: '/ng/api/organizations/default', kind: 'slow', delayMs: 5000 });
        const ac = new AbortController();
        const pending = client.getOrganization('default', { signal: ac.signal });
        const until = Date.now() + 5000;
        while (sim.requests.length === 0 && Date.now() < until) await new Promise((r) => setImmediate(r));
        ac.abort();
        const err = await expectApiError(() => pending);
        assert.equal(err.kind, 'cancelled');
        assert.equal(sim.requests.length, 1);
      });
    });
  });
