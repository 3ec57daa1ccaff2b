// What the catalog's end-to-end tests share: a stack per test file, the admin operations they
// drive through the gateway, the fields they read back, a demo tee to write, a SQL view to
// prove that refused writes left no trace, and the ids on both sides of the API's edge.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect } from 'vitest';
import { globalId, parseGlobalId, rawIdOf } from '../../lib/global-id.js';
import { startTestStack, type GraphQLClient, type GraphQLResponse, type TestStack, type TestStackOptions } from '../../test/harness.js';

export const uniqueSlug = (label: string) => `${label}-${randomBytes(4).toString('hex')}`;

/*
 * Ids: the API hands out and takes typed global ids (lib/global-id.ts); the catalog's rows, SQL
 * and outbox events hold the raw UUIDs inside them. Tests keep the API's ids and convert only
 * where they meet SQL or event data.
 */

/** The raw id (the row's UUID, as SQL and events have it) inside an id the API gave for a `type`. */
export const rawId = (type: string, id: string): string => rawIdOf(type, id, `the ${type} id under test`);

/** A UUID no row has. */
export const UNKNOWN_UUID = '00000000-0000-7000-8000-000000000000';

/** A well-formed id of `type` that names nothing: what a NOT_FOUND case sends. */
export const unknownId = (type: string): string => globalId(type, UNKNOWN_UUID);

/**
 * The GraphQL error the API answers, before any resolver (or auth check) runs, when `id` is sent
 * at `at` (e.g. "input.categoryIds[0]") where a `type` id belongs: BAD_USER_INPUT naming the
 * place, with the message lib/global-id.ts words for an id it did not issue or one of another type.
 */
export function badIdError(type: string, id: string, at: string) {
  let message: string | undefined;
  try {
    rawIdOf(type, id, at);
  } catch (error) {
    message = (error as Error).message;
  }
  if (message === undefined) throw new Error(`badIdError: ${id} is a good ${type} id`);
  return expect.objectContaining({ message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: at }) });
}

export const USER_ERRORS = 'userErrors { field message code }';

export const PRODUCT_FIELDS = `
  id slug name description brand status active archived createdAt updatedAt
  options { id name position values }
  variants {
    id sku title active availableForSale weightGrams
    price { amount currencyCode formatted } compareAtPrice { amount currencyCode }
    options { name value }
    inventory { onHand reserved available reorderThreshold location }
  }
  images { id url altText position }
  categories { id slug }
  priceRange { min { amount } max { amount } }`;

export interface UserErrorView {
  field: string[] | null;
  message: string;
  code: string;
}

export interface VariantView {
  id: string;
  sku: string;
  title: string;
  active: boolean;
  availableForSale: boolean;
  weightGrams: number | null;
  price: { amount: number; currencyCode: string; formatted: string };
  compareAtPrice: { amount: number; currencyCode: string } | null;
  options: { name: string; value: string }[];
  inventory: { onHand: number; reserved: number; available: number; reorderThreshold: number; location: string };
}

export interface ProductView {
  id: string;
  slug: string;
  name: string;
  description: string;
  brand: string | null;
  active: boolean;
  archived: boolean;
  status: 'ACTIVE' | 'INACTIVE' | 'ARCHIVED';
  createdAt: string;
  updatedAt: string;
  options: { id: string; name: string; position: number; values: string[] }[];
  variants: VariantView[];
  images: { id: string; url: string; altText: string | null; position: number }[];
  categories: { id: string; slug: string }[];
  priceRange: { min: { amount: number }; max: { amount: number } } | null;
}

export interface ProductPayload {
  product: ProductView | null;
  userErrors: UserErrorView[];
}

export interface VariantPayload {
  variant: (VariantView & { product: { id: string } }) | null;
  userErrors: UserErrorView[];
}

export interface CategoryView {
  id: string;
  slug: string;
  name: string;
  sortOrder: number;
  parent: { id: string } | null;
}

export interface CategoryPayload {
  category: CategoryView | null;
  userErrors: UserErrorView[];
}

export type CreateProductInput = Record<string, unknown> & { slug: string; name: string };

/** What an operation answers with: its payload (any GraphQL error fails the test), or the whole response. */
interface Answer<T> {
  payload: T;
  response: GraphQLResponse<Record<string, T>>;
}

type Send<M extends keyof Answer<unknown>> = <T>(field: string, query: string, variables: Record<string, unknown>) => Promise<Answer<T>[M]>;

/** The admin's catalog operations, each answered as `send` answers. */
function adminOperations<M extends keyof Answer<unknown>>(send: Send<M>) {
  return {
    createProduct: (input: CreateProductInput) =>
      send<ProductPayload>('createProduct', `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { ${PRODUCT_FIELDS} } ${USER_ERRORS} } }`, { input }),
    updateProduct: (id: string, input: Record<string, unknown>) =>
      send<ProductPayload>('updateProduct', `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { product { ${PRODUCT_FIELDS} } ${USER_ERRORS} } }`, { id, input }),
    archiveProduct: (id: string) =>
      send<ProductPayload>('archiveProduct', `mutation($id: ID!) { archiveProduct(id: $id) { product { ${PRODUCT_FIELDS} } ${USER_ERRORS} } }`, { id }),
    addOption: (productId: string, input: { name: string; values: string[] }) =>
      send<ProductPayload>('addProductOption', `mutation($productId: ID!, $input: ProductOptionInput!) { addProductOption(productId: $productId, input: $input) { product { ${PRODUCT_FIELDS} } ${USER_ERRORS} } }`, { productId, input }),
    updateOption: (id: string, input: { name: string; values: string[] }) =>
      send<ProductPayload>('updateProductOption', `mutation($id: ID!, $input: ProductOptionInput!) { updateProductOption(id: $id, input: $input) { product { ${PRODUCT_FIELDS} } ${USER_ERRORS} } }`, { id, input }),
    addVariant: (productId: string, input: Record<string, unknown>) =>
      send<VariantPayload>('addProductVariant', `mutation($productId: ID!, $input: ProductVariantInput!) { addProductVariant(productId: $productId, input: $input) { variant { product { id } ${VARIANT_FIELDS} } ${USER_ERRORS} } }`, { productId, input }),
    updateVariant: (id: string, input: Record<string, unknown>) =>
      send<VariantPayload>('updateProductVariant', `mutation($id: ID!, $input: UpdateProductVariantInput!) { updateProductVariant(id: $id, input: $input) { variant { product { id } ${VARIANT_FIELDS} } ${USER_ERRORS} } }`, { id, input }),
    addImage: (productId: string, input: Record<string, unknown>) =>
      send<ProductPayload>('addProductImage', `mutation($productId: ID!, $input: ProductImageInput!) { addProductImage(productId: $productId, input: $input) { product { ${PRODUCT_FIELDS} } ${USER_ERRORS} } }`, { productId, input }),
    updateImage: (id: string, input: Record<string, unknown>) =>
      send<ProductPayload>('updateProductImage', `mutation($id: ID!, $input: ProductImageInput!) { updateProductImage(id: $id, input: $input) { product { ${PRODUCT_FIELDS} } ${USER_ERRORS} } }`, { id, input }),
    removeImage: (id: string) =>
      send<ProductPayload>('removeProductImage', `mutation($id: ID!) { removeProductImage(id: $id) { product { ${PRODUCT_FIELDS} } ${USER_ERRORS} } }`, { id }),
    createCategory: (input: Record<string, unknown>) =>
      send<CategoryPayload>('createCategory', `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { category { ${CATEGORY_FIELDS} } ${USER_ERRORS} } }`, { input }),
    updateCategory: (id: string, input: Record<string, unknown>) =>
      send<CategoryPayload>('updateCategory', `mutation($id: ID!, $input: UpdateCategoryInput!) { updateCategory(id: $id, input: $input) { category { ${CATEGORY_FIELDS} } ${USER_ERRORS} } }`, { id, input }),
    /** Reads a product as this client sees it (admins see archived and inactive ones). */
    product: (id: string) => send<ProductView | null>('product', `query($id: ID!) { product(id: $id) { ${PRODUCT_FIELDS} } }`, { id }),
  };
}

/** The admin's catalog operations through the gateway, each returning its payload as is. */
export function catalogAdmin(client: GraphQLClient) {
  const payload: Send<'payload'> = async <T>(field: string, query: string, variables: Record<string, unknown>) =>
    (await client.query<Record<string, T>>(query, variables))[field]!;
  return adminOperations(payload);
}

/**
 * The same operations, each returning the whole response: for requests the API refuses as a
 * whole with a GraphQL error (e.g. an id it did not issue), which have no payload.
 */
export function catalogAdminRequests(client: GraphQLClient) {
  const response: Send<'response'> = <T>(_field: string, query: string, variables: Record<string, unknown>) => client.request<Record<string, T>>(query, variables);
  return adminOperations(response);
}

const VARIANT_FIELDS = `
  id sku title active availableForSale weightGrams
  price { amount currencyCode formatted } compareAtPrice { amount currencyCode }
  options { name value }
  inventory { onHand reserved available reorderThreshold location }`;

const CATEGORY_FIELDS = 'id slug name sortOrder parent { id }';

export type CatalogAdmin = ReturnType<typeof catalogAdmin>;
export type CatalogAdminRequests = ReturnType<typeof catalogAdminRequests>;

/** Creates a product that must succeed; returns it. */
export async function createProduct(client: GraphQLClient, input: CreateProductInput): Promise<ProductView> {
  const { product, userErrors } = await catalogAdmin(client).createProduct(input);
  if (!product) throw new Error(`createProduct ${input.slug} failed: ${JSON.stringify(userErrors)}`);
  return product;
}

/** Creates a category that must succeed; returns its id. */
export async function createCategory(client: GraphQLClient, slug: string, parentId?: string): Promise<string> {
  const { category, userErrors } = await catalogAdmin(client).createCategory({ slug, name: slug, parentId });
  if (!category) throw new Error(`createCategory ${slug} failed: ${JSON.stringify(userErrors)}`);
  return category.id;
}

/** A connection to the test database in the catalog schema, for facts the API does not expose. */
export function catalogSql(stack: TestStack): pg.Pool {
  return new pg.Pool({ connectionString: stack.databaseUrl, max: 2, options: '-c search_path=catalog' });
}

const TABLES = [
  'product',
  'product_option',
  'product_option_value',
  'product_variant',
  'variant_option_value',
  'inventory_level',
  'product_image',
  'product_category',
  'category',
  'outbox_event',
] as const;

/**
 * Every catalog row as text, table by table: equal snapshots before and after a refused write
 * prove that it changed nothing, events included.
 */
export async function catalogSnapshot(sql: pg.Pool): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of TABLES) {
    const { rows } = await sql.query<{ row: string }>(`SELECT t::text AS row FROM ${table} t ORDER BY 1`);
    snapshot[table] = rows.map((r) => r.row);
  }
  return snapshot;
}

/** A payload's errors as [code, field path] pairs, which a test can compare as a whole. */
/** A price in US dollars, as MoneyInput: minor units. */
export const usd = (amount: number) => ({ amount, currencyCode: 'USD' });

export const codes = (errors: UserErrorView[]) => errors.map((e) => [e.code, e.field?.join('.') ?? null]);

/** A tee with sizes and colours, two variants in stock, two images, in the given categories. */
export function teeInput(slug = uniqueSlug('tee'), categoryIds: string[] = []): CreateProductInput {
  const sku = slug.toUpperCase();
  return {
    slug,
    name: 'Organic Cotton Tee',
    description: 'A soft tee',
    brand: 'Acme',
    categoryIds,
    options: [
      { name: 'Size', values: ['S', 'M', 'L'] },
      { name: 'Colour', values: ['Red', 'Blue'] },
    ],
    variants: [
      { sku: `${sku}-M-RED`, price: usd(2500), compareAtPrice: usd(3000), weightGrams: 180, onHand: 7, reorderThreshold: 2, options: [{ name: 'Size', value: 'M' }, { name: 'Colour', value: 'Red' }] },
      { sku: `${sku}-L-BLUE`, title: 'Large blue', price: usd(2700), options: [{ name: 'size', value: 'l' }, { name: 'colour', value: 'blue' }] },
    ],
    images: [
      { url: 'https://cdn.example.com/tee-front.jpg', altText: 'Front' },
      { url: 'https://cdn.example.com/tee-back.jpg' },
    ],
  };
}

/**
 * A test file's own stack and the clients its tests use. The fields are set only once the stack
 * is up, so tests read them through the object as they run; the checks are closures that do the
 * same, so a file may take them out of the object at its top.
 */
export interface CatalogTestStack {
  stack: TestStack;
  /** The admin's catalog operations. */
  admin: CatalogAdmin;
  /** The admin's catalog operations, answered with the whole response. */
  adminRequests: CatalogAdminRequests;
  customer: GraphQLClient;
  sql: pg.Pool;
  /** Runs a write that must be refused, and proves it changed no catalog row and recorded no event. */
  refusedWithoutChange<T extends { userErrors: UserErrorView[] }>(write: () => Promise<T>): Promise<T>;
  /** Runs a request that must fail with a GraphQL error and no data, and proves it changed no catalog row and recorded no event. */
  rejectedWithoutChange<T>(request: () => Promise<GraphQLResponse<T>>): Promise<GraphQLResponse<T>>;
  /** The events recorded for the object with this id (as the API gave it), oldest first; their data holds raw ids. */
  outboxEvents(id: string): Promise<{ type: string; data: Record<string, unknown> }[]>;
}

/**
 * Registers the hooks that start the calling file's stack (its own database) and stop it; call it
 * once, at the top of the file. `workers` runs the BullMQ workers too (imports, the outbox relay).
 */
export function useCatalogTestStack(options: Pick<TestStackOptions, 'workers'> = {}): CatalogTestStack {
  const env = { refusedWithoutChange, rejectedWithoutChange, outboxEvents } as CatalogTestStack;
  async function refusedWithoutChange<T extends { userErrors: UserErrorView[] }>(write: () => Promise<T>): Promise<T> {
    const before = await catalogSnapshot(env.sql);
    const payload = await write();
    expect(payload.userErrors.length).toBeGreaterThan(0);
    expect(await catalogSnapshot(env.sql)).toEqual(before);
    return payload;
  }
  async function rejectedWithoutChange<T>(request: () => Promise<GraphQLResponse<T>>): Promise<GraphQLResponse<T>> {
    const before = await catalogSnapshot(env.sql);
    const response = await request();
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(response.data ?? null).toBeNull();
    expect(await catalogSnapshot(env.sql)).toEqual(before);
    return response;
  }
  async function outboxEvents(id: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
    const aggregate = parseGlobalId(id);
    if (!aggregate) throw new Error(`outboxEvents: ${id} is not an id the API gave`);
    const { rows } = await env.sql.query('SELECT type, data FROM outbox_event WHERE aggregate_type = $1 AND aggregate_id = $2 ORDER BY occurred_at, id', [
      aggregate.type,
      aggregate.rawId,
    ]);
    return rows;
  }
  beforeAll(async () => {
    env.stack = await startTestStack(options);
    env.sql = catalogSql(env.stack);
    env.admin = catalogAdmin(env.stack.admin);
    env.adminRequests = catalogAdminRequests(env.stack.admin);
    env.customer = await env.stack.as('customer-1', 'customer');
  });
  afterAll(async () => {
    await env.sql?.end();
    await env.stack?.close();
  });
  return env;
}
