// What is selected in the Harness tree, for commands that default to "the scope I'm looking at"
// (push, create project/connector). Updated by the tree view's selection events.
import type { Scope } from '../api/types';
import { scopeOf, type HarnessNode } from './nodes';

let selected: HarnessNode | undefined;

export function setSelectedNode(node: HarnessNode | undefined): void {
  selected = node;
}

export function getSelectedNode(): HarnessNode | undefined {
  return selected;
}

/** The scope of the selected node (account scope is `{}`), or undefined when nothing is selected. */
export function getSelectedScope(): Scope | undefined {
  return selected ? scopeOf(selected) : undefined;
}
