import * as assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../simulator/server';
import { call, data, PLATFORM, simplePipelineYaml } from './helpers';

/** Asserts the ErrorDTO shape and returns it. */
function errorDto(
  r: { status: number; body: Record<string, unknown> },
  status: number,
  code: string,
): Record<string, unknown> {
  assert.equal(r.status, status);
  const b = r.body;
  assert.equal(b.status, 'ERROR');
  assert.equal(b.code, code);
  assert.equal(typeof b.message, 'string');
  assert.match(String(b.correlationId), /^[0-9a-f-]{36}$/);
  assert.ok(Array.isArray(b.responseMessages));
  return b;
}

/** Asserts the FailureDTO shape of a JAX-RS not-found/not-allowed answer and returns it. */
function failureDto(
  r: { status: number; body: Record<string, unknown> },
  status: number,
  code: string,
): Record<string, unknown> {
  assert.equal(r.status, status);
  const b = r.body;
  assert.equal(b.status, 'FAILURE');
  assert.equal(b.code, code);
  assert.equal(typeof b.message, 'string');
  assert.match(String(b.correlationId), /^[0-9a-f-]{36}$/);
  return b;
}

/** Asserts the AccessDeniedErrorDTO shape (403, no correlationId, failedPermissionChecks). */
function accessDenied(r: { status: number; body: Record<string, unknown> }): Record<string, unknown> {
  assert.equal(r.status, 403);
  const b = r.body;
  assert.equal(b.status, 'ERROR');
  assert.equal(b.code, 'NG_ACCESS_DENIED');
  assert.ok(Array.isArray(b.failedPermissionChecks));
  return b;
}

describe('simulator: authentication, access and errors', function () {
  // Bounded: these suites start servers and child processes on a possibly busy 2-core machine.
  this.timeout(15_000);
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator();
  });
  after(() => sim.close());

  describe('401 / 400 / 403 on credentials', () => {
    it('answers 401 INVALID_TOKEN without a token or with an unknown one', async () => {
      errorDto(await call(sim, 'GET', '/ng/api/organizations', { token: null }), 401, 'INVALID_TOKEN');
      const forged = `pat.${sim.accountId}.000000000000000000000000.NOTAREALSECRET000000`;
      const b = errorDto(
        await call(sim, 'GET', '/ng/api/organizations', { token: forged }),
        401,
        'INVALID_TOKEN',
      );
      assert.ok(!JSON.stringify(b).includes(forged), 'the token is not echoed');
    });

    it('answers 400 FailureDTO without accountIdentifier and 403 for another account', async () => {
      const missing = await call(sim, 'GET', '/ng/api/organizations', { noAccount: true });
      assert.equal(missing.status, 400);
      assert.equal(missing.body.status, 'FAILURE');
      assert.deepEqual(missing.body.errors, [{ fieldId: 'accountIdentifier', error: 'must not be null' }]);
      const other = await call(sim, 'GET', '/ng/api/organizations', {
        noAccount: true,
        query: { accountIdentifier: 'someOtherAccount' },
      });
      errorDto(other, 403, 'NG_ACCESS_DENIED');
      errorDto(await call(sim, 'GET', '/ng/api/accounts/someOtherAccount'), 403, 'NG_ACCESS_DENIED');
    });

    it('records routingId and the x-api-key of every request', async () => {
      sim.requests.length = 0;
      await call(sim, 'GET', '/ng/api/accounts/' + sim.accountId);
      assert.equal(sim.requests.length, 1);
      assert.equal(sim.requests[0].query.routingId, sim.accountId);
      assert.equal(sim.requests[0].headers['x-api-key'], sim.tokens.admin);
      assert.equal(sim.requests[0].path, `/ng/api/accounts/${sim.accountId}`);
    });
  });

  describe('who am I', () => {
    it('returns the current user for a PAT and refuses a SAT', async () => {
      const user = data<{ uuid: string; email: string; defaultAccountId: string }>(
        await call(sim, 'GET', '/ng/api/user/currentUser'),
      );
      assert.ok(user.uuid);
      assert.equal(user.defaultAccountId, sim.accountId);
      assert.match(user.email, /@example\.com$/);
      const b = errorDto(
        await call(sim, 'GET', '/ng/api/user/currentUser', { token: sim.tokens.sat }),
        400,
        'INVALID_REQUEST',
      );
      assert.match(String(b.message), /USER/);
    });

    it('validates a SAT through token/validate with the raw token as body', async () => {
      const t = data<{ valid: boolean; apiKeyType: string; accountIdentifier: string }>(
        await call(sim, 'POST', '/ng/api/token/validate', { token: sim.tokens.sat, text: sim.tokens.sat }),
      );
      assert.equal(t.valid, true);
      assert.equal(t.apiKeyType, 'SERVICE_ACCOUNT');
      assert.equal(t.accountIdentifier, sim.accountId);
      errorDto(
        await call(sim, 'POST', '/ng/api/token/validate', { token: sim.tokens.sat, text: 'sat.x.y.z' }),
        401,
        'INVALID_TOKEN',
      );
    });

    it('returns the account', async () => {
      const a = data<{ identifier: string; cluster: string }>(
        await call(sim, 'GET', `/ng/api/accounts/${sim.accountId}`),
      );
      assert.equal(a.identifier, sim.accountId);
      assert.ok(a.cluster);
    });
  });

  describe('the limited token', () => {
    const vault = { orgIdentifier: 'default', projectIdentifier: 'vault' };

    it('gets 403 NG_ACCESS_DENIED on the restricted project and what is in it', async () => {
      const token = sim.tokens.limited;
      const project = accessDenied(
        await call(sim, 'GET', '/ng/api/projects/vault', { token, query: { orgIdentifier: 'default' } }),
      );
      assert.match(
        String(project.message),
        /^Principal of type USER with identifier \S+ : Missing permission core_project_view on project with identifier vault$/,
      );
      const pipelines = accessDenied(
        await call(sim, 'POST', '/pipeline/api/pipelines/list', {
          token,
          query: vault,
          json: { filterType: 'PipelineSetup' },
        }),
      );
      assert.match(String(pipelines.message), /core_pipeline_view/);
      accessDenied(
        await call(sim, 'POST', '/ng/api/connectors/listV2', {
          token,
          query: vault,
          json: { filterType: 'Connector' },
        }),
      );
      const someVaultPipeline = sim.state.pipelines.find((p) => p.projectIdentifier === 'vault');
      assert.ok(someVaultPipeline);
      accessDenied(
        await call(sim, 'GET', `/pipeline/api/pipelines/${someVaultPipeline.identifier}`, {
          token,
          query: vault,
        }),
      );
    });

    it('still works elsewhere, and project lists leave the restricted project out', async () => {
      const token = sim.tokens.limited;
      data(
        await call(sim, 'POST', '/pipeline/api/pipelines/list', {
          token,
          query: PLATFORM,
          json: { filterType: 'PipelineSetup' },
        }),
      );
      const list = data<{ content: { project: { identifier: string } }[] }>(
        await call(sim, 'GET', '/ng/api/projects', { token, query: { orgIdentifier: 'default' } }),
      );
      const ids = list.content.map((c) => c.project.identifier);
      assert.ok(ids.includes('platform'));
      assert.ok(!ids.includes('vault'));
      const admin = data<{ content: { project: { identifier: string } }[] }>(
        await call(sim, 'GET', '/ng/api/projects', { query: { orgIdentifier: 'default' } }),
      );
      assert.ok(admin.content.some((c) => c.project.identifier === 'vault'));
    });
  });

  describe('404 / 405', () => {
    it('answers unknown routes as NG does: 400 RESOURCE_NOT_FOUND_EXCEPTION "HTTP 404 Not Found"', async () => {
      const b = failureDto(
        await call(sim, 'GET', '/ng/api/no-such-thing'),
        400,
        'RESOURCE_NOT_FOUND_EXCEPTION',
      );
      assert.equal(b.message, 'HTTP 404 Not Found');
    });

    it('answers missing entities with the codes and words of the real services', async () => {
      const project = errorDto(
        await call(sim, 'GET', '/ng/api/projects/nope', { query: { orgIdentifier: 'default' } }),
        404,
        'ENTITY_NOT_FOUND',
      );
      assert.match(String(project.message), /nope/);
      const pipeline = errorDto(
        await call(sim, 'GET', '/pipeline/api/pipelines/nope', { query: PLATFORM }),
        404,
        'ENTITY_NOT_FOUND',
      );
      assert.equal(pipeline.message, 'Pipeline with the given ID: nope does not exist or has been deleted');
      assert.deepEqual(pipeline.responseMessages, [], 'the pipeline service sends no responseMessages');
      const org = failureDto(
        await call(sim, 'GET', '/ng/api/organizations/nope'),
        400,
        'RESOURCE_NOT_FOUND_EXCEPTION',
      );
      assert.equal(org.message, 'Organization with identifier [nope] not found');
      failureDto(await call(sim, 'GET', '/ng/api/connectors/nope'), 400, 'RESOURCE_NOT_FOUND_EXCEPTION');
      const execution = errorDto(
        await call(sim, 'GET', '/pipeline/api/pipelines/execution/v2/nope', { query: PLATFORM }),
        404,
        'ENTITY_NOT_FOUND',
      );
      assert.equal(
        execution.message,
        'Plan Execution Summary does not exist or has been deleted for planExecutionId: nope',
      );
    });

    it('answers 405 with Allow for a known path and the wrong method', async () => {
      const r = await call(sim, 'DELETE', '/ng/api/organizations');
      assert.equal(failureDto(r, 405, 'RESOURCE_NOT_FOUND_EXCEPTION').message, 'HTTP 405 Method Not Allowed');
      assert.equal(r.headers.get('allow'), 'GET, POST');
    });
  });

  describe('400s', () => {
    it('answers DUPLICATE_FIELD when creating an existing org, project, connector or pipeline', async () => {
      errorDto(
        await call(sim, 'POST', '/ng/api/organizations', {
          json: { organization: { identifier: 'default', name: 'x' } },
        }),
        400,
        'DUPLICATE_FIELD',
      );
      errorDto(
        await call(sim, 'POST', '/ng/api/projects', {
          query: { orgIdentifier: 'default' },
          json: { project: { orgIdentifier: 'default', identifier: 'platform', name: 'P' } },
        }),
        400,
        'DUPLICATE_FIELD',
      );
      const existing = sim.state.connectors.find(
        (c) => !c.connector.orgIdentifier && c.connector.type === 'DockerRegistry',
      );
      assert.ok(existing);
      errorDto(
        await call(sim, 'POST', '/ng/api/connectors', { json: { connector: existing.connector } }),
        400,
        'DUPLICATE_FIELD',
      );
      errorDto(
        await call(sim, 'POST', '/pipeline/api/pipelines/v2', {
          query: PLATFORM,
          yaml: simplePipelineYaml('checkout_build'),
        }),
        400,
        'DUPLICATE_FIELD',
      );
    });

    it('answers FailureDTO for a bad identifier', async () => {
      const r = await call(sim, 'POST', '/ng/api/projects', {
        query: { orgIdentifier: 'default' },
        json: { project: { orgIdentifier: 'default', identifier: '9-bad', name: 'Bad' } },
      });
      assert.equal(r.status, 400);
      assert.equal(r.body.status, 'FAILURE');
      assert.equal(r.body.code, 'INVALID_REQUEST');
      const errors = r.body.errors as { fieldId: string; error: string }[];
      assert.equal(errors[0].fieldId, 'identifier');
      assert.match(errors[0].error, /alphanumeric/);
      const pipeline = await call(sim, 'POST', '/pipeline/api/pipelines/v2', {
        query: PLATFORM,
        yaml: simplePipelineYaml('bad-id'),
      });
      assert.equal(pipeline.status, 400);
      assert.equal(pipeline.body.status, 'FAILURE');
      assert.equal((pipeline.body.errors as { fieldId: string }[])[0].fieldId, 'pipeline.identifier');
    });

    it('answers the numeric-code "Unable to process JSON" for list bodies without filterType and for null values', async () => {
      for (const [path, query] of [
        ['/pipeline/api/pipelines/list', PLATFORM],
        ['/ng/api/connectors/listV2', {}],
        ['/pipeline/api/pipelines/execution/summary', PLATFORM],
      ] as const) {
        const r = await call(sim, 'POST', path, { query, json: {} });
        assert.equal(r.status, 400, path);
        assert.equal(r.body.code, 400);
        assert.equal(r.body.message, 'Unable to process JSON');
        assert.match(String(r.body.details), /filterType/);
      }
      const nulls = await call(sim, 'POST', '/ng/api/organizations', {
        json: { organization: { identifier: 'x1', name: 'X', description: null } },
      });
      assert.equal(nulls.status, 400);
      assert.equal(nulls.body.code, 400);
      const broken = await call(sim, 'POST', '/ng/api/organizations', {
        text: '{"organization":',
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(broken.body.message, 'Unable to process JSON');
    });

    it('prefixes INVALID_REQUEST messages like the server does', async () => {
      const b = errorDto(
        await call(sim, 'POST', '/pipeline/api/pipelines/v2', {
          query: PLATFORM,
          yaml: 'pipeline: [unclosed',
        }),
        400,
        'INVALID_REQUEST',
      );
      assert.match(String(b.message), /^Invalid request: Invalid yaml/);
    });
  });
});
