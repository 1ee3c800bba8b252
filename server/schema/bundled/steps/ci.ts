// CI (build) step types: commands in containers, plugins, GitHub Actions, service containers,
// clones, image build-and-push, caches and artifact uploads.
import {
  anyValue,
  bool,
  int,
  list,
  obj,
  oneOfValues,
  ref,
  sharedFields,
  str,
  strList,
  strMap,
} from '../build';
import { outputVariables } from '../common';
import type { Definitions, JsonSchema } from '../types';
import { connectorRef, containerFields, envMap, pluginStepFields, reports, shellKinds, step } from './node';

export const ciStepDefinitions: Definitions = {};
const d = ciStepDefinitions;

export const ciDefinitions: Definitions = {
  CodebaseBuild: obj(
    'Which revision to build: a branch, a tag, a pull request or a commit.',
    {
      type: oneOfValues('Kind of revision.', ['branch', 'tag', 'PR', 'commitSha']),
      spec: obj(
        'The revision; fill the key matching the type.',
        {
          branch: str('Branch name (type branch).'),
          tag: str('Tag name (type tag).'),
          number: { type: ['string', 'integer'], description: 'Pull request number (type PR).' },
          commitSha: str('Full or short commit SHA (type commitSha).'),
        },
        { closed: true },
      ),
    },
    { required: ['type', 'spec'], closed: true },
  ),
};

const cloneFields = (): Record<string, JsonSchema> => ({
  connectorRef: connectorRef('the Git provider'),
  repoName: str(
    'Repository name, when the connector points at an account or organisation rather than one repository.',
  ),
  build: ref('CodebaseBuild', 'Revision to clone.'),
  depth: int('Clone depth; 0 clones the full history.', 0),
  sslVerify: bool('Verify the Git server TLS certificate.'),
  lfs: bool('Also fetch Git LFS objects.'),
  debug: bool('Print verbose Git output.'),
  fetchTags: bool('Also fetch all tags.'),
  sparseCheckout: strList('Only check out these paths (sparse checkout).', 'A path pattern.'),
  submoduleStrategy: {
    type: ['string', 'boolean'],
    enum: ['true', 'false', 'recursive', true, false],
    description: 'Whether to clone submodules: true, false or recursive.',
  },
  cloneDirectory: str('Directory to clone into, relative to the workspace.'),
  preFetchCommand: str('Git commands to run before fetching.'),
});

export const codebaseFields = (): Record<string, JsonSchema> => ({
  ...cloneFields(),
  prCloneStrategy: oneOfValues('For pull requests: build the merge commit or the source branch.', [
    'MergeCommit',
    'SourceBranch',
  ]),
  persistCredentials: bool('Keep the Git credentials in the workspace for later steps.'),
  resources: ref('ContainerResources', 'CPU and memory of the clone step.'),
});

step(
  d,
  'Run',
  'Runs shell commands in a container (or directly on the build VM).',
  {
    ...containerFields('Run'),
    registryRef: str('Harness Artifact Registry to pull the image from (instead of a connector).'),
    shell: shellKinds(),
    command: str('Commands to run.'),
    envVariables: envMap(),
    outputVariables: list(
      'Environment variables exported for later steps (<+steps.ID.output.outputVariables.NAME>).',
      {
        type: 'object',
        description: 'One exported variable.',
        properties: {
          name: str('Name of the environment variable to export.'),
          type: oneOfValues('String, Number or Secret.', ['String', 'Number', 'Secret']),
          value: str('Optional source variable name.'),
          description: str('What the variable is for.'),
          default: str('Default value.'),
          required: bool('Whether a value is required.'),
          metadata: str('Internal metadata kept by the Harness UI.'),
        },
        required: ['name'],
        additionalProperties: false,
      },
    ),
    reports: reports(),
    outputAlias: anyValue('Publishes the outputs under a short name (key and scope).'),
  },
  { required: ['command'], closed: true },
);

step(
  d,
  'RunTests',
  'Runs tests with Test Intelligence, which selects only the tests affected by a change.',
  {
    ...containerFields('RunTests'),
    language: oneOfValues('Source language.', ['Java', 'Kotlin', 'Scala', 'Csharp', 'Python', 'Ruby']),
    buildTool: oneOfValues('Build tool that runs the tests.', [
      'Maven',
      'Bazel',
      'Gradle',
      'Dotnet',
      'Nunitconsole',
      'SBT',
      'Pytest',
      'Unittest',
      'Rspec',
    ]),
    args: str('Arguments passed to the build tool.'),
    buildEnvironment: oneOfValues('.NET build environment.', ['Core', 'Framework']),
    frameworkVersion: oneOfValues('.NET framework version.', ['5.0', '6.0']),
    pythonVersion: oneOfValues('Python major version.', ['3', '2']),
    packages: str('Comma-separated packages that hold the tests.'),
    namespaces: str('Comma-separated .NET namespaces.'),
    testAnnotations: str('Comma-separated annotations that mark tests.'),
    testGlobs: str('Glob pattern that selects the test files.'),
    testRoot: str('Root directory of the tests.'),
    preCommand: str('Commands run before the tests.'),
    postCommand: str('Commands run after the tests.'),
    runOnlySelectedTests: bool('Run only the tests Test Intelligence selects (false runs all).'),
    enableTestSplitting: bool('Split tests across parallel copies of the step.'),
    testSplitStrategy: oneOfValues('How tests are split.', ['ClassTiming', 'TestCount']),
    shell: shellKinds(),
    envVariables: envMap(),
    outputVariables: outputVariables(),
    reports: reports(),
  },
  { required: ['language', 'buildTool'] },
);

step(
  d,
  'Test',
  'Runs tests with Test Intelligence (newer step that works for any language).',
  {
    ...containerFields('Test'),
    command: str('Commands that run the tests.'),
    shell: shellKinds(),
    envVariables: envMap(),
    outputVariables: outputVariables(),
    reports: reports(),
    intelligenceMode: bool('Turn on test selection.'),
    globs: strList('Glob patterns of test files.', 'A glob.'),
    splitting: anyValue('Test splitting settings.'),
  },
  { required: ['command'] },
);

step(
  d,
  'Plugin',
  'Runs a Drone or Harness plugin image with settings.',
  {
    ...containerFields('plugin'),
    registryRef: str('Harness Artifact Registry to pull the image from (instead of a connector).'),
    uses: str('Plugin name from the plugin marketplace (instead of an image).'),
    settings: anyValue('Plugin settings; each becomes a PLUGIN_<KEY> environment variable.'),
    entrypoint: strList('Overrides the image entrypoint.', 'An entrypoint argument.'),
    envVariables: envMap(),
    reports: reports(),
  },
  { closed: true },
);

step(
  d,
  'Action',
  'Runs a GitHub Action (Harness Cloud builds).',
  {
    uses: str('The action, as owner/repo@version.'),
    with: anyValue('Inputs of the action.'),
    env: envMap(),
  },
  { required: ['uses'], closed: true },
);

step(
  d,
  'Bitrise',
  'Runs a Bitrise step (Harness Cloud builds).',
  {
    uses: str('The Bitrise step repository.'),
    with: anyValue('Inputs of the step.'),
    env: envMap(),
  },
  { required: ['uses'] },
);

step(
  d,
  'Background',
  'Starts a long-running service container (database, cache …) that later steps can reach.',
  {
    ...containerFields('service'),
    command: str('Commands that start the service.'),
    shell: shellKinds(),
    entrypoint: strList('Overrides the image entrypoint.', 'An entrypoint argument.'),
    envVariables: envMap(),
    portBindings: {
      type: 'object',
      description: 'Host port to container port mappings.',
      additionalProperties: { type: ['string', 'integer'], description: 'Container port.' },
    },
    reports: reports(),
  },
  { closed: true },
);

step(
  d,
  'GitClone',
  'Clones an additional repository into the workspace.',
  {
    ...cloneFields(),
    ...pluginStepFields(),
    privileged: bool('Run the clone container in privileged mode.'),
    projectName: str('Azure DevOps project name.'),
    outputFilePathsContent: strList('Files whose content is exported as outputs.', 'A file path.'),
  },
  { required: ['build'], closed: true },
);

const imageBuildFields = (): Record<string, JsonSchema> => ({
  ...pluginStepFields(),
  ...imageBuildShared(),
});
const imageBuildShared = (): Record<string, JsonSchema> =>
  sharedFields('ImageBuild', {
    context: str('Build context directory.'),
    dockerfile: str('Path of the Dockerfile.'),
    target: str('Build stage to stop at (multi-stage Dockerfiles).'),
    tags: strList('Image tags to push.', 'A tag, e.g. latest or <+pipeline.sequenceId>.'),
    labels: strMap('Labels added to the pod or image.'),
    buildArgs: strMap('Docker build arguments (--build-arg NAME=value).'),
    optimize: bool('Use a faster build (--snapshotMode=redo) with Kaniko.'),
    caching: bool('Enable Docker layer caching.'),
    cacheFrom: strList('Images to use as cache sources.', 'An image reference.'),
    cacheTo: str('Where to export the build cache.'),
    envVariables: envMap(),
    envDockerSecrets: strMap('Build secrets taken from environment variables (secret id to variable name).'),
    fileDockerSecrets: strMap('Build secrets taken from files (secret id to file path).'),
  });

step(
  d,
  'BuildAndPushDockerRegistry',
  'Builds an image and pushes it to a Docker registry.',
  {
    ...imageBuildFields(),
    connectorRef: connectorRef('the Docker registry'),
    registryRef: str('Harness Artifact Registry to push to (instead of a connector).'),
    repo: str('Repository to push to, e.g. myorg/myapp.'),
    remoteCacheRepo: str('Repository that holds the remote layer cache.'),
  },
  { closed: true },
);

step(
  d,
  'BuildAndPushECR',
  'Builds an image and pushes it to Amazon ECR.',
  {
    ...imageBuildFields(),
    connectorRef: connectorRef('AWS'),
    region: str('AWS region of the registry.'),
    account: str('AWS account ID that owns the registry.'),
    imageName: str('Repository (image) name.'),
    remoteCacheImage: str('Image that holds the remote layer cache.'),
  },
  { required: ['connectorRef', 'region', 'account', 'imageName', 'tags'], closed: true },
);

step(
  d,
  'BuildAndPushGCR',
  'Builds an image and pushes it to Google Container Registry.',
  {
    ...imageBuildFields(),
    connectorRef: connectorRef('GCP'),
    host: str('Registry host, e.g. gcr.io.'),
    projectID: str('GCP project ID.'),
    imageName: str('Image name.'),
    remoteCacheImage: str('Image that holds the remote layer cache.'),
  },
  { required: ['connectorRef', 'host', 'projectID', 'imageName', 'tags'], closed: true },
);

step(
  d,
  'BuildAndPushGAR',
  'Builds an image and pushes it to Google Artifact Registry.',
  {
    ...imageBuildFields(),
    connectorRef: connectorRef('GCP'),
    host: str('Registry host, e.g. us-docker.pkg.dev.'),
    projectID: str('GCP project ID.'),
    imageName: str('Repository and image name.'),
    remoteCacheImage: str('Image that holds the remote layer cache.'),
  },
  { required: ['connectorRef', 'host', 'projectID', 'imageName', 'tags'], closed: true },
);

step(
  d,
  'BuildAndPushACR',
  'Builds an image and pushes it to Azure Container Registry.',
  {
    ...imageBuildFields(),
    connectorRef: connectorRef('Azure'),
    repository: str('Full repository, e.g. myregistry.azurecr.io/myapp.'),
    subscriptionId: str('Azure subscription ID.'),
    remoteCacheImage: str('Image that holds the remote layer cache.'),
  },
  { required: ['connectorRef', 'repository', 'tags'], closed: true },
);

const archiveFormat = oneOfValues('Archive format of the cache.', ['Tar', 'Gzip', 'Zstd']);

const s3Fields = (): Record<string, JsonSchema> => ({
  ...pluginStepFields(),
  connectorRef: connectorRef('AWS'),
  region: str('AWS region of the bucket.'),
  bucket: str('Bucket name.'),
  endpoint: str('Custom S3-compatible endpoint URL.'),
  pathStyle: bool('Use path-style bucket addressing.'),
});

const gcsFields = (): Record<string, JsonSchema> => ({
  ...pluginStepFields(),
  connectorRef: connectorRef('GCP'),
  bucket: str('Bucket name.'),
});

step(
  d,
  'SaveCacheS3',
  'Saves files (dependencies, build outputs) to an S3 bucket under a cache key.',
  {
    ...s3Fields(),
    key: str('Cache key; use checksum expressions, e.g. npm-{{ checksum "package-lock.json" }}.'),
    sourcePaths: strList('Files and directories to cache.', 'A path.'),
    archiveFormat,
    override: bool('Overwrite an existing cache with the same key.'),
  },
  { required: ['connectorRef', 'bucket', 'key', 'sourcePaths'], closed: true },
);

step(
  d,
  'RestoreCacheS3',
  'Restores files saved by SaveCacheS3.',
  {
    ...s3Fields(),
    key: str('Cache key to restore.'),
    archiveFormat,
    failIfKeyNotFound: bool('Fail the step when no cache has this key.'),
    preserveMetadata: bool('Keep file permissions and timestamps.'),
  },
  { required: ['connectorRef', 'bucket', 'key'], closed: true },
);

step(
  d,
  'SaveCacheGCS',
  'Saves files to a Google Cloud Storage bucket under a cache key.',
  {
    ...gcsFields(),
    key: str('Cache key.'),
    sourcePaths: strList('Files and directories to cache.', 'A path.'),
    archiveFormat,
    override: bool('Overwrite an existing cache with the same key.'),
  },
  { required: ['connectorRef', 'bucket', 'key', 'sourcePaths'], closed: true },
);

step(
  d,
  'RestoreCacheGCS',
  'Restores files saved by SaveCacheGCS.',
  {
    ...gcsFields(),
    key: str('Cache key to restore.'),
    archiveFormat,
    failIfKeyNotFound: bool('Fail the step when no cache has this key.'),
    preserveMetadata: bool('Keep file permissions and timestamps.'),
  },
  { required: ['connectorRef', 'bucket', 'key'], closed: true },
);

step(
  d,
  'S3Upload',
  'Uploads files to an S3 bucket.',
  {
    ...s3Fields(),
    sourcePath: str('File, directory or glob to upload.'),
    target: str('Destination path inside the bucket.'),
    stripPrefix: str('Prefix removed from the uploaded paths.'),
  },
  { required: ['connectorRef', 'bucket', 'region', 'sourcePath'] },
);

step(
  d,
  'GCSUpload',
  'Uploads files to a Google Cloud Storage bucket.',
  {
    ...gcsFields(),
    sourcePath: str('File, directory or glob to upload.'),
    target: str('Destination path inside the bucket.'),
  },
  { required: ['connectorRef', 'bucket', 'sourcePath'] },
);

step(
  d,
  'ArtifactoryUpload',
  'Uploads files to a JFrog Artifactory repository.',
  {
    ...pluginStepFields(),
    connectorRef: connectorRef('Artifactory'),
    sourcePath: str('File, directory or glob to upload.'),
    target: str('Repository path to upload to.'),
    uploadAsFlat: bool('Upload files without their directory structure.'),
  },
  { required: ['connectorRef', 'sourcePath', 'target'] },
);

step(d, 'HarUpload', 'Uploads a package to a Harness Artifact Registry.', {
  registryRef: str('Artifact Registry to upload to.'),
  sourcePath: str('File, directory or glob to upload.'),
  packageType: str('Kind of package, e.g. GENERIC or MAVEN.'),
});

step(
  d,
  'SaveCache',
  'Saves files to the Harness-managed cache (Harness Cloud).',
  {
    key: str('Cache key.'),
    paths: strList('Files and directories to cache.', 'A path.'),
    ...pluginStepFields(),
  },
  { required: ['key'] },
);

step(
  d,
  'RestoreCache',
  'Restores files from the Harness-managed cache (Harness Cloud).',
  {
    key: str('Cache key.'),
    failIfKeyNotFound: bool('Fail the step when no cache has this key.'),
    ...pluginStepFields(),
  },
  { required: ['key'] },
);
