// Who may write the catalog: every admin write is FORBIDDEN to customers and support staff and
// UNAUTHENTICATED without a token, changing nothing; services and customers resolve catalog
// entities on the subgraph itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogSnapshot, createCategory, createProduct, teeInput, uniqueSlug, useCatalogTestStack, type ProductView } from './catalog-fixtures.js';

const env = useCatalogTestStack();

describe('who may write the catalog', () => {
  let product: ProductView;
  let categoryId: string;
  beforeAll(async () => {
    product = await createProduct(env.stack.admin, teeInput());
    categoryId = await createCategory(env.stack.admin, uniqueSlug('guarded'));
  });

  const writes: [string, () => [string, Record<string, unknown>]][] = [
    ['createProduct', () => ['mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } } }', { input: teeInput() }]],
    ['updateProduct', () => ['mutation($id: ID!) { updateProduct(id: $id, input: { name: "Hacked" }) { product { id } } }', { id: product.id }]],
    ['archiveProduct', () => ['mutation($id: ID!) { archiveProduct(id: $id) { product { id } } }', { id: product.id }]],
    ['addProductOption', () => ['mutation($id: ID!) { addProductOption(productId: $id, input: { name: "Fit", values: ["Slim"] }) { product { id } } }', { id: product.id }]],
    ['updateProductOption', () => ['mutation($id: ID!) { updateProductOption(id: $id, input: { name: "X", values: ["S", "M", "L"] }) { product { id } } }', { id: product.options[0]!.id }]],
    ['addProductVariant', () => ['mutation($id: ID!) { addProductVariant(productId: $id, input: { sku: "HACK", price: { amount: 1, currencyCode: USD } }) { variant { id } } }', { id: product.id }]],
    ['updateProductVariant', () => ['mutation($id: ID!) { updateProductVariant(id: $id, input: { price: { amount: 1, currencyCode: USD } }) { variant { id } } }', { id: product.variants[0]!.id }]],
    ['addProductImage', () => ['mutation($id: ID!) { addProductImage(productId: $id, input: { url: "https://x.example/a.jpg" }) { product { id } } }', { id: product.id }]],
    ['updateProductImage', () => ['mutation($id: ID!) { updateProductImage(id: $id, input: { url: "https://x.example/a.jpg" }) { product { id } } }', { id: product.images[0]!.id }]],
    ['removeProductImage', () => ['mutation($id: ID!) { removeProductImage(id: $id) { product { id } } }', { id: product.images[0]!.id }]],
    ['createCategory', () => ['mutation { createCategory(input: { slug: "hacked", name: "Hacked" }) { category { id } } }', {}]],
    ['updateCategory', () => ['mutation($id: ID!) { updateCategory(id: $id, input: { slug: "hacked", name: "Hacked" }) { category { id } } }', { id: categoryId }]],
    ['setInventory', () => ['mutation($id: ID!) { setInventory(variantId: $id, onHand: 1000) { inventory { onHand } } }', { id: product.variants[0]!.id }]],
    ['adjustInventory', () => ['mutation($id: ID!) { adjustInventory(variantId: $id, delta: 1000) { inventory { onHand } } }', { id: product.variants[0]!.id }]],
  ];

  it.each(writes)('%s: a customer is FORBIDDEN and anonymous is UNAUTHENTICATED', async (field, operation) => {
    const [query, variables] = operation();
    const before = await catalogSnapshot(env.sql);
    const asCustomer = await env.customer.request(query, variables);
    expect(asCustomer.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(asCustomer.data?.[field] ?? null).toBeNull();
    const asSupport = await (await env.stack.as('support-1', 'support')).request(query, variables);
    expect(asSupport.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const asAnonymous = await env.stack.anonymous.request(query, variables);
    expect(asAnonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(await catalogSnapshot(env.sql)).toEqual(before);
  });
});

describe('entity resolution on the catalog subgraph', () => {
  it('resolves products, variants and categories by id, and null for unknown ids', async () => {
    const category = await createCategory(env.stack.admin, uniqueSlug('entity'));
    const product = await createProduct(env.stack.admin, teeInput(undefined, [category]));
    const catalog = env.stack.subgraph('catalog', await env.stack.serviceToken('order'));
    const data = await catalog.query<{ _entities: unknown[] }>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
        __typename
        ... on ProductVariant { id sku price { amount currencyCode } product { id slug } }
        ... on Product { id slug variants { id } }
        ... on Category { id slug }
      } }`,
      {
        representations: [
          { __typename: 'ProductVariant', id: product.variants[1]!.id },
          { __typename: 'Product', id: product.id },
          { __typename: 'Category', id: category },
          { __typename: 'ProductVariant', id: '00000000-0000-7000-8000-000000000000' },
          { __typename: 'Product', id: 'not-a-uuid' },
        ],
      },
    );
    expect(data._entities).toEqual([
      { __typename: 'ProductVariant', id: product.variants[1]!.id, sku: product.variants[1]!.sku, price: { amount: 2700, currencyCode: 'USD' }, product: { id: product.id, slug: product.slug } },
      { __typename: 'Product', id: product.id, slug: product.slug, variants: product.variants.map((v) => ({ id: v.id })) },
      { __typename: 'Category', id: category, slug: expect.any(String) },
      null,
      null,
    ]);

    const asCustomer = env.stack.subgraph('catalog', env.customer.token);
    const viaCustomer = await asCustomer.query<{ _entities: { id: string }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on ProductVariant { id } } }`,
      { r: [{ __typename: 'ProductVariant', id: product.variants[0]!.id }] },
    );
    expect(viaCustomer._entities).toEqual([{ id: product.variants[0]!.id }]);
  });
});

describe('who sees stock', () => {
  const STOCK = `query($id: ID!) { product(id: $id) { variants { quantityAvailable inventory { available onHand reserved reorderThreshold location } } } }`;

  it('shows shoppers what they can buy, and the figures behind it to staff only', async () => {
    const product = await createProduct(env.stack.admin, teeInput());
    const id = product.id;
    for (const shopper of [env.stack.anonymous, env.customer]) {
      const res = await shopper.request<{ product: { variants: Record<string, any>[] } }>(STOCK, { id });
      expect(res.data!.product.variants[0]).toEqual({
        quantityAvailable: 7,
        inventory: { available: 7, onHand: null, reserved: null, reorderThreshold: null, location: null },
      });
      expect(new Set(res.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
      expect(new Set(res.errors!.map((e) => e.path!.at(-1)))).toEqual(new Set(['onHand', 'reserved', 'reorderThreshold', 'location']));
    }
    for (const staff of [env.stack.admin, await env.stack.as('support-1', 'support')]) {
      const { product: read } = await staff.query<{ product: { variants: Record<string, any>[] } }>(STOCK, { id });
      expect(read.variants[0]).toEqual({ quantityAvailable: 7, inventory: { available: 7, onHand: 7, reserved: 0, reorderThreshold: expect.any(Number), location: 'default' } });
    }
  });
});
