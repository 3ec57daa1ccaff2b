// A cart's lines priced as of now: current catalog prices and stock, the promotions' verdict on
// the applied codes (and automatic promotions), shipping and tax, all through priceCart.
import DataLoader from 'dataloader';
import { money } from '../../lib/money.js';
import type { Logger } from '../../lib/logger.js';
import type { CatalogClient, CatalogVariant } from './catalog.js';
import type { CartLineView, CartRow } from './models.js';
import { priceCart, shippingFor, subtotalOf, type CartTotals } from './pricing.js';
import type { PrismaClient } from './prisma-client/client.js';
import { NO_PROMOTIONS, type PromotionEvaluation, type PromotionsClient } from './promotions.js';
import type { Destination, RateTables, ShippingMethod } from './rates.js';
import { codeWarnings, priceableLines, type CartWarning, type StoredLine } from './validation.js';
import { linesOf } from './cart-reads.js';

export interface CartQuote {
  lines: CartLineView[];
  totals: CartTotals;
  warnings: CartWarning[];
  evaluation: PromotionEvaluation;
}

export interface QuoteDeps {
  promotions: PromotionsClient;
  /**
   * How many automatic promotions could apply, as the promotion context last published it (null:
   * unknown). A cart without codes asks the promotions only when it is not 0. Without it, always.
   */
  automaticPromotions?: () => Promise<number | null>;
  rates: RateTables;
  log: Logger;
}

export interface QuoteRequest {
  cart: Pick<CartRow, 'id' | 'personId' | 'currency' | 'appliedCodes'>;
  lines: StoredLine[];
  variants: ReadonlyMap<string, CatalogVariant | null>;
  /** Codes to evaluate; the cart's applied codes unless given (applyPromotionCode tries one more). */
  codes?: string[];
  shipping?: { method: ShippingMethod; destination: Destination };
  /**
   * An estimate may go on without the promotion service (no discounts, and a warning says so);
   * a decision that depends on the promotions (applying a code, checkout) may not.
   */
  promotionsOptional: boolean;
  /** The catalog did not answer: nothing can be priced, and the lines show the prices last seen. */
  catalogUnavailable?: boolean;
}

export async function quoteCart(deps: QuoteDeps, request: QuoteRequest): Promise<CartQuote> {
  const { cart, lines, variants } = request;
  const currencyCode = cart.currency;
  const codes = request.codes ?? cart.appliedCodes;
  const shipping = request.shipping ?? { method: 'STANDARD' as const, destination: deps.rates.defaultDestination };
  const { priced, warnings } = request.catalogUnavailable
    ? { priced: [], warnings: [{ code: 'CATALOG_UNAVAILABLE' as const, message: 'prices and stock cannot be checked right now; the lines show the prices last seen and are not in these totals' }] }
    : priceableLines(lines, variants, currencyCode);

  let evaluation = NO_PROMOTIONS;
  if (!request.catalogUnavailable && (codes.length > 0 || (priced.length > 0 && (await automaticMayApply(deps))))) {
    const shippingAmount = shippingFor(deps.rates, currencyCode, shipping.method, shipping.destination, subtotalOf(priced));
    try {
      evaluation = await deps.promotions.evaluate({ personId: cart.personId, currencyCode, codes, lines: priced, shippingAmount });
    } catch (err) {
      if (!request.promotionsOptional) throw err;
      deps.log.warn({ err, cartId: cart.id }, 'promotions unavailable; cart priced without them');
      warnings.push({ code: 'PROMOTIONS_UNAVAILABLE', message: 'discounts cannot be worked out right now; they are not in these totals' });
    }
  }
  if (!request.catalogUnavailable) warnings.push(...codeWarnings(codes, evaluation.codeResults));

  const totals = priceCart({ currencyCode, lines: priced, promotions: evaluation, shipping, rates: deps.rates });
  const byLine = new Map(totals.lines.map((l) => [l.lineId, l]));
  const views = lines.map((line): CartLineView => {
    const v = variants.get(line.variantId);
    const unit = v && v.price.currencyCode === currencyCode ? v.price.amount : line.seenUnitPrice;
    const total = byLine.get(line.id);
    return {
      id: line.id,
      variantId: line.variantId,
      quantity: line.quantity,
      unitPrice: money(unit, currencyCode),
      lineTotal: money(total?.lineTotal ?? unit * line.quantity, currencyCode),
      discountTotal: money(total?.discountTotal ?? 0, currencyCode),
    };
  });
  return { lines: views, totals, warnings, evaluation };
}

/** Per-request batching: every cart line of a request costs one catalog call and one query. */
export function createCartLoaders(db: PrismaClient, catalog: CatalogClient) {
  return {
    variant: new DataLoader<string, CatalogVariant | null>((ids) => catalog.variants(ids)),
    lines: new DataLoader<string, StoredLine[]>(async (cartIds) => {
      const rows = await linesOf(db, cartIds);
      return cartIds.map((id) => rows.filter((r) => r.cartId === id));
    }),
  };
}

export type CartLoaders = ReturnType<typeof createCartLoaders>;

/** The catalog as the request's loaders ask it: what one step asked, the next finds answered. */
export function requestCatalog(loaders: CartLoaders): CatalogClient {
  return {
    async variants(ids) {
      const found = await loaders.variant.loadMany(ids);
      const failure = found.find((v): v is Error => v instanceof Error);
      if (failure) throw failure;
      return found as (CatalogVariant | null)[];
    },
  };
}

/**
 * Everything quoteCart needs for a cart, read through the request's loaders. When the catalog does
 * not answer, the cart is still shown (its lines at the prices last seen, out of the totals).
 */
export async function readForQuote(loaders: CartLoaders, cartId: string, log: Logger): Promise<Pick<QuoteRequest, 'lines' | 'variants' | 'catalogUnavailable'>> {
  const lines = await loaders.lines.load(cartId);
  const found = await loaders.variant.loadMany(lines.map((l) => l.variantId));
  const failure = found.find((v): v is Error => v instanceof Error);
  if (failure) {
    log.warn({ err: failure, cartId }, 'catalog unavailable; cart shown without prices');
    return { lines, variants: new Map(), catalogUnavailable: true };
  }
  const variants = new Map<string, CatalogVariant | null>();
  lines.forEach((l, i) => variants.set(l.variantId, (found[i] as CatalogVariant | null) ?? null));
  return { lines, variants };
}

/** Whether an automatic promotion could apply to a cart without codes: unless the promotion context says there is none. */
async function automaticMayApply(deps: QuoteDeps): Promise<boolean> {
  return (await deps.automaticPromotions?.()) !== 0;
}
