// The Harness resources view: its data provider, the tree view, its commands (refresh, load more,
// retry, filter) and what is selected in it. Other features reach it through TreeAccess.
import * as vscode from 'vscode';
import type { AccountContext, Accounts } from '../account/accounts';
import type { Scope } from '../api/types';
import type { ExecutionPollers } from '../executions/pollers';
import { TreeFollows } from '../executions/treeFollows';
import type { TreeAccess } from '../tree/access';
import { isContainer, scopeOf, type ErrorNode, type HarnessNode, type LoadMoreNode } from '../tree/nodes';
import { HarnessTreeProvider } from '../tree/provider';

export const VIEW_ID = 'harness.resources';

function isNode(value: unknown): value is HarnessNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'kind') === 'string' &&
    typeof Reflect.get(value, 'id') === 'string'
  );
}

export class TreeFeature implements TreeAccess, vscode.Disposable {
  readonly provider: HarnessTreeProvider;
  private readonly view: vscode.TreeView<HarnessNode>;
  private selected: HarnessNode | undefined;
  private readonly selectionChanged = new vscode.EventEmitter<Scope | undefined>();
  /** The scope of the newly selected node (undefined when the selection is cleared). */
  readonly onDidChangeSelection = this.selectionChanged.event;
  private readonly disposables: vscode.Disposable[];

  constructor(accounts: Accounts, pollers: ExecutionPollers) {
    // Running executions shown in the view are followed through the shared pollers.
    const follows = new TreeFollows(pollers, (row) => {
      const account = accounts.current();
      return account
        ? {
            api: account.api,
            accountId: account.accountId,
            scope: row.scope,
            pipelineIdentifier: row.pipelineIdentifier,
            planExecutionId: row.summary.planExecutionId,
          }
        : undefined;
    });
    this.provider = new HarnessTreeProvider(accounts, (folder, rows) => follows.shown(folder, rows));
    this.view = vscode.window.createTreeView(VIEW_ID, {
      treeDataProvider: this.provider,
      showCollapseAll: true,
    });
    follows.setVisible(this.view.visible);
    this.disposables = [
      follows,
      this.provider,
      this.view,
      this.view.onDidChangeVisibility((e) => follows.setVisible(e.visible)),
      this.view.onDidExpandElement((e) => follows.expanded(e.element)),
      this.view.onDidCollapseElement((e) => follows.collapsed(e.element)),
      pollers.onDidUpdate((u) => {
        follows.updated(u.planExecutionId, u.summary);
        this.provider.applyUpdate(u);
      }),
      accounts.onDidChange(() => follows.clear()),
      this.selectionChanged,
      this.view.onDidChangeSelection((e) => {
        this.selected = e.selection[0];
        this.selectionChanged.fire(this.selectedScope());
      }),
      ...this.registerCommands(),
    ];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  selectedScope(): Scope | undefined {
    return this.selected ? scopeOf(this.selected) : undefined;
  }

  refresh(node?: HarnessNode): void {
    this.provider.refresh(node);
  }

  repaint(node: HarnessNode): void {
    this.provider.repaint(node);
  }

  /** Shows the account's new label (same account, e.g. its name arrived later). */
  relabel(account: AccountContext): void {
    this.provider.relabel(account);
  }

  private describeFilter(): void {
    const term = this.provider.getViewFilter();
    this.view.description = term ? `filter: "${term}"` : undefined;
  }

  private registerCommands(): vscode.Disposable[] {
    const provider = this.provider;
    return [
      vscode.commands.registerCommand('harness.refresh', (node?: unknown) =>
        provider.refresh(isNode(node) ? node : undefined),
      ),
      vscode.commands.registerCommand('harness.loadMore', (node?: unknown) => {
        if (isNode(node) && node.kind === 'loadMore') return provider.loadMore(node as LoadMoreNode);
        return undefined;
      }),
      vscode.commands.registerCommand('harness.retry', (node?: unknown) => {
        if (isNode(node) && node.kind === 'error') return provider.retry(node as ErrorNode);
        provider.refresh();
        return undefined;
      }),
      vscode.commands.registerCommand('harness.filter', (target?: unknown, term?: unknown) =>
        this.filter(target, term),
      ),
      vscode.commands.registerCommand('harness.clearFilter', () => {
        provider.clearFilters();
        this.describeFilter();
      }),
    ];
  }

  /**
   * `harness.filter`: a server-side search term. On a container node: that node's children;
   * otherwise every Pipelines and Connectors list in the view. `term` skips the prompt ('' clears).
   */
  private async filter(target?: unknown, term?: unknown): Promise<void> {
    const node = isNode(target) && isContainer(target) ? target : undefined;
    let value = typeof term === 'string' ? term : typeof target === 'string' ? target : undefined;
    if (value === undefined) {
      value = await vscode.window.showInputBox({
        title: node ? 'Harness: Filter this list' : 'Harness: Filter pipelines and connectors',
        prompt: 'Search term sent to Harness (matches names, identifiers, tags). Empty clears the filter.',
        value: node ? '' : (this.provider.getViewFilter() ?? ''),
      });
      if (value === undefined) return;
    }
    value = value.trim();
    if (node) this.provider.setNodeFilter(node, value || undefined);
    else this.provider.setViewFilter(value || undefined);
    this.describeFilter();
  }
}
