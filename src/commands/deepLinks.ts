// Links into the Harness web UI ("Open in Harness"). The UI is served from the same host as
// the API for SaaS clusters; a base URL ending in /gateway (self-managed, Terraform style)
// is stripped. Templates follow harness-api.md §2.4; the org/account connector pages are
// the UI's settings routes.
import type { GitDetails, Scope } from '../api/types';

export function uiBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/gateway$/, '');
}

const enc = encodeURIComponent;

function accountRoot(baseUrl: string, accountId: string): string {
  return `${uiBase(baseUrl)}/ng/account/${enc(accountId)}`;
}

function projectRoot(baseUrl: string, accountId: string, org: string, project: string): string {
  return `${accountRoot(baseUrl, accountId)}/all/orgs/${enc(org)}/projects/${enc(project)}`;
}

function gitQuery(git?: GitDetails & { connectorRef?: string; storeType?: string }): string {
  if (!git || (!git.branch && !git.repoName)) return '';
  const q = new URLSearchParams();
  q.set('storeType', 'REMOTE');
  if (git.connectorRef) q.set('connectorRef', git.connectorRef);
  if (git.repoName) q.set('repoName', git.repoName);
  if (git.branch) q.set('branch', git.branch);
  return `?${q.toString()}`;
}

export function pipelineLink(
  baseUrl: string,
  accountId: string,
  org: string,
  project: string,
  pipeline: string,
  git?: GitDetails & { connectorRef?: string },
): string {
  return `${projectRoot(baseUrl, accountId, org, project)}/pipelines/${enc(pipeline)}/pipeline-studio${gitQuery(git)}`;
}

export function executionLink(
  baseUrl: string,
  accountId: string,
  org: string,
  project: string,
  pipeline: string,
  planExecutionId: string,
): string {
  return `${projectRoot(baseUrl, accountId, org, project)}/pipelines/${enc(pipeline)}/deployments/${enc(planExecutionId)}/pipeline`;
}

export function connectorLink(baseUrl: string, accountId: string, scope: Scope, connector: string): string {
  if (scope.orgIdentifier && scope.projectIdentifier) {
    return `${projectRoot(baseUrl, accountId, scope.orgIdentifier, scope.projectIdentifier)}/settings/connectors/${enc(connector)}`;
  }
  if (scope.orgIdentifier) {
    return `${accountRoot(baseUrl, accountId)}/settings/organizations/${enc(scope.orgIdentifier)}/setup/resources/connectors/${enc(connector)}`;
  }
  return `${accountRoot(baseUrl, accountId)}/settings/resources/connectors/${enc(connector)}`;
}

export function projectLink(baseUrl: string, accountId: string, org: string, project: string): string {
  return projectRoot(baseUrl, accountId, org, project);
}

export function orgLink(baseUrl: string, accountId: string, org: string): string {
  return `${accountRoot(baseUrl, accountId)}/settings/organizations/${enc(org)}`;
}

/**
 * A stage or step inside an execution's page: the execution link with `stage` (the stage's layout
 * node id) and `step` (the step's execution graph node id) as the UI reads them (the shape
 * lorenyeung/go-execution-url builds from `layoutNodeMap` and `executionGraph.nodeMap` keys).
 */
export function executionPartLink(
  baseUrl: string,
  accountId: string,
  org: string,
  project: string,
  pipeline: string,
  planExecutionId: string,
  stageNodeId: string | undefined,
  stepNodeId?: string,
): string {
  const base = executionLink(baseUrl, accountId, org, project, pipeline, planExecutionId);
  const q = new URLSearchParams();
  if (stageNodeId) q.set('stage', stageNodeId);
  if (stageNodeId && stepNodeId) q.set('step', stepNodeId);
  const query = q.toString();
  return query ? `${base}?${query}` : base;
}
