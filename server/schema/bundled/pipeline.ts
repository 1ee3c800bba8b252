// The document roots: `pipeline:` (the pipeline itself), `template:` and `inputSet:`.
import { anyValue, bool, list, obj, oneOfValues, ref, str, strList } from './build';
import {
  delegateSelectors,
  description,
  identifier,
  name,
  tags,
  templateLink,
  timeoutField,
  variables,
} from './common';
import { codebaseFields } from './steps/ci';
import type { Definitions, JsonSchema } from './types';

const pipelineEvents = [
  'AllEvents',
  'PipelineStart',
  'PipelineSuccess',
  'PipelineFailed',
  'PipelineEnd',
  'PipelinePaused',
  'PipelineResumed',
  'StageStart',
  'StageSuccess',
  'StageFailed',
  'StepFailed',
  'TriggerFailed',
  'WaitingForUserAction',
];

const scopeField = (what: string): JsonSchema =>
  str(`${what} the pipeline belongs to; must match where it is saved.`);

export const pipelineDefinitions: Definitions = {
  Pipeline: obj(
    'A Harness pipeline: stages run in order (or in parallel blocks), with shared variables, codebase and notifications.',
    {
      name: name('pipeline'),
      identifier: identifier('pipeline'),
      description: description('pipeline'),
      tags: tags('pipeline'),
      projectIdentifier: scopeField('Project'),
      orgIdentifier: scopeField('Organization'),
      variables: variables('pipeline'),
      properties: obj(
        'Module-specific pipeline settings.',
        {
          ci: obj(
            'CI settings of the pipeline.',
            { codebase: ref('Codebase', 'The repository CI stages clone and build.') },
            { closed: true },
          ),
        },
        { closed: true },
      ),
      notificationRules: list(
        'Who is notified of which pipeline events, and how.',
        obj(
          'One notification rule.',
          {
            name: str('Name of the rule.'),
            identifier: str('Identifier of the rule.'),
            enabled: bool('Whether the rule is active.'),
            pipelineEvents: list(
              'Events that trigger the notification.',
              obj(
                'One event.',
                {
                  type: oneOfValues('Event kind.', pipelineEvents),
                  forStages: strList(
                    'Stage identifiers the stage events apply to (AllStages for all).',
                    'A stage identifier.',
                  ),
                  forSteps: strList('Step identifiers the step events apply to.', 'A step identifier.'),
                },
                { required: ['type'], closed: true },
              ),
            ),
            notificationMethod: obj(
              'Channel the notification is sent through.',
              {
                type: oneOfValues('Channel kind.', [
                  'Slack',
                  'Email',
                  'MsTeams',
                  'PagerDuty',
                  'Webhook',
                  'Datadog',
                ]),
                spec: anyValue(
                  'Channel settings: webhookUrl, recipients, userGroups, integrationKey, headers …',
                ),
              },
              { required: ['type'] },
            ),
            template: templateLink('notification'),
          },
          { required: ['name'] },
        ),
      ),
      flowControl: obj(
        'Synchronisation between parallel stages.',
        {
          barriers: list(
            'Barriers that Barrier steps refer to.',
            obj(
              'One barrier.',
              { identifier: str('Barrier identifier (used as barrierRef).'), name: str('Barrier name.') },
              { required: ['identifier', 'name'], closed: true },
            ),
          ),
        },
        { closed: true },
      ),
      delegateSelectors: delegateSelectors(),
      timeout: timeoutField('pipeline'),
      template: templateLink('pipeline'),
      allowStageExecutions: bool('Allow running selected stages instead of the whole pipeline.'),
      fixedInputsOnRerun: bool('Reuse the original runtime inputs when the pipeline is re-run.'),
      stages: list(
        'Stages, run in order; a parallel entry runs its stages together.',
        ref('StageWrapper', 'A stage or a parallel block of stages.'),
      ),
      storeType: str('INLINE (stored in Harness) or REMOTE (stored in Git); written by Harness on export.'),
      remoteType: str('Kind of remote storage; written by Harness on export.'),
    },
    { required: ['name', 'identifier'], closed: true },
  ),
  Codebase: obj('Repository cloned by CI stages that have cloneCodebase: true.', codebaseFields(), {
    required: ['build'],
    closed: true,
  }),
  InputSet: obj(
    'Saved runtime inputs of a pipeline.',
    {
      name: name('input set'),
      identifier: identifier('input set'),
      description: description('input set'),
      tags: tags('input set'),
      orgIdentifier: str('Organization of the pipeline.'),
      projectIdentifier: str('Project of the pipeline.'),
      pipeline: {
        $ref: '#/definitions/Pipeline',
        description:
          'The pipeline identifier and the values of its runtime inputs, in the shape of the pipeline: only what is <+input> in the pipeline is set here.',
        'x-harness-partial': true,
      },
      object: anyValue('Inputs of a non-pipeline entity.'),
      // Written by Harness on export of a Git-stored input set.
      cacheResponse: anyValue('Git cache details; written by Harness on export.'),
    },
    { required: ['name', 'identifier'] },
  ),
  // Harness docs, "Overlay input sets" (docs/platform/pipelines/input-sets.md): an overlay lists
  // input sets of one pipeline, applied in order (later ones win).
  OverlayInputSet: obj(
    'Input sets of one pipeline applied in order: a value set by a later input set wins.',
    {
      name: name('overlay input set'),
      identifier: identifier('overlay input set'),
      description: description('overlay input set'),
      tags: tags('overlay input set'),
      orgIdentifier: str('Organization of the pipeline.'),
      projectIdentifier: str('Project of the pipeline.'),
      pipelineIdentifier: str('Identifier of the pipeline whose input sets are combined.'),
      inputSetReferences: strList(
        'Identifiers of the input sets to apply, in order (a later one overrides an earlier one).',
        'An input set identifier.',
      ),
    },
    { required: ['name', 'identifier', 'inputSetReferences'], closed: true },
  ),
};

export const rootProperties: Record<string, JsonSchema> = {
  pipeline: ref('Pipeline', 'A Harness pipeline.'),
  template: ref('Template', 'A Harness template.'),
  inputSet: ref('InputSet', 'A Harness input set.'),
  overlayInputSet: ref('OverlayInputSet', 'A Harness overlay input set: input sets applied in order.'),
  trigger: ref(
    'Trigger',
    'A Harness trigger: runs a pipeline on a webhook event, a schedule or a new artifact.',
  ),
  service: ref('Service', 'A Harness service: what is deployed (manifests, artifacts, variables).'),
  environment: ref(
    'Environment',
    'A Harness environment: where services are deployed (production or pre-production).',
  ),
  infrastructureDefinition: ref(
    'InfrastructureDefinition',
    'A Harness infrastructure definition: the cluster, hosts or cloud account an environment deploys to.',
  ),
  connector: ref('Connector', 'A Harness connector: how Harness reaches a third-party system.'),
  secret: ref(
    'Secret',
    'A Harness secret: a text, a file or SSH/WinRM credentials kept in a secret manager.',
  ),
};
