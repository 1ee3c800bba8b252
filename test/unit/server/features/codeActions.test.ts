import * as assert from 'node:assert/strict';
import { Diagnostic, DiagnosticSeverity, Range, type TextEdit } from 'vscode-languageserver-types';
import { createEngine } from '../../../../server/engine';
import { codeActions } from '../../../../server/features/codeActions';
import { parseYaml } from '../../../../server/yaml/parse';
import { yaml } from './cursor';

const URI = 'file:///w/.harness/p.yaml';

function diag(code: string, range: Range, data?: unknown): Diagnostic {
  return { range, message: code, severity: DiagnosticSeverity.Error, source: 'harness', code, data };
}

/** Applies edits (non-overlapping) to text. */
function apply(text: string, edits: TextEdit[]): string {
  const parsed = parseYaml(text);
  const withOffsets = edits
    .map((e) => ({
      s: parsed.lines.offsetAt(e.range.start),
      e: parsed.lines.offsetAt(e.range.end),
      t: e.newText,
    }))
    .sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

describe('features: quick fixes', () => {
  it('did-you-mean replaces the misspelled key', () => {
    const text = yaml('pipeline:', '  name: x', '  stagess: []');
    const d = diag('unknown-property', Range.create(2, 2, 2, 9), { suggestion: 'stages' });
    const [a] = codeActions(parseYaml(text), URI, [d]);
    assert.equal(a.title, 'Change to "stages"');
    assert.equal(apply(text, a.edit?.changes?.[URI] ?? []), yaml('pipeline:', '  name: x', '  stages: []'));
    assert.deepEqual(a.diagnostics, [d]);
  });

  it('offers each enum suggestion', () => {
    const text = yaml('pipeline:', '  stages:', '    - stage:', '        type: Deploymnt');
    const d = diag('invalid-enum', Range.create(3, 14, 3, 23), { suggestions: ['Deployment', 'Pipeline'] });
    const titles = codeActions(parseYaml(text), URI, [d]).map((a) => a.title);
    assert.deepEqual(titles, ['Change to "Deployment"', 'Change to "Pipeline"']);
  });

  it('adds missing required fields at the map indentation', () => {
    const text = yaml('pipeline:', '  stages:', '    - stage:', '        type: Custom', '        spec: {}');
    const d = diag('missing-required', Range.create(2, 6, 2, 11), { missing: ['name', 'identifier'] });
    const [a] = codeActions(parseYaml(text), URI, [d]);
    assert.equal(a.title, 'Add missing fields "name", "identifier"');
    const fixed = apply(text, a.edit?.changes?.[URI] ?? []);
    assert.equal(
      fixed,
      yaml(
        'pipeline:',
        '  stages:',
        '    - stage:',
        '        name: ""',
        '        identifier: ""',
        '        type: Custom',
        '        spec: {}',
      ),
    );
    const reparsed = parseYaml(fixed);
    assert.equal(reparsed.doc?.errors.length, 0);
  });

  it('adds missing fields to a map that starts after "- "', () => {
    const text = yaml('steps:', '  - name: a', '    type: Wait');
    const d = diag('missing-required', Range.create(1, 4, 1, 8), { missing: ['identifier'] });
    const [a] = codeActions(parseYaml(text), URI, [d]);
    assert.equal(
      apply(text, a.edit?.changes?.[URI] ?? []),
      yaml('steps:', '  - identifier: ""', '    name: a', '    type: Wait'),
    );
  });

  it('converts every tab in the document once, whatever the number of tab diagnostics', () => {
    const text = 'pipeline:\n\tname: x\n\tidentifier: y\n';
    const ds = [diag('tab', Range.create(1, 0, 1, 1)), diag('tab', Range.create(2, 0, 2, 1))];
    const actions = codeActions(parseYaml(text), URI, ds);
    assert.equal(actions.length, 1);
    assert.equal(
      apply(text, actions[0].edit?.changes?.[URI] ?? []),
      'pipeline:\n  name: x\n  identifier: y\n',
    );
  });

  it('ignores diagnostics of other tools and without data', () => {
    const text = yaml('pipeline:', '  name: x');
    const other: Diagnostic = {
      ...diag('unknown-property', Range.create(1, 2, 1, 6), { suggestion: 'y' }),
      source: 'yaml',
    };
    assert.deepEqual(
      codeActions(parseYaml(text), URI, [other, diag('missing-required', Range.create(0, 0, 0, 8))]),
      [],
    );
  });

  describe('with the engine: each fix removes its diagnostic', () => {
    const base = [
      'pipeline:',
      '  name: Fix me',
      '  identifier: fix_me',
      '  stages:',
      '    - stage:',
      '        name: Build',
      '        identifier: build',
      '        type: Custom',
      '        spec:',
      '          execution:',
      '            steps:',
      '              - step:',
      '                  name: Wait',
      '                  identifier: wait',
      '                  type: Wait',
      '                  spec:',
      '                    duration: 1m',
      '',
    ].join('\n');
    const cases: [string, string, string][] = [
      ['misspelled key', base.replace('            steps:', '            step:'), 'unknown-property'],
      ['misspelled stage type', base.replace('type: Custom', 'type: Custon'), 'invalid-enum'],
      ['misspelled step type (an error)', base.replace('type: Wait', 'type: Wiat'), 'invalid-enum'],
      ['missing required field', base.replace('        identifier: build\n', ''), 'missing-required'],
      ['tabs', base.replace('  name: Fix me', '\tname: Fix me'), 'tab'],
      [
        'a timeout in words',
        base.replace(
          '                  type: Wait\n',
          '                  type: Wait\n                  timeout: 10 minutes\n',
        ),
        'invalid-timeout',
      ],
      [
        'keys slipped to the root under an empty pipeline:',
        base.replace(/\n {2}/g, '\n'),
        'misplaced-root-key',
      ],
      [
        'a misspelled pipeline variable',
        base
          .replace(
            '  identifier: fix_me\n',
            '  identifier: fix_me\n  variables:\n    - {name: greeting, type: String, value: hi}\n',
          )
          .replace(
            '                  type: Wait\n',
            '                  type: Wait\n                  description: <+pipeline.variables.greting>\n',
          ),
        'unknown-variable',
      ],
    ];
    for (const [title, text, code] of cases) {
      it(title, () => {
        const engine = createEngine();
        const diags = engine.validate(URI, 1, text).filter((d) => String(d.code) === code);
        assert.ok(diags.length > 0, `expected a ${code} diagnostic`);
        const actions = codeActions(engine.parse(URI, 1, text), URI, diags);
        assert.ok(actions.length > 0, `no fix for ${code}: ${JSON.stringify(diags.map((d) => d.data))}`);
        const fixed = apply(text, actions[0].edit?.changes?.[URI] ?? []);
        const after = createEngine()
          .validate(URI, 2, fixed)
          .filter((d) => String(d.code) === code);
        assert.deepEqual(
          after.map((d) => d.message),
          [],
        );
      });
    }

    it('a misspelled step type is an error whose preferred fix is the suggestion', () => {
      const text = base.replace('type: Wait', 'type: K8sRollingDeplo');
      const engine = createEngine();
      const [d] = engine.validate(URI, 1, text).filter((x) => String(x.code) === 'invalid-enum');
      assert.equal(d?.severity, DiagnosticSeverity.Error);
      const [a] = codeActions(engine.parse(URI, 1, text), URI, [d]);
      assert.equal(a.title, 'Change to "K8sRollingDeploy"');
      assert.equal(a.isPreferred, true);
      assert.match(apply(text, a.edit?.changes?.[URI] ?? []), /^ {18}type: K8sRollingDeploy$/m);
    });
  });
});
