// The bundled schema through the real engine: a realistic pipeline written for this test
// validates cleanly, every step type accepts a minimal spec built from its own required keys,
// and seeded mistakes give the diagnostics a user needs (code, severity, position).
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { stringify } from 'yaml';
import { createEngine } from '../../../../server/engine';
import { bundledPipelineSchema, bundledStepTypes } from '../../../../server/schema/bundled/index';
import type { JsonSchema } from '../../../../server/schema/bundled/types';

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

const releasePipeline = `pipeline:
  name: Release web shop
  identifier: release_web_shop
  projectIdentifier: shop
  orgIdentifier: default
  description: Builds, approves and ships the shop
  tags:
    team: checkout
    tier: ""
  timeout: 2h 30m
  allowStageExecutions: true
  variables:
    - name: region
      type: String
      description: Where to deploy
      required: true
      value: <+input>.default(eu-west-1).allowedValues(eu-west-1,us-east-1)
    - name: replicas
      type: Number
      value: 3
  properties:
    ci:
      codebase:
        connectorRef: account.github_shop
        repoName: web-shop
        build: <+input>
        depth: 50
        prCloneStrategy: MergeCommit
  notificationRules:
    - name: failures
      identifier: failures
      enabled: true
      pipelineEvents:
        - type: PipelineFailed
      notificationMethod:
        type: Slack
        spec:
          webhookUrl: <+secrets.getValue("slack_hook")>
  flowControl:
    barriers:
      - identifier: ready
        name: Ready
  stages:
    - stage:
        name: Build
        identifier: build
        type: CI
        spec:
          cloneCodebase: true
          caching:
            enabled: true
          platform:
            os: Linux
            arch: Arm64
          runtime:
            type: Cloud
            spec:
              size: large
          execution:
            steps:
              - step:
                  type: Run
                  name: Unit tests
                  identifier: unit_tests
                  spec:
                    shell: Bash
                    command: npm ci && npm test
                    envVariables:
                      CI: "true"
                    reports:
                      type: JUnit
                      spec:
                        paths:
                          - reports/*.xml
              - parallel:
                  - step:
                      type: BuildAndPushDockerRegistry
                      name: Image
                      identifier: image
                      spec:
                        connectorRef: dockerhub
                        repo: shop/web
                        tags:
                          - <+pipeline.sequenceId>
                  - step:
                      type: SaveCacheS3
                      name: Save npm cache
                      identifier: save_cache
                      spec:
                        connectorRef: aws
                        bucket: caches
                        key: npm-{{ checksum "package-lock.json" }}
                        sourcePaths:
                          - node_modules
    - stage:
        name: Approve
        identifier: approve
        type: Approval
        spec:
          execution:
            steps:
              - step:
                  type: HarnessApproval
                  name: Sign off
                  identifier: sign_off
                  timeout: 1d
                  spec:
                    approvalMessage: Ship it?
                    includePipelineExecutionHistory: true
                    approvers:
                      userGroups:
                        - account.release_managers
                      minimumCount: 1
                      disallowPipelineExecutor: false
    - parallel:
        - stage:
            name: Deploy
            identifier: deploy
            type: Deployment
            spec:
              deploymentType: Kubernetes
              service:
                serviceRef: web_shop
                serviceInputs: <+input>
              environment:
                environmentRef: org.production
                deployToAll: false
                infrastructureDefinitions:
                  - identifier: eks_main
              execution:
                steps:
                  - stepGroup:
                      name: Canary
                      identifier: canary
                      when:
                        stageStatus: Success
                      steps:
                        - step:
                            type: K8sCanaryDeploy
                            name: Canary deploy
                            identifier: canary_deploy
                            timeout: 10m
                            spec:
                              instanceSelection:
                                type: Count
                                spec:
                                  count: 1
                              skipDryRun: false
                        - step:
                            type: Verify
                            name: Verify canary
                            identifier: verify
                            timeout: 2h
                            spec:
                              type: Canary
                              monitoredService:
                                type: Default
                                spec: {}
                              spec:
                                sensitivity: MEDIUM
                                duration: 10m
                                deploymentTag: <+artifacts.primary.tag>
                        - step:
                            type: K8sCanaryDelete
                            name: Remove canary
                            identifier: remove_canary
                            spec: {}
                  - step:
                      type: K8sRollingDeploy
                      name: Rollout
                      identifier: rollout
                      timeout: 10m
                      spec:
                        skipDryRun: false
                        pruningEnabled: false
                  - step:
                      type: Barrier
                      name: Wait for peers
                      identifier: wait_peers
                      spec:
                        barrierRef: ready
                rollbackSteps:
                  - step:
                      type: K8sRollingRollback
                      name: Roll back
                      identifier: roll_back
                      timeout: 10m
                      spec:
                        pruningEnabled: false
            failureStrategies:
              - onFailure:
                  errors:
                    - Timeout
                    - Connectivity
                  action:
                    type: Retry
                    spec:
                      retryCount: 2
                      retryIntervals:
                        - 10s
                        - 1m
                      onRetryFailure:
                        action:
                          type: StageRollback
              - onFailure:
                  errors:
                    - AllErrors
                  action:
                    type: ManualIntervention
                    spec:
                      timeout: 1h
                      onTimeout:
                        action:
                          type: StageRollback
            when:
              pipelineStatus: Success
              condition: <+pipeline.variables.region> != ""
        - stage:
            name: Smoke tests
            identifier: smoke
            type: Custom
            strategy:
              matrix:
                browser:
                  - chrome
                  - firefox
                maxConcurrency: 2
            spec:
              execution:
                steps:
                  - step:
                      type: ShellScript
                      name: Probe
                      identifier: probe
                      timeout: 5m
                      strategy:
                        repeat:
                          items:
                            - /health
                            - /ready
                      spec:
                        shell: Bash
                        onDelegate: true
                        source:
                          type: Inline
                          spec:
                            script: curl -fsS "https://shop.example<+repeat.item>"
                        outputVariables:
                          - name: status
                            type: String
                            value: STATUS
                  - step:
                      type: Http
                      name: Ping
                      identifier: ping
                      timeout: 30s
                      spec:
                        url: https://shop.example/health
                        method: GET
                        assertion: <+httpResponseCode> == 200
                  - step:
                      name: Notify
                      identifier: notify
                      template:
                        templateRef: account.notify_team
                        versionLabel: v2
                        templateInputs:
                          type: ShellScript
                          spec:
                            environmentVariables: <+input>
                  - step:
                      type: Barrier
                      name: Ready
                      identifier: ready_barrier
                      spec:
                        barrierRef: ready
    - stage:
        name: Downstream
        identifier: downstream
        type: Pipeline
        spec:
          org: default
          project: shop
          pipeline: publish_docs
          inputs:
            identifier: publish_docs
            variables:
              - name: tag
                type: String
                value: <+pipeline.sequenceId>
          outputs:
            - name: url
              value: <+pipeline.variables.url>
    - stage:
        name: Shared cleanup
        identifier: shared_cleanup
        template:
          templateRef: org.cleanup_stage
          versionLabel: "1.0"
`;

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

  it('accepts a minimal spec for every step type it knows', () => {
    // One document with every step type (one validation, not one per type).
    const steps = bundledStepTypes.map((type, i) => ({
      step: {
        type,
        name: `step ${i}`,
        identifier: `step_${i}`,
        timeout: '10m',
        spec: sample(bundledPipelineSchema.definitions?.[`Step_${type}`]?.properties?.spec),
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
