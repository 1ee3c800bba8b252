// The TreeDataProvider of the `harness.resources` view: adapts ChildrenCache (paging, cache,
// errors) and presentation (icons, tooltips) to VS Code, and keeps the welcome-view context
// keys (harness.apiUnreachable, harness.empty) in step with what the root load found.
import * as vscode from 'vscode';
import type { AccountContext, Accounts } from '../account/accounts';
import { isHarnessApiError } from '../api/errors';
import type { ExecutionDetail } from '../api/types';
import { executionChildren, partChildren, stepLogCommand } from '../executions/rows';
import type { ExecutionUpdate } from '../executions/updates';
import { openInputSetCommand } from '../inputSets/rows';
import { ChildrenCache } from './children';
import { fetchChildren } from './fetch';
import {
  contextValue,
  isContainer,
  nodeIds,
  type AccountNode,
  type ContainerNode,
  type ErrorNode,
  type ExecutionRowNode,
  type ExecutionsFolderNode,
  type HarnessNode,
  type LoadMoreNode,
} from './nodes';
import { present } from './presentation';

/** Told which execution rows a pipeline's Executions folder shows (to follow the running ones). */
export type ExecutionRowsShown = (folder: ExecutionsFolderNode, rows: ExecutionRowNode[]) => void;

export class HarnessTreeProvider implements vscode.TreeDataProvider<HarnessNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HarnessNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly cache: ChildrenCache;
  private root: AccountNode | undefined;
  private viewFilter: string | undefined;
  private readonly nodeFilters = new Map<string, string>();
  private readonly contextKeys = new Map<string, boolean>();
  private readonly subscriptions: vscode.Disposable[] = [this.changed];
  /** Detail graphs the shared poller fetched, used (once) instead of a request when a run's stages are rebuilt. */
  private readonly liveDetails = new Map<string, ExecutionDetail>();
  /** Runs the tree has already refreshed an Executions folder for (a new run shows up once). */
  private readonly announced = new Set<string>();

  constructor(
    private readonly accounts: Accounts,
    private readonly rowsShown: ExecutionRowsShown = () => undefined,
  ) {
    this.cache = new ChildrenCache(
      (api, node, page) => {
        const live =
          node.kind === 'execution' ? this.liveDetails.get(node.summary.planExecutionId) : undefined;
        if (node.kind === 'execution' && live) {
          this.liveDetails.delete(node.summary.planExecutionId);
          node.summary = live.summary;
          return Promise.resolve({ fixed: executionChildren(node, live), items: [], hasMore: false });
        }
        return fetchChildren(api, node, page);
      },
      {
        pageSize: () =>
          Math.min(
            100,
            Math.max(1, vscode.workspace.getConfiguration('harness').get<number>('tree.pageSize') ?? 50),
          ),
        searchTerm: (node) =>
          this.nodeFilters.get(node.id) ??
          (node.kind === 'pipelines' || node.kind === 'connectors' ? this.viewFilter : undefined),
        onError: (err) => {
          if (isHarnessApiError(err, 'unauthorized'))
            void this.accounts.handleApiError(err, 'load the Harness tree');
        },
      },
    );
    this.subscriptions.push(
      accounts.onDidChange(() => {
        this.root = undefined;
        this.nodeFilters.clear();
        this.cache.invalidate();
        this.changed.fire();
      }),
    );
    this.setContext('harness.apiUnreachable', false);
    this.setContext('harness.empty', false);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }

  getTreeItem(node: HarnessNode): vscode.TreeItem {
    const view = present(node, node.kind === 'loadMore' ? this.cache.progress(node.owner) : undefined);
    const state =
      view.collapsible === 'expanded'
        ? vscode.TreeItemCollapsibleState.Expanded
        : view.collapsible === 'collapsed'
          ? vscode.TreeItemCollapsibleState.Collapsed
          : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(view.label, state);
    item.id = node.id;
    const filter = this.nodeFilters.get(node.id);
    item.description = filter
      ? `${view.description ? `${view.description} · ` : ''}filter: "${filter}"`
      : view.description;
    item.iconPath = view.color
      ? new vscode.ThemeIcon(view.icon, new vscode.ThemeColor(view.color))
      : new vscode.ThemeIcon(view.icon);
    if (view.tooltip) {
      const md = new vscode.MarkdownString(view.tooltip);
      md.supportThemeIcons = true;
      item.tooltip = md;
    }
    const cv = contextValue(node);
    if (cv) item.contextValue = cv;
    if (node.kind === 'loadMore') {
      item.command = { command: 'harness.loadMore', title: 'Load more', arguments: [node] };
    } else if (node.kind === 'error') {
      item.command = { command: 'harness.retry', title: 'Retry', arguments: [node] };
    } else if (node.kind === 'executionPart') {
      const account = this.accounts.current();
      const open = account ? stepLogCommand(account.accountId, node) : undefined;
      if (open) item.command = open;
    } else if (node.kind === 'inputSet') {
      item.command = openInputSetCommand(node);
    }
    return item;
  }

  getParent(node: HarnessNode): HarnessNode | undefined {
    return node.parent;
  }

  async getChildren(node?: HarnessNode): Promise<HarnessNode[]> {
    const account = this.accounts.current();
    if (!account) {
      this.setContext('harness.apiUnreachable', false);
      this.setContext('harness.empty', false);
      return [];
    }
    if (!node) return this.rootChildren(account);
    if (node.kind === 'executionPart') return partChildren(node);
    if (!isContainer(node)) return [];
    const kids = await this.cache.children(account.api, node);
    if (node.kind === 'executions') {
      this.rowsShown(
        node,
        kids.filter((n): n is ExecutionRowNode => n.kind === 'execution'),
      );
    }
    return kids;
  }

  /**
   * Shows what the shared poller learnt about a run: the row's status and duration, its stages
   * and steps when the graph came with it (or, at the end, refetched once if they are shown).
   * A run the tree does not list yet (just started or re-run) refreshes its Executions folder.
   */
  applyUpdate(u: ExecutionUpdate): void {
    const account = this.accounts.current();
    if (!account || account.accountId !== u.accountId) return;
    const row = this.cache.find(nodeIds.execution(u.planExecutionId));
    if (row?.kind !== 'execution') {
      if (this.announced.has(u.planExecutionId)) return;
      const folder = this.cache.find(nodeIds.executions(u.scope, u.pipelineIdentifier));
      if (folder && this.cache.isCached(folder)) {
        this.announced.add(u.planExecutionId);
        this.refresh(folder);
      }
      return;
    }
    row.summary = u.summary;
    if (this.cache.isCached(row) && (u.detail || u.ended)) {
      if (u.detail) this.liveDetails.set(u.planExecutionId, u.detail);
      this.cache.invalidate(row);
    }
    this.changed.fire(row);
  }

  /** The account node, after its first page loaded: an unreachable API or an empty account shows welcome content instead. */
  private async rootChildren(account: AccountContext): Promise<HarnessNode[]> {
    const root = this.rootNode(account);
    await this.cache.children(account.api, root);
    const error = this.cache.errorOf(root);
    const unreachable = isHarnessApiError(error, 'network') || isHarnessApiError(error, 'timeout');
    this.setContext('harness.apiUnreachable', unreachable);
    const empty = !unreachable && this.cache.isEmpty(root) && !this.nodeFilters.has(root.id);
    this.setContext('harness.empty', empty);
    if (unreachable) {
      // Forget the failure so the welcome view's Retry (harness.refresh) loads again.
      this.cache.invalidate(root);
      return [];
    }
    return empty ? [] : [root];
  }

  rootNode(account: AccountContext): AccountNode {
    if (!this.root || this.root.accountId !== account.accountId || this.root.baseUrl !== account.baseUrl) {
      this.root = {
        kind: 'account',
        id: nodeIds.account(account.accountId),
        accountId: account.accountId,
        label: account.label,
        baseUrl: account.baseUrl,
      };
    }
    return this.root;
  }

  /** Shows a new label for the account node (same account, e.g. its name arrived later). */
  relabel(account: AccountContext): void {
    if (this.root && this.root.accountId === account.accountId && this.root.baseUrl === account.baseUrl) {
      this.root.label = account.label;
      // Whole-view repaint: served from the cache, and safe when the root is not shown (welcome view).
      this.changed.fire();
    }
  }

  /** The tree's own object with this id (menu arguments and nodes built by commands may be copies). */
  resolve(node: HarnessNode): HarnessNode | undefined {
    if (this.root && node.id === this.root.id) return this.root;
    return this.cache.find(node.id);
  }

  /** Refetches `node`'s subtree (a leaf or a pipeline refreshes its parent list), or everything. */
  refresh(node?: HarnessNode): void {
    if (!node) {
      this.cache.invalidate();
      this.changed.fire();
      return;
    }
    let target: HarnessNode | undefined = this.resolve(node) ?? node;
    // A pipeline refreshes its list, as before it had children (its row shows list data).
    while (target && (!isContainer(target) || target.kind === 'pipeline')) target = target.parent;
    if (!target) {
      this.refresh();
      return;
    }
    this.cache.invalidate(target);
    const own = this.resolve(target);
    if (own && own === this.root) {
      this.changed.fire();
    } else if (own) {
      this.changed.fire(own);
    }
    // Not shown yet: nothing cached to drop beyond what invalidate did; it loads fresh when expanded.
  }

  /** Repaints a node changed in place (no refetch). */
  repaint(node: HarnessNode): void {
    const own = this.resolve(node);
    if (!own) return;
    if (own !== node) Object.assign(own, node);
    this.changed.fire(own === this.root ? undefined : own);
  }

  async loadMore(node: LoadMoreNode | ErrorNode): Promise<void> {
    const account = this.accounts.current();
    if (!account) return;
    const loaded = await this.cache.loadMore(account.api, node);
    if (loaded) this.fireFor(node.owner);
  }

  async retry(node: ErrorNode): Promise<void> {
    if (node.owner === this.root || node.owner.id === this.root?.id) {
      this.refresh();
      return;
    }
    await this.loadMore(node);
  }

  private fireFor(owner: HarnessNode): void {
    const own = this.resolve(owner);
    if (!own || own === this.root) this.changed.fire();
    else this.changed.fire(own);
  }

  /** View-wide search term for pipelines and connectors lists (undefined clears). */
  setViewFilter(term: string | undefined): void {
    this.viewFilter = term || undefined;
    this.setContext('harness.filtered', !!this.viewFilter || this.nodeFilters.size > 0);
    this.refresh();
  }

  getViewFilter(): string | undefined {
    return this.viewFilter;
  }

  /** Search term for one container's children (undefined clears). */
  setNodeFilter(node: ContainerNode, term: string | undefined): void {
    if (term) this.nodeFilters.set(node.id, term);
    else this.nodeFilters.delete(node.id);
    this.setContext('harness.filtered', !!this.viewFilter || this.nodeFilters.size > 0);
    this.refresh(node);
  }

  clearFilters(): void {
    this.nodeFilters.clear();
    this.setViewFilter(undefined);
  }

  private setContext(key: string, value: boolean): void {
    if (this.contextKeys.get(key) === value) return;
    this.contextKeys.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}
