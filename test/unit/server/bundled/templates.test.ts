// Templates through the real engine: each template type's spec is checked as the entity it
// templates (a step, a stage, a pipeline, a step group), without the identifier and name the
// template carries; versionLabel is required; the template type itself is a checked union.
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createEngine } from '../../../../server/engine';

const engine = createEngine();
let version = 0;
const validate = (...lines: string[]): Diagnostic[] =>
  engine.validate(`file:///template-${++version}.yaml`, 1, lines.join('\n') + '\n');
const show = (ds: Diagnostic[]): string =>
  ds
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${d.message}`)
    .join('\n');
const head = (type: string): string[] => [
  'template:',
  '  name: Build and test',
  '  identifier: build_and_test',
  '  versionLabel: "1.0"',
  `  type: ${type}`,
  '  projectIdentifier: demo',
  '  orgIdentifier: default',
  '  tags: {}',
];

describe('bundled schema: templates by type', () => {
  it('accepts a Step template whose spec is a step without identifier and name', () => {
    const ds = validate(
      ...head('Step'),
      '  spec:',
      '    type: ShellScript',
      '    timeout: <+input>',
      '    spec:',
      '      shell: Bash',
      '      onDelegate: true',
      '      source:',
      '        type: Inline',
      '        spec:',
      '          script: <+input>',
    );
    assert.deepEqual(ds, [], show(ds));
  });

  it("checks a Step template's spec as the step it is: a misspelled key gets did-you-mean at its range", () => {
    const ds = validate(
      ...head('Step'),
      '  spec:',
      '    type: Run',
      '    spec:',
      '      shel: Bash',
      '      command: make test',
    );
    const typo = ds.find((d) => d.code === 'unknown-property');
    assert.ok(typo, show(ds));
    assert.match(typo.message, /"shel".*did you mean "shell"/);
    assert.deepEqual(
      [typo.range.start.line, typo.range.start.character, typo.range.end.character],
      [11, 6, 10],
    );
  });

  it('accepts a Stage template and still checks the steps inside it (their identifiers are required)', () => {
    const ok = validate(
      ...head('Stage'),
      '  spec:',
      '    type: Custom',
      '    spec:',
      '      execution:',
      '        steps:',
      '          - step:',
      '              identifier: wait',
      '              name: wait',
      '              type: Wait',
      '              spec:',
      '                duration: 10m',
    );
    assert.deepEqual(ok, [], show(ok));
    const missing = validate(
      ...head('Stage'),
      '  spec:',
      '    type: Custom',
      '    spec:',
      '      execution:',
      '        steps:',
      '          - step:',
      '              name: wait',
      '              type: Wait',
      '              spec:',
      '                duration: 10m',
    );
    assert.ok(
      missing.some((d) => d.code === 'missing-required' && /"identifier"/.test(d.message)),
      show(missing),
    );
  });

  it('accepts a Pipeline template and a StepGroup template with its stageType', () => {
    const pipeline = validate(
      ...head('Pipeline'),
      '  spec:',
      '    stages:',
      '      - stage:',
      '          identifier: approve',
      '          name: approve',
      '          type: Approval',
      '          spec:',
      '            execution:',
      '              steps:',
      '                - step:',
      '                    identifier: ok',
      '                    name: ok',
      '                    type: HarnessApproval',
      '                    timeout: 1d',
      '                    spec:',
      '                      approvalMessage: Please approve',
      '                      includePipelineExecutionHistory: true',
      '                      approvers:',
      '                        userGroups: [account._account_all_users]',
      '                        minimumCount: 1',
      '                        disallowPipelineExecutor: false',
    );
    assert.deepEqual(pipeline, [], show(pipeline));
    const group = validate(
      ...head('StepGroup'),
      '  spec:',
      '    stageType: Deployment',
      '    steps:',
      '      - step:',
      '          identifier: hello',
      '          name: hello',
      '          type: ShellScript',
      '          timeout: 10m',
      '          spec:',
      '            shell: Bash',
      '            onDelegate: true',
      '            source:',
      '              type: Inline',
      '              spec:',
      '                script: echo hello',
    );
    assert.deepEqual(group, [], show(group));
    const typo = validate(...head('StepGroup'), '  spec:', '    stageTyp: Deployment', '    steps: []');
    assert.ok(
      typo.some((d) => d.code === 'unknown-property' && /did you mean "stageType"/.test(d.message)),
      show(typo),
    );
  });

  it('requires versionLabel, on the template key', () => {
    const ds = validate(
      'template:',
      '  name: t',
      '  identifier: t',
      '  type: Step',
      '  spec:',
      '    type: Wait',
    );
    const missing = ds.find((d) => d.code === 'missing-required');
    assert.ok(missing && /versionLabel/.test(missing.message), show(ds));
    assert.equal(missing.range.start.line, 0);
  });

  it('makes a near-miss template type an error and a far unknown one a warning', () => {
    const near = validate(...head('Stepp'), '  spec: {}');
    const e = near.find((d) => d.code === 'invalid-enum');
    assert.ok(e && e.severity === 1 && /did you mean "Step"/.test(e.message), show(near));
    const far = validate(...head('ChaosExperiment'), '  spec: {}');
    assert.ok(
      far.every((d) => d.severity !== 1),
      show(far),
    );
    assert.ok(
      far.some((d) => d.code === 'unknown-template-type'),
      show(far),
    );
  });

  it('rejects a versionLabel with a space or a slash', () => {
    const ds = validate(
      'template:',
      '  name: t',
      '  identifier: t',
      '  versionLabel: v 1/2',
      '  type: Step',
      '  spec:',
      '    type: Wait',
      '    spec:',
      '      duration: 1m',
    );
    assert.ok(
      ds.some((d) => d.code === 'pattern-mismatch' && d.range.start.line === 3),
      show(ds),
    );
  });

  it('accepts a CustomDeployment template whose infrastructure variables include a Connector', () => {
    const ds = validate(
      ...head('CustomDeployment'),
      '  spec:',
      '    infrastructure:',
      '      variables:',
      '        - name: cluster',
      '          type: Connector',
      '          value: <+input>',
      '          description: The cluster to deploy to',
      '      fetchInstancesScript:',
      '        store:',
      '          type: Inline',
      '          spec:',
      '            content: echo []',
      '      instanceAttributes:',
      '        - name: instancename',
      '          jsonPath: name',
      '      instancesListPath: items',
      '    execution:',
      '      stepTemplateRefs:',
      '        - account.deploy_step',
    );
    assert.deepEqual(ds, [], show(ds));
    const wrong = validate(
      ...head('CustomDeployment'),
      '  spec:',
      '    infrastructure:',
      '      variables:',
      '        - name: cluster',
      '          type: Conector',
    );
    assert.ok(
      wrong.some((d) => d.code === 'invalid-enum' && /did you mean "Connector"/.test(d.message)),
      show(wrong),
    );
  });

  it('says "an" before a kind that starts with a vowel', () => {
    const ds = validate(
      'infrastructureDefinition:',
      '  name: k8s',
      '  identifier: k8s',
      '  environmentRef: dev',
      '  deploymentType: Kubernetes',
      '  type: KubernetesDirekt',
    );
    assert.ok(
      ds.some((d) => /"KubernetesDirekt" is not an infrastructure type/.test(d.message)),
      show(ds),
    );
    const stage = validate(...head('Stage'), '  spec:', '    type: Aproval');
    assert.ok(
      stage.some((d) => /is not a stage type/.test(d.message)),
      show(stage),
    );
  });
});
