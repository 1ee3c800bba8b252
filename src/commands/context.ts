// What every command needs from the rest of the extension, injected once (CommandEnv): the
// accounts, the tree and the log; plus small pure helpers, so each command file only holds its
// own flow.
import type { ProjectScope, Scope } from '../api/types';
import type { AccountContext, Accounts } from '../account/accounts';
import type { Log } from '../ui/log';
import type { TreeAccess } from '../tree/access';
import { nodeIds, type HarnessNode } from '../tree/nodes';
import { isCancelled } from './invocation';

export class CommandEnv {
  constructor(
    readonly accounts: Accounts,
    readonly tree: TreeAccess,
    readonly log: Log,
  ) {}

  /** The active account; interactive callers are offered to sign in when there is none. */
  async activeAccount(interactive: boolean): Promise<AccountContext | undefined> {
    const current = this.accounts.current();
    if (current || !interactive) return current;
    return this.accounts.require();
  }

  /** Shows an API failure (401 offers sign-in, 403 names the access) without blocking the caller. */
  reportError(err: unknown, operation: string): void {
    if (isCancelled(err)) return;
    void this.accounts.handleApiError(err, operation);
  }
}

/** Folder nodes with the ids the tree gives them, to refresh a folder known only by scope. */
export function pipelinesFolder(scope: ProjectScope): HarnessNode {
  return { kind: 'pipelines', id: nodeIds.pipelines(scope), scope: { ...scope } };
}

export function connectorsFolder(scope: Scope): HarnessNode {
  return { kind: 'connectors', id: nodeIds.connectors(scope), scope: { ...scope } };
}

export function scopeLabel(scope: Scope): string {
  if (scope.orgIdentifier && scope.projectIdentifier)
    return `${scope.orgIdentifier}/${scope.projectIdentifier}`;
  if (scope.orgIdentifier) return `organization ${scope.orgIdentifier}`;
  return 'the account';
}
