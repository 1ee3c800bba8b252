// One paging abstraction over the two list shapes: NG (`/ng/api`: pageIndex, pageSize, totalItems,
// totalPages) and Spring (`/pipeline/api`: number, size, totalElements, totalPages).
import type { Page } from './types';
import { ResponseShapeError, optNum, record } from './validate';

export function toPage<T>(data: unknown, parseItem: (item: unknown) => T): Page<T> {
  const d = record(data, 'page');
  if (!Array.isArray(d.content)) throw new ResponseShapeError('page.content is not an array');
  const items = d.content.map(parseItem);
  const spring = d.totalElements !== undefined || d.number !== undefined;
  const pageIndex = (spring ? optNum(d, 'number') : optNum(d, 'pageIndex')) ?? 0;
  const pageSize = (spring ? optNum(d, 'size') : optNum(d, 'pageSize')) ?? items.length;
  const totalItems = (spring ? optNum(d, 'totalElements') : optNum(d, 'totalItems')) ?? items.length;
  const totalPages = optNum(d, 'totalPages') ?? (pageSize > 0 ? Math.ceil(totalItems / pageSize) : 1);
  // Spring's `last` is authoritative when present; otherwise compare with totalPages.
  const last = typeof d.last === 'boolean' ? d.last : undefined;
  const hasMore = last !== undefined ? !last : pageIndex + 1 < totalPages;
  return { items, pageIndex, pageSize, totalItems, totalPages, hasMore };
}

export interface AllPagesOptions {
  pageSize?: number;
  /** Stop after this many items (default 10 000) so a huge account cannot exhaust memory. */
  maxItems?: number;
  /** Hard stop on the number of page requests (default 200). */
  maxPages?: number;
}

/**
 * Iterates every item of a paged list, fetching pages lazily. Stops at the last page, at an
 * empty page (protects against a server that miscounts) or at the caps.
 */
export async function* allItems<T>(
  fetchPage: (pageIndex: number, pageSize: number) => Promise<Page<T>>,
  options: AllPagesOptions = {},
): AsyncGenerator<T, void, undefined> {
  const pageSize = options.pageSize ?? 100;
  const maxItems = options.maxItems ?? 10_000;
  const maxPages = options.maxPages ?? 200;
  let yielded = 0;
  for (let pageIndex = 0; pageIndex < maxPages; pageIndex++) {
    const page = await fetchPage(pageIndex, pageSize);
    for (const item of page.items) {
      if (yielded >= maxItems) return;
      yielded++;
      yield item;
    }
    if (!page.hasMore || page.items.length === 0) return;
  }
}

/** Collects `allItems` into an array. */
export async function collectAll<T>(
  fetchPage: (pageIndex: number, pageSize: number) => Promise<Page<T>>,
  options?: AllPagesOptions,
): Promise<T[]> {
  const out: T[] = [];
  for await (const item of allItems(fetchPage, options)) out.push(item);
  return out;
}
