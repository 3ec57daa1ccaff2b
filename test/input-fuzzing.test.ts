// Bad input never breaks it (issue 12): every mutation of the public API, called through the
// gateway with fast-check's inputs (test/fuzz/arbitraries.ts) as an admin, as the owner of the
// test's objects and as another customer. Whatever comes in: never a 5xx, never an internal error
// or anything that reads like a stack, a file or SQL; and when the answer is a refusal (userErrors,
// or errors and no payload), nothing was written: every table of every context is as it was.
// FUZZ_SEED and FUZZ_RUNS replay or widen a run; a failure prints its seed and smallest input.
import fc from 'fast-check';
import { buildSchema, getNamedType, isObjectType, type GraphQLField } from 'graphql';
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_SCHEMA_PATH } from '../gateway/composition.js';
import { cartApi, createPromotion, createVariants, unique } from '../subgraphs/cart/cart-fixtures.js';
import { orderApi, sqlIn } from '../subgraphs/order/order-fixtures.js';
import { variablesFor, type IdPool } from './fuzz/arbitraries.js';
import { startTestStack, type GraphQLClient, type TestStack } from './harness.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const CONTEXTS = ['catalog', 'cart', 'order', 'subscription', 'promotion'] as const;

/** What a client must never see: internals named in an error message. */
const LEAK = /\n\s+at |node_modules|\.[jt]s:\d+|prisma|postgres|\bSQL\b|ECONN|TypeError|ReferenceError|Cannot read prop|undefined is not/i;

let stack: TestStack;
let db: pg.Pool;
let fingerprintSql: string;
let pool: IdPool;
let clients: Record<'admin' | 'owner' | 'other', GraphQLClient>;
const api = buildSchema(readFileSync(API_SCHEMA_PATH, 'utf8'));

/** Every row of every context's tables, hashed per table, in one statement. */
async function fingerprint(): Promise<Record<string, string>> {
  const { rows } = await db.query<{ t: string; h: string }>(fingerprintSql);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

beforeAll(async () => {
  // Without the provider's webhooks: they land whenever they like, and only the fuzzed calls may write.
  stack = await startTestStack({ stripeWebhooks: false });
  db = sqlIn(stack, 'catalog');
  const { rows } = await db.query<{ s: string; t: string }>(
    `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
     WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1, 2`,
    [CONTEXTS],
  );
  fingerprintSql = rows
    .map(({ s, t }) => `SELECT '${s}.${t}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${s}"."${t}" x`)
    .join(' UNION ALL ');
  clients = { admin: stack.admin, owner: await stack.as(unique('owner'), 'customer'), other: await stack.as(unique('other'), 'customer') };
  // The objects the fuzzer's ids point at: the owner's and another customer's.
  const { productId, variantIds } = await createVariants(stack, [{ price: 1500, onHand: 50 }, { price: 900, onHand: 50 }]);
  const owner = cartApi(clients.owner);
  const ordered = (await owner.create(undefined, [{ variantId: variantIds[0]!, quantity: 1 }])).cart!;
  const checkout = await orderApi(clients.owner).checkout({ cartId: ordered.id });
  const ownerCart = (await owner.create(undefined, [{ variantId: variantIds[1]!, quantity: 2 }])).cart!;
  const otherCart = (await cartApi(clients.other).create(undefined, [{ variantId: variantIds[0]!, quantity: 1 }])).cart!;
  const lines = await Promise.all([ownerCart.id, otherCart.id].map(async (id, i) => (await cartApi(i === 0 ? clients.owner : clients.other).read(id))!.lines.map((l) => l.id)));
  const promotion = await createPromotion(stack, { name: 'Fuzz', code: unique('FUZZ').toUpperCase().replaceAll('-', ''), discountType: 'PERCENTAGE', percentOff: 10 });
  const partner = await stack.admin.query<{ createAffiliatePartner: { partner: { id: string } } }>(
    `mutation($input: CreateAffiliatePartnerInput!) { createAffiliatePartner(input: $input) { partner { id } } }`,
    { input: { code: unique('FUZZ').toUpperCase(), name: 'Fuzz partner', commissionRate: 500 } },
  );
  pool = {
    Product: [productId],
    ProductVariant: variantIds,
    Cart: [ownerCart.id, otherCart.id],
    CartLine: lines.flat(),
    Order: [checkout.order!.id],
    Promotion: [promotion],
    AffiliatePartner: [partner.createAffiliatePartner.partner.id],
  };
}, 120_000);

afterAll(async () => {
  await db?.end();
  await stack?.close();
});

/** The selection of a payload: its userErrors when it has them, else its type name. */
function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  return isObjectType(type) && type.getFields().userErrors ? '{ __typename userErrors { code message } }' : isObjectType(type) ? '{ __typename }' : '';
}

const mutations = Object.values(api.getMutationType()!.getFields());

describe('every mutation, fed bad input', () => {
  it('covers the whole public API', () => {
    expect(mutations.length).toBeGreaterThan(40);
  });

  it.each(mutations.map((m) => [m.name, m] as const))('%s: never a 5xx or an internal error, and nothing written when refused', async (name, field) => {
    const document = `mutation Fuzz(${field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')}) { ${name}${
      field.args.length > 0 ? `(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : ''
    } ${selectionOf(field)} }`.replace('mutation Fuzz()', 'mutation Fuzz');
    await fc.assert(
      fc.asyncProperty(variablesFor(name, field.args, pool), fc.constantFrom('admin', 'owner', 'other') as fc.Arbitrary<keyof typeof clients>, async (variables, who) => {
        const before = await fingerprint();
        const res = await clients[who].request<Record<string, { userErrors?: { code: string; message: string }[] } | null>>(document, variables);
        expect(res.status, JSON.stringify(res.errors)).toBeLessThan(500);
        for (const error of res.errors ?? []) {
          expect(error.extensions?.code, error.message).not.toBe('INTERNAL_SERVER_ERROR');
          expect(error.message).not.toMatch(LEAK);
        }
        const payload = res.data?.[name];
        for (const userError of payload?.userErrors ?? []) expect(userError.message).not.toMatch(LEAK);
        const refused = !payload || (payload.userErrors?.length ?? 0) > 0;
        if (refused) expect(await fingerprint()).toEqual(before);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 300_000);
});
