// Search-box suggestions through the gateway (Query.searchSuggestions), over a small catalog of
// this file's own: which names match as the shopper types, how they rank, what never shows, the
// mix of kinds within `first`, and the arguments refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogAdmin, createProduct, uniqueSlug, useCatalogTestStack } from './catalog-fixtures.js';
import { productInput } from './product-search-fixtures.js';
import { quotas } from './search-suggestions.js';

const env = useCatalogTestStack();

const SUGGEST = `query($query: String!, $first: Int) {
  searchSuggestions(query: $query, first: $first) {
    kind text
    product { id name status brand }
    category { id name parent { name } }
  } }`;

interface SuggestionView {
  kind: 'PRODUCT' | 'CATEGORY' | 'BRAND';
  text: string;
  product: { id: string; name: string; status: string; brand: string | null } | null;
  category: { id: string; name: string; parent: { name: string } | null } | null;
}

async function suggest(query: string, first?: number, client = env.customer): Promise<SuggestionView[]> {
  return (await client.query<{ searchSuggestions: SuggestionView[] }>(SUGGEST, { query, first })).searchSuggestions;
}

/** The suggestions as `KIND text`, in the order answered. */
const shown = async (query: string, first?: number) => (await suggest(query, first)).map((s) => `${s.kind} ${s.text}`);

async function category(name: string, parentId?: string): Promise<string> {
  const { category: made, userErrors } = await catalogAdmin(env.stack.admin).createCategory({ slug: uniqueSlug('c'), name, parentId });
  if (!made) throw new Error(`createCategory ${name}: ${JSON.stringify(userErrors)}`);
  return made.id;
}

const product = (name: string, categoryIds: string[], extra: Record<string, unknown> = {}) =>
  createProduct(env.stack.admin, productInput(name, categoryIds, [{ price: 1000 }], extra));

describe('searchSuggestions', () => {
  let shirts: string;
  let newerPoplinShirt: string;

  beforeAll(async () => {
    const apparel = await category('Zephyr Apparel');
    shirts = await category('Poplin Shirts', apparel);
    const hidden = await category('Ghostly Gear');
    await category('Empty Poplin Corner');
    await product('Poplin Shirt', [shirts], { brand: 'Qwerty Labs' });
    newerPoplinShirt = (await product('Poplin Shirt', [shirts], { brand: 'Qwerty Labs' })).id;
    await product('Poplin Wrap Dress', [shirts], { brand: 'Qwerty Labs' });
    await product('Café Crème Mug', [apparel], { brand: 'Élan Atelier' });
    await product('X-Ray Jacket', [apparel]);
    await product('Quibble Chelsea Boot', [apparel]);
    await product('Vortex Running Shoe', [apparel]);
    await product('Zorb Extra Long Canvas Tote', [apparel]);
    await product('Zorbix Cap', [apparel]);
    // Never suggested: an inactive product (alone in its category and brand) and an archived one.
    await product('Hidden Poplin Blouse', [hidden], { brand: 'Phantom Poplin Co', active: false });
    const archived = await product('Archived Poplin Tunic', [shirts], { brand: 'Bygone Poplin' });
    await catalogAdmin(env.stack.admin).archiveProduct(archived.id);
  });

  it('finds names by the beginning of a word as it is typed: popl finds Poplin', async () => {
    expect(await shown('popl')).toEqual(['CATEGORY Poplin Shirts', 'PRODUCT Poplin Shirt', 'PRODUCT Poplin Wrap Dress']);
    expect(await shown('poplin wr')).toEqual(['PRODUCT Poplin Wrap Dress']);
    expect(await shown('wrap popl')).toEqual(['PRODUCT Poplin Wrap Dress']);
    expect(await shown('poplin jacket')).toEqual([]);
  });

  it('ignores case and accents, on either side', async () => {
    for (const query of ['cafe', 'CAFÉ cr', 'café creme', 'Cafe Crè']) expect(await shown(query)).toEqual(['PRODUCT Café Crème Mug']);
    expect(await shown('elan')).toEqual(['BRAND Élan Atelier']);
  });

  it('reads a hyphenated word joined or apart, and a word by its stem', async () => {
    for (const query of ['xray', 'x-ra', 'x ray', 'xr']) expect(await shown(query)).toEqual(['PRODUCT X-Ray Jacket']);
    expect(await shown('quibble boots')).toEqual(['PRODUCT Quibble Chelsea Boot']);
    // Further than the stem (run) goes: the catalog's words say what runni may become.
    for (const query of ['runn', 'runni', 'running']) expect(await shown(query)).toEqual(['PRODUCT Vortex Running Shoe']);
  });

  it('suggests brands and categories as their own kinds', async () => {
    const [brand] = await suggest('qwer');
    expect(brand).toEqual({ kind: 'BRAND', text: 'Qwerty Labs', product: null, category: null });
    const [shelf] = await suggest('zeph');
    expect(shelf).toEqual({ kind: 'CATEGORY', text: 'Zephyr Apparel', product: null, category: { id: expect.any(String), name: 'Zephyr Apparel', parent: null } });
    const [child] = await suggest('poplin shi');
    expect(child).toMatchObject({ kind: 'CATEGORY', text: 'Poplin Shirts', category: { id: shirts, parent: { name: 'Zephyr Apparel' } } });
  });

  it('never suggests inactive or archived products, nor brands and categories that only they fill', async () => {
    const texts = (await suggest('poplin', 20)).map((s) => s.text);
    for (const hidden of ['Hidden Poplin Blouse', 'Archived Poplin Tunic', 'Phantom Poplin Co', 'Bygone Poplin', 'Ghostly Gear', 'Empty Poplin Corner']) {
      expect(texts).not.toContain(hidden);
    }
    expect(await shown('ghostly')).toEqual([]);
    expect(await shown('hidden')).toEqual([]);
    // Staff see the storefront's suggestions too: the box is the shop's.
    expect((await suggest('hidden', 8, env.stack.admin)).map((s) => s.text)).toEqual([]);
  });

  it('gives a name once, pointing at the newest live product with it', async () => {
    const poplinShirts = (await suggest('poplin shirt')).filter((s) => s.kind === 'PRODUCT');
    expect(poplinShirts.map((s) => [s.text, s.product?.id, s.product?.status])).toEqual([['Poplin Shirt', newerPoplinShirt, 'ACTIVE']]);
  });

  it('ranks whole-word matches above prefix-only ones, then the shorter first', async () => {
    // Zorb is a whole word of the longer name, only the beginning of Zorbix.
    expect(await shown('zorb')).toEqual(['PRODUCT Zorb Extra Long Canvas Tote', 'PRODUCT Zorbix Cap']);
    expect(await shown('zor')).toEqual(['PRODUCT Zorbix Cap', 'PRODUCT Zorb Extra Long Canvas Tote']);
  });

  describe('the mix within first', () => {
    beforeAll(async () => {
      const shelves = [];
      for (const name of ['Vortal One', 'Vortal Two', 'Vortal Three', 'Vortal Four']) shelves.push(await category(name));
      const brands = ['Vortal Labs', 'Vortal Works', 'Vortal House'];
      for (let i = 0; i < 6; i++) await product(`Vortal Item ${i + 1}`, [shelves[i % 4]!], { brand: brands[i % 3] });
    });

    const kinds = async (first?: number) => (await suggest('vortal', first)).map((s) => s.kind);
    const count = (list: string[], kind: string) => list.filter((k) => k === kind).length;

    it('holds up to 3 categories and 2 brands at the default 8, listed categories, brands, products', async () => {
      expect(await kinds()).toEqual(['CATEGORY', 'CATEGORY', 'CATEGORY', 'BRAND', 'BRAND', 'PRODUCT', 'PRODUCT', 'PRODUCT']);
    });

    it('respects first, the quotas shrinking with it and unused room going to the others', async () => {
      for (const first of [1, 2, 3, 5, 8, 13, 20]) {
        const list = await kinds(first);
        expect(list).toHaveLength(Math.min(first, 4 + 3 + 6));
        const quota = quotas(first);
        expect(count(list, 'CATEGORY')).toBeGreaterThanOrEqual(Math.min(quota.CATEGORY, 4));
        expect(count(list, 'BRAND')).toBeGreaterThanOrEqual(Math.min(quota.BRAND, 3));
      }
      expect(await kinds(1)).toEqual(['PRODUCT']);
      // Six products leave room at 13: it goes to the fourth category and the third brand.
      const thirteen = await kinds(13);
      expect([count(thirteen, 'CATEGORY'), count(thirteen, 'BRAND'), count(thirteen, 'PRODUCT')]).toEqual([4, 3, 6]);
      expect(await shown('vortal item 1')).toEqual(['PRODUCT Vortal Item 1']);
    });
  });

  describe('arguments', () => {
    it('answers an empty list for a blank query or one with no letters or digits', async () => {
      expect(await suggest('   ')).toEqual([]);
      expect(await suggest('')).toEqual([]);
      expect(await suggest('-- %_\' "')).toEqual([]);
    });

    it('refuses a query over 100 characters once trimmed, and first outside 1..20', async () => {
      expect(await suggest(`  ${'p'.repeat(100)}  `)).toEqual([]);
      for (const [variables, message, argument] of [
        [{ query: 'p'.repeat(101) }, 'query must be at most 100 characters', 'query'],
        [{ query: 'popl', first: 0 }, 'first must be between 1 and 20', 'first'],
        [{ query: 'popl', first: 21 }, 'first must be between 1 and 20', 'first'],
      ] as const) {
        const refused = await env.customer.request(SUGGEST, variables);
        expect(refused.errors?.map((e) => [e.extensions?.code, e.message, e.extensions?.argument])).toEqual([['BAD_USER_INPUT', message, argument]]);
        expect(refused.data ?? null).toBeNull();
      }
    });

    it('answers anonymous shoppers', async () => {
      const data = await env.stack.anonymous.query<{ searchSuggestions: SuggestionView[] }>(SUGGEST, { query: 'qwerty' });
      expect(data.searchSuggestions.map((s) => s.text)).toEqual(['Qwerty Labs']);
    });
  });
});
