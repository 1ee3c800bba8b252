import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globToRegExp } from '../../../../server/glob';
import {
  HARNESS_DOCUMENT_GLOB,
  HARNESS_YAML_LANGUAGE,
  locationKey,
  parsePipelineUri,
  pipelinePath,
  pipelineQuery,
} from '../../../../src/commands/fs/pipelineUri';
import { repoRoot } from '../../../helpers/paths';

describe('commands/fs/pipelineUri', () => {
  const loc = { accountId: 'acc_1', orgIdentifier: 'default', projectIdentifier: 'web', identifier: 'build' };

  it('round-trips an inline pipeline', () => {
    assert.equal(pipelinePath(loc), '/account:acc_1/default/web/pipelines/build.yaml');
    assert.equal(pipelineQuery(loc), '');
    assert.deepEqual(parsePipelineUri(pipelinePath(loc)), loc);
  });

  it('still reads paths written before the account: marker (restored tabs)', () => {
    assert.deepEqual(parsePipelineUri('/acc_1/default/web/pipelines/build.yaml'), loc);
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

  describe('the harness-yaml language (auto-save off) is given by path', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      contributes: {
        languages: { id: string; filenamePatterns?: string[] }[];
        configurationDefaults: Record<string, Record<string, unknown>>;
        keybindings: { command: string; key: string; when: string }[];
      };
    };
    const language = manifest.contributes.languages.find((l) => l.id === HARNESS_YAML_LANGUAGE);
    // VS Code lower-cases the path before matching language patterns.
    const matches = (p: string) => globToRegExp(HARNESS_DOCUMENT_GLOB).test(p.toLowerCase());

    it('package.json declares the glob and turns auto-save off for the language', () => {
      assert.deepEqual(language?.filenamePatterns, [HARNESS_DOCUMENT_GLOB]);
      assert.equal(
        manifest.contributes.configurationDefaults[`[${HARNESS_YAML_LANGUAGE}]`]['files.autoSave'],
        'off',
      );
    });

    it('Ctrl+S / Cmd+S in a harness: editor is the Push command', () => {
      const binding = manifest.contributes.keybindings.find((k) => k.key === 'ctrl+s');
      assert.equal(binding?.command, 'harness.pushPipeline');
      assert.equal(binding?.when, 'resourceScheme == harness');
    });

    it('matches every harness: pipeline path, mixed case and encoded ids included', () => {
      assert.ok(matches(pipelinePath(loc)));
      assert.ok(matches(pipelinePath({ ...loc, accountId: 'AbC-9_x', identifier: 'My_Pipeline' })));
      assert.ok(matches(pipelinePath({ ...loc, branch: 'feature/x' })));
    });

    it('matches no local file path', () => {
      for (const local of [
        '/home/me/repo/.harness/pipelines/build.yaml',
        '/work/proj/pipelines/x.yaml',
        '/a/b/c/pipelines/x.yaml',
        'c:/users/me/account/org/project/pipelines/x.yaml',
        '/harness/account/org/project/pipelines/x.yaml',
      ])
        assert.equal(matches(local), false, local);
    });
  });
});
