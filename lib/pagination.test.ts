import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageWindow, toConnection } from './pagination.js';

describe('pagination', () => {
  it('reads first/after or last/before, 0..250, 20 forwards by default, never both ways', () => {
    expect(pageWindow({})).toEqual({ direction: 'forward', size: 20, cursor: null });
    expect(pageWindow({ first: 250, after: 'c' })).toEqual({ direction: 'forward', size: 250, cursor: 'c' });
    expect(pageWindow({ last: 5 })).toEqual({ direction: 'backward', size: 5, cursor: null });
    expect(pageWindow({ before: 'c' })).toEqual({ direction: 'backward', size: 20, cursor: 'c' });
    expect(() => pageWindow({ first: 251 })).toThrow(/first must be between 0 and 250/);
    expect(() => pageWindow({ last: -1 })).toThrow(/last must be between 0 and 250/);
    expect(() => pageWindow({ first: 2, last: 2 })).toThrow(/not both/);
  });

  it('round-trips cursors and refuses garbage, naming the argument', () => {
    expect(decodeCursor(encodeCursor(['2026-11-23T00:00:00.000Z', 'id-1']))).toEqual(['2026-11-23T00:00:00.000Z', 'id-1']);
    expect(() => decodeCursor('%%%')).toThrow(/after is not a valid cursor/);
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 'before')).toThrow(/before is not a valid cursor/);
  });

  it('going forward, uses the extra row only to tell whether there is a next page', () => {
    const page = toConnection([1, 2, 3], { direction: 'forward', size: 2, cursor: null }, (n) => `c${n}`);
    expect(page.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: 'c1', endCursor: 'c2' });
    expect(toConnection([1], { direction: 'forward', size: 2, cursor: 'c0' }, (n) => `c${n}`).pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('going backward, turns the rows read in reverse round and tells whether there is a previous page', () => {
    // Read nearest the cursor first: 9, 8, 7 for `last: 2, before: c10`.
    const page = toConnection([9, 8, 7], { direction: 'backward', size: 2, cursor: 'c10' }, (n) => `c${n}`);
    expect(page.edges.map((e) => e.node)).toEqual([8, 9]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: 'c8', endCursor: 'c9' });
    expect(toConnection([2, 1], { direction: 'backward', size: 5, cursor: null }, (n) => `c${n}`).pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });
});
