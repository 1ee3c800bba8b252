// The `service` root: a Harness service as users keep it in Git (v0 YAML), with the pieces an
// environment's overrides and an infrastructure definition reuse (stores, manifests, files).
// Facts from harness/mcp-server src/data/schemas/entities/service.project.ts (generated from
// harness-core) and harness/harness-schema v0/pipeline/stages/cd, steps/cd; written in our words.
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
  typeConst,
  union,
} from '../build';
import { description, identifier, name, tags, variables } from '../common';
import { deploymentTypes } from '../stages/deployment';
import { stepDelegates, uiMetadata } from '../steps/node';
import { HELM_COMMANDS } from '../steps/cd';
import type { Definitions, JsonSchema } from '../types';

export const serviceDefinitions: Definitions = {};
const d = serviceDefinitions;

/** A branch of a discriminated union: `type` plus its own keys, closed. */
const branch = (
  summary: string,
  type: JsonSchema,
  props: Record<string, JsonSchema>,
  required: string[] = ['type', 'spec'],
  common?: JsonSchema,
): JsonSchema => ({
  type: 'object',
  description: summary,
  ...(common ? { allOf: [common] } : {}),
  properties: { type, ...props },
  required,
  additionalProperties: false,
});

/** `type` of a family of kinds sharing one shape: any of `values`. */
export const typeFamily = (what: string, values: string[]): JsonSchema => oneOfValues(`${what}.`, values);

/** A closed spec object. */
const spec = (summary: string, props: Record<string, JsonSchema>, required: string[] = []): JsonSchema =>
  obj(summary, props, { required, closed: true });

// Fields repeated across stores, manifests and artifacts (mcp-server service schema), stored once.
const f = sharedFields('ServiceField', {
  connectorRef: str('Connector identifier (prefix org. or account. for connectors at those scopes).'),
  region: str('Cloud region, e.g. us-east-1.'),
  project: str('Cloud project.'),
  paths: strList('File or folder paths, relative to the repository root or bucket.', 'A path.'),
  folderPath: str('Folder that holds the files.'),
  bucketName: str('Bucket name.'),
  tag: str('Version tag to deploy; often <+input>.'),
  tagRegex: str('Regular expression: the latest tag that matches is deployed.'),
  digest: str('Image digest (sha256:…) that the chosen tag must have.'),
  version: str('Version to deploy; often <+input>.'),
  versionRegex: str('Regular expression: the latest version that matches is deployed.'),
  imagePath: str('Image path in the registry, e.g. library/nginx.'),
  repository: str('Repository name.'),
  skipResourceVersioning: bool('Do not add a revision suffix to ConfigMaps and Secrets.'),
  enableDeclarativeRollback: bool(
    'Roll back by reapplying the previous manifests instead of kubectl rollout.',
  ),
  optionalValuesYaml: bool('Do not fail when a values file is missing.'),
  valuesPaths: strList('Values YAML files applied in order, later ones overriding earlier ones.', 'A path.'),
  // A plain reference: the union carries the description.
  store: { $ref: '#/definitions/ServiceStore' },
});
const meta = (): JsonSchema => uiMetadata();
const serviceVariables = (): JsonSchema => shared('ServiceVariables', () => variables('service'));
const scriptVariables = (): JsonSchema =>
  shared('ServiceScriptVariables', () =>
    list('Values the script reads, as typed variables.', ref('Variable', 'One variable.')),
  );

// ---- Stores (harness-schema steps/cd/*-store*.yaml, mcp-server StoreConfigWrapper) ----------
const gitStoreTypes = ['Github', 'Git', 'GitLab', 'Bitbucket', 'AzureRepo'];
const gitFetch = (): JsonSchema =>
  shared('ServiceGitFetchType', () =>
    oneOfValues('Fetch the latest commit of a branch, or one commit.', ['Branch', 'Commit']),
  );
const storeBranches: Record<string, JsonSchema> = {
  ServiceStore_Git: branch(
    'Files in a Git repository reached through a Git connector.',
    typeFamily('Git provider', gitStoreTypes),
    {
      spec: spec(
        'Repository, branch or commit, and the paths to fetch.',
        {
          connectorRef: f.connectorRef,
          gitFetchType: gitFetch(),
          branch: str('Branch to fetch (gitFetchType Branch).'),
          commitId: str('Commit to fetch (gitFetchType Commit).'),
          repoName: str('Repository name, when the connector is for an account or organization.'),
          paths: f.paths,
          folderPath: f.folderPath,
          connectorUrl: str('Repository URL resolved from the connector (written by Harness).'),
        },
        ['connectorRef', 'gitFetchType'],
      ),
      metadata: meta(),
    },
  ),
  ServiceStore_HarnessCode: branch(
    'Files in a Harness Code repository.',
    typeConst('HarnessCode', 'Harness Code repository.'),
    {
      spec: spec(
        'Repository, branch or commit, and the paths to fetch.',
        {
          repoName: str('Harness Code repository.'),
          gitFetchType: gitFetch(),
          branch: str('Branch to fetch.'),
          commitId: str('Commit to fetch.'),
          paths: f.paths,
          folderPath: f.folderPath,
          connectorRef: f.connectorRef,
        },
        ['gitFetchType'],
      ),
      metadata: meta(),
    },
  ),
  ServiceStore_Harness: branch(
    'Files in the Harness file store.',
    typeConst('Harness', 'Harness file store.'),
    {
      spec: spec('File store paths.', {
        files: strList(
          'File store paths such as /manifests/app.yaml, or account:/… and org:/… for other scopes.',
          'A file store path.',
        ),
        secretFiles: strList('Encrypted files (secret identifiers) to use as files.', 'A secret file.'),
      }),
      metadata: meta(),
    },
  ),
  ServiceStore_S3: branch('Files in an Amazon S3 bucket.', typeConst('S3', 'Amazon S3 bucket.'), {
    spec: spec('Bucket, region and paths.', {
      connectorRef: f.connectorRef,
      region: f.region,
      bucketName: f.bucketName,
      folderPath: f.folderPath,
      paths: f.paths,
      metadata: meta(),
    }),
    metadata: meta(),
  }),
  ServiceStore_S3Url: branch('Files at S3 object URLs.', typeConst('S3Url', 'S3 object URLs.'), {
    spec: spec(
      'Region and object URLs.',
      {
        connectorRef: f.connectorRef,
        region: f.region,
        urls: strList('S3 object URLs.', 'A URL.'),
        metadata: meta(),
      },
      ['connectorRef', 'region', 'urls'],
    ),
    metadata: meta(),
  }),
  ServiceStore_Gcs: branch(
    'Files in a Google Cloud Storage bucket.',
    typeConst('Gcs', 'Google Cloud Storage.'),
    {
      spec: spec('Bucket and paths.', {
        connectorRef: f.connectorRef,
        bucketName: f.bucketName,
        folderPath: f.folderPath,
        manifestPath: str('Path of the manifest in the bucket.'),
        metadata: meta(),
      }),
      metadata: meta(),
    },
  ),
  ServiceStore_Http: branch(
    'A Helm chart repository reached over HTTP.',
    typeConst('Http', 'HTTP Helm repository.'),
    {
      spec: spec('The Helm repository connector.', { connectorRef: f.connectorRef, metadata: meta() }),
      metadata: meta(),
    },
  ),
  ServiceStore_OciHelmChart: branch(
    'A Helm chart in an OCI registry.',
    typeConst('OciHelmChart', 'OCI Helm registry.'),
    {
      spec: spec('Registry and base path of the chart.', {
        basePath: str('Path of the chart in the registry, without the chart name.'),
        config: obj(
          'The registry: Generic (an OCI Helm connector), ECR or GAR.',
          {
            type: oneOfValues('Registry kind.', ['Generic', 'ECR', 'GAR']),
            spec: spec('Connector and registry details.', {
              connectorRef: f.connectorRef,
              region: str('Region (ECR, GAR).'),
              registryId: str('AWS account of the registry (ECR).'),
              project: str('Google Cloud project (GAR).'),
              repositoryName: str('Repository (GAR).'),
              metadata: meta(),
            }),
            metadata: meta(),
          },
          { required: ['type', 'spec'], closed: true },
        ),
        metadata: meta(),
      }),
      metadata: meta(),
    },
  ),
  ServiceStore_Inline: branch('Content written in the YAML itself.', typeConst('Inline', 'Inline content.'), {
    spec: spec('The content.', { content: str('The file content.') }, ['content']),
    metadata: meta(),
  }),
  ServiceStore_InheritFromManifest: branch(
    'Files from the store of the service manifest (values files next to the chart).',
    typeConst('InheritFromManifest', 'The manifest store.'),
    { spec: spec('Paths in the manifest store.', { paths: f.paths }), metadata: meta() },
  ),
  ServiceStore_Artifactory: branch(
    'Files in an Artifactory generic repository.',
    typeConst('Artifactory', 'Artifactory repository.'),
    {
      spec: spec(
        'Repository and artifact paths.',
        {
          connectorRef: f.connectorRef,
          repositoryName: str('Artifactory repository.'),
          artifactPaths: strList('Artifact paths in the repository.', 'A path.'),
          metadata: meta(),
        },
        ['connectorRef', 'repositoryName'],
      ),
      metadata: meta(),
    },
  ),
  ServiceStore_CustomRemote: branch(
    'Files fetched by a script on the delegate.',
    typeConst('CustomRemote', 'Script-fetched files.'),
    {
      spec: spec(
        'The script and where the files land.',
        {
          extractionScript: str('Shell script that fetches the files.'),
          filePath: str('Path of the fetched files on the delegate.'),
          ...stepDelegates(),
        },
        ['extractionScript', 'filePath'],
      ),
      metadata: meta(),
    },
  ),
  ServiceStore_ArtifactBundle: branch(
    'Manifests packaged inside the artifact.',
    typeConst('ArtifactBundle', 'Artifact bundle.'),
    {
      spec: spec(
        'Archive type and paths in it.',
        {
          artifactBundleType: oneOfValues('Archive format.', ['ZIP', 'TAR', 'TAR_GZIP']),
          deployableUnitPath: str('Path of the deployable unit in the archive.'),
          manifestPath: str('Path of the manifest in the archive.'),
          metadata: meta(),
        },
        ['artifactBundleType', 'deployableUnitPath', 'manifestPath'],
      ),
      metadata: meta(),
    },
  ),
};
Object.assign(d, storeBranches, {
  ServiceStore: union(
    'Where the files are kept (a Git provider, the Harness file store, a bucket …); its type decides the spec.',
    Object.keys(storeBranches),
    'store',
    { unknownIsWarning: true, unknownBranch: 'ServiceStoreOfUnknownType' },
  ),
  ServiceStoreOfUnknownType: obj(
    'A store of a type the bundled schema does not know: its spec is not checked.',
    { type: str('Store type.'), spec: anyValue('Settings of the store.'), metadata: meta() },
    { required: ['type', 'spec'], closed: true },
  ),
  ServiceStoreFile: obj(
    'Files taken from a store.',
    { store: f.store, metadata: meta() },
    { required: ['store'], closed: true },
  ),
});

// ---- Manifests (harness-schema steps/cd/manifest-config.yaml, *-manifest.yaml; mcp-server) ---
const commandFlags = (commands: string[]): JsonSchema =>
  list(
    'Extra command-line flags per command.',
    obj(
      'Flags for one command.',
      {
        commandType: oneOfValues('Command the flag applies to.', commands),
        flag: str('Flag text, e.g. --debug.'),
      },
      { required: ['commandType'], closed: true },
    ),
  );
const manifestCommon = shared('ServiceManifestCommonKeys', () =>
  obj('The keys every manifest has.', {
    identifier: str('Identifier of the manifest, unique in the service.'),
  }),
);
const manifest = (
  summary: string,
  type: JsonSchema,
  specProps: Record<string, JsonSchema>,
  specRequired: string[] = [],
): JsonSchema =>
  branch(
    summary,
    type,
    { spec: spec(`Settings of the manifest.`, specProps, specRequired) },
    ['identifier', 'type', 'spec'],
    manifestCommon,
  );
const k8sFlags = {
  skipResourceVersioning: f.skipResourceVersioning,
  enableDeclarativeRollback: f.enableDeclarativeRollback,
};
const storeOnlyManifests = [
  'KustomizePatches',
  'OpenshiftParam',
  'ReleaseRepo',
  'DeploymentRepo',
  'TasVars',
  'EcsTaskDefinition',
  'EcsServiceDefinition',
  'EcsScalableTargetDefinition',
  'EcsScalingPolicyDefinition',
  'EcsScheduledActionDefinition',
  'AsgLaunchTemplate',
  'AsgConfiguration',
  'AsgAdditionalConfiguration',
  'AsgScalingPolicy',
  'AsgScheduledUpdateGroupAction',
  'AwsLambdaFunctionDefinition',
  'AwsLambdaFunctionAliasDefinition',
  'GoogleCloudFunctionDefinition',
  'GoogleCloudFunctionGenOneDefinition',
  'GoogleCloudRunService',
  'GoogleCloudRunJob',
  'AzureContainerAppsConfiguration',
  'GoogleMigInstanceTemplate',
  'GoogleMigConfiguration',
  'GoogleMigAutoscalerConfiguration',
  'GoogleMigHealthCheckConfiguration',
  'AgentConfig',
];
const manifestBranches: Record<string, JsonSchema> = {
  ServiceManifest_K8sManifest: manifest(
    'Plain Kubernetes manifests (with Go templating and values files).',
    typeConst('K8sManifest', 'Kubernetes manifests.'),
    {
      store: f.store,
      valuesPaths: f.valuesPaths,
      optionalValuesYaml: f.optionalValuesYaml,
      ...k8sFlags,
      metadata: meta(),
    },
  ),
  ServiceManifest_HelmChart: manifest('A Helm chart.', typeConst('HelmChart', 'Helm chart.'), {
    store: f.store,
    chartName: str('Chart name (Helm repository stores).'),
    chartVersion: str('Chart version; empty for the latest.'),
    helmVersion: oneOfValues('Helm client version.', ['V2', 'V3', 'V380', 'V4']),
    subChartPath: str('Path of a sub-chart to deploy.'),
    valuesPaths: f.valuesPaths,
    optionalValuesYaml: f.optionalValuesYaml,
    commandFlags: commandFlags(HELM_COMMANDS),
    fetchHelmChartMetadata: bool('Read the chart metadata (name, version) for expressions.'),
    ...k8sFlags,
    metadata: meta(),
  }),
  ServiceManifest_Kustomize: manifest('A Kustomize base or overlay.', typeConst('Kustomize', 'Kustomize.'), {
    store: f.store,
    overlayConfiguration: obj(
      'Overlay to build.',
      { kustomizeYamlFolderPath: str('Folder of the kustomization.yaml, relative to the store folder.') },
      { required: ['kustomizeYamlFolderPath'], closed: true },
    ),
    patchesPaths: strList('Kustomize patch files.', 'A path.'),
    pluginPath: str('Path of Kustomize plugins on the delegate.'),
    commandFlags: commandFlags(['Build']),
    ...k8sFlags,
    metadata: meta(),
  }),
  ServiceManifest_OpenshiftTemplate: manifest(
    'An OpenShift template.',
    typeConst('OpenshiftTemplate', 'OpenShift template.'),
    {
      store: f.store,
      paramsPaths: strList('OpenShift params files.', 'A path.'),
      ...k8sFlags,
      metadata: meta(),
    },
  ),
  ServiceManifest_Values: manifest('A Helm or Kubernetes values file.', typeConst('Values', 'Values YAML.'), {
    store: f.store,
    optionalValuesYaml: f.optionalValuesYaml,
    metadata: meta(),
  }),
  ServiceManifest_TasManifest: manifest(
    'A Tanzu Application Service manifest.',
    typeConst('TasManifest', 'TAS manifest.'),
    {
      store: f.store,
      varsPaths: strList('Vars files.', 'A path.'),
      autoScalerPath: strList('Autoscaler files.', 'A path.'),
      cfCliVersion: oneOfValues('cf CLI version.', ['V7']),
      metadata: meta(),
    },
  ),
  ServiceManifest_TasAutoScaler: manifest(
    'A Tanzu Application Service autoscaler file.',
    typeConst('TasAutoScaler', 'TAS autoscaler.'),
    { store: f.store, skipResourceVersioning: f.skipResourceVersioning, metadata: meta() },
  ),
  ServiceManifest_ServerlessAwsLambda: manifest(
    'A Serverless Framework project (serverless.yaml).',
    typeConst('ServerlessAwsLambda', 'Serverless Framework manifest.'),
    { store: f.store, configOverridePath: str('Path of the serverless.yaml to use.'), metadata: meta() },
  ),
  ServiceManifest_AwsSamDirectory: manifest(
    'An AWS SAM project directory.',
    typeConst('AwsSamDirectory', 'AWS SAM directory.'),
    { store: f.store, samTemplateFile: str('SAM template file name, e.g. template.yaml.'), metadata: meta() },
  ),
  ServiceManifest_HelmRepoOverride: manifest(
    'Replaces the Helm repository connector of the service chart.',
    typeConst('HelmRepoOverride', 'Helm repository override.'),
    {
      type: str('Store kind of the replacement repository (Http, OciHelmChart …).'),
      connectorRef: f.connectorRef,
      metadata: meta(),
    },
    ['connectorRef', 'type'],
  ),
  ServiceManifest_SalesforceManifest: manifest(
    'Salesforce metadata to deploy.',
    typeConst('SalesforceManifest', 'Salesforce manifest.'),
    {
      manifestStore: ref('ServiceStore', 'Where the package.xml manifest is kept.'),
      manifestPath: str('Path of package.xml.'),
      destructiveChangesPath: str('Path of destructiveChanges.xml.'),
      metadataConfigurationType: oneOfValues('How metadata is chosen.', ['all', 'inline', 'manifest']),
      metadatas: strList('Metadata to deploy (inline).', 'A metadata name.'),
      sourcePaths: strList('Source folders.', 'A path.'),
      metadata: meta(),
    },
  ),
  ServiceManifest_Files: manifest(
    'A manifest that is a set of files from a store (task definitions, launch templates, function definitions …).',
    typeFamily('Manifest type', storeOnlyManifests),
    { store: f.store, metadata: meta() },
  ),
};
Object.assign(d, manifestBranches, {
  ServiceManifest: union(
    'A manifest; its type decides the spec.',
    Object.keys(manifestBranches),
    'manifest',
    { unknownIsWarning: true, unknownBranch: 'ServiceManifestOfUnknownType' },
  ),
  ServiceManifestOfUnknownType: obj(
    'A manifest of a type the bundled schema does not know: its spec is not checked.',
    {
      identifier: str('Identifier of the manifest.'),
      type: str('Manifest type.'),
      spec: anyValue('Settings of the manifest.'),
    },
    { required: ['identifier', 'type', 'spec'], closed: true },
  ),
  ServiceManifestList: list(
    'Manifests: Kubernetes YAML, Helm charts, values files, task definitions …',
    obj(
      'One manifest.',
      { manifest: ref('ServiceManifest', 'The manifest.') },
      { required: ['manifest'], closed: true },
    ),
  ),
  ServiceConfigFileList: list(
    'Config files copied to the target hosts or used by the deployment.',
    obj(
      'One config file.',
      {
        configFile: obj(
          'The config file.',
          {
            identifier: str('Identifier of the config file.'),
            spec: obj('Where the file is kept.', { store: f.store }, { required: ['store'], closed: true }),
          },
          { required: ['identifier', 'spec'], closed: true },
        ),
      },
      { required: ['configFile'], closed: true },
    ),
  ),
});
export const manifestList = (): JsonSchema => ({ $ref: '#/definitions/ServiceManifestList' });
export const configFileList = (): JsonSchema => ({ $ref: '#/definitions/ServiceConfigFileList' });
export const storeFile = (what: string): JsonSchema => ref('ServiceStoreFile', what);

// ---- Artifacts (harness-schema stages/cd/*-artifact-config.yaml, primary-artifact.yaml) -----
const labelList = (what: string): JsonSchema =>
  list(
    `${what}, as name/value pairs.`,
    obj('One pair.', { name: str('Name.'), value: str('Value.') }, { closed: true }),
  );
const tagged = {
  tag: f.tag,
  tagRegex: f.tagRegex,
  digest: f.digest,
};
const versioned = { version: f.version, versionRegex: f.versionRegex };
const artifactSpecs: Record<string, [string, Record<string, JsonSchema>, string[]]> = {
  DockerRegistry: [
    'An image in a Docker registry.',
    { connectorRef: f.connectorRef, imagePath: f.imagePath, ...tagged },
    ['connectorRef', 'imagePath'],
  ],
  Gcr: [
    'An image in Google Container Registry.',
    {
      connectorRef: f.connectorRef,
      registryHostname: str('Registry host, e.g. gcr.io.'),
      imagePath: f.imagePath,
      ...tagged,
    },
    ['connectorRef', 'imagePath', 'registryHostname'],
  ],
  Ecr: [
    'An image in Amazon ECR.',
    {
      connectorRef: f.connectorRef,
      region: f.region,
      registryId: str('AWS account ID of the registry, when not the connector account.'),
      imagePath: f.imagePath,
      ...tagged,
      metadata: meta(),
    },
    ['connectorRef', 'imagePath', 'region'],
  ],
  Acr: [
    'An image in Azure Container Registry.',
    {
      connectorRef: f.connectorRef,
      subscriptionId: str('Azure subscription.'),
      registry: str('Registry name.'),
      repository: f.repository,
      ...tagged,
    },
    ['connectorRef', 'registry', 'repository', 'subscriptionId'],
  ],
  Nexus3Registry: [
    'An artifact in Nexus 3.',
    {
      connectorRef: f.connectorRef,
      repository: f.repository,
      repositoryFormat: oneOfValues('Repository format.', ['docker', 'maven', 'npm', 'nuget', 'raw']),
      repositoryUrl: str('Registry URL (docker).'),
      repositoryPort: { type: ['string', 'integer'], description: 'Registry port (docker).' },
      artifactPath: str('Artifact path (docker).'),
      spec: ref('ServiceNexusCoordinates', 'Coordinates of the artifact for its repository format.'),
      ...tagged,
      metadata: meta(),
    },
    ['connectorRef', 'repository', 'repositoryFormat'],
  ],
  Nexus2Registry: [
    'An artifact in Nexus 2.',
    {
      connectorRef: f.connectorRef,
      repository: f.repository,
      repositoryFormat: oneOfValues('Repository format.', ['maven', 'npm', 'nuget']),
      spec: ref('ServiceNexusCoordinates', 'Coordinates of the artifact for its repository format.'),
      tag: f.tag,
      tagRegex: f.tagRegex,
      metadata: meta(),
    },
    ['connectorRef', 'repository', 'repositoryFormat'],
  ],
  ArtifactoryRegistry: [
    'An artifact in Artifactory (docker or generic).',
    {
      connectorRef: f.connectorRef,
      repository: f.repository,
      repositoryFormat: oneOfValues('Repository format.', ['docker', 'generic']),
      repositoryUrl: str('Registry URL (docker).'),
      artifactPath: str('Image or artifact path.'),
      artifactDirectory: str('Directory of the artifact (generic).'),
      artifactPathFilter: str('Filter on the artifact path (generic).'),
      artifactFilter: str('Filter on the artifact (generic).'),
      ...tagged,
    },
    ['connectorRef', 'repository', 'repositoryFormat'],
  ],
  CustomArtifact: [
    'An artifact whose versions a script lists.',
    {
      version: f.version,
      versionRegex: f.versionRegex,
      timeout: str('How long the script may run, e.g. 10m.'),
      ...stepDelegates(),
      inputs: scriptVariables(),
      scripts: obj(
        'Script that lists the versions.',
        {
          fetchAllArtifacts: obj(
            'How to list the versions.',
            {
              artifactsArrayPath: str('JSON path of the list of artifacts in the script output.'),
              versionPath: str('JSON path of the version in each artifact.'),
              attributes: scriptVariables(),
              spec: obj(
                'The script.',
                {
                  shell: oneOfValues('Shell.', ['Bash', 'PowerShell']),
                  source: obj(
                    'Script source.',
                    {
                      type: oneOfValues('Script source kind.', ['Inline']),
                      spec: obj('The script.', { script: str('Script text.') }, { closed: true }),
                    },
                    { required: ['type', 'spec'], closed: true },
                  ),
                },
                { required: ['shell', 'source'], closed: true },
              ),
            },
            { required: ['spec'], closed: true },
          ),
        },
        { required: ['fetchAllArtifacts'], closed: true },
      ),
      metadata: meta(),
    },
    ['version'],
  ],
  Jenkins: [
    'An artifact of a Jenkins job.',
    {
      connectorRef: f.connectorRef,
      jobName: str('Jenkins job.'),
      artifactPath: str('Artifact path in the build.'),
      build: str('Build number; often <+input>.'),
    },
    ['connectorRef', 'jobName'],
  ],
  AmazonS3: [
    'A file in Amazon S3.',
    {
      connectorRef: f.connectorRef,
      region: f.region,
      bucketName: f.bucketName,
      filePath: str('Object key of the file.'),
      filePathRegex: str('Regular expression: the latest matching key is deployed.'),
      fileFilter: str('Filter on the object keys.'),
    },
    ['bucketName', 'connectorRef'],
  ],
  GoogleArtifactRegistry: [
    'An artifact in Google Artifact Registry.',
    {
      connectorRef: f.connectorRef,
      project: f.project,
      region: f.region,
      repositoryName: f.repository,
      package: str('Package name.'),
      repositoryType: oneOfValues('Repository type.', ['docker']),
      ...versioned,
      digest: f.digest,
      metadata: meta(),
    },
    ['connectorRef', 'package', 'project', 'region', 'repositoryName', 'repositoryType'],
  ],
  GithubPackageRegistry: [
    'A package in GitHub Packages.',
    {
      connectorRef: f.connectorRef,
      packageType: oneOfValues('Package type.', ['npm', 'maven', 'rubygems', 'nuget', 'container']),
      org: str('Organization owning the package; empty for the user.'),
      user: str('User owning the package.'),
      packageName: str('Package name.'),
      groupId: str('Maven group.'),
      artifactId: str('Maven artifact.'),
      extension: str('File extension (maven).'),
      ...versioned,
      digest: f.digest,
    },
    ['connectorRef', 'packageName', 'packageType'],
  ],
  AzureArtifacts: [
    'A package in Azure Artifacts.',
    {
      connectorRef: f.connectorRef,
      scope: oneOfValues('Feed scope.', ['project', 'org']),
      project: str('Azure DevOps project (scope project).'),
      feed: str('Feed.'),
      packageType: oneOfValues('Package type.', ['maven', 'nuget', 'upack']),
      package: str('Package name.'),
      ...versioned,
    },
    ['connectorRef', 'feed', 'package', 'packageType', 'scope'],
  ],
  AmazonMachineImage: [
    'An Amazon Machine Image.',
    {
      connectorRef: f.connectorRef,
      region: f.region,
      tags: labelList('AMI tags to match'),
      filters: labelList('AMI filters to match'),
      ...versioned,
    },
    ['connectorRef', 'region'],
  ],
  Bamboo: [
    'An artifact of a Bamboo plan.',
    {
      connectorRef: f.connectorRef,
      planKey: str('Bamboo plan key.'),
      artifactPaths: strList('Artifact paths.', 'A path.'),
      build: str('Build number.'),
    },
    ['connectorRef', 'planKey'],
  ],
  GoogleCloudStorage: [
    'A file in Google Cloud Storage.',
    {
      connectorRef: f.connectorRef,
      project: f.project,
      bucket: str('Bucket name.'),
      artifactPath: str('Object path.'),
    },
    ['artifactPath', 'bucket', 'connectorRef', 'project'],
  ],
  GoogleCloudSource: [
    'Source code in Google Cloud Source Repositories.',
    {
      connectorRef: f.connectorRef,
      project: f.project,
      repository: f.repository,
      sourceDirectory: str('Directory of the source.'),
      fetchType: oneOfValues('What to fetch.', ['Branch', 'Commit', 'Tag']),
      branch: str('Branch.'),
      commitId: str('Commit.'),
      tag: str('Tag.'),
    },
    ['connectorRef', 'fetchType', 'project', 'repository', 'sourceDirectory'],
  ],
  GceImage: [
    'A Google Compute Engine image.',
    {
      connectorRef: f.connectorRef,
      project: f.project,
      filters: labelList('Image filters'),
      labels: labelList('Image labels'),
      ...versioned,
    },
    ['connectorRef', 'project'],
  ],
  Har: [
    'An artifact in Harness Artifact Registry.',
    {
      registryRef: str('Registry identifier.'),
      type: oneOfValues('Registry type.', ['docker', 'generic', 'maven', 'npm', 'nuget']),
      spec: spec('The artifact in the registry.', {
        imagePath: f.imagePath,
        tag: f.tag,
        digest: f.digest,
        artifact: str('Artifact (generic).'),
        fileName: str('File name (generic).'),
        version: f.version,
        groupId: str('Group (maven).'),
        artifactId: str('Artifact ID (maven).'),
        classifier: str('Classifier (maven).'),
        extension: str('Extension (maven).'),
        packageName: str('Package (npm, nuget).'),
        artifactName: str('Artifact name.'),
        artifactVersion: str('Artifact version.'),
        artifactFileName: str('Artifact file name.'),
      }),
    },
    ['registryRef', 'type'],
  ],
  SalesforcePackage: [
    'A Salesforce package version.',
    {
      connectorRef: f.connectorRef,
      packageId: str('Package ID.'),
      packageVersionId: str('Package version ID.'),
      installationKeyRef: str('Secret holding the installation key.'),
      deployableRef: str('Deployable reference.'),
    },
    [],
  ],
  SalesforceOrg: [
    'Metadata retrieved from a Salesforce org.',
    {
      connectorRef: f.connectorRef,
      metadataConfigurationType: oneOfValues('How metadata is chosen.', ['all', 'inline', 'manifest']),
      metadatas: strList('Metadata (inline).', 'A metadata name.'),
      sourcePaths: strList('Source folders.', 'A path.'),
      manifestStore: ref('ServiceStore', 'Where the package.xml manifest is kept.'),
    },
    ['connectorRef', 'metadataConfigurationType'],
  ],
  SalesforceDxProject: [
    'A Salesforce DX project.',
    {
      metadataStore: ref('ServiceStore', 'Where the project is kept.'),
      metadataConfigurationType: oneOfValues('How metadata is chosen.', ['all', 'inline', 'manifest']),
      metadatas: strList('Metadata (inline).', 'A metadata name.'),
      sourcePaths: strList('Source folders.', 'A path.'),
      manifestPath: str('Path of package.xml.'),
      destructiveChangesPath: str('Path of destructiveChanges.xml.'),
      deployableRef: str('Deployable reference.'),
    },
    [],
  ],
};
export const artifactTypes = Object.keys(artifactSpecs);
const artifactCommon = shared('ServiceArtifactCommonKeys', () =>
  obj('The keys every artifact source has.', {
    identifier: identifier('artifact source'),
    name: str('Display name of the artifact source.'),
    template: ref('TemplateLink', 'An artifact source template used instead of type and spec.'),
    metadata: meta(),
  }),
);
const artifactBranches: Record<string, JsonSchema> = {};
for (const [type, [summary, props, required]] of Object.entries(artifactSpecs)) {
  artifactBranches[`ServiceArtifact_${type}`] = branch(
    summary,
    typeConst(type, 'Artifact type.'),
    { spec: spec('Settings of the artifact.', props, required) },
    ['identifier', 'type'],
    artifactCommon,
  );
}
Object.assign(d, artifactBranches, {
  ServiceNexusCoordinates: spec('Coordinates by repository format.', {
    artifactPath: str('Image path (docker).'),
    repositoryUrl: str('Registry URL (docker).'),
    repositoryPort: { type: ['string', 'integer'], description: 'Registry port (docker).' },
    groupId: str('Group (maven).'),
    artifactId: str('Artifact ID (maven).'),
    extension: str('Extension (maven).'),
    classifier: str('Classifier (maven).'),
    packageName: str('Package (npm, nuget).'),
    group: str('Group (raw).'),
  }),
  ServiceArtifact: union(
    'An artifact source: its type decides the spec, or an artifact source template replaces both.',
    [...Object.keys(artifactBranches), 'ServiceArtifactFromTemplate'],
    'artifact',
    { unknownIsWarning: true, unknownBranch: 'ServiceArtifactOfUnknownType' },
  ),
  // harness-core ArtifactSource / SidecarArtifact: `template` instead of type and spec.
  ServiceArtifactFromTemplate: {
    type: 'object',
    description: 'An artifact source made from an artifact source template.',
    allOf: [artifactCommon],
    // Listing the types pins the branch, so a source with neither type nor template is
    // reported as missing its type.
    properties: { type: oneOfValues('Artifact type (the template sets it).', artifactTypes) },
    required: ['identifier', 'template'],
    additionalProperties: false,
  },
  ServiceArtifactOfUnknownType: branch(
    'An artifact source of a type the bundled schema does not know: its spec is not checked.',
    str('Artifact type.'),
    { spec: anyValue('Settings of the artifact.') },
    ['identifier', 'type'],
    artifactCommon,
  ),
  ServicePrimaryArtifactSources: obj(
    'The primary artifact: the sources to choose from and which one to deploy.',
    {
      primaryArtifactRef: str('Identifier of the source to deploy; often <+input>.'),
      sources: list('Artifact sources to choose from.', ref('ServiceArtifact', 'One artifact source.')),
    },
    { closed: true },
  ),
  ServicePrimaryArtifact: union(
    'The primary artifact: sources with primaryArtifactRef, or (older shape) one type and spec.',
    ['ServicePrimaryArtifactSources', ...Object.keys(artifactBranches)],
    'artifact',
    { unknownIsWarning: true, unknownBranch: 'ServiceArtifactOfUnknownType' },
  ),
  ServiceArtifacts: obj(
    'The artifacts deployed: a primary artifact and sidecars.',
    {
      // A primary artifact of the older shape is a source itself (type and spec, no identifier).
      primary: {
        ...ref('ServicePrimaryArtifact', 'The main artifact.'),
        'x-harness-optional': ['identifier'],
      },
      sidecars: list(
        'Additional artifacts (sidecar containers).',
        obj(
          'One sidecar.',
          { sidecar: ref('ServiceArtifact', 'The sidecar artifact.') },
          { required: ['sidecar'], closed: true },
        ),
      ),
    },
    { closed: true },
  ),
});

// ---- Service definition specs (harness-schema stages/cd/*-service-spec.yaml) --------------
const specCommon = shared('ServiceSpecCommonKeys', () =>
  obj('The keys every service definition spec has.', {
    manifests: manifestList(),
    artifacts: ref('ServiceArtifacts', 'Primary and sidecar artifacts.'),
    variables: serviceVariables(),
    configFiles: configFileList(),
  }),
);
const serviceSpec = (
  summary: string,
  own: Record<string, JsonSchema>,
  required: string[] = [],
): JsonSchema => ({
  type: 'object',
  description: summary,
  allOf: [specCommon],
  properties: own,
  ...(required.length ? { required } : {}),
  additionalProperties: false,
});
d.ServiceHook = obj(
  'A script run around a Kubernetes or Helm deployment phase.',
  {
    identifier: str('Identifier of the hook.'),
    storeType: oneOfValues('Where the script is kept.', ['Inline']),
    actions: list(
      'Phases the hook runs around.',
      oneOfValues('A phase.', ['FetchFiles', 'TemplateManifest', 'SteadyStateCheck']),
    ),
    store: obj('The script.', { content: str('Script text.') }, { required: ['content'], closed: true }),
  },
  { required: ['identifier', 'storeType', 'store'], closed: true },
);
const k8sServiceKeys = (): Record<string, JsonSchema> => ({
  hooks: shared('ServiceHooks', () =>
    list(
      'Scripts run before or after deployment phases.',
      obj(
        'A pre or post hook.',
        {
          preHook: ref('ServiceHook', 'Runs before the phases.'),
          postHook: ref('ServiceHook', 'Runs after the phases.'),
        },
        { closed: true },
      ),
    ),
  ),
  manifestConfigurations: shared('ServiceManifestConfigurations', () =>
    obj(
      'Which manifest to deploy when several are listed.',
      { primaryManifestRef: str('Identifier of the manifest to deploy; often <+input>.') },
      { closed: true },
    ),
  ),
  release: shared('ServiceRelease', () =>
    obj('Release naming.', { name: str('Release name pattern.') }, { required: ['name'], closed: true }),
  ),
});
// Override sets belong to the older service shape (stage overrides chose one); rarely edited, so
// each set is left unchecked.
const overrideSets = (what: string, key: string): JsonSchema =>
  list(
    `Named ${what} override sets (older services).`,
    anyValue(`One set: overrideSet with its identifier and ${key}.`),
  );
const specificSpecs: Record<string, JsonSchema> = {
  Kubernetes: serviceSpec('Kubernetes service.', {
    ...k8sServiceKeys(),
    appsetConfigs: list(
      'GitOps ApplicationSets.',
      obj(
        'One ApplicationSet.',
        {
          appset: obj(
            'The ApplicationSet.',
            {
              identifier: str('Identifier.'),
              agentIdentifier: str('GitOps agent.'),
              appSetIdentifier: str('ApplicationSet.'),
            },
            { required: ['agentIdentifier', 'appSetIdentifier'], closed: true },
          ),
        },
        { closed: true },
      ),
    ),
  }),
  NativeHelm: serviceSpec('Native Helm service.', k8sServiceKeys()),
  AzureWebApp: serviceSpec('Azure Web App service.', {
    startupCommand: storeFile('Startup command script of the web app.'),
    applicationSettings: storeFile('Application settings (JSON) of the web app.'),
    connectionStrings: storeFile('Connection strings (JSON) of the web app.'),
  }),
  CustomDeployment: serviceSpec(
    'Service of a deployment template.',
    {
      customDeploymentRef: ref('ServiceTemplateRef', 'Deployment template the service is deployed with.'),
    },
    ['customDeploymentRef'],
  ),
  ECS: serviceSpec('Amazon ECS service.', {
    ecsTaskDefinitionArn: str('ARN of an existing task definition to deploy.'),
  }),
  Elastigroup: serviceSpec('Spot Elastigroup service.', {
    startupScript: storeFile('Startup script of the instances.'),
  }),
  Asg: serviceSpec('AWS Auto Scaling Group service.', { userData: storeFile('User data of the instances.') }),
  GoogleCloudFunctions: serviceSpec('Google Cloud Functions service.', {
    environmentType: str('Function generation: GenOne or GenTwo.'),
  }),
  ServerlessAwsLambda: serviceSpec('Serverless Framework (AWS Lambda) service.', {
    pluginInfo: obj(
      'Serverless runtime of the deploying container.',
      {
        runtimeLanguage: str('Runtime language.'),
        serverlessVersion: str('Serverless Framework version.'),
        os: str('Operating system.'),
        arch: str('CPU architecture.'),
      },
      { closed: true },
    ),
  }),
  TAS: serviceSpec('Tanzu Application Service service.', {
    cliEnvironmentVariables: serviceVariables(),
  }),
  WinRm: serviceSpec('WinRM (Windows) service.', {
    artifactOverrideSets: overrideSets('artifact', 'artifacts'),
    manifestOverrideSets: overrideSets('manifest', 'manifests'),
    configFileOverrideSets: overrideSets('config file', 'configFiles'),
    variableOverrideSets: overrideSets('variable', 'variables'),
  }),
  // harness-schema ai-agent-service-spec.yaml: no manifests or artifacts, a platform instead.
  AiAgent: spec(
    'AI agent service.',
    {
      platform: obj(
        'Where the agent runs.',
        {
          type: oneOfValues('Agent platform.', ['AwsAgentCore', 'GoogleAgentRuntime']),
          spec: anyValue('Platform settings: source (a container image) and, on AWS, executionRoleArn.'),
        },
        { required: ['type', 'spec'], closed: true },
      ),
      variables: serviceVariables(),
      configVariables: serviceVariables(),
    },
    ['platform'],
  ),
};
const familyTypes = deploymentTypes.filter((t) => !(t in specificSpecs));
const defBranches: Record<string, JsonSchema> = {};
for (const [type, s] of Object.entries(specificSpecs))
  defBranches[`ServiceDefinition_${type}`] = branch(
    `A ${type} service definition.`,
    typeConst(type, 'Deployment type.'),
    { spec: s },
  );
defBranches.ServiceDefinition_Common = branch(
  'A service definition with manifests, artifacts, variables and config files only.',
  typeFamily('Deployment type', familyTypes),
  { spec: serviceSpec('Manifests, artifacts, variables and config files.', {}) },
);
Object.assign(d, defBranches, {
  ServiceTemplateRef: obj(
    'A deployment template.',
    {
      templateRef: str('Template identifier (org. or account. prefix for other scopes).'),
      versionLabel: str('Template version.'),
    },
    { required: ['templateRef'], closed: true },
  ),
  ServiceDefinition: union(
    'What the service deploys: its deployment type decides the spec (manifests, artifacts, variables …).',
    Object.keys(defBranches),
    'deployment',
    { unknownIsWarning: true, unknownBranch: 'ServiceDefinitionOfUnknownType' },
  ),
  ServiceDefinitionOfUnknownType: obj(
    'A service definition of a deployment type the bundled schema does not know: its spec is not checked.',
    { type: str('Deployment type.'), spec: anyValue('Manifests, artifacts, variables … of the service.') },
    { required: ['type', 'spec'], closed: true },
  ),
  Service: obj(
    'A Harness service.',
    {
      name: name('service'),
      identifier: identifier('service'),
      // Assumption: harness-core's service schema omits the scope keys, but Harness's exported
      // service YAML carries them (as environments and infrastructure definitions do).
      orgIdentifier: str('Organization of the service (omit for account-level services).'),
      projectIdentifier: str('Project of the service (omit for org- or account-level services).'),
      description: description('service'),
      tags: tags('service'),
      gitOpsEnabled: bool('Deployed with GitOps (Argo CD) instead of directly.'),
      serviceDefinition: ref('ServiceDefinition', 'Deployment type and what is deployed.'),
      useFromStage: obj(
        'Reuse the service of an earlier stage.',
        { stage: str('Identifier of that stage.'), metadata: meta() },
        { required: ['stage'], closed: true },
      ),
      metadata: meta(),
    },
    { required: ['name', 'identifier'], closed: true },
  ),
});
