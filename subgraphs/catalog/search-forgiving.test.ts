// Search that forgives what shoppers type, through the gateway over a small catalog of its own:
// accents, hyphenated words written three ways, typos corrected (and said so), the admins'
// synonym rules applied at once without a reindex, and the ranking's tie-breaks (name above
// description; in stock above out of stock).
import { beforeAll, describe, expect, it } from 'vitest';
import { createProduct, useCatalogTestStack } from './catalog-fixtures.js';
import { productInput } from './product-search-fixtures.js';

const env = useCatalogTestStack();

const SEARCH = `query($search: String!) {
  products(first: 50, filter: { search: $search }, sort: RELEVANCE) { totalCount correctedQuery edges { node { name } } } }`;

async function search(text: string): Promise<{ names: string[]; correctedQuery: string | null }> {
  const { products } = await env.customer.query<{ products: { correctedQuery: string | null; edges: { node: { name: string } }[] } }>(SEARCH, { search: text });
  return { names: products.edges.map((e) => e.node.name), correctedQuery: products.correctedQuery };
}
const names = async (text: string) => (await search(text)).names;

const SYNONYM = `mutation($input: SearchSynonymInput!) { createSearchSynonym(input: $input) { synonym { id kind terms } userErrors { code field } } }`;
const DELETE = `mutation($id: ID!) { deleteSearchSynonym(id: $id) { synonym { id terms } userErrors { code field } } }`;
type SynonymPayload = { synonym: { id: string; kind: string; terms: string[] } | null; userErrors: { code: string; field: string[] }[] };

async function addRule(kind: 'TWO_WAY' | 'ONE_WAY', terms: string[]): Promise<string> {
  const { createSearchSynonym } = await env.stack.admin.query<{ createSearchSynonym: SynonymPayload }>(SYNONYM, { input: { kind, terms } });
  expect(createSearchSynonym.userErrors).toEqual([]);
  return createSearchSynonym.synonym!.id;
}

beforeAll(async () => {
  const made = [
    productInput('Classic T-Shirt', [], [{ price: 2000, onHand: 5 }], { description: 'Soft cotton jersey' }),
    productInput('Pocket Tee', [], [{ price: 1800, onHand: 5 }], { description: 'Boxy cut' }),
    productInput('Café Racer Jacket', [], [{ price: 20000, onHand: 2 }], { description: 'Waxed cotton' }),
    productInput('Merino Crewneck', [], [{ price: 9000, onHand: 3 }], { description: 'Fine gauge knit' }),
    productInput('Crew Sweatshirt', [], [{ price: 5000, onHand: 3 }], { description: 'Loopback cotton' }),
    productInput('Zip Hoodie', [], [{ price: 6000, onHand: 3 }], { description: 'Brushed fleece' }),
    productInput('Canvas Tote', [], [{ price: 3000, onHand: 3 }], { description: 'Carries a zephyr of groceries' }),
    productInput('Zephyr Scarf', [], [{ price: 3000, onHand: 3 }], { description: 'Light wool' }),
    // Equal in every word; the one out of stock is created first, so that the id tie-break alone would put it first.
    productInput('Harbour Beanie', [], [{ price: 2500, onHand: 0 }], { description: 'Rib knit' }),
    productInput('Harbour Beanie', [], [{ price: 2500, onHand: 4 }], { description: 'Rib knit' }),
  ];
  for (const input of made) await createProduct(env.stack.admin, input);
});

describe('words as shoppers write them', () => {
  it('ignores accents and case either way', async () => {
    for (const text of ['cafe', 'Café', 'CAFE racer']) expect(await names(text), text).toEqual(['Café Racer Jacket']);
  });

  it('reads t-shirt, tshirt and t shirt as one word', async () => {
    for (const text of ['t-shirt', 'tshirt', 'T Shirt', 'T-Shirt ']) expect(await names(text), text).toEqual(['Classic T-Shirt']);
  });
});

describe('typos', () => {
  it('corrects a word no product contains to the nearest one that does, and says so', async () => {
    expect(await search('merinno')).toEqual({ names: ['Merino Crewneck'], correctedQuery: 'merino' });
    expect(await search('crewnek ')).toEqual({ names: ['Merino Crewneck'], correctedQuery: 'crewneck' });
    expect(await search('merino jaket')).toEqual({ names: [], correctedQuery: 'merino jacket' });
    expect(await search('racer jaket')).toEqual({ names: ['Café Racer Jacket'], correctedQuery: 'racer jacket' });
  });

  it('leaves known words, prefixes being typed and words too far from any alone', async () => {
    expect(await search('merino')).toEqual({ names: ['Merino Crewneck'], correctedQuery: null });
    expect(await search('crewn')).toEqual({ names: ['Merino Crewneck'], correctedQuery: null });
    expect(await search('jackets ')).toEqual({ names: ['Café Racer Jacket'], correctedQuery: null });
    expect(await search('xylophone')).toEqual({ names: [], correctedQuery: null });
  });
});

describe('synonyms, applied as searches are read', () => {
  it('finds across a two-way rule both ways, and across a one-way rule one way only, until the rule goes', async () => {
    expect(await names('tee ')).toEqual(['Pocket Tee']);
    const tees = await addRule('TWO_WAY', ['tee', 'T-shirt']);
    const hoodie = await addRule('ONE_WAY', ['hoodie', 'sweatshirt']);
    expect(sortedNames(await names('tee '))).toEqual(['Classic T-Shirt', 'Pocket Tee']);
    expect(sortedNames(await names('tshirt'))).toEqual(['Classic T-Shirt', 'Pocket Tee']);
    expect(sortedNames(await names('t shirt '))).toEqual(['Classic T-Shirt', 'Pocket Tee']);
    expect(sortedNames(await names('hoodie '))).toEqual(['Crew Sweatshirt', 'Zip Hoodie']);
    expect(await names('sweatshirt ')).toEqual(['Crew Sweatshirt']);
    for (const id of [tees, hoodie]) {
      const { deleteSearchSynonym } = await env.stack.admin.query<{ deleteSearchSynonym: SynonymPayload }>(DELETE, { id });
      expect(deleteSearchSynonym.userErrors).toEqual([]);
    }
    expect(await names('tee ')).toEqual(['Pocket Tee']);
    expect(await names('hoodie ')).toEqual(['Zip Hoodie']);
  });

  it('is kept by admins only, with its mistakes named', async () => {
    const refused = await env.customer.request(SYNONYM, { input: { kind: 'TWO_WAY', terms: ['a', 'b'] } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await env.stack.admin.query<{ createSearchSynonym: SynonymPayload }>(SYNONYM, { input: { kind: 'TWO_WAY', terms: ['T-Shirt', 't shirt', 'tee; drop', 'one two three four'] } });
    expect(bad.createSearchSynonym.synonym).toBeNull();
    expect(bad.createSearchSynonym.userErrors.map((e) => [e.code, e.field.join('.')])).toEqual([
      ['INVALID_INPUT', 'input.terms.1'],
      ['INVALID_INPUT', 'input.terms.2'],
      ['INVALID_INPUT', 'input.terms.3'],
    ]);
    const one = await env.stack.admin.query<{ createSearchSynonym: SynonymPayload }>(SYNONYM, { input: { kind: 'ONE_WAY', terms: ['alone'] } });
    expect(one.createSearchSynonym.userErrors.map((e) => e.code)).toEqual(['INVALID_INPUT']);
    const id = await addRule('TWO_WAY', ['gone', 'went']);
    await env.stack.admin.query(DELETE, { id });
    const missing = await env.stack.admin.query<{ deleteSearchSynonym: SynonymPayload }>(DELETE, { id });
    expect(missing.deleteSearchSynonym.userErrors.map((e) => e.code)).toEqual(['SYNONYM_NOT_FOUND']);
    const listed = await env.stack.admin.query<{ searchSynonyms: { nodes: { terms: string[] }[] } }>(`{ searchSynonyms(first: 100) { nodes { terms } } }`);
    expect(listed.searchSynonyms.nodes.map((n) => n.terms)).not.toContainEqual(['gone', 'went']);
  });
});

describe('the synonym list', () => {
  it('pages oldest first, forward and backward', async () => {
    const ids = [await addRule('TWO_WAY', ['page one', 'p1']), await addRule('TWO_WAY', ['page two', 'p2']), await addRule('ONE_WAY', ['page three', 'p3'])];
    type Page = { searchSynonyms: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string } } };
    const LIST = `query($first: Int, $after: String, $last: Int, $before: String) { searchSynonyms(first: $first, after: $after, last: $last, before: $before) {
      nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const all = (await env.stack.admin.query<Page>(LIST, {})).searchSynonyms.nodes.map((n) => n.id);
    expect(all.slice(-3)).toEqual(ids);
    const last2 = (await env.stack.admin.query<Page>(LIST, { last: 2 })).searchSynonyms;
    expect(last2.nodes.map((n) => n.id)).toEqual(ids.slice(1));
    expect(last2.pageInfo.hasPreviousPage).toBe(all.length > 2);
    const before = (await env.stack.admin.query<Page>(LIST, { last: 1, before: last2.pageInfo.startCursor })).searchSynonyms;
    expect(before.nodes.map((n) => n.id)).toEqual([ids[0]]);
    const after = (await env.stack.admin.query<Page>(LIST, { first: 5, after: before.pageInfo.endCursor })).searchSynonyms;
    expect(after.nodes.map((n) => n.id)).toEqual(ids.slice(1));
    expect(after.pageInfo.hasNextPage).toBe(false);
    for (const id of ids) await env.stack.admin.query(DELETE, { id });
  });
});

describe('ranking', () => {
  it('puts a name match above a description match', async () => {
    expect(await names('zephyr')).toEqual(['Zephyr Scarf', 'Canvas Tote']);
  });

  it('puts equally relevant products in stock above those out of stock', async () => {
    const { products } = await env.customer.query<{ products: { edges: { node: { name: string; variants: { inventory: { available: number } }[] } }[] } }>(
      `query { products(first: 5, filter: { search: "harbour beanie" }, sort: RELEVANCE) { edges { node { name variants { inventory { available } } } } } }`,
    );
    expect(products.edges.map((e) => e.node.variants[0]!.inventory.available)).toEqual([4, 0]);
  });
});

const sortedNames = (list: string[]) => [...list].sort();
