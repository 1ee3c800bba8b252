// Deployment (CD) step types: Kubernetes, Helm, Terraform, ECS, serverless and Lambda, SSH/WinRM
// commands, GitOps, Google Cloud, continuous verification and CI-server triggers.
import {
  anyValue,
  bool,
  int,
  list,
  obj,
  oneOfValues,
  shared,
  sharedFields,
  str,
  strList,
  timeout,
} from '../build';
import { inputVariables, outputVariables, variables } from '../common';
import type { Definitions, JsonSchema } from '../types';
import { connectorRef, containerFields, envMap, step, stepDelegates, uiMetadata } from './node';

export const cdStepDefinitions: Definitions = {};
const d = cdStepDefinitions;

const skipDryRun = (): JsonSchema =>
  shared('SkipDryRun', () => bool('Skip the kubectl dry run that checks the manifests first.'));
/** On Kubernetes steps that run no dry run themselves: the Harness UI writes the flag on them too, and it is ignored there. */
const uiSkipDryRun = (): JsonSchema =>
  shared('UiSkipDryRun', () =>
    bool(
      'Written by the Harness UI on every Kubernetes step; this step runs no dry run, so it has no effect.',
    ),
  );
const pruning = (): JsonSchema =>
  shared('PruningEnabled', () =>
    bool('Delete resources that were in the previous release but not in this one.'),
  );
const steadyState = (): JsonSchema =>
  shared('SkipSteadyState', () => bool('Do not wait for the workloads to become ready.'));
const k8sFlags = (): JsonSchema =>
  shared('K8sCommandFlags', () =>
    list(
      'Extra kubectl flags per command.',
      obj(
        'Flags for one kubectl command.',
        {
          commandType: oneOfValues('kubectl command the flag applies to.', ['Apply']),
          flag: str('Flag text, e.g. --server-side.'),
        },
        { required: ['commandType'], closed: true },
      ),
    ),
  );
/** The Helm commands a manifest or step may pass extra flags to. */
export const HELM_COMMANDS = [
  'Fetch',
  'Template',
  'Pull',
  'Install',
  'Upgrade',
  'Rollback',
  'History',
  'Delete',
  'Uninstall',
  'List',
  'Add',
  'Update',
  'Version',
  'Test',
];
const helmFlags = (): JsonSchema =>
  list(
    'Extra Helm flags per command.',
    obj(
      'Flags for one Helm command.',
      {
        commandType: oneOfValues('Helm command the flag applies to.', HELM_COMMANDS),
        flag: str('Flag text, e.g. --atomic.'),
      },
      { required: ['commandType'], closed: true },
    ),
  );
const instanceSelection = (what: string): JsonSchema =>
  obj(
    `How many pods ${what}: a count or a percentage of the current instances.`,
    {
      type: oneOfValues('Count or Percentage.', ['Count', 'Percentage']),
      spec: obj(
        'The number.',
        {
          count: { type: ['integer', 'string'], description: 'Number of instances (type Count).' },
          percentage: {
            type: ['integer', 'string'],
            description: 'Percentage of instances (type Percentage).',
          },
        },
        { closed: true },
      ),
    },
    { required: ['type', 'spec'], closed: true },
  );
const trafficRouting = (): JsonSchema =>
  obj(
    'Shift traffic through a service mesh.',
    {
      provider: oneOfValues('Service mesh provider.', ['smi', 'istio']),
      spec: anyValue('Routes, hosts and gateways of the mesh.'),
    },
    { required: ['provider', 'spec'] },
  );

step(
  d,
  'K8sRollingDeploy',
  'Rolling update of the Kubernetes workloads in the service manifests.',
  { skipDryRun: skipDryRun(), pruningEnabled: pruning(), commandFlags: k8sFlags(), ...stepDelegates() },
  { closed: true },
);
step(
  d,
  'K8sRollingRollback',
  'Rolls the workloads back to the release before the last rolling deployment.',
  { pruningEnabled: pruning(), commandFlags: k8sFlags(), ...stepDelegates() },
  { closed: true },
);
step(
  d,
  'K8sApply',
  'Applies chosen manifest files (kubectl apply) outside the normal rollout.',
  {
    filePaths: strList('Manifest paths to apply, relative to the manifest source.', 'A path.'),
    manifestSource: anyValue('A manifest source other than the service manifests (type and store).'),
    overrides: list(
      'Values overrides applied while rendering.',
      anyValue('One override (manifest wrapper).'),
    ),
    skipDryRun: skipDryRun(),
    skipSteadyStateCheck: steadyState(),
    skipRendering: bool('Apply the files as they are, without rendering templates.'),
    commandFlags: k8sFlags(),
    ...stepDelegates(),
  },
  { closed: true },
);
step(
  d,
  'K8sCanaryDeploy',
  'Deploys a canary copy of the workload next to the stable one.',
  {
    instanceSelection: instanceSelection('the canary gets'),
    skipDryRun: skipDryRun(),
    canaryType: oneOfValues('Standard or Progressive canary.', ['Standard', 'Progressive']),
    targetPercentage: int('Traffic percentage of a progressive canary.', 0),
    trafficRouting: trafficRouting(),
    commandFlags: k8sFlags(),
    ...stepDelegates(),
  },
  { closed: true },
);
step(
  d,
  'K8sCanaryDelete',
  'Deletes the canary workload created by K8sCanaryDeploy.',
  { skipDryRun: uiSkipDryRun(), ...stepDelegates() },
  { closed: true },
);
step(
  d,
  'K8sBlueGreenDeploy',
  'Deploys the new version as the stage (green) colour next to the primary (blue).',
  {
    skipDryRun: skipDryRun(),
    pruningEnabled: pruning(),
    skipDeploymentIfSameManifest: bool('Skip when the manifests did not change since the last deployment.'),
    skipUnchangedManifest: bool(
      'Skip the deployment when the manifests are unchanged (harness-core K8sBlueGreenBaseStepInfo).',
    ),
    trafficRouting: trafficRouting(),
    commandFlags: k8sFlags(),
    ...stepDelegates(),
  },
  { closed: true },
);
step(
  d,
  'K8sBGSwapServices',
  'Swaps the primary and stage services of a blue-green deployment.',
  { skipDryRun: uiSkipDryRun(), ...stepDelegates() },
  { closed: true },
);
step(
  d,
  'K8sBlueGreenStageScaleDown',
  'Scales down the stage colour of a blue-green deployment.',
  {
    deleteResources: bool('Delete the stage resources instead of scaling them to zero.'),
    skipDryRun: uiSkipDryRun(),
    ...stepDelegates(),
  },
  { closed: true },
);
step(
  d,
  'K8sDelete',
  'Deletes Kubernetes resources by name, by release or by manifest path.',
  {
    deleteResources: obj(
      'What to delete.',
      {
        type: oneOfValues('ResourceName, ReleaseName or ManifestPath.', [
          'ResourceName',
          'ReleaseName',
          'ManifestPath',
        ]),
        spec: obj(
          'The resources.',
          {
            resourceNames: strList(
              'Resources as namespace/Kind/name (type ResourceName).',
              'A resource name.',
            ),
            deleteNamespace: bool('Also delete the namespace (type ReleaseName).'),
            manifestPaths: strList(
              'Manifest files whose resources are deleted (type ManifestPath).',
              'A path.',
            ),
            allManifestPaths: bool('Delete the resources of every manifest (type ManifestPath).'),
          },
          { closed: true },
        ),
      },
      { required: ['type', 'spec'], closed: true },
    ),
    commandFlags: k8sFlags(),
    ...stepDelegates(),
  },
  { required: ['deleteResources'], closed: true },
);
step(
  d,
  'K8sScale',
  'Scales a workload to a number or percentage of instances.',
  {
    workload: str('Workload to scale, as Kind/name or namespace/Kind/name.'),
    instanceSelection: instanceSelection('to run'),
    skipSteadyStateCheck: steadyState(),
    ...stepDelegates(),
  },
  { required: ['workload', 'instanceSelection'], closed: true },
);
step(
  d,
  'K8sDryRun',
  'Renders the manifests and runs a kubectl dry run without deploying.',
  { encryptYamlOutput: bool('Store the rendered YAML as a secret output.'), ...stepDelegates() },
  { closed: true },
);
step(d, 'K8sDiff', 'Shows the difference between the rendered manifests and the cluster.', {
  ...stepDelegates(),
});
step(d, 'K8sPatch', 'Patches a live Kubernetes resource.', {
  workload: str('Resource to patch.'),
  mergeStrategyType: str('Patch strategy (json, merge, strategic).'),
  ...stepDelegates(),
});
step(d, 'K8sRollout', 'Runs kubectl rollout commands (restart, status …).', { ...stepDelegates() });

const helmCommon = (): Record<string, JsonSchema> =>
  sharedFields('Helm', {
    skipSteadyStateCheck: steadyState(),
    runChartTests: bool('Run helm test after the release.'),
    commandFlags: helmFlags(),
    environmentVariables: envMap(),
    ...stepDelegates(),
  });
step(d, 'HelmDeploy', 'Installs or upgrades the service Helm chart as a native Helm release.', {
  ...helmCommon(),
  ignoreReleaseHistFailStatus: bool('Continue even when the release history shows a failed release.'),
  useUpgradeInstall: bool('Use helm upgrade --install instead of separate install/upgrade.'),
  skipCleanup: bool('Keep resources when the release fails.'),
  skipDryRun: skipDryRun(),
});
step(d, 'HelmRollback', 'Rolls the Helm release back to its previous revision.', helmCommon());
step(d, 'HelmBGDeploy', 'Deploys the Helm chart as the stage colour of a blue-green release.', {
  ...helmCommon(),
  ignoreReleaseHistFailStatus: bool('Continue even when the release history shows a failed release.'),
  useUpgradeInstall: bool('Use helm upgrade --install.'),
  skipDryRun: skipDryRun(),
  pruningEnabled: pruning(),
});
step(d, 'HelmBlueGreenSwapStep', 'Swaps traffic between the colours of a Helm blue-green release.', {
  commandFlags: helmFlags(),
  skipDryRun: skipDryRun(),
  ...stepDelegates(),
});
step(d, 'HelmCanaryDeploy', 'Deploys a canary Helm release.', {
  ...helmCommon(),
  instanceSelection: instanceSelection('the canary gets'),
});
step(d, 'HelmCanaryDelete', 'Deletes the canary Helm release.', { ...stepDelegates() });
step(d, 'HelmDelete', 'Uninstalls a Helm release.', {
  releaseName: str('Release to delete.'),
  dryRun: bool('Only show what would be deleted.'),
  commandFlags: str('Extra flags.'),
  ...stepDelegates(),
});

const tfConfigFiles = (): JsonSchema =>
  obj(
    'Where the Terraform configuration lives.',
    {
      store: obj(
        'File store: a Git provider, Artifactory, S3 or Harness.',
        {
          type: str('Store kind, e.g. Github, Git, Bitbucket, GitLab, Artifactory, S3, Harness.'),
          spec: anyValue('Store settings: connectorRef, repoName, branch or commitId, folderPath …'),
        },
        { required: ['type', 'spec'] },
      ),
      moduleSource: anyValue('Credentials for fetching modules from Git.'),
    },
    { required: ['store'] },
  );
const tfExecution = (): Record<string, JsonSchema> => ({
  configFiles: tfConfigFiles(),
  varFiles: list(
    'Variable files, inline or from a store.',
    obj(
      'One var file.',
      {
        varFile: anyValue('The var file: identifier, type (Inline or Remote) and spec.'),
      },
      { required: ['varFile'] },
    ),
  ),
  backendConfig: obj('Backend configuration, inline or from a store.', {
    type: oneOfValues('Inline or Remote.', ['Inline', 'Remote']),
    spec: anyValue('Content or store of the backend configuration.'),
  }),
  environmentVariables: inputVariables(),
  targets: strList('Resources to target (-target).', 'A resource address.'),
  workspace: str('Terraform workspace.'),
  providerCredential: anyValue('Cloud credentials for the provider (type and spec with connectorRef).'),
  commandFlags: list('Extra CLI flags per Terraform command.', anyValue('Command type and flag.')),
  skipRefreshCommand: bool('Skip terraform refresh.'),
  skipStateStorage: bool('Do not keep the state in Harness.'),
  createRemoteWorkspaceWithPrefix: bool('Create a remote workspace with a prefix.'),
});
const tfCommon = (): Record<string, JsonSchema> => ({
  provisionerIdentifier: str('Links the plan, apply, destroy and rollback steps of one provisioner.'),
  cloudCliConfiguration: anyValue('Settings for Terraform Cloud CLI runs.'),
  metadata: uiMetadata(),
  ...stepDelegates(),
});
step(
  d,
  'TerraformPlan',
  'Runs terraform plan and keeps the plan for a later apply.',
  {
    ...tfCommon(),
    configuration: obj(
      'Plan settings.',
      {
        command: oneOfValues('Plan for Apply or for Destroy.', ['Apply', 'Destroy']),
        secretManagerRef: str('Secret manager that encrypts the stored plan.'),
        exportTerraformPlanJson: bool('Export the plan as JSON.'),
        exportTerraformHumanReadablePlan: bool('Export the plan as readable text.'),
        storeTfPlanOnDelegate: bool('Keep the plan on the delegate only.'),
        ...tfExecution(),
      },
      { required: ['command', 'configFiles'] },
    ),
  },
  { required: ['provisionerIdentifier'] },
);
const tfApplyLike = (type: string, what: string): void =>
  step(
    d,
    type,
    what,
    {
      ...tfCommon(),
      configuration: obj(
        'How the configuration is given.',
        {
          type: oneOfValues('Inline (configured here), InheritFromPlan or InheritFromApply.', [
            'Inline',
            'InheritFromPlan',
            'InheritFromApply',
          ]),
          spec: obj('Inline configuration.', tfExecution()),
          commandFlags: list('Extra CLI flags per Terraform command.', anyValue('Command type and flag.')),
          skipRefreshCommand: bool('Skip terraform refresh.'),
          skipStateStorage: bool('Do not keep the state in Harness.'),
          createRemoteWorkspaceWithPrefix: bool('Create a remote workspace with a prefix.'),
        },
        { required: ['type'] },
      ),
    },
    { required: ['provisionerIdentifier'], sharedSpec: 'TerraformApplySpec' },
  );
tfApplyLike('TerraformApply', 'Runs terraform apply, inline or from an earlier plan.');
tfApplyLike('TerraformDestroy', 'Runs terraform destroy.');
step(
  d,
  'TerraformRollback',
  'Restores the Terraform state from before the last successful apply of this provisioner.',
  {
    provisionerIdentifier: str('Provisioner to roll back.'),
    skipRefreshCommand: bool('Skip terraform refresh.'),
    commandFlags: list('Extra CLI flags.', anyValue('Command type and flag.')),
    ...stepDelegates(),
  },
  { required: ['provisionerIdentifier'] },
);
for (const [type, what] of [
  ['TerragruntPlan', 'Runs terragrunt plan.'],
  ['TerragruntApply', 'Runs terragrunt apply.'],
  ['TerragruntDestroy', 'Runs terragrunt destroy.'],
  ['TerragruntRollback', 'Rolls back the last terragrunt apply.'],
] as const) {
  step(
    d,
    type,
    what,
    {
      provisionerIdentifier: str('Links the steps of one provisioner.'),
      configuration: anyValue('Terragrunt configuration.'),
      ...stepDelegates(),
    },
    { required: ['provisionerIdentifier'] },
  );
}

step(d, 'EcsRollingDeploy', 'Rolling deployment of an Amazon ECS service.', {
  sameAsAlreadyRunningInstances: bool('Keep the number of tasks currently running.'),
  forceNewDeployment: bool('Force a new deployment even when nothing changed.'),
  skipApplicationScaling: bool('Do not apply the scaling policies.'),
  ...stepDelegates(),
});
step(d, 'EcsRollingRollback', 'Rolls an ECS service back to its previous task definition.', {
  ...stepDelegates(),
});
step(d, 'EcsCanaryDeploy', 'Deploys a canary ECS service.', { ...stepDelegates() });
step(d, 'EcsCanaryDelete', 'Deletes the canary ECS service.', { ...stepDelegates() });
step(
  d,
  'EcsBlueGreenCreateService',
  'Creates the new (green) ECS service behind the stage listener.',
  {
    loadBalancer: str('Load balancer name or ARN.'),
    prodListener: str('Production listener ARN.'),
    prodListenerRuleArn: str('Production listener rule ARN.'),
    stageListener: str('Stage listener ARN.'),
    stageListenerRuleArn: str('Stage listener rule ARN.'),
    stageTargetGroupArn: str('Stage target group ARN.'),
    sameAsAlreadyRunningInstances: bool('Keep the number of tasks currently running.'),
    updateGreenService: bool('Update an existing green service.'),
    enableAutoScalingInSwapStep: bool('Apply auto scaling only when swapping.'),
    isTrafficShift: bool('Shift traffic gradually instead of swapping.'),
    ...stepDelegates(),
  },
  { required: ['loadBalancer', 'prodListener', 'prodListenerRuleArn'] },
);
step(d, 'EcsBlueGreenSwapTargetGroups', 'Swaps the target groups of an ECS blue-green deployment.', {
  doNotDownsizeOldService: bool('Keep the old service running.'),
  downsizeOldServiceDelayInSecs: {
    type: ['integer', 'string'],
    description: 'Delay before the old service is scaled down, in seconds.',
  },
  ...stepDelegates(),
});
step(d, 'EcsBlueGreenRollback', 'Rolls back an ECS blue-green deployment.', { ...stepDelegates() });
step(d, 'EcsRunTask', 'Runs a one-off ECS task.', {
  taskDefinition: anyValue('Task definition store.'),
  runTaskRequestDefinition: anyValue('RunTask request store.'),
  skipSteadyStateCheck: steadyState(),
  ...stepDelegates(),
});

step(d, 'ServerlessAwsLambdaDeploy', 'Deploys a Serverless Framework application to AWS Lambda.', {
  commandOptions: str('Extra options for serverless deploy.'),
  ...stepDelegates(),
});
step(d, 'ServerlessAwsLambdaRollback', 'Rolls back a Serverless Framework deployment.', {
  ...stepDelegates(),
});
const serverlessV2 = (type: string, what: string, extra: Record<string, JsonSchema> = {}): void =>
  step(d, type, what, {
    ...containerFields('Serverless'),
    serverlessVersion: str('Serverless Framework version.'),
    preExecution: str('Commands run before the serverless command.'),
    envVariables: envMap(),
    ...extra,
    ...stepDelegates(),
  });
serverlessV2('ServerlessAwsLambdaDeployV2', 'Deploys a Serverless Framework application in a container.', {
  deployCommandOptions: strList('Extra options for serverless deploy.', 'An option.'),
});
serverlessV2('ServerlessAwsLambdaPackageV2', 'Packages a Serverless Framework application in a container.', {
  packageCommandOptions: strList('Extra options for serverless package.', 'An option.'),
});
serverlessV2(
  'ServerlessAwsLambdaPrepareRollbackV2',
  'Records the state needed to roll a Serverless deployment back.',
);
serverlessV2(
  'ServerlessAwsLambdaRollbackV2',
  'Rolls back a Serverless Framework deployment (container based).',
);
step(d, 'AwsLambdaDeploy', 'Deploys a function to AWS Lambda.', { ...stepDelegates() });
step(d, 'AwsLambdaRollback', 'Rolls an AWS Lambda function back.', { ...stepDelegates() });
step(d, 'AwsSamDeploy', 'Deploys an AWS SAM application.', {
  ...containerFields('SAM'),
  deployCommandOptions: strList('Extra sam deploy options.', 'An option.'),
  stackName: str('CloudFormation stack name.'),
  envVariables: envMap(),
  ...stepDelegates(),
});
step(d, 'AwsSamBuild', 'Builds an AWS SAM application.', {
  ...containerFields('SAM'),
  buildCommandOptions: strList('Extra sam build options.', 'An option.'),
  envVariables: envMap(),
  ...stepDelegates(),
});

step(
  d,
  'Command',
  'Runs command units (scripts, artifact copy or download) on SSH or WinRM target hosts.',
  {
    onDelegate: bool('Run on the delegate instead of the target hosts.'),
    host: str('Target host (usually <+repeat.item> inside a repeat strategy).'),
    environmentVariables: inputVariables(),
    outputVariables: outputVariables(),
    commandUnits: list(
      'Ordered units of work.',
      obj(
        'One command unit.',
        {
          identifier: str('Identifier of the unit.'),
          name: str('Name of the unit.'),
          type: oneOfValues('Script, Copy or DownloadArtifact.', ['Script', 'Copy', 'DownloadArtifact']),
          spec: anyValue('Unit settings: shell, source, workingDirectory, destinationPath, sourceType …'),
        },
        { required: ['identifier', 'name', 'type'] },
      ),
    ),
    metadata: uiMetadata(),
    ...stepDelegates(),
  },
  { required: ['onDelegate'] },
);
step(d, 'DownloadManifests', 'Downloads the service manifests into the workspace (container-based steps).', {
  ...stepDelegates(),
});

step(d, 'GitOpsSync', 'Syncs Argo CD applications.', {
  prune: bool('Delete resources no longer in Git.'),
  dryRun: bool('Only show what would change.'),
  applyOnly: bool('Skip hooks (kubectl apply only).'),
  forceApply: bool('Force the apply.'),
  waitTillHealthy: bool('Wait until the applications are healthy.'),
  applicationsList: list('Applications to sync.', anyValue('Application name and agent.')),
  syncOptions: anyValue('Argo CD sync options.'),
  retryStrategy: anyValue('Retry settings of the sync.'),
  ...stepDelegates(),
});
step(
  d,
  'GitOpsUpdateReleaseRepo',
  'Updates configuration files in the GitOps release repository through a pull request.',
  {
    variables: variables('step'),
    prTitle: str('Title of the pull request.'),
    allowEmptyCommit: bool('Allow a commit without changes.'),
    ...stepDelegates(),
  },
);
step(d, 'GitOpsFetchLinkedApps', 'Finds the GitOps applications linked to the service and environment.', {
  filterByServiceEnvCluster: bool('Filter by service, environment and cluster.'),
  ...stepDelegates(),
});
step(d, 'MergePR', 'Merges the pull request opened by an earlier GitOps step.', {
  deleteSourceBranch: bool('Delete the source branch after merging.'),
  mergeStrategy: oneOfValues('merge or squash.', ['merge', 'squash']),
  variables: variables('step'),
  ...stepDelegates(),
});
step(d, 'RevertPR', 'Reverts a merged pull request.', {
  commitId: str('Commit to revert.'),
  prTitle: str('Title of the revert PR.'),
  ...stepDelegates(),
});

step(
  d,
  'DeployCloudFunctionWithNoTraffic',
  'Deploys a Google Cloud Function revision without sending it traffic.',
  {
    updateFieldMask: str('Fields to update.'),
    ...stepDelegates(),
  },
);
step(
  d,
  'CloudFunctionTrafficShift',
  'Shifts a percentage of traffic to the new Google Cloud Function revision.',
  {
    trafficPercent: {
      type: ['integer', 'string'],
      description: 'Percentage of traffic for the new revision.',
    },
    ...stepDelegates(),
  },
);
step(d, 'DeployCloudFunction', 'Deploys a Google Cloud Function with full traffic.', {
  updateFieldMask: str('Fields to update.'),
  ...stepDelegates(),
});
step(d, 'CloudFunctionRollback', 'Rolls a Google Cloud Function back.', { ...stepDelegates() });

const migContainer = (): Record<string, JsonSchema> => ({
  ...containerFields('Google MIG'),
  outputVariables: outputVariables(),
});
step(d, 'GoogleMigDeploy', 'Deploys a Google Managed Instance Group.', migContainer());
step(
  d,
  'GoogleMigBlueGreenDeploy',
  'Deploys a new Google Managed Instance Group as the blue-green stage environment.',
  {
    ...migContainer(),
    blueEnvironment: anyValue('Backend service and instance group currently serving.'),
    trafficConfig: anyValue('How traffic is routed (type and spec).'),
  },
);
step(d, 'GoogleMigTrafficShift', 'Shifts traffic between Google Managed Instance Groups.', {
  ...migContainer(),
  trafficConfig: anyValue('Routing and destination weights.'),
  downsizeOldMig: bool('Scale the old instance group down afterwards.'),
});
step(d, 'GoogleMigSteadyState', 'Waits until a Google Managed Instance Group is stable.', {
  ...migContainer(),
  mig: anyValue('The instance group.'),
  instanceTemplate: anyValue('The instance template.'),
});
step(d, 'GoogleMigBlueGreenRollback', 'Rolls back a Google MIG blue-green deployment.', migContainer());
step(d, 'GoogleCloudRunDeploy', 'Deploys a Google Cloud Run service.', {
  ...containerFields('Cloud Run'),
  ...stepDelegates(),
});
step(d, 'GoogleCloudRunTrafficShift', 'Shifts traffic between Google Cloud Run revisions.', {
  ...containerFields('Cloud Run'),
  ...stepDelegates(),
});

step(
  d,
  'Verify',
  'Continuous verification: analyses metrics and logs of the monitored service after a deployment.',
  {
    type: oneOfValues('Analysis kind.', [
      'Rolling',
      'Canary',
      'Bluegreen',
      'LoadTest',
      'Auto',
      'SimpleVerification',
    ]),
    monitoredService: anyValue(
      'Which monitored service to analyse (type Default, Configured or Template, with spec).',
    ),
    spec: obj('Analysis settings.', {
      sensitivity: oneOfValues('How sensitive the anomaly detection is.', ['HIGH', 'MEDIUM', 'LOW']),
      duration: str('How long to analyse, e.g. 10m.'),
      deploymentTag: str('Version tag of the deployment, often <+artifacts.primary.tag>.'),
      baseline: str('Baseline to compare with (LoadTest).'),
      trafficsplit: str('Traffic split of a canary.'),
      failOnNoAnalysis: bool('Fail when no data could be analysed.'),
    }),
    isMultiServicesOrEnvs: bool('Verify several services or environments.'),
    ...stepDelegates(),
  },
  { required: ['type', 'spec'] },
);
step(d, 'AnalyzeDeploymentImpact', 'Watches service health for a while after a deployment.', {
  duration: str('Observation window, e.g. 1d.'),
  monitoredService: anyValue('Which monitored service to watch.'),
  ...stepDelegates(),
});

const jobParameters = (): JsonSchema =>
  list(
    'Job parameters.',
    obj(
      'One parameter.',
      { name: str('Parameter name.'), type: str('Parameter type.'), value: str('Parameter value.') },
      { required: ['name'] },
    ),
  );
step(
  d,
  'JenkinsBuild',
  'Triggers a Jenkins job and waits for its result.',
  {
    connectorRef: connectorRef('Jenkins'),
    jobName: str('Job to run (folder/job for nested jobs).'),
    jobParameter: jobParameters(),
    consoleLogPollFrequency: timeout('How often the console log is read.'),
    unstableStatusAsSuccess: bool('Treat an UNSTABLE build as success.'),
    useConnectorUrlForJobExecution: bool('Call the job through the connector URL.'),
    metadata: uiMetadata(),
    ...stepDelegates(),
  },
  { required: ['connectorRef', 'jobName'] },
);
step(
  d,
  'BambooBuild',
  'Triggers a Bamboo plan and waits for its result.',
  {
    connectorRef: connectorRef('Bamboo'),
    planName: str('Plan to run.'),
    planParameter: jobParameters(),
    ...stepDelegates(),
  },
  { required: ['connectorRef', 'planName'] },
);

step(
  d,
  'FlagConfiguration',
  'Changes a feature flag (state, targeting, variations) in an environment.',
  {
    feature: str('Feature flag identifier.'),
    environment: str('Feature Flags environment.'),
    instructions: list(
      'Changes to make.',
      obj(
        'One change.',
        {
          identifier: str('Identifier of the instruction.'),
          type: str('Change kind, e.g. SetFeatureFlagState.'),
          spec: anyValue('Settings of the change, e.g. state: on.'),
        },
        { required: ['type'] },
      ),
    ),
  },
  { required: ['feature', 'environment', 'instructions'] },
);

step(
  d,
  'ShellScriptProvision',
  'Runs a script that provisions infrastructure and outputs its JSON description.',
  {
    source: anyValue('The script.'),
    environmentVariables: inputVariables(),
    ...stepDelegates(),
  },
);
step(d, 'Chaos', 'Runs a chaos experiment.', {
  experimentRef: str('Experiment identifier.'),
  expectedResilienceScore: { type: ['number', 'string'], description: 'Minimum resilience score.' },
});
