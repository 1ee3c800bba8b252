// Trigger files (`trigger:` root) through the real engine with the bundled schema, and the
// trigger inputYaml check on its own. The triggers below are written for this test, shaped like
// the examples in Harness's documentation (triggers reference, cron triggers, trigger input
// overrides); each seeded mistake is checked for its code, message and exact range.
import * as assert from 'node:assert/strict';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { createEngine } from '../../../../server/engine';
import { createLanguageService } from '../../../../server/service';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bundledPipelineSchema } from '../../../../server/schema/bundled/index';
import { toDiagnostic } from '../../../../server/validation/problems';
import { triggerInputYamlProblems } from '../../../../server/validation/triggerInputYaml';
import { parseYaml } from '../../../../server/yaml/parse';

const engine = createEngine();
let version = 0;
const validate = (text: string): Diagnostic[] =>
  engine.validate(`file:///trigger-${++version}.yaml`, 1, text);
const inputYaml = (text: string): Diagnostic[] => {
  const parsed = parseYaml(text);
  assert.ok(parsed.doc);
  return triggerInputYamlProblems(parsed, parsed.doc).map((p) => toDiagnostic(p, parsed.lines));
};
const show = (ds: Diagnostic[]): string =>
  ds.map((d) => `${d.range.start.line + 1}: ${String(d.code)} ${d.message}`).join('\n');

/** The range of the `nth` occurrence (0-based) of `needle` in `text`, as LSP positions. */
function rangeOf(text: string, needle: string, nth = 0): Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" #${nth} not in the text`);
  }
  const pos = (o: number) => {
    const before = text.slice(0, o).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  return { start: pos(at), end: pos(at + needle.length) };
}

const githubPr = `trigger:
  name: PR checks
  identifier: pr_checks
  enabled: true
  description: Builds every pull request against main
  tags:
    team: platform
  orgIdentifier: default
  projectIdentifier: web
  pipelineIdentifier: build_web
  stagesToExecute: []
  encryptedWebhookSecretIdentifier: github_webhook_secret
  source:
    type: Webhook
    spec:
      type: Github
      spec:
        type: PullRequest
        spec:
          connectorRef: account.github
          repoName: web-app
          autoAbortPreviousExecutions: true
          payloadConditions:
            - key: targetBranch
              operator: Equals
              value: main
            - key: changedFiles
              operator: Regex
              value: ^src/.*
          headerConditions:
            - key: <+trigger.header['X-GitHub-Event']>
              operator: In
              value: pull_request, pull_request_target
          jexlCondition: <+trigger.payload.pull_request.draft> == false
          actions:
            - Open
            - Reopen
            - Synchronize
  inputYaml: |
    pipeline:
      identifier: build_web
      properties:
        ci:
          codebase:
            build:
              type: PR
              spec:
                number: <+trigger.prNumber>
      variables:
        - name: image_tag
          type: String
          value: pr-<+trigger.prNumber>
`;

const gitlabMr = `trigger:
  name: MR trigger
  identifier: mr_trigger
  enabled: true
  description: ""
  tags: {}
  orgIdentifier: default
  projectIdentifier: web
  pipelineIdentifier: build_web
  source:
    type: Webhook
    spec:
      type: Gitlab
      spec:
        type: MergeRequest
        spec:
          connectorRef: gitlab
          autoAbortPreviousExecutions: false
          payloadConditions:
            - key: <+trigger.payload.user.username>
              operator: NotIn
              value: renovate-bot, dependabot
          headerConditions:
            - key: <+trigger.header['X-Gitlab-Event']>
              operator: Equals
              value: Merge Request Hook
          jexlCondition: ""
          actions: []
  inputYaml: |
    pipeline:
      identifier: build_web
      properties:
        ci:
          codebase:
            build:
              type: branch
              spec:
                branch: <+trigger.branch>
`;

const nightlyCron = `trigger:
  name: Nightly
  identifier: nightly
  enabled: true
  tags: {}
  orgIdentifier: default
  projectIdentifier: web
  pipelineIdentifier: build_web
  pipelineBranchName: main
  source:
    type: Scheduled
    spec:
      type: Cron
      spec:
        type: QUARTZ
        expression: 0 0 2 ? * MON-FRI
        timezone: Europe/Berlin
  inputSetRefs:
    - nightly_inputs
`;

const dockerArtifact = `trigger:
  name: New image
  identifier: new_image
  enabled: true
  tags: {}
  orgIdentifier: default
  projectIdentifier: web
  pipelineIdentifier: deploy_web
  stagesToExecute:
    - deploy_dev
  source:
    type: Artifact
    pollInterval: "0"
    spec:
      type: DockerRegistry
      spec:
        connectorRef: dockerhub
        imagePath: acme/web
        tag: <+trigger.artifact.build>
        eventConditions:
          - key: build
            operator: StartsWith
            value: release-
        metaDataConditions: []
        jexlCondition: ""
  inputYaml: |
    pipeline:
      identifier: deploy_web
      stages:
        - stage:
            identifier: deploy_dev
            type: Deployment
            spec:
              service:
                serviceInputs:
                  serviceDefinition:
                    type: Kubernetes
                    spec:
                      artifacts:
                        primary:
                          primaryArtifactRef: web_image
                          sources:
                            - identifier: web_image
                              type: DockerRegistry
                              spec:
                                tag: <+trigger.artifact.build>
`;

const ecrArtifact = `trigger:
  name: ECR image
  identifier: ecr_image
  orgIdentifier: default
  projectIdentifier: web
  pipelineIdentifier: deploy_web
  source:
    type: Artifact
    spec:
      type: Ecr
      stageIdentifier: deploy_dev
      artifactRef: web_image
      spec:
        connectorRef: aws_prod
        region: eu-west-1
        imagePath: web
        tag: <+trigger.artifact.build>
`;

const helmManifest = `trigger:
  name: New chart
  identifier: new_chart
  enabled: false
  orgIdentifier: default
  projectIdentifier: web
  pipelineIdentifier: deploy_web
  source:
    type: Manifest
    spec:
      type: HelmChart
      stageIdentifier: deploy_dev
      manifestRef: web_chart
      spec:
        chartName: web
        chartVersion: <+trigger.manifest.version>
        helmVersion: V3
        store:
          type: S3
          spec:
            connectorRef: aws_prod
            bucketName: charts
            folderPath: web
            region: eu-west-1
        eventConditions: []
`;

const customWebhook = `trigger:
  name: triggerWithInputSet
  identifier: triggerWithInputSet
  enabled: true
  description: ""
  tags: {}
  stagesToExecute: []
  orgIdentifier: default
  projectIdentifier: test
  pipelineIdentifier: testTriggerOverrideInputs
  source:
    type: Webhook
    spec:
      type: Custom
      spec:
        payloadConditions: []
        headerConditions: []
  inputSetRefs:
    - myInputSet
  inputYaml: |
    pipeline:
      identifier: testTriggerOverrideInputs
      variables:
        - name: serviceName
          type: String
          value: <+trigger.payload.service>
`;

const others = [
  // Harness Code, Bitbucket, Azure Repos and a pipeline-outcome trigger.
  `trigger:
  name: Code push
  identifier: code_push
  orgIdentifier: default
  projectIdentifier: web
  pipelineIdentifier: build_web
  source:
    type: Webhook
    spec:
      type: Harness
      spec:
        type: Push
        spec:
          repoName: web
          autoAbortPreviousExecutions: true
          payloadConditions:
            - key: targetBranch
              operator: Equals
              value: main
          headerConditions: []
          actions: []
`,
  `trigger:
  name: Bitbucket PR
  identifier: bb_pr
  orgIdentifier: default
  projectIdentifier: web
  pipelineIdentifier: build_web
  source:
    type: Webhook
    spec:
      type: Bitbucket
      spec:
        type: PullRequest
        spec:
          connectorRef: bitbucket
          repoName: web
          actions:
            - Create
            - Update
`,
  `trigger:
  name: Azure comment
  identifier: azure_comment
  orgIdentifier: default
  projectIdentifier: web
  pipelineIdentifier: build_web
  source:
    type: Webhook
    spec:
      type: AzureRepo
      spec:
        type: IssueComment
        spec:
          connectorRef: azure
          repoName: web
          actions:
            - Create
          payloadConditions:
            - key: <+trigger.payload.resource.comment.content>
              operator: Contains
              value: /rebuild
`,
  `trigger:
  name: After build
  identifier: after_build
  orgIdentifier: default
  projectIdentifier: web
  pipelineIdentifier: deploy_web
  source:
    type: SystemEvent
    spec:
      type: Pipeline
      spec:
        eventType: PipelineSuccess
        payloadConditions:
          - key: sourcePipeline
            operator: Equals
            value: build_web
`,
  `trigger:
  name: Tag pushed
  identifier: tag_pushed
  orgIdentifier: default
  projectIdentifier: web
  pipelineIdentifier: build_web
  source:
    type: Webhook
    spec:
      type: Gitlab
      spec:
        type: Tag
        spec:
          connectorRef: gitlab
          repoName: web
`,
];

describe('bundled schema: trigger files', function () {
  // Parsing and validating on a busy 2-core machine: not a speed test.
  this.timeout(30_000);

  const clean: [string, string][] = [
    ['a GitHub pull request trigger', githubPr],
    ['a GitLab merge request trigger', gitlabMr],
    ['a cron trigger with an input set', nightlyCron],
    ['a Docker registry artifact trigger', dockerArtifact],
    ['an ECR artifact trigger with stage and artifact references', ecrArtifact],
    ['a Helm chart manifest trigger', helmManifest],
    ['a custom webhook trigger', customWebhook],
    ...others.map((t, i): [string, string] => [`other trigger #${i + 1}`, t]),
  ];
  for (const [what, text] of clean)
    it(`accepts ${what} without any diagnostic`, () => {
      const ds = validate(text);
      assert.deepEqual(ds, [], show(ds));
      assert.deepEqual(inputYaml(text), []);
    });

  it('accepts inputSetBranchName next to inputSetRefs (input sets read from a Git branch)', () => {
    const text = githubPr.replace(
      '\n  pipelineIdentifier: ',
      '\n  inputSetBranchName: <+trigger.sourceBranch>\n  pipelineIdentifier: ',
    );
    assert.ok(text.includes('inputSetBranchName'));
    const ds = validate(text);
    assert.deepEqual(ds, [], show(ds));
    const typo = validate(text.replace('inputSetBranchName', 'inputSetBranchNme'));
    assert.ok(
      typo.some((d) => /did you mean "inputSetBranchName"/.test(d.message)),
      show(typo),
    );
  });

  it('reports a misspelled key in a webhook spec as an error with the key it means', () => {
    const text = githubPr.replace('autoAbortPreviousExecutions', 'autoAbortPreviousExecution');
    const ds = validate(text);
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'unknown-property');
    assert.equal(ds[0].severity, 1);
    assert.equal(
      ds[0].message,
      'Unknown property "autoAbortPreviousExecution" — did you mean "autoAbortPreviousExecutions"?',
    );
    assert.deepEqual(ds[0].range, rangeOf(text, 'autoAbortPreviousExecution'));
  });

  it('reports a misspelled trigger key at the root', () => {
    const text = githubPr.replace('pipelineIdentifier', 'pipelineIdentifer');
    const ds = validate(text);
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'unknown-property');
    assert.equal(ds[0].message, 'Unknown property "pipelineIdentifer" — did you mean "pipelineIdentifier"?');
    assert.deepEqual(ds[0].range, rangeOf(text, 'pipelineIdentifer'));
  });

  it('reports a near-miss event type as an error naming the event', () => {
    const text = githubPr.replace('type: PullRequest', 'type: PullReqest');
    const ds = validate(text);
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'invalid-enum');
    assert.equal(ds[0].severity, 1);
    assert.match(
      ds[0].message,
      /^"PullReqest" is not a webhookEvent type; did you mean "PullRequest"\? expected one of PullRequest, /,
    );
    assert.deepEqual(ds[0].range, rangeOf(text, 'PullReqest'));
  });

  it('knows each provider its own events (MergeRequest is GitLab, PullRequest is not)', () => {
    const text = gitlabMr.replace('type: MergeRequest', 'type: PullRequest');
    const ds = validate(text);
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'unknown-webhookEvent-type');
    assert.equal(ds[0].severity, 2);
    assert.deepEqual(ds[0].range, rangeOf(text, 'PullRequest'));
  });

  it('reports an action the event does not have, with the closest one', () => {
    const text = githubPr.replace('- Synchronize', '- Synchronise');
    const ds = validate(text);
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'invalid-enum');
    assert.match(ds[0].message, /^"Synchronise" is not an allowed value; did you mean "Synchronize"\?/);
    assert.deepEqual(ds[0].range, rangeOf(text, 'Synchronise'));
  });

  it('reports a condition operator typo', () => {
    const text = githubPr.replace('operator: Equals', 'operator: Equal');
    const ds = validate(text);
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'invalid-enum');
    assert.match(ds[0].message, /^"Equal" is not an allowed value for "operator"; did you mean "Equals"\?/);
    assert.deepEqual(ds[0].range, rangeOf(text, 'Equal'));
  });

  it('reports a bad cron type value with the allowed ones', () => {
    const text = nightlyCron.replace('type: QUARTZ', 'type: QUARTS');
    const ds = validate(text);
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'invalid-enum');
    assert.equal(
      ds[0].message,
      '"QUARTS" is not an allowed value for "type"; did you mean "QUARTZ"? expected one of UNIX, QUARTZ',
    );
    assert.deepEqual(ds[0].range, rangeOf(text, 'QUARTS'));
  });

  it('requires the cron expression', () => {
    const text = nightlyCron.replace('        expression: 0 0 2 ? * MON-FRI\n', '');
    const ds = validate(text);
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'missing-required');
    assert.match(ds[0].message, /^Missing required property "expression"/);
  });

  it('reports a misspelled artifact type and a key its registry does not have', () => {
    const typo = validate(
      dockerArtifact.replace('type: DockerRegistry\n      spec:', 'type: DockerRegistery\n      spec:'),
    );
    assert.equal(typo.length, 1, show(typo));
    assert.equal(typo[0].code, 'invalid-enum');
    assert.match(typo[0].message, /did you mean "DockerRegistry"\?/);
    const text = ecrArtifact.replace('region: eu-west-1', 'regoin: eu-west-1');
    const ds = validate(text);
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].message, 'Unknown property "regoin" — did you mean "region"?');
    assert.deepEqual(ds[0].range, rangeOf(text, 'regoin'));
  });

  it('lets a webhook provider it does not know through as a warning', () => {
    const text = githubPr.replace('type: Github', 'type: SomeNewProvider');
    const ds = validate(text);
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'unknown-webhook-type');
    assert.equal(ds[0].severity, 2);
  });

  it('checks the Helm chart store by its type', () => {
    const text = helmManifest.replace('bucketName: charts', 'bucket: charts');
    const ds = validate(text);
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'unknown-property');
    assert.equal(ds[0].severity, 2);
    assert.deepEqual(ds[0].range, rangeOf(text, 'bucket'));
  });
});

describe('trigger inputYaml check', () => {
  it('reports a pipeline identifier other than the trigger pipelineIdentifier, on the identifier', () => {
    const text = githubPr.replace('      identifier: build_web', '      identifier: build_api');
    const ds = inputYaml(text);
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'trigger-input-yaml-pipeline');
    assert.equal(ds[0].severity, 1);
    assert.equal(
      ds[0].message,
      'inputYaml is for pipeline "build_api", but the trigger starts pipeline "build_web" (pipelineIdentifier)',
    );
    assert.deepEqual(ds[0].range, rangeOf(text, 'build_api'));
  });

  it('reports a YAML syntax error inside the block at its exact place', () => {
    const text = githubPr.replace('type: PR\n', 'type: "PR\n');
    const ds = inputYaml(text);
    assert.ok(ds.length >= 1, show(ds));
    assert.equal(ds[0].code, 'trigger-input-yaml-syntax');
    assert.equal(ds[0].severity, 1);
    assert.match(ds[0].message, /^inputYaml: /);
    // The engine reports the same problem, at the same place, and nothing else.
    assert.deepEqual(
      validate(text).map((d) => [d.code, d.range]),
      ds.map((d) => [d.code, d.range]),
    );
    // The same characters as the parser's own diagnostic on the inputs alone.
    const block = text.slice(text.indexOf('  inputYaml: |\n') + 15);
    const inner = block.replace(/^ {4}/gm, '');
    const own = parseYaml(inner).syntaxDiagnostics;
    assert.equal(own.length, ds.length);
    const slice = (t: string, r: Range) => {
      const lines = t.split('\n');
      const off = (p: Range['start']) =>
        lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
      return t.slice(off(r.start), off(r.end));
    };
    own.forEach((d, k) => {
      assert.equal(ds[k].message, `inputYaml: ${d.message}`);
      assert.equal(slice(text, ds[k].range), slice(inner, d.range));
      assert.equal(ds[k].range.start.line, d.range.start.line + rangeOf(text, '    pipeline:').start.line);
      assert.equal(ds[k].range.start.character, d.range.start.character + 4);
    });
  });

  it('maps a bad indentation inside the inputs to the offending line', () => {
    const text = customWebhook.replace('        - name: serviceName', '       - name: serviceName');
    const ds = inputYaml(text);
    assert.ok(ds.length >= 1, show(ds));
    assert.equal(ds[0].code, 'trigger-input-yaml-syntax');
    const line = rangeOf(text, '- name: serviceName').start.line;
    assert.ok(
      ds.some((d) => d.range.start.line === line || d.range.start.line === line - 1),
      show(ds),
    );
  });

  it('reports a root other than pipeline: with the key it means', () => {
    const text = gitlabMr.replace('    pipeline:\n      identifier', '    pipelines:\n      identifier');
    const ds = inputYaml(text);
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'trigger-input-yaml-root');
    assert.equal(
      ds[0].message,
      'inputYaml\'s root must be pipeline:, found "pipelines" (did you mean "pipeline"?)',
    );
    assert.deepEqual(ds[0].range, rangeOf(text, 'pipelines'));
  });

  it('maps through escapes of a one-line double-quoted inputYaml', () => {
    const text = nightlyCron.replace(
      '  inputSetRefs:\n    - nightly_inputs\n',
      '  inputYaml: "pipeline:\\n  identifier: \\"bu\\u0069ld\\"\\n"\n',
    );
    const ds = inputYaml(text);
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'trigger-input-yaml-pipeline');
    assert.match(ds[0].message, /pipeline "build", but the trigger starts pipeline "build_web"/);
    assert.deepEqual(ds[0].range, rangeOf(text, '\\"bu\\u0069ld\\"'));
  });

  it('maps through doubled quotes of a single-quoted inputYaml', () => {
    const text = nightlyCron.replace(
      '  inputSetRefs:\n    - nightly_inputs\n',
      "  inputYaml: 'pipeline: {identifier: ''web''}'\n",
    );
    const ds = inputYaml(text);
    assert.equal(ds.length, 1, show(ds));
    assert.deepEqual(ds[0].range, rangeOf(text, "''web''"));
  });

  it('puts problems of a folded inputYaml on the whole value, naming the line', () => {
    const text = nightlyCron.replace(
      '  inputSetRefs:\n    - nightly_inputs\n',
      '  inputYaml: >\n    pipeline:\n\n      identifier: web\n',
    );
    const ds = inputYaml(text);
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'trigger-input-yaml-pipeline');
    assert.match(ds[0].message, /\(line 3 of inputYaml\)$/);
    const start = rangeOf(text, '>\n').start;
    const end = rangeOf(text, 'identifier: web').end;
    assert.deepEqual(ds[0].range, { start, end });
  });

  it('handles CRLF line ends, keep and strip chomping and an indentation indicator', () => {
    const crlf = githubPr
      .replace('      identifier: build_web', '      identifier: other')
      .replace(/\n/g, '\r\n');
    let ds = inputYaml(crlf);
    assert.equal(ds.length, 1, show(ds));
    assert.deepEqual(ds[0].range, rangeOf(crlf, 'other'));
    for (const header of ['|-', '|+', '|2']) {
      const text = nightlyCron.replace(
        '  inputSetRefs:\n    - nightly_inputs\n',
        `  inputYaml: ${header}\n    pipeline:\n      identifier: other\n\n`,
      );
      ds = inputYaml(text);
      assert.equal(ds.length, 1, `${header}\n${show(ds)}`);
      assert.deepEqual(ds[0].range, rangeOf(text, 'other'), header);
    }
  });

  it('skips empty inputs, expressions and files that are not triggers', () => {
    assert.deepEqual(inputYaml(nightlyCron), []);
    assert.deepEqual(
      inputYaml(nightlyCron.replace('  inputSetRefs:', '  inputYaml: ""\n  inputSetRefs:')),
      [],
    );
    assert.deepEqual(
      inputYaml(githubPr.replace('pipelineIdentifier: build_web', 'pipelineIdentifier: <+input>')),
      [],
    );
    assert.deepEqual(inputYaml('pipeline:\n  name: p\n  identifier: p\n  inputYaml: "a: ["\n'), []);
  });
});

describe('bundled schema: trigger definitions', () => {
  const defs = bundledPipelineSchema.definitions ?? {};
  const branchTypes = (union: string): string[] =>
    (defs[union]?.oneOf ?? []).flatMap((b) => {
      const d = defs[(b.$ref ?? '').replace('#/definitions/', '')];
      const t = d?.properties?.type;
      return t?.const !== undefined ? [String(t.const)] : (t?.enum ?? []).map(String);
    });

  it('knows the source types, webhook providers and artifact types of Harness v0 triggers', () => {
    assert.deepEqual(branchTypes('TriggerSource').sort(), [
      'Artifact',
      'Manifest',
      'MultiRegionArtifact',
      'Scheduled',
      'SystemEvent',
      'Webhook',
    ]);
    const providers = (defs.TriggerSource_Webhook.properties?.spec?.oneOf ?? []).map((b) =>
      (b.$ref ?? '').replace('#/definitions/TriggerWebhook_', ''),
    );
    for (const p of ['Github', 'Gitlab', 'Bitbucket', 'AzureRepo', 'Harness', 'Custom'])
      assert.ok(providers.includes(p), p);
    for (const a of [
      'DockerRegistry',
      'Ecr',
      'Gcr',
      'Acr',
      'Nexus3Registry',
      'Nexus2Registry',
      'ArtifactoryRegistry',
      'AmazonS3',
      'Jenkins',
      'GoogleArtifactRegistry',
      'CustomArtifact',
      'GithubPackageRegistry',
      'AzureArtifacts',
      'AmazonMachineImage',
      'GoogleCloudStorage',
      'Bamboo',
    ])
      assert.ok(branchTypes('TriggerArtifact').includes(a), a);
  });

  it('names every trigger definition Trigger… and stays small', () => {
    const own = Object.entries(defs).filter(([k]) => k.startsWith('Trigger'));
    const bytes = own.reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length + 4, 0);
    assert.ok(bytes < 50_000, `${bytes} bytes`);
  });
});

describe('trigger inputYaml as an input set', () => {
  const trigger = (inputs: string[]) =>
    [
      'trigger:',
      '  name: Nightly',
      '  identifier: nightly',
      '  enabled: true',
      '  orgIdentifier: default',
      '  projectIdentifier: web',
      '  pipelineIdentifier: deploy',
      '  source:',
      '    type: Scheduled',
      '    spec:',
      '      type: Cron',
      '      spec:',
      '        type: UNIX',
      '        expression: 0 2 * * *',
      '  inputYaml: |',
      ...inputs.map((l) => `    ${l}`),
    ].join('\n') + '\n';
  const pipeline = [
    'pipeline:',
    '  name: Deploy',
    '  identifier: deploy',
    '  variables:',
    '    - name: region',
    '      type: String',
    '      value: <+input>',
    '    - name: team',
    '      type: String',
    '      value: platform',
  ].join('\n');
  const service = createLanguageService({
    entities: {
      findPipeline: async (p) =>
        p.identifier === 'deploy' ? { text: pipeline, from: '.harness/deploy.yaml' } : {},
      listInputSets: async () => undefined,
    },
  });
  let n = 0;
  const check = (text: string) =>
    service.validate(TextDocument.create(`file:///w/trigger-${++n}.yaml`, 'yaml', 1, text));

  it("reports a misspelled key of the inputs' pipeline at its place in the trigger file", async () => {
    const text = trigger(['pipeline:', '  identifier: deploy', '  variabels: []']);
    const ds = await check(text);
    const typo = ds.find((d) => d.code === 'unknown-property');
    assert.ok(typo && /^inputYaml: .*did you mean "variables"/.test(typo.message), show(ds));
    assert.deepEqual(typo.range, rangeOf(text, 'variabels'));
  });

  it("accepts values for the pipeline's runtime inputs and reports one the pipeline fixes", async () => {
    const ok = trigger([
      'pipeline:',
      '  identifier: deploy',
      '  variables:',
      '    - name: region',
      '      type: String',
      '      value: eu',
    ]);
    assert.deepEqual(await check(ok), []);
    const fixed = trigger([
      'pipeline:',
      '  identifier: deploy',
      '  variables:',
      '    - name: team',
      '      type: String',
      '      value: web',
    ]);
    const ds = await check(fixed);
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'input-not-runtime');
    assert.match(
      ds[0].message,
      /^inputYaml: variable "team" is not a runtime input in pipeline "deploy" \(\.harness\/deploy\.yaml\)/,
    );
    // On the key of the fixed value, where the input set sets it.
    const at = rangeOf(fixed, 'value: web').start;
    assert.deepEqual(ds[0].range, {
      start: at,
      end: { line: at.line, character: at.character + 'value'.length },
    });
  });

  it('asks for the pipeline only when the trigger has inputYaml to check against it', async () => {
    let asked = 0;
    const counting = createLanguageService({
      entities: {
        findPipeline: async () => {
          asked++;
          return { text: pipeline, from: '.harness/deploy.yaml' };
        },
        listInputSets: async () => undefined,
      },
    });
    const without = trigger(['pipeline:', '  identifier: deploy']).replace(/ {2}inputYaml: \|[\s\S]*$/, '');
    assert.ok(!without.includes('inputYaml'));
    await counting.validate(TextDocument.create('file:///w/no-inputs.yaml', 'yaml', 1, without));
    assert.equal(asked, 0);
    await counting.validate(
      TextDocument.create('file:///w/inputs.yaml', 'yaml', 1, trigger(['pipeline:', '  identifier: deploy'])),
    );
    assert.equal(asked, 1);
  });
});
