// Generates realistic Harness v0 entity files (every kind users keep in Git besides pipelines)
// for the benchmark: templates (Step, Stage, Pipeline, StepGroup), input sets, overlay input
// sets, triggers, services, environments, infrastructure definitions, connectors and secrets.
// Our own text, deterministic; each generator repeats the kind's natural lists (steps, stages,
// artifact sources, variables, conditions, references…) until the file reaches about the
// requested number of lines. Also reads the real fixture files of ../shared/fixtures/entities
// (never copied: read at run time) and groups them by the kind their file name says.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const SERVICES = [
  'payments',
  'ledger',
  'checkout',
  'search',
  'notifications',
  'identity',
  'catalog',
  'billing',
];
const svc = (i) => SERVICES[i % SERVICES.length];
const pad = (s, n) => s.replace(/^(?=.)/gm, ' '.repeat(n));

/** Appends `block(i)` for i = 0, 1, … until head + blocks + tail reach `target` lines (at least `min` blocks). */
function grow(head, block, tail, target, min = 1) {
  const count = (s) => s.split('\n').length - 1;
  let lines = count(head) + count(tail);
  const parts = [];
  for (let i = 0; lines < target || i < min; i++) {
    const b = block(i);
    parts.push(b);
    lines += count(b);
  }
  return head + parts.join('') + tail;
}

function shellStep(i, indent) {
  return pad(
    `- step:
    type: ShellScript
    name: Check ${svc(i)} ${i}
    identifier: check_${svc(i)}_${i}
    timeout: 5m
    spec:
      shell: Bash
      onDelegate: true
      source:
        type: Inline
        spec:
          script: |-
            set -euo pipefail
            curl -fsS "https://${svc(i)}.<+env.identifier>.example.internal/health"
            echo "release <+pipeline.sequenceId> of <+service.name>"
      environmentVariables:
        - name: TARGET
          type: String
          value: <+infra.namespace>
      outputVariables:
        - name: status
          type: String
          value: STATUS
    when:
      stageStatus: Success
`,
    indent,
  );
}

function k8sSteps(i, indent) {
  return (
    pad(
      `- step:
    type: K8sRollingDeploy
    name: Rollout ${i}
    identifier: rollout_${i}
    timeout: 10m
    spec:
      skipDryRun: false
      pruningEnabled: false
- step:
    type: HarnessApproval
    name: Approve ${i}
    identifier: approve_${i}
    timeout: 1d
    spec:
      approvalMessage: Please review release <+pipeline.sequenceId>
      includePipelineExecutionHistory: true
      approvers:
        userGroups:
          - account.release_managers
        minimumCount: 1
        disallowPipelineExecutor: false
      isAutoRejectEnabled: false
      approverInputs: []
`,
      indent,
    ) + shellStep(i, indent)
  );
}

const FAILURE = `failureStrategies:
  - onFailure:
      errors:
        - AllErrors
      action:
        type: StageRollback
`;

function stepTemplate(target) {
  const head = `template:
  name: Smoke Check
  identifier: smoke_check
  versionLabel: "1.2"
  type: Step
  projectIdentifier: payments
  orgIdentifier: default
  description: Health checks a deployed service and records the version it reports
  tags:
    owner: platform
    kind: verification
  spec:
    type: ShellScript
    timeout: <+input>.default(10m)
    spec:
      shell: Bash
      onDelegate: true
      source:
        type: Inline
        spec:
          script: |-
            set -euo pipefail
            VERSION=$(curl -fsS "$SERVICE_URL/version")
            echo "deployed $VERSION to <+env.name>"
      delegateSelectors: <+input>
      outputVariables:
        - name: VERSION
          type: String
          value: VERSION
      environmentVariables:
`;
  const tail = `    failureStrategies:
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
                - 30s
              onRetryFailure:
                action:
                  type: MarkAsFailure
`;
  return grow(
    head,
    (i) => `        - name: ${svc(i).toUpperCase()}_URL_${i}
          type: String
          value: https://${svc(i)}.<+env.identifier>.example.internal
`,
    tail,
    target,
  );
}

function stageTemplate(target) {
  const head = `template:
  name: Kubernetes Rollout
  identifier: k8s_rollout
  versionLabel: v3
  type: Stage
  projectIdentifier: payments
  orgIdentifier: default
  tags:
    team: platform
  spec:
    type: Deployment
    spec:
      deploymentType: Kubernetes
      service:
        serviceRef: <+input>
        serviceInputs: <+input>
      environment:
        environmentRef: <+input>
        deployToAll: false
        environmentInputs: <+input>
        infrastructureDefinitions: <+input>
      execution:
        steps:
`;
  const tail = `        rollbackSteps:
          - step:
              type: K8sRollingRollback
              name: Rollback
              identifier: rollback
              timeout: 10m
              spec:
                pruningEnabled: false
${pad(FAILURE, 4)}    variables:
      - name: replicas
        type: String
        value: <+input>.default(3)
    when:
      pipelineStatus: Success
`;
  return grow(head, (i) => k8sSteps(i, 10), tail, target);
}

function stepGroupTemplate(target) {
  const head = `template:
  name: Verify Release
  identifier: verify_release
  versionLabel: "2.0"
  type: StepGroup
  projectIdentifier: payments
  orgIdentifier: default
  description: Smoke tests, approval and notification after a rollout
  tags: {}
  spec:
    stageType: Deployment
    steps:
`;
  return grow(head, (i) => k8sSteps(i, 6), '', target);
}

function ciStage(i, indent) {
  return pad(
    `- stage:
    name: Build ${svc(i)}
    identifier: build_${svc(i)}_${i}
    type: CI
    spec:
      cloneCodebase: true
      platform:
        os: Linux
        arch: Amd64
      runtime:
        type: Cloud
        spec: {}
      execution:
        steps:
          - step:
              type: Run
              name: Test
              identifier: test
              spec:
                shell: Bash
                command: make test SERVICE=${svc(i)}
          - step:
              type: BuildAndPushDockerRegistry
              name: Push
              identifier: push
              spec:
                connectorRef: account.dockerhub
                repo: acme/${svc(i)}
                tags:
                  - <+pipeline.sequenceId>
`,
    indent,
  );
}

function deployStage(i, indent) {
  return pad(
    `- stage:
    name: Deploy ${svc(i)}
    identifier: deploy_${svc(i)}_${i}
    template:
      templateRef: k8s_rollout
      versionLabel: v3
      templateInputs:
        type: Deployment
        spec:
          service:
            serviceRef: ${svc(i)}_api
          environment:
            environmentRef: <+input>
            infrastructureDefinitions: <+input>
        variables:
          - name: replicas
            type: String
            value: "3"
`,
    indent,
  );
}

function pipelineTemplate(target) {
  const head = `template:
  name: Build and Deploy
  identifier: build_and_deploy
  versionLabel: "1"
  type: Pipeline
  projectIdentifier: payments
  orgIdentifier: default
  tags:
    golden: "true"
  spec:
    properties:
      ci:
        codebase:
          connectorRef: account.github
          repoName: <+input>
          build: <+input>
    variables:
      - name: region
        type: String
        value: <+input>.allowedValues(eu-west-1,us-east-1)
    notificationRules:
      - name: failures
        identifier: failures
        pipelineEvents:
          - type: PipelineFailed
        notificationMethod:
          type: Slack
          spec:
            userGroups: []
            webhookUrl: <+variable.account.slack_webhook>
        enabled: true
    stages:
`;
  return grow(head, (i) => (i % 2 ? deployStage(i, 6) : ciStage(i, 6)), '', target, 2);
}

function inputSet(target) {
  const head = `inputSet:
  name: Release EU
  identifier: release_eu
  orgIdentifier: default
  projectIdentifier: payments
  description: Inputs for a release to the EU clusters
  tags:
    region: eu
  pipeline:
    identifier: build_and_deploy
    properties:
      ci:
        codebase:
          build:
            type: branch
            spec:
              branch: <+trigger.branch>
    variables:
      - name: region
        type: String
        value: eu-west-1
    stages:
`;
  const block = (i) =>
    pad(
      `- stage:
    identifier: deploy_${svc(i)}_${i}
    type: Deployment
    spec:
      service:
        serviceRef: ${svc(i)}_api
        serviceInputs:
          serviceDefinition:
            type: Kubernetes
            spec:
              artifacts:
                primary:
                  primaryArtifactRef: docker
                  sources:
                    - identifier: docker
                      type: DockerRegistry
                      spec:
                        tag: v1.${i}.0
      environment:
        environmentRef: prod_eu
        infrastructureDefinitions:
          - identifier: k8s_eu_${i % 3}
      execution:
        steps:
          - step:
              identifier: approve
              type: HarnessApproval
              timeout: 2h
`,
      6,
    );
  return grow(head, block, '', target);
}

function overlayInputSet(target) {
  const head = `overlayInputSet:
  name: Nightly EU
  identifier: nightly_eu
  orgIdentifier: default
  projectIdentifier: payments
  description: Base inputs, the EU region and each service's nightly tag
  tags:
    schedule: nightly
    region: eu
  pipelineIdentifier: build_and_deploy
  inputSetReferences:
    - base_inputs
    - region_eu
`;
  return grow(head, (i) => `    - nightly_${svc(i)}_${i}\n`, '', target);
}

function trigger(target) {
  const head = `trigger:
  name: PR to main
  identifier: pr_to_main
  enabled: true
  description: Builds and deploys every pull request against main
  tags: {}
  orgIdentifier: default
  projectIdentifier: payments
  pipelineIdentifier: build_and_deploy
  stagesToExecute: []
  source:
    type: Webhook
    spec:
      type: Github
      spec:
        type: PullRequest
        spec:
          connectorRef: account.github
          autoAbortPreviousExecutions: true
          repoName: payments-api
          actions:
            - Open
            - Reopen
            - Synchronize
          headerConditions: []
          jexlCondition: <+trigger.payload.pull_request.draft> == false
          payloadConditions:
`;
  const tail = `  inputYaml: |
    pipeline:
      identifier: build_and_deploy
      properties:
        ci:
          codebase:
            build:
              type: PR
              spec:
                number: <+trigger.prNumber>
      variables:
        - name: region
          type: String
          value: eu-west-1
`;
  return grow(
    head,
    (i) => `            - key: ${['targetBranch', 'sourceBranch', '<+trigger.payload.sender.login>'][i % 3]}
              operator: ${['Equals', 'StartsWith', 'NotIn', 'Regex'][i % 4]}
              value: ${['main', 'feature/', 'dependabot,renovate', '^release-.*'][i % 4]}
`,
    tail,
    target,
  );
}

function service(target) {
  const head = `service:
  name: Payments API
  identifier: payments_api
  orgIdentifier: default
  projectIdentifier: payments
  description: Card payments HTTP API
  tags:
    tier: "1"
  gitOpsEnabled: false
  serviceDefinition:
    type: Kubernetes
    spec:
      manifests:
        - manifest:
            identifier: k8s_manifests
            type: K8sManifest
            spec:
              store:
                type: Github
                spec:
                  connectorRef: account.github
                  gitFetchType: Branch
                  paths:
                    - deploy/k8s
                  repoName: payments-api
                  branch: main
              valuesPaths:
                - deploy/values.yaml
              skipResourceVersioning: false
              enableDeclarativeRollback: false
      configFiles:
        - configFile:
            identifier: app_config
            spec:
              store:
                type: Harness
                spec:
                  files:
                    - /payments/app.yaml
      variables:
        - name: replicas
          type: String
          value: "3"
          description: Pods per cluster
          required: false
      artifacts:
        primary:
          primaryArtifactRef: <+input>
          sources:
`;
  const block = (i) =>
    i % 2
      ? `            - identifier: ecr_${i}
              type: Ecr
              spec:
                connectorRef: account.aws
                imagePath: ${svc(i)}/api
                region: eu-west-1
                tag: <+input>
`
      : `            - identifier: dockerhub_${i}
              type: DockerRegistry
              spec:
                connectorRef: account.dockerhub
                imagePath: acme/${svc(i)}-api
                tag: <+input>.regex(v[0-9]+.*)
`;
  return grow(head, block, '', target);
}

function environment(target) {
  const head = `environment:
  name: Production EU
  identifier: prod_eu
  description: Production clusters in eu-west-1
  tags:
    compliance: pci
  type: Production
  orgIdentifier: default
  projectIdentifier: payments
  overrides:
    manifests:
      - manifest:
          identifier: prod_values
          type: Values
          spec:
            store:
              type: Github
              spec:
                connectorRef: account.github
                gitFetchType: Branch
                paths:
                  - deploy/values-prod.yaml
                repoName: payments-api
                branch: main
  variables:
`;
  return grow(
    head,
    (i) =>
      i % 3 === 2
        ? `    - name: ${svc(i)}_token
      type: Secret
      value: account.${svc(i)}_token
      description: API token of ${svc(i)}
      required: true
`
        : `    - name: ${svc(i)}_url_${i}
      type: String
      value: https://${svc(i)}.prod-eu.example.internal
      description: ""
      required: false
`,
    '',
    target,
  );
}

function infrastructure(target) {
  const head = `infrastructureDefinition:
  name: EKS prod EU
  identifier: eks_prod_eu
  description: Namespace per release on the shared EKS cluster
  tags: {}
  orgIdentifier: default
  projectIdentifier: payments
  environmentRef: prod_eu
  deploymentType: Kubernetes
  type: KubernetesDirect
  spec:
    connectorRef: account.eks_prod_eu
    namespace: <+service.identifier>-<+env.identifier>
    releaseName: release-<+INFRA_KEY_SHORT_ID>
  allowSimultaneousDeployments: false
  provisioner:
    steps:
`;
  return grow(head, (i) => shellStep(i, 6), '', target);
}

function connector(target) {
  const head = `connector:
  name: GitHub payments
  identifier: github_payments
  description: GitHub App connection to the payments organisation
  orgIdentifier: default
  projectIdentifier: payments
  type: Github
  spec:
    url: https://github.com/acme-payments
    validationRepo: payments-api
    authentication:
      type: Http
      spec:
        type: UsernameToken
        spec:
          username: acme-bot
          tokenRef: account.github_pat
    apiAccess:
      type: GithubApp
      spec:
        installationId: "41273391"
        applicationId: "302114"
        privateKeyRef: account.github_app_key
    executeOnDelegate: true
    type: Account
    delegateSelectors:
`;
  return grow(
    head,
    (i) => `      - ${svc(i)}-delegate-${i}\n`,
    `  tags:
    owner: platform
    managed-by: terraform
`,
    target,
  );
}

function secret(target) {
  const head = `secret:
  type: SSHKey
  name: Deploy key
  identifier: deploy_key
  orgIdentifier: default
  projectIdentifier: payments
  description: SSH key the delegates use to reach the bastion hosts
  spec:
    auth:
      type: SSH
      spec:
        credentialType: KeyReference
        spec:
          userName: deploy
          key: account.deploy_private_key
          encryptedPassphrase: account.deploy_key_passphrase
    port: 22
  tags:
`;
  return grow(head, (i) => `    ${svc(i)}_${i}: "${['prod', 'staging', 'dev'][i % 3]}"\n`, '', target);
}

/** Generators by kind (template subtypes as `template/<type>`), and the sizes generated for each. */
export const ENTITY_KINDS = {
  'template/Step': { make: stepTemplate, sizes: [60, 150] },
  'template/Stage': { make: stageTemplate, sizes: [80, 280] },
  'template/Pipeline': { make: pipelineTemplate, sizes: [100, 290] },
  'template/StepGroup': { make: stepGroupTemplate, sizes: [60, 250] },
  inputSet: { make: inputSet, sizes: [60, 250] },
  overlayInputSet: { make: overlayInputSet, sizes: [50, 90] },
  trigger: { make: trigger, sizes: [60, 150] },
  service: { make: service, sizes: [70, 250] },
  environment: { make: environment, sizes: [50, 200] },
  infrastructureDefinition: { make: infrastructure, sizes: [60, 250] },
  connector: { make: connector, sizes: [50, 90] },
  secret: { make: secret, sizes: [50, 90] },
};

/** Generated files of `kind`: [{ name, text }]. */
export function generateEntities(kind) {
  const k = ENTITY_KINDS[kind];
  if (!k) throw new Error(`unknown entity kind ${kind}`);
  return k.sizes.map((size) => ({ name: `gen-${kind.replace('/', '-')}-${size}.yaml`, text: k.make(size) }));
}

const TEMPLATE_TYPES = { step: 'Step', stage: 'Stage', pipeline: 'Pipeline', stepgroup: 'StepGroup' };

/**
 * Real fixture files of `dir` (../shared/fixtures/entities), read in place: [{ kind, name, text }].
 * The kind comes from the file name (`042-trigger-…yaml`); a template's type from the name's next
 * word, or from its `template.type` when the name does not say one of the four kinds.
 */
export function readFixtureEntities(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const m = /^\d+-([A-Za-z]+)-([A-Za-z]+)-.*\.ya?ml$/.exec(name);
    if (!m) continue;
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    let kind = m[1];
    if (kind === 'template') {
      let type = TEMPLATE_TYPES[m[2].toLowerCase()];
      if (!type) {
        try {
          type = parse(text)?.template?.type;
        } catch {
          type = undefined;
        }
      }
      kind = `template/${type ?? m[2]}`;
    }
    out.push({ kind, name, text });
  }
  return out;
}
