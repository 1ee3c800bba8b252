// Enum values Harness documents, each list with its sources. The contract suite checks the client
// against these; the simulator draws its statuses from them. Facts only: nothing here imports src/api.
import { S, type Source } from './sources';

export interface EnumFact<T extends string = string> {
  values: readonly T[];
  source: Source[];
}

/** Connector connectivity (connector `status.status` and the test-connection `status`). */
export const CONNECTIVITY_STATUSES: EnumFact<'SUCCESS' | 'FAILURE' | 'PARTIAL' | 'UNKNOWN' | 'PENDING'> = {
  values: ['SUCCESS', 'FAILURE', 'PARTIAL', 'UNKNOWN', 'PENDING'],
  source: [S.connectivityStatus, S.connectorResponseUi],
};

/** OPA verdicts in `governanceMetadata.status` (and per policy set / policy). */
export const OPA_STATUSES: EnumFact<'pass' | 'warning' | 'error'> = {
  values: ['pass', 'warning', 'error'],
  source: [S.opaStatuses, S.governanceMapping],
};

export const ENVIRONMENT_TYPES: EnumFact<'PreProduction' | 'Production'> = {
  values: ['PreProduction', 'Production'],
  source: [S.environmentUi],
};

export const TEMPLATE_ENTITY_TYPES: EnumFact = {
  values: [
    'Step',
    'Stage',
    'Pipeline',
    'CustomDeployment',
    'MonitoredService',
    'SecretManager',
    'ArtifactSource',
    'StepGroup',
  ],
  source: [S.templateUi],
};

/** How the user should see one execution status value as Harness sends it. */
export interface ExecutionStatusFact {
  /** As sent on the wire. */
  value: string;
  /** The PascalCase summary name it stands for; undefined = not an execution status a summary uses. */
  name?: string;
  /** Nothing changes after it (StatusUtils FINAL_STATUSES). */
  final: boolean;
  source: Source[];
}

const SUMMARY = [S.executionStatus, S.executionSummaryUi, S.pipelineSummaryUi];
const FINAL = [...SUMMARY, S.finalStatuses];
const summary = (value: string, name = value): ExecutionStatusFact => ({
  value,
  name,
  final: false,
  source: SUMMARY,
});
const final = (value: string, name = value): ExecutionStatusFact => ({
  value,
  name,
  final: true,
  source: FINAL,
});

/**
 * Execution summary `status` and pipeline `executionSummaryInfo.lastExecutionStatus`: the
 * ExecutionStatus display names, the legacy UPPER_SNAKE names the OpenAPI spec still lists, the
 * JSON value of legacy WAITING ("Waiting"), and two values of newer servers.
 */
export const EXECUTION_SUMMARY_STATUSES: readonly ExecutionStatusFact[] = [
  summary('Running'),
  summary('AsyncWaiting'),
  summary('TaskWaiting'),
  summary('TimedWaiting'),
  final('Failed'),
  final('Errored'),
  final('IgnoreFailed'),
  summary('NotStarted'),
  final('Expired'),
  final('Aborted'),
  summary('Discontinuing'),
  summary('Queued'),
  summary('Paused'),
  summary('ResourceWaiting'),
  summary('InterventionWaiting'),
  summary('ApprovalWaiting'),
  summary('WaitStepRunning'),
  summary('QueuedLicenseLimitReached'),
  summary('QueuedExecutionConcurrencyReached'),
  final('Success'),
  final('Suspended'),
  final('Skipped'),
  summary('Pausing'),
  final('ApprovalRejected'),
  summary('InputWaiting'),
  final('AbortedByFreeze'),
  summary('NOT_STARTED', 'NotStarted'),
  summary('INTERVENTION_WAITING', 'InterventionWaiting'),
  summary('APPROVAL_WAITING', 'ApprovalWaiting'),
  final('APPROVAL_REJECTED', 'ApprovalRejected'),
  summary('WAITING', 'Waiting'),
  summary('Waiting'),
  { value: 'UploadWaiting', name: 'UploadWaiting', final: false, source: [S.newerExecutionStatuses] },
  {
    value: 'QueuedGlobalInfraCapacityReached',
    name: 'QueuedGlobalInfraCapacityReached',
    final: false,
    source: [S.newerExecutionStatuses],
  },
];

const ENGINE = [S.planExecution, S.engineStatus, S.planExecutionUi];
const engine = (value: string, name: string | undefined, isFinal: boolean): ExecutionStatusFact => ({
  value,
  name,
  final: isFinal,
  source: isFinal ? [...ENGINE, S.finalStatuses, S.executionStatus] : [...ENGINE, S.executionStatus],
});

/**
 * `planExecution.status` of the execute answer: the engine's Status enum, serialised by name.
 * `name` is the summary status ExecutionStatus maps it to (ExecutionStatus.engineStatus).
 */
export const ENGINE_STATUSES: readonly ExecutionStatusFact[] = [
  engine('NO_OP', undefined, false),
  engine('RUNNING', 'Running', false),
  engine('INTERVENTION_WAITING', 'InterventionWaiting', false),
  engine('TIMED_WAITING', 'TimedWaiting', false),
  engine('ASYNC_WAITING', 'AsyncWaiting', false),
  engine('TASK_WAITING', 'TaskWaiting', false),
  engine('DISCONTINUING', 'Discontinuing', false),
  engine('PAUSING', 'Pausing', false),
  engine('QUEUED', 'Queued', false),
  engine('SKIPPED', 'Skipped', true),
  engine('PAUSED', 'Paused', false),
  engine('ABORTED', 'Aborted', true),
  engine('ERRORED', 'Errored', true),
  engine('FAILED', 'Failed', true),
  engine('EXPIRED', 'Expired', true),
  engine('SUSPENDED', 'Suspended', true),
  engine('SUCCEEDED', 'Success', true),
  engine('IGNORE_FAILED', 'IgnoreFailed', true),
  engine('APPROVAL_WAITING', 'ApprovalWaiting', false),
  engine('RESOURCE_WAITING', 'ResourceWaiting', false),
  engine('APPROVAL_REJECTED', 'ApprovalRejected', true),
  engine('INPUT_WAITING', 'InputWaiting', false),
  engine('WAIT_STEP_RUNNING', 'WaitStepRunning', false),
  engine('FREEZE_FAILED', 'AbortedByFreeze', true),
  engine('QUEUED_LICENSE_LIMIT_REACHED', 'QueuedLicenseLimitReached', false),
  engine('QUEUED_EXECUTION_CONCURRENCY_REACHED', 'QueuedExecutionConcurrencyReached', false),
  engine('UNRECOGNIZED', undefined, false),
];

/** Error codes the NG services use for "not found"; there is no PIPELINE_NOT_FOUND. */
export const NOT_FOUND_CODES: EnumFact = {
  values: [
    'ENTITY_NOT_FOUND',
    'RESOURCE_NOT_FOUND',
    'RESOURCE_NOT_FOUND_EXCEPTION',
    'CONNECTOR_NOT_FOUND_EXCEPTION',
    'TEMPLATE_NOT_FOUND',
  ],
  source: [S.errorCodes, S.notFoundMapper, S.connectorResource],
};
