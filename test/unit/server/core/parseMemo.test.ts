// Re-parsing an edited document reuses the stages and steps the edit did not touch (ParseMemo):
// every version must give exactly what a fresh parse gives — the same nodes, ranges and comments
// as `yaml`, and the same diagnostics from the engine — while most items are taken over.
import * as assert from 'node:assert/strict';
import { createEngine } from '../../../../server/engine';
import { fastParse, ParseMemo } from '../../../../server/yaml/fastParse';
import { parseWithYaml, parseYaml } from '../../../../server/yaml/parse';
import { documentDifferences } from './equivalence';

function stage(i: number, extra = ''): string {
  return [
    '    - stage:',
    `        name: Stage ${i}`,
    `        identifier: stage_${i}`,
    '        type: Custom',
    '        spec:',
    '          execution:',
    '            steps:',
    '              - step:',
    `                  name: Say ${i}`,
    `                  identifier: say_${i}`,
    '                  type: ShellScript',
    '                  timeout: 10m',
    '                  spec:',
    '                    shell: Bash',
    '                    onDelegate: true',
    '                    source:',
    '                      type: Inline',
    '                      spec:',
    `                        script: echo ${i}${extra}`,
    '',
  ].join('\n');
}

const HEAD = 'pipeline:\n  name: Memo\n  identifier: memo\n  stages:\n';
const base = HEAD + [1, 2, 3, 4].map((i) => stage(i)).join('');

/** The versions a user might type, one after the other. */
const VERSIONS: [string, string][] = [
  ['the pipeline name edited (every stage moves)', base.replace('name: Memo', 'name: Memo v2')],
  [
    'an unknown key in stage 2',
    base.replace('        identifier: stage_2\n', '        identifier: stage_2\n        bogus: 1\n'),
  ],
  ['stage 1 repeated (the same text twice)', HEAD + [1, 1, 2, 3, 4].map((i) => stage(i)).join('')],
  ['stages reordered', HEAD + [4, 3, 2, 1].map((i) => stage(i)).join('')],
  [
    'a syntax error (the fast path declines)',
    HEAD + [4, 3, 2, 1].map((i) => stage(i)).join('') + '  bad: [\n',
  ],
  ['the error fixed', HEAD + [4, 3, 2, 1].map((i) => stage(i)).join('')],
  [
    'a comment before stage 3',
    base.replace(
      '    - stage:\n        name: Stage 3',
      '    # the third\n    - stage:\n        name: Stage 3',
    ),
  ],
  ['the comment removed again', base],
  ['a step edited inside stage 4', base.replace('echo 4', 'echo four')],
];

describe('re-parsing an edited document with the previous parse', () => {
  it('builds, for every version, what yaml builds, and takes over the untouched stages', () => {
    let previous: ParseMemo | undefined;
    let reused = 0;
    for (const [what, text] of [['the first version', base] as [string, string], ...VERSIONS]) {
      const memo = new ParseMemo();
      const doc = fastParse(text, previous, memo);
      const full = parseWithYaml(text);
      if (!doc) {
        assert.ok(full[0].errors.length > 0, `${what}: only a text with errors leaves the fast path`);
        continue;
      }
      assert.deepEqual(documentDifferences(doc, full[0]), [], what);
      reused += memo.reused;
      previous = memo;
    }
    // Four stages per version, each with a step of its own: most of them are taken over.
    assert.ok(reused >= 20, `only ${reused} items reused`);
  });

  it('gives the engine the same diagnostics as a fresh parse, version after version', () => {
    const engine = createEngine();
    const uri = 'file:///memo.yaml';
    let version = 0;
    for (const [what, text] of [['the first version', base] as [string, string], ...VERSIONS]) {
      const edited = engine.validate(uri, ++version, text);
      const fresh = createEngine().validate(uri, 1, text);
      assert.deepEqual(edited, fresh, what);
    }
    // The repeated stage's identifier is reported where it repeats (its nodes are not shared).
    const text = VERSIONS[2][1];
    const second = text.indexOf('identifier: stage_1', text.indexOf('identifier: stage_1') + 1);
    const line = text.slice(0, second).split('\n').length - 1;
    const duplicate = engine
      .validate(uri, ++version, text)
      .find((d) => /Duplicate stage identifier "stage_1"/.test(d.message));
    assert.equal(duplicate?.range.start.line, line);
  });

  it('keeps the previous memo usable when the fast path declines', () => {
    const first = parseYaml(base);
    const broken = parseYaml(base + '  bad: [\n', first);
    assert.equal(broken.memo, first.memo, 'the declined parse hands the earlier items on');
    const fixed = parseYaml(base.replace('name: Memo', 'name: Memo again'), broken);
    assert.ok((fixed.memo?.reused ?? 0) >= 4, 'the stages are taken over after the error is fixed');
    const full = parseWithYaml(base.replace('name: Memo', 'name: Memo again'));
    assert.deepEqual(documentDifferences(fixed.doc!, full[0]), []);
  });
});
