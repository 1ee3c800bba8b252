// The Harness API as the rest of the extension sees it: typed entities and the client
// interface. Implemented by ./client.ts on undici; served for tests by test/simulator.
// No `vscode` imports here: the client runs in plain Node for tests, the CLI and benchmarks.

/** Scope of an NG entity: account (no org), org (org only) or project (org + project). */
export interface Scope {
  orgIdentifier?: string;
  projectIdentifier?: string;
}

export interface ProjectScope {
  orgIdentifier: string;
  projectIdentifier: string;
}

/** One page of a list, normalised from either page shape (NG `pageIndex`/`totalItems`, Spring `number`/`totalElements`). */
export interface Page<T> {
  items: T[];
  /** 0-based index of this page. */
  pageIndex: number;
  pageSize: number;
  totalItems: number;
  totalPages: number;
  /** True when a later page exists. */
  hasMore: boolean;
}

export interface PageRequest {
  pageIndex?: number;
  pageSize?: number;
  searchTerm?: string;
}

/** Options every call accepts. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's default timeout for this call, in ms. */
  timeoutMs?: number;
}

export type Tags = Record<string, string>;

export interface Organization {
  identifier: string;
  name: string;
  description?: string;
  tags?: Tags;
  createdAt?: number;
  lastModifiedAt?: number;
  harnessManaged?: boolean;
}

export type ModuleType =
  | 'CD'
  | 'CI'
  | 'CV'
  | 'CF'
  | 'CE'
  | 'STO'
  | 'CHAOS'
  | 'SRM'
  | 'IACM'
  | 'CET'
  | 'CODE'
  | 'IDP'
  | 'SSCA'
  | 'SEI';

export interface Project {
  orgIdentifier: string;
  identifier: string;
  name: string;
  color?: string;
  modules?: ModuleType[];
  description?: string;
  tags?: Tags;
  createdAt?: number;
  lastModifiedAt?: number;
  isFavorite?: boolean;
}

/**
 * Connector connectivity as Harness reports it (`ConnectivityStatus`: SUCCESS, FAILURE, PARTIAL,
 * UNKNOWN, PENDING). A value outside this list is parsed as UNKNOWN with the raw value kept in
 * `rawStatus`, so a new server value never fails a list.
 */
export type ConnectivityStatus = 'SUCCESS' | 'FAILURE' | 'PARTIAL' | 'UNKNOWN' | 'PENDING';

/** Every ConnectivityStatus, in Harness's order. */
export const CONNECTIVITY_STATUSES: readonly ConnectivityStatus[] = [
  'SUCCESS',
  'FAILURE',
  'PARTIAL',
  'UNKNOWN',
  'PENDING',
];

export interface ConnectorInfo {
  name: string;
  identifier: string;
  description?: string;
  orgIdentifier?: string;
  projectIdentifier?: string;
  tags?: Tags;
  /** Connector type, e.g. Github, DockerRegistry, K8sCluster, Aws. */
  type: string;
  spec: Record<string, unknown>;
}

export interface ConnectorStatus {
  status: ConnectivityStatus;
  /** What Harness sent when it was not a known ConnectivityStatus (then `status` is UNKNOWN). */
  rawStatus?: string;
  errorSummary?: string;
  errors?: { reason?: string; message?: string; code?: number }[];
  testedAt?: number;
  lastTestedAt?: number;
  lastConnectedAt?: number;
}

export interface Connector {
  connector: ConnectorInfo;
  status?: ConnectorStatus;
  createdAt?: number;
  lastModifiedAt?: number;
  harnessManaged?: boolean;
}

export interface ConnectorListFilter {
  types?: string[];
  categories?: string[];
  connectivityStatuses?: ConnectivityStatus[];
  /** Also list connectors inherited from parent scopes. */
  includeAllConnectorsAvailableAtScope?: boolean;
}

export interface ConnectorTestResult {
  status: ConnectivityStatus;
  /** What Harness sent when it was not a known ConnectivityStatus (then `status` is UNKNOWN). */
  rawStatus?: string;
  errorSummary?: string;
  errors?: { reason?: string; message?: string; code?: number }[];
  testedAt?: number;
  delegateId?: string;
}

export type StoreType = 'INLINE' | 'REMOTE';

export interface GitDetails {
  objectId?: string;
  commitId?: string;
  branch?: string;
  repoIdentifier?: string;
  repoName?: string;
  filePath?: string;
  rootFolder?: string;
  fileUrl?: string;
  repoUrl?: string;
}

export interface ExecutionSummaryInfo {
  lastExecutionTs?: number;
  /** Normalised like ExecutionSummary.status. */
  lastExecutionStatus?: string;
  lastExecutionId?: string;
}

export interface PipelineSummary {
  identifier: string;
  name: string;
  description?: string;
  tags?: Tags;
  version?: number;
  numOfStages?: number;
  createdAt?: number;
  lastUpdatedAt?: number;
  modules?: string[];
  storeType?: StoreType;
  connectorRef?: string;
  gitDetails?: GitDetails;
  executionSummaryInfo?: ExecutionSummaryInfo;
  entityValidityDetails?: { valid: boolean; invalidYaml?: string };
}

export interface PipelineDetail {
  yamlPipeline: string;
  version?: number;
  storeType?: StoreType;
  connectorRef?: string;
  gitDetails?: GitDetails;
  modules?: string[];
  entityValidityDetails?: { valid: boolean; invalidYaml?: string };
}

/** Git parameters for remote (Git Experience) pipelines. */
export interface GitParams {
  connectorRef?: string;
  repoName?: string;
  branch?: string;
  filePath?: string;
  commitMsg?: string;
  isNewBranch?: boolean;
  baseBranch?: string;
  /** For updates: conflict detection against the version that was read. */
  lastObjectId?: string;
  lastCommitId?: string;
}

/**
 * Import a pipeline from a YAML file in Git (`POST /pipeline/api/pipelines/import`): where the file
 * is (query) and the name/description to give it (body). Harness reads the identifier from the file.
 */
export interface PipelineImportRequest {
  /** The Git connector; not needed for Harness Code repositories (`isHarnessCodeRepo`). */
  connectorRef?: string;
  repoName: string;
  branch: string;
  /** Path of the YAML in the repository (Harness requires `.harness/…`). */
  filePath: string;
  /** Replace a pipeline that already has the file's identifier. */
  isForceImport?: boolean;
  isHarnessCodeRepo?: boolean;
  pipelineName?: string;
  pipelineDescription?: string;
}

/** One policy of a policy set, as evaluated by Harness's OPA service. */
export interface GovernancePolicy {
  name?: string;
  identifier?: string;
  /** 'pass' | 'warning' | 'error' as sent. */
  status?: string;
  denyMessages: string[];
  /** Evaluation error of the policy itself, if any. */
  error?: string;
}

export interface GovernancePolicySet {
  name?: string;
  identifier?: string;
  /** 'pass' | 'warning' | 'error' as sent. */
  status?: string;
  deny: boolean;
  policies: GovernancePolicy[];
}

/**
 * OPA policy evaluation of a save (`governanceMetadata`). Harness sends `message: ""` on a real
 * deny or warning and puts what went wrong in the policy sets; `message` here is the server's
 * message when it has one, otherwise one composed from the failing policy sets.
 */
export interface GovernanceMetadata {
  deny: boolean;
  /** OPA verdict as sent: 'pass', 'warning' or 'error' ('' when no policy ran). */
  status?: string;
  message?: string;
  policySets?: GovernancePolicySet[];
  id?: string;
}

export interface PipelineSaveResult {
  /**
   * The saved pipeline's identifier. Absent when a policy denied the save: Harness then answers
   * only `governanceMetadata` (with `deny: true`) and stores nothing.
   */
  identifier?: string;
  governanceMetadata?: GovernanceMetadata;
}

export interface InputSetTemplate {
  /** Runtime-input YAML (`pipeline:` subtree with `<+input>` placeholders); empty when there are none. */
  inputSetTemplateYaml?: string;
  hasInputSets?: boolean;
}

/**
 * An execution status, normalised to the PascalCase names of execution summaries (`Running`,
 * `Success`, …): the execute response's engine names (`RUNNING`, `SUCCEEDED`) and the UPPER_SNAKE
 * variants (`APPROVAL_WAITING`) map to them. A value Harness has not documented is kept as sent;
 * `executionStatusInfo` says whether it is known and final.
 */
export type ExecutionStatus = string;

export interface PlanExecution {
  /** The planExecutionId. */
  uuid: string;
  status: ExecutionStatus;
  /** What Harness sent when it differs from `status` (e.g. `RUNNING`). */
  rawStatus?: string;
  startTs?: number;
  createdAt?: number;
}

export interface ExecutionSummary {
  pipelineIdentifier: string;
  planExecutionId: string;
  name?: string;
  status: ExecutionStatus;
  /** What Harness sent when it differs from `status` (`NOT_STARTED`, `null`, …). */
  rawStatus?: string;
  runSequence?: number;
  startTs?: number;
  endTs?: number;
  createdAt?: number;
  successfulStagesCount?: number;
  failedStagesCount?: number;
  runningStagesCount?: number;
  totalStagesCount?: number;
  executionErrorInfo?: { message?: string };
  /** Who or what started the run (`executionTriggerInfo`). */
  trigger?: ExecutionTrigger;
  /** Branch of the pipeline's YAML for Git (remote) pipelines (`gitDetails.branch`). */
  branch?: string;
  /** Repository of a Git (remote) pipeline (`gitDetails.repoName`). */
  repoName?: string;
  /** Branch a CI build ran on (`moduleInfo.ci.branch`), when the run built code. */
  ciBranch?: string;
  /** Harness allows a retry (from a failed stage) of this run. */
  canRetry?: boolean;
  /** Lower-case module names (`ci`, `cd`, `pms`). */
  modules?: string[];
}

/**
 * `executionTriggerInfo`. `type` is kept as sent (MANUAL, WEBHOOK, SCHEDULER_CRON, … : an open
 * set); `by` is the user or trigger that started the run.
 */
export interface ExecutionTrigger {
  type?: string;
  by?: { identifier?: string; uuid?: string; email?: string };
  isRerun?: boolean;
}

/**
 * One node of an execution's tree: a stage (layoutNodeMap) or what runs inside it (executionGraph).
 * `kind`: a `parallel` block or a `strategy` (matrix / repeat / parallelism) holds its branches or
 * instances in `children`; a `stepGroup` its steps; a `stage` its steps (when the stage's graph
 * was part of the answer); a `step` has no children.
 */
export interface ExecutionNode {
  /** nodeMap key / layout nodeUuid: what `stageNodeId` and links use. */
  id: string;
  identifier: string;
  name: string;
  kind: 'stage' | 'step' | 'stepGroup' | 'parallel' | 'strategy';
  /** stepType (steps) or nodeType (stages) as sent: `ShellScript`, `Run`, `CI`, `Deployment`, … */
  type?: string;
  status: ExecutionStatus;
  rawStatus?: string;
  startTs?: number;
  endTs?: number;
  /** failureInfo.message (and its response messages), on failed nodes. */
  failureMessage?: string;
  /** The log service key of a step's log (`logBaseKey`). */
  logBaseKey?: string;
  /** Fully qualified name (`pipeline.stages.build.spec.execution.steps.test`). */
  baseFqn?: string;
  children: ExecutionNode[];
}

/** GET /pipeline/api/pipelines/execution/v2/{id}: the summary and the stage → step tree. */
export interface ExecutionDetail {
  summary: ExecutionSummary;
  /** Stages in run order (parallel stages in a `parallel` node, matrix stages in a `strategy` node). */
  stages: ExecutionNode[];
  /** The layout node id of the stage whose steps are in the answer (all when the full graph was asked). */
  stagesWithSteps: string[];
}

export interface ExecutionDetailOptions {
  /** The stage whose step graph is wanted (a layout node id); default: the one Harness picks. */
  stageNodeId?: string;
  /** Every stage's steps at once (`renderFullBottomGraph=true`). */
  fullGraph?: boolean;
}

/** GET …/execution/{id}/inputsetV2: the runtime inputs a run was started with, for a re-run. */
export interface ExecutionInputs {
  /** The values the run used (runtime-input YAML); absent when the pipeline had no inputs. */
  inputSetYaml?: string;
  /** The pipeline's runtime inputs as they were then. */
  inputSetTemplateYaml?: string;
  /** The pipeline's runtime inputs now (they may have changed since the run). */
  latestTemplateYaml?: string;
}

/** PUT …/execute/interrupt/{id}: the interrupt Harness registered. */
export interface InterruptResult {
  id?: string;
  /** The interrupt type as sent back (`AbortAll`, …). */
  type?: string;
  planExecutionId?: string;
}

/** GET …/execute/{id}/retryStages: whether and from which stages a run can be retried. */
export interface RetryInfo {
  resumable: boolean;
  errorMessage?: string;
  /** Groups of stages in run order; a group with several stages ran them in parallel. */
  groups: { identifier: string; name?: string; status: ExecutionStatus; rawStatus?: string }[][];
}

export interface RetryRunOptions {
  /** Stage identifiers to retry from (one group: the failed one, or the parallel stages of its group). */
  retryStages: string[];
  /** With parallel stages: run all of the group's stages again, not only the failed ones. */
  runAllStages?: boolean;
  /** Runtime inputs YAML (as for executePipeline); '' or none when the pipeline has none. */
  runtimeInputYaml?: string;
  moduleType?: string;
}

export type InputSetType = 'INPUT_SET' | 'OVERLAY_INPUT_SET';

/** An input set of a pipeline, as listed. */
export interface InputSetSummary {
  identifier: string;
  name?: string;
  pipelineIdentifier?: string;
  description?: string;
  /** INPUT_SET or OVERLAY_INPUT_SET; another value is `UNKNOWN` with `rawType`. */
  inputSetType: InputSetType | 'UNKNOWN';
  rawType?: string;
  tags?: Tags;
  /** The pipeline changed since: some of its inputs no longer exist or are missing. */
  isOutdated?: boolean;
  gitDetails?: GitDetails;
  createdAt?: number;
  lastUpdatedAt?: number;
}

/** One input set with its YAML. */
export interface InputSet {
  identifier: string;
  name?: string;
  pipelineIdentifier?: string;
  description?: string;
  tags?: Tags;
  inputSetYaml: string;
  isOutdated?: boolean;
  /** Invalid input set: Harness's reasons, by field (from `inputSetErrorWrapper`). */
  errors?: InputSetError[];
  gitDetails?: GitDetails;
  version?: number;
}

export interface InputSetError {
  /** The field's path in the YAML (`pipeline.variables.x`) when Harness gives one. */
  field?: string;
  message: string;
}

/** POST /pipeline/api/inputSets/merge. */
export interface MergedInputSets {
  /** The merged runtime inputs, ready for executePipeline's `runtimeInputYaml`. */
  pipelineYaml: string;
  /** The whole pipeline with the inputs applied (only when asked for). */
  completePipelineYaml?: string;
  /** The input sets did not merge (outdated ones, invalid values): see `errors`. */
  isErrorResponse: boolean;
  errors?: InputSetError[];
}

/** One line of a step log: the log service's `{level, pos, out, time, args}` (ANSI codes kept as sent). */
export interface LogLine {
  out: string;
  level?: string;
  /** ISO time as sent. */
  time?: string;
  pos?: number;
}

/** A whole step log from the log service blob. */
export interface StepLog {
  lines: LogLine[];
  /** The log is longer than the cap: these are its first lines only. */
  truncated: boolean;
  /** Lines that were not JSON, kept with their text in `out`. */
  unparsedLines: number;
}

/** What a step log stream (SSE) delivered before it ended. */
export interface StepLogStreamEnd {
  /** The server closed the stream (the step's log ended: read the blob from now on). */
  ended: boolean;
  /** Reading stopped at the cap. */
  truncated: boolean;
  lines: number;
}

export interface StepLogOptions extends CallOptions {
  /** Bytes read at most (default 8 MB); the rest is left on the server ("open in Harness"). */
  maxBytes?: number;
}

export interface CurrentUser {
  uuid: string;
  name?: string;
  email?: string;
  defaultAccountId?: string;
}

export interface AccountInfo {
  identifier: string;
  name?: string;
  companyName?: string;
  cluster?: string;
}

/** A CD service (`/ng/api/servicesV2`). */
export interface Service {
  identifier: string;
  name: string;
  description?: string;
  orgIdentifier?: string;
  projectIdentifier?: string;
  tags?: Tags;
  yaml?: string;
  createdAt?: number;
  lastModifiedAt?: number;
}

export type EnvironmentType = 'Production' | 'PreProduction';

/** A CD environment (`/ng/api/environmentsV2`). */
export interface Environment {
  identifier: string;
  name: string;
  description?: string;
  orgIdentifier?: string;
  projectIdentifier?: string;
  /** Absent when the server sends a type this client does not know. */
  type?: EnvironmentType;
  tags?: Tags;
  yaml?: string;
  createdAt?: number;
  lastModifiedAt?: number;
}

/** A template version (`/template/api/templates`); `yaml` only on single reads. */
export interface Template {
  identifier: string;
  name: string;
  versionLabel: string;
  /** Pipeline, Stage, Step, StepGroup, … (kept as sent: the set grows). */
  templateEntityType: string;
  orgIdentifier?: string;
  projectIdentifier?: string;
  stableTemplate?: boolean;
  description?: string;
  tags?: Tags;
  yaml?: string;
  lastUpdatedAt?: number;
}

/** How an execution status looks and whether it ends a run. */
export type ExecutionStatusGroup =
  'success' | 'failed' | 'aborted' | 'skipped' | 'running' | 'waiting' | 'unknown';

export interface ExecutionStatusInfo {
  /** The PascalCase name (`Running`), or the value as sent when it is not known. */
  status: string;
  known: boolean;
  /** Nothing changes after a final status (Harness's StatusUtils FINAL_STATUSES). */
  final: boolean;
  group: ExecutionStatusGroup;
}

/**
 * Every execution status Harness documents (pipeline-service `ExecutionStatus`, plus
 * `UploadWaiting` and `QueuedGlobalInfraCapacityReached` of newer servers), with its group.
 * Final = the engine's FINAL_STATUSES (`StatusUtils`): Success, IgnoreFailed, Failed, Errored,
 * Expired, ApprovalRejected, Aborted, AbortedByFreeze, Suspended, Skipped.
 */
const EXECUTION_STATUSES: Record<string, { group: ExecutionStatusGroup; final: boolean }> = {
  Running: { group: 'running', final: false },
  AsyncWaiting: { group: 'running', final: false },
  TaskWaiting: { group: 'running', final: false },
  TimedWaiting: { group: 'running', final: false },
  Discontinuing: { group: 'running', final: false },
  Pausing: { group: 'running', final: false },
  WaitStepRunning: { group: 'running', final: false },
  NotStarted: { group: 'waiting', final: false },
  Queued: { group: 'waiting', final: false },
  Paused: { group: 'waiting', final: false },
  Waiting: { group: 'waiting', final: false },
  ResourceWaiting: { group: 'waiting', final: false },
  InterventionWaiting: { group: 'waiting', final: false },
  ApprovalWaiting: { group: 'waiting', final: false },
  InputWaiting: { group: 'waiting', final: false },
  UploadWaiting: { group: 'waiting', final: false },
  QueuedLicenseLimitReached: { group: 'waiting', final: false },
  QueuedExecutionConcurrencyReached: { group: 'waiting', final: false },
  QueuedGlobalInfraCapacityReached: { group: 'waiting', final: false },
  Success: { group: 'success', final: true },
  IgnoreFailed: { group: 'success', final: true },
  Failed: { group: 'failed', final: true },
  Errored: { group: 'failed', final: true },
  Expired: { group: 'failed', final: true },
  ApprovalRejected: { group: 'failed', final: true },
  Aborted: { group: 'aborted', final: true },
  AbortedByFreeze: { group: 'aborted', final: true },
  Suspended: { group: 'skipped', final: true },
  Skipped: { group: 'skipped', final: true },
};

/** Engine (`planExecution.status`) names that do not match a summary name letter for letter. */
const ENGINE_ALIASES: Record<string, string> = { succeeded: 'Success', freezefailed: 'AbortedByFreeze' };

const BY_KEY: ReadonlyMap<string, string> = new Map(
  Object.keys(EXECUTION_STATUSES).map((name) => [name.toLowerCase(), name]),
);

/** Classifies an execution status as sent in any of Harness's spellings. */
export function executionStatusInfo(raw: string): ExecutionStatusInfo {
  const key = raw.replace(/[_\s]/g, '').toLowerCase();
  const name = BY_KEY.get(key) ?? ENGINE_ALIASES[key];
  if (name === undefined) return { status: raw, known: false, final: false, group: 'unknown' };
  return { status: name, known: true, ...EXECUTION_STATUSES[name] };
}

/** Execution statuses after which nothing changes any more (PascalCase). */
export const TERMINAL_EXECUTION_STATUSES: readonly string[] = Object.keys(EXECUTION_STATUSES).filter(
  (name) => EXECUTION_STATUSES[name].final,
);

/** Everything the extension needs from Harness. One instance per signed-in account. */
export interface HarnessApi {
  readonly baseUrl: string;
  readonly accountId: string;

  // Token verification (sign-in). PATs use currentUser, SATs token/validate.
  verifyToken(opts?: CallOptions): Promise<{ kind: 'pat' | 'sat' | 'other'; user?: CurrentUser }>;
  getAccount(opts?: CallOptions): Promise<AccountInfo>;

  listOrganizations(page?: PageRequest, opts?: CallOptions): Promise<Page<Organization>>;
  getOrganization(org: string, opts?: CallOptions): Promise<Organization>;
  createOrganization(
    org: Omit<Organization, 'createdAt' | 'lastModifiedAt' | 'harnessManaged'>,
    opts?: CallOptions,
  ): Promise<Organization>;

  listProjects(orgIdentifier: string, page?: PageRequest, opts?: CallOptions): Promise<Page<Project>>;
  getProject(scope: ProjectScope, opts?: CallOptions): Promise<Project>;
  createProject(
    project: Omit<Project, 'createdAt' | 'lastModifiedAt' | 'isFavorite'>,
    opts?: CallOptions,
  ): Promise<Project>;
  updateProject(
    project: Omit<Project, 'createdAt' | 'lastModifiedAt' | 'isFavorite'>,
    opts?: CallOptions,
  ): Promise<Project>;
  deleteProject(scope: ProjectScope, opts?: CallOptions): Promise<void>;

  listConnectors(
    scope: Scope,
    page?: PageRequest,
    filter?: ConnectorListFilter,
    opts?: CallOptions,
  ): Promise<Page<Connector>>;
  getConnector(scope: Scope, identifier: string, opts?: CallOptions): Promise<Connector>;
  createConnector(connector: ConnectorInfo, opts?: CallOptions): Promise<Connector>;
  updateConnector(connector: ConnectorInfo, opts?: CallOptions): Promise<Connector>;
  deleteConnector(scope: Scope, identifier: string, opts?: CallOptions): Promise<void>;
  testConnector(scope: Scope, identifier: string, opts?: CallOptions): Promise<ConnectorTestResult>;

  listPipelines(scope: ProjectScope, page?: PageRequest, opts?: CallOptions): Promise<Page<PipelineSummary>>;
  getPipeline(
    scope: ProjectScope,
    identifier: string,
    git?: Pick<GitParams, 'branch' | 'repoName' | 'connectorRef'>,
    opts?: CallOptions,
  ): Promise<PipelineDetail>;
  /** POST /pipeline/api/pipelines/v2 with the YAML as application/yaml. REMOTE when git.repoName/filePath are given. */
  createPipeline(
    scope: ProjectScope,
    yaml: string,
    git?: GitParams,
    opts?: CallOptions,
  ): Promise<PipelineSaveResult>;
  /** PUT /pipeline/api/pipelines/v2/{id}. */
  updatePipeline(
    scope: ProjectScope,
    identifier: string,
    yaml: string,
    git?: GitParams,
    opts?: CallOptions,
  ): Promise<PipelineSaveResult>;
  deletePipeline(scope: ProjectScope, identifier: string, git?: GitParams, opts?: CallOptions): Promise<void>;
  /** POST /pipeline/api/pipelines/import: creates a REMOTE pipeline from a file already in Git. */
  importPipeline(
    scope: ProjectScope,
    request: PipelineImportRequest,
    opts?: CallOptions,
  ): Promise<PipelineSaveResult>;
  getInputSetTemplate(
    scope: ProjectScope,
    pipelineIdentifier: string,
    branch?: string,
    opts?: CallOptions,
  ): Promise<InputSetTemplate>;
  /** Runs a pipeline; `runtimeInputYaml` is sent as the body ('' when there are no inputs). */
  executePipeline(
    scope: ProjectScope,
    identifier: string,
    runtimeInputYaml?: string,
    opts?: CallOptions & { moduleType?: string; branch?: string },
  ): Promise<PlanExecution>;
  listExecutions(
    scope: ProjectScope,
    pipelineIdentifier?: string,
    page?: PageRequest,
    opts?: CallOptions,
  ): Promise<Page<ExecutionSummary>>;
  getExecution(scope: ProjectScope, planExecutionId: string, opts?: CallOptions): Promise<ExecutionSummary>;
  /** GET /pipeline/api/pipelines/execution/v2/{id} with the graph: stages, steps, groups, failures, log keys. */
  getExecutionDetail(
    scope: ProjectScope,
    planExecutionId: string,
    options?: ExecutionDetailOptions,
    opts?: CallOptions,
  ): Promise<ExecutionDetail>;
  /** PUT /pipeline/api/pipeline/execute/interrupt/{id}?interruptType=AbortAll. */
  abortExecution(scope: ProjectScope, planExecutionId: string, opts?: CallOptions): Promise<InterruptResult>;
  /** GET /pipeline/api/pipeline/execute/{id}/retryStages: can it be retried, from which stages. */
  getRetryStages(
    scope: ProjectScope,
    pipelineIdentifier: string,
    planExecutionId: string,
    opts?: CallOptions,
  ): Promise<RetryInfo>;
  /** POST /pipeline/api/pipeline/execute/retry/{pipeline}?planExecutionId&retryStages: re-run from stages. */
  retryExecution(
    scope: ProjectScope,
    pipelineIdentifier: string,
    planExecutionId: string,
    retry: RetryRunOptions,
    opts?: CallOptions,
  ): Promise<PlanExecution>;
  /** POST /pipeline/api/pipeline/execute/rerun/{original}/{pipeline}: the whole run again with these inputs. */
  rerunExecution(
    scope: ProjectScope,
    pipelineIdentifier: string,
    originalExecutionId: string,
    runtimeInputYaml?: string,
    opts?: CallOptions & { moduleType?: string },
  ): Promise<PlanExecution>;
  /** GET /pipeline/api/pipelines/execution/{id}/inputsetV2: the runtime inputs a run was started with. */
  getExecutionInputs(
    scope: ProjectScope,
    planExecutionId: string,
    opts?: CallOptions,
  ): Promise<ExecutionInputs>;

  /** GET /pipeline/api/inputSets?pipelineIdentifier (NG page). */
  listInputSets(
    scope: ProjectScope,
    pipelineIdentifier: string,
    page?: PageRequest,
    opts?: CallOptions,
  ): Promise<Page<InputSetSummary>>;
  /** GET /pipeline/api/inputSets/{id}?pipelineIdentifier. */
  getInputSet(
    scope: ProjectScope,
    pipelineIdentifier: string,
    inputSetIdentifier: string,
    opts?: CallOptions,
  ): Promise<InputSet>;
  /** POST /pipeline/api/inputSets?pipelineIdentifier with the input set YAML. */
  createInputSet(
    scope: ProjectScope,
    pipelineIdentifier: string,
    yaml: string,
    opts?: CallOptions,
  ): Promise<InputSet>;
  /** POST /pipeline/api/inputSets/merge: several input sets as one runtime-input YAML (later ones win). */
  mergeInputSets(
    scope: ProjectScope,
    pipelineIdentifier: string,
    inputSetReferences: string[],
    withMergedPipelineYaml?: boolean,
    opts?: CallOptions,
  ): Promise<MergedInputSets>;

  /** GET /gateway/log-service/blob?accountID&key: a finished step's log, capped, parsed line by line. */
  getStepLog(logKey: string, opts?: StepLogOptions): Promise<StepLog>;
  /**
   * GET /gateway/log-service/stream?accountID&key (server-sent events) while a step runs: `onLines`
   * gets each batch as it arrives. Resolves when the server ends the stream, at the cap, or at
   * the call's deadline (`ended: false`: open it again or read the blob). Every connection starts
   * again from the log's first line (the log service tails its stream from the start): a reopened
   * stream replaces what was shown, it does not append to it. `ended` with no lines: the step's
   * stream is gone (it finished): read the blob.
   */
  streamStepLog(
    logKey: string,
    onLines: (lines: LogLine[]) => void,
    opts?: StepLogOptions,
  ): Promise<StepLogStreamEnd>;

  /** GET /ng/api/servicesV2/{id} at exactly this scope. */
  getService(scope: Scope, identifier: string, opts?: CallOptions): Promise<Service>;
  listServices(scope: Scope, page?: PageRequest, opts?: CallOptions): Promise<Page<Service>>;
  /** GET /ng/api/environmentsV2/{id} at exactly this scope. */
  getEnvironment(scope: Scope, identifier: string, opts?: CallOptions): Promise<Environment>;
  listEnvironments(scope: Scope, page?: PageRequest, opts?: CallOptions): Promise<Page<Environment>>;
  /** GET /template/api/templates/{id}: the stable version unless `versionLabel` is given. */
  getTemplate(scope: Scope, identifier: string, versionLabel?: string, opts?: CallOptions): Promise<Template>;
  /** POST /template/api/templates/list-metadata (templateListType=All: every version). */
  listTemplates(scope: Scope, page?: PageRequest, opts?: CallOptions): Promise<Page<Template>>;

  /** GET /pipeline/api/yaml-schema?entityType=Pipelines: the account's pipeline JSON Schema. */
  getPipelineSchema(scope?: Scope, opts?: CallOptions): Promise<unknown>;
  /** GET /ng/api/yaml-schema?entityType=Connectors. */
  getConnectorSchema(scope?: Scope, opts?: CallOptions): Promise<unknown>;
}
