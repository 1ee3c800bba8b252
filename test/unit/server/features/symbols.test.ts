import * as assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbols } from '../../../../server/features/symbols';
import { parseYaml } from '../../../../server/yaml/parse';
import { SAMPLE } from './sample';
import { yaml } from './cursor';

function shape(s: DocumentSymbol): unknown {
  return s.children && s.children.length
    ? { [`${s.name} [${s.detail ?? ''}]`]: s.children.map(shape) }
    : `${s.name} [${s.detail ?? ''}]`;
}

describe('features: document symbols', () => {
  it('nests pipeline → stages → steps through step groups and parallel blocks', () => {
    const parsed = parseYaml(SAMPLE);
    const symbols = documentSymbols(parsed);
    assert.deepEqual(symbols.map(shape), [
      {
        'Sample [sample]': [
          {
            'Build [build · Custom]': [
              'Say [say · ShellScript]',
              { 'Group [grp]': ['Inner [inner · Wait]'] },
              { 'parallel []': ['Left [left · ShellScript]', 'Right [right · Http]'] },
            ],
          },
          {
            'parallel []': [
              'Deploy [deploy · Deployment]',
              { 'Notify [notify · Custom]': ['Echo [echo · ShellScript]'] },
            ],
          },
        ],
      },
    ]);
  });

  it('gives ranges that contain their selection ranges and children', () => {
    const parsed = parseYaml(SAMPLE);
    const inside = (a: DocumentSymbol['range'], b: DocumentSymbol['range']) =>
      (a.start.line < b.start.line ||
        (a.start.line === b.start.line && a.start.character <= b.start.character)) &&
      (a.end.line > b.end.line || (a.end.line === b.end.line && a.end.character >= b.end.character));
    const check = (s: DocumentSymbol): void => {
      assert.ok(inside(s.range, s.selectionRange), `${s.name}: selection outside range`);
      for (const c of s.children ?? []) {
        assert.ok(inside(s.range, c.range), `${c.name} outside ${s.name}`);
        check(c);
      }
    };
    documentSymbols(parsed).forEach(check);
    const say = documentSymbols(parsed)[0].children?.[0].children?.[0];
    assert.equal(say?.selectionRange.start.line, 23, 'selection is the identifier value line');
  });

  const cases: [string, string, number][] = [
    ['not a Harness document', yaml('foo:', '  bar: 1'), 0],
    ['empty text', '', 0],
    ['pipeline without stages', yaml('pipeline:', '  name: x'), 1],
    ['stages that are not a list', yaml('pipeline:', '  stages: nope'), 1],
    ['broken YAML', yaml('pipeline:', '  stages:', '    - stage: [', '  : :'), 1],
  ];
  for (const [title, text, count] of cases) {
    it(`copes with ${title}`, () => {
      const parsed = parseYaml(text);
      assert.equal(documentSymbols(parsed).length, count);
    });
  }

  it('outlines a stage template under template.spec', () => {
    const parsed = parseYaml(
      yaml(
        'template:',
        '  name: T',
        '  identifier: t',
        '  versionLabel: v1',
        '  type: Stage',
        '  spec:',
        '    type: Custom',
        '    spec:',
        '      execution:',
        '        steps:',
        '          - step:',
        '              name: S',
        '              identifier: s',
        '              type: Wait',
      ),
    );
    const [t] = documentSymbols(parsed);
    assert.equal(t.name, 'T');
    assert.deepEqual(
      t.children?.map((c) => c.name),
      ['S'],
    );
  });

  it('gives every other Harness kind one symbol with its type, and a service its manifests and artifacts', () => {
    const service = documentSymbols(
      parseYaml(
        yaml(
          'service:',
          '  name: Web',
          '  identifier: web',
          '  serviceDefinition:',
          '    type: Kubernetes',
          '    spec:',
          '      manifests:',
          '        - manifest:',
          '            identifier: chart',
          '            type: HelmChart',
          '      artifacts:',
          '        sidecars:',
          '          - sidecar:',
          '              identifier: proxy',
          '              type: DockerRegistry',
          '        primary:',
          '          sources:',
          '            - identifier: image',
          '              type: Ecr',
        ),
      ),
    );
    assert.deepEqual(service.map(shape), [
      {
        'Web [web · Kubernetes]': [
          'chart [chart · HelmChart]',
          'proxy [proxy · DockerRegistry]',
          'image [image · Ecr]',
        ],
      },
    ]);
    const trigger = documentSymbols(
      parseYaml(
        yaml(
          'trigger:',
          '  name: On push',
          '  identifier: on_push',
          '  source:',
          '    type: Webhook',
          '    spec:',
          '      type: Github',
        ),
      ),
    );
    assert.deepEqual(trigger.map(shape), ['On push [on_push · Webhook / Github]']);
    const connector = documentSymbols(
      parseYaml(
        yaml('connector:', '  name: Hub', '  identifier: hub', '  type: DockerRegistry', '  spec: {}'),
      ),
    );
    assert.deepEqual(connector.map(shape), ['Hub [hub · DockerRegistry]']);
  });
});
