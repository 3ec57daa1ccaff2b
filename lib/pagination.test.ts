import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSize, toConnection } from './pagination.js';

describe('pagination', () => {
  it('caps first at 250 and refuses negative sizes', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(250)).toBe(250);
    expect(() => pageSize(251)).toThrow(/between 0 and 250/);
    expect(() => pageSize(-1)).toThrow(/between 0 and 250/);
  });

  it('round-trips cursors and refuses garbage', () => {
    expect(decodeCursor(encodeCursor(['2026-11-23T00:00:00.000Z', 'id-1']))).toEqual(['2026-11-23T00:00:00.000Z', 'id-1']);
    expect(() => decodeCursor('%%%')).toThrow(/not a valid cursor/);
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toThrow(/not a valid cursor/);
  });

  it('uses the extra row only to tell whether there is a next page', () => {
    const page = toConnection([1, 2, 3], 2, null, (n) => `c${n}`);
    expect(page.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: 'c1', endCursor: 'c2' });
    expect(toConnection([1], 2, 'c0', (n) => `c${n}`).pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});
