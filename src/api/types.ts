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

export type ConnectivityStatus = 'SUCCESS' | 'FAILURE' | 'PARTIAL' | 'UNKNOWN';

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

export interface GovernanceMetadata {
  status?: string;
  deny?: boolean;
  message?: string;
  [key: string]: unknown;
}

export interface PipelineSaveResult {
  identifier: string;
  governanceMetadata?: GovernanceMetadata;
}

export interface InputSetTemplate {
  /** Runtime-input YAML (`pipeline:` subtree with `<+input>` placeholders); empty when there are none. */
  inputSetTemplateYaml?: string;
  hasInputSets?: boolean;
}

export type ExecutionStatus = string;

export interface PlanExecution {
  /** The planExecutionId. */
  uuid: string;
  status: ExecutionStatus;
  startTs?: number;
  createdAt?: number;
}

export interface ExecutionSummary {
  pipelineIdentifier: string;
  planExecutionId: string;
  name?: string;
  status: ExecutionStatus;
  runSequence?: number;
  startTs?: number;
  endTs?: number;
  createdAt?: number;
  successfulStagesCount?: number;
  failedStagesCount?: number;
  runningStagesCount?: number;
  totalStagesCount?: number;
  executionErrorInfo?: { message?: string };
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

/** Execution statuses after which nothing changes any more. */
export const TERMINAL_EXECUTION_STATUSES: readonly string[] = [
  'Success',
  'Failed',
  'Errored',
  'IgnoreFailed',
  'Expired',
  'Aborted',
  'Suspended',
  'Skipped',
  'ApprovalRejected',
  'AbortedByFreeze',
];

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
