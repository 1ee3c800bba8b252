// Which documents the server treats as Harness YAML, and v1 YAML: every Harness root key is
// recognised (common words like `service:` only with an identifier under them), and v1 YAML
// (`version: 1`) is recognised and never checked against the v0 schema it does not follow.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../../server/service';
import { parseYaml } from '../../../../server/yaml/parse';

const V1 = `version: 1
kind: pipeline
spec:
  stages:
    - name: build
      type: ci
      spec:
        steps:
          - name: test
            type: script
            spec:
              run: go test ./...
`;

describe('server: Harness roots and v1 YAML', () => {
  it('recognises each entity root, and common root words only with an identifier', () => {
    for (const key of [
      'overlayInputSet',
      'trigger',
      'service',
      'environment',
      'infrastructureDefinition',
      'connector',
      'secret',
    ])
      assert.equal(parseYaml(`${key}:\n  name: x\n  identifier: x\n`).rootKey, key);
    assert.equal(parseYaml('service:\n  port: 8080\n').rootKey, undefined);
    assert.equal(parseYaml('secret: abc\n').rootKey, undefined);
    assert.equal(parseYaml('overlayInputSet:\n  name: o\n').rootKey, 'overlayInputSet');
  });

  it('recognises v1 YAML and reports nothing on it but YAML syntax', async () => {
    const service = createLanguageService();
    const doc = TextDocument.create('file:///w/v1.yaml', 'yaml', 1, V1);
    assert.equal(parseYaml(V1).v1, true);
    assert.equal(service.isHarnessDocument(doc), true);
    assert.deepEqual(await service.validate(doc), []);
    const broken = TextDocument.create(
      'file:///w/v1b.yaml',
      'yaml',
      1,
      'version: 1\nkind: pipeline\nspec: [\n',
    );
    const ds = await service.validate(broken);
    assert.ok(ds.length > 0 && ds.every((d) => d.code === 'yaml-syntax'), JSON.stringify(ds));
  });

  it('does not take a v0 pipeline with a stray version key for v1', () => {
    assert.equal(parseYaml('pipeline:\n  name: p\n  identifier: p\n').v1, undefined);
    assert.equal(parseYaml('version: 2\npipeline:\n  name: p\n').v1, undefined);
  });
});
