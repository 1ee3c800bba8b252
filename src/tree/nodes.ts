// The nodes of the Harness tree. Plain data (no `vscode`), so commands can receive them as
// menu arguments and unit tests can build them. `kind` discriminates; `contextValue()` gives
// the value package.json menus match on.
import type { Connector, Organization, PipelineSummary, Project, ProjectScope, Scope } from '../api/types';

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
  | LoadMoreNode
  | ErrorNode
  | MessageNode;

export type HarnessNodeKind = HarnessNode['kind'];

/** Nodes that have children loaded from the API. */
export type ContainerNode = AccountNode | OrgNode | ProjectNode | PipelinesFolderNode | ConnectorsFolderNode;

export function isContainer(node: HarnessNode): node is ContainerNode {
  return (
    node.kind === 'account' ||
    node.kind === 'org' ||
    node.kind === 'project' ||
    node.kind === 'pipelines' ||
    node.kind === 'connectors'
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
    case 'error':
      return 'harness.error';
    case 'loadMore':
      return 'harness.loadMore';
    case 'message':
      return undefined;
  }
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
};
