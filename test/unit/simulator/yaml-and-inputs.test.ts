import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { buildPipeline } from '../../simulator/pipeline-yaml';
import { executionStepsOf } from '../../simulator/pipeline-meta';
import { checkRuntimeInputs, inputSetTemplateYaml } from '../../simulator/runtime-inputs';
import { seedState } from '../../simulator/seed';
import { toYaml } from '../../simulator/yaml-emit';

describe('simulator: YAML writer and runtime inputs', function () {
  // Bounded: these suites start servers and child processes on a possibly busy 2-core machine.
  this.timeout(15_000);
  it('writes YAML that parses back to the same data, for every seeded pipeline', () => {
    const state = seedState(3);
    let checked = 0;
    // Every 7th pipeline: covers all eight pipeline kinds without parsing hundreds of files.
    for (const p of state.pipelines.filter((x, i) => x.valid && i % 7 === 0)) {
      const root = parse(p.yaml) as { pipeline: { identifier: string } };
      assert.equal(root.pipeline.identifier, p.identifier);
      checked++;
    }
    assert.ok(checked > 40);
    const built = buildPipeline({
      identifier: 'x', name: 'X', orgIdentifier: 'o', projectIdentifier: 'p', kind: 'release', inputs: 'required', failing: true,
      codebase: { connectorRef: 'c', repoName: 'r' },
    }); // prettier-ignore
    assert.deepEqual(parse(built.yaml), { pipeline: built.node });
  });

  it('quotes strings that would otherwise change type or meaning', () => {
    const tricky = {
      a: ['true', 'no', '1', '1.5', '-3', 'null', '~', '0x1F', '.inf'],
      b: 'key: value',
      c: 'has # comment',
      d: '*alias',
      e: '- dash',
      f: '',
      g: ' padded ',
      h: '"quoted"',
      i: 'multi\nline',
      j: { k: [], l: {}, m: null, n: 3, o: false, p: [[1, 2], { q: 'r' }] },
      '1key': 'v',
      'with space': '<+input>.default(a,b)',
    };
    assert.deepEqual(parse(toYaml(tricky)), tricky);
  });

  it('builds the input-set template and checks supplied inputs by fully-qualified name', () => {
    const pipeline = parse(`
pipeline:
  identifier: p
  name: P
  variables:
    - name: env
      type: String
      value: <+input>.allowedValues(dev,prod)
    - name: fixed
      type: String
      value: x
  stages:
    - parallel:
        - stage:
            identifier: a
            type: Custom
            spec:
              execution:
                steps:
                  - step:
                      identifier: s
                      type: ShellScript
                      timeout: <+input>.default(10m)
                      spec:
                        command: <+input>
`) as { pipeline: Record<string, unknown> };
    const template = parse(inputSetTemplateYaml(pipeline.pipeline)) as unknown;
    assert.deepEqual(template, {
      pipeline: {
        identifier: 'p',
        variables: [{ name: 'env', type: 'String', value: '<+input>.allowedValues(dev,prod)' }],
        stages: [
          {
            parallel: [
              {
                stage: {
                  identifier: 'a',
                  type: 'Custom',
                  spec: {
                    execution: {
                      steps: [
                        {
                          step: {
                            identifier: 's',
                            type: 'ShellScript',
                            timeout: '<+input>.default(10m)',
                            spec: { command: '<+input>' },
                          },
                        },
                      ],
                    },
                  },
                },
              },
            ],
          },
        ],
      },
    });
    assert.deepEqual(checkRuntimeInputs(pipeline.pipeline, undefined), [
      'Value not provided for required variable: pipeline.variables.env',
      'Value not provided for required variable: pipeline.stages.a.spec.execution.steps.s.spec.command',
    ]);
    const supplied = parse(`
pipeline:
  variables:
    - name: env
      value: prod
  stages:
    - parallel:
        - stage:
            identifier: a
            spec:
              execution:
                steps:
                  - step:
                      identifier: s
                      spec:
                        command: echo ok
`);
    assert.deepEqual(checkRuntimeInputs(pipeline.pipeline, supplied), []);
    assert.equal(inputSetTemplateYaml({ identifier: 'none', name: 'N' }), '');
  });

  it('derives the steps a run walks through, marking the failing one', () => {
    const built = buildPipeline({
      identifier: 'x',
      name: 'X',
      orgIdentifier: 'o',
      projectIdentifier: 'p',
      kind: 'ci',
      inputs: 'none',
      failing: true,
    });
    const steps = executionStepsOf(built.node);
    assert.deepEqual(
      steps.map((s) => [s.stageIdentifier, s.identifier, s.fails]),
      [
        ['build', 'install', false],
        ['build', 'unit_tests', false],
        ['build', 'lint', true],
        ['build', 'build_and_push', false],
      ],
    );
  });
});
