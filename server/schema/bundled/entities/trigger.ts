// The `trigger` root: a Harness trigger as written in its YAML editor and kept in Git (v0 YAML). A trigger starts a
// pipeline on a webhook event, a schedule, a new artifact or Helm chart version, or another
// pipeline's outcome.
//
// Facts (key names, type values, enum values) come from harness/harness-schema v0/trigger/*
// (read for facts only: that repository has no license) and from developer.harness.io (triggers
// reference, cron triggers, trigger input overrides). Structure and wording are our own. Where
// no source shows something, the comment next to it says it is an assumption.
//
// Closed key lists: the source lists every key of these objects; an unknown key far from all of
// them is only a warning (Harness ignores it), a near-miss is an error with a did-you-mean.
// Every discriminated union lets a type it does not know through as a warning: Harness adds
// event and artifact types over time.
import {
  bool,
  list,
  obj,
  oneOfValues,
  ref,
  sharedFields,
  shared,
  str,
  strList,
  typeConst,
  union,
} from '../build';
import { description, identifier, name, tags } from '../common';
import type { Definitions, JsonSchema } from '../types';

const d: Definitions = {};

// v0/trigger/trigger.yaml: the root keys. `name` is required here although the source only
// requires identifier, orgIdentifier and projectIdentifier (assumption: the Harness UI always
// writes it and every documented trigger has one).
d.Trigger = obj(
  'A Harness trigger: what starts a pipeline, with which inputs.',
  {
    name: name('trigger'),
    identifier: identifier('trigger'),
    enabled: bool('Whether the trigger fires.'),
    description: description('trigger'),
    tags: tags('trigger'),
    orgIdentifier: str('Organization of the pipeline the trigger starts.'),
    projectIdentifier: str('Project of the pipeline the trigger starts.'),
    pipelineIdentifier: str('Identifier of the pipeline the trigger starts.'),
    pipelineBranchName: str(
      'Git branch of the pipeline version to run (pipelines stored in Git), e.g. <+trigger.branch>.',
    ),
    stagesToExecute: strList('Stages to run (identifiers); empty runs them all.', 'A stage identifier.'),
    inputSetRefs: strList(
      'Input sets supplying the runtime inputs; inputYaml overrides them.',
      'An input set identifier.',
    ),
    // developer.harness.io docs/platform/pipelines/input-sets.md ("Example trigger YAML with
    // inputSetBranchName"): newer than v0/trigger/trigger.yaml.
    inputSetBranchName: str(
      'Git branch the input sets (inputSetRefs) are read from when they are stored in Git, e.g. <+trigger.sourceBranch>.',
    ),
    inputYaml: str('Runtime inputs as YAML text: pipeline: with its identifier and the <+input> values.'),
    source: ref('TriggerSource', 'What fires the trigger.'),
    encryptedWebhookSecretIdentifier: str('Secret Harness verifies webhook event signatures with.'),
  },
  { required: ['name', 'identifier', 'orgIdentifier', 'projectIdentifier'], closed: true },
);

// v0/trigger/trigger_source.yaml: the source types and the keys every source has. What
// pollInterval and webhookId do is read from their names and pattern (assumption: no doc shows).
const sourceKeys = shared('TriggerSourceKeys', () =>
  obj('Polling settings every source accepts.', {
    pollInterval: str('Polling interval, e.g. 5m or 1h.'),
    webhookId: str('Webhook ID, used with pollInterval.'),
  }),
);
/** A source type: its `type`, its `spec` and the keys every source has. */
const source = (description: string, type: string, spec: JsonSchema): JsonSchema =>
  withBase(sourceKeys, description, { type: typeConst(type, 'Trigger source type.'), spec }, [
    'type',
    'spec',
  ]);

d.TriggerSource = union(
  'What fires the trigger; type picks the kind.',
  [
    'TriggerSource_Webhook',
    'TriggerSource_Scheduled',
    'TriggerSource_Artifact',
    'TriggerSource_Manifest',
    'TriggerSource_MultiRegionArtifact',
    'TriggerSource_SystemEvent',
  ],
  'triggerSource',
  { unknownIsWarning: true },
);

// ---------------------------------------------------------------------------------------------
// Conditions: v0/trigger/trigger_event_data.yaml (key, operator, value).
d.TriggerCondition = obj(
  'One condition: key compared with value by operator.',
  {
    key: str(
      'What to test: sourceBranch, targetBranch, changedFiles, build … or an expression such as <+trigger.payload.repository.name>.',
    ),
    operator: oneOfValues('How the value is compared.', [
      'Equals',
      'NotEquals',
      'In',
      'NotIn',
      'StartsWith',
      'EndsWith',
      'Contains',
      'DoesNotContain',
      'Regex',
    ]),
    value: str('Value compared with; comma-separated for In and NotIn.'),
  },
  { closed: true },
);
const conditions = (what: string): JsonSchema =>
  list(`${what} All must hold.`, { $ref: '#/definitions/TriggerCondition' });

const C = sharedFields('Trigger', {
  jexlCondition: str('A JEXL expression that must also be true.'),
  eventConditions: conditions('Conditions on the new version (key build).'),
  autoAbortPreviousExecutions: bool(
    'Abort running executions of this trigger for the same branch or pull request on a newer event.',
  ),
  connectorRef: str('Connector to the repository, registry or server.'),
  stageIdentifier: str('Stage whose service holds the artifact or manifest.'),
});

/** A closed object whose keys are `props` and those of the shared definition `base`. */
const withBase = (
  base: JsonSchema,
  description: string,
  props: Record<string, JsonSchema>,
  required?: string[],
): JsonSchema => ({ ...obj(description, props, { required, closed: true }), allOf: [base] });

/** The condition keys of webhook specs, stored once. */
const webhookConditions = shared('TriggerWebhookConditions', () =>
  obj('Webhook conditions.', {
    payloadConditions: conditions('Conditions on the event payload.'),
    headerConditions: conditions('Conditions on the HTTP headers of the request.'),
    jexlCondition: C.jexlCondition,
  }),
);

// ---------------------------------------------------------------------------------------------
// Webhook: v0/trigger/trigger_type/webhook_trigger.yaml and v0/trigger/webhook_trigger/*.
// Each provider's events (<provider>_spec.yaml) and each event's keys (<provider>_<event>_spec.yaml).

/** Keys of a Git event spec besides the conditions and repoName. */
interface GitKeys {
  actions?: string[];
  /** Harness Code repositories need no connector. */
  noConnector?: boolean;
  noAutoAbort?: boolean;
}

// Events the source gives no actions still accept `actions`: the Harness UI writes `actions: []`
// on them (seen on GitHub Push triggers in Harness's examples); assumption: Harness ignores it.
const unusedActions = shared('TriggerUnusedActions', () =>
  strList('Unused by this event (the UI writes []).', 'An action.'),
);
const repoName = shared('TriggerRepoName', () => str('Repository, for an account-level connector.'));

/** connectorRef, repoName and autoAbortPreviousExecutions next to the conditions, stored once. */
const gitKeys = shared('TriggerGitKeys', () => ({
  ...obj('Git event filter keys.', {
    connectorRef: C.connectorRef,
    repoName,
    autoAbortPreviousExecutions: C.autoAbortPreviousExecutions,
  }),
  allOf: [webhookConditions],
}));

const gitSpec = (k: GitKeys): JsonSchema => {
  const actions = k.actions
    ? list('Actions that fire it (empty: any).', { type: 'string', enum: k.actions })
    : unusedActions;
  if (!k.noConnector && !k.noAutoAbort) return withBase(gitKeys, 'Event filter.', { actions });
  return withBase(webhookConditions, 'Event filter.', {
    ...(k.noConnector ? {} : { connectorRef: C.connectorRef }),
    repoName,
    ...(k.noAutoAbort ? {} : { autoAbortPreviousExecutions: C.autoAbortPreviousExecutions }),
    actions,
  });
};

/**
 * A Git event definition: one event type, or a family of event types with the same keys. A spec
 * used by several definitions is passed as a `shared` reference.
 */
const event = (defName: string, what: string, types: string[], spec: JsonSchema): string => {
  d[defName] ??= obj(
    what,
    {
      type: types.length === 1 ? typeConst(types[0], 'Event type.') : oneOfValues('Event type.', types),
      spec,
    },
    { required: ['type', 'spec'], closed: true },
  );
  return defName;
};
const pushSpec = shared('TriggerGitSpec_Push', () => gitSpec({}));
const commentSpec = shared('TriggerGitSpec_Comment', () =>
  gitSpec({ actions: ['Create', 'Edit', 'Delete'] }),
);
const harnessRef = gitSpec({ noConnector: true, noAutoAbort: true, actions: ['Create', 'Delete'] });
const push = (): string => event('TriggerGitEvent_Push', 'Commits pushed.', ['Push'], pushSpec);
const issueComment = (): string =>
  event(
    'TriggerGitEvent_IssueComment',
    'Comments on issues or pull requests.',
    ['IssueComment'],
    commentSpec,
  );

const gitProviders: Record<string, [string, string[]]> = {
  // webhook_trigger/github_*.yaml
  Github: [
    'GitHub events, through a GitHub connector.',
    [
      event(
        'TriggerGithub_PullRequest',
        'Pull request activity.',
        ['PullRequest'],
        gitSpec({
          actions: ['Open', 'Close', 'Reopen', 'Edit', 'Synchronize', 'Label', 'Unlabel', 'ReadyForReview'],
        }),
      ),
      push(),
      issueComment(),
      event(
        'TriggerGithub_Release',
        'Release activity.',
        ['Release'],
        gitSpec({ actions: ['Create', 'Edit', 'Delete', 'Prerelease', 'Publish', 'Release', 'Unpublish'] }),
      ),
      event(
        'TriggerGithub_Ref',
        'A branch or tag created or deleted, or a pull request entering the merge queue.',
        ['Create', 'Delete', 'MergeQueue'],
        gitSpec({ noAutoAbort: true }),
      ),
      event(
        'TriggerGithub_PullRequestReview',
        'Pull request reviews.',
        ['PullRequestReview'],
        gitSpec({ actions: ['Submitted', 'Edited', 'Dismissed'] }),
      ),
    ],
  ],
  // webhook_trigger/gitlab_*.yaml
  Gitlab: [
    'GitLab events, through a GitLab connector.',
    [
      event(
        'TriggerGitlab_MergeRequest',
        'Merge request activity.',
        ['MergeRequest'],
        gitSpec({ actions: ['Open', 'Close', 'Reopen', 'Merge', 'Update', 'Sync'] }),
      ),
      event(
        'TriggerGitlab_Push',
        'Commits or tags pushed, or a GitLab pipeline event.',
        ['Push', 'Tag', 'PipelineHook'],
        pushSpec,
      ),
      event(
        'TriggerGitlab_MRComment',
        'Comments on merge requests.',
        ['MRComment'],
        gitSpec({ actions: ['Create'] }),
      ),
    ],
  ],
  // webhook_trigger/bitbucket_*.yaml
  Bitbucket: [
    'Bitbucket events, through a Bitbucket connector.',
    [
      event(
        'TriggerBitbucket_PullRequest',
        'Pull request activity.',
        ['PullRequest'],
        gitSpec({ actions: ['Create', 'Update', 'Merge', 'Decline'] }),
      ),
      push(),
      event('TriggerBitbucket_PRComment', 'Comments on pull requests.', ['PRComment'], commentSpec),
    ],
  ],
  // webhook_trigger/azure_*.yaml
  AzureRepo: [
    'Azure Repos events, through an Azure Repos connector.',
    [
      event(
        'TriggerAzureRepo_PullRequest',
        'Pull request activity.',
        ['PullRequest'],
        gitSpec({ actions: ['Create', 'Update', 'Merge'] }),
      ),
      push(),
      issueComment(),
    ],
  ],
  // webhook_trigger/harness_*.yaml: Harness Code repositories (no connector).
  Harness: [
    'Harness Code repository events.',
    [
      event(
        'TriggerHarness_PullRequest',
        'Pull request activity.',
        ['PullRequest'],
        gitSpec({ noConnector: true, actions: ['Create', 'Update', 'Reopen', 'Merge', 'Comment'] }),
      ),
      event('TriggerHarness_Push', 'Commits pushed.', ['Push'], gitSpec({ noConnector: true })),
      event('TriggerHarness_Ref', 'A branch or tag created or deleted.', ['Branch', 'Tag'], harnessRef),
      event(
        'TriggerHarness_MergeQueue',
        'A pull request entering the merge queue.',
        ['MergeQueue'],
        gitSpec({ noConnector: true, noAutoAbort: true }),
      ),
    ],
  ],
  // webhook_trigger/aws_commit_*.yaml: no header conditions and no autoAbortPreviousExecutions.
  AwsCodeCommit: [
    'AWS CodeCommit events, through an AWS CodeCommit connector.',
    [
      event(
        'TriggerAwsCodeCommit_Push',
        'Commits pushed.',
        ['Push'],
        obj(
          'Which pushes fire the trigger.',
          {
            connectorRef: C.connectorRef,
            repoName,
            payloadConditions: conditions('Conditions on the event payload.'),
            jexlCondition: C.jexlCondition,
          },
          { closed: true },
        ),
      ),
    ],
  ],
  // webhook_trigger/harness_artifact_registry_spec.yaml, har_artifact_spec.yaml
  HarnessArtifactRegistry: [
    'Harness Artifact Registry events.',
    [
      event(
        'TriggerHarnessArtifactRegistry_Artifact',
        'Artifacts pushed to or deleted from the registry.',
        ['Artifact'],
        withBase(
          webhookConditions,
          'Which registry events fire the trigger.',
          {
            registryName: str('Registry watched.'),
            actions: list('Actions that fire it (empty: any).', {
              type: 'string',
              enum: ['ArtifactCreation', 'ArtifactDeletion'],
            }),
            autoAbortPreviousExecutions: C.autoAbortPreviousExecutions,
          },
          ['registryName'],
        ),
      ),
    ],
  ],
};

const webhookBranches: string[] = [];
for (const [provider, [what, evs]] of Object.entries(gitProviders)) {
  const defName = `TriggerWebhook_${provider}`;
  d[defName] = obj(
    what,
    {
      type: typeConst(provider, 'Webhook provider.'),
      spec: union('The event.', evs, 'webhookEvent', { unknownIsWarning: true }),
    },
    { required: ['type', 'spec'], closed: true },
  );
  webhookBranches.push(defName);
}

// webhook_trigger/custom_trigger_spec.yaml: any system calling the trigger's webhook URL.
d.TriggerWebhook_Custom = obj(
  'A custom webhook: any system that calls the trigger webhook URL.',
  {
    type: typeConst('Custom', 'Webhook provider.'),
    spec: withBase(webhookConditions, 'Conditions on the incoming request.', {}),
  },
  { required: ['type'], closed: true },
);

// webhook_trigger/event_bridge_spec.yaml
d.TriggerWebhook_EventRelay = obj(
  'Events relayed by a Harness event relay webhook.',
  {
    type: typeConst('EventRelay', 'Webhook provider.'),
    spec: withBase(webhookConditions, 'Which relayed events fire the trigger.', {
      webhookIdentifier: str('Harness webhook the events arrive on.'),
      autoAbortPreviousExecutions: C.autoAbortPreviousExecutions,
    }),
  },
  { required: ['type', 'spec'], closed: true },
);
webhookBranches.push('TriggerWebhook_Custom', 'TriggerWebhook_EventRelay');

d.TriggerSource_Webhook = source(
  'Fires on a webhook event: a Git provider event, a custom webhook call or a registry event.',
  'Webhook',
  union('The webhook provider; type picks it.', webhookBranches, 'webhook', { unknownIsWarning: true }),
);

// ---------------------------------------------------------------------------------------------
// Scheduled: v0/trigger/trigger_type/scheduled_trigger.yaml, scheduled_trigger/cron_trigger_spec.yaml.
// UNIX and QUARTZ: developer.harness.io "Schedule pipelines using triggers"; Harness reads an empty
// type as UNIX (harness-core NGTriggerEntity).
d.TriggerSource_Scheduled = source(
  'Fires on a schedule.',
  'Scheduled',
  obj(
    'The schedule.',
    {
      type: oneOfValues('Kind of schedule.', ['Cron']),
      spec: obj(
        'A cron schedule.',
        {
          expression: str(
            'Cron expression, e.g. 0 4 * * MON-FRI (UNIX: minute hour day month weekday) or 0 0 4 ? * MON-FRI (QUARTZ: with seconds).',
          ),
          type: oneOfValues('Cron syntax of expression (UNIX when left out).', ['UNIX', 'QUARTZ']),
          timezone: str('IANA time zone the expression is read in, e.g. Europe/London (default UTC).'),
        },
        { required: ['expression'], closed: true },
      ),
    },
    { required: ['type', 'spec'], closed: true },
  ),
);

// ---------------------------------------------------------------------------------------------
// Artifact: v0/trigger/trigger_type/artifact_trigger.yaml and v0/trigger/artifact_trigger/*.yaml.
const A = sharedFields('TriggerArtifact', {
  tag: str('Tag watched; <+trigger.artifact.build> lets any new tag fire the trigger.'),
  imagePath: str('Image path in the registry, e.g. library/nginx.'),
  region: str('Cloud region of the registry or bucket.'),
  version: str('Version watched; <+trigger.artifact.build> lets any new version fire the trigger.'),
  versionRegex: str('Regular expression a new version must match.'),
  project: str('Cloud project (Google Cloud or Azure DevOps).'),
  packageName: str('Package watched.'),
  packageType: str('Package type, e.g. maven, npm, nuget, container.'),
  repositoryFormat: str('Repository format, e.g. docker, maven, npm, nuget, raw, generic.'),
  repositoryUrl: str('Repository URL, for docker repositories reached through a proxy or port.'),
  artifactPath: str('Path of the artifact watched.'),
  build: str('Build watched; <+trigger.artifact.build> lets any new build fire the trigger.'),
  nameValues: list(
    'Name/value pairs the image must carry.',
    obj('One pair.', { name: str('Name.'), value: str('Value.') }, { closed: true }),
  ),
});

/** Artifact spec keys by type; each also gets the condition keys. */
const artifactSpecs: Record<string, [string, Record<string, JsonSchema>]> = {
  // acr_spec.yaml
  Acr: [
    'Azure Container Registry images.',
    {
      subscriptionId: str('Azure subscription of the registry.'),
      registry: str('Registry name.'),
      repository: str('Repository in the registry.'),
      tag: A.tag,
    },
  ],
  // ami_registry_spec.yaml, ami_filter.yaml, ami_tag.yaml
  AmazonMachineImage: [
    'Amazon Machine Images.',
    {
      region: A.region,
      tags: { ...A.nameValues, description: 'AMI tags (name/value) the image must carry.' },
      filters: { ...A.nameValues, description: 'AMI filters (name/value) the image must match.' },
      version: A.version,
      versionRegex: A.versionRegex,
    },
  ],
  // amazon_s3_registry.yaml
  AmazonS3: [
    'Files in an Amazon S3 bucket.',
    {
      region: A.region,
      bucketName: str('Bucket watched.'),
      filePathRegex: str('Regular expression a new file path must match.'),
    },
  ],
  // artifactory_registry.yaml
  ArtifactoryRegistry: [
    'Artifacts in a JFrog Artifactory repository.',
    {
      repository: str('Repository watched.'),
      repositoryFormat: A.repositoryFormat,
      repositoryUrl: A.repositoryUrl,
      artifactDirectory: str('Directory of a generic repository.'),
      artifactPath: A.artifactPath,
      artifactFilter: str('Filter (path pattern) a new artifact must match.'),
    },
  ],
  // azure_artifact.yaml
  AzureArtifacts: [
    'Packages in an Azure Artifacts feed.',
    {
      project: A.project,
      feed: str('Feed watched.'),
      packageType: A.packageType,
      packageName: A.packageName,
      version: A.version,
      versionRegex: A.versionRegex,
    },
  ],
  // bamboo.yaml
  Bamboo: [
    'Bamboo plan builds.',
    {
      planKey: str('Key of the Bamboo plan.'),
      artifactPaths: strList('Artifact paths of the build.', 'A path.'),
      build: A.build,
    },
  ],
  // custom_artifact.yaml (no connector: a script lists the versions)
  CustomArtifact: [
    'Versions listed by a script of your own.',
    {
      script: str('Shell script that fetches the artifact list (as JSON) to a file.'),
      artifactsArrayPath: str('Path of the artifact array in the JSON, e.g. results.'),
      versionPath: str('Path of the version inside each artifact entry.'),
      version: A.version,
      inputs: list('Variables the script can read.', ref('Variable', 'One variable.')),
      metadata: {
        type: 'object',
        description: 'Metadata to read from each artifact entry: name to JSON path.',
        additionalProperties: { type: 'string', description: 'JSON path of the value.' },
      },
    },
  ],
  // docker_registry.yaml
  DockerRegistry: ['Images in a Docker registry.', { imagePath: A.imagePath, tag: A.tag }],
  // ecr.yaml
  Ecr: [
    'Images in Amazon ECR.',
    {
      region: A.region,
      registryId: str('AWS account ID of the registry, when it is not the connector account.'),
      imagePath: A.imagePath,
      tag: A.tag,
    },
  ],
  // gcr.yaml
  Gcr: [
    'Images in Google Container Registry.',
    {
      registryHostname: str('Registry host, e.g. gcr.io or eu.gcr.io.'),
      imagePath: A.imagePath,
      tag: A.tag,
    },
  ],
  // gce_image_registry_spec.yaml, gce_image_filter.yaml, gce_image_label.yaml
  GceImage: [
    'Google Compute Engine images.',
    {
      project: A.project,
      labels: { ...A.nameValues, description: 'Image labels (name/value) the image must carry.' },
      filters: { ...A.nameValues, description: 'Image filters (name/value) the image must match.' },
      version: A.version,
      versionRegex: A.versionRegex,
    },
  ],
  // github_packages.yaml
  GithubPackageRegistry: [
    'Packages in GitHub Packages.',
    {
      org: str('GitHub organization of the package (empty: the connector user).'),
      packageType: A.packageType,
      packageName: A.packageName,
    },
  ],
  // gar_spec.yaml
  GoogleArtifactRegistry: [
    'Packages in Google Artifact Registry.',
    {
      project: A.project,
      region: A.region,
      repositoryName: str('Repository watched.'),
      pkg: str('Package watched.'),
      version: A.version,
    },
  ],
  // google_cloud.yaml
  GoogleCloudStorage: [
    'Files in a Google Cloud Storage bucket.',
    {
      project: A.project,
      bucket: str('Bucket watched.'),
      artifactPath: A.artifactPath,
    },
  ],
  // jenkins_registry.yaml
  Jenkins: [
    'Jenkins job builds.',
    {
      jobName: str('Jenkins job watched.'),
      artifactPath: A.artifactPath,
      build: A.build,
    },
  ],
  // nexus.yaml
  Nexus2Registry: [
    'Artifacts in a Nexus 2 repository.',
    {
      repositoryName: str('Repository watched.'),
      repositoryFormat: A.repositoryFormat,
      repositoryUrl: A.repositoryUrl,
      groupId: str('Maven group ID.'),
      artifactId: str('Maven artifact ID.'),
      extension: str('File extension of the artifact.'),
      classifier: str('Maven classifier.'),
      packageName: A.packageName,
      tag: A.tag,
    },
  ],
  // nexus_registry.yaml
  Nexus3Registry: [
    'Artifacts in a Nexus 3 repository.',
    {
      repository: str('Repository watched.'),
      repositoryFormat: A.repositoryFormat,
      repositoryUrl: A.repositoryUrl,
      imagePath: A.imagePath,
      groupId: str('Maven group ID.'),
      artifactId: str('Maven artifact ID.'),
      extension: str('File extension of the artifact.'),
      classifier: str('Maven classifier.'),
      packageName: A.packageName,
      group: str('Group of a raw repository.'),
      tag: A.tag,
    },
  ],
};

const artifactConditions = shared('TriggerArtifactConditions', () =>
  obj('Artifact conditions.', {
    eventConditions: C.eventConditions,
    metaDataConditions: conditions('Conditions on the new version metadata (an expression as key).'),
    jexlCondition: C.jexlCondition,
  }),
);
// Every artifact type but CustomArtifact (a script lists its versions) reads through a connector.
const connectedArtifact = shared('TriggerArtifactConnected', () => ({
  ...obj('Connector and artifact conditions.', { connectorRef: C.connectorRef }),
  allOf: [artifactConditions],
}));
const artifactRef = shared('TriggerArtifactRef', () =>
  str('Artifact source (identifier) in the stage service.'),
);
// stageIdentifier and artifactRef: on an artifact source; a multi-region source's entries
// (artifact_type_spec_wrapper.yaml) have type and spec only, and use the same definitions.
const artifactKeys = shared('TriggerArtifactKeys', () =>
  obj('Which service artifact is watched.', { stageIdentifier: C.stageIdentifier, artifactRef }),
);
const artifactBranches = Object.entries(artifactSpecs).map(([type, [what, keys]]) => {
  const defName = `TriggerArtifact_${type}`;
  d[defName] = withBase(
    artifactKeys,
    what,
    {
      type: typeConst(type, 'Registry type.'),
      spec: withBase(
        type === 'CustomArtifact' ? artifactConditions : connectedArtifact,
        'Registry settings.',
        keys,
      ),
    },
    ['type', 'spec'],
  );
  return defName;
});
d.TriggerArtifact = union(
  'The artifact source watched; type picks the registry.',
  artifactBranches,
  'triggerArtifact',
  { unknownIsWarning: true },
);

d.TriggerSource_Artifact = source(
  'Fires when a new artifact version appears (polled by Harness).',
  'Artifact',
  ref('TriggerArtifact', 'The artifact watched.'),
);

// v0/trigger/trigger_type/multi_region_trigger.yaml: the same artifact in several registries.
// Its type list is the artifact list without GceImage.
d.TriggerSource_MultiRegionArtifact = source(
  'Fires when a new version of an artifact kept in several registries (regions) appears.',
  'MultiRegionArtifact',
  withBase(artifactConditions, 'The artifact and the registries it is watched in.', {
    type: oneOfValues(
      'Registry type of the sources.',
      Object.keys(artifactSpecs).filter((t) => t !== 'GceImage'),
    ),
    stageIdentifier: C.stageIdentifier,
    artifactRef,
    sources: list('The registries watched.', ref('TriggerArtifact', 'One registry: type and spec.')),
  }),
);

// ---------------------------------------------------------------------------------------------
// Manifest: v0/trigger/trigger_type/manifest_trigger.yaml, manifest_trigger/helm_spec.yaml and
// build_store*.yaml (the chart stores Http, S3 and Gcs).
const store = (type: string, what: string, keys: Record<string, JsonSchema>): string => {
  const defName = `TriggerHelmStore_${type}`;
  d[defName] = obj(
    what,
    { type: typeConst(type, 'Store type.'), spec: obj('Where the charts are.', keys, { closed: true }) },
    { required: ['type', 'spec'], closed: true },
  );
  return defName;
};
const bucketKeys = {
  connectorRef: C.connectorRef,
  bucketName: str('Bucket holding the charts.'),
  folderPath: str('Folder of the chart in the bucket.'),
};
d.TriggerHelmChart = obj(
  'Helm chart versions watched.',
  {
    type: typeConst('HelmChart', 'Helm chart.'),
    stageIdentifier: C.stageIdentifier,
    manifestRef: str('Identifier of the manifest in the stage service that is watched.'),
    spec: obj(
      'The chart and its store.',
      {
        chartName: str('Chart watched.'),
        chartVersion: str(
          'Chart version; <+trigger.manifest.version> lets any new version fire the trigger.',
        ),
        helmVersion: oneOfValues('Helm version used to read the chart repository.', [
          'V2',
          'V3',
          'V380',
          'V4',
        ]),
        store: union(
          'Where the chart repository is; type picks the store.',
          [
            store('Http', 'An HTTP Helm repository.', { connectorRef: C.connectorRef }),
            store('S3', 'An Amazon S3 bucket.', { ...bucketKeys, region: A.region }),
            store('Gcs', 'A Google Cloud Storage bucket.', bucketKeys),
          ],
          'helmStore',
          { unknownIsWarning: true },
        ),
        eventConditions: C.eventConditions,
      },
      { closed: true },
    ),
  },
  { required: ['type', 'spec'], closed: true },
);
d.TriggerSource_Manifest = source(
  'Fires when a new Helm chart version appears (polled by Harness).',
  'Manifest',
  union('The manifest watched; type picks it.', ['TriggerHelmChart'], 'triggerManifest', {
    unknownIsWarning: true,
  }),
);

// ---------------------------------------------------------------------------------------------
// SystemEvent: v0/trigger/trigger_type/system_event_trigger.yaml,
// system_event_trigger/pipeline_system_event_spec.yaml.
d.TriggerSource_SystemEvent = source(
  'Fires on a Harness event, such as another pipeline finishing.',
  'SystemEvent',
  obj(
    'The event.',
    {
      type: oneOfValues('Kind of event.', ['Pipeline']),
      spec: obj(
        'Which pipeline outcome fires the trigger.',
        {
          eventType: oneOfValues('Outcome watched.', ['PipelineSuccess', 'PipelineFailure']),
          payloadConditions: conditions(
            'Conditions on the event (key sourcePipeline); empty matches every pipeline.',
          ),
        },
        { required: ['eventType'], closed: true },
      ),
    },
    { required: ['type', 'spec'], closed: true },
  ),
);

export const triggerDefinitions: Definitions = d;
