// Resolver types generated from each subgraph's SDL: `npm run codegen` writes them,
// `npm run codegen:check` (part of `npm test`) fails when they are stale.
import type { CodegenConfig } from '@graphql-codegen/cli';
import { subgraphSchemaFiles } from './lib/subgraph-schema.js';
import type { SubgraphName } from './lib/subgraph-names.js';

const common = {
  federation: true,
  useIndexSignature: true,
  useTypeImports: true,
  enumsAsTypes: true,
  contextType: '../../../lib/resolver-context.js#RequestContext',
  scalars: { ID: 'string', DateTime: { input: 'Date', output: 'Date' }, SafeInt: 'number', URL: 'string', CountryCode: 'string' },
  avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
};

const mappers: Record<string, Record<string, string>> = {
  catalog: {
    Product: '../models.js#ProductRow',
    ProductVariant: '../models.js#VariantView',
    Category: '../models.js#CategoryRow',
    ProductImage: '../models.js#ImageView',
    ProductOption: '../models.js#OptionRow',
    Inventory: '../models.js#InventoryRow',
    InventoryReservation: '../models.js#ReservationRow',
    Money: '../../../lib/money.js#Money as MoneyValue',
    ProductConnection: '../models.js#ProductConnectionRow',
    CategoryFacet: '../models.js#CategoryFacetRow',
    ProductFacets: '../product-search.js#ProductQuery',
    CatalogImport: '../models.js#CatalogImportRow',
  },
  cart: {
    Cart: '../models.js#CartRow',
    CartLine: '../models.js#CartLineView',
    CartWarning: '../validation.js#CartWarning as CartWarningView',
    CartCheckout: '../checkout.service.js#CheckoutView',
    Money: '../../../lib/money.js#Money as MoneyValue',
  },
  order: {
    Order: '../models.js#OrderRow',
    OrderLine: '../models.js#OrderLineRow',
    OrderDiscount: '../models.js#OrderDiscountRow',
    OrderHistoryEntry: '../models.js#OrderHistoryRow',
    Payment: '../models.js#PaymentRow',
    Shipment: '../prisma-client/client.js#Shipment as ShipmentRow',
    OrderRefund: '../models.js#RefundRow',
    OrderConnection: '../models.js#OrderConnectionRow',
    Money: '../../../lib/money.js#Money as MoneyValue',
  },
  subscription: {
    SubscriptionPlan: '../models.js#PlanRow',
    SubscriptionPlanItem: '../models.js#PlanItemRow',
    CustomerSubscription: '../models.js#SubscriptionRow',
    CustomerSubscriptionConnection: '../models.js#SubscriptionConnectionRow',
    SubscriptionPeriod: '../models.js#PeriodView',
    SubscriptionChange: '../models.js#SubscriptionChangeView',
    SubscriptionHistoryEntry: '../models.js#SubscriptionEventRow',
    Money: '../../../lib/money.js#Money as MoneyValue',
  },
  promotion: {
    Promotion: '../models.js#PromotionRow',
    PromotionConnection: '../models.js#PromotionConnectionRow',
    AffiliatePartner: '../affiliates/models.js#AffiliatePartnerRow',
    AffiliatePartnerConnection: '../affiliates/models.js#AffiliatePartnerConnectionRow',
    AffiliateClick: '../affiliates/models.js#AffiliateClickRow',
    AffiliateAttribution: '../affiliates/models.js#AffiliateAttributionRow',
    AffiliateReport: '../affiliates/models.js#AffiliateReportRow',
    Money: '../../../lib/money.js#Money as MoneyValue',
  },
};

/** Subgraphs whose resolvers see a context of their own (services, loaders). */
const contexts: Record<string, string> = {
  catalog: '../context.js#CatalogContext',
  promotion: '../context.js#PromotionContext',
  subscription: '../context.js#SubscriptionContext',
};

const config: CodegenConfig = {
  overwrite: true,
  hooks: { afterOneFileWrite: [] },
  generates: Object.fromEntries(
    Object.entries(mappers).map(([name, map]) => [
      `subgraphs/${name}/generated/resolvers-types.ts`,
      {
        schema: subgraphSchemaFiles(name as SubgraphName, 'schema'),
        plugins: [{ add: { content: `/* Generated from schema/${name}*.graphql by \`npm run codegen\`: do not edit. */` } }, 'typescript', 'typescript-resolvers'],
        config: { ...common, mappers: map, ...(contexts[name] ? { contextType: contexts[name] } : {}) },
      },
    ]),
  ),
};

export default config;
