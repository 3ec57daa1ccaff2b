// The HTTP side of the PromotionsClient seam: what the cart sends to the promotion subgraph's
// evaluatePromotions and how it reads the answer, against a stand-in server. The cart works with
// raw ids; on the wire they are global ids (lib/global-id.ts), both ways.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId } from '../../lib/global-id.js';
import { promotionSubgraphClient, type EvaluatePromotionsInput, type PromotionEvaluation } from './promotions.js';
import { subgraphCall } from '../../lib/subgraph-client.js';

let server: Server;
let url: string;
let answer: { status: number; body: unknown };
const received: { authorization?: string; body: { query: string; variables: { input: unknown } } }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      received.push({ authorization: req.headers.authorization, body: JSON.parse(raw) });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const input: EvaluatePromotionsInput = {
  personId: 'alice',
  currencyCode: 'USD',
  codes: ['SAVE10'],
  lines: [{ lineId: 'l1', variantId: 'v1', productId: 'p1', categoryIds: ['c1'], unitPrice: 1000, quantity: 2 }],
  shippingAmount: 599,
};
/** The same input as the promotion subgraph receives it: every line id global, personId raw. */
const inputOnTheWire = {
  ...input,
  lines: [
    {
      lineId: globalId('CartLine', 'l1'),
      variantId: globalId('ProductVariant', 'v1'),
      productId: globalId('Product', 'p1'),
      categoryIds: [globalId('Category', 'c1')],
      unitPrice: 1000,
      quantity: 2,
    },
  ],
};
const evaluation: PromotionEvaluation = {
  discounts: [{ promotionId: 'p', name: '10% off', code: 'SAVE10', level: 'CART', discountType: 'PERCENTAGE', amount: 200, allocations: [{ lineId: 'l1', amount: 200 }] }],
  codeResults: [{ code: 'SAVE10', applied: true, error: null, message: null }],
  shippingDiscount: 0,
  discountTotal: 200,
};
/** The same evaluation as the promotion subgraph answers it, its ids global. */
const evaluationOnTheWire = {
  ...evaluation,
  discounts: [{ ...evaluation.discounts[0]!, promotionId: globalId('Promotion', 'p'), allocations: [{ lineId: globalId('CartLine', 'l1'), amount: 200 }] }],
};

describe('promotionSubgraphClient', () => {
  const client = () => promotionSubgraphClient(subgraphCall({ name: 'promotion', url: () => url, token: async () => 'service-token' }));

  it('asks evaluatePromotions with a service token, ids global on the wire, and returns its answer with raw ids', async () => {
    answer = { status: 200, body: { data: { evaluatePromotions: evaluationOnTheWire } } };
    expect(await client().evaluate(input)).toEqual(evaluation);
    const request = received.at(-1)!;
    expect(request.authorization).toBe('Bearer service-token');
    expect(request.body.query).toMatch(/evaluatePromotions\(input: \$input\)/);
    expect(request.body.query).toMatch(/codeResults \{ code applied error message \}/);
    expect(request.body.variables).toEqual({ input: inputOnTheWire });
  });

  it('fails on GraphQL errors or a bad status, so that callers decide what an outage means', async () => {
    answer = { status: 200, body: { errors: [{ message: 'Cannot query field "evaluatePromotions"' }] } };
    await expect(client().evaluate(input)).rejects.toThrow(/evaluatePromotions/);
    answer = { status: 503, body: {} };
    await expect(client().evaluate(input)).rejects.toThrow(/503/);
  });
});
