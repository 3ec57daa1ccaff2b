// The authorization matrix's documents: every public operation read from the composed API schema
// (schema/api.graphql), its arguments generated from their types, an ID argument getting the
// scene's object of the type its @globalId mark names (read from the subgraphs' SDL), and a few
// per-operation overrides where a minimal valid input needs more than its types say.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { globalIdTypeOf } from '../lib/global-id-schema.js';
import { SCHEMA_DIR, subgraphTypeDefs } from '../lib/subgraph-schema.js';
import { SUBGRAPHS } from '../lib/subgraph-names.js';
import { ADDRESS } from '../subgraphs/order/order-fixtures.js';

export const ROOTS = ['Query', 'Mutation', 'Subscription'] as const;
export type Root = (typeof ROOTS)[number];

/** Whose objects a call is about, and the ids it may name: a global id per type, plus `promotionCode` and `partnerCode`. */
export interface Scene {
  owner: string;
  objects: Record<string, string>;
}

export interface Operation {
  /** `Root.field`, or `Root.field#case` for another argument set of the same field. */
  key: string;
  root: Root;
  field: string;
  document: string;
  variables: Record<string, unknown>;
  /** Whether an argument names one of the owner's objects: then a null answer is a refusal, not an empty result. */
  namesOwned: boolean;
  /** A subscription that sends nothing until a change: the gateway counting it open is its acceptance. */
  quiet: boolean;
}

const api: GraphQLSchema = buildSchema(readFileSync(path.join(SCHEMA_DIR, 'api.graphql'), 'utf8'));
// The subgraphs' own schemas keep the @globalId marks, which composition leaves out of the API schema.
const subgraphs = SUBGRAPHS.map((name) => buildSubgraphSchema({ typeDefs: parse(subgraphTypeDefs(name)) }));

const rootType = (schema: GraphQLSchema, root: Root) => (root === 'Query' ? schema.getQueryType() : root === 'Mutation' ? schema.getMutationType() : schema.getSubscriptionType());

/** Every Query, Mutation and Subscription field of the public API, as `Root.field`. */
export function publicOperations(): string[] {
  return ROOTS.flatMap((root) => Object.keys(rootType(api, root)?.getFields() ?? {}).map((field) => `${root}.${field}`));
}

/** Types whose objects belong to a customer: an answer naming one of the owner's must never reach another customer. */
export const OWNED_TYPES = ['Cart', 'CartLine', 'Order', 'CustomerSubscription'];

let serial = 0;
const tag = () => `${process.pid.toString(36)}${(++serial).toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

type Args = (scene: Scene) => Record<string, unknown>;
interface Case {
  /** Argument values that replace the generated ones (an argument generated as omitted may be given here). */
  args?: Args;
  /** The selection, when the generated one (ids, typenames, userErrors) does not do. */
  selection?: string;
  /** See Operation.quiet. */
  quiet?: boolean;
}

const money = (amount: number) => ({ amount, currencyCode: 'USD' });
const code = (prefix: string) => `${prefix}${tag()}`.toUpperCase();
const day = 86_400_000;

/** Minimal valid inputs and argument sets that the types alone do not give. */
const CASES: Record<string, Case> = {
  'Query.products': { args: () => ({ first: 5 }) },
  'Query.products#inactive': { args: () => ({ first: 5, filter: { active: false } }) },
  'Query.product': { args: (s) => ({ id: s.objects.Product }) },
  'Query.category': { args: (s) => ({ id: s.objects.Category }) },
  'Query.node': { args: (s) => ({ id: s.objects.Cart }), selection: '__typename id ... on Cart { status }' },
  'Query.nodes': { args: (s) => ({ ids: [s.objects.Cart, s.objects.Order] }), selection: '__typename id ... on Cart { cartStatus: status } ... on Order { orderStatus: status }' },
  'Query.affiliateReport': { args: () => ({ from: new Date(Date.now() - day).toISOString(), to: new Date(Date.now() + day).toISOString() }) },
  'Query.subscriptionPlans#inactive': { args: () => ({ includeInactive: true }) },
  'Mutation.createProduct': {
    args: () => {
      const slug = `matrix-${tag()}`;
      return { input: { slug, name: `Matrix ${slug}`, variants: [{ sku: slug.toUpperCase(), price: money(1200), onHand: 5 }] } };
    },
  },
  'Mutation.updateProduct': { args: () => ({ input: { description: `Described by the matrix ${tag()}` } }) },
  'Mutation.addProductOption': { args: () => ({ input: { name: `Finish ${tag()}`, values: ['Matte'] } }) },
  'Mutation.updateProductOption': { args: () => ({ input: { name: 'Size', values: ['S', 'M'] } }) },
  'Mutation.addProductVariant': { args: () => ({ input: { sku: code('MATRIX-'), price: money(1500), options: [{ name: 'Size', value: 'M' }] } }) },
  'Mutation.updateProductVariant': { args: () => ({ input: { title: `Matrix ${tag()}` } }) },
  'Mutation.addProductImage': { args: () => ({ input: { url: `https://images.example/${tag()}.png` } }) },
  'Mutation.updateProductImage': { args: () => ({ input: { url: `https://images.example/${tag()}.png` } }) },
  'Mutation.createCategory': { args: () => ({ input: { slug: `matrix-${tag()}`, name: 'Matrix category' } }) },
  'Mutation.updateCategory': { args: () => ({ input: { name: `Matrix category ${tag()}` } }) },
  'Mutation.createSearchSynonym': { args: () => ({ input: { kind: 'TWO_WAY', terms: [`matrix ${tag()}`, `matrix ${tag()}`] } }) },
  'Mutation.updateSearchSynonym': { args: () => ({ input: { kind: 'ONE_WAY', terms: [`matrix ${tag()}`, `matrix ${tag()}`] } }) },
  'Mutation.importCatalog': { args: () => ({ input: { csv: 'product_slug,product_name,sku,price,currency\nmatrix-import,Matrix import,MATRIX-IMPORT-1,1000,USD\n', dryRun: true } }) },
  'Mutation.checkout': { args: (s) => ({ input: { cartId: s.objects.Cart, shippingAddress: ADDRESS, shippingMethod: 'STANDARD', idempotencyKey: `matrix-${tag()}` } }) },
  'Mutation.updateOrderShipping': { args: () => ({ input: { provider: 'UPS', trackingNumber: `1Z${tag()}` } }) },
  'Mutation.completeReturn': { args: () => ({ refund: money(0) }) },
  'Mutation.createPromotion': { args: () => ({ input: { name: 'Matrix percent', code: code('MX'), discountType: 'PERCENTAGE', percentOff: 5 } }) },
  'Mutation.updatePromotion': { args: () => ({ input: { name: `Matrix ${tag()}` } }) },
  'Mutation.createAffiliatePartner': { args: () => ({ input: { code: code('MXP'), name: 'Matrix partner', commissionRate: 500 } }) },
  'Mutation.updateAffiliatePartner': { args: () => ({ input: { name: `Matrix partner ${tag()}` } }) },
  'Mutation.recordAffiliateClick': { args: (s) => ({ input: { code: s.objects.partnerCode, url: 'https://shop.example/landing' } }) },
  'Mutation.recordOutboundReferral': { args: (s) => ({ input: { partnerId: s.objects.AffiliatePartner, externalRef: `matrix-${tag()}`, revenue: money(5000) } }) },
  'Mutation.createSubscriptionPlan': {
    args: (s) => ({ input: { name: `Matrix plan ${tag()}`, price: money(1900), interval: 'MONTHLY', items: [{ variantId: s.objects.ProductVariant, quantity: 1 }] } }),
  },
  'Mutation.updateSubscriptionPlan': { args: () => ({ input: { description: `Matrix ${tag()}` } }) },
  'Mutation.subscribe': { args: (s) => ({ input: { planId: s.objects.SubscriptionPlan, shippingAddress: ADDRESS, paymentMethodId: 'pm_card_visa', idempotencyKey: `matrix-${tag()}` } }) },
  'Mutation.changeSubscription': { args: () => ({ input: { quantity: 2 } }) },
  'Query.personalDataErasure': { args: (s) => ({ personId: s.owner }) },
  'Mutation.erasePersonalData': { args: (s) => ({ input: { personId: s.owner, reason: 'authorization matrix' } }) },
  'Subscription.orderStatusChanged': { selection: 'status snapshot' },
  'Subscription.myOrderUpdates': { selection: 'status snapshot', quiet: true },
};

/** Values of required arguments and input fields by name, where the type's default would not do. */
const NAMED: Record<string, (scene: Scene) => unknown> = {
  code: (s) => s.objects.promotionCode,
  reason: () => 'authorization matrix',
  paymentMethodId: () => 'pm_card_mastercard',
  quantity: () => 1,
  onHand: () => 40,
  delta: () => 1,
};

const SCALARS: Record<string, () => unknown> = {
  String: () => `matrix ${tag()}`,
  Int: () => 1,
  SafeInt: () => 1000,
  Boolean: () => true,
  Float: () => 1,
  URL: () => 'https://example.com/matrix',
  DateTime: () => new Date().toISOString(),
  CurrencyCode: () => 'USD',
  CountryCode: () => 'US',
};

/** The cases the data file may name: each public operation, and the extra argument sets above. */
export const caseKeys = (): string[] => [...new Set([...publicOperations(), ...Object.keys(CASES)])];

/** The subgraph field behind a public root field, which carries the @globalId marks. */
function declared(root: Root, field: string): GraphQLField<unknown, unknown> {
  for (const schema of subgraphs) {
    const found = rootType(schema, root)?.getFields()[field];
    if (found) return found;
  }
  throw new Error(`${root}.${field} is in schema/api.graphql but in no subgraph's SDL`);
}

function valueOf(type: GraphQLInputType, marked: GraphQLArgument | GraphQLInputField, scene: Scene, owned: { named: boolean }): unknown {
  if (isNonNullType(type)) return valueOf(type.ofType, marked, scene, owned);
  if (isListType(type)) return [valueOf(type.ofType, marked, scene, owned)];
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type));
    return Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, f, scene, owned)]));
  }
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (type.name === 'ID') {
    const idType = globalIdTypeOf(marked);
    if (!idType) throw new Error(`${marked.name}: an ID without @globalId needs a case in authorization-matrix-args.ts`);
    const id = scene.objects[idType];
    if (!id) throw new Error(`${marked.name}: the scene has no ${idType}`);
    if (OWNED_TYPES.includes(idType)) owned.named = true;
    return id;
  }
  const named = NAMED[marked.name];
  if (named) return named(scene);
  const scalar = SCALARS[type.name];
  if (!scalar) throw new Error(`${marked.name}: no value for the scalar ${type.name}`);
  return scalar();
}

/** Ids, typenames, counts and userErrors: enough to tell an answer from a refusal, and nothing staff-only. */
function selectionOf(type: GraphQLOutputType, followAll = false): string {
  const named = getNamedType(type);
  if (!isObjectType(named) && !isInterfaceType(named)) return '';
  const fields = named.getFields();
  const parts = ['__typename'];
  if (fields.id) parts.push('id');
  if (fields.totalCount) parts.push('totalCount');
  if (named.getInterfaces().some((i) => i.name === 'UserError')) parts.push('field message code');
  for (const f of Object.values(fields)) {
    if (f.args.some((a) => isNonNullType(a.type))) continue;
    if (!(followAll || ['edges', 'node', 'userErrors'].includes(f.name))) continue;
    const inner = selectionOf(f.type);
    if (inner) parts.push(`${f.name} { ${inner} }`);
  }
  return parts.join(' ');
}

/** The document and variables that call `key` on the scene's objects. */
export function operationFor(key: string, scene: Scene): Operation {
  const [name, variant] = key.split('#') as [string, string | undefined];
  const [root, field] = name.split('.') as [Root, string];
  const apiField = rootType(api, root)?.getFields()[field];
  if (!apiField) throw new Error(`${name} is not in schema/api.graphql`);
  if (variant && !CASES[key]) throw new Error(`${key}: no such case in authorization-matrix-args.ts`);
  const spec = CASES[key] ?? {};
  const owned = { named: false };
  const overrides = spec.args?.(scene) ?? {};
  const variables: Record<string, unknown> = {};
  for (const arg of declared(root, field).args) {
    if (arg.name in overrides) variables[arg.name] = overrides[arg.name];
    else if (isNonNullType(arg.type)) variables[arg.name] = valueOf(arg.type, arg, scene, owned);
  }
  const ownedIds = OWNED_TYPES.map((t) => scene.objects[t]).filter(Boolean);
  if (ownedIds.some((id) => JSON.stringify(overrides).includes(JSON.stringify(id)))) owned.named = true;
  const argsOf = apiField.args.filter((a) => a.name in variables);
  const definitions = argsOf.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = argsOf.length > 0 ? `${field}(${argsOf.map((a) => `${a.name}: $${a.name}`).join(', ')})` : field;
  const selection = spec.selection ?? selectionOf(apiField.type, apiField.type.toString().endsWith('Payload!'));
  const operation = root.toLowerCase();
  const document = `${operation} Matrix${definitions ? `(${definitions})` : ''} { ${call}${selection ? ` { ${selection} }` : ''} }`;
  return { key, root, field, document, variables, namesOwned: owned.named, quiet: spec.quiet ?? false };
}
