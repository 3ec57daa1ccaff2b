import { exportPKCS8, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUserToken } from '../lib/auth.js';
import { globalId } from '../lib/global-id.js';
import { errorCode, graphqlClient, startTestStack, type TestStack } from '../test/harness.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());

const LIST = '{ products(first: 1) { totalCount } }';
const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } userErrors { code } } }`;
const RESERVE = `mutation { reserveInventory(input: { ownerId: "${globalId('Order', 'o-1')}", lines: [] }) { userErrors { code } } }`;
const productInput = (slug: string) => ({ input: { slug, name: 'Tee', variants: [{ sku: `${slug}-sku`, price: { amount: 1000, currencyCode: 'USD' } }] } });

describe('bearer tokens at the gateway', () => {
  it('lets anonymous callers read the catalog', async () => {
    const res = await stack.anonymous.request(LIST);
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ products: { totalCount: 0 } });
  });

  it('refuses anonymous callers anything but the catalog', async () => {
    const res = await stack.anonymous.request('{ myCart { id } }');
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });

  it('rejects a token signed with another key', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const forged = await signUserToken(await exportPKCS8(privateKey), {
      sub: 'mallory',
      roles: ['admin'],
      issuer: stack.config.JWT_ISSUER,
      audience: stack.config.JWT_AUDIENCE,
    });
    const res = await graphqlClient(stack.gatewayUrl, forged).request(LIST);
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0]?.message).toMatch(/signature/);
    expect(res.data).toBeUndefined();
  });

  it('rejects an expired token', async () => {
    const token = await stack.token('p-1', ['customer'], { expiresAt: Math.floor(Date.now() / 1000) - 60 });
    const res = await graphqlClient(stack.gatewayUrl, token).request(LIST);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.message).toMatch(/expired/);
  });

  it('accepts a token it has already verified only until the token expires', async () => {
    // A verified token's viewer is kept (lib/auth.ts), never past the token's own expiry.
    const token = await stack.token('p-1', ['customer'], { expiresAt: Math.floor(Date.now() / 1000) + 2 });
    const client = graphqlClient(stack.gatewayUrl, token);
    expect((await client.request('{ myCart { id } }')).errors).toBeUndefined();
    expect((await client.request('{ myCart { id } }')).errors).toBeUndefined();
    await expect.poll(async () => (await client.request('{ myCart { id } }')).status, { timeout: 5000, interval: 200 }).toBe(401);
    expect((await client.request(LIST)).errors?.[0]?.message).toMatch(/expired/);
  });

  it('rejects a token for another audience or from another issuer', async () => {
    for (const options of [{ audience: 'someone-else' }, { issuer: 'https://evil.example' }]) {
      const res = await graphqlClient(stack.gatewayUrl, await stack.token('p-1', ['customer'], options)).request(LIST);
      expect(res.status).toBe(401);
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
    }
  });

  it('rejects a malformed Authorization header', async () => {
    const res = await stack.anonymous.request(LIST, undefined, { authorization: 'Basic YWRtaW46YWRtaW4=' });
    expect(res.status).toBe(401);
    const garbage = await stack.anonymous.request(LIST, undefined, { authorization: 'Bearer not.a.jwt' });
    expect(garbage.status).toBe(401);
  });

  it('never grants the service role from an identity token', async () => {
    const res = await graphqlClient(stack.gatewayUrl, await stack.token('p-1', ['service'])).request(LIST);
    expect(res.status).toBe(401);
  });
});

describe('roles', () => {
  it('refuses a customer or support calling an admin mutation, and creates nothing', async () => {
    for (const role of ['customer', 'support'] as const) {
      const client = await stack.as(`${role}-1`, role);
      const res = await client.request(CREATE, productInput(`by-${role}`));
      expect(errorCode(res)).toBe('FORBIDDEN');
    }
    expect(await stack.anonymous.query(LIST)).toEqual({ products: { totalCount: 0 } });
  });

  it('refuses an anonymous caller an admin mutation', async () => {
    expect(errorCode(await stack.anonymous.request(CREATE, productInput('by-nobody')))).toBe('UNAUTHENTICATED');
  });

  it('lets an admin create a product', async () => {
    const data = await stack.admin.query<{ createProduct: { product: { id: string }; userErrors: unknown[] } }>(CREATE, productInput('by-admin'));
    expect(data.createProduct.userErrors).toEqual([]);
    expect(data.createProduct.product.id).toBeTruthy();
  });
});

describe('subgraphs verify tokens themselves', () => {
  it('treats a forged identity header without a token as anonymous', async () => {
    const res = await stack.subgraph('catalog', null).request(CREATE, productInput('forged-header'), { 'x-person-id': 'admin-1', 'x-roles': 'admin' });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });

  it('rejects a bad token sent straight to a subgraph', async () => {
    const res = await stack.subgraph('cart', 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln').request('{ myCart { id } }');
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });
});

describe('service-only operations', () => {
  it('do not exist in the public supergraph, whatever the token', async () => {
    for (const client of [stack.admin, await stack.as('c-1', 'customer'), graphqlClient(stack.gatewayUrl, await stack.serviceToken())]) {
      const res = await client.request(RESERVE);
      expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('refuse customer and admin tokens on the subgraph itself', async () => {
    for (const [sub, role] of [['c-1', 'customer'], ['a-1', 'admin'], ['s-1', 'support']] as const) {
      const res = await stack.subgraph('catalog', await stack.token(sub, [role])).request(RESERVE);
      expect(errorCode(res)).toBe('FORBIDDEN');
    }
  });

  it('accept a service token on the subgraph', async () => {
    const res = await stack.subgraph('catalog', await stack.serviceToken('order')).request(RESERVE);
    expect(res.errors).toBeUndefined();
    expect(res.data?.reserveInventory.userErrors).toEqual([{ code: 'INVALID_INPUT' }]);
  });
});
