// Builds the simulator's own v0 pipeline YAML (CI Run steps, Deployments with failure
// strategies, approvals, custom shell scripts, runtime inputs). Written for this project from
// the documented v0 shape; no real-world pipeline is copied here.
import type { Tags } from './model';
import { toYaml } from './yaml-emit';

export type PipelineKind = 'ci' | 'deploy' | 'release' | 'custom';

export interface PipelineYamlSpec {
  identifier: string;
  name: string;
  orgIdentifier: string;
  projectIdentifier: string;
  kind: PipelineKind;
  description?: string;
  tags?: Tags;
  /** none: no `<+input>`; optional: inputs with defaults only; required: at least one bare `<+input>`. */
  inputs: 'none' | 'optional' | 'required';
  /** Adds a step whose command ends in `exit 1`, which makes simulated runs fail. */
  failing?: boolean;
  /** For ci/release: the Git connector and repository of the codebase. */
  codebase?: { connectorRef: string; repoName: string };
  /** For deploy/release: the Kubernetes connector of the infrastructure. */
  k8sConnectorRef?: string;
}

type Node = Record<string, unknown>;

function runStep(identifier: string, name: string, command: string): Node {
  return {
    step: { type: 'Run', name, identifier, spec: { shell: 'Sh', command } },
  };
}

function shellStep(identifier: string, name: string, script: string, timeout = '10m'): Node {
  return {
    step: {
      type: 'ShellScript',
      name,
      identifier,
      timeout,
      spec: {
        shell: 'Bash',
        onDelegate: true,
        source: { type: 'Inline', spec: { script } },
        environmentVariables: [],
        outputVariables: [],
      },
    },
  };
}

function ciStage(spec: PipelineYamlSpec): Node {
  const steps: Node[] = [
    runStep('install', 'Install', 'npm ci'),
    runStep('unit_tests', 'Unit Tests', 'npm test -- --reporter dot'),
  ];
  if (spec.failing) steps.push(runStep('lint', 'Lint', 'npm run lint || exit 1'));
  steps.push({
    step: {
      type: 'BuildAndPushDockerRegistry',
      name: 'Build and Push',
      identifier: 'build_and_push',
      spec: {
        connectorRef: 'account.dockerhub',
        repo: `acme/${spec.identifier}`,
        tags: ['<+pipeline.sequenceId>'],
      },
    },
  });
  return {
    stage: {
      name: 'Build',
      identifier: 'build',
      type: 'CI',
      spec: {
        cloneCodebase: true,
        platform: { os: 'Linux', arch: 'Amd64' },
        runtime: { type: 'Cloud', spec: {} },
        execution: { steps },
      },
    },
  };
}

function approvalStage(): Node {
  return {
    stage: {
      name: 'Approve Release',
      identifier: 'approve_release',
      type: 'Approval',
      spec: {
        execution: {
          steps: [
            {
              step: {
                type: 'HarnessApproval',
                name: 'Release Approval',
                identifier: 'release_approval',
                timeout: '1d',
                spec: {
                  approvalMessage: 'Please review the build and approve the release.',
                  includePipelineExecutionHistory: true,
                  approvers: {
                    userGroups: ['account._account_all_users'],
                    minimumCount: 1,
                    disallowPipelineExecutor: false,
                  },
                  isAutoRejectEnabled: false,
                },
              },
            },
          ],
        },
      },
    },
  };
}

function deployStage(spec: PipelineYamlSpec, envRef: string): Node {
  const steps: Node[] = [
    {
      step: {
        type: 'K8sRollingDeploy',
        name: 'Rolling Deployment',
        identifier: 'rolling_deployment',
        timeout: '10m',
        spec: { skipDryRun: false, pruningEnabled: false },
      },
    },
  ];
  if (spec.failing)
    steps.push(shellStep('smoke_test', 'Smoke Test', 'curl -fsS "$SERVICE_URL/health" || exit 1'));
  return {
    stage: {
      name: 'Deploy',
      identifier: 'deploy',
      type: 'Deployment',
      spec: {
        deploymentType: 'Kubernetes',
        service: { serviceRef: spec.identifier.replace(/_(deploy|release).*$/, '') },
        environment: {
          environmentRef: envRef,
          deployToAll: false,
          infrastructureDefinitions: [{ identifier: `${spec.k8sConnectorRef ?? 'k8s'}_infra` }],
        },
        execution: {
          steps,
          rollbackSteps: [
            {
              step: {
                type: 'K8sRollingRollback',
                name: 'Rollback',
                identifier: 'rollback',
                timeout: '10m',
                spec: { pruningEnabled: false },
              },
            },
          ],
        },
      },
      failureStrategies: [
        {
          onFailure: {
            errors: ['AllErrors'],
            action: { type: 'StageRollback' },
          },
        },
      ],
    },
  };
}

function customStage(spec: PipelineYamlSpec): Node {
  const steps: Node[] = [
    shellStep('prepare', 'Prepare', 'echo "Preparing <+pipeline.name>"'),
    shellStep('run_job', 'Run Job', 'echo "Running job for <+pipeline.variables.target>"'),
  ];
  if (spec.failing) steps.push(shellStep('verify', 'Verify', 'test -f /tmp/report.json || exit 1'));
  return {
    stage: {
      name: 'Job',
      identifier: 'job',
      type: 'Custom',
      spec: { execution: { steps } },
      failureStrategies: [
        {
          onFailure: {
            errors: ['Timeout', 'Connectivity'],
            action: {
              type: 'Retry',
              spec: {
                retryCount: 2,
                retryIntervals: ['10s'],
                onRetryFailure: { action: { type: 'MarkAsFailure' } },
              },
            },
          },
        },
      ],
    },
  };
}

/** The pipeline's `variables`, shaped by how much runtime input the spec asks for. */
function variables(spec: PipelineYamlSpec): Node[] {
  const target = spec.kind === 'custom' ? 'nightly' : spec.identifier;
  if (spec.inputs === 'none') return [{ name: 'target', type: 'String', value: target }];
  const vars: Node[] = [
    { name: 'target', type: 'String', value: `<+input>.default(${target})` },
    { name: 'log_level', type: 'String', value: '<+input>.default(info).allowedValues(debug,info,warn)' },
  ];
  if (spec.inputs === 'required') vars.push({ name: 'release_note', type: 'String', value: '<+input>' });
  return vars;
}

/** The pipeline both as data (`pipeline:` node) and as the YAML text that is stored. */
export function buildPipeline(spec: PipelineYamlSpec): { node: Record<string, unknown>; yaml: string } {
  const stages: Node[] = [];
  const envRef = spec.inputs === 'required' && spec.kind === 'deploy' ? '<+input>' : 'staging';
  if (spec.kind === 'ci' || spec.kind === 'release') stages.push(ciStage(spec));
  if (spec.kind === 'release') stages.push(approvalStage());
  if (spec.kind === 'deploy' || spec.kind === 'release') stages.push(deployStage(spec, envRef));
  if (spec.kind === 'custom') stages.push(customStage(spec));
  const pipeline: Node = {
    name: spec.name,
    identifier: spec.identifier,
    projectIdentifier: spec.projectIdentifier,
    orgIdentifier: spec.orgIdentifier,
  };
  if (spec.description) pipeline.description = spec.description;
  pipeline.tags = spec.tags ?? {};
  if ((spec.kind === 'ci' || spec.kind === 'release') && spec.codebase) {
    pipeline.properties = {
      ci: {
        codebase: {
          connectorRef: spec.codebase.connectorRef,
          repoName: spec.codebase.repoName,
          build: spec.inputs === 'required' ? '<+input>' : { type: 'branch', spec: { branch: 'main' } },
        },
      },
    };
  }
  pipeline.stages = stages;
  pipeline.variables = variables(spec);
  return { node: pipeline, yaml: toYaml({ pipeline }) };
}

export function buildPipelineYaml(spec: PipelineYamlSpec): string {
  return buildPipeline(spec).yaml;
}
