// Prices promotions into a cart for the cart and order subgraphs: loads the candidates and their
// usage, then hands everything to the pure engine.
import { badUserInput } from '../../lib/errors.js';
import { normalizeCode } from '../../lib/input-checker.js';
import { isKnownCurrency } from '../../lib/money.js';
import type { PrismaClient } from './prisma-client/client.js';
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
    const rows = await this.db.promotion.findMany({
      where: { active: true, OR: [{ automatic: true }, ...(codes.length > 0 ? [{ code: { in: codes } }] : [])] },
    });
    const limited = rows.filter((p) => p.maxRedemptionsPerPerson !== null).map((p) => p.id);
    const usage =
      personId && limited.length > 0
        ? await this.db.promotionPersonUsage.findMany({ where: { personId, promotionId: { in: limited } } })
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
