// Step types of the newer Harness modules and deployment types: GitOps and Kubernetes traffic
// steps, ECS / ASG / Elastigroup blue-green traffic shifts, Google Cloud Run jobs and Cloud
// Functions gen 1, Azure Functions and Container Apps, Salesforce, AI agent runtimes, custom
// deployment instances, IDP workflow steps, supply-chain security, database DevOps, chaos and
// load tests, feature management (FME), IaCM plugins and AI steps.
//
// The type names are Harness's (its step type constants and the step references of the
// Harness developer documentation). Types with the same shape share one definition (stepFamily).
// A spec whose complete key list we do not hold is left open: its keys are offered and described,
// but a key we do not list is never an error.
import { anyValue, bool, list, obj, oneOfValues, str, strList } from '../build';
import type { Definitions, JsonSchema } from '../types';

const strListOf = (description: string): JsonSchema => strList(description, 'One entry.');
import { connectorRef, containerFields, envMap, step, stepDelegates, stepFamily } from './node';

export const moreStepDefinitions: Definitions = {};
const d = moreStepDefinitions;

const delegates = stepDelegates();

step(
  d,
  'K8sTrafficRouting',
  'Routes traffic between the versions of a Kubernetes workload through a service mesh (Istio, SMI), on its own or inheriting the routing of an earlier canary or blue-green step.',
  {
    type: oneOfValues('config: a new routing configuration; inherit: reuse the one of an earlier step.', [
      'config',
      'inherit',
    ]),
    trafficRouting: obj(
      'The routing: mesh provider, routes and destination weights.',
      {
        provider: oneOfValues('Service mesh provider.', ['istio', 'smi']),
        spec: anyValue('Hosts, gateways and routes with their destinations and weights.'),
      },
      { required: ['provider'] },
    ),
    ...delegates,
  },
);

step(
  d,
  'FetchInstanceScript',
  'Runs the instance fetch script of the Deployment Template (CustomDeployment) and records the instances it lists.',
  { ...delegates },
);

step(d, 'SlackNotify', 'Sends a Slack message from an IDP workflow.', {
  slackId: str('Channel or user ID the message goes to.'),
  messageContent: str('Message text.'),
  token: str('Secret holding the Slack bot token.'),
  threadTs: str('Timestamp of the thread to reply in.'),
});

step(d, 'GoogleCloudRunJob', 'Runs a Google Cloud Run job to completion.', {
  ...containerFields(),
  envVariables: envMap(),
  ...delegates,
});

// GitOps steps (Harness GitOps docs: "Update GitOps App step", "GitOps rollback").
step(
  d,
  'UpdateGitOpsApp',
  'Changes the target revision, Helm values or Kustomize images of a GitOps application, then syncs it.',
  {
    applicationName: str('GitOps application to update.'),
    agentId: str('GitOps agent of the application.'),
    targetRevision: str('Branch, tag or commit the application tracks.'),
    helm: obj('Helm settings of a Helm application.', {
      valueFiles: strListOf('Values files, relative to the chart.'),
      parameters: list(
        'Helm parameters (--set).',
        obj('One parameter.', { name: str('Parameter name, e.g. image.tag.'), value: str('Value.') }),
      ),
      fileParameters: list(
        'Helm file parameters (--set-file).',
        anyValue('One file parameter: name and path.'),
      ),
    }),
    kustomize: obj('Kustomize settings of a Kustomize application.', {
      images: strListOf('Image overrides, e.g. argoproj/rollouts-demo:yellow.'),
      replicas: list('Replica overrides.', anyValue('One override: name and count.')),
    }),
    ...delegates,
  },
);
step(
  d,
  'GitOpsRollback',
  'Rolls GitOps applications back to an earlier synced revision (argocd app rollback).',
  {
    revisionsToRollback: {
      type: ['integer', 'string'],
      description: 'How many syncs back to go (1 = the sync before).',
    },
    applicationsList: list(
      'Applications to roll back.',
      obj('One application.', {
        agentId: str('GitOps agent of the application.'),
        applicationName: str('Application name.'),
        historyId: { type: ['integer', 'string'], description: 'Exact revision (history) ID to restore.' },
      }),
    ),
    ...delegates,
  },
);
const gitOps: Record<string, string> = {
  GitOpsRollout: 'promotes an Argo Rollouts rollout',
  GitOpsGetAppDetails: 'reads the details of GitOps applications into outputs',
};
stepFamily(d, 'GitOpsApps', gitOps, 'Acts on Argo CD applications managed by Harness GitOps.', {
  applicationsList: list('Applications acted on.', anyValue('One application: agentId and applicationName.')),
  ...delegates,
});

// Blue-green traffic shifting (Harness CD docs: ECS and Elastigroup blue-green traffic shifting,
// ASG traffic shifting): Inherit takes the load balancer of the create step and a weight;
// Standalone names a listener rule and its weighted target groups.
const trafficShiftWrapper = (what: string): JsonSchema =>
  obj(`How traffic moves to the new ${what}.`, {
    type: oneOfValues("Inherit (the create step's listener rule) or Standalone (a rule given here).", [
      'Inherit',
      'Standalone',
    ]),
    spec: obj('The weight (Inherit), or the listener rule and its weighted target groups (Standalone).', {
      weightPercentage: {
        type: ['integer', 'string'],
        description: 'Percentage of traffic sent to the new version.',
      },
      loadBalancer: str('Elastic load balancer (Standalone).'),
      listener: str('Listener ARN (Standalone).'),
      listenerRuleArn: str('Listener rule ARN (Standalone).'),
      forwardConfig: list(
        'Target groups and their weights (Standalone).',
        obj('One target group.', {
          targetGroupArn: str('Target group ARN.'),
          weight: { type: ['integer', 'string'], description: 'Weight of the target group in the rule.' },
        }),
      ),
    }),
  });
step(d, 'EcsBlueGreenTrafficShift', 'Shifts traffic between the ECS blue and green services by weight.', {
  ecsTrafficShiftWrapper: trafficShiftWrapper('ECS service'),
  ...delegates,
});
step(
  d,
  'ElastigroupBlueGreenTrafficShift',
  'Shifts traffic between the blue and green Elastigroups by weight.',
  { elastigroupTrafficShiftWrapper: trafficShiftWrapper('Elastigroup'), ...delegates },
);
step(d, 'AsgShiftTraffic', 'Shifts traffic between the old and new Auto Scaling groups by weight.', {
  weight: { type: ['integer', 'string'], description: 'Percentage of traffic sent to the new group.' },
  downsizeOldAsg: bool('Scale the old group down once it takes no traffic.'),
  ...delegates,
});

const trafficShifts: Record<string, string> = {
  StandAloneTrafficShiftRollback: 'restores the listener rules a Standalone traffic shift changed',
  ElastigroupSwapRoute: 'swaps the routes of an Elastigroup blue-green deployment',
  SwapRoutes: 'swaps the routes of a Tanzu blue-green deployment',
};
stepFamily(d, 'RouteSwaps', trafficShifts, 'Moves traffic between the old and new versions.', {
  ...delegates,
});

const cdSteps: Record<string, string> = {
  K8sBlueGreenStageScaleUp: 'scales the stage colour of a Kubernetes blue-green deployment back up',
  K8sProgressiveCanaryRollback: 'rolls back a progressive Kubernetes canary',
  EcsUpgradeContainer: 'upgrades the containers of an ECS service',
  EcsBasicRollback: 'rolls back a basic ECS deployment',
  AsgSteadyState: 'waits for an Auto Scaling group to reach steady state',
  AsgPhasedDeploy: 'deploys an Auto Scaling group in phases',
  AsgSetup: 'creates the Auto Scaling group of a phased deployment',
  ElastigroupBGStageSetup: 'creates the stage Elastigroup of a blue-green deployment',
  AwsSamRollback: 'rolls back an AWS SAM deployment',
  AwsLambdaCanaryDeploy: 'deploys an AWS Lambda version with a canary traffic split',
  AwsLambdaCanaryRollback: 'rolls back an AWS Lambda canary',
  TanzuCommand: 'runs cf CLI commands against Tanzu Application Service',
  DeployCloudFunctionGenOne: 'deploys a Google Cloud Function (1st gen)',
  RollbackCloudFunctionGenOne: 'rolls back a Google Cloud Function (1st gen)',
  GoogleCloudRunPrepareRollbackData: 'records the Cloud Run revision to roll back to',
  GoogleCloudRunRollback: 'rolls a Cloud Run service back',
  GCEProvisionBackendService: 'provisions a Google Compute Engine backend service',
  AzureFunctionDeploy: 'deploys an Azure Function app',
  AzureFunctionRollback: 'rolls an Azure Function app back',
  AzureContainerAppsDeploy: 'deploys an Azure Container App revision',
  AzureContainerAppsPrepareRollbackData: 'records the Container App revision to roll back to',
  AzureContainerAppsTrafficShift: 'shifts traffic between Azure Container App revisions',
  AzureContainerAppsRollback: 'rolls an Azure Container App back',
  DeployGoogleAgentRuntimeRevision: 'deploys a revision of a Google agent runtime',
  ShiftGoogleAgentRuntimeTraffic: 'shifts traffic between Google agent runtime revisions',
  RollbackGoogleAgentRuntimeRevision: 'rolls a Google agent runtime back',
  DeployAwsAgentCoreRevision: 'deploys a revision of an AWS Bedrock AgentCore runtime',
  ShiftAwsAgentCoreTraffic: 'shifts traffic between AgentCore runtime revisions',
  RollbackAwsAgentCoreRevision: 'rolls an AgentCore runtime back',
  DownloadAwsS3: 'downloads files from Amazon S3 into the workspace of the stage',
  DownloadGcs: 'downloads files from Google Cloud Storage into the workspace of the stage',
  DownloadHarnessStore: 'downloads files from the Harness file store into the workspace of the stage',
  SalesforceDeploy: 'deploys Salesforce metadata',
  SalesforceValidate: 'validates a Salesforce deployment without saving it',
  SalesforceQuickDeploy: 'deploys a validated Salesforce deployment',
  SalesforceRollback: 'rolls a Salesforce deployment back',
  SalesforceApexTest: 'runs Salesforce Apex tests',
  SalesforceSourceBackup: 'backs up the Salesforce source before a deployment',
  SalesforceCreateScratchOrg: 'creates a Salesforce scratch org',
  SalesforceDeleteScratchOrg: 'deletes a Salesforce scratch org',
  SalesforceDownloadDeployables: 'downloads the deployable Salesforce metadata',
  SalesforceDownloadOrg: 'downloads the metadata of a Salesforce org',
  SalesforceEvaluateDiff: 'compares Salesforce metadata with an org',
};
stepFamily(d, 'DeploymentSteps', cdSteps, 'A deployment step of a Deployment stage.', {
  ...containerFields(),
  envVariables: envMap(),
  ...delegates,
});

const idp: Record<string, string> = {
  CookieCutter: 'renders a Cookiecutter template',
  CreateRepo: 'creates a Git repository',
  DirectPush: 'pushes generated code to a repository',
  RegisterCatalog: 'registers a catalog-info.yaml in the software catalog',
  CreateCatalog: 'writes a catalog-info.yaml',
  CreateOrganization: 'creates a Harness organization',
  CreateProject: 'creates a Harness project',
  CreateResource: 'creates Harness resources from YAML',
  UpdateCatalogProperty: 'updates properties of software catalog entities',
};
stepFamily(d, 'IdpSteps', idp, 'An Internal Developer Portal workflow step.', {
  connectorRef: connectorRef('the Git provider'),
  ...delegates,
});

const containerSteps: Record<string, string> = {
  SscaOrchestration: 'generates an SBOM for an artifact',
  SscaEnforcement: 'enforces SBOM policies on an artifact',
  SscaArtifactVerification: 'verifies the signature of an artifact',
  SscaArtifactSigning: 'signs an artifact',
  SscaAibomOrchestration: 'generates an AI bill of materials',
  SscaCompliance: 'checks repositories and pipelines against supply-chain compliance rules',
  SscaPrAttestation: 'attests a pull request',
  SscaJunitAttestation: 'attests JUnit test results',
  CdSscaOrchestration: 'generates an SBOM in a Deployment stage',
  CdSscaEnforcement: 'enforces SBOM policies in a Deployment stage',
  SlsaVerification: 'verifies the SLSA provenance of an artifact',
  EnforceAttestation: 'enforces attestation policies',
  DeployAttestation: 'records a deployment attestation',
  provenance: 'generates SLSA provenance for built images',
  DBSchemaApply: 'applies a database schema changelog',
  DBSchemaRollback: 'rolls a database schema back',
  DBSchemaUpdateSQL: 'renders the SQL a schema change would run',
  DBSchemaRollbackSQL: 'renders the SQL a schema rollback would run',
  DBTestAndPreview: 'tests and previews database schema changes',
  LiquibaseCommand: 'runs a Liquibase command',
  FlywayCommand: 'runs a Flyway command',
  AwsCdkBootstrap: 'bootstraps an AWS CDK environment',
  AwsCdkSynth: 'synthesizes an AWS CDK app',
  AwsCdkDiff: 'diffs an AWS CDK app against the deployed stack',
  AwsCdkRollback: 'rolls back an AWS CDK deployment',
  IACMAwsCdkPlugin: 'runs AWS CDK in an IaCM stage',
  IACMAnsiblePlugin: 'runs Ansible in an IaCM stage',
  IACMTFSec: 'scans the workspace with tfsec',
  IACMTFLint: 'lints the workspace with TFLint',
  IACMTFCompliance: 'checks the plan against compliance rules',
  IACMModuleTestPlugin: 'tests a Terraform module',
  IACMBlastRadiusAgent: 'estimates the blast radius of a change',
  IACMRemediationAgent: 'proposes fixes for drift and failures',
  HsaRepoScan: 'scans a repository for secrets and misconfigurations',
  FilesUpload: 'uploads files as pipeline artifacts',
  RestoreCacheAzure: 'restores a cache from Azure Blob Storage',
  SaveCacheAzure: 'saves a cache to Azure Blob Storage',
};
stepFamily(d, 'ContainerSteps', containerSteps, 'A step that runs in a container of the stage.', {
  ...containerFields(),
  envVariables: envMap(),
  settings: anyValue('Settings passed to the step.'),
  ...delegates,
});

const platform: Record<string, string> = {
  Agent: 'runs a Harness AI agent',
  AiEval: 'evaluates an AI model or agent',
  AiTestAutomation: 'runs AI-driven tests',
  AIExperiment: 'runs an AI experiment',
  OpenAi: 'calls an OpenAI model',
  MythosAgent: 'runs a Mythos agent',
  LoadTest: 'runs a load test',
  ChaosProbe: 'runs a chaos probe',
  ChaosAction: 'runs a chaos action',
  ChaosFault: 'injects a chaos fault',
  EventListener: 'waits for an external event',
  RONotify: 'notifies a release orchestration process',
  ChangeAdvisor: 'asks the change advisor for a decision',
  FmeFlagCreate: 'creates a feature flag (Harness FME)',
  FmeFlagUpdate: 'updates a feature flag',
  FmeFlagDelete: 'deletes a feature flag',
  FmeFlagArchive: 'archives a feature flag',
  FmeFlagRestore: 'restores an archived feature flag',
  FmeFlagKill: 'kills a feature flag',
  FmeFlagLimitExposure: 'limits the exposure of a feature flag',
  FmeFlagDefaultAllocation: 'sets the default allocation of a feature flag',
  FmeFlagReallocateTraffic: 'reallocates the traffic of a feature flag',
  FmeFlagSetTreatments: 'sets the treatments of a feature flag',
  FmeFlagSetTargetingRules: 'sets the targeting rules of a feature flag',
  FmeFlagSetIndividualTargets: 'sets the individual targets of a feature flag',
  FmeFlagAddRemoveIndividualTargets: 'adds or removes individual targets of a feature flag',
  FmeFlagSetDynamicConfigurations: 'sets the dynamic configurations of a feature flag',
  FmeFlagSetImpressionTracking: 'turns impression tracking of a feature flag on or off',
  FmeFlagPatchDefinition: 'patches the definition of a feature flag',
  FmeFlagDefinitionInstructions: 'applies instructions to a feature flag definition',
  FmeFlagAddRemoveFlagsets: 'adds or removes a feature flag from flag sets',
  FmeFlagsetCreate: 'creates a flag set',
  FmeFlagsetDelete: 'deletes a flag set',
  FmeSegmentCreate: 'creates a segment',
  FmeSegmentUpdate: 'updates a segment',
  FmeSegmentDelete: 'deletes a segment',
  FmeSegmentAddRemoveTargets: 'adds or removes targets of a segment',
  FmeSegmentSetTargetingRules: 'sets the targeting rules of a segment',
  FmeMetricCheck: 'checks a metric of a feature flag experiment',
};
stepFamily(d, 'PlatformSteps', platform, 'A step of a Harness module (AI, chaos, feature management …).', {
  connectorRef: connectorRef('the service this step calls'),
  ...delegates,
});
