import * as assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../simulator/server';
import { call, data, simplePipelineYaml } from './helpers';

const SCOPE = { orgIdentifier: 'default', projectIdentifier: 'default_project' };
const BUILD_APP = '.harness/orgs/default/projects/default_project/pipelines/build_app.yaml';
const where = (filePath: string, extra: Record<string, string | boolean> = {}) => ({
  ...SCOPE,
  connectorRef: 'account.github_acme',
  repoName: 'app',
  branch: 'main',
  filePath,
  ...extra,
});

interface Detail {
  yamlPipeline: string;
  storeType: string;
  gitDetails: { repoName: string; branch: string; filePath: string; objectId: string } | null;
}

describe('simulator: import a pipeline from Git', function () {
  this.timeout(15_000);
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator();
  });
  after(() => sim.close());

  const importing = (query: Record<string, string | boolean>, json: unknown = {}) =>
    call(sim, 'POST', '/pipeline/api/pipelines/import', { query, json });

  it('creates a REMOTE pipeline from the seeded file, with its Git details', async () => {
    const saved = data<{ identifier: string; governanceMetadata: { deny: boolean } }>(
      await importing(where(BUILD_APP), { pipelineName: 'Build app', pipelineDescription: '' }),
    );
    assert.equal(saved.identifier, 'build_app');
    assert.equal(saved.governanceMetadata.deny, false);
    const d = data<Detail>(await call(sim, 'GET', '/pipeline/api/pipelines/build_app', { query: SCOPE }));
    assert.equal(d.storeType, 'REMOTE');
    assert.match(d.yamlPipeline, /script: echo built from git/);
    assert.equal(d.gitDetails?.repoName, 'app');
    assert.equal(d.gitDetails?.filePath, BUILD_APP);
  });

  it('refuses a second import of the same identifier unless forced', async () => {
    const again = await importing(where(BUILD_APP));
    assert.equal(again.status, 400);
    assert.equal(again.body.code, 'DUPLICATE_FIELD');
    const forced = await importing(where(BUILD_APP, { isForceImport: true }));
    assert.equal(forced.status, 200, forced.text);
  });

  it('answers 400 for a missing file, a path outside .harness/, a missing connector and a wrong name', async () => {
    const missing = await importing(where('.harness/nope.yaml'));
    assert.equal(missing.status, 400);
    assert.match(String(missing.body.message), /not found in branch \[main\] of repo \[app\]/);
    const outside = await importing(where('pipelines/x.yaml'));
    assert.equal(outside.status, 400);
    assert.match(String(outside.body.message), /must start with \.harness\//);
    const noConnector = await importing({
      ...SCOPE,
      repoName: 'app',
      branch: 'main',
      filePath: '.harness/release_app.yaml',
    });
    assert.equal(noConnector.status, 400);
    assert.match(String(noConnector.body.message), /connectorRef/);
    const wrongName = await importing(where('.harness/release_app.yaml'), { pipelineName: 'Other' });
    assert.equal(wrongName.status, 400);
    assert.match(String(wrongName.body.message), /does not match the name in the file/);
  });

  it('reads what a remote create wrote to the simulated repository', async () => {
    const yaml = simplePipelineYaml('git_roundtrip', '', SCOPE);
    const created = await call(sim, 'POST', '/pipeline/api/pipelines/v2', {
      query: { ...where('.harness/git_roundtrip.yaml'), storeType: 'REMOTE' },
      yaml,
    });
    assert.equal(created.status, 200, created.text);
    const again = await importing(where('.harness/git_roundtrip.yaml', { isForceImport: true }));
    assert.equal(again.status, 200, again.text);
    const d = data<Detail>(await call(sim, 'GET', '/pipeline/api/pipelines/git_roundtrip', { query: SCOPE }));
    assert.equal(d.yamlPipeline, yaml);
  });
});
