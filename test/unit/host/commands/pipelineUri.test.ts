import * as assert from 'node:assert/strict';
import {
  locationKey,
  parsePipelineUri,
  pipelinePath,
  pipelineQuery,
} from '../../../../src/commands/fs/pipelineUri';

describe('commands/fs/pipelineUri', () => {
  const loc = { accountId: 'acc_1', orgIdentifier: 'default', projectIdentifier: 'web', identifier: 'build' };

  it('round-trips an inline pipeline', () => {
    assert.equal(pipelinePath(loc), '/acc_1/default/web/pipelines/build.yaml');
    assert.equal(pipelineQuery(loc), '');
    assert.deepEqual(parsePipelineUri(pipelinePath(loc)), loc);
  });

  it('keeps Git parameters in the query', () => {
    const remote = { ...loc, branch: 'feature/x', repoName: 'repo', connectorRef: 'account.gh' };
    const query = pipelineQuery(remote);
    assert.deepEqual(parsePipelineUri(pipelinePath(remote), query), remote);
    assert.notEqual(
      locationKey(remote),
      locationKey({ ...remote, branch: 'main' }),
      'two branches are two documents',
    );
  });

  it('rejects paths that are not pipelines', () => {
    assert.equal(parsePipelineUri('/acc/default/web/pipelines'), undefined);
    assert.equal(parsePipelineUri('/acc/default/web/connectors/x.yaml'), undefined);
    assert.equal(parsePipelineUri('/acc/default/pipelines/x.yaml'), undefined);
    assert.ok(parsePipelineUri('/a/o/p/pipelines/x.yml'));
  });
});
