// Per-resource commands from the tree's context menus: open a pipeline's YAML, delete, test a
// connector's connection, open in the Harness UI, copy an identifier. Each also accepts a plain
// options object (no prompts) so it can be driven by tests and other extensions.
import * as vscode from 'vscode';
import type { ConnectorTestResult, GitParams, ProjectScope, Scope } from '../api/types';
import type { AccountContext } from '../account/accounts';
import type { ConnectorNode, HarnessNode } from '../tree/nodes';
import { connectorsFolder, pipelinesFolder, scopeLabel, type CommandEnv } from './context';
import {
  connectorLink,
  executionLink,
  executionPartLink,
  orgLink,
  pipelineLink,
  projectLink,
} from './deepLinks';
import { pipelineUri } from './fs/provider';
import {
  failed,
  isCancelled,
  isOptions,
  isTreeNode,
  str,
  withCancellableProgress,
  type CommandResult,
} from './invocation';

function optScope(o: Record<string, unknown>): Scope {
  const scope: Scope = {};
  const org = str(o.org);
  const project = str(o.project);
  if (org) scope.orgIdentifier = org;
  if (org && project) scope.projectIdentifier = project;
  return scope;
}

function projectScopeOf(o: Record<string, unknown>): ProjectScope | undefined {
  const s = optScope(o);
  return s.orgIdentifier && s.projectIdentifier
    ? { orgIdentifier: s.orgIdentifier, projectIdentifier: s.projectIdentifier }
    : undefined;
}

// ---- Open pipeline YAML -------------------------------------------------------------------

export async function openPipeline(env: CommandEnv, arg?: unknown): Promise<CommandResult<{ uri: string }>> {
  const interactive = !isOptions(arg);
  const account = await env.activeAccount(interactive);
  if (!account) return { status: 'refused', reason: 'not signed in to Harness' };
  let scope: ProjectScope | undefined;
  let identifier: string | undefined;
  let git: { branch?: string; repoName?: string; connectorRef?: string } = {};
  if (isTreeNode(arg) && arg.kind === 'pipeline') {
    scope = arg.scope;
    identifier = arg.pipeline.identifier;
    if (arg.pipeline.storeType === 'REMOTE') {
      git = {
        branch: arg.pipeline.gitDetails?.branch,
        repoName: arg.pipeline.gitDetails?.repoName,
        connectorRef: arg.pipeline.connectorRef,
      };
    }
  } else if (isOptions(arg)) {
    scope = projectScopeOf(arg);
    identifier = str(arg.identifier);
    git = { branch: str(arg.branch), repoName: str(arg.repoName), connectorRef: str(arg.connectorRef) };
  }
  if (!scope || !identifier) return { status: 'refused', reason: 'choose a pipeline in the Harness view' };
  const uri = pipelineUri({ accountId: account.accountId, ...scope, identifier, ...git });
  try {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    return { status: 'ok', uri: uri.toString() };
  } catch (err) {
    env.reportError(err, `open pipeline ${identifier}`);
    return failed(err);
  }
}

// ---- Delete -------------------------------------------------------------------------------

type Deletable =
  | { kind: 'pipeline'; scope: ProjectScope; identifier: string; name: string; node?: HarnessNode }
  | { kind: 'connector'; scope: Scope; identifier: string; name: string; node?: HarnessNode }
  | { kind: 'project'; scope: ProjectScope; identifier: string; name: string; node?: HarnessNode };

function deletableOf(kind: Deletable['kind'], arg: unknown): Deletable | undefined {
  if (isTreeNode(arg)) {
    if (kind === 'pipeline' && arg.kind === 'pipeline') {
      return {
        kind,
        scope: arg.scope,
        identifier: arg.pipeline.identifier,
        name: arg.pipeline.name,
        node: arg,
      };
    }
    if (kind === 'connector' && arg.kind === 'connector') {
      const c = arg.connector.connector;
      return { kind, scope: arg.scope, identifier: c.identifier, name: c.name, node: arg };
    }
    if (kind === 'project' && arg.kind === 'project') {
      const p = arg.project;
      return {
        kind,
        scope: { orgIdentifier: p.orgIdentifier, projectIdentifier: p.identifier },
        identifier: p.identifier,
        name: p.name,
        node: arg,
      };
    }
    return undefined;
  }
  if (!isOptions(arg)) return undefined;
  const identifier = str(arg.identifier);
  if (kind === 'project') {
    const org = str(arg.org);
    const id = identifier ?? str(arg.project);
    return org && id
      ? { kind, scope: { orgIdentifier: org, projectIdentifier: id }, identifier: id, name: id }
      : undefined;
  }
  if (!identifier) return undefined;
  if (kind === 'pipeline') {
    const scope = projectScopeOf(arg);
    return scope ? { kind, scope, identifier, name: identifier } : undefined;
  }
  return { kind, scope: optScope(arg), identifier, name: identifier };
}

export async function deleteResource(
  env: CommandEnv,
  kind: Deletable['kind'],
  arg?: unknown,
): Promise<CommandResult> {
  const interactive = !isOptions(arg);
  const target = deletableOf(kind, arg);
  if (!target) return { status: 'refused', reason: `choose a ${kind} in the Harness view` };
  const account = await env.activeAccount(interactive);
  if (!account) return { status: 'refused', reason: 'not signed in to Harness' };
  const where = kind === 'project' ? `organization ${target.scope.orgIdentifier}` : scopeLabel(target.scope);
  if (interactive) {
    const warning =
      kind === 'project'
        ? 'Everything in the project (pipelines, connectors, secrets, executions) is deleted with it. This cannot be undone.'
        : 'This cannot be undone.';
    const choice = await vscode.window.showWarningMessage(
      `Delete ${kind} "${target.name}" (${target.identifier}) from ${where}?`,
      { modal: true, detail: warning },
      'Delete',
    );
    if (choice !== 'Delete') return { status: 'cancelled' };
  } else if (arg && (arg as Record<string, unknown>).confirm !== true) {
    return { status: 'refused', reason: 'pass confirm: true to delete without asking' };
  }
  try {
    await withCancellableProgress(`Deleting ${kind} ${target.identifier}…`, (signal) => {
      switch (target.kind) {
        case 'pipeline':
          return account.api.deletePipeline(target.scope, target.identifier, remoteDeleteParams(target), {
            signal,
          });
        case 'connector':
          return account.api.deleteConnector(target.scope, target.identifier, { signal });
        case 'project':
          return account.api.deleteProject(target.scope, { signal });
      }
    });
    void vscode.window.showInformationMessage(`Harness: deleted ${kind} "${target.name}" from ${where}.`);
    refreshAfterDelete(env, target);
    return { status: 'ok' };
  } catch (err) {
    if (isCancelled(err)) return { status: 'cancelled' };
    env.reportError(err, `delete ${kind} ${target.identifier}`);
    return failed(err);
  }
}

/** Remote (Git) pipelines are deleted with a commit: say where, and which version was seen. */
function remoteDeleteParams(target: Deletable): GitParams | undefined {
  const node = target.node;
  if (node?.kind !== 'pipeline' || node.pipeline.storeType !== 'REMOTE') return undefined;
  const g = node.pipeline.gitDetails ?? {};
  return {
    branch: g.branch,
    repoName: g.repoName,
    connectorRef: node.pipeline.connectorRef,
    filePath: g.filePath,
    lastObjectId: g.objectId,
    commitMsg: `Delete pipeline ${target.identifier} from VS Code`,
  };
}

function refreshAfterDelete(env: CommandEnv, target: Deletable): void {
  const parent = target.node?.parent;
  if (parent) return env.tree.refresh(parent);
  if (target.kind === 'pipeline') return env.tree.refresh(pipelinesFolder(target.scope));
  if (target.kind === 'connector') return env.tree.refresh(connectorsFolder(target.scope));
  env.tree.refresh(undefined);
}

// ---- Test connection ----------------------------------------------------------------------

export async function testConnection(
  env: CommandEnv,
  arg?: unknown,
): Promise<CommandResult<{ result: ConnectorTestResult }>> {
  const interactive = !isOptions(arg);
  const node = isTreeNode(arg) && arg.kind === 'connector' ? (arg as ConnectorNode) : undefined;
  const scope = node?.scope ?? (isOptions(arg) ? optScope(arg) : undefined);
  const identifier =
    node?.connector.connector.identifier ?? (isOptions(arg) ? str(arg.identifier) : undefined);
  if (!scope || !identifier) return { status: 'refused', reason: 'choose a connector in the Harness view' };
  const account = await env.activeAccount(interactive);
  if (!account) return { status: 'refused', reason: 'not signed in to Harness' };
  try {
    const result = await withCancellableProgress(`Testing connector ${identifier}…`, (signal) =>
      account.api.testConnector(scope, identifier, { signal }),
    );
    if (node) {
      node.connector.status = {
        ...node.connector.status,
        status: result.status,
        rawStatus: result.rawStatus, // cleared when the new status is a known one
        errorSummary: result.errorSummary,
        errors: result.errors,
        testedAt: result.testedAt ?? Date.now(),
        lastTestedAt: result.testedAt ?? Date.now(),
      };
      env.tree.repaint(node);
    }
    if (result.status === 'SUCCESS') {
      void vscode.window.showInformationMessage(`Harness: connector "${identifier}" connected successfully.`);
    } else if (result.status === 'PENDING') {
      // Harness has not finished the test (a delegate may still be picking it up): not a failure.
      void vscode.window.showInformationMessage(
        `Harness: connector "${identifier}" test is still pending in Harness; test again in a moment.`,
      );
    } else {
      const why = result.errorSummary ?? result.errors?.[0]?.message ?? 'no details';
      void vscode.window.showWarningMessage(
        `Harness: connector "${identifier}" test ${result.status}: ${why}`,
      );
    }
    return { status: 'ok', result };
  } catch (err) {
    if (isCancelled(err)) return { status: 'cancelled' };
    env.reportError(err, `test connector ${identifier}`);
    return failed(err);
  }
}

// ---- Open in browser / copy identifier ------------------------------------------------------

export function linkFor(
  account: Pick<AccountContext, 'baseUrl' | 'accountId'>,
  node: HarnessNode,
): string | undefined {
  const { baseUrl, accountId } = account;
  switch (node.kind) {
    case 'account':
      return `${baseUrl.replace(/\/+$/, '').replace(/\/gateway$/, '')}/ng/account/${encodeURIComponent(accountId)}/settings/overview`;
    case 'org':
      return orgLink(baseUrl, accountId, node.org.identifier);
    case 'project':
      return projectLink(baseUrl, accountId, node.project.orgIdentifier, node.project.identifier);
    case 'pipelines':
      return `${projectLink(baseUrl, accountId, node.scope.orgIdentifier, node.scope.projectIdentifier)}/pipelines`;
    case 'pipeline': {
      const p = node.pipeline;
      return pipelineLink(
        baseUrl,
        accountId,
        node.scope.orgIdentifier,
        node.scope.projectIdentifier,
        p.identifier,
        p.storeType === 'REMOTE' ? { ...p.gitDetails, connectorRef: p.connectorRef } : undefined,
      );
    }
    case 'connector':
      return connectorLink(baseUrl, accountId, node.scope, node.connector.connector.identifier);
    case 'execution':
      return executionLink(
        baseUrl,
        accountId,
        node.scope.orgIdentifier,
        node.scope.projectIdentifier,
        node.pipelineIdentifier,
        node.summary.planExecutionId,
      );
    case 'executionPart':
      return executionPartLink(
        baseUrl,
        accountId,
        node.scope.orgIdentifier,
        node.scope.projectIdentifier,
        node.pipelineIdentifier,
        node.planExecutionId,
        node.stageNodeId,
        node.part.kind === 'stage' ? undefined : node.part.id,
      );
    default:
      return undefined;
  }
}

export async function openInBrowser(env: CommandEnv, arg?: unknown): Promise<CommandResult<{ url: string }>> {
  let url: string | undefined;
  if (isOptions(arg) && str(arg.url)) url = str(arg.url);
  else if (isTreeNode(arg)) {
    const account = await env.activeAccount(false);
    if (account) url = linkFor(account, arg);
  } else if (isOptions(arg) && str(arg.planExecutionId)) {
    const account = await env.activeAccount(false);
    const scope = projectScopeOf(arg);
    const id = str(arg.identifier);
    if (account && scope && id) {
      url = executionLink(
        account.baseUrl,
        account.accountId,
        scope.orgIdentifier,
        scope.projectIdentifier,
        id,
        str(arg.planExecutionId)!,
      );
    }
  }
  if (!url) return { status: 'refused', reason: 'nothing to open' };
  const parsed = vscode.Uri.parse(url);
  if (parsed.scheme !== 'https' && parsed.scheme !== 'http')
    return { status: 'refused', reason: 'not a web link' };
  await vscode.env.openExternal(parsed);
  return { status: 'ok', url };
}

export function identifierOf(node: HarnessNode): string | undefined {
  switch (node.kind) {
    case 'account':
      return node.accountId;
    case 'org':
      return node.org.identifier;
    case 'project':
      return node.project.identifier;
    case 'pipeline':
      return node.pipeline.identifier;
    case 'inputSet':
      return node.inputSet.identifier;
    case 'connector': {
      // Copy the reference form usable from the project scope downwards.
      const c = node.connector.connector;
      if (!node.scope.orgIdentifier) return `account.${c.identifier}`;
      if (!node.scope.projectIdentifier) return `org.${c.identifier}`;
      return c.identifier;
    }
    default:
      return undefined;
  }
}

export async function copyIdentifier(arg?: unknown): Promise<CommandResult<{ identifier: string }>> {
  const id = isTreeNode(arg) ? identifierOf(arg) : undefined;
  if (!id) return { status: 'refused', reason: 'choose an item in the Harness view' };
  await vscode.env.clipboard.writeText(id);
  void vscode.window.setStatusBarMessage(`Copied ${id}`, 3000);
  return { status: 'ok', identifier: id };
}
