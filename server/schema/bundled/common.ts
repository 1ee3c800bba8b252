// Pieces shared by the pipeline, stages, step groups and steps: naming, tags, variables,
// failure strategies, conditional execution, looping strategies and template links.
import {
  bool,
  shared,
  int,
  list,
  obj,
  oneOfValues,
  ref,
  str,
  strList,
  strMap,
  timeout,
  typeConst,
  union,
  anyValue,
} from './build';
import type { Definitions, JsonSchema } from './types';

export const identifier = (what: string): JsonSchema => ({
  type: 'string',
  description: `Unique key of this ${what} among its siblings: a letter or underscore, then letters, digits or underscores. Used in expressions and cannot be renamed later.`,
  'x-harness-format': 'identifier',
});

export const name = (what: string): JsonSchema => ({
  type: 'string',
  description: `Display name of this ${what} in the Harness UI.`,
  'x-harness-format': 'name',
});

export const description = (what: string): JsonSchema =>
  str(`Free text explaining what this ${what} is for.`);

export const tags = (what: string): JsonSchema => ({
  type: 'object',
  description: `Key/value labels on this ${what}, used for search and filtering. A tag may have an empty value.`,
  additionalProperties: {
    type: ['string', 'number', 'boolean', 'null'],
    description: 'Tag value (may be empty).',
  },
});

export const delegateSelectors = (): JsonSchema =>
  strList('Delegate tags: only delegates carrying one of these tags run the tasks here.', 'A delegate tag.');

export const variables = (what: string): JsonSchema =>
  list(
    `Variables declared on this ${what}; read them with expressions such as <+${what}.variables.NAME>.`,
    ref('Variable', 'One variable.'),
  );

export const timeoutField = (what: string): JsonSchema =>
  timeout(`How long this ${what} may run before it fails with a timeout, e.g. 10m, 1h 30m, 1d.`);

export const failureStrategies = (what: string): JsonSchema =>
  list(
    `What to do when this ${what} fails: each entry matches error types and names an action (retry, abort, rollback, manual intervention …).`,
    ref('FailureStrategy', 'One failure rule: which errors it handles and the action taken.'),
  );

/** `skipCondition` of stage, step group and step nodes (harness-core AbstractStageNode, AbstractStepNode). */
export const skipCondition = (): JsonSchema =>
  shared('SkipCondition', () =>
    str('Expression: when it evaluates to true, this node is skipped (an older form of when.condition).'),
  );

export const stageWhen = (): JsonSchema =>
  ref('StageWhen', 'Run this stage only when the pipeline status and an optional condition allow it.');
export const stepWhen = (): JsonSchema =>
  ref('StepWhen', 'Run this step (group) only when the stage status and an optional condition allow it.');
export const strategy = (what: string): JsonSchema =>
  ref(
    'Strategy',
    `Runs this ${what} several times: over a matrix, N times in parallel, or over a list of items.`,
  );
export const templateLink = (what: string): JsonSchema =>
  ref(
    'TemplateLink',
    `Makes this ${what} an instance of a saved template; only the template's runtime inputs are set here.`,
  );

/** Kubernetes-style CPU/memory limits for a container a step runs in. */
export const containerResources = (): JsonSchema => ({ $ref: '#/definitions/ContainerResources' });

const failureErrors = [
  'AllErrors',
  'Unknown',
  'Authentication',
  'Connectivity',
  'Timeout',
  'Authorization',
  'Verification',
  'DelegateProvisioning',
  'PolicyEvaluationFailure',
  'InputTimeoutError',
  'ApprovalRejection',
  'DelegateRestart',
  'UserMarkedFailure',
  'InfrastructureFailure',
  'PluginImageFailure',
  'ResourceLimitsFailure',
  'ConfigurationFailure',
  'RetryableTransientFailure',
];

/** Failure actions without settings, with what each does. */
const simpleActions: Record<string, string> = {
  Ignore: 'Ignore the failure and carry on as if it succeeded (the status shows it was ignored).',
  MarkAsSuccess: 'Mark the failed node as successful and continue.',
  Abort: 'Abort the whole pipeline execution.',
  StageRollback: 'Run the rollback steps of the current stage.',
  StepGroupRollback: 'Run the rollback steps of the enclosing step group.',
  PipelineRollback: 'Roll back every stage that has run so far.',
  ProceedWithDefaultValues: 'For execution-time inputs that timed out: continue using their default values.',
  MarkAsFailure: 'Mark the node as failed and let the parent handle it.',
};

const actionDefs: Definitions = {};
for (const [type, what] of Object.entries(simpleActions)) {
  actionDefs[`FailureAction_${type}`] = obj(
    what,
    { type: typeConst(type, what) },
    { required: ['type'], closed: true },
  );
}

actionDefs.FailureAction_Retry = obj(
  'Retry the failed node a number of times, waiting between attempts.',
  {
    type: typeConst('Retry', 'Retry the failed node.'),
    spec: obj(
      'How often to retry and what to do when every retry fails.',
      {
        retryCount: int('Number of retries after the first failure.', 1),
        retryIntervals: list(
          'Wait before each retry; the last interval repeats if there are more retries than entries.',
          timeout('A wait such as 10s or 1m.'),
        ),
        onRetryFailure: obj(
          'What to do once all retries have failed.',
          { action: ref('FailureAction', 'Action taken when the retries are exhausted.') },
          { required: ['action'], closed: true },
        ),
        condition: str('Optional expression: retry only while it evaluates to true.'),
      },
      { required: ['retryCount', 'retryIntervals'], closed: true },
    ),
  },
  { required: ['type', 'spec'], closed: true },
);

actionDefs.FailureAction_RetryStepGroup = obj(
  'Run the whole enclosing step group again.',
  {
    type: typeConst('RetryStepGroup', 'Run the enclosing step group again.'),
    spec: obj(
      'How often to retry the step group.',
      {
        retryCount: int('Number of retries after the first failure.', 1),
        retryIntervals: list('Wait before each retry, e.g. 10s.', timeout('A wait such as 10s or 1m.')),
      },
      { closed: true },
    ),
  },
  { required: ['type'], closed: true },
);

actionDefs.FailureAction_ManualIntervention = obj(
  'Pause and wait for a person to choose what happens next.',
  {
    type: typeConst('ManualIntervention', 'Wait for a person to decide.'),
    spec: obj(
      'How long to wait for a decision and what to do if nobody decides.',
      {
        timeout: timeout('How long to wait for someone to intervene, e.g. 1h.'),
        onTimeout: obj(
          'What to do when nobody intervened in time.',
          { action: ref('FailureAction', 'Action taken at the timeout.') },
          { required: ['action'], closed: true },
        ),
      },
      { required: ['timeout'], closed: true },
    ),
  },
  { required: ['type', 'spec'], closed: true },
);

export const failureActionTypes = Object.keys(actionDefs).map((k) => k.slice('FailureAction_'.length));

const nameRule = 'Variable name: a letter or underscore, then letters, digits, _, ., $ or -.';

export const commonDefinitions: Definitions = {
  ...actionDefs,
  FailureAction: union(
    'The action taken when a failure rule matches; its `type` chooses the action.',
    Object.keys(actionDefs),
    'failureAction',
  ),
  FailureStrategy: obj(
    'One failure rule.',
    {
      onFailure: obj(
        'Which errors this rule handles and what it does about them.',
        {
          errors: list(
            'Error types this rule handles; AllErrors matches any failure.',
            oneOfValues('An error type.', failureErrors),
          ),
          action: ref('FailureAction', 'What to do when one of these errors happens.'),
        },
        { required: ['errors', 'action'], closed: true },
      ),
    },
    { required: ['onFailure'], closed: true },
  ),
  StageWhen: obj(
    'Conditional execution of a stage.',
    {
      pipelineStatus: oneOfValues(
        'Run when the pipeline so far has this status: Success, Failure or All (always).',
        ['Success', 'Failure', 'All'],
      ),
      condition: str(
        'Optional JEXL expression that must also be true, e.g. <+pipeline.variables.env> == "prod".',
      ),
    },
    { required: ['pipelineStatus'], closed: true },
  ),
  StepWhen: obj(
    'Conditional execution of a step or step group.',
    {
      stageStatus: oneOfValues(
        'Run when the stage so far has this status: Success, Failure or All (always).',
        ['Success', 'Failure', 'All'],
      ),
      condition: str('Optional JEXL expression that must also be true.'),
    },
    { required: ['stageStatus'], closed: true },
  ),
  Strategy: obj(
    'Looping strategy: exactly one of matrix, parallelism or repeat.',
    {
      matrix: {
        type: 'object',
        description:
          'Axes to combine: each key lists values, and one copy runs per combination. Read the current values with <+matrix.KEY>.',
        properties: {
          maxConcurrency: int('How many combinations may run at the same time.', 1),
          exclude: list(
            'Combinations to skip; each entry is a map of axis to value.',
            strMap('An axis-to-value map naming one combination to skip.'),
          ),
          nodeName: str('Name pattern for each generated copy, e.g. <+matrix.os>-<+matrix.version>.'),
          parallelism: int(
            'Found in exported pipelines inside a matrix; maxConcurrency is the documented way to limit parallel copies.',
            1,
          ),
        },
        // harness-core MatrixConfig.setAxis: a list is an axis, a string an expression axis, and
        // any other value is ignored (not an error).
        additionalProperties: {
          type: ['array', 'string', 'object', 'number', 'boolean'],
          description: 'Values of this axis: a list, or an expression that gives one.',
          items: {
            type: ['string', 'number', 'boolean', 'object'],
            description: 'One value of the axis.',
          },
        },
      },
      parallelism: int(
        'Run this many identical copies in parallel; read the index with <+strategy.iteration>.',
        1,
      ),
      repeat: obj(
        'Run once per item, or a fixed number of times.',
        {
          items: list('Values to loop over; read the current one with <+repeat.item>.', {
            type: ['string', 'number', 'boolean'],
            description: 'One item.',
          }),
          times: int('Number of iterations.', 0),
          maxConcurrency: int('How many iterations may run at the same time.', 1),
          start: int('First index of a partitioned range.'),
          end: int('End of a partitioned range.'),
          unit: oneOfValues('Whether start/end count items or percentages.', ['Percentage', 'Count']),
          partitionSize: int('Size of each partition of the items.', 1),
          nodeName: str('Name pattern for each generated copy.'),
        },
        { closed: true },
      ),
      maxConcurrency: int('How many copies may run at the same time.', 1),
      nodeName: str('Name pattern for each generated copy.'),
      onFailure: oneOfValues(
        'When one copy fails: RunAll (let the others finish) or SkipQueued (skip copies not started yet).',
        ['RunAll', 'SkipQueued'],
      ),
      when: str('Expression deciding whether the looping strategy applies.'),
    },
    { closed: true },
  ),
  TemplateLink: obj(
    'Reference to a saved template.',
    {
      templateRef: str(
        'Template identifier; prefix with org. or account. for templates saved at those scopes.',
      ),
      versionLabel: str('Template version to use; omit to follow the stable version.'),
      gitBranch: str('Branch to read a Git-stored template from.'),
      templateInputs: anyValue(
        'Values for the runtime inputs the template exposes, in the shape of the template.',
      ),
      templateVariables: anyValue('Values for the variables the template declares.'),
      templateOverrides: anyValue('Overrides of template fields (where the template allows it).'),
      label: str('Optional label of the template version.'),
    },
    { required: ['templateRef'], closed: true },
  ),
  Variable: obj(
    'A typed variable.',
    {
      name: str(nameRule),
      type: oneOfValues('Variable type: String, Number or Secret (a secret identifier).', [
        'String',
        'Number',
        'Secret',
      ]),
      value: {
        type: ['string', 'number', 'boolean', 'null'],
        description: 'Value, an expression, or <+input> to ask for it when the pipeline runs.',
      },
      default: {
        type: ['string', 'number', 'boolean', 'null'],
        description: 'Default used when a runtime input is left empty.',
      },
      description: str('What the variable is for.'),
      required: bool('Whether a value must be provided when the pipeline runs.'),
      metadata: str('Internal metadata kept by the Harness UI.'),
    },
    { required: ['name', 'type'], closed: true },
  ),
  ContainerResources: obj(
    'CPU and memory of a step container (Kubernetes quantities).',
    {
      limits: obj(
        'Upper bounds for the container.',
        {
          memory: { type: ['string', 'integer'], description: 'Memory limit, e.g. 500Mi or 2Gi.' },
          cpu: { type: ['string', 'number'], description: 'CPU limit, e.g. 500m, 1 or 1.5.' },
        },
        { closed: true },
      ),
      requests: obj(
        'Amounts reserved for the container.',
        {
          memory: { type: ['string', 'integer'], description: 'Memory request, e.g. 500Mi.' },
          cpu: { type: ['string', 'number'], description: 'CPU request, e.g. 100m.' },
        },
        { closed: true },
      ),
    },
    { closed: true },
  ),
  ScriptSource: obj(
    'Where a script comes from.',
    {
      type: oneOfValues('Inline (written here) or Harness (a file in the Harness file store).', [
        'Inline',
        'Harness',
      ]),
      spec: obj(
        'The script itself or the file that holds it.',
        {
          type: str('Repeats the source type (written by some exports).'),
          script: str('Script text (for Inline).'),
          file: str('File store path such as /scripts/deploy.sh or account:/scripts/x.sh (for Harness).'),
        },
        { closed: true },
      ),
    },
    { required: ['type', 'spec'], closed: true },
  ),
};

export const outputVariables = (): JsonSchema =>
  shared('OutputVariables', () =>
    list(
      'Values the script exports; later steps read them as <+steps.ID.output.outputVariables.NAME>.',
      ref('Variable', 'One exported value: name, type and the shell variable it comes from.'),
    ),
  );

export const inputVariables = (): JsonSchema =>
  shared('InputVariables', () =>
    list('Environment variables set for the script.', ref('Variable', 'One environment variable.')),
  );

export const envMap = (): JsonSchema =>
  shared('EnvVariables', () => strMap('Environment variables, as NAME: value.'));
