// Several lines at once through the gateway: createCart with lines, addCartLines, updateCartLines
// and removeCartLines change all the lines or none, point each refusal at its line, and add a
// variant given twice, or already in the cart, to one line.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../test/harness.js';
import { globalId } from '../../lib/global-id.js';
import { cartApi, cartSql, createVariants, rawCartId, totals } from './cart-fixtures.js';

let stack: TestStack;
let sql: pg.Pool;
let dana: ReturnType<typeof cartApi>;
let tee: { variantIds: string[] };
let euro: { variantIds: string[] };
/** What the catalog ran, to count how often the cart asked it for variants. */
let catalogStatements: string[] = [];

beforeAll(async () => {
  stack = await startTestStack({ subgraphs: ['catalog', 'cart', 'promotion'], onCatalogQuery: (statement) => catalogStatements.push(statement) });
  sql = cartSql(stack);
  dana = cartApi(await stack.as('dana', 'customer'));
  tee = await createVariants(stack, [{ price: 1000 }, { price: 2000 }, { price: 3000, onHand: 0 }]);
  euro = await createVariants(stack, [{ price: 900, currencyCode: 'EUR' }]);
});
afterAll(async () => {
  await sql?.end();
  await stack?.close();
});

const refusals = (p: { userErrors: { code: string; field: string[] | null }[] }) => p.userErrors.map((e) => [e.code, e.field?.join('.') ?? null]);
const quantities = (cart: { lines: { variant: { id: string }; quantity: number }[] } | null) =>
  Object.fromEntries((cart?.lines ?? []).map((l) => [l.variant.id, l.quantity]));
const lineCount = async (cartId: string) => (await sql.query('SELECT count(*)::int AS n FROM cart_line WHERE cart_id = $1', [rawCartId(cartId)])).rows[0].n;

describe('several lines at once', () => {
  let cartId: string;
  const a = () => tee.variantIds[0]!;
  const b = () => tee.variantIds[1]!;
  const soldOut = () => tee.variantIds[2]!;

  it('starts a cart with lines, adding a variant given twice to one line', async () => {
    const created = await dana.create(undefined, [
      { variantId: a(), quantity: 1 },
      { variantId: b(), quantity: 2 },
      { variantId: a(), quantity: 2 },
    ]);
    expect(created.userErrors).toEqual([]);
    cartId = created.cart!.id;
    expect(quantities(created.cart)).toEqual({ [a()]: 3, [b()]: 2 });
    // 3 × 1000 + 2 × 2000 = 7000: free standard shipping from 75.00 is not reached; 599 shipping; tax 7.25 % → 507.5 → 508
    expect(totals(created.cart)).toEqual({ subtotal: 7000, discountTotal: 0, shipping: 599, tax: 508, total: 8107 });
  });

  it('adds lines, to their existing lines where the variant is already in the cart', async () => {
    const added = await dana.addMany(cartId, [
      { variantId: b(), quantity: 1 },
      { variantId: soldOut(), quantity: 1 },
    ]);
    expect(added.userErrors).toEqual([]);
    expect(quantities(added.cart)).toEqual({ [a()]: 3, [b()]: 3, [soldOut()]: 1 });
    expect(added.cart!.warnings.map((w) => w.code)).toEqual(['OUT_OF_STOCK']);
  });

  it('refuses the whole batch when one line is wrong, pointing at that line', async () => {
    const before = (await dana.read(cartId))!;
    const cases: [string, { variantId: string; quantity: number }[], [string, string | null][]][] = [
      ['a bad quantity', [{ variantId: a(), quantity: 1 }, { variantId: b(), quantity: 0 }], [['QUANTITY_OUT_OF_RANGE', 'lines.1.quantity']]],
      ['an unknown variant', [{ variantId: a(), quantity: 1 }, { variantId: globalId('ProductVariant', '00000000-0000-7000-8000-000000000000'), quantity: 1 }], [['VARIANT_NOT_FOUND', 'lines.1.variantId']]],
      ['another currency', [{ variantId: euro.variantIds[0]!, quantity: 1 }], [['CURRENCY_MISMATCH', 'lines.0.variantId']]],
      ['a line that would pass 999', [{ variantId: b(), quantity: 1 }, { variantId: a(), quantity: 997 }], [['QUANTITY_OUT_OF_RANGE', 'lines.1.quantity']]],
      ['nothing at all', [], [['INVALID_INPUT', 'lines']]],
    ];
    for (const [name, lines, expected] of cases) {
      const refused = await dana.addMany(cartId, lines);
      expect(refusals(refused), name).toEqual(expected);
      expect(refused.cart, name).toEqual(before);
    }
  });

  it('updates several quantities, or none when one line is not in the cart', async () => {
    const lines = (await dana.read(cartId))!.lines;
    const ids = Object.fromEntries(lines.map((l) => [l.variant.id, l.id]));
    const refused = await dana.updateMany(cartId, [
      { lineId: ids[a()]!, quantity: 5 },
      { lineId: globalId('CartLine', '00000000-0000-7000-8000-000000000000'), quantity: 1 },
    ]);
    expect(refusals(refused)).toEqual([['LINE_NOT_FOUND', 'lines.1.lineId']]);
    expect(quantities(refused.cart)).toEqual({ [a()]: 3, [b()]: 3, [soldOut()]: 1 });
    expect(refusals(await dana.updateMany(cartId, [{ lineId: ids[a()]!, quantity: 5 }, { lineId: ids[a()]!, quantity: 6 }]))).toEqual([['INVALID_INPUT', 'lines.1.lineId']]);

    const updated = await dana.updateMany(cartId, [
      { lineId: ids[a()]!, quantity: 5 },
      { lineId: ids[b()]!, quantity: 1 },
    ]);
    expect(updated.userErrors).toEqual([]);
    expect(quantities(updated.cart)).toEqual({ [a()]: 5, [b()]: 1, [soldOut()]: 1 });
  });

  it('removes several lines, or none when one is not in the cart', async () => {
    const ids = (await dana.read(cartId))!.lines.map((l) => l.id);
    const refused = await dana.removeMany(cartId, [ids[0]!, globalId('CartLine', 'not-a-line')]);
    expect(refusals(refused)).toEqual([['LINE_NOT_FOUND', 'lineIds.1']]);
    expect(await lineCount(cartId)).toBe(3);

    const removed = await dana.removeMany(cartId, [ids[0]!, ids[2]!]);
    expect(removed.userErrors).toEqual([]);
    expect(removed.cart!.lines.map((l) => l.id)).toEqual([ids[1]]);
  });

  it('asks the catalog once per add: the added variant and the other lines\' variants, which the answer prices, in one call', async () => {
    const erinClient = await stack.as('erin', 'customer');
    const erin = cartApi(erinClient);
    const cart = (await erin.create()).cart!.id;
    expect((await erin.addMany(cart, [{ variantId: a(), quantity: 1 }, { variantId: b(), quantity: 1 }])).userErrors).toEqual([]);
    catalogStatements = [];
    // Nothing selected that the gateway would fetch from the catalog itself: every variant read is the cart's.
    const { addCartLine } = await erinClient.query<{ addCartLine: { cart: { lines: { quantity: number }[]; subtotal: { amount: number }; warnings: { code: string }[] } } }>(
      `mutation($c: ID!, $v: ID!) { addCartLine(cartId: $c, variantId: $v, quantity: 1) { cart { lines { quantity } subtotal { amount } warnings { code } } } }`,
      { c: cart, v: soldOut() },
    );
    // Priced from that one answer: the three lines, the sold-out one warned about.
    expect(addCartLine.cart.lines).toHaveLength(3);
    expect(addCartLine.cart.subtotal.amount).toBe(1000 + 2000 + 3000);
    expect(addCartLine.cart.warnings.map((w) => w.code)).toEqual(['OUT_OF_STOCK']);
    // The catalog answers it in one statement: the variants with their products and categories (variant_entities()).
    expect(catalogStatements, catalogStatements.join('\n')).toHaveLength(1);
    expect(catalogStatements[0]).toContain('variant_entities');
  });

  it('asks the catalog once to open a cart with lines, and prices it from that answer', async () => {
    const fionaClient = await stack.as('fiona', 'customer');
    catalogStatements = [];
    const { createCart } = await fionaClient.query<{ createCart: { cart: { lines: { quantity: number }[]; subtotal: { amount: number } } } }>(
      `mutation($l: [CartLineInput!]) { createCart(input: { lines: $l }) { cart { lines { quantity } subtotal { amount } } } }`,
      { l: [{ variantId: a(), quantity: 2 }, { variantId: b(), quantity: 1 }] },
    );
    // Lines added by one call share their time, so their order among themselves is the ids'.
    expect(createCart.cart.lines.map((l) => l.quantity).sort()).toEqual([1, 2]);
    expect(createCart.cart.subtotal.amount).toBe(2 * 1000 + 2000);
    expect(catalogStatements, catalogStatements.join('\n')).toHaveLength(1);
  });

  it('records one CartUpdated per line changed', async () => {
    const { rows } = await sql.query(`SELECT data->>'change' AS change FROM outbox_event WHERE aggregate_id = $1 AND type = 'CartUpdated'`, [rawCartId(cartId)]);
    const count = (change: string) => rows.filter((r) => r.change === change).length;
    // created with 2 lines, then 2 added, 2 updated, 2 removed
    expect([count('LINE_ADDED'), count('LINE_UPDATED'), count('LINE_REMOVED')]).toEqual([4, 2, 2]);
  });
});
