import * as assert from 'node:assert/strict';
import { allItems, collectAll, toPage } from '../../../src/api/paging';
import type { Page } from '../../../src/api/types';

const asString = (x: unknown): string => {
  if (typeof x !== 'string') throw new Error('not a string');
  return x;
};

describe('toPage', () => {
  it('reads the NG page shape', () => {
    const page = toPage(
      {
        content: ['a', 'b'],
        pageIndex: 1,
        pageSize: 2,
        pageItemCount: 2,
        totalItems: 5,
        totalPages: 3,
        empty: false,
      },
      asString,
    );
    assert.deepEqual(page, {
      items: ['a', 'b'],
      pageIndex: 1,
      pageSize: 2,
      totalItems: 5,
      totalPages: 3,
      hasMore: true,
    });
  });

  it('reads the Spring page shape', () => {
    const page = toPage(
      {
        content: ['c'],
        number: 2,
        size: 2,
        totalElements: 5,
        totalPages: 3,
        numberOfElements: 1,
        first: false,
        last: true,
        empty: false,
      },
      asString,
    );
    assert.deepEqual(page, {
      items: ['c'],
      pageIndex: 2,
      pageSize: 2,
      totalItems: 5,
      totalPages: 3,
      hasMore: false,
    });
  });

  it('prefers Spring `last` over the page count', () => {
    assert.equal(
      toPage({ content: ['x'], number: 0, size: 1, totalElements: 1, totalPages: 1, last: false }, asString)
        .hasMore,
      true,
    );
  });

  it('derives missing counts', () => {
    const page = toPage({ content: ['a', 'b'] }, asString);
    assert.deepEqual(page, {
      items: ['a', 'b'],
      pageIndex: 0,
      pageSize: 2,
      totalItems: 2,
      totalPages: 1,
      hasMore: false,
    });
  });

  it('rejects a page without content', () => {
    assert.throws(() => toPage({ pageIndex: 0 }, asString), /content is not an array/);
    assert.throws(() => toPage(null, asString), /not an object/);
  });

  it('propagates item parse errors', () => {
    assert.throws(() => toPage({ content: ['a', 3] }, asString), /not a string/);
  });
});

describe('allItems', () => {
  function source(total: number): {
    fetch: (i: number, size: number) => Promise<Page<number>>;
    calls: number[];
  } {
    const calls: number[] = [];
    return {
      calls,
      fetch: async (i, size) => {
        calls.push(i);
        const items = Array.from(
          { length: Math.max(0, Math.min(size, total - i * size)) },
          (_, k) => i * size + k,
        );
        const totalPages = Math.ceil(total / size);
        return {
          items,
          pageIndex: i,
          pageSize: size,
          totalItems: total,
          totalPages,
          hasMore: i + 1 < totalPages,
        };
      },
    };
  }

  it('walks every page once', async () => {
    const s = source(7);
    assert.deepEqual(await collectAll(s.fetch, { pageSize: 3 }), [0, 1, 2, 3, 4, 5, 6]);
    assert.deepEqual(s.calls, [0, 1, 2]);
  });

  it('stops at maxItems without fetching further pages', async () => {
    const s = source(100);
    assert.deepEqual(await collectAll(s.fetch, { pageSize: 3, maxItems: 4 }), [0, 1, 2, 3]);
    assert.deepEqual(s.calls, [0, 1]);
  });

  it('stops at maxPages and on an empty page', async () => {
    const s = source(100);
    assert.equal((await collectAll(s.fetch, { pageSize: 10, maxPages: 2 })).length, 20);
    const liar = async (i: number): Promise<Page<number>> => ({
      items: [],
      pageIndex: i,
      pageSize: 10,
      totalItems: 99,
      totalPages: 10,
      hasMore: true,
    });
    let n = 0;
    for await (const _ of allItems(liar)) n++;
    assert.equal(n, 0);
  });
});
