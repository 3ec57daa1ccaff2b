// The catalog's read replica (CATALOG_READ_DATABASE_URL), stood in for by a second database that no
// replication fills: each holds a product the other has not, so every answer shows which database
// it was read from. Shoppers' reads come from the replica; writes, what they read, staff and services
// go to the primary (read-routing.ts).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type GraphQLClient, type TestStack } from '../../test/harness.js';
import { createProduct, teeInput, uniqueSlug } from './catalog-fixtures.js';
import type { PrismaClient } from './prisma-client/client.js';
import { routeReads } from './read-routing.js';
import { createCatalogServices } from './server.js';
import { orderId, reservations } from './stock-fixtures.js';

let stack: TestStack;
let replicaUrl: string;
let shopper: GraphQLClient;
/** Created through the API: on the primary only. */
const onPrimary = uniqueSlug('primary-tee');
/** Written to the replica alone, as replication would have brought it there. */
const onReplica = uniqueSlug('replica-tee');
let primaryVariantId: string;

const LISTING = `query($search: String) { products(first: 20, filter: { search: $search }) { totalCount edges { node { slug variants { sku quantityAvailable } } } } }`;
const slugsListed = async (client: GraphQLClient, search?: string) =>
  (await client.query<{ products: { edges: { node: { slug: string } }[] } }>(LISTING, { search })).products.edges.map((e) => e.node.slug);
const bySlug = async (client: GraphQLClient, slug: string) => (await client.query<{ product: { slug: string } | null }>(`query($s: String!) { product(slug: $s) { slug } }`, { s: slug })).product;
const productsIn = async (url: string, slug: string) => {
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  try {
    return Number((await sql.query<{ n: string }>('SELECT count(*) AS n FROM catalog.product WHERE slug = $1', [slug])).rows[0]!.n);
  } finally {
    await sql.end();
  }
};

beforeAll(async () => {
  stack = await startTestStack({ subgraphs: ['catalog'], ownDatabases: ['CATALOG_READ_DATABASE_URL'] });
  replicaUrl = stack.ownDatabaseUrls.CATALOG_READ_DATABASE_URL!;
  shopper = await stack.as('replica-shopper', 'customer');
  const replica = createCatalogServices({ config: { ...stack.config, CATALOG_DATABASE_URL: replicaUrl } });
  try {
    await replica.products.createProduct(teeInput(onReplica) as never);
  } finally {
    await replica.db.$disconnect();
  }
  primaryVariantId = (await createProduct(stack.admin, teeInput(onPrimary))).variants[0]!.id;
});
afterAll(() => stack?.close());

describe('catalog reads with a read replica', () => {
  it("answers shoppers' listings, searches and product pages from the replica", async () => {
    for (const client of [stack.anonymous, shopper]) {
      expect(await slugsListed(client)).toEqual([onReplica]);
      expect(await slugsListed(client, 'organic tee')).toEqual([onReplica]);
      expect(await bySlug(client, onReplica)).toEqual({ slug: onReplica });
      expect(await bySlug(client, onPrimary)).toBeNull();
    }
  });

  it('writes to the primary, and answers a write and what the request reads after it from there', async () => {
    expect(await productsIn(stack.databaseUrl, onPrimary)).toBe(1);
    expect(await productsIn(replicaUrl, onPrimary)).toBe(0);
    const renamed = await stack.admin.query<{ updateProduct: { product: { slug: string; variants: { sku: string }[] } } }>(
      `mutation($id: ID!) { updateProduct(id: $id, input: { name: "Renamed tee" }) { product { slug variants { sku } } } }`,
      { id: (await stack.admin.query<{ product: { id: string } }>(`query($s: String!) { product(slug: $s) { id } }`, { s: onPrimary })).product.id },
    );
    expect(renamed.updateProduct.product).toEqual({ slug: onPrimary, variants: [{ sku: `${onPrimary.toUpperCase()}-M-RED` }, { sku: `${onPrimary.toUpperCase()}-L-BLUE` }] });
  });

  it('reads for staff and services from the primary, stock taken in a write included', async () => {
    expect(await slugsListed(stack.admin)).toEqual([onPrimary]);
    const service = stack.subgraph('catalog', await stack.serviceToken('cart'));
    expect(await slugsListed(service)).toEqual([onPrimary]);
    // A reservation reads and takes the stock in its own transaction: the variant is on the primary only.
    const { reservation, userErrors } = await reservations(service).reserve(orderId(), [{ variantId: primaryVariantId, quantity: 2 }]);
    expect(userErrors).toEqual([]);
    expect(reservation).not.toBeNull();
  });

  it('checks the replica when asked whether it is ready', async () => {
    const res = await fetch(new URL('/readyz', stack.subgraphUrls.catalog));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { checks: Record<string, string> }).checks).toEqual({ postgres: 'ok', redis: 'ok', 'postgres-read-replica': 'ok' });
  });
});

describe('catalog reads without a read replica', () => {
  it('all go to the primary', () => {
    const db = {} as PrismaClient;
    expect(routeReads({ db, replica: null, viewer: null }).reads).toBe(db);
  });
});
