// Affiliate rules: partner input, click input, commission and the report range. Pure, no I/O.
import { refuse as refuseWith, toPayload } from '../../../lib/errors.js';
import { InputChecker, checkCurrency, normalizeCode } from '../../../lib/input-checker.js';
import { BASIS_POINTS, fractionOf } from '../../../lib/money.js';
import type { AffiliateDirection, AffiliateErrorCode } from '../generated/resolvers-types.js';
import { LIMITS, checkCodeFormat, isCodeShaped } from '../validation.js';

/** Refuses an affiliate write with one userError. */
export const refuse = refuseWith<AffiliateErrorCode>;

/** An affiliate mutation's payload: `{ [key]: result }`, or the userErrors it was refused with. */
export const payload = <K extends string, T>(key: K, run: () => Promise<T>) => toPayload<K, T, AffiliateErrorCode>(key, run);

export class AffiliateInputChecker extends InputChecker<AffiliateErrorCode> {
  protected readonly outOfRange = 'INVALID_VALUE';
}

export const AFFILIATE_LIMITS = {
  url: 2048,
  externalRef: 100,
  /** Basis points: at most 100 %. */
  maxRate: BASIS_POINTS,
} as const;

/** A cart created with a partner's code is linked to a click of that partner made at most this long before. */
export const CLICK_LINK_WINDOW_MS = 30 * 24 * 3600 * 1000;

export interface PartnerFields {
  code: string;
  name: string;
  commissionRate: number;
  active: boolean;
}

export interface PartnerInput {
  code?: string | null;
  name?: string | null;
  commissionRate?: number | null;
  active?: boolean | null;
}

/** The partner an input describes over `base` (the stored partner on update); omitted or null fields keep their value. */
export function partnerFields(c: AffiliateInputChecker, input: PartnerInput, base: PartnerFields | null): PartnerFields {
  const field = (name: string) => ['input', name];
  if (base === null || input.name != null) c.text(input.name, field('name'), LIMITS.name, true);
  const fields: PartnerFields = {
    code: input.code != null ? normalizeCode(input.code) : (base?.code ?? ''),
    name: input.name != null ? input.name.trim() : (base?.name ?? ''),
    commissionRate: input.commissionRate ?? base?.commissionRate ?? 0,
    active: input.active ?? base?.active ?? true,
  };
  checkCodeFormat(c, fields.code, field('code'));
  c.range(fields.commissionRate, field('commissionRate'), 0, AFFILIATE_LIMITS.maxRate);
  return fields;
}

export interface ClickInput {
  code: string;
  url: string;
  referrer?: string | null;
}

/** Checks a click's input; returns the normalised code. */
export function checkClick(c: AffiliateInputChecker, input: ClickInput): string {
  const field = (name: string) => ['input', name];
  c.text(input.url, field('url'), AFFILIATE_LIMITS.url, true);
  c.text(input.referrer, field('referrer'), AFFILIATE_LIMITS.url);
  const code = normalizeCode(input.code);
  if (!isCodeShaped(code)) c.add('PARTNER_NOT_FOUND', 'no active affiliate partner has this code', field('code'));
  return code;
}

export interface OutboundInput {
  externalRef: string;
  revenue: { amount: number; currencyCode: string };
  occurredAt?: Date | null;
}

export function checkOutbound(c: AffiliateInputChecker, input: OutboundInput): void {
  const field = (name: string) => ['input', name];
  c.text(input.externalRef, field('externalRef'), AFFILIATE_LIMITS.externalRef, true);
  checkCurrency(c, input.revenue.currencyCode, ['input', 'revenue', 'currencyCode']);
  c.range(input.revenue.amount, ['input', 'revenue', 'amount'], 0, LIMITS.amount);
}

/**
 * The commission on a base (minor units) at a rate in basis points, rounded half up to the
 * minor unit: 1999 at 250 bp (2.5 %) is 49.975, so 50.
 */
export function commissionOf(base: number, rateBasisPoints: number): number {
  return fractionOf(base, rateBasisPoints, BASIS_POINTS);
}

/** The base an INBOUND commission is paid on: the merchandise after discounts (no shipping, no tax), never negative. */
export function commissionBase(order: { subtotal: number; discountTotal: number }): number {
  return Math.max(0, order.subtotal - order.discountTotal);
}

export type ReportRange = { from: Date; to: Date; direction: AffiliateDirection } | { error: string; field: 'from' | 'to' };

/** The report's [from, to): to after from. */
export function reportRange(from: Date, to: Date, direction: AffiliateDirection): ReportRange {
  if (to <= from) return { error: 'to must be after from', field: 'to' };
  return { from, to, direction };
}
