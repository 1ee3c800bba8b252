// The bundled schema through the real engine: a realistic pipeline written for this test
// validates cleanly, every step type accepts a minimal spec built from its own required keys,
// and seeded mistakes give the diagnostics a user needs (code, severity, position).
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { stringify } from 'yaml';
import { createEngine } from '../../../../server/engine';
import { bundledPipelineSchema, bundledStepTypes } from '../../../../server/schema/bundled/index';
import type { JsonSchema } from '../../../../server/schema/bundled/types';
import { nightlyPipeline, releasePipeline } from './samples';

const engine = createEngine();
let version = 0;
const validate = (text: string): Diagnostic[] =>
  engine.validate(`file:///bundled-${++version}.yaml`, 1, text);
const errors = (ds: Diagnostic[]): Diagnostic[] => ds.filter((d) => d.severity === 1);
const show = (ds: Diagnostic[]): string =>
  ds.map((d) => `${d.range.start.line + 1}: ${String(d.code)} ${d.message}`).join('\n');

/** Line (1-based) of the first line containing `needle`. */
const lineOf = (text: string, needle: string): number =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** A value that satisfies a schema, built from its required keys only. */
function sample(s: JsonSchema | undefined, depth = 0): unknown {
  if (!s || depth > 12) return 'x';
  if (s.$ref)
    return sample(bundledPipelineSchema.definitions?.[s.$ref.replace('#/definitions/', '')], depth + 1);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.oneOf) return sample(s.oneOf[0], depth + 1);
  const t = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (t) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const k of s.required ?? []) o[k] = sample(s.properties?.[k], depth + 1);
      return o;
    }
    case 'array':
      return [sample(s.items, depth + 1)];
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    default:
      return s['x-harness-format'] === 'timeout' ? '10m' : 'value_1';
  }
}

describe('bundled pipeline schema: validation through the engine', function () {
  // Parsing and validating whole pipelines on a busy 2-core machine: not a speed test.
  this.timeout(30_000);

  it('accepts a realistic multi-stage pipeline without any diagnostic', () => {
    const ds = validate(releasePipeline);
    assert.deepEqual(ds, [], show(ds));
  });

  it('accepts a second pipeline with Kubernetes builds, IaC, tickets and legacy deployments', () => {
    const ds = validate(nightlyPipeline);
    assert.deepEqual(ds, [], show(ds));
  });

  it('accepts insert blocks of stages and of steps (template insertion points)', () => {
    const text = [
      'pipeline:',
      '  name: With inserts',
      '  identifier: with_inserts',
      '  stages:',
      '    - insert:',
      '        name: Team stages',
      '        identifier: team_stages',
      '        stages:',
      '          - stage:',
      '              name: Checks',
      '              identifier: checks',
      '              type: Custom',
      '              spec:',
      '                execution:',
      '                  steps:',
      '                    - insert:',
      '                        name: Team steps',
      '                        identifier: team_steps',
      '                        steps:',
      '                          - step:',
      '                              type: Wait',
      '                              name: Pause',
      '                              identifier: pause',
      '                              spec:',
      '                                duration: 1m',
      '',
    ].join('\n');
    const ds = validate(text);
    assert.deepEqual(ds, [], show(ds));
    const broken = validate(
      text.replace(
        '                                duration: 1m',
        '                                duraton: 1m',
      ),
    );
    assert.ok(
      errors(broken).some((d) => d.code === 'unknown-property'),
      show(broken),
    );
  });

  /** The definition of a step type: `Step_<type>`, or the family definition whose type enum has it. */
  const stepDefinition = (type: string) =>
    Object.values(bundledPipelineSchema.definitions ?? {}).find((d) => {
      const t = d.properties?.type;
      return (
        t?.const === type || (t?.const === undefined && d.oneOf === undefined && t?.enum?.includes(type))
      );
    });

  it('accepts a minimal spec for every step type it knows', () => {
    // One document with every step type (one validation, not one per type).
    const steps = bundledStepTypes.map((type, i) => ({
      step: {
        type,
        name: `step ${i}`,
        identifier: `step_${i}`,
        timeout: '10m',
        spec: sample(stepDefinition(type)?.properties?.spec),
      },
    }));
    const doc = {
      pipeline: {
        name: 'p',
        identifier: 'p',
        stages: [{ stage: { name: 's', identifier: 's', type: 'Custom', spec: { execution: { steps } } } }],
      },
    };
    const text = stringify(doc);
    const ds = errors(validate(text));
    const lines = text.split('\n');
    // Name the step type each error belongs to: the nearest "type" line above it.
    const culprits = ds.map((d) => {
      for (let l = d.range.start.line; l >= 0; l--) {
        const m = /^\s*(?:- )?type: ([A-Za-z0-9]+)$/.exec(lines[l]);
        if (m && bundledStepTypes.includes(m[1])) return `${m[1]}: ${String(d.code)} ${d.message}`;
      }
      return `?: ${d.message}`;
    });
    assert.deepEqual(culprits, []);
    assert.ok(bundledStepTypes.length >= 50);
  });

  it('flags a misspelled key inside a step spec at the key, with a suggestion', () => {
    const text = releasePipeline.replace(
      '                    command: npm ci',
      '                    comand: npm ci',
    );
    const ds = errors(validate(text));
    const d = ds.find((x) => x.code === 'unknown-property');
    assert.ok(d, show(ds));
    assert.equal(d.range.start.line + 1, lineOf(text, 'comand:'));
    assert.match(d.message, /"command"/);
  });

  it('flags a misspelled key in a failure strategy and in a stage node', () => {
    const text = releasePipeline
      .replace(
        '              - onFailure:\n                  errors:\n                    - Timeout',
        '              - onFailur:\n                  errors:\n                    - Timeout',
      )
      .replace(
        '        name: Approve\n        identifier: approve\n        type: Approval\n        spec:',
        '        name: Approve\n        identifier: approve\n        type: Approval\n        spc:',
      );
    const ds = errors(validate(text));
    const lines = ds.filter((d) => d.code === 'unknown-property').map((d) => d.range.start.line + 1);
    assert.ok(lines.includes(lineOf(text, 'onFailur:')), show(ds));
    assert.ok(lines.includes(lineOf(text, 'spc:')), show(ds));
  });

  it('reports an unknown stage type as an error that lists the stage types', () => {
    const text = releasePipeline.replace('type: Deployment', 'type: Deploymnt');
    const ds = errors(validate(text));
    const d = ds.find((x) => /not a stage type/.test(x.message));
    assert.ok(d, show(ds));
    assert.equal(d.range.start.line + 1, lineOf(text, 'Deploymnt'));
    assert.match(d.message, /Deployment/);
    assert.match(d.message, /Approval/);
  });

  it('reports an unknown step type as a warning that says the bundled schema does not know it', () => {
    const text = releasePipeline.replace('type: K8sRollingDeploy', 'type: BrandNewHarnessStep');
    const ds = validate(text);
    assert.deepEqual(errors(ds), [], show(ds));
    const w = ds.find((d) => d.severity === 2 && /BrandNewHarnessStep/.test(d.message));
    assert.ok(w, show(ds));
    assert.match(w.message, /not known to the bundled schema/);
  });

  it('names the missing required key of a step spec', () => {
    const text = releasePipeline.replace(
      '                        barrierRef: ready\n                rollbackSteps',
      '                        barrierRf: ready\n                rollbackSteps',
    );
    const ds = errors(validate(text));
    assert.ok(
      ds.some((d) => d.code === 'missing-required' && /barrierRef/.test(d.message)),
      show(ds),
    );
  });

  it('rejects a wrong enum value in when and in a failure action', () => {
    const text = releasePipeline
      .replace('pipelineStatus: Success', 'pipelineStatus: Succeeded')
      .replace(
        'type: StageRollback\n              - onFailure',
        'type: RollbackStage\n              - onFailure',
      );
    const ds = errors(validate(text));
    assert.ok(
      ds.some((d) => d.range.start.line + 1 === lineOf(text, 'Succeeded')),
      show(ds),
    );
    assert.ok(
      ds.some((d) => d.range.start.line + 1 === lineOf(text, 'RollbackStage')),
      show(ds),
    );
  });

  it('accepts runtime inputs in place of whole objects and lists', () => {
    const text = releasePipeline
      .replace(
        / {12}failureStrategies:\n[\s\S]*? {12}when:\n/,
        '            failureStrategies: <+input>\n            when:\n',
      )
      .replace(
        '                        tags:\n                          - <+pipeline.sequenceId>',
        '                        tags: <+input>',
      );
    const ds = validate(text);
    assert.deepEqual(errors(ds), [], show(ds));
  });
});
