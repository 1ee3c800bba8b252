import * as assert from 'node:assert/strict';
import {
  createCommitMessage,
  defaultGitFilePath,
  gitFilePathProblem,
  parseImportOptions,
  repoNameFromRemoteUrl,
} from '../../../../src/commands/gitLocation';

describe('Git location of a pipeline', () => {
  describe('repoNameFromRemoteUrl', () => {
    for (const [url, name] of [
      ['git@github.com:acme/app.git', 'app'],
      ['https://github.com/acme/app', 'app'],
      ['https://github.com/acme/app.git/', 'app'],
      ['ssh://git@gitlab.example.com:2222/group/sub/app.git', 'app'],
      ['https://dev.azure.com/acme/proj/_git/app', 'app'],
      ['https://user@bitbucket.org/acme/My.App.git', 'My.App'],
      ['https://github.com/acme/app?tab=code', 'app'],
    ] as const) {
      it(`${url} → ${name}`, () => assert.equal(repoNameFromRemoteUrl(url), name));
    }
    it('has no name for a URL without a path', () => {
      assert.equal(repoNameFromRemoteUrl('https://github.com'), undefined);
      assert.equal(repoNameFromRemoteUrl(''), undefined);
    });
  });

  describe('defaultGitFilePath', () => {
    it('keeps a path already under .harness/', () => {
      assert.equal(
        defaultGitFilePath('.harness/orgs/default/projects/web/pipelines/deploy.yaml', 'deploy'),
        '.harness/orgs/default/projects/web/pipelines/deploy.yaml',
      );
    });
    it('normalises Windows separators and a leading ./', () => {
      assert.equal(defaultGitFilePath('.\\.harness\\deploy.yml', 'deploy'), '.harness/deploy.yml');
    });
    it('moves a file from elsewhere under .harness/ with its name', () => {
      assert.equal(defaultGitFilePath('ci/pipelines/build.yaml', 'build'), '.harness/build.yaml');
    });
    it('names a file that is not YAML after the identifier', () => {
      assert.equal(defaultGitFilePath('notes.txt', 'build'), '.harness/build.yaml');
    });
  });

  it('accepts only YAML under .harness/ without empty or .. segments', () => {
    assert.equal(gitFilePathProblem('.harness/a.yaml'), undefined);
    assert.match(String(gitFilePathProblem('pipelines/a.yaml')), /\.harness\//);
    assert.match(String(gitFilePathProblem('.harness/a.json')), /\.yaml/);
    assert.match(String(gitFilePathProblem('.harness/../a.yaml')), /\.\./);
    assert.match(String(gitFilePathProblem('.harness//a.yaml')), /empty/);
  });

  it('names the pipeline in the default commit message', () => {
    assert.equal(createCommitMessage('deploy'), 'Create pipeline deploy from VS Code');
  });

  describe('parseImportOptions', () => {
    const full = {
      org: 'default',
      project: 'web',
      connectorRef: 'account.github',
      repoName: 'app',
      branch: 'main',
      filePath: '.harness/deploy.yaml',
    };
    it('builds the request from complete options', () => {
      assert.deepEqual(parseImportOptions({ ...full, pipelineName: ' Deploy ', force: true }), {
        scope: { orgIdentifier: 'default', projectIdentifier: 'web' },
        request: {
          connectorRef: 'account.github',
          repoName: 'app',
          branch: 'main',
          filePath: '.harness/deploy.yaml',
          isForceImport: true,
          pipelineName: 'Deploy',
        },
      });
    });
    it('names every missing option', () => {
      assert.deepEqual(parseImportOptions({ org: 'default', branch: ' ' }), {
        error: 'pass project, repoName, branch, filePath, connectorRef',
      });
    });
    it('needs no connector for a Harness Code repository', () => {
      const { connectorRef: _c, ...rest } = full;
      const parsed = parseImportOptions({ ...rest, harnessCode: true });
      assert.ok('request' in parsed);
      assert.equal(parsed.request.isHarnessCodeRepo, true);
      assert.equal(parsed.request.connectorRef, undefined);
    });
    it('refuses a path outside .harness/ before calling Harness', () => {
      assert.deepEqual(parseImportOptions({ ...full, filePath: 'deploy.yaml' }), {
        error: 'The file path must start with .harness/',
      });
    });
  });
});
