import { describe, expect, it } from 'vitest';
import { ORDER_NUMBER, orderNumber } from './order-number.js';

describe('order numbers', () => {
  it('are ORD-, the UTC day the order was placed and four characters no one misreads', () => {
    const at = new Date('2026-11-23T23:59:59.999Z');
    expect(orderNumber(at, () => 0)).toBe('ORD-20261123-0000');
    expect(orderNumber(at, (max) => max - 1)).toBe('ORD-20261123-ZZZZ');
    const drawn = Array.from({ length: 500 }, () => orderNumber(at));
    for (const n of drawn) expect(n).toMatch(ORDER_NUMBER);
    expect(drawn.map((n) => n.slice(-4)).join('')).not.toMatch(/[ILOU]/);
    expect(new Set(drawn).size).toBeGreaterThan(490);
  });
});
