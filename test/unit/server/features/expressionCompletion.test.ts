import * as assert from 'node:assert/strict';
import { expressionCompletions } from '../../../../server/features/expressionCompletion';
import { cursor } from './cursor';
import { SAMPLE } from './sample';

/** SAMPLE with the Build stage's first step script set to `expr` (cursor marker inside). */
function inBuildStage(expr: string): string {
  return SAMPLE.replace(
    '                  type: ShellScript\n                  spec:\n',
    `                  type: ShellScript\n                  spec:\n                    script: ${expr}\n`,
  );
}

function labels(marked: string): string[] | undefined {
  const c = cursor(marked);
  return expressionCompletions(c.parsed, c.offset)?.map((i) => i.label);
}

describe('features: expression completion', () => {
  const cases: [string, string, string[], string[]?][] = [
    ['roots after <+', 'echo <+|', ['pipeline', 'stage', 'step', 'steps', 'secrets.getValue', 'input']],
    ['pipeline fields', '<+pipeline.|', ['name', 'identifier', 'variables', 'stages', 'sequenceId']],
    ['pipeline variables declared in the document', '<+pipeline.variables.|', ['greeting']],
    ['stage variables of the enclosing stage', '<+stage.variables.|', ['region']],
    ['stage identifiers', '<+pipeline.stages.|', ['build', 'deploy', 'notify']],
    ['stages. is the same', '<+stages.|', ['build', 'deploy', 'notify']],
    [
      'steps of the current stage, through parallel blocks',
      '<+steps.|',
      ['say', 'grp', 'left', 'right'],
      ['inner', 'echo'],
    ],
    ['steps inside a step group', '<+steps.grp.steps.|', ['inner']],
    ['step fields', '<+steps.say.|', ['name', 'identifier', 'status', 'output']],
    ['step output variables', '<+steps.say.output.outputVariables.|', ['answer']],
    ['steps of another stage', '<+pipeline.stages.notify.spec.execution.steps.|', ['echo']],
    ['secrets', '<+secrets.|', ['getValue']],
    [
      'runtime input methods',
      '<+input>.|',
      ['default', 'allowedValues', 'selectOneFrom', 'regex', 'executionInput'],
    ],
    [
      'chained runtime input methods',
      '<+input>.default(a).|',
      ['default', 'allowedValues', 'executionInput'],
    ],
    ['partial word keeps the list (client filters)', '<+pipeline.var|', ['variables']],
  ];
  for (const [title, expr, expected, absent] of cases) {
    it(title, () => {
      const got = labels(inBuildStage(expr));
      assert.ok(got, 'expected completions');
      for (const e of expected) assert.ok(got.includes(e), `${e} missing from ${got.join(',')}`);
      for (const a of absent ?? []) assert.ok(!got.includes(a), `${a} should not be offered`);
    });
  }

  it('does nothing outside expressions', () => {
    assert.equal(labels(inBuildStage('echo hi|')), undefined);
    assert.equal(labels(inBuildStage('<+pipeline.name> |')), undefined);
  });

  it('replaces only the word being typed', () => {
    const c = cursor(inBuildStage('<+pipeline.vari|'));
    const item = expressionCompletions(c.parsed, c.offset)?.find((i) => i.label === 'variables');
    assert.ok(item?.textEdit && 'range' in item.textEdit);
    const r = item.textEdit.range;
    assert.equal(r.end.character - r.start.character, 'vari'.length);
    // The expression is not closed on its line: the item closes it, the cursor before the `>`.
    assert.equal(item.textEdit.newText, 'variables$0>');
    assert.equal(item.insertTextFormat, 2);
  });

  it('leaves the `>` alone when the expression is already closed', () => {
    const c = cursor(inBuildStage('<+pipeline.vari|> tail'));
    const item = expressionCompletions(c.parsed, c.offset)?.find((i) => i.label === 'variables');
    assert.equal(item?.textEdit?.newText, 'variables');
  });

  it('inserts secrets.getValue as a snippet with a placeholder', () => {
    const c = cursor(inBuildStage('<+sec|'));
    const item = expressionCompletions(c.parsed, c.offset)?.find((i) => i.label === 'secrets.getValue');
    assert.ok(item?.textEdit);
    assert.match(item.textEdit.newText, /^secrets\.getValue\("\$\{1:[^}]*\}"\)\$0>$/);
  });
});
