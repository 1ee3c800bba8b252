// More deployment-platform step types (CloudFormation, Azure Web Apps, Tanzu, AWS ASG, ECS and
// Lambda traffic, AWS CDK, Elastigroup, Terraform Cloud, IACM plugins) and a few steps of other
// modules (IDP actions, AI verification). Their specs list the common keys but stay open: the
// bundled schema knows these steps without claiming to know every option.
import { anyValue, bool, int, list, oneOfValues, str, strList } from '../build';
import { containerResources } from '../common';
import type { Definitions, JsonSchema } from '../types';
import { step, stepDelegates, uiMetadata } from './node';

export const platformStepDefinitions: Definitions = {};
const d = platformStepDefinitions;
const provisioner = (): JsonSchema =>
  str('Links the steps that create and roll back one stack or provisioner.');

step(
  d,
  'CreateStack',
  'Creates or updates an AWS CloudFormation stack.',
  {
    provisionerIdentifier: provisioner(),
    configuration: anyValue(
      'Stack name, template (inline, remote or S3 URL), parameters, capabilities, region and AWS connector.',
    ),
    metadata: uiMetadata(),
    ...stepDelegates(),
  },
  { required: ['provisionerIdentifier', 'configuration'] },
);
step(
  d,
  'DeleteStack',
  'Deletes an AWS CloudFormation stack.',
  {
    configuration: anyValue('Which stack: by provisioner identifier (Inherited) or by name (Inline).'),
    metadata: uiMetadata(),
    ...stepDelegates(),
  },
  { required: ['configuration'] },
);
step(
  d,
  'RollbackStack',
  'Rolls a CloudFormation stack back to its state before the last CreateStack.',
  {
    configuration: anyValue('The provisioner identifier of the stack.'),
    metadata: uiMetadata(),
    ...stepDelegates(),
  },
  { required: ['configuration'] },
);
step(
  d,
  'TerraformCloudRun',
  'Starts a run in Terraform Cloud / Enterprise.',
  {
    runType: oneOfValues('Kind of run.', [
      'RefreshState',
      'PlanOnly',
      'PlanAndApply',
      'PlanAndDestroy',
      'Plan',
      'Apply',
    ]),
    runMessage: str('Message attached to the run.'),
    spec: anyValue('Connector, organization, workspace, variables and targets of the run.'),
    ...stepDelegates(),
  },
  { required: ['runType', 'spec'] },
);
step(
  d,
  'TerraformCloudRollback',
  'Rolls back a Terraform Cloud workspace to the state before the last run.',
  {
    provisionerIdentifier: provisioner(),
    discardPendingRuns: bool('Discard runs waiting in the workspace.'),
    overridePolicies: bool('Override soft policy failures.'),
    runMessage: str('Message attached to the rollback run.'),
    ...stepDelegates(),
  },
);
step(d, 'AzureCreateARMResource', 'Creates Azure resources from an ARM template.', {
  provisionerIdentifier: provisioner(),
  configuration: anyValue('Connector, scope, template file and parameters.'),
  ...stepDelegates(),
});
step(d, 'AzureARMRollback', 'Rolls back resources created from an ARM template.', {
  provisionerIdentifier: provisioner(),
  ...stepDelegates(),
});
step(d, 'AzureCreateBPResource', 'Creates Azure resources from a Blueprint.', {
  provisionerIdentifier: provisioner(),
  configuration: anyValue('Connector, assignment name, scope and template file.'),
  ...stepDelegates(),
});

step(
  d,
  'AzureSlotDeployment',
  'Deploys to a deployment slot of an Azure Web App.',
  {
    webApp: str('Web App name.'),
    deploymentSlot: str('Slot to deploy to, e.g. staging.'),
    clean: bool('Remove files from the slot before deploying.'),
    skipSteadyStateCheck: bool('Do not wait for the slot to become ready.'),
    ...stepDelegates(),
  },
  { required: ['webApp', 'deploymentSlot'] },
);
step(
  d,
  'AzureTrafficShift',
  'Routes a percentage of Web App traffic to the deployment slot.',
  {
    traffic: { type: ['number', 'string'], description: 'Percentage of traffic for the slot.' },
    ...stepDelegates(),
  },
  { required: ['traffic'] },
);
step(
  d,
  'AzureSwapSlot',
  'Swaps the deployment slot with the target (production) slot.',
  {
    targetSlot: str('Slot to swap with, usually production.'),
    ...stepDelegates(),
  },
  { required: ['targetSlot'] },
);
step(d, 'AzureWebAppRollback', 'Rolls an Azure Web App slot back.', { ...stepDelegates() });

step(d, 'TasRollingDeploy', 'Rolling deployment of a Tanzu Application Service app.', {
  additionalRoutes: strList('Extra routes mapped to the app.', 'A route.'),
  ...stepDelegates(),
});
step(d, 'TasRollingRollback', 'Rolls back a Tanzu rolling deployment.', { ...stepDelegates() });
step(d, 'BasicAppSetup', 'Prepares a Tanzu app for a basic deployment.', {
  tasInstanceCountType: str('FromManifest or MatchRunningInstances.'),
  existingVersionToKeep: int('Older versions to keep.', 0),
  additionalRoutes: strList('Extra routes.', 'A route.'),
  ...stepDelegates(),
});
step(d, 'BGAppSetup', 'Prepares a Tanzu app for a blue-green deployment.', {
  tasInstanceCountType: str('FromManifest or MatchRunningInstances.'),
  existingVersionToKeep: int('Older versions to keep.', 0),
  additionalRoutes: strList('Extra routes.', 'A route.'),
  tempRoutes: strList('Temporary routes of the new version.', 'A route.'),
  ...stepDelegates(),
});
step(d, 'CanaryAppSetup', 'Prepares a Tanzu app for a canary deployment.', {
  tasInstanceCountType: str('FromManifest or MatchRunningInstances.'),
  resizeStrategy: str('Downscale old first or upscale new first.'),
  additionalRoutes: strList('Extra routes.', 'A route.'),
  ...stepDelegates(),
});
step(d, 'AppResize', 'Resizes the new and old Tanzu app versions.', {
  newAppInstances: anyValue('Instances of the new version (type and value).'),
  oldAppInstances: anyValue('Instances of the old version.'),
  ...stepDelegates(),
});
step(d, 'AppRollback', 'Rolls back a Tanzu deployment.', { ...stepDelegates() });
step(d, 'SwapRollback', 'Undoes the route swap of a Tanzu blue-green deployment.', {
  upsizeInActiveApp: bool('Scale the previously active app back up.'),
  ...stepDelegates(),
});
step(d, 'RouteMapping', 'Maps or unmaps routes of a Tanzu app.', {
  appName: str('App name.'),
  routes: strList('Routes.', 'A route.'),
  routeType: str('Map or UnMap.'),
  ...stepDelegates(),
});

const asgCommon = (): Record<string, JsonSchema> => ({
  asgName: str('Auto Scaling group name.'),
  instances: anyValue('Instance counts (from the launch template or fixed min/desired/max).'),
  useAlreadyRunningInstances: bool('Keep the capacity of the running group.'),
  ...stepDelegates(),
});
step(d, 'AsgRollingDeploy', 'Rolling deployment of an AWS Auto Scaling group.', {
  ...asgCommon(),
  minimumHealthyPercentage: int('Minimum healthy instances during the refresh, in percent.', 0),
  maximumHealthyPercentage: int('Maximum healthy instances during the refresh, in percent.', 0),
  instanceWarmup: int('Seconds a new instance needs before it counts as healthy.', 0),
  skipMatching: bool('Replace instances even when they already match.'),
});
step(d, 'AsgRollingRollback', 'Rolls back an Auto Scaling group rolling deployment.', { ...stepDelegates() });
step(d, 'AsgCanaryDeploy', 'Creates a canary Auto Scaling group.', asgCommon());
step(d, 'AsgCanaryDelete', 'Deletes the canary Auto Scaling group.', { ...stepDelegates() });
step(d, 'AsgBlueGreenDeploy', 'Creates the new Auto Scaling group of a blue-green deployment.', {
  ...asgCommon(),
  loadBalancers: list(
    'Load balancers and listeners used for the swap.',
    anyValue('One load balancer with its prod and stage listeners.'),
  ),
});
step(d, 'AsgBlueGreenSwapService', 'Swaps traffic between the Auto Scaling groups.', {
  downsizeOldAsg: bool('Scale the old group down after the swap.'),
  ...stepDelegates(),
});
step(d, 'AsgBlueGreenRollback', 'Rolls back an Auto Scaling group blue-green deployment.', {
  ...stepDelegates(),
});
step(d, 'AsgRollback', 'Rolls back an Auto Scaling group deployment.', { ...stepDelegates() });
step(d, 'AsgScale', 'Changes the instance count of an Auto Scaling group.', {
  asgName: str('Auto Scaling group name.'),
  instanceSelection: anyValue('The new size: a count or a percentage of the instances.'),
  ...stepDelegates(),
});

step(d, 'ElastigroupSetup', 'Creates a new Spot Elastigroup.', {
  name: str('Elastigroup name.'),
  instances: anyValue('Instance counts.'),
  ...stepDelegates(),
});
step(d, 'ElastigroupDeploy', 'Scales the new and old Spot Elastigroups.', {
  newService: anyValue('Size of the new group.'),
  oldService: anyValue('Size of the old group.'),
  ...stepDelegates(),
});
step(d, 'ElastigroupRollback', 'Rolls back a Spot Elastigroup deployment.', { ...stepDelegates() });

step(d, 'AwsLambdaTrafficShift', 'Shifts a percentage of Lambda alias traffic to the new version.', {
  trafficPercentage: { type: ['number', 'string'], description: 'Percentage for the new version.' },
  ...stepDelegates(),
});
step(d, 'EcsServiceSetup', 'Creates the new ECS service of a basic deployment.', {
  resizeStrategy: str('Resize new first or downsize old first.'),
  sameAsAlreadyRunningInstances: bool('Keep the number of tasks currently running.'),
  ...stepDelegates(),
});
step(d, 'EcsScale', 'Changes the number of running tasks of an Amazon ECS service.', {
  service: str('ECS service name.'),
  instances: { type: ['integer', 'string'], description: 'The new size, read in instanceUnit.' },
  instanceUnit: str('Whether instances is a count or a percentage.'),
  ...stepDelegates(),
});

const awsCdk = (type: string, what: string): void =>
  step(
    d,
    type,
    what,
    {
      provisionerIdentifier: provisioner(),
      connectorRef: str('Connector of the registry the CDK image is pulled from.'),
      image: str('Container image with the AWS CDK and the app.'),
      appPath: str('Directory of the CDK app.'),
      stackNames: strList('Stacks to act on; all stacks when empty.', 'A stack name.'),
      ...stepDelegates(),
    },
    { sharedSpec: 'AwsCdkSpec' },
  );
awsCdk('AwsCdkDeploy', 'Deploys AWS CDK stacks (cdk deploy) from a container image.');
awsCdk('AwsCdkDestroy', 'Destroys AWS CDK stacks (cdk destroy) from a container image.');

step(d, 'IdpAction', 'Runs an Internal Developer Portal workflow action with the given inputs.', {
  actionRef: str('The action to run.'),
  inputs: anyValue('Inputs of the action.'),
});

step(d, 'AiVerify', 'AI-assisted verification: runs a command in a container image and reports on it.', {
  command: str('Command to run.'),
  image: str('Container image the step runs in.'),
});
step(
  d,
  'AIVerifyNG',
  'AI-assisted deployment verification: analyses the health sources of the deployed service.',
  {
    healthSources: anyValue('Metrics and logs sources to analyse.'),
    dataCollectionWindow: str('How long data is collected for the analysis.'),
    ...stepDelegates(),
  },
);

const iacmPlugin = (type: string, what: string): void =>
  step(
    d,
    type,
    what,
    {
      command: str('Command to run, e.g. init, plan, apply, destroy, detect-drift.'),
      commandMode: str('How the command runs.'),
      image: str('Plugin image override.'),
      resources: containerResources(),
      target: strList('Resources to target.', 'A resource address.'),
      replace: strList('Resources to replace.', 'A resource address.'),
      import: list('Resources to import.', anyValue('Address and id of one resource.')),
    },
    { required: ['command'] },
  );
iacmPlugin('IACMTerraformPlugin', 'Runs a Terraform command against the stage IACM workspace.');
iacmPlugin('IACMOpenTofuPlugin', 'Runs an OpenTofu command against the stage IACM workspace.');
iacmPlugin('IACMTerragruntPlugin', 'Runs a Terragrunt command against the stage IACM workspace.');
step(d, 'IACMApproval', 'Waits for a person to approve the infrastructure plan.', {
  image: str('Plugin image override.'),
  resources: containerResources(),
  autoApprove: bool('Approve automatically when the plan has no changes.'),
});
step(d, 'IACMCheckov', 'Scans the workspace code with Checkov.', {
  image: str('Plugin image override.'),
  resources: containerResources(),
});
