// Fuzz: thousands of mutated pipeline documents (seeded, reproducible) through parse, validate
// and the features' completion, hover and outline (imported statically: a feature module that
// fails to load fails the run). Asserts no exception; a hang fails at the test's timeout, and the
// time per document is measured by `npm run bench` (robustness), not held to a wall-clock limit
// here. HARNESS_FUZZ_COUNT / HARNESS_FUZZ_SEED override the defaults.
import * as assert from 'node:assert/strict';
import { createEngine } from '../../../server/engine';
import { complete } from '../../../server/features/completion';
import { hover } from '../../../server/features/hover';
import { documentSymbols } from '../../../server/features/symbols';
import { parseWithYaml, parseYaml } from '../../../server/yaml/parse';
import { locate } from '../../../server/yaml/locate';
import { fastParse } from '../../../server/yaml/fastParse';
import { documentDifferences } from './core/equivalence';
import { mulberry32 } from '../../helpers/prng';

const COUNT = Number(process.env.HARNESS_FUZZ_COUNT ?? 2000);
const SEED = Number(process.env.HARNESS_FUZZ_SEED ?? 20261129);

const prng = mulberry32;

const BASES = [
  [
    'pipeline:',
    '  name: Build and deploy',
    '  identifier: build_deploy',
    '  projectIdentifier: demo',
    '  orgIdentifier: default',
    '  variables:',
    '    - name: image',
    '      type: String',
    '      value: <+input>.default(app).allowedValues(app,web)',
    '  stages:',
    '    - stage:',
    '        name: Build',
    '        identifier: build',
    '        type: CI',
    '        spec:',
    '          cloneCodebase: true',
    '          platform: {os: Linux, arch: Amd64}',
    '          runtime: {type: Cloud, spec: {}}',
    '          execution:',
    '            steps:',
    '              - step:',
    '                  type: Run',
    '                  name: Test',
    '                  identifier: test',
    '                  spec:',
    '                    shell: Sh',
    '                    command: |',
    '                      echo <+pipeline.variables.image>',
    '                      make test',
    '    - parallel:',
    '        - stage:',
    '            name: Approve',
    '            identifier: approve',
    '            type: Approval',
    '            spec:',
    '              execution:',
    '                steps:',
    '                  - step:',
    '                      name: Ok',
    '                      identifier: ok',
    '                      type: HarnessApproval',
    '                      timeout: 1d',
    '                      spec:',
    '                        approvalMessage: Please approve',
    '                        includePipelineExecutionHistory: true',
    '                        approvers: {userGroups: [account._account_all_users], minimumCount: 1, disallowPipelineExecutor: false}',
    '            failureStrategies:',
    '              - onFailure: {errors: [AllErrors], action: {type: Abort}}',
  ].join('\n'),
  [
    'pipeline:',
    '  name: Deploy',
    '  identifier: deploy',
    '  stages:',
    '    - stage:',
    '        name: Prod',
    '        identifier: prod',
    '        type: Deployment',
    '        spec:',
    '          deploymentType: Kubernetes',
    '          service: {serviceRef: <+input>}',
    '          environment:',
    '            environmentRef: prod',
    '            infrastructureDefinitions: [{identifier: k8s}]',
    '          execution:',
    '            steps:',
    '              - stepGroup:',
    '                  name: Group',
    '                  identifier: group',
    '                  steps:',
    '                    - step: &rollout',
    '                        name: Rollout',
    '                        identifier: rollout',
    '                        type: K8sRollingDeploy',
    '                        timeout: 10m',
    '                        spec: {skipDryRun: false}',
    '                  strategy:',
    '                    matrix: {region: [us, eu]}',
    '            rollbackSteps:',
    '              - step: *rollout',
    '        failureStrategies:',
    '          - onFailure:',
    '              errors: [AllErrors]',
    '              action: {type: StageRollback}',
    '        when: {pipelineStatus: Success, condition: <+pipeline.variables.go> == "yes"}',
    '    - stage:',
    '        name: From template',
    '        identifier: from_template',
    '        template: {templateRef: account.stage_tpl, versionLabel: v1}',
  ].join('\n'),
];

const JUNK = [
  '\t',
  '\u0000',
  '\uFFFD',
  '\u{1F600}',
  '<+',
  '>',
  ':',
  '- ',
  '&a ',
  '*a',
  '|',
  '"',
  "'",
  '{',
  '[',
  '#',
  '\r',
  '\\',
  '\u202E',
  '%',
];

function mutate(text: string, rnd: () => number): string {
  let s = text;
  const n = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < n; k++) {
    const pos = Math.floor(rnd() * (s.length + 1));
    const lines = s.split('\n');
    const li = Math.floor(rnd() * lines.length);
    switch (Math.floor(rnd() * 9)) {
      case 0: // delete characters
        s = s.slice(0, pos) + s.slice(pos + 1 + Math.floor(rnd() * 8));
        break;
      case 1: // insert junk
        s = s.slice(0, pos) + JUNK[Math.floor(rnd() * JUNK.length)] + s.slice(pos);
        break;
      case 2: // swap adjacent characters
        if (pos + 1 < s.length) s = s.slice(0, pos) + s[pos + 1] + s[pos] + s.slice(pos + 2);
        break;
      case 3: // delete a line
        lines.splice(li, 1);
        s = lines.join('\n');
        break;
      case 4: // duplicate a line
        lines.splice(li, 0, lines[li] ?? '');
        s = lines.join('\n');
        break;
      case 5: // swap two lines
        {
          const lj = Math.floor(rnd() * lines.length);
          [lines[li], lines[lj]] = [lines[lj], lines[li]];
          s = lines.join('\n');
        }
        break;
      case 6: // change indentation
        lines[li] = rnd() < 0.5 ? `  ${lines[li]}` : (lines[li] ?? '').replace(/^ {1,3}/, '');
        s = lines.join('\n');
        break;
      case 7: // random unicode / binary run
        {
          let junk = '';
          for (let i = 0; i < 1 + rnd() * 6; i++) junk += String.fromCharCode(Math.floor(rnd() * 0xffff));
          s = s.slice(0, pos) + junk + s.slice(pos);
        }
        break;
      default: // truncate
        s = s.slice(0, pos);
    }
  }
  return s;
}

describe('fuzz: mutated documents never crash or hang the engine', function () {
  this.timeout(600_000);

  it(`${COUNT} documents (seed ${SEED}) through parse, validate, locate and the features`, async () => {
    const rnd = prng(SEED);
    const engine = createEngine({ cacheSize: 4 });
    let slowest = 0;
    let diagnostics = 0;
    let fastPath = 0;
    for (let i = 0; i < COUNT; i++) {
      const text = mutate(BASES[i % BASES.length], rnd);
      const offsets = [0, Math.floor(rnd() * (text.length + 1)), text.length];
      const started = performance.now();
      try {
        const parsed = parseYaml(text);
        // Whenever the fast parser accepts a document it must build exactly what `yaml` builds
        // (every node field, comments, errors and warnings included).
        const fast = fastParse(text);
        if (fast) {
          fastPath++;
          const full = parseWithYaml(text);
          assert.equal(full.length, 1, `fast path accepted a stream of ${full.length} documents`);
          assert.deepEqual(documentDifferences(fast, full[0]), [], JSON.stringify(text));
        }
        const diags = engine.validate(`file:///fuzz/${i}.yaml`, i, text);
        diagnostics += diags.length;
        for (const d of diags)
          assert.ok(d.range.start.line >= 0 && d.range.end.line >= d.range.start.line, 'sane range');
        for (const offset of offsets) {
          locate(parsed, offset);
          await complete({ parsed, schema: engine.schema(), offset });
          await hover({ parsed, schema: engine.schema(), offset });
        }
        documentSymbols(parsed);
      } catch (e) {
        assert.fail(
          `document #${i} (seed ${SEED}) threw ${(e as Error).stack}\n---\n${JSON.stringify(text)}`,
        );
      }
      const ms = performance.now() - started;
      slowest = Math.max(slowest, ms);
    }
    assert.ok(diagnostics > 0, 'mutations produce diagnostics');
    assert.ok(fastPath > 0, 'some mutations stay on the fast path');
    console.log(
      `      fuzz: ${COUNT} docs, ${diagnostics} diagnostics, ${fastPath} on the fast path, slowest ${slowest.toFixed(0)} ms`,
    );
  });
});
