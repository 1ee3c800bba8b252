import * as assert from 'node:assert/strict';
import { definitionTarget } from '../../../../server/features/definition';
import { parseYaml } from '../../../../server/yaml/parse';
import { cursor } from './cursor';
import { markAt, SAMPLE } from './sample';

/** Appends a ShellScript step to the Build stage whose script is `expr`, cursor inside at `|`. */
function withScript(expr: string): string {
  const anchor = '              - stepGroup:';
  const step = [
    '              - step:',
    '                  name: Use',
    '                  identifier: use',
    '                  type: ShellScript',
    `                  spec: { script: "${expr}" }`,
    '',
  ].join('\n');
  return SAMPLE.replace(anchor, step + anchor);
}

function lineOfTarget(marked: string): number | undefined {
  const c = cursor(marked);
  const t = definitionTarget(c.parsed, c.offset);
  return t ? c.parsed.lines.positionAt(t.range[0]).line : undefined;
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length - 1;
}

describe('features: go to definition', () => {
  const cases: [string, string, string | undefined][] = [
    ['pipeline variable', '<+pipeline.variables.gree|ting>', 'name: greeting'],
    ['stage variable', '<+stage.variables.reg|ion>', 'name: region'],
    ['stage by pipeline.stages', '<+pipeline.stages.dep|loy.name>', 'identifier: deploy'],
    ['stage by stages', '<+stages.noti|fy.status>', 'identifier: notify'],
    ['step by steps', '<+steps.sa|y.output.outputVariables.answer>', 'identifier: say'],
    ['step by execution.steps', '<+execution.steps.le|ft.status>', 'identifier: left'],
    ['step inside a step group', '<+steps.grp.steps.inn|er.status>', 'identifier: inner'],
    [
      'step of another stage',
      '<+pipeline.stages.notify.spec.execution.steps.ec|ho.status>',
      'identifier: echo',
    ],
    ['unknown variable', '<+pipeline.variables.nop|e>', undefined],
    ['unknown stage', '<+pipeline.stages.nop|e.name>', undefined],
    ['not a reference', '<+pipeline.sequen|ceId>', undefined],
  ];
  for (const [title, expr, target] of cases) {
    it(title, () => {
      const text = withScript(expr);
      const got = lineOfTarget(text);
      const plain = text.replace('|', '');
      assert.equal(got, target === undefined ? undefined : lineOf(plain, target));
    });
  }

  it('answers nothing outside expressions', () => {
    const c = cursor(markAt(SAMPLE, 'greeting', 3));
    assert.equal(definitionTarget(c.parsed, c.offset), undefined);
  });

  it('finds the variable from the script in the last stage', () => {
    const marked = markAt(SAMPLE, 'variables.greeting>', 12);
    const c = cursor(marked);
    const t = definitionTarget(c.parsed, c.offset);
    assert.ok(t);
    assert.equal(parseYaml(SAMPLE).lines.positionAt(t.range[0]).line, 6);
  });
});
