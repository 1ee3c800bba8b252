// Paged, cached children of the Harness tree. One request per page; a container's children stay
// cached (collapse/expand does not refetch) until it or an ancestor is invalidated. Loading the
// next page is guarded: a second "Load more" while one is in flight joins the same request.
// vscode-free: the provider adapts it to a TreeDataProvider.
import type { HarnessApi } from '../api/types';
import { apiErrorInfo } from '../ui/errorText';
import type { FetchedPage } from './fetch';
import { type ContainerNode, type ErrorNode, type HarnessNode, type LoadMoreNode } from './nodes';

export type PageFetcher = (
  api: HarnessApi,
  node: ContainerNode,
  page: { pageIndex: number; pageSize: number; searchTerm?: string },
) => Promise<FetchedPage>;

interface State {
  node: ContainerNode;
  fixed: HarnessNode[];
  items: HarnessNode[];
  nextPage: number;
  hasMore: boolean;
  totalItems?: number;
  /** Error of the last page request (first page: replaces the items; later page: shown after them). */
  error?: unknown;
  loading?: Promise<void>;
}

export interface ChildrenOptions {
  pageSize: () => number;
  /** Server-side search term for this container's children, if any. */
  searchTerm: (node: ContainerNode) => string | undefined;
  /** Told about every failed page (e.g. to offer re-authentication on a 401). */
  onError?: (err: unknown, node: ContainerNode) => void;
}

function isAncestorOrSelf(ancestorId: string, node: HarnessNode | undefined): boolean {
  for (let n = node; n; n = n.parent) if (n.id === ancestorId) return true;
  return false;
}

export class ChildrenCache {
  private readonly states = new Map<string, State>();
  /** Number of page requests made: lets tests and the log see that cached expands do not refetch. */
  requests = 0;

  constructor(
    private readonly fetch: PageFetcher,
    private readonly options: ChildrenOptions,
  ) {}

  /** The children to show; fetches the first page unless cached. */
  async children(api: HarnessApi, node: ContainerNode): Promise<HarnessNode[]> {
    let state = this.states.get(node.id);
    if (!state) {
      state = { node, fixed: [], items: [], nextPage: 0, hasMore: true };
      this.states.set(node.id, state);
      await this.loadPage(api, state);
    } else if (state.loading) {
      await state.loading;
    }
    return this.render(state);
  }

  /** Loads the next page of `node.owner`; concurrent calls share one request. Returns false if nothing was loaded. */
  async loadMore(api: HarnessApi, node: LoadMoreNode | ErrorNode): Promise<boolean> {
    const state = this.states.get(node.owner.id);
    if (!state) return false;
    if (state.loading) {
      await state.loading;
      return false;
    }
    if (!state.hasMore) return false;
    await this.loadPage(api, state);
    return true;
  }

  /** Drops cached children of `node` and everything below it (all when undefined). */
  invalidate(node?: HarnessNode): void {
    if (!node) {
      this.states.clear();
      return;
    }
    for (const [id, state] of this.states) {
      if (isAncestorOrSelf(node.id, state.node)) this.states.delete(id);
    }
  }

  isCached(node: HarnessNode): boolean {
    return this.states.has(node.id);
  }

  /** The cached child with this id, anywhere in the tree (for reveal and repaint). */
  find(id: string): HarnessNode | undefined {
    for (const state of this.states.values()) {
      const hit = state.fixed.find((n) => n.id === id) ?? state.items.find((n) => n.id === id);
      if (hit) return hit;
    }
    return undefined;
  }

  private loadPage(api: HarnessApi, state: State): Promise<void> {
    const run = async () => {
      const searchTerm = this.options.searchTerm(state.node);
      try {
        this.requests++;
        const page = await this.fetch(api, state.node, {
          pageIndex: state.nextPage,
          pageSize: this.options.pageSize(),
          ...(searchTerm ? { searchTerm } : {}),
        });
        if (state.nextPage === 0) state.fixed = page.fixed;
        // A page can repeat an item when the list changed between requests: keep the first copy.
        const seen = new Set(state.items.map((n) => n.id));
        state.items.push(...page.items.filter((n) => !seen.has(n.id)));
        state.nextPage++;
        state.hasMore = page.hasMore && page.items.length > 0;
        state.totalItems = page.totalItems;
        state.error = undefined;
      } catch (err) {
        state.error = err;
        this.options.onError?.(err, state.node);
      }
    };
    state.loading = run().finally(() => {
      state.loading = undefined;
    });
    return state.loading;
  }

  private render(state: State): HarnessNode[] {
    const out: HarnessNode[] = [...state.fixed, ...state.items];
    if (state.error !== undefined) {
      const info = apiErrorInfo(state.error);
      const err: ErrorNode = {
        kind: 'error',
        id: `${state.node.id}#error`,
        parent: state.node,
        owner: state.node,
        message: info.message,
        detail: [
          info.status ? `HTTP ${info.status}` : undefined,
          info.code,
          info.correlationId ? `correlation id ${info.correlationId}` : undefined,
        ]
          .filter(Boolean)
          .join(' · '),
        ...(info.kind ? { errorKind: info.kind } : {}),
      };
      out.push(err);
    } else if (state.hasMore && state.nextPage > 0) {
      const more: LoadMoreNode = {
        kind: 'loadMore',
        id: `${state.node.id}#more`,
        parent: state.node,
        owner: state.node,
      };
      out.push(more);
    }
    return out;
  }

  /** Counts for the "Load more" label: shown so far and the server's total. */
  progress(owner: HarnessNode): { shown: number; total?: number } | undefined {
    const state = this.states.get(owner.id);
    return state ? { shown: state.items.length, total: state.totalItems } : undefined;
  }

  /** Whether the loaded list (first page, no error) is empty, for "no organizations" welcome content. */
  isEmpty(node: HarnessNode): boolean {
    const state = this.states.get(node.id);
    return !!state && state.error === undefined && state.items.length === 0 && state.nextPage > 0;
  }

  errorOf(node: HarnessNode): unknown {
    return this.states.get(node.id)?.error;
  }
}
