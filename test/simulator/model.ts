// The simulator's in-memory model and its public contract types. Everything a route reads or
// writes lives in one `SimState`; tests may read it (and poke it) through `Simulator.state`.
import type { CONNECTIVITY_STATUSES } from '../contract/enums';

export type FaultKind =
  '429' | '500' | '502' | '503' | '504' | 'html' | 'truncated' | 'reset' | 'slow' | 'empty';

/** One injected fault. `path` as a string matches as a prefix of the URL path (no query). */
export interface FaultSpec {
  method?: string;
  path?: string | RegExp;
  /** How many matching requests it hits; default 1. */
  times?: number;
  kind: FaultKind;
  /** Delay before the fault (or, for `slow`, before the normal answer); `slow` defaults to 1000 ms. */
  delayMs?: number;
  /** Only `429`: the Retry-After value to send (Harness normally sends none). */
  retryAfter?: string;
}

export interface RecordedRequest {
  method: string;
  /** URL path without the query string. */
  path: string;
  query: Record<string, string | string[]>;
  /** Lower-cased header names, as Node delivers them. Kept in memory only, never printed. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface SimulatorOptions {
  port?: number;
  host?: '127.0.0.1';
  seed?: number;
  /** Added before every response, in ms. */
  latencyMs?: number;
  /** Duration of one pipeline step of a simulated execution, in ms (default 1500). */
  executionStepMs?: number;
  /**
   * Answer as an API that lets browser pages call it (off by default): CORS preflights and
   * Access-Control-* headers on every answer, so the extension's web build (fetch in a web
   * worker) can reach it. See README.md, "CORS"; what real Harness sends is not known here.
   */
  cors?: boolean;
}

export type Tags = Record<string, string>;

export type TokenKind = 'pat' | 'sat';

/** Who a token belongs to and what it may see. */
export interface SimPrincipal {
  token: string;
  kind: TokenKind;
  /** User uuid (PAT) or service-account identifier (SAT). */
  id: string;
  name: string;
  email?: string;
  tokenIdentifier: string;
  apiKeyIdentifier: string;
  /** `org/project` keys this principal gets NG_ACCESS_DENIED on. */
  deniedProjects: string[];
}

export interface SimAccount {
  identifier: string;
  name: string;
  companyName: string;
  cluster: string;
  accountType: string;
  createdAt: number;
}

export interface SimOrg {
  identifier: string;
  name: string;
  description: string;
  tags: Tags;
  createdAt: number;
  lastModifiedAt: number;
  harnessManaged: boolean;
}

export interface SimProject {
  orgIdentifier: string;
  identifier: string;
  name: string;
  color: string;
  modules: string[];
  description: string;
  tags: Tags;
  createdAt: number;
  lastModifiedAt: number;
  isFavorite: boolean;
}

/** Harness's ConnectivityStatus values, as recorded in test/contract/enums.ts. */
export type ConnectivityStatus = (typeof CONNECTIVITY_STATUSES.values)[number];

export interface SimConnectorInfo {
  name: string;
  identifier: string;
  description: string;
  orgIdentifier?: string;
  projectIdentifier?: string;
  tags: Tags;
  type: string;
  spec: Record<string, unknown>;
}

export interface SimConnectorStatus {
  status: ConnectivityStatus;
  errorSummary?: string;
  errors: { reason: string; message: string; code: number }[];
  testedAt: number;
  lastTestedAt: number;
  lastConnectedAt: number;
}

export interface SimConnector {
  connector: SimConnectorInfo;
  status: SimConnectorStatus;
  createdAt: number;
  lastModifiedAt: number;
  harnessManaged: boolean;
  /** What testConnection reports for a connector whose status is still UNKNOWN or PENDING (seeded). */
  simTestOutcome?: 'SUCCESS' | 'FAILURE';
}

export interface SimGitDetails {
  objectId: string;
  commitId: string;
  branch: string;
  repoName: string;
  filePath: string;
  connectorRef: string;
}

/** One file on one branch of a simulated Git repository. */
export interface SimGitFile {
  repoName: string;
  branch: string;
  filePath: string;
  content: string;
  objectId: string;
  commitId: string;
}

export interface SimExecutionSummaryInfo {
  lastExecutionTs?: number;
  lastExecutionStatus?: string;
  lastExecutionId?: string;
}

export interface SimPipeline {
  orgIdentifier: string;
  projectIdentifier: string;
  identifier: string;
  name: string;
  description: string;
  tags: Tags;
  yaml: string;
  /** Incremented on every successful save. */
  version: number;
  createdAt: number;
  lastUpdatedAt: number;
  storeType: 'INLINE' | 'REMOTE';
  git?: SimGitDetails;
  /** False when the stored YAML no longer parses (e.g. a broken file in Git). */
  valid: boolean;
  modules: string[];
  stageNames: string[];
  executionSummaryInfo: SimExecutionSummaryInfo;
}

/** One step of a simulated run, in execution order. */
export interface SimExecutionStep {
  stageIdentifier: string;
  stageName: string;
  stageType: string;
  /** The stage-level `parallel:` block the stage is in (its first stage's identifier). */
  stageParallel?: string;
  identifier: string;
  name: string;
  type: string;
  /** The step makes the run fail when reached (its command contains `exit 1`). */
  fails: boolean;
  /** What holds the step, outermost first: step groups, parallel blocks, a looping strategy. */
  containers?: SimStepContainer[];
  /** The step's command or script (its log echoes it). */
  script?: string;
}

export interface SimStepContainer {
  kind: 'stepGroup' | 'parallel' | 'strategy';
  identifier: string;
  name: string;
}

/** An input set of a pipeline (`inputSet:` YAML, or an overlay listing others). */
export interface SimInputSet {
  identifier: string;
  name: string;
  orgIdentifier: string;
  projectIdentifier: string;
  pipelineIdentifier: string;
  description: string;
  tags: Record<string, string>;
  type: 'INPUT_SET' | 'OVERLAY_INPUT_SET';
  yaml: string;
  /** Overlays: the input sets they merge, in order. */
  references: string[];
  version: number;
  createdAt: number;
  lastUpdatedAt: number;
}

/**
 * A run. Its status is a function of time: step `i` runs during [startTs + i·stepMs, +stepMs);
 * at the end of step `endStep` the run becomes `outcome`. Seeded history simply lies in the past.
 */
export interface SimExecution {
  planExecutionId: string;
  orgIdentifier: string;
  projectIdentifier: string;
  pipelineIdentifier: string;
  name: string;
  runSequence: number;
  /** Current status, refreshed from the clock before every request is handled. */
  status: string;
  startTs: number;
  endTs?: number;
  createdAt: number;
  stepMs: number;
  steps: SimExecutionStep[];
  /** Status the run ends in (Success, Failed, Aborted, Expired, … or a waiting one when `stuck`). */
  outcome: string;
  /** The run stays in `outcome` and never ends (seeded history: waiting for an intervention, …). */
  stuck?: boolean;
  /** Index of the step at whose end the run reaches `outcome`. */
  endStep: number;
  modules: string[];
  triggeredBy: { uuid: string; identifier: string; email?: string };
  inputYaml: string;
  /** Started by a re-run of this execution (`executionTriggerInfo.isRerun`). */
  rerunOf?: string;
  /** Started by a retry of this execution, from the stages in `retriedStages`. */
  retryOf?: string;
  /** A later retry of this run exists: it can no longer be retried itself. */
  retriedBy?: string;
}

/** Scope fields of NG entities: none = account, org only = org, both = project. */
export interface SimScoped {
  orgIdentifier?: string;
  projectIdentifier?: string;
}

export interface SimService extends SimScoped {
  identifier: string;
  name: string;
  description: string;
  tags: Tags;
  yaml: string;
  createdAt: number;
  lastModifiedAt: number;
}

export interface SimEnvironment extends SimScoped {
  identifier: string;
  name: string;
  description: string;
  type: 'Production' | 'PreProduction';
  tags: Tags;
  yaml: string;
  createdAt: number;
  lastModifiedAt: number;
}

/** One version of a template; several entries share an identifier, one of them stable. */
export interface SimTemplate extends SimScoped {
  identifier: string;
  name: string;
  versionLabel: string;
  templateEntityType: 'Pipeline' | 'Stage' | 'Step' | 'StepGroup';
  stableTemplate: boolean;
  description: string;
  tags: Tags;
  yaml: string;
  lastUpdatedAt: number;
}

export interface SimState {
  seed: number;
  account: SimAccount;
  principals: SimPrincipal[];
  orgs: SimOrg[];
  projects: SimProject[];
  connectors: SimConnector[];
  pipelines: SimPipeline[];
  executions: SimExecution[];
  inputSets: SimInputSet[];
  services: SimService[];
  environments: SimEnvironment[];
  templates: SimTemplate[];
  /** The simulated Git repositories behind remote pipelines (git-repos.ts). */
  gitFiles: SimGitFile[];
  /** Served by GET /pipeline/api/yaml-schema?entityType=Pipelines. */
  pipelineSchema: unknown;
  connectorSchema: unknown;
}

export function projectKey(orgIdentifier: string, projectIdentifier: string): string {
  return `${orgIdentifier}/${projectIdentifier}`;
}
