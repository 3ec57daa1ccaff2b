import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './harness.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());

describe('the supergraph', () => {
  it('answers a query that spans subgraphs', async () => {
    const data = await stack.anonymous.query('{ products(first: 1) { totalCount } categories { id } subscriptionPlans { id } }');
    expect(data).toEqual({ products: { totalCount: 0 }, categories: [], subscriptionPlans: [] });
  });
});
