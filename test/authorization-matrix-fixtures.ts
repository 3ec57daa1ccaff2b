// The authorization matrix's world: the principals and their tokens, the owner's objects made
// once (a cart, an order placed and paid through the local Stripe server, a subscription) beside
// the staff's (a product, a category, an import, a promotion, a partner, a plan), fresh objects for
// calls that use one up, the owner's objects as they stand, and each call through the gateway (HTTP
// or graphql-ws) classified as allowed or denied.
import pg from 'pg';
import { cartApi, createPromotion, unique } from '../subgraphs/cart/cart-fixtures.js';
import { orderApi, payWith, rawOrderId } from '../subgraphs/order/order-fixtures.js';
import { affiliateAdmin } from '../subgraphs/promotion/affiliates/affiliate-fixtures.js';
import { insertSubscription, planApi } from '../subgraphs/subscription/subscription-fixtures.js';
import { OWNED_TYPES, type Operation, type Scene } from './authorization-matrix-args.js';
import { graphqlClient, until, type GraphQLResponse, type TestStack } from './harness.js';
import { subscriber } from './subscriber.js';

export const PRINCIPALS = ['anonymous', 'owner', 'other', 'support', 'admin', 'service'] as const;
export type Principal = (typeof PRINCIPALS)[number];
export type Verdict = 'allow' | 'deny';

/** The bearer token of a principal; null for anonymous. The owner is the scene's, the others are fixed people. */
export function tokenOf(stack: TestStack, principal: Principal, owner: string): Promise<string | null> {
  switch (principal) {
    case 'anonymous':
      return Promise.resolve(null);
    case 'owner':
      return stack.token(owner, ['customer']);
    case 'other':
      return stack.token('matrix-other', ['customer']);
    case 'support':
      return stack.token('matrix-support', ['support']);
    case 'admin':
      return stack.token('matrix-admin', ['admin']);
    case 'service':
      return stack.serviceToken('matrix-service');
  }
}

export interface World {
  stack: TestStack;
  orderSql: pg.Pool;
  subscriptionSql: pg.Pool;
  shared: Scene;
}

async function ok<T>(promise: Promise<GraphQLResponse<T>>): Promise<T> {
  const res = await promise;
  if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors ?? res)}`);
  return res.data;
}

/** A product as an admin creates one: an option, a variant in stock, an image. */
async function product(stack: TestStack): Promise<Record<string, string>> {
  const slug = unique('matrix-product');
  const input = {
    slug,
    name: `Matrix ${slug}`,
    options: [{ name: 'Size', values: ['S', 'M'] }],
    variants: [{ sku: slug.toUpperCase(), price: { amount: 2500, currencyCode: 'USD' }, onHand: 500, options: [{ name: 'Size', value: 'S' }] }],
    images: [{ url: `https://images.example/${slug}.png` }],
  };
  const { createProduct } = await stack.admin.query<{ createProduct: { product: { id: string; options: { id: string }[]; variants: { id: string }[]; images: { id: string }[] } | null; userErrors: unknown[] } }>(
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id options { id } variants { id } images { id } } userErrors { code message } } }`,
    { input },
  );
  const p = createProduct.product;
  if (!p) throw new Error(`createProduct failed: ${JSON.stringify(createProduct.userErrors)}`);
  return { Product: p.id, ProductOption: p.options[0]!.id, ProductVariant: p.variants[0]!.id, ProductImage: p.images[0]!.id };
}

/** A customer's cart holding one unit of the world's variant. */
async function cartOf(stack: TestStack, personId: string, variantId: string) {
  const { cart, userErrors } = await cartApi(await stack.as(personId, 'customer')).create(undefined, [{ variantId, quantity: 1 }]);
  if (!cart) throw new Error(`createCart failed: ${JSON.stringify(userErrors)}`);
  return { Cart: cart.id, CartLine: cart.lines[0]!.id };
}

/** A customer's order: a cart checked out, PENDING_PAYMENT, or PAID once the local Stripe server charged the card. */
async function orderOf(stack: TestStack, personId: string, variantId: string, paid: boolean): Promise<string> {
  const customer = await stack.as(personId, 'customer');
  const { Cart } = await cartOf(stack, personId, variantId);
  const placed = await orderApi(customer).checkout({ cartId: Cart });
  if (!placed.order) throw new Error(`checkout failed: ${JSON.stringify(placed.userErrors)}`);
  if (!paid) return placed.order.id;
  await payWith(stack, placed.paymentClientSecret!);
  await until('the order paid', async () => (await orderApi(customer).order(placed.order!.id))?.status, (status) => status === 'PAID');
  return placed.order.id;
}

/** Everything the rows name, made once: the owner's cart, paid order and subscription, and the staff's objects. */
export async function createWorld(stack: TestStack): Promise<World> {
  const owner = 'matrix-owner';
  const orderSql = new pg.Pool({ connectionString: stack.databaseUrl, max: 2, options: '-c search_path="order"' });
  const subscriptionSql = new pg.Pool({ connectionString: stack.databaseUrl, max: 2, options: '-c search_path="subscription"' });
  const catalog = await product(stack);
  const { createCategory } = await stack.admin.query<{ createCategory: { category: { id: string } } }>(
    `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { category { id } } }`,
    { input: { slug: unique('matrix-category'), name: 'Matrix' } },
  );
  const { importCatalog } = await stack.admin.query<{ importCatalog: { import: { id: string } } }>(
    `mutation($input: ImportCatalogInput!) { importCatalog(input: $input) { import { id } } }`,
    { input: { csv: 'product_slug,product_name,sku,price,currency\nmatrix-world,Matrix world,MATRIX-WORLD-1,1000,USD\n', dryRun: true } },
  );
  const synonym = await searchSynonymOf(stack);
  const promotionCode = unique('MATRIX').replace('-', '').toUpperCase();
  const promotion = await createPromotion(stack, { name: 'Matrix ten percent', code: promotionCode, discountType: 'PERCENTAGE', percentOff: 10 });
  const partnerCode = unique('MXPARTNER').replace('-', '').toUpperCase();
  const partner = await affiliateAdmin(stack.admin).createOk({ code: partnerCode, name: 'Matrix partner', commissionRate: 1000 });
  const plan = (await planApi(stack.admin).createOk({ name: unique('Matrix plan'), price: { amount: 1999, currencyCode: 'USD' }, interval: 'MONTHLY', items: [{ variantId: catalog.ProductVariant, quantity: 1 }] })).plan!;
  // The owner's order first: checkout uses up the cart it came from, and the cart the rows name stays ACTIVE.
  const order = await orderOf(stack, owner, catalog.ProductVariant!, true);
  const cart = await cartOf(stack, owner, catalog.ProductVariant!);
  const subscription = await insertSubscription(subscriptionSql, { personId: owner, planId: plan.id });
  const objects = {
    ...catalog,
    ...cart,
    Category: createCategory.category.id,
    CatalogImport: importCatalog.import.id,
    SearchSynonym: synonym,
    Order: order,
    Promotion: promotion,
    promotionCode,
    AffiliatePartner: partner.id,
    partnerCode,
    SubscriptionPlan: plan.id,
    CustomerSubscription: subscription,
  };
  return { stack, orderSql, subscriptionSql, shared: { owner, objects } };
}

/** An admin's search synonym rule. */
async function searchSynonymOf(stack: TestStack): Promise<string> {
  const { createSearchSynonym } = await stack.admin.query<{ createSearchSynonym: { synonym: { id: string } } }>(
    `mutation($input: SearchSynonymInput!) { createSearchSynonym(input: $input) { synonym { id } } }`,
    { input: { kind: 'TWO_WAY', terms: [unique('matrix'), unique('matrix')] } },
  );
  return createSearchSynonym.synonym.id;
}

/** Moves an order straight to a later status in SQL, as its fulfilment would have (the lifecycle's own tests walk those edges). */
async function advance(world: World, orderId: string, status: 'DELIVERED' | 'RETURN_REQUESTED') {
  await world.orderSql.query(`UPDATE "order" SET status = $2, delivered_at = now() - interval '1 day' WHERE id = $1`, [rawOrderId(orderId), status]);
}

/** Objects a call uses up (cancels, archives, removes, checks out), made afresh for each principal; a fresh order or cart has a fresh owner. */
const FRESH: Record<string, (world: World) => Promise<Partial<Scene> & { objects: Record<string, string> }>> = {
  cart: async ({ stack, shared }) => {
    const owner = unique('matrix-owner');
    const objects = await cartOf(stack, owner, shared.objects.ProductVariant!);
    await cartApi(await stack.as(owner, 'customer')).applyCode(objects.Cart, shared.objects.promotionCode!);
    return { owner, objects };
  },
  pendingOrder: async ({ stack, shared }) => {
    const owner = unique('matrix-owner');
    return { owner, objects: { Order: await orderOf(stack, owner, shared.objects.ProductVariant!, false) } };
  },
  paidOrder: async ({ stack, shared }) => {
    const owner = unique('matrix-owner');
    return { owner, objects: { Order: await orderOf(stack, owner, shared.objects.ProductVariant!, true) } };
  },
  deliveredOrder: async (world) => {
    const fresh = await FRESH.paidOrder!(world);
    await advance(world, fresh.objects.Order!, 'DELIVERED');
    return fresh;
  },
  returnRequestedOrder: async (world) => {
    const fresh = await FRESH.paidOrder!(world);
    await advance(world, fresh.objects.Order!, 'RETURN_REQUESTED');
    return fresh;
  },
  activeSubscription: async ({ subscriptionSql, shared }) => ({
    objects: { CustomerSubscription: await insertSubscription(subscriptionSql, { personId: shared.owner, planId: shared.objects.SubscriptionPlan! }) },
  }),
  pausedSubscription: async ({ subscriptionSql, shared }) => ({
    objects: { CustomerSubscription: await insertSubscription(subscriptionSql, { personId: shared.owner, planId: shared.objects.SubscriptionPlan!, status: 'PAUSED' }) },
  }),
  product: async ({ stack }) => ({ objects: await product(stack) }),
  searchSynonym: async ({ stack }) => ({ objects: { SearchSynonym: await searchSynonymOf(stack) } }),
  promotion: async ({ stack }) => ({ objects: { Promotion: await createPromotion(stack, { name: 'Matrix fresh', code: unique('MXFRESH').replace('-', '').toUpperCase(), discountType: 'PERCENTAGE', percentOff: 5 }) } }),
  partner: async ({ stack }) => ({ objects: { AffiliatePartner: (await affiliateAdmin(stack.admin).createOk({ code: unique('MXFRESH').replace('-', '').toUpperCase(), name: 'Matrix fresh', commissionRate: 100 })).id } }),
};

/** Which operations get a fresh object per principal, and of what kind. */
const FRESH_FOR: Record<string, keyof typeof FRESH> = {
  'Mutation.removeCartLine': 'cart',
  'Mutation.removeCartLines': 'cart',
  'Mutation.removePromotionCode': 'cart',
  'Mutation.checkout': 'cart',
  'Mutation.cancelOrder': 'pendingOrder',
  'Mutation.updateOrderProduction': 'paidOrder',
  'Mutation.refundOrder': 'paidOrder',
  'Mutation.requestReturn': 'deliveredOrder',
  'Mutation.completeReturn': 'returnRequestedOrder',
  'Mutation.pauseSubscription': 'activeSubscription',
  'Mutation.cancelSubscription': 'activeSubscription',
  'Mutation.skipNextSubscriptionPeriod': 'activeSubscription',
  'Mutation.resumeSubscription': 'pausedSubscription',
  'Mutation.archiveProduct': 'product',
  'Mutation.removeProductImage': 'product',
  'Mutation.deleteSearchSynonym': 'searchSynonym',
  'Mutation.deactivatePromotion': 'promotion',
  'Mutation.deactivateAffiliatePartner': 'partner',
  'Mutation.erasePersonalData': 'cart',
};

/** The scene one call runs in: the shared objects, with a fresh one over them where the operation uses one up. */
export async function sceneFor(world: World, key: string): Promise<Scene> {
  const kind = FRESH_FOR[key];
  if (!kind) return world.shared;
  const fresh = await FRESH[kind]!(world);
  return { owner: fresh.owner ?? world.shared.owner, objects: { ...world.shared.objects, ...fresh.objects } };
}

/** The owner's objects named by a scene as staff see them: what a write by anyone else must leave as it was. */
export async function ownedState(stack: TestStack, scene: Scene): Promise<unknown> {
  const { Cart, Order, CustomerSubscription } = scene.objects;
  return ok(
    stack.admin.request(
      `query($cart: ID!, $order: ID!, $subscription: ID!) {
        cart(id: $cart) { status appliedCodes affiliateCode lines { id quantity } updatedAt }
        order(id: $order) { status history { to actor } refunds { amount { amount } } shipping { provider trackingNumber status } }
        customerSubscription(id: $subscription) { status quantity cancelAtPeriodEnd skipsNextPeriod pendingChange { quantity } history { kind actor } }
      }`,
      { cart: Cart, order: Order, subscription: CustomerSubscription },
    ),
  );
}

export interface Observation {
  verdict: Verdict | 'unclear';
  /** Why: the refusal's code, or what came back. */
  detail: string;
}

const DENIED = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);
/** An ILLEGAL_TRANSITION whose guard refused the caller (lib/state-machine.ts words it "…: only <who> may do this, not <caller>"). */
const REFUSED_ACTOR = /: only .+ may do this, not /;

/** Allowed or denied, from an HTTP answer: errors, a null answer about the owner's object, or userErrors. */
export function classify(op: Operation, res: GraphQLResponse<Record<string, unknown>>): Observation {
  const codes = (res.errors ?? []).map((e) => e.extensions?.code ?? e.message);
  if (codes.length > 0) return codes.every((c) => DENIED.has(c)) ? { verdict: 'deny', detail: codes.join(',') } : { verdict: 'unclear', detail: JSON.stringify(res.errors) };
  const answer = res.data?.[op.field];
  const empty = answer === null || (Array.isArray(answer) && answer.length > 0 && answer.every((a) => a === null));
  if (empty) return op.namesOwned ? { verdict: 'deny', detail: 'null' } : { verdict: 'allow', detail: 'null, nothing of the caller' };
  const userErrors = (answer as { userErrors?: { code: string; message: string }[] } | null)?.userErrors ?? [];
  if (userErrors.some((e) => e.code === 'RATE_LIMITED')) return { verdict: 'unclear', detail: 'RATE_LIMITED' };
  const refusal = userErrors.find((e) => e.code.endsWith('NOT_FOUND') || (e.code === 'ILLEGAL_TRANSITION' && REFUSED_ACTOR.test(e.message)));
  if (refusal) return { verdict: 'deny', detail: `${refusal.code}: ${refusal.message}` };
  return { verdict: 'allow', detail: userErrors.length > 0 ? `ran, ${userErrors.map((e) => e.code).join(',')}` : 'answered' };
}

export async function callHttp(stack: TestStack, token: string | null, op: Operation): Promise<{ observation: Observation; body: unknown }> {
  const res = await graphqlClient(stack.gatewayUrl, token).request<Record<string, unknown>>(op.document, op.variables);
  return { observation: classify(op, res), body: res };
}

const openSubscriptions = async (stack: TestStack) => {
  const text = await (await fetch(new URL('/metrics', stack.gatewayUrl))).text();
  return Number(text.split('\n').find((line) => /^graphql_subscriptions[ {]/.test(line))?.split(' ').at(-1) ?? 0);
};

/**
 * Allowed or denied, over graphql-ws: the socket closed or the subscription refused is a denial;
 * a first message (orderStatusChanged's snapshot), or for a quiet subscription (myOrderUpdates
 * sends nothing until a change) the gateway counting it as open, is an allowance.
 */
export async function callSubscription(stack: TestStack, token: string | null, op: Operation): Promise<{ observation: Observation; body: unknown }> {
  const connection = subscriber(stack.gatewayUrl, token);
  let closed: { code: number; reason: string } | null = null;
  void connection.closed.then((c) => (closed = c));
  const received = connection.subscribe(op.document, op.variables);
  let observation: Observation | null = null;
  try {
    for (const deadline = Date.now() + 15_000; !observation && Date.now() < deadline; await new Promise((r) => setTimeout(r, 25))) {
      // A refused connection also errors the subscription, with the close reason and no code: the close decides.
      const codes = (received.errors ?? []).map((e) => e.extensions?.code);
      if (closed) {
        const { code, reason } = closed as { code: number; reason: string };
        observation = code === 4401 || code === 4403 ? { verdict: 'deny', detail: `closed ${code}: ${reason}` } : { verdict: 'unclear', detail: `closed ${code}: ${reason}` };
      } else if (codes.length > 0 && codes.every((c) => c && DENIED.has(c))) observation = { verdict: 'deny', detail: codes.join(',') };
      else if (codes.length > 0 && Date.now() > deadline - 10_000) observation = { verdict: 'unclear', detail: JSON.stringify(received.errors) };
      else if (received.messages.length > 0) observation = { verdict: 'allow', detail: 'first message' };
      // The gateway listens before it checks who may follow an order: only a quiet subscription counts as accepted when open.
      else if (op.quiet && (await openSubscriptions(stack)) > 0) observation = { verdict: 'allow', detail: 'subscription open' };
    }
    return { observation: observation ?? { verdict: 'unclear', detail: 'no answer within 15 s' }, body: { messages: received.messages, errors: received.errors, closed } };
  } finally {
    await connection.dispose();
    await until('the subscription closed', () => openSubscriptions(stack), (open) => open === 0);
  }
}

/** The owner's object ids in an answer given to someone else: each one is a leak. */
export function leakedIds(scene: Scene, body: unknown): string[] {
  const text = JSON.stringify(body);
  return OWNED_TYPES.map((t) => scene.objects[t]).filter((id): id is string => Boolean(id) && text.includes(id!));
}
