import * as assert from 'node:assert/strict';
import { readPipelineYaml, sameYaml, withPipelineScope } from '../../../../src/commands/pipelineYaml';

const yaml = `# my pipeline
pipeline:
  name: Build App
  identifier: build_app
  orgIdentifier: default
  projectIdentifier: web
  stages: []
`;

describe('commands/pipelineYaml', () => {
  it('reads identifier, name and scope', () => {
    const r = readPipelineYaml(yaml);
    assert.ok(r.ok);
    assert.deepEqual(r.info, {
      identifier: 'build_app',
      name: 'Build App',
      orgIdentifier: 'default',
      projectIdentifier: 'web',
    });
  });

  it('reports missing fields as undefined and refuses non-pipeline YAML', () => {
    const r = readPipelineYaml('pipeline:\n  name: x\n');
    assert.ok(r.ok);
    assert.equal(r.info.identifier, undefined);
    assert.equal(r.info.orgIdentifier, undefined);
    const bad = readPipelineYaml('connector:\n  name: x\n');
    assert.equal(bad.ok, false);
    const broken = readPipelineYaml('pipeline:\n  name: [x\n');
    assert.equal(broken.ok, false);
    if (!broken.ok) assert.match(broken.error, /cannot be parsed/);
  });

  it('leaves text untouched when the scope already matches', () => {
    assert.equal(withPipelineScope(yaml, { orgIdentifier: 'default', projectIdentifier: 'web' }), yaml);
  });

  it('sets the scope when missing or different, keeping comments', () => {
    const out = withPipelineScope('# keep\npipeline:\n  identifier: p\n', {
      orgIdentifier: 'o',
      projectIdentifier: 'q',
    });
    assert.match(out, /# keep/);
    const r = readPipelineYaml(out);
    assert.ok(r.ok);
    assert.equal(r.info.orgIdentifier, 'o');
    assert.equal(r.info.projectIdentifier, 'q');
    assert.equal(r.info.identifier, 'p');
  });

  it('compares YAML by content, not formatting', () => {
    assert.ok(sameYaml('a:   1\nb: [x, y]\n', 'a: 1\nb:\n  - x\n  - y\n'));
    assert.equal(sameYaml('a: 1\n', 'a: 2\n'), false);
  });
});
