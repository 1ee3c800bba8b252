import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { startSimulator, type Simulator } from '../../simulator/server';
import { call, data, PLATFORM, simplePipelineYaml } from './helpers';

interface Detail {
  yamlPipeline: string;
  version: number;
  storeType: string;
  gitDetails: Record<string, string> | null;
  entityValidityDetails: { valid: boolean; invalidYaml: string | null };
  modules: string[];
}

describe('simulator: pipelines', function () {
  // Bounded: these suites start servers and child processes on a possibly busy 2-core machine.
  this.timeout(15_000);
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator();
  });
  after(() => sim.close());

  const get = async (id: string) =>
    data<Detail>(await call(sim, 'GET', `/pipeline/api/pipelines/${id}`, { query: PLATFORM }));

  it('serves seeded v0 YAML with stages, failure strategies and modules', async () => {
    const d = await get('payments_release');
    const root = parse(d.yamlPipeline) as {
      pipeline: { identifier: string; stages: { stage: { type: string; failureStrategies?: unknown } }[] };
    };
    assert.equal(root.pipeline.identifier, 'payments_release');
    const types = root.pipeline.stages.map((s) => s.stage.type);
    assert.deepEqual(types, ['CI', 'Approval', 'Deployment']);
    assert.ok(root.pipeline.stages[2].stage.failureStrategies);
    assert.deepEqual(d.modules, ['cd', 'ci', 'pms']);
    assert.equal(d.storeType, 'INLINE');
    assert.deepEqual(d.entityValidityDetails, { valid: true, invalidYaml: null });
  });

  it('creates inline pipelines from application/yaml, stores the YAML and counts versions', async () => {
    const yaml = simplePipelineYaml('sim_new_one');
    const created = data<{ identifier: string; governanceMetadata: { deny: boolean; status: string } }>(
      await call(sim, 'POST', '/pipeline/api/pipelines/v2', { query: PLATFORM, yaml }),
    );
    assert.equal(created.identifier, 'sim_new_one');
    assert.equal(created.governanceMetadata.deny, false);
    let d = await get('sim_new_one');
    assert.equal(d.yamlPipeline, yaml);
    assert.equal(d.version, 1);
    const changed = yaml.replace('command: echo hi', 'command: echo changed');
    data(
      await call(sim, 'PUT', '/pipeline/api/pipelines/v2/sim_new_one', { query: PLATFORM, yaml: changed }),
    );
    d = await get('sim_new_one');
    assert.equal(d.yamlPipeline, changed);
    assert.equal(d.version, 2);
    const list = data<{ content: { identifier: string }[] }>(
      await call(sim, 'POST', '/pipeline/api/pipelines/list', {
        query: { ...PLATFORM, size: 1 },
        json: { filterType: 'PipelineSetup' },
      }),
    );
    assert.equal(list.content[0].identifier, 'sim_new_one', 'the latest update sorts first');
  });

  it('refuses other content types, identifier mismatches, scope mismatches and unknown pipelines on update', async () => {
    const yaml = simplePipelineYaml('sim_rules');
    const json = await call(sim, 'POST', '/pipeline/api/pipelines/v2', {
      query: PLATFORM,
      text: yaml,
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(json.status, 415);
    data(await call(sim, 'POST', '/pipeline/api/pipelines/v2', { query: PLATFORM, yaml }));
    const mismatch = await call(sim, 'PUT', '/pipeline/api/pipelines/v2/sim_rules', {
      query: PLATFORM,
      yaml: simplePipelineYaml('other_id'),
    });
    assert.equal(mismatch.status, 400);
    assert.match(String(mismatch.body.message), /does not match the identifier in the URL/);
    const wrongProject = simplePipelineYaml('sim_rules', '', {
      orgIdentifier: 'default',
      projectIdentifier: 'payments',
    });
    const scope = await call(sim, 'PUT', '/pipeline/api/pipelines/v2/sim_rules', {
      query: PLATFORM,
      yaml: wrongProject,
    });
    assert.equal(scope.status, 400);
    assert.match(String(scope.body.message), /projectIdentifier in YAML \[payments\]/);
    const missing = await call(sim, 'PUT', '/pipeline/api/pipelines/v2/not_there', {
      query: PLATFORM,
      yaml: simplePipelineYaml('not_there'),
    });
    assert.equal(missing.status, 404);
    const noName = await call(sim, 'POST', '/pipeline/api/pipelines/v2', {
      query: PLATFORM,
      yaml: 'pipeline:\n  identifier: no_name\n',
    });
    assert.equal(noName.status, 400);
    assert.equal(noName.body.status, 'FAILURE');
    assert.deepEqual(noName.body.errors, [{ fieldId: 'pipeline.name', error: 'cannot be empty' }]);
  });

  it('applies the documented governance trigger: opa: deny is not saved, opa: warn is', async () => {
    type Governance = {
      deny: boolean;
      status: string;
      message: string;
      timestamp: string;
      details: { deny: boolean; policyMetadata: { status: string; denyMessages: string[] }[] }[];
    };
    const denied = data<{ identifier?: string; governanceMetadata: Governance }>(
      await call(sim, 'POST', '/pipeline/api/pipelines/v2', {
        query: PLATFORM,
        yaml: simplePipelineYaml('sim_denied', '  tags:\n    opa: deny'),
      }),
    );
    // As PipelineResourceImpl answers a deny: only governanceMetadata, no identifier; the
    // protobuf JSON has message "" and the reasons in the policy sets.
    assert.equal(denied.identifier, undefined);
    assert.equal(denied.governanceMetadata.deny, true);
    assert.equal(denied.governanceMetadata.status, 'error');
    assert.equal(denied.governanceMetadata.message, '');
    assert.match(denied.governanceMetadata.timestamp, /^\d+$/);
    assert.equal(denied.governanceMetadata.details[0].deny, true);
    assert.match(denied.governanceMetadata.details[0].policyMetadata[0].denyMessages[0], /opa=deny/);
    assert.equal(
      (await call(sim, 'GET', '/pipeline/api/pipelines/sim_denied', { query: PLATFORM })).status,
      404,
    );
    const warned = data<{ governanceMetadata: { deny: boolean; status: string } }>(
      await call(sim, 'POST', '/pipeline/api/pipelines/v2', {
        query: PLATFORM,
        yaml: simplePipelineYaml('sim_warned', '  tags:\n    opa: warn'),
      }),
    );
    assert.deepEqual([warned.governanceMetadata.deny, warned.governanceMetadata.status], [false, 'warning']);
    assert.equal((await get('sim_warned')).version, 1);
  });

  it('creates and updates remote pipelines with Git details and detects conflicts', async () => {
    const git = {
      storeType: 'REMOTE',
      connectorRef: 'account.github_acme',
      repoName: 'platform-pipelines',
      branch: 'main',
      filePath: '.harness/sim_remote.yaml',
    };
    const yaml = simplePipelineYaml('sim_remote');
    data(
      await call(sim, 'POST', '/pipeline/api/pipelines/v2', {
        query: { ...PLATFORM, ...git, commitMsg: 'add' },
        yaml,
      }),
    );
    const first = await get('sim_remote');
    assert.equal(first.storeType, 'REMOTE');
    assert.equal(first.gitDetails?.filePath, '.harness/sim_remote.yaml');
    assert.equal(first.gitDetails?.repoName, 'platform-pipelines');
    assert.match(first.gitDetails?.objectId ?? '', /^[0-9a-f]{40}$/);
    const changed = yaml.replace('echo hi', 'echo remote');
    const lastObjectId = first.gitDetails?.objectId;
    const lastCommitId = first.gitDetails?.commitId;
    data(
      await call(sim, 'PUT', '/pipeline/api/pipelines/v2/sim_remote', {
        query: { ...PLATFORM, ...git, lastObjectId, lastCommitId },
        yaml: changed,
      }),
    );
    const second = await get('sim_remote');
    assert.notEqual(second.gitDetails?.objectId, lastObjectId);
    assert.notEqual(second.gitDetails?.commitId, lastCommitId);
    assert.equal(second.version, 2);
    const stale = await call(sim, 'PUT', '/pipeline/api/pipelines/v2/sim_remote', {
      query: { ...PLATFORM, ...git, lastObjectId },
      yaml,
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'SCM_CONFLICT_ERROR');
    assert.equal((await get('sim_remote')).yamlPipeline, changed, 'a conflicting update changes nothing');
    const badPath = await call(sim, 'POST', '/pipeline/api/pipelines/v2', {
      query: { ...PLATFORM, ...git, filePath: 'pipelines/x.yaml' },
      yaml: simplePipelineYaml('sim_remote2'),
    });
    assert.equal(badPath.status, 400);
    const otherBranch = await call(sim, 'GET', '/pipeline/api/pipelines/sim_remote', {
      query: { ...PLATFORM, branch: 'feature' },
    });
    assert.equal(otherBranch.status, 400);
  });

  it('reports a remote pipeline whose file no longer parses as invalid', async () => {
    const broken = sim.state.pipelines.find((p) => !p.valid);
    assert.ok(broken);
    const d = await get(broken.identifier);
    assert.equal(d.entityValidityDetails.valid, false);
    assert.equal(d.entityValidityDetails.invalidYaml, d.yamlPipeline);
  });

  it('deletes pipelines', async () => {
    data(
      await call(sim, 'POST', '/pipeline/api/pipelines/v2', {
        query: PLATFORM,
        yaml: simplePipelineYaml('sim_doomed'),
      }),
    );
    assert.equal(
      data<boolean>(await call(sim, 'DELETE', '/pipeline/api/pipelines/sim_doomed', { query: PLATFORM })),
      true,
    );
    assert.equal(
      (await call(sim, 'GET', '/pipeline/api/pipelines/sim_doomed', { query: PLATFORM })).status,
      404,
    );
    assert.equal(
      (await call(sim, 'DELETE', '/pipeline/api/pipelines/sim_doomed', { query: PLATFORM })).status,
      404,
    );
  });

  it('builds the input-set template from <+input> fields, empty when there are none', async () => {
    const withInputs = sim.state.pipelines.find(
      (p) => p.projectIdentifier === 'platform' && /: <\+input>\n/.test(p.yaml),
    );
    assert.ok(withInputs);
    const t = data<{ inputSetTemplateYaml: string }>(
      await call(sim, 'POST', '/pipeline/api/inputSets/template', {
        query: { ...PLATFORM, pipelineIdentifier: withInputs.identifier },
        json: {},
      }),
    );
    const tpl = parse(t.inputSetTemplateYaml) as {
      pipeline: { identifier: string; variables?: { name: string; value: string }[] };
    };
    assert.equal(tpl.pipeline.identifier, withInputs.identifier);
    assert.ok(tpl.pipeline.variables?.some((v) => v.name === 'release_note' && v.value === '<+input>'));
    assert.ok(!t.inputSetTemplateYaml.includes('echo'), 'fixed values are not part of the template');
    data(
      await call(sim, 'POST', '/pipeline/api/pipelines/v2', {
        query: PLATFORM,
        yaml: simplePipelineYaml('sim_no_inputs'),
      }),
    );
    const none = data<{ inputSetTemplateYaml: string }>(
      await call(sim, 'POST', '/pipeline/api/inputSets/template', {
        query: { ...PLATFORM, pipelineIdentifier: 'sim_no_inputs' },
        json: {},
      }),
    );
    assert.equal(none.inputSetTemplateYaml, '');
  });

  it('serves the default schemas and the one a test sets', async () => {
    const schema = data<{ $schema: string; properties: { pipeline: unknown } }>(
      await call(sim, 'GET', '/pipeline/api/yaml-schema', {
        query: { entityType: 'Pipelines', scope: 'account' },
      }),
    );
    assert.match(schema.$schema, /draft-07/);
    assert.ok(schema.properties.pipeline);
    const connectors = data<{ properties: { connector: unknown } }>(
      await call(sim, 'GET', '/ng/api/yaml-schema', { query: { entityType: 'Connectors' } }),
    );
    assert.ok(connectors.properties.connector);
    sim.setPipelineSchema({ title: 'custom' });
    assert.deepEqual(
      data(await call(sim, 'GET', '/pipeline/api/yaml-schema', { query: { entityType: 'Pipelines' } })),
      { title: 'custom' },
    );
    assert.equal((await call(sim, 'GET', '/pipeline/api/yaml-schema')).status, 400);
  });
});
