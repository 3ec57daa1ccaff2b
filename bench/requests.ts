// What a scenario's load is made of: the live catalog's slugs and variants, customer tokens and
// shoppers' own carts, turned into the exact requests to replay, each kind checked before the load.
import { ensureDevKeys, hasRealKey, signUserToken } from '../lib/auth.js';
import type { Config } from '../lib/config.js';
import type { Fixtures, Scenario } from './scenarios.js';

/** Distinct request variables checked for a correct answer before each scenario's load. */
const SANITY_SAMPLES = 20;

interface GraphQLAnswer {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function graphql(
  url: string,
  headers: Record<string, string>,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ status: number; body: GraphQLAnswer }> {
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as GraphQLAnswer };
}

export async function loadFixtures(url: string, headers: Record<string, string>): Promise<Fixtures & { liveProducts: number }> {
  const slugs: string[] = [];
  const variantIds: string[] = [];
  let after: string | null = null;
  let liveProducts = 0;
  do {
    const { body } = await graphql(
      url,
      headers,
      `query Slugs($after: String) { products(first: 100, after: $after, sort: NAME_ASC) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { slug variants { id availableForSale inventory { available } } } } } }`,
      { after },
    );
    if (body.errors?.length || !body.data) throw new Error(`could not list the catalog's slugs: ${JSON.stringify(body.errors)}`);
    const page = body.data.products;
    liveProducts = page.totalCount;
    for (const { node } of page.edges as { node: { slug: string; variants: { id: string; availableForSale: boolean; inventory: { available: number } }[] } }[]) {
      slugs.push(node.slug);
      // Plenty in stock, so that long runs never see a stock warning change the work done.
      variantIds.push(...node.variants.filter((v) => v.availableForSale && v.inventory.available >= 50).map((v) => v.id));
    }
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return { slugs, variantIds, liveProducts };
}

/** A dev-key customer token, as the identity provider would issue; none when a real IdP is configured. */
export async function customerToken(config: Config, sub = 'bench-customer'): Promise<string | null> {
  if (hasRealKey(config)) return null;
  const keys = await ensureDevKeys(config.DEV_KEYS_DIR);
  return signUserToken(keys.privateKeyPem, {
    sub,
    roles: ['customer'],
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    ttlSeconds: 3600,
  });
}

export interface LoadRequest {
  headers: Record<string, string>;
  body: string;
}

/**
 * Fails loudly when a scenario's requests do not work; returns the Cache-Control the gateway
 * answered with, so the results say whether its response cache served the scenario.
 */
export async function sanityCheck(url: string, requests: LoadRequest[], scenario: Scenario): Promise<string | null> {
  const step = Math.max(1, Math.floor(requests.length / SANITY_SAMPLES));
  let cacheControl: string | null = null;
  for (let i = 0; i < requests.length; i += step) {
    const res = await fetch(url, { method: 'POST', headers: requests[i]!.headers, body: requests[i]!.body });
    const body = (await res.json()) as GraphQLAnswer;
    cacheControl ??= res.headers.get('cache-control');
    const problem =
      res.status !== 200 ? `HTTP ${res.status}` : body.errors?.length ? `GraphQL errors ${JSON.stringify(body.errors)}` : body.data ? scenario.problem(body.data) : 'no data';
    if (problem) throw new Error(`Scenario ${scenario.name} is broken before any load (request ${requests[i]!.body}): ${problem}`);
  }
  return cacheControl;
}

/** Each shopper signs in (a dev token) and opens a cart; request i is shopper i's, round the ring. */
export async function shopperRequests(url: string, config: Config, scenario: Scenario, variables: Record<string, unknown>[]): Promise<LoadRequest[]> {
  const shoppers: LoadRequest['headers'][] = [];
  const carts: string[] = [];
  for (let i = 0; i < scenario.shoppers!; i++) {
    const token = await customerToken(config, `bench-${scenario.name}-${i}`);
    if (!token) throw new Error(`Scenario ${scenario.name} needs customer tokens, which a real identity provider configuration cannot mint here`);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const { body } = await graphql(url, headers, 'mutation { createCart { cart { id } userErrors { code message } } }', {});
    const cartId = body.data?.createCart?.cart?.id;
    if (!cartId) throw new Error(`could not open a cart for shopper ${i}: ${JSON.stringify(body.errors ?? body.data)}`);
    shoppers.push(headers);
    carts.push(cartId);
  }
  const count = Math.max(shoppers.length, variables.length) * 4;
  return Array.from({ length: count }, (_, i) => ({
    headers: shoppers[i % shoppers.length]!,
    body: JSON.stringify({ query: scenario.query, variables: { ...variables[Math.floor(i / shoppers.length) % variables.length], cartId: carts[i % carts.length] } }),
  }));
}
