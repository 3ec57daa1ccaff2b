// Who may reach what, at the edges of the system (issue 12, "holes found"): a subgraph answers only
// the gateway and its peers, with the gateway's limits, on loopback by default; the gateway takes
// a client's address from x-forwarded-for only as far as TRUST_PROXY says; and each purpose signs
// with its own key.
import { createSecretKey, randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signServiceToken } from '../lib/auth.js';
import { globalId } from '../lib/global-id.js';
import { errorCode, graphqlClient, startTestStack, type TestStack } from './harness.js';

let stack: TestStack;
beforeAll(async () => {
  // No proxy is trusted (the default): every request of this file comes from 127.0.0.1.
  stack = await startTestStack({ subgraphs: ['catalog', 'promotion'], env: { TRUST_PROXY: 'none', AFFILIATE_CLICKS_PER_MINUTE: '3' } });
}, 60_000);
afterAll(() => stack?.close());

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id name status } } }`;
const RESERVE = `mutation { reserveInventory(input: { ownerId: "${globalId('Order', 'o-1')}", lines: [] }) { userErrors { code } } }`;
const NESTED = (n: number | string) =>
  `{ products(first: ${n}) { edges { node { categories { products(first: ${n}) { edges { node { categories { products(first: ${n}) { edges { node { id } } } } } } } } } } } }`;

describe('a subgraph reached directly', () => {
  it('refuses anyone without the gateway or a peer service token, before reading the request', async () => {
    const catalog = stack.subgraphUrls.catalog;
    const forgedService = await signServiceToken(createSecretKey(randomBytes(32)), 'order');
    for (const token of [null, await stack.token('c-1', ['customer']), await stack.token('a-1', ['admin']), forgedService]) {
      for (const query of ['{ products(first: 1) { totalCount } }', ENTITIES, RESERVE]) {
        const res = await graphqlClient(catalog, token).request(query, { r: [{ __typename: 'Product', id: '00000000-0000-0000-0000-000000000000' }] });
        expect(res.status).toBe(401);
        expect(errorCode(res)).toBe('UNAUTHENTICATED');
        expect(res.errors?.[0]?.message).toMatch(/gateway and peer services only/);
        expect(res.data).toBeUndefined();
      }
    }
  });

  it('does not take a service token signed with the configured secret itself: tokens are signed with a key derived for them', async () => {
    const raw = await signServiceToken(createSecretKey(Buffer.from(stack.config.SERVICE_TOKEN_SECRET!)), 'order');
    expect((await graphqlClient(stack.subgraphUrls.catalog, raw).request(RESERVE)).status).toBe(401);
    expect((await graphqlClient(stack.subgraphUrls.catalog, await stack.serviceToken('order')).request(RESERVE)).status).toBe(200);
  });

  it('answers a peer service with its token, and the gateway on behalf of its callers', async () => {
    const peer = await graphqlClient(stack.subgraphUrls.catalog, await stack.serviceToken('order')).request(RESERVE);
    expect(peer.errors).toBeUndefined();
    expect(peer.data).toEqual({ reserveInventory: { userErrors: [{ code: 'INVALID_INPUT' }] } });
    expect((await stack.anonymous.request('{ products(first: 1) { totalCount } }')).data).toEqual({ products: { totalCount: 0 } });
  });

  it('applies the gateway limits to a peer too: depth, aliases and cost', async () => {
    const peer = graphqlClient(stack.subgraphUrls.catalog, await stack.serviceToken('order'));
    const deep = await peer.request(`{ categories { ${'children { '.repeat(20)}id${' }'.repeat(20)} } }`);
    expect(deep.errors?.[0]?.message).toMatch(/depth/i);
    const aliases = await peer.request(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: products(first: 1) { totalCount }`).join(' ')} }`);
    expect(aliases.errors?.[0]?.message).toMatch(/alias/i);
    const costly = await peer.request(`query($n: Int) ${NESTED('$n')}`, { n: 250 });
    expect(costly.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 50_000 });
    // What the gateway lets through, the subgraph answers: a small nested page.
    expect((await peer.request(NESTED(2))).errors).toBeUndefined();
  });

  it('listens on loopback only unless SUBGRAPH_LISTEN_HOST says otherwise', async () => {
    expect(stack.config.SUBGRAPH_LISTEN_HOST).toBe('127.0.0.1');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === 'IPv4');
    expect(external, 'this machine has a non-loopback address to try').toBeDefined();
    const port = Number(new URL(stack.subgraphUrls.catalog).port);
    const reached = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host, port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
    expect(await reached('127.0.0.1')).toBe(true);
    expect(await reached(external!.address)).toBe(false);
  });
});

describe('the client address behind the gateway', () => {
  it('cannot be chosen with x-forwarded-for when no proxy is trusted: rotating it does not escape the click limit', async () => {
    const created = await stack.admin.query<{ createAffiliatePartner: { partner: { code: string } } }>(
      `mutation($input: CreateAffiliatePartnerInput!) { createAffiliatePartner(input: $input) { partner { code } } }`,
      { input: { code: `SPOOF${randomBytes(3).toString('hex').toUpperCase()}`, name: 'Spoof test', commissionRate: 500 } },
    );
    const code = created.createAffiliatePartner.partner.code;
    const outcomes: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await stack.anonymous.request<{ recordAffiliateClick: { userErrors: { code: string }[] } }>(
        `mutation($input: RecordAffiliateClickInput!) { recordAffiliateClick(input: $input) { userErrors { code } } }`,
        { input: { code, url: `https://shop.example/${i}` } },
        { 'x-forwarded-for': `203.0.113.${i}` },
      );
      outcomes.push(res.data!.recordAffiliateClick.userErrors[0]?.code ?? 'OK');
    }
    expect(outcomes).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED', 'RATE_LIMITED']);
  });
});
