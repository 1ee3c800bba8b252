// The `infrastructureDefinition` root: a Harness infrastructure definition as users keep it in
// Git (v0 YAML). Facts from harness/mcp-server src/data/schemas/entities/infrastructure.project.ts
// (generated from harness-core: InfrastructureDefinitionConfig and its specs) and
// harness/harness-schema v0/pipeline/stages/cd/*-infrastructure.yaml; written in our words.
import {
  anyValue,
  bool,
  list,
  obj,
  oneOfValues,
  ref,
  shared,
  sharedFields,
  str,
  strList,
  strMap,
  typeConst,
  union,
} from '../build';
import { description, identifier, name, tags } from '../common';
import { deploymentTypes } from '../stages/deployment';
import { stepDelegates, uiMetadata } from '../steps/node';
import type { Definitions, JsonSchema } from '../types';
import { storeFile, typeFamily } from './service';

export const infrastructureDefinitions: Definitions = {};
const d = infrastructureDefinitions;

const f = sharedFields('InfraField', {
  connectorRef: str('Connector to the cluster or cloud account (prefix org. or account. for other scopes).'),
  namespace: str('Kubernetes namespace to deploy to.'),
  releaseName: str('Release name Harness tracks the deployment by, e.g. release-<+INFRA_KEY_SHORT_ID>.'),
  cluster: str('Cluster name.'),
  region: str('Cloud region, e.g. us-east-1.'),
  project: str('Google Cloud project.'),
  subscriptionId: str('Azure subscription.'),
  resourceGroup: str('Azure resource group.'),
  credentialsRef: str('SSH key or WinRM credentials secret used to log in to the hosts.'),
  provisioner: str(
    'Identifier of the provisioner step whose outputs fill this spec (dynamic provisioning), or <+input>.',
  ),
  targetedHosts: strList('Hosts to deploy to among those found; usually <+input>.', 'A host.'),
});
const meta = (): JsonSchema => uiMetadata();

/** Fields of every infrastructure spec (each branch lists them, closed, in the order shown). */
const base = { connectorRef: f.connectorRef, provisioner: f.provisioner, metadata: meta() };
const k8s = { ...base, namespace: f.namespace, releaseName: f.releaseName };
const hostConnectionType = (values: string[]): JsonSchema =>
  oneOfValues('Address used to reach the hosts.', values);

// type → [summary, spec keys, required spec keys]; families share one definition.
const specs: Record<string, [string, string[], Record<string, JsonSchema>, string[]]> = {
  KubernetesDirect: [
    'A Kubernetes cluster reached through a Kubernetes cluster connector.',
    ['KubernetesDirect'],
    k8s,
    ['connectorRef', 'namespace', 'releaseName'],
  ],
  KubernetesGcp: [
    'A GKE cluster reached through a GCP connector.',
    ['KubernetesGcp'],
    { ...k8s, cluster: f.cluster, project: f.project },
    ['connectorRef', 'cluster', 'namespace', 'releaseName'],
  ],
  KubernetesAzure: [
    'An AKS cluster reached through an Azure connector.',
    ['KubernetesAzure'],
    {
      ...k8s,
      subscriptionId: f.subscriptionId,
      resourceGroup: f.resourceGroup,
      cluster: f.cluster,
      useClusterAdminCredentials: bool('Log in with the cluster admin credentials.'),
    },
    ['connectorRef', 'subscriptionId', 'resourceGroup', 'cluster', 'namespace', 'releaseName'],
  ],
  KubernetesAws: [
    'An EKS cluster reached through an AWS connector.',
    ['KubernetesAws'],
    {
      ...k8s,
      cluster: f.cluster,
      region: f.region,
      endpoint: str('Cluster API endpoint, when not discovered.'),
      caCertData: str('Cluster CA certificate, when not discovered.'),
    },
    ['connectorRef', 'cluster', 'namespace', 'releaseName'],
  ],
  KubernetesRancher: [
    'A cluster managed by Rancher, reached through a Rancher connector.',
    ['KubernetesRancher'],
    { ...k8s, cluster: f.cluster },
    ['connectorRef', 'cluster', 'namespace', 'releaseName'],
  ],
  // harness-core PdcInfrastructure: four shapes (hosts, hostArrayPath, connectorRef, hostGroups),
  // each closed; one closed spec here with the union of their keys.
  Pdc: [
    'Physical or pre-existing hosts (physical data center), for SSH and WinRM deployments.',
    ['Pdc'],
    {
      credentialsRef: f.credentialsRef,
      hosts: strList('Host names or addresses.', 'A host.'),
      connectorRef: str('Physical data center connector that lists the hosts, instead of hosts.'),
      hostFilter: ref('InfraHostFilter', 'Which of the hosts to deploy to.'),
      hostArrayPath: str('Path of the host list in the provisioner output (dynamic provisioning).'),
      hostAttributes: strMap('Host attributes to read from each provisioned host, as name: path.'),
      hostGroups: list(
        'Groups of hosts, each with its own credentials.',
        obj(
          'One group.',
          {
            identifier: str('Identifier of the group.'),
            name: str('Name of the group.'),
            credentialsRef: f.credentialsRef,
            hosts: strList('Hosts of the group.', 'A host.'),
            connectorRef: str('Physical data center connector of the group.'),
            hostFilter: ref('InfraHostFilter', 'Which hosts of the group to deploy to.'),
          },
          { required: ['credentialsRef'], closed: true },
        ),
      ),
      ...stepDelegates(),
      provisioner: f.provisioner,
    },
    [],
  ],
  SshWinRmAws: [
    'EC2 instances found through an AWS connector, for SSH and WinRM deployments.',
    ['SshWinRmAws'],
    {
      ...base,
      credentialsRef: f.credentialsRef,
      region: f.region,
      hostConnectionType: hostConnectionType(['PublicIP', 'PrivateIP']),
      awsInstanceFilter: obj(
        'Which instances to deploy to.',
        {
          tags: strMap('Instance tags to match.'),
          vpcs: strList('VPC IDs to match.', 'A VPC ID.'),
        },
        { closed: true },
      ),
      asgName: str('Auto Scaling Group whose instances are the targets.'),
      targetedHosts: f.targetedHosts,
    },
    ['connectorRef', 'credentialsRef', 'hostConnectionType', 'region'],
  ],
  SshWinRmAzure: [
    'Azure virtual machines found through an Azure connector, for SSH and WinRM deployments.',
    ['SshWinRmAzure'],
    {
      ...base,
      credentialsRef: f.credentialsRef,
      subscriptionId: f.subscriptionId,
      resourceGroup: f.resourceGroup,
      hostConnectionType: hostConnectionType(['Hostname', 'PrivateIP', 'PublicIP']),
      tags: strMap('VM tags to match.'),
      targetedHosts: f.targetedHosts,
    },
    ['connectorRef', 'credentialsRef', 'hostConnectionType', 'resourceGroup', 'subscriptionId'],
  ],
  // harness-schema ssh-gcp-infrastructure.yaml only (not in the mcp-server entity schema).
  SshGcp: [
    'Google Compute Engine VMs reached with OS Login, for SSH deployments.',
    ['SshGcp'],
    {
      ...base,
      project: f.project,
      zone: str('Zone of the VMs.'),
      hostConnectionType: hostConnectionType(['PublicIP', 'PrivateIP']),
      sshMode: oneOfValues('How Harness logs in.', ['OSLogin']),
      gcpInstanceFilter: obj(
        'Which VMs to deploy to.',
        { labels: strMap('VM labels to match.') },
        { closed: true },
      ),
    },
    ['connectorRef', 'hostConnectionType', 'project', 'sshMode'],
  ],
  ServerlessAwsLambda: [
    'An AWS account and stage for Serverless Framework deployments.',
    ['ServerlessAwsLambda'],
    { ...base, region: f.region, stage: str('Serverless stage, e.g. dev.') },
    ['connectorRef', 'region', 'stage'],
  ],
  AwsRegion: [
    'An AWS account and region (AWS Lambda, AWS SAM).',
    ['AwsLambda', 'AWS_SAM'],
    { ...base, region: f.region },
    ['connectorRef', 'region'],
  ],
  Asg: [
    'An AWS account and region for Auto Scaling Group deployments.',
    ['Asg'],
    { ...base, region: f.region, baseAsgName: str('Existing Auto Scaling Group used as the base.') },
    ['connectorRef', 'region'],
  ],
  AzureApp: [
    'An Azure subscription and resource group (Web Apps, Functions).',
    ['AzureWebApp', 'AzureFunction'],
    { ...base, subscriptionId: f.subscriptionId, resourceGroup: f.resourceGroup },
    ['connectorRef', 'subscriptionId', 'resourceGroup'],
  ],
  AzureContainerApps: [
    'An Azure Container Apps environment.',
    ['AzureContainerApps'],
    {
      ...base,
      subscriptionId: f.subscriptionId,
      resourceGroup: f.resourceGroup,
      managedEnvironment: str('Container Apps managed environment.'),
    },
    ['connectorRef', 'subscriptionId', 'resourceGroup', 'managedEnvironment'],
  ],
  ECS: [
    'An Amazon ECS cluster.',
    ['ECS'],
    { ...base, region: f.region, cluster: f.cluster },
    ['connectorRef', 'region', 'cluster'],
  ],
  Elastigroup: [
    'A Spot Elastigroup account.',
    ['Elastigroup'],
    { ...base, configuration: storeFile('Elastigroup configuration (JSON).') },
    ['connectorRef', 'configuration'],
  ],
  TAS: [
    'A Tanzu Application Service organization and space.',
    ['TAS'],
    { ...base, organization: str('TAS organization.'), space: str('TAS space.') },
    ['connectorRef', 'organization', 'space'],
  ],
  GoogleRegion: [
    'A Google Cloud project and region (Cloud Functions, Cloud Run).',
    ['GoogleCloudFunctions', 'GoogleCloudRun'],
    { ...base, project: f.project, region: f.region },
    ['connectorRef', 'project', 'region'],
  ],
  GoogleManagedInstanceGroup: [
    'A Google Cloud project, region and zone for managed instance groups.',
    ['GoogleManagedInstanceGroup'],
    { ...base, project: f.project, region: f.region, zone: str('Zone, for zonal groups.') },
    ['connectorRef', 'project', 'region'],
  ],
  Salesforce: ['A Salesforce org.', ['Salesforce'], base, ['connectorRef']],
  CustomDeployment: [
    'Infrastructure described by a deployment template and its variables.',
    ['CustomDeployment'],
    {
      customDeploymentRef: ref('ServiceTemplateRef', 'Deployment template of this infrastructure.'),
      variables: list(
        'Values of the variables the deployment template declares.',
        ref('InfraVariable', 'One variable.'),
      ),
      provisioner: f.provisioner,
      metadata: meta(),
    },
    ['customDeploymentRef'],
  ],
};

const common = shared('InfraCommonKeys', () =>
  obj(
    'The keys every infrastructure definition has.',
    {
      name: name('infrastructure definition'),
      identifier: identifier('infrastructure definition'),
      // Required by the project-scope schema only; org- and account-level definitions omit them.
      orgIdentifier: str('Organization of the infrastructure definition.'),
      projectIdentifier: str('Project of the infrastructure definition.'),
      environmentRef: str('Environment this infrastructure belongs to.'),
      description: description('infrastructure definition'),
      tags: tags('infrastructure definition'),
      deploymentType: oneOfValues('Deployment type of the services that can deploy here.', deploymentTypes),
      allowSimultaneousDeployments: bool(
        'Let several executions deploy to this infrastructure at the same time (no lock).',
      ),
      scopedServices: strList(
        'Only these services may deploy to this infrastructure.',
        'A service identifier.',
      ),
      metadata: meta(),
    },
    { required: ['name', 'identifier', 'deploymentType'] },
  ),
);

/** Keys in the order completion offers them: required first, the provisioner and UI metadata last. */
const ordered = (props: Record<string, JsonSchema>, required: string[]): Record<string, JsonSchema> => {
  const last = ['provisioner', 'metadata'];
  const keys = [
    ...required,
    ...Object.keys(props).filter((k) => !required.includes(k) && !last.includes(k)),
    ...last.filter((k) => k in props),
  ];
  return Object.fromEntries(keys.map((k) => [k, props[k]]));
};

const branches: Record<string, JsonSchema> = {};
for (const [key, [summary, types, props, required]] of Object.entries(specs)) {
  branches[`Infra_${key}`] = {
    type: 'object',
    description: summary,
    allOf: [common],
    properties: {
      type:
        types.length === 1
          ? typeConst(types[0], 'Infrastructure type.')
          : typeFamily('Infrastructure type', types),
      spec: obj(`Settings of the infrastructure.`, ordered(props, required), { required, closed: true }),
    },
    required: ['type', 'spec'],
    additionalProperties: false,
  };
}

Object.assign(d, branches, {
  InfraHostFilter: obj(
    'Which hosts to deploy to.',
    {
      type: oneOfValues('All hosts, hosts by name, or hosts by attributes.', [
        'All',
        'HostNames',
        'HostAttributes',
      ]),
      spec: obj(
        'The names or attributes to match.',
        {
          value: {
            type: ['array', 'object', 'string'],
            description: 'Host names (HostNames) or attributes as name: value (HostAttributes).',
            items: { type: 'string', description: 'A host name.' },
            additionalProperties: { type: 'string', description: 'Attribute value.' },
          },
          matchCriteria: oneOfValues('Match any or all attributes (HostAttributes).', ['ANY', 'ALL']),
        },
        { closed: true },
      ),
    },
    { required: ['type'], closed: true },
  ),
  // harness-core CustomDeploymentNGVariable: like a pipeline variable, plus Connector.
  InfraVariable: obj(
    'A deployment template variable.',
    {
      name: str('Variable name.'),
      type: oneOfValues('Variable type.', ['String', 'Number', 'Secret', 'Connector']),
      value: {
        type: ['string', 'number', 'boolean', 'null'],
        description: 'Value, an expression, or <+input>.',
      },
      description: str('What the variable is for.'),
      required: bool('Whether a value must be given.'),
    },
    { required: ['name', 'type'], closed: true },
  ),
  InfrastructureDefinition: union(
    'A Harness infrastructure definition: its type decides the spec.',
    Object.keys(branches),
    'infrastructure',
    { unknownIsWarning: true, unknownBranch: 'InfraOfUnknownType' },
  ),
  InfraOfUnknownType: {
    type: 'object',
    description:
      'An infrastructure definition of a type the bundled schema does not know: its spec is not checked.',
    allOf: [common],
    properties: {
      type: str('Infrastructure type.'),
      spec: anyValue('Settings of the infrastructure.'),
    },
    required: ['type', 'spec'],
    additionalProperties: false,
  },
});
