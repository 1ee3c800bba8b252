// Table-driven validation tests against a small schema of our own (see helpers.ts): codes,
// messages and the exact text each diagnostic's range covers.
import * as assert from 'node:assert/strict';
import {
  covered,
  customStage as stage,
  doc,
  pipelineHead as head,
  testSchema,
  validateWith,
} from './helpers';

interface Expect {
  code: string;
  /** The exact text the range covers. */
  at: string;
  line?: number;
  message?: RegExp;
  severity?: 1 | 2;
  data?: Record<string, unknown>;
}

const shell = (id: string, indent = '              ') => [
  `${indent}- step:`,
  `${indent}    name: ${id}`,
  `${indent}    identifier: ${id}`,
  `${indent}    type: ShellScript`,
];

const cases: { name: string; text: string[]; expect: Expect[] }[] = [
  {
    name: 'a misspelled key gets a did-you-mean on the key',
    text: ['pipeline:', '  name: P', '  identifier: p', '  stage: []'],
    expect: [
      {
        code: 'unknown-property',
        at: 'stage',
        line: 4,
        message: /^Unknown property "stage" — did you mean "stages"\?$/,
        data: { suggestion: 'stages', property: 'stage' },
      },
    ],
  },
  {
    name: '"step" for "steps" inside execution',
    text: [...stage().slice(0, -1), '            step: []'],
    expect: [{ code: 'unknown-property', at: 'step', message: /did you mean "steps"/ }],
  },
  {
    name: 'a misspelled stage type names the kind and the choices',
    text: [...head, '    - stage:', '        name: S', '        identifier: s', '        type: Deploymnt'],
    expect: [
      {
        code: 'invalid-enum',
        at: 'Deploymnt',
        message:
          /^"Deploymnt" is not a stage type; did you mean "Deployment"\? expected one of Deployment, Custom$/,
        data: { suggestion: 'Deployment' },
      },
    ],
  },
  {
    name: 'an unknown step type is a warning, not an error',
    text: stage(
      '              - step:',
      '                  name: x',
      '                  identifier: x',
      '                  type: FancyNewStep',
    ),
    expect: [
      {
        code: 'unknown-step-type',
        at: 'FancyNewStep',
        severity: 2,
        message:
          /^"FancyNewStep" is a step type not known to the bundled schema; its fields are not checked$/,
      },
    ],
  },
  {
    name: 'a near-miss step type is an error, even where unknown step types are warnings',
    text: stage(
      '              - step:',
      '                  name: x',
      '                  identifier: x',
      '                  type: Wiat',
    ),
    expect: [
      {
        code: 'invalid-enum',
        at: 'Wiat',
        line: 15,
        severity: 1,
        message: /^"Wiat" is not a step type; did you mean "Wait"\? expected one of Wait, ShellScript$/,
        data: { suggestion: 'Wait' },
      },
    ],
  },
  {
    name: 'a missing required key is reported on the parent key',
    text: stage('              - step:', '                  identifier: x', '                  type: Wait'),
    expect: [
      {
        code: 'missing-required',
        at: 'step',
        message: /^Missing required property "name" in step$/,
        data: { missing: ['name'] },
      },
    ],
  },
  {
    name: 'a wrong type names the expected type, on the key of a collection',
    text: ['pipeline:', '  name:', '    - a', '  identifier: p'],
    expect: [{ code: 'invalid-type', at: 'name', message: /expected a string, found a list/ }],
  },
  {
    name: 'a wrong enum value suggests the closest one',
    text: stage(...shell('a'), '                  spec:', '                    shell: Bsh'),
    expect: [
      { code: 'invalid-enum', at: 'Bsh', message: /did you mean "Bash"\? expected one of Bash, PowerShell/ },
    ],
  },
  {
    name: 'numbers out of range and non-numbers',
    text: stage(
      ...shell('a'),
      '                  spec:',
      '                    retries: 20',
      ...shell('b'),
      '                  spec:',
      '                    retries: many',
    ),
    expect: [
      { code: 'out-of-range', at: '20', message: /at most 10/ },
      { code: 'invalid-type', at: 'many', message: /expected an integer, found a string/ },
    ],
  },
  {
    name: 'expressions satisfy any scalar, object or list',
    text: [
      'pipeline:',
      '  name: <+input>',
      '  identifier: p',
      '  tags: <+input>',
      '  stages:',
      '    - stage:',
      '        name: S',
      '        identifier: s',
      '        type: Custom',
      '        spec:',
      '          execution:',
      '            steps:',
      ...shell('a'),
      '                  spec:',
      '                    retries: <+pipeline.variables.n>',
      '                    shell: <+input>.allowedValues(Bash,PowerShell)',
      ...shell('b'),
      '                  spec: <+input>',
    ],
    expect: [{ code: 'unknown-variable', at: 'pipeline.variables.n', severity: 2 }],
  },
  {
    name: 'duplicate stage identifiers, also inside parallel blocks',
    text: [
      ...head,
      '    - stage: {name: A, identifier: a, type: Custom}',
      '    - parallel:',
      '        - stage: {name: B, identifier: b, type: Custom}',
      '        - stage: {name: A2, identifier: a, type: Custom}',
    ],
    expect: [{ code: 'duplicate-identifier', at: 'a', line: 8, message: /^Duplicate stage identifier "a"/ }],
  },
  {
    // Harness's fully qualified names: a step in a group is …steps.<group>.steps.<id>, so each
    // group is a namespace; a parallel block adds no level; rollbackSteps are their own list.
    name: 'duplicate step identifiers: per steps list with its parallel blocks; step groups and rollbackSteps are namespaces',
    text: [
      ...stage(
        ...shell('a'),
        '              - stepGroup:',
        '                  name: g',
        '                  identifier: g',
        '                  steps:',
        '                    - parallel:',
        ...shell('a', '                        '),
        '              - stepGroup:',
        '                  name: h',
        '                  identifier: h',
        '                  steps:',
        ...shell('a', '                    '),
        '              - parallel:',
        ...shell('a', '                  '),
      ),
      '            rollbackSteps:',
      ...shell('a'),
    ],
    expect: [{ code: 'duplicate-identifier', at: 'a', line: 36, message: /^Duplicate step identifier "a"/ }],
  },
  {
    name: 'keys slipped to the root under an empty pipeline: (a paste that lost its indentation)',
    text: ['pipeline:', 'name: P', 'identifier: p', 'stages: []'],
    expect: [
      {
        code: 'misplaced-root-key',
        at: 'pipeline',
        message:
          /^"pipeline:" is empty and 3 of its keys \(name, identifier, stages\) are at the root: indent them/,
      },
      { code: 'misplaced-root-key', at: 'name', message: /^"name" belongs under "pipeline:"/ },
      { code: 'misplaced-root-key', at: 'identifier', message: /^"identifier" belongs under "pipeline:"/ },
      { code: 'misplaced-root-key', at: 'stages', message: /^"stages" belongs under "pipeline:"/ },
    ],
  },
  {
    name: 'an unknown root key next to pipeline:',
    text: [...head.slice(0, 3), 'triggers: []'],
    expect: [{ code: 'misplaced-root-key', at: 'triggers', message: /^Unknown root key "triggers"/ }],
  },
  {
    name: 'identifier pattern and reserved words; name rules',
    text: [
      ...head,
      '    - stage: {name: "A/B", identifier: 1a, type: Custom}',
      '    - stage: {name: C, identifier: step, type: Custom}',
    ],
    expect: [
      { code: 'invalid-name', at: '"A/B"' },
      {
        code: 'invalid-identifier',
        at: '1a',
        message: /must start with a letter or "_"/,
        data: { suggestion: '_1a' },
      },
      { code: 'invalid-identifier', at: 'step', message: /reserved word/ },
    ],
  },
  {
    name: 'Deployment stages need failureStrategies; stage when needs pipelineStatus',
    text: [
      ...head,
      '    - stage:',
      '        name: D',
      '        identifier: d',
      '        type: Deployment',
      '        spec: {}',
      '        when:',
      '          condition: "true"',
    ],
    expect: [
      { code: 'missing-required', at: 'stage', message: /"failureStrategies" in stage/ },
      { code: 'missing-required', at: 'when', message: /"pipelineStatus" in when/ },
    ],
  },
  {
    name: 'step when needs stageStatus; a strategy has exactly one kind',
    text: stage(
      ...shell('a'),
      '                  when: {condition: x}',
      '                  strategy:',
      '                    parallelism: 2',
      '                    repeat: {times: 2}',
      ...shell('b'),
      '                  strategy: {}',
    ),
    expect: [
      { code: 'missing-required', at: 'when', message: /"stageStatus" in when/ },
      { code: 'invalid-strategy', at: 'repeat', message: /"parallelism" is already set/ },
      {
        code: 'invalid-strategy',
        at: 'strategy',
        message: /needs exactly one of "matrix", "parallelism" or "repeat"/,
      },
    ],
  },
  {
    name: 'variables: pipeline and enclosing-stage variables must be declared',
    text: [
      'pipeline:',
      '  name: P',
      '  identifier: p',
      '  variables:',
      '    - {name: known, type: String, value: x}',
      '  stages:',
      '    - stage:',
      '        name: S',
      '        identifier: s',
      '        type: Custom',
      '        variables:',
      '          - {name: local, type: String, value: y}',
      '        spec:',
      '          execution:',
      '            steps:',
      ...shell('a'),
      '                  spec:',
      '                    script: echo <+pipeline.variables.known> <+stage.variables.local> <+stage.variables.other> <+pipeline.variables.gone>',
    ],
    expect: [
      {
        code: 'unknown-variable',
        at: 'stage.variables.other',
        severity: 2,
        message: /No stage variable "other"/,
      },
      {
        code: 'unknown-variable',
        at: 'pipeline.variables.gone',
        severity: 2,
        message: /No pipeline variable "gone" is declared in this pipeline$/,
      },
    ],
  },
  {
    name: 'an undeclared variable close to a declared one: did you mean, with the whole reference as the fix',
    text: [
      ...head.slice(0, 3),
      '  variables:',
      '    - {name: greeting, type: String, value: hi}',
      '  stages:',
      '    - stage:',
      '        name: S',
      '        identifier: s',
      '        type: Custom',
      '        spec:',
      '          execution:',
      '            steps:',
      ...shell('a'),
      '                  spec:',
      '                    script: echo <+pipeline.variables.greting>',
    ],
    expect: [
      {
        code: 'unknown-variable',
        at: 'pipeline.variables.greting',
        severity: 2,
        message: /^No pipeline variable "greting" is declared in this pipeline — did you mean "greeting"\?$/,
        data: { scope: 'pipeline', name: 'greting', suggestion: 'pipeline.variables.greeting' },
      },
    ],
  },
  {
    name: 'timeouts follow the duration grammar',
    text: ['pipeline:', '  name: P', '  identifier: p', '  timeout: 10 minutes'],
    expect: [
      {
        code: 'invalid-timeout',
        at: '10 minutes',
        message: /not a valid timeout.* — did you mean "10m"\?$/,
        data: { suggestion: '10m' },
      },
    ],
  },
  {
    name: 'expression syntax: unterminated, unknown runtime-input method, unbalanced parentheses',
    text: [
      ...stage(...shell('a'), '                  spec:', '                    script: echo <+pipeline.name'),
      ...shell('b'),
      '                  spec:',
      '                    script: <+input>.allowedValue(a,b)',
      ...shell('c'),
      '                  spec:',
      '                    script: <+input>.default(a.regex(x)',
    ],
    expect: [
      { code: 'invalid-expression', at: '<+pipeline.name', message: /Unterminated expression/ },
      {
        code: 'invalid-expression',
        at: 'allowedValue',
        message: /Unknown runtime input method "\.allowedValue\(\)"/,
      },
      { code: 'invalid-expression', at: 'default(a.regex(x)', message: /Unbalanced "\("/ },
    ],
  },
  {
    name: 'template references: scope prefix and version label',
    text: [
      ...head,
      '    - stage:',
      '        name: T',
      '        identifier: t',
      '        template:',
      '          templateRef: org.bad-ref',
      '          versionLabel: "v 1"',
    ],
    expect: [
      { code: 'missing-required', at: 'stage', message: /"type" in stage/ },
      { code: 'invalid-template-ref', at: 'org.bad-ref' },
      { code: 'invalid-template-ref', at: '"v 1"' },
    ],
  },
];

describe('core: validation (own test schema)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const text = doc(...c.text);
      const diags = validateWith(testSchema, text);
      const got = diags.map((d) => ({
        code: String(d.code),
        at: covered(text, d).text,
        line: covered(text, d).line,
        d,
      }));
      assert.equal(
        got.length,
        c.expect.length,
        `expected ${c.expect.length} diagnostics, got:\n${got.map((g) => `  ${g.line} ${g.code} "${g.at}" ${g.d.message}`).join('\n')}`,
      );
      c.expect.forEach((e, i) => {
        const g = got[i];
        assert.equal(g.code, e.code, `#${i} code (${g.d.message})`);
        assert.equal(g.at, e.at, `#${i} range of ${e.code}`);
        if (e.line !== undefined) assert.equal(g.line, e.line, `#${i} line`);
        if (e.message) assert.match(g.d.message, e.message);
        assert.equal(g.d.severity, e.severity ?? 1, `#${i} severity`);
        assert.equal(g.d.source, 'harness');
        if (e.data)
          for (const [k, v] of Object.entries(e.data))
            assert.deepEqual((g.d.data as Record<string, unknown>)[k], v, `#${i} data.${k}`);
      });
    });
  }

  it('a valid document has no diagnostics', () => {
    const text = doc(
      ...stage(
        ...shell('a'),
        '                  timeout: 1h 30m',
        '                  spec: {shell: Bash, script: "echo <+pipeline.name>"}',
      ),
    );
    assert.deepEqual(validateWith(testSchema, text), []);
  });
});
