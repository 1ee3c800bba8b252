// Small host-side helpers every command uses: the active account, tree refreshes and error
// display, so each command file only holds its own flow.
import * as vscode from 'vscode';
import type { ProjectScope, Scope } from '../api/types';
import { getAccounts, type AccountContext } from '../account/accounts';
import { log } from '../log';
import { nodeIds, type HarnessNode } from '../tree/nodes';
import { isCancelled } from './invocation';

/** The active account; interactive callers are offered to sign in when there is none. */
export async function activeAccount(interactive: boolean): Promise<AccountContext | undefined> {
  const accounts = getAccounts();
  const current = accounts.current();
  if (current || !interactive) return current;
  return accounts.require();
}

/** Asks the tree to refetch `node` (or everything); never fails the caller. */
export function refreshTree(node?: HarnessNode): void {
  vscode.commands.executeCommand('harness.refresh', node).then(undefined, (err: unknown) => {
    log.debug(`harness.refresh failed: ${err instanceof Error ? err.message : String(err)}`);
  });
}

/** Folder nodes with the ids the tree gives them, to refresh a folder known only by scope. */
export function pipelinesFolder(scope: ProjectScope): HarnessNode {
  return { kind: 'pipelines', id: nodeIds.pipelines(scope), scope: { ...scope } };
}

export function connectorsFolder(scope: Scope): HarnessNode {
  return { kind: 'connectors', id: nodeIds.connectors(scope), scope: { ...scope } };
}

/** Shows an API failure (401 offers sign-in, 403 names the access) without blocking the caller. */
export function reportError(err: unknown, operation: string): void {
  if (isCancelled(err)) return;
  void getAccounts().handleApiError(err, operation);
}

export function scopeLabel(scope: Scope): string {
  if (scope.orgIdentifier && scope.projectIdentifier)
    return `${scope.orgIdentifier}/${scope.projectIdentifier}`;
  if (scope.orgIdentifier) return `organization ${scope.orgIdentifier}`;
  return 'the account';
}
