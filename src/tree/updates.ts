// Lets commands redraw a node they changed in place (e.g. a connector's test result, a pipeline's
// latest execution status) without refetching: `harness.refresh` refetches, this only repaints.
import type { HarnessNode } from './nodes';

type Listener = (node: HarnessNode) => void;
const listeners = new Set<Listener>();

/** Repaint `node` (same id) in the tree. */
export function notifyNodeChanged(node: HarnessNode): void {
  for (const l of listeners) l(node);
}

export function onNodeChanged(listener: Listener): { dispose(): void } {
  listeners.add(listener);
  return { dispose: () => listeners.delete(listener) };
}
