// Input sets at run time: the Run dialog's rows, the body built from merged input sets plus
// values entered by hand, and the YAML a run's inputs are saved as — checked on their own and
// with the real client against the simulator's seeded input sets (merge included).
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { createHarnessClient, type HarnessClient } from '../../../../src/api/client';
import { fromMergedInputSets, inputSetChoices, inputSetYaml } from '../../../../src/commands/inputSets';
import { valuesByLabel } from '../../../../src/commands/runtimeInputs';
import { INPUT_SET_PIPELINE } from '../../../simulator/seed-input-sets';
import { startSimulator, type Simulator } from '../../../simulator/server';
import { TRANSPORTS } from '../../api/transports';

const TEMPLATE = `pipeline:
  identifier: cleanup
  properties:
    ci:
      codebase:
        build: <+input>
  variables:
    - name: target
      type: String
      value: <+input>.default(nightly)
    - name: log_level
      type: String
      value: <+input>.default(info).allowedValues(debug,info,warn)
    - name: release_note
      type: String
      value: <+input>
    - name: approval
      type: String
      value: <+input>.executionInput()
`;

describe('input sets at run time', () => {
  it('lists input sets by name, marking overlays and outdated ones', () => {
    const rows = inputSetChoices([
      { identifier: 'nightly', name: 'Nightly', inputSetType: 'INPUT_SET' },
      { identifier: 'both', name: 'Both', inputSetType: 'OVERLAY_INPUT_SET', isOutdated: true },
    ]);
    assert.deepEqual(
      rows.map((r) => [r.identifier, r.label, r.description, r.detail]),
      [
        ['nightly', '$(symbol-field) Nightly', 'nightly', undefined],
        [
          'both',
          '$(layers) Both',
          'both',
          'overlay: merges the input sets it lists · outdated: the pipeline changed since it was saved',
        ],
      ],
    );
  });

  it("reads merged runtime inputs by the template's labels, objects and scalars alike", () => {
    const values = valuesByLabel(`pipeline:
  identifier: cleanup
  properties:
    ci:
      codebase:
        build:
          type: branch
          spec:
            branch: main
  variables:
    - name: release_note
      type: String
      value: From the input set
    - name: target
      type: String
      value: <+input>
`);
    assert.deepEqual(values.get('pipeline.properties.ci.codebase.build'), {
      type: 'branch',
      spec: { branch: 'main' },
    });
    assert.equal(values.get('pipeline.variables.release_note.value'), 'From the input set');
    assert.equal(values.has('pipeline.variables.target.value'), false, 'a placeholder is no value');
  });

  it('fills the template from the merge, asks only for what it leaves open, and keeps execution inputs', () => {
    const merged = fromMergedInputSets(
      TEMPLATE,
      `pipeline:
  identifier: cleanup
  variables:
    - name: log_level
      type: String
      value: debug
    - name: release_note
      type: String
      value: Tidy up
`,
    );
    assert.deepEqual(
      merged.missing.map((f) => f.label),
      ['pipeline.properties.ci.codebase.build'],
    );
    const body = parse(
      merged.body({ 'pipeline.properties.ci.codebase.build': { type: 'branch', spec: { branch: 'dev' } } }),
    ) as { pipeline: { variables: { name: string; value: string }[]; properties: unknown } };
    assert.deepEqual(Object.fromEntries(body.pipeline.variables.map((v) => [v.name, v.value])), {
      target: 'nightly', // its default
      log_level: 'debug', // the input set's
      release_note: 'Tidy up',
      approval: '<+input>.executionInput()', // supplied during the run
    });
    assert.deepEqual(body.pipeline.properties, {
      ci: { codebase: { build: { type: 'branch', spec: { branch: 'dev' } } } },
    });
  });

  it("saves a run's inputs as input set YAML for the pipeline and scope", () => {
    const yaml = inputSetYaml(
      {
        name: 'My inputs',
        identifier: 'My_inputs',
        scope: { orgIdentifier: 'default', projectIdentifier: 'demo' },
        pipelineIdentifier: 'cleanup',
      },
      'pipeline:\n  identifier: cleanup\n  variables:\n    - name: target\n      type: String\n      value: x\n',
    );
    assert.deepEqual(parse(yaml), {
      inputSet: {
        name: 'My inputs',
        identifier: 'My_inputs',
        orgIdentifier: 'default',
        projectIdentifier: 'demo',
        pipeline: { identifier: 'cleanup', variables: [{ name: 'target', type: 'String', value: 'x' }] },
      },
    });
    assert.throws(
      () =>
        inputSetYaml(
          {
            name: 'x',
            identifier: 'x',
            scope: { orgIdentifier: 'o', projectIdentifier: 'p' },
            pipelineIdentifier: 'c',
          },
          'a: [',
        ),
      /pipeline: root/,
    );
  });

  describe('against the simulator', function () {
    this.timeout(20_000);
    let sim: Simulator;
    let api: HarnessClient;
    const scope = { orgIdentifier: 'default', projectIdentifier: 'default_project' };

    before(async () => {
      sim = await startSimulator();
      api = createHarnessClient({
        baseUrl: sim.url,
        token: sim.tokens.admin,
        transport: TRANSPORTS[0].factory,
        rateLimit: false,
      });
    });
    after(async () => {
      await api.close();
      await sim.close();
    });

    it('merges the seeded overlay into a body that runs without asking anything', async () => {
      const template = await api.getInputSetTemplate(scope, INPUT_SET_PIPELINE);
      const listed = await api.listInputSets(scope, INPUT_SET_PIPELINE);
      assert.deepEqual(listed.items.map((s) => `${s.identifier}:${s.inputSetType}`).sort(), [
        'nightly:INPUT_SET',
        'nightly_verbose:OVERLAY_INPUT_SET',
        'verbose:INPUT_SET',
      ]);
      const merged = await api.mergeInputSets(scope, INPUT_SET_PIPELINE, ['nightly_verbose']);
      const inputs = fromMergedInputSets(template.inputSetTemplateYaml ?? '', merged.pipelineYaml);
      assert.deepEqual(inputs.missing, []);
      const body = inputs.body();
      assert.match(body, /value: Nightly cleanup/);
      assert.match(body, /value: debug/);
      const run = await api.executePipeline(scope, INPUT_SET_PIPELINE, body);
      assert.ok(run.uuid, 'the simulator accepted every required input');
    });

    it('saves entered inputs as an input set that is then listed and merges back to the same values', async () => {
      const template = await api.getInputSetTemplate(scope, INPUT_SET_PIPELINE);
      const body = fromMergedInputSets(template.inputSetTemplateYaml ?? '', '').body({
        'pipeline.variables.release_note.value': 'Saved by hand',
      });
      const yaml = inputSetYaml(
        { name: 'By hand', identifier: 'by_hand', scope, pipelineIdentifier: INPUT_SET_PIPELINE },
        body,
      );
      const saved = await api.createInputSet(scope, INPUT_SET_PIPELINE, yaml);
      assert.equal(saved.identifier, 'by_hand');
      const merged = await api.mergeInputSets(scope, INPUT_SET_PIPELINE, ['by_hand']);
      assert.equal(
        valuesByLabel(merged.pipelineYaml).get('pipeline.variables.release_note.value'),
        'Saved by hand',
      );
    });
  });
});
