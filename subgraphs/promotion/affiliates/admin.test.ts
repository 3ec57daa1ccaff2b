// Affiliates through the gateway: partner admin (and who may call it), clicks by anyone with
// their per-client rate limit, outbound referrals, and the per-partner report.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { globalId, rawIdOf } from '../../../lib/global-id.js';
import { errorCode } from '../../../test/harness.js';
import { affiliateAdmin, nextAddress, rawClickId, rawPartnerId, recordClick, unknownPartnerId, PARTNER_FIELDS, RECORD_CLICK } from './affiliate-fixtures.js';
import { codesOf, uniqueCode, usePromotionTestStack } from '../promotion-fixtures.js';

const CLICKS_PER_MINUTE = 5;
const env = usePromotionTestStack({ env: { AFFILIATE_CLICKS_PER_MINUTE: String(CLICKS_PER_MINUTE) } });
let admin: ReturnType<typeof affiliateAdmin>;
beforeAll(() => {
  admin = affiliateAdmin(env.stack.admin);
});

const partnerInput = (more: Record<string, unknown> = {}) => ({ code: uniqueCode('AFF'), name: 'Style blog', commissionRate: 1000, ...more });

describe('affiliate partners', () => {
  it('creates a partner with its code upper-case, updates and deactivates it', async () => {
    const code = uniqueCode('BLOG-');
    const created = await admin.create({ code: ` ${code.toLowerCase()} `, name: ' Style blog ', commissionRate: 750 });
    expect(created.userErrors).toEqual([]);
    expect(created.partner).toMatchObject({ code, name: 'Style blog', commissionRate: 750, active: true });
    const id = created.partner!.id;

    const updated = await admin.update(id, { commissionRate: 1250 });
    expect(updated.partner).toMatchObject({ code, name: 'Style blog', commissionRate: 1250, active: true });
    const deactivated = await admin.deactivate(id);
    expect(deactivated.partner).toMatchObject({ active: false, commissionRate: 1250 });
    expect((await admin.update(id, { active: true })).partner).toMatchObject({ active: true });
  });

  it('refuses bad input, a taken code (whatever its case) and unknown ids, storing nothing', async () => {
    const taken = await admin.createOk(partnerInput());
    const before = (await env.sql.query('SELECT count(*)::int AS n FROM affiliate_partner')).rows[0].n;
    expect(codesOf((await admin.create(partnerInput({ code: taken.code.toLowerCase() }))).userErrors)).toEqual([['CODE_TAKEN', 'input.code']]);
    expect(codesOf((await admin.create(partnerInput({ code: 'x y', name: '', commissionRate: 10_001 }))).userErrors)).toEqual([
      ['INVALID_INPUT', 'input.name'],
      ['INVALID_CODE', 'input.code'],
      ['INVALID_VALUE', 'input.commissionRate'],
    ]);
    expect((await env.sql.query('SELECT count(*)::int AS n FROM affiliate_partner')).rows[0].n).toBe(before);
    const other = await admin.createOk(partnerInput());
    expect(codesOf((await admin.update(other.id, { code: taken.code })).userErrors)).toEqual([['CODE_TAKEN', 'input.code']]);
    expect(codesOf((await admin.update(unknownPartnerId(), { name: 'x' })).userErrors)).toEqual([['PARTNER_NOT_FOUND', 'id']]);
    expect(codesOf((await admin.deactivate(unknownPartnerId())).userErrors)).toEqual([['PARTNER_NOT_FOUND', 'id']]);
    expect(codesOf((await admin.deactivate(globalId('AffiliatePartner', 'nope'))).userErrors)).toEqual([['PARTNER_NOT_FOUND', 'id']]);
  });

  it('refuses an id that is not an AffiliatePartner id with BAD_USER_INPUT, changing nothing', async () => {
    const partner = await admin.createOk(partnerInput());
    const UPDATE = 'mutation($id: ID!) { updateAffiliatePartner(id: $id, input: { name: "x" }) { partner { id } userErrors { code } } }';
    const DEACTIVATE = 'mutation($id: ID!) { deactivateAffiliatePartner(id: $id) { partner { id } userErrors { code } } }';
    const cases = [
      { id: 'nope', message: 'id is not an id this API issued: ids are opaque strings, used as received.' },
      // The partner's own raw id is not an id the API issued either.
      { id: rawPartnerId(partner.id), message: 'id is not an id this API issued: ids are opaque strings, used as received.' },
      { id: globalId('Promotion', rawPartnerId(partner.id)), message: 'id must be an AffiliatePartner id, not a Promotion id.' },
    ];
    for (const { id, message } of cases) {
      for (const op of [UPDATE, DEACTIVATE]) {
        expect((await env.stack.admin.request(op, { id })).errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
      }
    }
    expect((await env.stack.admin.query(`query($id: ID!) { affiliatePartner(id: $id) { name active } }`, { id: partner.id })).affiliatePartner).toEqual({ name: 'Style blog', active: true });
  });

  it('gives racing admins one partner per code', async () => {
    const code = uniqueCode('RACE');
    const results = await Promise.all(Array.from({ length: 5 }, () => admin.create(partnerInput({ code }))));
    expect(results.filter((r) => r.partner)).toHaveLength(1);
    expect(results.filter((r) => r.userErrors[0]?.code === 'CODE_TAKEN')).toHaveLength(4);
  });

  it('lists partners newest first with a total, to admin and support', async () => {
    const a = await admin.createOk(partnerInput());
    const b = await admin.createOk(partnerInput());
    const list = `{ affiliatePartners(first: 2) { totalCount edges { node { ${PARTNER_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
    const { affiliatePartners } = await env.support.query(list);
    expect(affiliatePartners.edges.map((e: any) => e.node.id)).toEqual([b.id, a.id]);
    expect(affiliatePartners.totalCount).toBeGreaterThanOrEqual(2);
    const next = await env.support.query(`query($after: String) { affiliatePartners(first: 1, after: $after) { edges { node { id } } } }`, { after: affiliatePartners.pageInfo.endCursor });
    // The next page starts after a: older partners only.
    expect([a.id, b.id]).not.toContain(next.affiliatePartners.edges[0]?.node.id);
    expect((await env.support.query(`query($id: ID!) { affiliatePartner(id: $id) { code } }`, { id: a.id })).affiliatePartner.code).toBe(a.code);
  });

  it('lets support read but not write, and customers and anonymous callers neither', async () => {
    const create = `mutation { createAffiliatePartner(input: { code: "${uniqueCode()}", name: "x", commissionRate: 1 }) { partner { id } } }`;
    expect(errorCode(await env.support.request(create))).toBe('FORBIDDEN');
    expect(errorCode(await env.customer.request(create))).toBe('FORBIDDEN');
    expect(errorCode(await env.customer.request('{ affiliatePartners { totalCount } }'))).toBe('FORBIDDEN');
    expect(errorCode(await env.stack.anonymous.request('{ affiliatePartners { totalCount } }'))).toBe('UNAUTHENTICATED');
  });
});

describe('recordAffiliateClick', () => {
  it('records anonymous clicks, and the person of a signed-in shopper', async () => {
    const partner = await admin.createOk(partnerInput());
    const anonymous = await recordClick(env.stack.anonymous, { code: partner.code.toLowerCase(), url: 'https://shop.example/p/linen', referrer: 'https://blog.example/post' });
    expect(anonymous.userErrors).toEqual([]);
    expect(anonymous.click).toMatchObject({ url: 'https://shop.example/p/linen', referrer: 'https://blog.example/post', partner: { id: partner.id } });
    const signedIn = await recordClick(env.customer, { code: partner.code, url: 'https://shop.example/' });
    const rows = (await env.sql.query('SELECT id, person_id FROM affiliate_click WHERE partner_id = $1 ORDER BY id', [rawPartnerId(partner.id)])).rows;
    expect(rows).toEqual([
      { id: rawClickId(anonymous.click!.id), person_id: null },
      { id: rawClickId(signedIn.click!.id), person_id: 'customer-1' },
    ]);
  });

  it('answers the partner of a click to anyone, its commission rate to staff only (null and FORBIDDEN otherwise)', async () => {
    const partner = await admin.createOk(partnerInput({ commissionRate: 850 }));
    const query = `mutation($input: RecordAffiliateClickInput!) { recordAffiliateClick(input: $input) { click { id partner { id code commissionRate } } userErrors { code } } }`;
    const input = { code: partner.code, url: 'https://shop.example/' };
    for (const caller of [env.stack.anonymous, env.customer]) {
      const res = await caller.request(query, { input }, { 'x-forwarded-for': nextAddress() });
      expect(res.data?.recordAffiliateClick).toEqual({ click: { id: expect.any(String), partner: { id: partner.id, code: partner.code, commissionRate: null } }, userErrors: [] });
      expect(res.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([['FORBIDDEN', 'recordAffiliateClick.click.partner.commissionRate']]);
    }
    for (const staff of [env.stack.admin, env.support]) {
      const res = await staff.request(query, { input }, { 'x-forwarded-for': nextAddress() });
      expect(res.errors).toBeUndefined();
      expect(res.data?.recordAffiliateClick.click.partner.commissionRate).toBe(850);
    }
  });

  it('refuses unknown and inactive codes and over-long input, recording nothing', async () => {
    const inactive = await admin.createOk(partnerInput());
    await admin.deactivate(inactive.id);
    const before = (await env.sql.query('SELECT count(*)::int AS n FROM affiliate_click')).rows[0].n;
    expect(codesOf((await recordClick(env.stack.anonymous, { code: 'NO-SUCH-PARTNER', url: 'https://x' })).userErrors)).toEqual([['PARTNER_NOT_FOUND', 'input.code']]);
    expect(codesOf((await recordClick(env.stack.anonymous, { code: inactive.code, url: 'https://x' })).userErrors)).toEqual([['PARTNER_NOT_FOUND', 'input.code']]);
    const longUrl = `https://shop.example/${'u'.repeat(2049 - 'https://shop.example/'.length)}`;
    expect(codesOf((await recordClick(env.stack.anonymous, { code: inactive.code, url: longUrl, referrer: 'r'.repeat(2049) })).userErrors)).toEqual([
      ['TOO_LONG', 'input.url'],
      ['TOO_LONG', 'input.referrer'],
    ]);
    // Not a URL at all: the URL scalar refuses it at the gateway, before the subgraph.
    const notUrl = await env.stack.anonymous.request(RECORD_CLICK, { input: { code: inactive.code, url: 'shop.example/p' } }, { 'x-forwarded-for': nextAddress() });
    expect(notUrl.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(notUrl.errors?.[0]?.message).toMatch(/Invalid URL/);
    expect((await env.sql.query('SELECT count(*)::int AS n FROM affiliate_click')).rows[0].n).toBe(before);
  });

  it(`allows ${CLICKS_PER_MINUTE} clicks a minute per client address, then answers RATE_LIMITED with a retry delay`, async () => {
    const partner = await admin.createOk(partnerInput());
    const address = nextAddress();
    const results = [];
    for (let i = 0; i < CLICKS_PER_MINUTE + 2; i++) results.push(await recordClick(env.stack.anonymous, { code: partner.code, url: `https://shop.example/${i}` }, address));
    expect(results.slice(0, CLICKS_PER_MINUTE).every((r) => r.click && r.userErrors.length === 0)).toBe(true);
    for (const refused of results.slice(CLICKS_PER_MINUTE)) {
      expect(refused.click).toBeNull();
      expect(refused.userErrors).toEqual([{ code: 'RATE_LIMITED', field: null, message: expect.stringMatching(/Try again in ([1-9]|[1-5]\d|60) seconds?\./) }]);
    }
    // Another client is not affected, and the limit lives under the stack's Redis prefix.
    expect((await recordClick(env.stack.anonymous, { code: partner.code, url: 'https://shop.example/' }, nextAddress())).click).not.toBeNull();
    const keys = await env.stack.runtime.redis.keys(`${env.stack.config.REDIS_PREFIX}:rate-limit:affiliate-clicks:*`);
    expect(keys.length).toBeGreaterThan(0);
  });

  it('does not let a caller choose its address by calling the subgraph directly with a forged header', async () => {
    const partner = await admin.createOk(partnerInput());
    const direct = env.stack.subgraph('promotion', null);
    const statuses = [];
    for (let i = 0; i < CLICKS_PER_MINUTE + 1; i++) {
      const res = await direct.request(RECORD_CLICK, { input: { code: partner.code, url: 'https://x' } }, { 'x-client-address': `192.0.2.${i}`, 'x-client-address-signature': 'forged' });
      statuses.push(res.data!.recordAffiliateClick.userErrors[0]?.code ?? 'OK');
    }
    // Every forged address counted as the one socket it came from.
    expect(statuses.at(-1)).toBe('RATE_LIMITED');
  });
});

describe('recordOutboundReferral', () => {
  const RECORD = `mutation($input: RecordOutboundReferralInput!) {
    recordOutboundReferral(input: $input) {
      attribution { id direction orderId externalRef revenue { amount currencyCode } commissionRate commission { amount formatted } occurredAt partner { id } }
      userErrors { field message code }
    }
  }`;

  it('records the commission the partner owes, once per partner reference', async () => {
    const partner = await admin.createOk(partnerInput({ commissionRate: 250 }));
    const input = { partnerId: partner.id, externalRef: 'PARTNER-ORDER-1', revenue: { amount: 1999, currencyCode: 'USD' }, occurredAt: '2026-11-20T10:00:00Z' };
    const first = (await env.stack.admin.query(RECORD, { input })).recordOutboundReferral;
    expect(first.userErrors).toEqual([]);
    expect(first.attribution).toMatchObject({
      direction: 'OUTBOUND',
      orderId: null,
      externalRef: 'PARTNER-ORDER-1',
      revenue: { amount: 1999, currencyCode: 'USD' },
      commissionRate: 250,
      commission: { amount: 50, formatted: '$0.50' },
      occurredAt: '2026-11-20T10:00:00.000Z',
      partner: { id: partner.id },
    });
    const again = (await env.stack.admin.query(RECORD, { input: { ...input, revenue: { amount: 5000, currencyCode: 'USD' } } })).recordOutboundReferral;
    expect(again.attribution.id).toBe(first.attribution.id);
    expect(again.attribution.revenue.amount).toBe(1999);
    // One row, the attribution the API answered (its id an AffiliateAttribution id).
    const rows = (await env.sql.query('SELECT id, revenue FROM affiliate_attribution WHERE partner_id = $1', [rawPartnerId(partner.id)])).rows;
    expect(rows).toEqual([{ id: rawIdOf('AffiliateAttribution', first.attribution.id, 'attribution.id'), revenue: 1999 }]);
  });

  it('refuses an unknown partner, a bad currency, amount or date; support may not record', async () => {
    const partner = await admin.createOk(partnerInput());
    const bad = { partnerId: unknownPartnerId(), externalRef: ' ', revenue: { amount: -1, currencyCode: 'USD' } };
    const payload = (await env.stack.admin.query(RECORD, { input: bad })).recordOutboundReferral;
    expect(codesOf(payload.userErrors)).toEqual([
      ['INVALID_INPUT', 'input.externalRef'],
      ['INVALID_VALUE', 'input.revenue.amount'],
      ['PARTNER_NOT_FOUND', 'input.partnerId'],
    ]);
    const input = { partnerId: partner.id, externalRef: 'R-1', revenue: { amount: 100, currencyCode: 'USD' } };
    expect(errorCode(await env.support.request(RECORD, { input }))).toBe('FORBIDDEN');
    // A currency that is not a CurrencyCode, or a date that is not an instant, is refused at the edge.
    expect(errorCode(await env.stack.admin.request(RECORD, { input: { ...input, revenue: { amount: 100, currencyCode: 'XYZ' } } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await env.stack.admin.request(RECORD, { input: { ...input, occurredAt: 'later' } }))).toBe('BAD_USER_INPUT');
    // So is a partnerId that is not an AffiliatePartner id, before anything is recorded.
    const malformed = await env.stack.admin.request(RECORD, { input: { ...input, partnerId: rawPartnerId(partner.id) } });
    expect(malformed.errors?.[0]).toMatchObject({
      message: 'input.partnerId is not an id this API issued: ids are opaque strings, used as received.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect((await env.sql.query('SELECT count(*)::int AS n FROM affiliate_attribution WHERE partner_id = $1', [rawPartnerId(partner.id)])).rows[0].n).toBe(0);
  });
});

describe('affiliateReport', () => {
  const REPORT = `query($partnerId: ID!, $from: DateTime!, $to: DateTime!, $direction: AffiliateDirection) {
    affiliateReport(partnerId: $partnerId, from: $from, to: $to, direction: $direction) {
      partner { id } from to direction clicks carts orders
      revenue { amount currencyCode formatted } commission { amount currencyCode formatted }
    }
  }`;

  async function insertClick(partnerId: string, createdAt: string, cartId: string | null = null) {
    await env.sql.query(`INSERT INTO affiliate_click (id, partner_id, url, cart_id, created_at) VALUES (gen_random_uuid(), $1, 'https://x', $2, $3)`, [
      rawPartnerId(partnerId),
      cartId,
      createdAt,
    ]);
  }
  async function insertOrder(partnerId: string, occurredAt: string, currency: string, revenue: number, commission: number) {
    await env.sql.query(
      `INSERT INTO affiliate_attribution (id, partner_id, direction, order_id, currency, revenue, commission_rate, commission, occurred_at)
       VALUES (gen_random_uuid(), $1, 'INBOUND', gen_random_uuid()::text, $2, $3, 1000, $4, $5)`,
      [rawPartnerId(partnerId), currency, revenue, commission, occurredAt],
    );
  }

  it('counts clicks, carts and orders over [from, to) and sums money per currency', async () => {
    const partner = await admin.createOk(partnerInput());
    const other = await admin.createOk(partnerInput());
    await insertClick(partner.id, '2026-10-31T23:59:59.999Z'); // before
    await insertClick(partner.id, '2026-11-01T00:00:00Z', 'cart-a'); // first instant: in
    await insertClick(partner.id, '2026-11-15T12:00:00Z');
    await insertClick(partner.id, '2026-11-30T23:59:59.999Z', 'cart-b');
    await insertClick(partner.id, '2026-12-01T00:00:00Z', 'cart-c'); // `to`: out
    await insertClick(other.id, '2026-11-10T00:00:00Z');
    await insertOrder(partner.id, '2026-11-02T00:00:00Z', 'USD', 10_000, 1000);
    await insertOrder(partner.id, '2026-11-20T00:00:00Z', 'USD', 2550, 255);
    await insertOrder(partner.id, '2026-11-21T00:00:00Z', 'EUR', 4000, 400);
    await insertOrder(partner.id, '2026-12-01T00:00:00Z', 'USD', 99_999, 9999); // out
    await insertOrder(other.id, '2026-11-03T00:00:00Z', 'USD', 5000, 500);

    const { affiliateReport } = await env.support.query(REPORT, { partnerId: partner.id, from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' });
    expect(affiliateReport).toEqual({
      partner: { id: partner.id },
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      direction: 'INBOUND',
      clicks: 3,
      carts: 2,
      orders: 3,
      revenue: [
        { amount: 4000, currencyCode: 'EUR', formatted: '€40.00' },
        { amount: 12_550, currencyCode: 'USD', formatted: '$125.50' },
      ],
      commission: [
        { amount: 400, currencyCode: 'EUR', formatted: '€4.00' },
        { amount: 1255, currencyCode: 'USD', formatted: '$12.55' },
      ],
    });

    const outbound = (await env.stack.admin.query(REPORT, { partnerId: partner.id, from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', direction: 'OUTBOUND' })).affiliateReport;
    expect(outbound).toMatchObject({ direction: 'OUTBOUND', clicks: 3, orders: 0, revenue: [], commission: [] });
  });

  it('answers null for an unknown partner, and refuses a bad range and other roles', async () => {
    const partner = await admin.createOk(partnerInput());
    const [nov, dec] = ['2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'];
    expect((await env.stack.admin.query(REPORT, { partnerId: unknownPartnerId(), from: nov, to: dec })).affiliateReport).toBeNull();
    const malformed = await env.stack.admin.request(REPORT, { partnerId: 'unknown', from: nov, to: dec });
    expect(malformed.errors?.[0]).toMatchObject({ message: 'partnerId is not an id this API issued: ids are opaque strings, used as received.', extensions: { code: 'BAD_USER_INPUT' } });
    const wrongType = await env.stack.admin.request(REPORT, { partnerId: globalId('Promotion', randomUUID()), from: nov, to: dec });
    expect(wrongType.errors?.[0]).toMatchObject({ message: 'partnerId must be an AffiliatePartner id, not a Promotion id.', extensions: { code: 'BAD_USER_INPUT' } });
    const backwards = await env.stack.admin.request(REPORT, { partnerId: partner.id, from: dec, to: nov });
    expect(backwards.errors?.[0]).toMatchObject({ message: 'to must be after from', extensions: { code: 'BAD_USER_INPUT' } });
    // A day without a time is not an instant: refused at the gateway.
    expect(errorCode(await env.stack.admin.request(REPORT, { partnerId: partner.id, from: '2026-11-01', to: dec }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await env.customer.request(REPORT, { partnerId: partner.id, from: nov, to: dec }))).toBe('FORBIDDEN');
  });
});
