// Structural checks of the bundled pipeline schema, independent of the validation engine:
// references resolve, every property explains itself, unions follow the SCHEMA ↔ CORE
// conventions, and the required coverage is there.
import * as assert from 'node:assert/strict';
import {
  bundledPipelineSchema,
  bundledStageTypes,
  bundledStepTypes,
} from '../../../../server/schema/bundled/index';
import type { JsonSchema } from '../../../../server/schema/bundled/types';
import { HARNESS_ROOT_KEYS } from '../../../../shared/protocol';

const defs = bundledPipelineSchema.definitions ?? {};

function resolve(ref: string): JsonSchema | undefined {
  const m = /^#\/definitions\/([^/]+)$/.exec(ref);
  return m ? defs[m[1]] : undefined;
}

/** Every schema object in the tree with its JSON path. */
function* walk(s: JsonSchema, at: string): Generator<[string, JsonSchema]> {
  yield [at, s];
  for (const [k, v] of Object.entries(s.properties ?? {})) yield* walk(v, `${at}/properties/${k}`);
  if (s.items) yield* walk(s.items, `${at}/items`);
  if (s.additionalProperties && typeof s.additionalProperties === 'object')
    yield* walk(s.additionalProperties, `${at}/additionalProperties`);
  for (const [i, v] of (s.oneOf ?? []).entries()) yield* walk(v, `${at}/oneOf/${i}`);
  for (const [i, v] of (s.anyOf ?? []).entries()) yield* walk(v, `${at}/anyOf/${i}`);
  for (const [i, v] of (s.allOf ?? []).entries()) yield* walk(v, `${at}/allOf/${i}`);
  for (const [k, v] of Object.entries(s.definitions ?? {})) yield* walk(v, `${at}/definitions/${k}`);
  const unknown = s['x-harness-unknown-branch'];
  if (unknown) yield* walk(unknown, `${at}/x-harness-unknown-branch`);
}
const all = [...walk(bundledPipelineSchema, '#')];

const stepUnion = defs.Step;
const stageUnion = defs.Stage;
const branchNames = (u: JsonSchema | undefined): string[] =>
  (u?.oneOf ?? []).map((b) => (b.$ref ?? '').replace('#/definitions/', ''));

describe('bundled pipeline schema: structure', () => {
  it('is plain JSON (survives a JSON round trip unchanged) and declares draft-07', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(bundledPipelineSchema)), bundledPipelineSchema);
    assert.equal(bundledPipelineSchema.$schema, 'http://json-schema.org/draft-07/schema#');
  });

  // The published pipeline schema alone is 3.4 MB; Harness's entity schemas (connector ≈229 KB,
  // service ≈183 KB, environment ≈82 KB, infrastructure ≈80 KB, secret ≈17 KB as TypeScript in
  // harness/mcp-server) add about 0.6 MB more. Ours covers every kind in well under a fifth.
  it('stays small: every Harness file kind in under 560 KB serialised', () => {
    const bytes = Buffer.byteLength(JSON.stringify(bundledPipelineSchema));
    assert.ok(bytes < 560_000, `schema is ${bytes} bytes`);
  });

  it('has a root for every Harness file kind the server recognises', () => {
    assert.deepEqual(
      Object.keys(bundledPipelineSchema.properties ?? {}).sort(),
      [...HARNESS_ROOT_KEYS].sort(),
    );
  });

  it('resolves every $ref to a flat definition', () => {
    const broken = all
      .filter(([, s]) => s.$ref !== undefined && !resolve(s.$ref))
      .map(([p, s]) => `${p} -> ${s.$ref}`);
    assert.deepEqual(broken, []);
  });

  it('references every definition from somewhere (no dead definitions)', () => {
    const used = new Set(
      all.filter(([, s]) => s.$ref).map(([, s]) => (s.$ref ?? '').replace('#/definitions/', '')),
    );
    const dead = Object.keys(defs).filter((k) => !used.has(k));
    assert.deepEqual(dead, []);
  });

  it('describes every property (directly or on the definition it references)', () => {
    const missing: string[] = [];
    for (const [p, s] of all) {
      for (const [k, v] of Object.entries(s.properties ?? {})) {
        const d = v.description ?? (v.$ref ? resolve(v.$ref)?.description : undefined);
        if (!d || d.trim().length < 3) missing.push(`${p}/properties/${k}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('uses only non-empty enums and well-formed required lists', () => {
    for (const [p, s] of all) {
      if (s.enum) assert.ok(s.enum.length > 0, `${p} has an empty enum`);
      // A key may come from an allOf part (the keys every step has, stored once).
      const declared = (k: string) =>
        !!s.properties?.[k] || (s.allOf ?? []).some((a) => !!(a.$ref ? resolve(a.$ref) : a)?.properties?.[k]);
      for (const r of s.required ?? [])
        assert.ok(declared(r), `${p} requires "${r}" but does not declare it`);
    }
  });

  it('marks the step union as a discriminated union whose unknown types are warnings', () => {
    assert.equal(stepUnion?.['x-harness-discriminator'], 'type');
    assert.equal(stepUnion?.['x-harness-kind'], 'step');
    assert.equal(stepUnion?.['x-harness-unknown'], 'warning');
  });

  it('marks the stage union as discriminated, with unknown stage types as errors', () => {
    assert.equal(stageUnion?.['x-harness-discriminator'], 'type');
    assert.equal(stageUnion?.['x-harness-kind'], 'stage');
    assert.equal(stageUnion?.['x-harness-unknown'], undefined);
  });

  it('gives every step and stage branch a type const, required keys and a closed key list', () => {
    for (const [names, prefix] of [
      [branchNames(stepUnion), 'Step_'],
      [branchNames(stageUnion), 'Stage_'],
    ] as const) {
      for (const n of names) {
        const d = defs[n];
        assert.ok(d, n);
        assert.equal(d.additionalProperties, false, `${n} should list all its keys`);
        if (n.startsWith(prefix)) {
          // One type (a const named like the definition) or a family of types sharing a spec (an enum).
          const t = d.properties?.type;
          if (t?.const !== undefined) assert.equal(t.const, n.slice(prefix.length), `${n} type const`);
          else assert.ok(t?.enum && t.enum.length > 1, `${n}: a type const or a family enum`);
          for (const k of ['identifier', 'name', 'type'])
            assert.ok(d.required?.includes(k), `${n} requires ${k}`);
          const spec = d.properties?.spec;
          assert.equal((spec?.$ref ? resolve(spec.$ref) : spec)?.type, 'object', `${n} has a spec object`);
        } else {
          assert.ok(d.required?.includes('template'), `${n} is the template branch`);
          assert.equal(d.properties?.type, undefined);
        }
      }
    }
  });

  it('knows at least 50 step types, including every type the issue lists', () => {
    assert.ok(bundledStepTypes.length >= 50, `${bundledStepTypes.length} step types`);
    const wanted = [
      'K8sRollingDeploy',
      'K8sRollingRollback',
      'K8sApply',
      'K8sCanaryDeploy',
      'K8sCanaryDelete',
      'K8sBlueGreenDeploy',
      'K8sBGSwapServices',
      'K8sBlueGreenStageScaleDown',
      'K8sDelete',
      'K8sScale',
      'K8sDryRun',
      'HelmDeploy',
      'HelmRollback',
      'TerraformPlan',
      'TerraformApply',
      'TerraformDestroy',
      'TerraformRollback',
      'EcsRollingDeploy',
      'EcsRollingRollback',
      'EcsCanaryDeploy',
      'ServerlessAwsLambdaDeployV2',
      'AwsLambdaDeploy',
      'Command',
      'Verify',
      'JenkinsBuild',
      'Run',
      'RunTests',
      'Plugin',
      'Action',
      'Background',
      'GitClone',
      'BuildAndPushDockerRegistry',
      'BuildAndPushECR',
      'BuildAndPushGCR',
      'BuildAndPushGAR',
      'BuildAndPushACR',
      'SaveCacheS3',
      'RestoreCacheS3',
      'SaveCacheGCS',
      'RestoreCacheGCS',
      'S3Upload',
      'GCSUpload',
      'ArtifactoryUpload',
      'HarnessApproval',
      'JiraApproval',
      'ServiceNowApproval',
      'CustomApproval',
      'JiraCreate',
      'JiraUpdate',
      'ServiceNowCreate',
      'ServiceNowUpdate',
      'ShellScript',
      'Http',
      'Wait',
      'Email',
      'Barrier',
      'Queue',
      'Container',
      'Policy',
    ];
    assert.deepEqual(
      wanted.filter((t) => !bundledStepTypes.includes(t)),
      [],
    );
    assert.equal(new Set(bundledStepTypes).size, bundledStepTypes.length, 'no duplicate step types');
  });

  it('knows every stage type of the issue', () => {
    const wanted = [
      'Deployment',
      'CI',
      'Approval',
      'Custom',
      'Pipeline',
      'FeatureFlag',
      'SecurityTests',
      'IACM',
      'IDP',
      'Dynamic',
      'DRTest',
    ];
    assert.deepEqual(
      wanted.filter((t) => !bundledStageTypes.includes(t)),
      [],
    );
  });

  it('closes the key lists it is sure about (misspelled keys are caught there)', () => {
    for (const n of [
      'Pipeline',
      'StageWrapper',
      'StepWrapper',
      'StepGroup',
      'Execution',
      'FailureStrategy',
      'StageWhen',
      'StepWhen',
      'Strategy',
      'TemplateLink',
      'Variable',
    ]) {
      assert.equal(defs[n]?.additionalProperties, false, n);
    }
    assert.equal(defs.Step_ShellScript.properties?.spec?.additionalProperties, false);
  });

  it('marks timeouts, identifiers and names for the engine grammar checks', () => {
    const formatOf = (s: JsonSchema | undefined): string | undefined =>
      s?.['x-harness-format'] ?? (s?.$ref ? resolve(s.$ref)?.['x-harness-format'] : undefined);
    assert.equal(formatOf(defs.Pipeline.properties?.timeout), 'timeout');
    assert.equal(formatOf(defs.Pipeline.properties?.identifier), 'identifier');
    assert.equal(formatOf(defs.Pipeline.properties?.name), 'name');
    assert.equal(formatOf(defs.StepCommonKeys.properties?.timeout), 'timeout');
    assert.deepEqual(defs.Step_Run.allOf, [{ $ref: '#/definitions/StepCommonKeys' }]);
    assert.equal(formatOf(defs.Step_Wait.properties?.spec?.properties?.duration), 'timeout');
    assert.equal(formatOf(defs.Stage_CI.properties?.identifier), 'identifier');
  });

  it('describes failure actions as their own discriminated union, with specs for Retry and ManualIntervention', () => {
    const actions = branchNames(defs.FailureAction).map((n) => defs[n].properties?.type?.const);
    for (const t of [
      'Ignore',
      'Retry',
      'MarkAsSuccess',
      'Abort',
      'StageRollback',
      'StepGroupRollback',
      'PipelineRollback',
      'ManualIntervention',
      'ProceedWithDefaultValues',
      'MarkAsFailure',
      'RetryStepGroup',
    ]) {
      assert.ok(actions.includes(t), t);
    }
    assert.deepEqual(defs.FailureAction_Retry.required, ['type', 'spec']);
    assert.ok(defs.FailureAction_ManualIntervention.properties?.spec?.required?.includes('timeout'));
  });

  it('is written in its own structure (no names or keywords of the published schema)', () => {
    const text = JSON.stringify(bundledPipelineSchema);
    assert.ok(!/"desc"\s*:/.test(text), 'no "desc" keyword');
    assert.ok(!/This is the description for/.test(text));
    assert.deepEqual(
      Object.keys(defs).filter((k) => /(StepNode|StepInfo|StageNode|StageConfig)$/.test(k)),
      [],
    );
  });
});
