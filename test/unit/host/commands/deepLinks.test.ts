import * as assert from 'node:assert/strict';
import {
  connectorLink,
  executionLink,
  orgLink,
  pipelineLink,
  projectLink,
  uiBase,
} from '../../../../src/commands/deepLinks';

describe('commands/deepLinks', () => {
  it('strips trailing slashes and /gateway from the base', () => {
    assert.equal(uiBase('https://app.harness.io/'), 'https://app.harness.io');
    assert.equal(uiBase('https://harness.example.com/gateway/'), 'https://harness.example.com');
  });

  it('builds pipeline and execution links', () => {
    assert.equal(
      pipelineLink('https://app.harness.io', 'acc1', 'default', 'proj', 'build'),
      'https://app.harness.io/ng/account/acc1/all/orgs/default/projects/proj/pipelines/build/pipeline-studio',
    );
    assert.equal(
      executionLink('https://app3.harness.io/gateway', 'acc1', 'o', 'p', 'build', 'exec-1'),
      'https://app3.harness.io/ng/account/acc1/all/orgs/o/projects/p/pipelines/build/deployments/exec-1/pipeline',
    );
  });

  it('adds Git parameters for remote pipelines', () => {
    const url = new URL(
      pipelineLink('https://app.harness.io', 'a', 'o', 'p', 'x', {
        repoName: 'repo',
        branch: 'main',
        connectorRef: 'gh',
      }),
    );
    assert.equal(url.searchParams.get('storeType'), 'REMOTE');
    assert.equal(url.searchParams.get('repoName'), 'repo');
    assert.equal(url.searchParams.get('branch'), 'main');
    assert.equal(url.searchParams.get('connectorRef'), 'gh');
  });

  it('builds connector links at each scope, and project/org links', () => {
    const b = 'https://app.harness.io';
    assert.match(
      connectorLink(b, 'a', { orgIdentifier: 'o', projectIdentifier: 'p' }, 'c'),
      /\/all\/orgs\/o\/projects\/p\/settings\/connectors\/c$/,
    );
    assert.match(
      connectorLink(b, 'a', { orgIdentifier: 'o' }, 'c'),
      /\/settings\/organizations\/o\/setup\/resources\/connectors\/c$/,
    );
    assert.equal(connectorLink(b, 'a', {}, 'c'), `${b}/ng/account/a/settings/resources/connectors/c`);
    assert.equal(projectLink(b, 'a', 'o', 'p'), `${b}/ng/account/a/all/orgs/o/projects/p`);
    assert.equal(orgLink(b, 'a', 'o'), `${b}/ng/account/a/settings/organizations/o`);
  });

  it('encodes unusual identifiers', () => {
    assert.match(pipelineLink('https://h', 'a', 'o', 'p', 'x$y'), /pipelines\/x%24y\//);
  });
});
