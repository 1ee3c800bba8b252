// Registers the Harness resources view and its commands (refresh, load more, retry, filter).
import * as vscode from 'vscode';
import type { Accounts } from '../account/accounts';
import { isContainer, type ErrorNode, type HarnessNode, type LoadMoreNode } from './nodes';
import { HarnessTreeProvider } from './provider';
import { setSelectedNode } from './selection';
import { onNodeChanged } from './updates';

export const VIEW_ID = 'harness.resources';

function isNode(value: unknown): value is HarnessNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'kind') === 'string' &&
    typeof Reflect.get(value, 'id') === 'string'
  );
}

export interface TreeRegistration {
  provider: HarnessTreeProvider;
  view: vscode.TreeView<HarnessNode>;
}

export function registerTree(
  context: vscode.ExtensionContext,
  accounts: Accounts,
  onSelection: (node: HarnessNode | undefined) => void,
): TreeRegistration {
  const provider = new HarnessTreeProvider(accounts);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const describeFilter = () => {
    const term = provider.getViewFilter();
    view.description = term ? `filter: "${term}"` : undefined;
  };

  context.subscriptions.push(
    provider,
    view,
    view.onDidChangeSelection((e) => {
      const node = e.selection[0];
      setSelectedNode(node);
      onSelection(node);
    }),
    onNodeChanged((node) => provider.repaint(node)),
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
    /**
     * Filter by server-side search term. On a container node: that node's children; otherwise
     * every Pipelines and Connectors list in the view. `term` skips the prompt ('' clears).
     */
    vscode.commands.registerCommand('harness.filter', async (target?: unknown, term?: unknown) => {
      const node = isNode(target) && isContainer(target) ? target : undefined;
      let value = typeof term === 'string' ? term : typeof target === 'string' ? target : undefined;
      if (value === undefined) {
        value = await vscode.window.showInputBox({
          title: node ? 'Harness: Filter this list' : 'Harness: Filter pipelines and connectors',
          prompt: 'Search term sent to Harness (matches names, identifiers, tags). Empty clears the filter.',
          value: node ? '' : (provider.getViewFilter() ?? ''),
        });
        if (value === undefined) return;
      }
      value = value.trim();
      if (node) provider.setNodeFilter(node, value || undefined);
      else provider.setViewFilter(value || undefined);
      describeFilter();
    }),
    vscode.commands.registerCommand('harness.clearFilter', () => {
      provider.clearFilters();
      describeFilter();
    }),
  );
  return { provider, view };
}
