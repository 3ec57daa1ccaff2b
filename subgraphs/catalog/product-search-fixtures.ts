// What the storefront listing tests share: the listing query and its readers (one page, every
// name at once, a walk through every page), and products described by their variants alone.
import { expect } from 'vitest';
import type { GraphQLClient } from '../../test/harness.js';
import { uniqueSlug, usd, type CreateProductInput } from './catalog-fixtures.js';

export type Sort = 'RELEVANCE' | 'PRICE_ASC' | 'PRICE_DESC' | 'NEWEST' | 'NAME_ASC' | 'NAME_DESC';

export interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string; name: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export const LIST = `query($first: Int, $after: String, $last: Int, $before: String, $filter: ProductFilter, $sort: ProductSort) {
  products(first: $first, after: $after, last: $last, before: $before, filter: $filter, sort: $sort) {
    totalCount
    edges { cursor node { id name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  } }`;

export async function page(
  client: GraphQLClient,
  variables: { first?: number; after?: string | null; last?: number; before?: string | null; filter?: Record<string, unknown>; sort?: Sort },
): Promise<Page> {
  return (await client.query<{ products: Page }>(LIST, variables)).products;
}

export const sorted = (list: string[]) => [...list].sort();

/** The listing's readers; they read as the file's customer unless a test names another client. */
export function productListing(env: { customer: GraphQLClient }) {
  /** Names of every product matching the filter, in the listing's order (one page of up to 250). */
  async function names(filter: Record<string, unknown>, sort?: Sort, client: GraphQLClient = env.customer): Promise<string[]> {
    return (await page(client, { first: 250, filter, sort })).edges.map((e) => e.node.name);
  }

  /** Walks every page of `size` and returns the names in the order seen; `between` runs after each page. */
  async function walk(filter: Record<string, unknown>, sort: Sort, size: number, between?: (pageNumber: number) => Promise<void>): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let n = 1; ; n++) {
      const p = await page(env.customer, { first: size, after, filter, sort });
      expect(p.edges.length).toBeLessThanOrEqual(size);
      expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...p.edges.map((e) => e.node.name));
      if (!p.pageInfo.hasNextPage) return seen;
      expect(p.edges).toHaveLength(size);
      expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)!.cursor);
      after = p.pageInfo.endCursor;
      await between?.(n);
      if (n > 100) throw new Error('pagination does not end');
    }
  }
  /** Walks every page of `size` backwards from the end (last/before) and returns the names in listing order. */
  async function walkBack(filter: Record<string, unknown>, sort: Sort, size: number): Promise<string[]> {
    const seen: string[] = [];
    let before: string | null = null;
    for (let n = 1; ; n++) {
      const p = await page(env.customer, { last: size, before, filter, sort });
      expect(p.edges.length).toBeLessThanOrEqual(size);
      expect(p.pageInfo.hasNextPage).toBe(before !== null);
      seen.unshift(...p.edges.map((e) => e.node.name));
      if (!p.pageInfo.hasPreviousPage) return seen;
      expect(p.edges).toHaveLength(size);
      expect(p.pageInfo.startCursor).toBe(p.edges[0]!.cursor);
      before = p.pageInfo.startCursor;
      if (n > 100) throw new Error('pagination does not end');
    }
  }
  return { names, walk, walkBack };
}

export type VariantSpec = { price: number; onHand?: number; active?: boolean; size?: string; colour?: string };

/**
 * A product with Size and Colour options (when its variants use them) in the given categories.
 * SKUs are searchable, so they carry no word of the name: a search must find what the test means.
 */
export function productInput(name: string, categoryIds: string[], variants: VariantSpec[], extra: Partial<CreateProductInput> = {}): CreateProductInput {
  const slug = uniqueSlug(name.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
  const sizes = [...new Set(variants.flatMap((v) => (v.size ? [v.size] : [])))];
  const colours = [...new Set(variants.flatMap((v) => (v.colour ? [v.colour] : [])))];
  return {
    slug,
    name,
    categoryIds,
    options: [...(sizes.length ? [{ name: 'Size', values: sizes }] : []), ...(colours.length ? [{ name: 'Colour', values: colours }] : [])],
    variants: variants.map((v, i) => ({
      sku: `${uniqueSlug('sku')}-${i}`.toUpperCase(),
      price: usd(v.price),
      onHand: v.onHand ?? 0,
      active: v.active ?? true,
      options: [...(v.size ? [{ name: 'Size', value: v.size }] : []), ...(v.colour ? [{ name: 'Colour', value: v.colour }] : [])],
    })),
    ...extra,
  };
}
