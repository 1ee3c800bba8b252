// The Deployment (CD) stage: which service goes to which environment and infrastructure, in
// both the current (service/environment) and the older (serviceConfig/infrastructure) shapes.
import { anyValue, bool, list, obj, oneOfValues, ref, str } from '../build';
import { failureStrategies, variables } from '../common';
import { parallelFlag, useFromStage } from '../execution';
import type { Definitions, JsonSchema } from '../types';
import { stage } from './node';

export const deploymentTypes = [
  'Kubernetes',
  'NativeHelm',
  'Ssh',
  'WinRm',
  'ServerlessAwsLambda',
  'AzureWebApp',
  'AzureFunction',
  'CustomDeployment',
  'ECS',
  'Elastigroup',
  'TAS',
  'Asg',
  'GoogleCloudFunctions',
  'AwsLambda',
  'AWS_SAM',
  'GoogleCloudRun',
  'AzureContainerApps',
  'Salesforce',
  'GoogleManagedInstanceGroup',
  'AiAgent',
];

const entityRef = (what: string): JsonSchema =>
  str(`Identifier of the ${what}; prefix with org. or account. for ${what}s at those scopes, or <+input>.`);

const filters = (): JsonSchema =>
  list(
    'Select targets by tags instead of naming them.',
    anyValue('One filter: identifier, type (tags or all), entities and spec.'),
  );

export const deploymentDefinitions: Definitions = {
  ServiceUse: obj(
    'The service deployed by this stage.',
    {
      serviceRef: entityRef('service'),
      serviceInputs: anyValue(
        'Runtime inputs of the service (artifact tag, manifests …) in the shape of the service definition.',
      ),
      useFromStage: useFromStage('service'),
      gitBranch: str('Branch to read a Git-stored service from.'),
      disableArtifactValidation: bool('Do not check that the chosen artifact exists.'),
      failureStrategies: failureStrategies('service'),
    },
    { closed: true },
  ),
  EnvironmentUse: obj(
    'The environment deployed to and its infrastructure.',
    {
      environmentRef: entityRef('environment'),
      deployToAll: bool('Deploy to every infrastructure (or GitOps cluster) of the environment.'),
      infrastructureDefinitions: list(
        'Infrastructures to deploy to.',
        obj(
          'One infrastructure definition.',
          {
            identifier: str('Infrastructure definition identifier.'),
            inputs: anyValue('Runtime inputs of the infrastructure definition.'),
            metadata: str('Internal metadata kept by the Harness UI.'),
          },
          { required: ['identifier'], closed: true },
        ),
      ),
      infrastructureDefinition: obj(
        'The single infrastructure to deploy to.',
        {
          identifier: str('Infrastructure definition identifier.'),
          inputs: anyValue('Runtime inputs of the infrastructure.'),
          metadata: str('Internal metadata kept by the Harness UI.'),
        },
        { required: ['identifier'], closed: true },
      ),
      gitOpsClusters: list(
        'GitOps clusters to deploy to (GitOps stages).',
        obj(
          'One cluster.',
          {
            identifier: str('Cluster identifier.'),
            agentIdentifier: str('GitOps agent of the cluster.'),
            metadata: str('Internal metadata kept by the Harness UI.'),
          },
          { required: ['identifier'] },
        ),
      ),
      environmentInputs: anyValue('Runtime inputs of the environment.'),
      serviceOverrideInputs: anyValue('Runtime inputs of the service overrides of this environment.'),
      servicesOverrides: list(
        'Per-service override inputs (multi-service stages).',
        anyValue('Service reference and its override inputs.'),
      ),
      provisioner: ref(
        'Execution',
        'Steps that provision the infrastructure before deploying (Terraform, CloudFormation …).',
      ),
      gitBranch: str('Branch to read a Git-stored environment from.'),
      useFromStage: useFromStage('environment'),
      filters: filters(),
      failureStrategies: failureStrategies('environment'),
    },
    { closed: true },
  ),
};

const multiEnvironments = (): JsonSchema =>
  obj('Deploy to several environments.', {
    values: list('The environments.', ref('EnvironmentUse', 'One environment and its infrastructures.')),
    metadata: parallelFlag(),
    filters: filters(),
    failureStrategies: failureStrategies('environments'),
  });

export const deploymentStageDefinitions: Definitions = {};
stage(
  deploymentStageDefinitions,
  'Deployment',
  'Deploys a service to an environment (continuous delivery).',
  {
    deploymentType: oneOfValues(
      'Kind of deployment; it decides which service definition and steps apply.',
      deploymentTypes,
    ),
    service: ref('ServiceUse', 'The service to deploy.'),
    services: obj('Deploy several services in one stage.', {
      values: list('The services.', ref('ServiceUse', 'One service.')),
      metadata: parallelFlag(),
      useFromStage: useFromStage('services'),
      failureStrategies: failureStrategies('services'),
    }),
    environment: ref('EnvironmentUse', 'The environment and infrastructure to deploy to.'),
    environments: multiEnvironments(),
    environmentGroup: obj(
      'Deploy to environments of an environment group.',
      {
        envGroupRef: entityRef('environment group'),
        deployToAll: bool('Deploy to every environment of the group.'),
        environments: list(
          'Environments of the group to deploy to.',
          ref('EnvironmentUse', 'One environment.'),
        ),
        metadata: parallelFlag(),
        filters: filters(),
        failureStrategies: failureStrategies('environment group'),
      },
      { required: ['envGroupRef'] },
    ),
    serviceConfig: obj('Older inline service block (before services became separate entities).', {
      serviceRef: entityRef('service'),
      service: anyValue('Inline service: name, identifier, description, tags.'),
      serviceDefinition: obj(
        'Inline service definition: deployment type with manifests, artifacts and variables.',
        {
          type: oneOfValues('Deployment type of the service.', deploymentTypes),
          spec: obj('Manifests, artifacts and variables.', {
            manifests: list(
              'Manifests (Kubernetes YAML, Helm charts, values files …).',
              anyValue('One manifest: identifier, type and store.'),
            ),
            artifacts: anyValue('Primary and sidecar artifacts.'),
            variables: variables('service'),
            manifestOverrideSets: list('Named manifest override sets.', anyValue('One override set.')),
            artifactOverrideSets: list('Named artifact override sets.', anyValue('One override set.')),
            variableOverrideSets: list('Named variable override sets.', anyValue('One override set.')),
            configFiles: list('Config files shipped with the service.', anyValue('One config file.')),
          }),
        },
        { required: ['type', 'spec'] },
      ),
      stageOverrides: anyValue('Overrides of artifacts, manifests and variables for this stage.'),
      useFromStage: useFromStage('service'),
    }),
    infrastructure: obj('Older infrastructure block: environment plus infrastructure definition.', {
      environmentRef: entityRef('environment'),
      environment: anyValue('Inline environment: name, identifier, type (Production or PreProduction).'),
      infrastructureDefinition: obj(
        'Inline infrastructure definition.',
        {
          type: str('Infrastructure kind, e.g. KubernetesDirect, KubernetesGcp, Pdc, ECS.'),
          spec: anyValue(
            'Settings of the infrastructure: connectorRef, namespace, releaseName, cluster, region …',
          ),
          provisioner: ref('Execution', 'Steps that provision the infrastructure first.'),
        },
        { required: ['type', 'spec'] },
      ),
      allowSimultaneousDeployments: bool('Allow deployments to the same infrastructure at the same time.'),
      infrastructureKey: str('Key that identifies the infrastructure for locking and instance tracking.'),
      useFromStage: anyValue('Reuse the infrastructure of an earlier stage (stage and optional overrides).'),
    }),
    execution: ref('Execution', 'Deployment steps and the rollback steps that undo them.'),
    gitOpsEnabled: bool('Deploy with GitOps (Argo CD) instead of directly.'),
    customDeploymentRef: obj(
      'Deployment template used by a CustomDeployment stage.',
      { templateRef: str('Deployment template identifier.'), versionLabel: str('Template version.') },
      { required: ['templateRef'] },
    ),
    deploymentMetadata: anyValue('Extra metadata about the deployment.'),
    multiDeploymentConfig: anyValue('Settings for deploying many services or environments.'),
  },
  {
    required: ['execution'],
    node: {
      skipInstances: bool('Deploy even to instances that already run this artifact version.'),
    },
  },
);
