import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import {
  allowedChoices,
  fillRuntimeInputs,
  findRuntimeInputs,
  missingInputs,
  parseRuntimeInput,
  validateInputValue,
} from '../../../../src/commands/runtimeInputs';

const template = `pipeline:
  identifier: build
  variables:
    - name: greeting
      type: String
      value: <+input>.default(hello).allowedValues(hello,hi)
    - name: target
      type: String
      value: <+input>
  stages:
    - stage:
        identifier: deploy
        type: Custom
        spec:
          execution:
            steps:
              - step:
                  identifier: wait
                  type: ShellScript
                  timeout: <+input>.regex(^[0-9]+m$)
              - step:
                  identifier: approve
                  type: HarnessApproval
                  spec:
                    approvalMessage: <+input>.executionInput()
`;

describe('commands/runtimeInputs', () => {
  it('parses modifiers, with escaped commas', () => {
    assert.deepEqual(parseRuntimeInput('<+input>'), { executionInput: false });
    assert.deepEqual(parseRuntimeInput('<+input>.default(london).allowedValues(bengaluru,newyork,london)'), {
      executionInput: false,
      defaultValue: 'london',
      allowedValues: ['bengaluru', 'newyork', 'london'],
    });
    assert.equal(parseRuntimeInput("<+input>.default(\\'london,uk\\')")?.defaultValue, 'london,uk');
    assert.deepEqual(parseRuntimeInput('<+input>.selectOneFrom(a,b)')?.allowedValues, ['a', 'b']);
    assert.equal(
      parseRuntimeInput('<+input>.allowedValues(v1,v2).default(v1).executionInput()')?.executionInput,
      true,
    );
    assert.equal(parseRuntimeInput('<+pipeline.name>'), undefined);
    assert.equal(parseRuntimeInput('plain'), undefined);
  });

  it('finds every runtime input with a readable label and path', () => {
    const fields = findRuntimeInputs(template);
    assert.deepEqual(
      fields.map((f) => f.label),
      [
        'pipeline.variables.greeting.value',
        'pipeline.variables.target.value',
        'pipeline.stages.deploy.spec.execution.steps.wait.timeout',
        'pipeline.stages.deploy.spec.execution.steps.approve.spec.approvalMessage',
      ],
    );
    assert.deepEqual(fields[0].path, ['pipeline', 'variables', 0, 'value']);
    assert.deepEqual(fields[2].path, [
      'pipeline',
      'stages',
      0,
      'stage',
      'spec',
      'execution',
      'steps',
      0,
      'step',
      'timeout',
    ]);
    assert.equal(fields[2].regex, '^[0-9]+m$');
    assert.equal(fields[3].executionInput, true);
    assert.deepEqual(findRuntimeInputs(''), []);
    assert.deepEqual(findRuntimeInputs(undefined), []);
  });

  it('fills values and defaults, leaving execution-time inputs', () => {
    const fields = findRuntimeInputs(template);
    assert.deepEqual(
      missingInputs(fields, {}).map((f) => f.label),
      ['pipeline.variables.target.value', 'pipeline.stages.deploy.spec.execution.steps.wait.timeout'],
    );
    const out = parse(
      fillRuntimeInputs(template, {
        'pipeline.variables.target.value': 'prod',
        'pipeline.stages.deploy.spec.execution.steps.wait.timeout': '10m',
      }),
    );
    assert.equal(out.pipeline.variables[0].value, 'hello');
    assert.equal(out.pipeline.variables[1].value, 'prod');
    const steps = out.pipeline.stages[0].stage.spec.execution.steps;
    assert.equal(steps[0].step.timeout, '10m');
    assert.equal(steps[1].step.spec.approvalMessage, '<+input>.executionInput()');
  });

  it('validates values against allowed values and regex', () => {
    const [greeting, , timeout] = findRuntimeInputs(template);
    assert.equal(validateInputValue(greeting, 'hi'), undefined);
    assert.match(validateInputValue(greeting, 'yo') ?? '', /hello, hi/);
    assert.equal(validateInputValue(timeout, '5m'), undefined);
    assert.match(validateInputValue(timeout, '5s') ?? '', /must match/);
  });

  it('opens allowed values at the default, so Enter takes it; at the first value without one', () => {
    const withDefault = allowedChoices(
      parseRuntimeInput('<+input>.default(prod).allowedValues(dev,qa,prod)') ?? {},
    );
    assert.deepEqual(
      withDefault.items.map((i) => i.label),
      ['dev', 'qa', 'prod'],
    );
    assert.equal(withDefault.active, 2);
    assert.equal(withDefault.items[2].description, 'default');
    assert.equal(allowedChoices(parseRuntimeInput('<+input>.allowedValues(dev,qa)') ?? {}).active, 0);
    // A default outside the list (Harness lets it through) selects nothing special.
    assert.equal(
      allowedChoices(parseRuntimeInput('<+input>.default(x).allowedValues(dev,qa)') ?? {}).active,
      0,
    );
  });
});
