import * as assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import { HARNESS_ROOT_KEYS, type ListReferencesParams } from '../../../../shared/protocol';
import { createEngine } from '../../../../server/engine';
import { complete } from '../../../../server/features/completion';
import { cursor, yaml } from './cursor';

const engine = createEngine();

async function items(
  marked: string,
  listReferences?: (p: ListReferencesParams) => Promise<{ ref: string }[]>,
): Promise<CompletionItem[]> {
  const c = cursor(marked);
  const list = await complete({
    parsed: c.parsed,
    schema: engine.schema(),
    offset: c.offset,
    listReferences,
  });
  return list.items;
}

const STEP_PREFIX = [
  'pipeline:',
  '  name: p',
  '  identifier: p',
  '  stages:',
  '    - stage:',
  '        name: s',
  '        identifier: s',
  '        type: Custom',
  '        spec:',
  '          execution:',
  '            steps:',
];

function newText(i: CompletionItem | undefined): string {
  return i?.textEdit?.newText ?? i?.insertText ?? '';
}

describe('features: completion', () => {
  const cases: [string, string, string[], string[]][] = [
    [
      'pipeline keys, present ones excluded',
      yaml('pipeline:', '  name: x', '  |'),
      ['identifier', 'stages', 'variables', 'timeout'],
      ['name'],
    ],
    ['pipeline keys while typing a word', yaml('pipeline:', '  name: x', '  sta|'), ['stages'], ['name']],
    [
      'stage types',
      yaml('pipeline:', '  stages:', '    - stage:', '        type: |'),
      ['Deployment', 'CI', 'Approval', 'Custom', 'Pipeline'],
      [],
    ],
    [
      'step types',
      yaml(...STEP_PREFIX, '              - step:', '                  type: |'),
      ['ShellScript', 'Run', 'Http', 'HarnessApproval', 'K8sRollingDeploy'],
      [],
    ],
    [
      'all step types even when a type is already written',
      yaml(
        ...STEP_PREFIX,
        '              - step:',
        '                  type: |ShellScript',
        '                  name: a',
      ),
      ['ShellScript', 'Run', 'Http'],
      [],
    ],
    [
      'all step types in a Deployment stage even when a type is already written',
      yaml(
        ...STEP_PREFIX.map((l) => l.replace('type: Custom', 'type: Deployment')),
        '              - step:',
        '                  name: Roll',
        '                  identifier: roll',
        '                  timeout: 10m',
        '                  type: |K8sRollingDeploy',
        '                  spec:',
        '                    skipDryRun: false',
      ),
      ['K8sRollingDeploy', 'K8sCanaryDeploy', 'ShellScript'],
      [],
    ],
    [
      'all stage types even when a type is already written',
      yaml(
        'pipeline:',
        '  stages:',
        '    - stage:',
        '        name: a',
        '        identifier: a',
        '        type: |CI',
        '        spec: {}',
      ),
      ['Deployment', 'CI', 'Custom'],
      [],
    ],
    [
      'keys of a step of a type the bundled schema does not know: the keys every step has',
      yaml(
        ...STEP_PREFIX,
        '              - step:',
        '                  name: a',
        '                  type: AcmeCustomThing',
        '                  |',
      ),
      ['identifier', 'timeout', 'when', 'failureStrategies', 'enforce', 'delegateSelectors', 'spec'],
      ['name', 'type', 'shell'],
    ],
    [
      'stage snippets in the stages list',
      yaml('pipeline:', '  stages:', '    - |'),
      ['stage', 'parallel', 'stage (Custom)', 'stage (CI)'],
      ['step (ShellScript)'],
    ],
    [
      'step snippets in the steps list',
      yaml(...STEP_PREFIX, '              - |'),
      ['step', 'stepGroup', 'parallel', 'step (ShellScript)', 'parallel (steps)'],
      ['stage (Custom)'],
    ],
    [
      'failure strategy snippet',
      yaml('pipeline:', '  stages:', '    - stage:', '        failureStrategies:', '          - |'),
      ['onFailure', 'failureStrategy'],
      [],
    ],
    [
      'enum values of a step field',
      yaml(
        ...STEP_PREFIX,
        '              - step:',
        '                  type: ShellScript',
        '                  spec:',
        '                    shell: |',
      ),
      ['Bash', 'PowerShell', '<+input>'],
      ['Sh'],
    ],
  ];
  for (const [title, marked, expected, absent] of cases) {
    it(title, async () => {
      const labels = (await items(marked)).map((i) => i.label);
      for (const e of expected) assert.ok(labels.includes(e), `${e} missing from ${labels.join(', ')}`);
      for (const a of absent) assert.ok(!labels.includes(a), `${a} should not be offered`);
    });
  }

  it('sorts required keys first', async () => {
    const list = await items(yaml('pipeline:', '  stages:', '    - stage:', '        |'));
    const required = list.filter((i) => i.sortText?.startsWith('0')).map((i) => i.label);
    const view = engine
      .schema()
      .viewAt(cursor(yaml('pipeline:', '  stages:', '    - stage:', '        x: 1|')).parsed, [
        'pipeline',
        'stages',
        0,
        'stage',
      ]);
    assert.ok(required.length > 0);
    assert.deepEqual(
      new Set(required),
      new Set((view?.required ?? []).filter((r) => list.some((i) => i.label === r))),
    );
    // The client orders by sortText: every required key sorts before every optional one.
    const req = list.filter((i) => required.includes(i.label)).map((i) => i.sortText ?? '');
    const opt = list.filter((i) => i.kind === 10 && !required.includes(i.label)).map((i) => i.sortText ?? '');
    assert.ok(opt.length > 0);
    for (const r of req) for (const o of opt) assert.ok(r < o, `${r} should sort before ${o}`);
  });

  it('inserts a stage skeleton with the required fields not yet written', async () => {
    const list = await items(
      yaml('pipeline:', '  stages:', '    - stage:', '        name: Build', '        type: |'),
    );
    const custom = newText(list.find((i) => i.label === 'Custom'));
    assert.match(custom, /^Custom\n/);
    assert.match(custom, /^identifier: /m);
    assert.doesNotMatch(custom, /^name: /m, 'name is already there');
    assert.match(custom, /^spec:/m);
  });

  it('inserts a step skeleton whose snippet re-parses and passes the required-field checks', async () => {
    const list = await items(yaml(...STEP_PREFIX, '              - step:', '                  type: |'));
    const text = newText(list.find((i) => i.label === 'ShellScript'));
    assert.match(text, /^ShellScript\n/);
    // Expand the snippet with its defaults, indent it under the step, and validate the result.
    const expanded = text
      .replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .split('\n')
      .map((l, i) => (i === 0 ? l : `                  ${l}`))
      .join('\n');
    const doc = yaml(...STEP_PREFIX, '              - step:', `                  type: ${expanded}`);
    const codes = createEngine()
      .validate('file:///x.yaml', 1, doc)
      .filter((d) => d.severity === 1)
      .map((d) => `${String(d.code)}: ${d.message}`);
    assert.deepEqual(
      codes.filter((c) => c.startsWith('missing-required')),
      [],
    );
  });

  it('asks the client for live connector references with the typed scope prefix', async () => {
    const asked: ListReferencesParams[] = [];
    const marked = yaml(
      'pipeline:',
      '  orgIdentifier: default',
      '  projectIdentifier: demo',
      '  properties:',
      '    ci:',
      '      codebase:',
      '        connectorRef: account.gi|',
    );
    const list = await items(marked, async (p) => {
      asked.push(p);
      return [{ ref: 'account.github' }, { ref: 'account.gitlab' }];
    });
    assert.deepEqual(asked, [{ kind: 'connector', scope: { level: 'account' }, prefix: 'account.gi' }]);
    assert.ok(list.some((i) => i.label === 'account.github'));
    const item = list.find((i) => i.label === 'account.github');
    assert.ok(item?.textEdit && 'range' in item.textEdit);
    assert.equal(
      item.textEdit.range.end.character - item.textEdit.range.start.character,
      'account.gi'.length,
    );
  });

  it('answers without live references when the client cannot list them', async () => {
    const list = await items(
      yaml('pipeline:', '  properties:', '    ci:', '      codebase:', '        connectorRef: |'),
      async () => {
        throw new Error('offline');
      },
    );
    // The scope prefixes and the runtime input still come; no live reference does.
    assert.deepEqual(
      list.map((i) => i.label),
      ['account.', 'org.', '<+input>'],
    );
  });

  it('answers odd documents with what fits there, without throwing', async () => {
    const roots = [...HARNESS_ROOT_KEYS];
    const cases: [string, string[]][] = [
      ['|', roots],
      ['|pipeline:', roots.filter((k) => k !== 'pipeline')],
      ['pipeline: [|', ['<+input>']],
      ['- - - |', []],
      ['pipeline:\n  stages:\n    - stage: <+input>|\n', ['<+input>']],
      ['\t|\t', roots],
    ];
    for (const [marked, labels] of cases) {
      assert.deepEqual(
        (await items(marked)).map((i) => i.label),
        labels,
        JSON.stringify(marked),
      );
    }
  });
});
