// The extension host's related-entity lookup: the pipeline an input set targets comes from the
// workspace first (matched by identifier and scope), then from the signed-in account through the
// real API client against the simulator; not found or offline answers nothing, never an error.
import * as assert from 'node:assert/strict';
import { type HarnessClient, createHarnessClient } from '../../../../src/api/client';
import { EntityLookup, fileIdentity, type WorkspaceFiles } from '../../../../src/language/entityLookup';
import { type Simulator, startSimulator } from '../../../simulator/server';
import { undici } from '../../api/transports';

const files = (list: { path: string; text: string }[]): WorkspaceFiles => ({
  harnessFiles: async () => list,
});

const PIPE = (id: string, project = 'web') =>
  `pipeline:\n  name: ${id}\n  identifier: ${id}\n  orgIdentifier: default\n  projectIdentifier: ${project}\n  stages: []\n`;

describe('language client: related-entity lookup', function () {
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
      baseUrl: sim.url,
      token: sim.tokens.admin,
      transport: undici,
      retry: { maxAttempts: 1 },
    });
  });
  afterEach(() => client.close());

  it('reads kind and identifiers from a file head, with quotes, comments and any indent', () => {
    assert.deepEqual(fileIdentity(PIPE('deploy')), {
      kind: 'pipeline',
      identifier: 'deploy',
      orgIdentifier: 'default',
      projectIdentifier: 'web',
    });
    assert.deepEqual(
      fileIdentity(
        '# an input set\ninputSet:\n    name: "eu"\n    identifier: "eu"  # the id\n    pipeline:\n        identifier: \'deploy\'\n        stages: []\n',
      ),
      { kind: 'inputSet', identifier: 'eu', pipelineIdentifier: 'deploy' },
    );
    assert.equal(fileIdentity('- a\n- b\n'), undefined);
  });

  it('finds the pipeline in the workspace by identifier and scope, without asking the account', async () => {
    const lookup = new EntityLookup(
      files([
        { path: '.harness/other.yaml', text: PIPE('deploy', 'mobile') },
        { path: '.harness/deploy.yaml', text: PIPE('deploy') },
      ]),
      () => ({ api: client, label: 'sim' }),
    );
    const res = await lookup.findPipeline({
      uri: 'file:///w/.harness/is.yaml',
      identifier: 'deploy',
      orgIdentifier: 'default',
      projectIdentifier: 'web',
    });
    assert.equal(res.from, '.harness/deploy.yaml');
    assert.match(res.text ?? '', /projectIdentifier: web/);
    assert.equal(sim.requests.length, 0);
  });

  it("falls back to the account's pipeline, and answers nothing for one that does not exist", async () => {
    const lookup = new EntityLookup(files([]), () => ({ api: client, label: 'sim' }));
    const scope = {
      uri: 'file:///w/is.yaml',
      orgIdentifier: 'default',
      projectIdentifier: 'default_project',
    };
    const res = await lookup.findPipeline({ ...scope, identifier: 'default_project_hotfix' });
    assert.equal(res.from, 'the account sim');
    assert.match(res.text ?? '', /identifier: default_project_hotfix/);
    assert.deepEqual(await lookup.findPipeline({ ...scope, identifier: 'no_such_pipeline' }), {});
  });

  it('answers nothing when signed out or when the API fails, and never asks without a project', async () => {
    const signedOut = new EntityLookup(files([]), () => undefined);
    assert.deepEqual(
      await signedOut.findPipeline({ uri: 'u', identifier: 'x', orgIdentifier: 'o', projectIdentifier: 'p' }),
      {},
    );
    const lookup = new EntityLookup(files([]), () => ({ api: client }));
    assert.deepEqual(await lookup.findPipeline({ uri: 'u', identifier: 'default_project_hotfix' }), {});
    assert.equal(sim.requests.length, 0);
    sim.faults.inject({ method: 'GET', path: '/pipeline/api/pipelines/default_project_hotfix', kind: '500' });
    assert.deepEqual(
      await lookup.findPipeline({
        uri: 'u',
        identifier: 'default_project_hotfix',
        orgIdentifier: 'default',
        projectIdentifier: 'default_project',
      }),
      {},
    );
  });

  it("lists the workspace's input sets of a pipeline, never as a complete list", async () => {
    const lookup = new EntityLookup(
      files([
        { path: 'a.yaml', text: 'inputSet:\n  identifier: eu\n  pipeline:\n    identifier: deploy\n' },
        { path: 'b.yaml', text: 'inputSet:\n  identifier: us\n  pipeline:\n    identifier: other\n' },
        { path: 'c.yaml', text: PIPE('deploy') },
      ]),
      () => undefined,
    );
    assert.deepEqual(await lookup.listInputSets({ uri: 'u', pipelineIdentifier: 'deploy' }), {
      identifiers: ['eu'],
      complete: false,
      from: 'the workspace',
    });
  });

  it("lists the account's input sets of a pipeline as a complete list, and falls back to the workspace on failure", async () => {
    const scope = { orgIdentifier: 'default', projectIdentifier: 'default_project' };
    for (const id of ['eu', 'us'])
      await client.createInputSet(
        scope,
        'default_project_hotfix',
        [
          'inputSet:',
          `  identifier: ${id}`,
          `  name: ${id}`,
          '  orgIdentifier: default',
          '  projectIdentifier: default_project',
          '  pipeline:',
          '    identifier: default_project_hotfix',
          '',
        ].join('\n'),
      );
    const lookup = new EntityLookup(
      files([
        {
          path: 'local.yaml',
          text: 'inputSet:\n  identifier: local\n  pipeline:\n    identifier: default_project_hotfix\n',
        },
      ]),
      () => ({ api: client, label: 'sim' }),
    );
    const params = { uri: 'u', pipelineIdentifier: 'default_project_hotfix', ...scope };
    const listed = await lookup.listInputSets(params);
    assert.equal(listed.complete, true);
    assert.equal(listed.from, 'the account sim');
    assert.deepEqual([...listed.identifiers].sort(), ['eu', 'local', 'us']);
    sim.faults.inject({ method: 'GET', path: '/pipeline/api/inputSets', kind: '500' });
    assert.deepEqual(await lookup.listInputSets(params), {
      identifiers: ['local'],
      complete: false,
      from: 'the workspace',
    });
  });
});
