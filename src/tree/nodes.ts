// The nodes of the Harness tree. Plain data (no `vscode`), so commands can receive them as
// menu arguments and unit tests can build them. `kind` discriminates; `contextValue()` gives
// the value package.json menus match on.
import {
  executionStatusInfo,
  type Connector,
  type ExecutionNode,
  type ExecutionSummary,
  type InputSetSummary,
  type Organization,
  type PipelineSummary,
  type Project,
  type ProjectScope,
  type Scope,
} from '../api/types';

interface NodeBase {
  /** Stable id, unique in the tree (also the TreeItem id and the cache key). */
  readonly id: string;
  /** The node this one is a child of; undefined for the root. */
  readonly parent?: HarnessNode;
}

export interface AccountNode extends NodeBase {
  kind: 'account';
  accountId: string;
  label: string;
  baseUrl: string;
}

export interface OrgNode extends NodeBase {
  kind: 'org';
  org: Organization;
}

export interface ProjectNode extends NodeBase {
  kind: 'project';
  project: Project;
}

export interface PipelinesFolderNode extends NodeBase {
  kind: 'pipelines';
  scope: ProjectScope;
}

export interface PipelineNode extends NodeBase {
  kind: 'pipeline';
  scope: ProjectScope;
  /** Mutable so a run or watch can show the latest execution status on the node (then TreeAccess.repaint). */
  pipeline: PipelineSummary;
}

export interface ConnectorsFolderNode extends NodeBase {
  kind: 'connectors';
  scope: Scope;
}

export interface ConnectorNode extends NodeBase {
  kind: 'connector';
  scope: Scope;
  /** Mutable so "test connection" can show its result on the node (then TreeAccess.repaint). */
  connector: Connector;
}

/** A pipeline's run history (its one child), latest first, one page at a time. */
export interface ExecutionsFolderNode extends NodeBase {
  kind: 'executions';
  scope: ProjectScope;
  pipelineIdentifier: string;
}

/** One run of a pipeline; its children are the run's stages. */
export interface ExecutionRowNode extends NodeBase {
  kind: 'execution';
  scope: ProjectScope;
  pipelineIdentifier: string;
  /** Mutable so the shared poller's updates show on the row (then repaint). */
  summary: ExecutionSummary;
}

/** A pipeline's input sets and overlay input sets (beside Executions), one page at a time. */
export interface InputSetsFolderNode extends NodeBase {
  kind: 'inputSets';
  scope: ProjectScope;
  pipelineIdentifier: string;
}

/** One input set or overlay input set of a pipeline, as listed. */
export interface InputSetNode extends NodeBase {
  kind: 'inputSet';
  scope: ProjectScope;
  pipelineIdentifier: string;
  inputSet: InputSetSummary;
}

/** A stage, step group, parallel block, matrix/repeat instance holder or step of a run. */
export interface ExecutionPartNode extends NodeBase {
  kind: 'executionPart';
  scope: ProjectScope;
  pipelineIdentifier: string;
  planExecutionId: string;
  runSequence?: number;
  /** Layout node id of the stage this part belongs to (for links into the Harness UI). */
  stageNodeId?: string;
  part: ExecutionNode;
}

export interface LoadMoreNode extends NodeBase {
  kind: 'loadMore';
  /** The node whose children continue. */
  owner: HarnessNode;
}

export interface ErrorNode extends NodeBase {
  kind: 'error';
  message: string;
  /** Longer text for the tooltip (status, code, correlation id). */
  detail?: string;
  /** The node whose children failed to load; Retry reloads it. */
  owner: HarnessNode;
  /** HTTP-ish kind of the failure, e.g. 'forbidden' for a 403 node. */
  errorKind?: string;
}

export interface MessageNode extends NodeBase {
  kind: 'message';
  message: string;
}

export type HarnessNode =
  | AccountNode
  | OrgNode
  | ProjectNode
  | PipelinesFolderNode
  | PipelineNode
  | ConnectorsFolderNode
  | ConnectorNode
  | ExecutionsFolderNode
  | ExecutionRowNode
  | ExecutionPartNode
  | InputSetsFolderNode
  | InputSetNode
  | LoadMoreNode
  | ErrorNode
  | MessageNode;

export type HarnessNodeKind = HarnessNode['kind'];

/** Nodes that have children loaded from the API. */
export type ContainerNode =
  | AccountNode
  | OrgNode
  | ProjectNode
  | PipelinesFolderNode
  | PipelineNode
  | ConnectorsFolderNode
  | ExecutionsFolderNode
  | ExecutionRowNode
  | InputSetsFolderNode;

export function isContainer(node: HarnessNode): node is ContainerNode {
  return (
    node.kind === 'account' ||
    node.kind === 'org' ||
    node.kind === 'project' ||
    node.kind === 'pipelines' ||
    node.kind === 'pipeline' ||
    node.kind === 'connectors' ||
    node.kind === 'executions' ||
    node.kind === 'execution' ||
    node.kind === 'inputSets'
  );
}

/** The `contextValue` of a node's TreeItem; package.json `when` clauses match these. */
export function contextValue(node: HarnessNode): string | undefined {
  switch (node.kind) {
    case 'account':
      return 'harness.account';
    case 'org':
      return 'harness.org';
    case 'project':
      return 'harness.project';
    case 'pipelines':
      return 'harness.pipelines';
    case 'pipeline':
      return node.pipeline.storeType === 'REMOTE' ? 'harness.pipeline.remote' : 'harness.pipeline';
    case 'connectors':
      return 'harness.connectors';
    case 'connector':
      return 'harness.connector';
    case 'executions':
      return 'harness.executions';
    case 'execution':
      return executionContextValue(node.summary);
    case 'executionPart':
      return node.part.kind === 'step' ? 'harness.executionStep' : 'harness.executionStage';
    case 'inputSets':
      return 'harness.inputSets';
    case 'inputSet':
      return node.inputSet.inputSetType === 'OVERLAY_INPUT_SET'
        ? 'harness.inputSet.overlay'
        : 'harness.inputSet';
    case 'error':
      return 'harness.error';
    case 'loadMore':
      return 'harness.loadMore';
    case 'message':
      return undefined;
  }
}

/**
 * `harness.execution.running` (Abort applies), `harness.execution.retryable` (Harness says it can be
 * retried from a stage) or `harness.execution`. A status this extension does not know is neither
 * running nor retryable: the menus then offer only what is safe (re-run, open in Harness).
 */
export function executionContextValue(summary: ExecutionSummary): string {
  const info = executionStatusInfo(summary.status);
  if (info.known && !info.final) return 'harness.execution.running';
  if (info.final && summary.canRetry === true) return 'harness.execution.retryable';
  return 'harness.execution';
}

/** The scope a node stands for (what "create connector here" or push defaults to). */
export function scopeOf(node: HarnessNode): Scope | undefined {
  switch (node.kind) {
    case 'account':
      return {};
    case 'org':
      return { orgIdentifier: node.org.identifier };
    case 'project':
      return { orgIdentifier: node.project.orgIdentifier, projectIdentifier: node.project.identifier };
    case 'pipelines':
    case 'pipeline':
    case 'connectors':
    case 'connector':
    case 'executions':
    case 'execution':
    case 'executionPart':
    case 'inputSets':
    case 'inputSet':
      return { ...node.scope };
    case 'loadMore':
    case 'error':
    case 'message':
      return node.parent ? scopeOf(node.parent) : undefined;
  }
}

function scopeId(scope: Scope): string {
  return [scope.orgIdentifier ?? '', scope.projectIdentifier ?? ''].join('/');
}

/** Ids derived from identity (not object references), so a node rebuilt elsewhere maps to the same id. */
export const nodeIds = {
  account: (accountId: string) => `account:${accountId}`,
  org: (org: string) => `org:${org}`,
  project: (scope: ProjectScope) => `project:${scopeId(scope)}`,
  pipelines: (scope: ProjectScope) => `pipelines:${scopeId(scope)}`,
  pipeline: (scope: ProjectScope, id: string) => `pipeline:${scopeId(scope)}:${id}`,
  connectors: (scope: Scope) => `connectors:${scopeId(scope)}`,
  connector: (scope: Scope, id: string) => `connector:${scopeId(scope)}:${id}`,
  executions: (scope: ProjectScope, pipeline: string) => `executions:${scopeId(scope)}:${pipeline}`,
  execution: (planExecutionId: string) => `execution:${planExecutionId}`,
  executionPart: (planExecutionId: string, partId: string) => `execpart:${planExecutionId}:${partId}`,
  inputSets: (scope: ProjectScope, pipeline: string) => `inputsets:${scopeId(scope)}:${pipeline}`,
  inputSet: (scope: ProjectScope, pipeline: string, id: string) =>
    `inputset:${scopeId(scope)}:${pipeline}:${id}`,
};
