// What the rest of the extension may ask of the Harness tree: the scope the user is looking at
// (push, create project/connector default to it), a refetch, and a repaint of a node changed in
// place (a connector's test result, a pipeline's latest execution). The tree feature implements it.
import type { Scope } from '../api/types';
import type { HarnessNode } from './nodes';

export interface TreeAccess {
  /** The scope of the selected node (account scope is `{}`), or undefined when nothing is selected. */
  selectedScope(): Scope | undefined;
  /** Refetches `node`'s subtree (a leaf refreshes its parent list), or everything. */
  refresh(node?: HarnessNode): void;
  /** Redraws `node` (same id), changed in place, without refetching. */
  repaint(node: HarnessNode): void;
}
