// Prices promotions into a cart for the cart and order subgraphs: loads the candidates and their
// usage, then hands everything to the pure engine.
import { badUserInput } from '../../lib/errors.js';
import { normalizeCode } from '../../lib/input-checker.js';
import { isKnownCurrency } from '../../lib/money.js';
import { readRows } from '../../lib/db.js';
import { Prisma, type PrismaClient, type Promotion } from './prisma-client/client.js';
import { evaluatePromotions, ruleOf, type CartLine, type Evaluation } from './promotion-engine.js';
import { LIMITS } from './validation.js';

export interface EvaluationRequest {
  personId?: string | null;
  currencyCode: string;
  codes: string[];
  lines: CartLine[];
  shippingAmount: number;
}

const MAX_LINES = 1000;
const MAX_CODES = 20;
const MAX_PRICE = 1_000_000_000;
const MAX_QUANTITY = 100_000;

/** A promotion row as Prisma's Promotion model gives it; evaluations read it straight through pg (lib/db.ts readRows). */
const PROMOTION_COLUMNS = Prisma.sql`id, name, code, automatic, discount_type::text AS "discountType", value, currency, level::text AS level,
  target_product_ids AS "targetProductIds", target_variant_ids AS "targetVariantIds", target_category_ids AS "targetCategoryIds",
  min_subtotal AS "minSubtotal", valid_from AS "validFrom", valid_to AS "validTo", max_redemptions AS "maxRedemptions",
  max_redemptions_per_person AS "maxRedemptionsPerPerson", stackable, priority, active, reserved_count AS "reservedCount",
  confirmed_count AS "confirmedCount", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The caller is another service: malformed input is its bug, answered as a GraphQL error. */
function checkRequest(r: EvaluationRequest): void {
  if (!isKnownCurrency(r.currencyCode)) throw badUserInput(`${r.currencyCode} is not an ISO 4217 currency code`, 'input.currencyCode');
  if (r.codes.length > MAX_CODES) throw badUserInput(`at most ${MAX_CODES} codes`, 'input.codes');
  if (r.lines.length > MAX_LINES) throw badUserInput(`at most ${MAX_LINES} lines`, 'input.lines');
  if (!Number.isInteger(r.shippingAmount) || r.shippingAmount < 0 || r.shippingAmount > MAX_PRICE) {
    throw badUserInput('shippingAmount must be a whole number of minor units, at least 0', 'input.shippingAmount');
  }
  const ids = new Set<string>();
  r.lines.forEach((line, i) => {
    if (ids.has(line.lineId)) throw badUserInput(`line ${line.lineId} appears twice`, `input.lines.${i}.lineId`);
    ids.add(line.lineId);
    if (!Number.isInteger(line.unitPrice) || line.unitPrice < 0 || line.unitPrice > MAX_PRICE) throw badUserInput('unitPrice out of range', `input.lines.${i}.unitPrice`);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) throw badUserInput('quantity out of range', `input.lines.${i}.quantity`);
  });
}

export class EvaluationService {
  constructor(private readonly db: PrismaClient) {}

  async evaluate(request: EvaluationRequest): Promise<Evaluation> {
    checkRequest(request);
    const personId = request.personId ?? null;
    const codes = [...new Set(request.codes.map(normalizeCode))].filter((c) => c.length > 0 && c.length <= LIMITS.code);
    // Active automatic promotions and active promotions with one of the codes; whether each runs
    // now is the engine's to say (its validity window), so that a code can be told why it does
    // not apply. Inactive ones are not found.
    const rows = await readRows<Promotion>(
      this.db,
      Prisma.sql`SELECT ${PROMOTION_COLUMNS} FROM promotion WHERE active AND (automatic OR code = ANY(${codes}::text[]))`,
    );
    const limited = rows.filter((p) => p.maxRedemptionsPerPerson !== null).map((p) => p.id);
    const usage =
      personId && limited.length > 0
        ? await readRows<{ promotionId: string; uses: number }>(
            this.db,
            Prisma.sql`SELECT promotion_id AS "promotionId", uses FROM promotion_person_usage WHERE person_id = ${personId} AND promotion_id = ANY(${limited}::uuid[])`,
          )
        : [];
    const personUses = new Map(usage.map((u) => [u.promotionId, u.uses]));
    return evaluatePromotions({
      lines: request.lines,
      currency: request.currencyCode,
      shippingAmount: request.shippingAmount,
      promotions: rows.map((p) => ruleOf(p, personUses.get(p.id) ?? 0)),
      codes: request.codes,
      now: new Date(),
      personId,
    });
  }
}
