// Shipping and tax rate tables: subgraphs/cart/rates.json unless CART_RATES_FILE names another
// file. Read and checked once at start-up; a bad table stops the service with the reason.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isKnownCurrency } from '../../lib/money.js';
import defaults from './rates.json' with { type: 'json' };

export const SHIPPING_METHODS = ['STANDARD', 'EXPRESS'] as const;
export type ShippingMethod = (typeof SHIPPING_METHODS)[number];

const amount = z.number().int().min(0).max(100_000_000);
const basisPoints = z.number().int().min(0).max(10_000);
const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code');

const methodRate = z.object({
  /** Price for countries not listed; without it the method does not ship there. */
  default: amount.optional(),
  countries: z.record(country, amount).default({}),
  /** Free when the merchandise subtotal (before discounts) reaches this amount. */
  freeOver: amount.optional(),
});

const taxRate = z.object({ rate: basisPoints, shippingTaxable: z.boolean().optional() });

const rateTablesSchema = z
  .object({
    defaultDestination: z.object({ country, region: z.string().min(1).optional() }),
    shipping: z.record(
      z.string().refine((code): boolean => isKnownCurrency(code), 'must be an ISO 4217 currency code'),
      z.partialRecord(z.enum(SHIPPING_METHODS), methodRate),
    ),
    tax: z.record(country, taxRate.extend({ shippingTaxable: z.boolean().default(false), regions: z.record(z.string(), taxRate).default({}) })),
  })
  .superRefine((tables, ctx) => {
    // The cart's estimate uses STANDARD to the default destination in every currency it accepts.
    const to = tables.defaultDestination.country;
    for (const [currency, methods] of Object.entries(tables.shipping)) {
      const standard = methods.STANDARD;
      if (!standard || (standard.countries[to] === undefined && standard.default === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['shipping', currency, 'STANDARD'], message: `must price the default destination ${to}` });
      }
    }
  });

export type RateTables = z.infer<typeof rateTablesSchema>;
export interface Destination {
  country: string;
  region?: string | null;
}

export function parseRateTables(json: unknown, source = 'rate tables'): RateTables {
  const parsed = rateTablesSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid ${source}:\n${issues}`);
  }
  return parsed.data;
}

export function loadRateTables(file?: string): RateTables {
  if (!file) return parseRateTables(defaults, 'subgraphs/cart/rates.json');
  return parseRateTables(JSON.parse(readFileSync(file, 'utf8')), file);
}
