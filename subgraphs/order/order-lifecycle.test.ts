// The order's lifecycle, table-tested: every legal edge with an actor allowed on it, every other
// pair refused, who may take each edge (the subscription service only for its subscriptions'
// orders), and the 30-day return window.
import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../lib/state-machine.js';
import { everyPair } from '../../test/lifecycle-table.js';
import { orderLifecycle, type OrderFacts, type OrderStatus } from './order-lifecycle.js';

const now = new Date('2026-11-30T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const owner: Actor = { kind: 'person', id: 'alice', roles: ['customer'] };
const stranger: Actor = { kind: 'person', id: 'bob', roles: ['customer'] };
const admin: Actor = { kind: 'person', id: 'ada', roles: ['admin'] };
const support: Actor = { kind: 'person', id: 'sam', roles: ['support'] };
const payments = systemActor('payment-webhook');
const subscriptionService: Actor = { kind: 'service', id: 'subscription' };
const facts: OrderFacts = { personId: 'alice', deliveredAt: daysAgo(3), subscriptionId: null };
const periodFacts = { ...facts, subscriptionId: '0190a4d2-0000-7000-8000-000000000001' };
const check = (from: OrderStatus, to: OrderStatus, actor: Actor, context = facts) => orderLifecycle.check(from, to, { actor, at: now, context });

const LEGAL = [
  'PENDING_PAYMENT->PAID',
  'PENDING_PAYMENT->CANCELLED',
  'PAID->AWAITING_PRODUCTION',
  'PAID->CANCELLED',
  'AWAITING_PRODUCTION->READY_TO_SHIP',
  'AWAITING_PRODUCTION->CANCELLED',
  'READY_TO_SHIP->SHIPPED',
  'READY_TO_SHIP->CANCELLED',
  'SHIPPED->DELIVERED',
  'DELIVERED->RETURN_REQUESTED',
  'RETURN_REQUESTED->RETURNED',
] as const;

/** An actor allowed on each legal edge. */
const allowed = (from: OrderStatus, to: OrderStatus): Actor =>
  to === 'PAID' ? payments : to === 'RETURN_REQUESTED' ? owner : from === 'PENDING_PAYMENT' ? owner : admin;

describe('order lifecycle', () => {
  it.each(everyPair(orderLifecycle.states, LEGAL))('%s -> %s is legal: %s', (from, to, legal) => {
    const refusal = check(from, to, allowed(from, to));
    expect(refusal === null).toBe(legal);
    if (refusal) expect(refusal).toMatchObject({ from, to, code: 'ILLEGAL_TRANSITION' });
  });

  it('lets only the payment provider (a system actor) mark an order paid', () => {
    for (const actor of [owner, admin, support, { kind: 'service', id: 'cart' } as Actor]) expect(check('PENDING_PAYMENT', 'PAID', actor)).not.toBeNull();
    expect(check('PENDING_PAYMENT', 'PAID', payments)).toBeNull();
  });

  it('lets the customer cancel only their own unpaid order; staff cancel paid ones', () => {
    expect(check('PENDING_PAYMENT', 'CANCELLED', owner)).toBeNull();
    expect(check('PENDING_PAYMENT', 'CANCELLED', stranger)?.reason).toMatch(/only owner/);
    expect(check('PAID', 'CANCELLED', owner)?.reason).toMatch(/only support, admin/);
    expect(check('READY_TO_SHIP', 'CANCELLED', support)).toBeNull();
    expect(check('SHIPPED', 'CANCELLED', admin)?.reason).toBe('from SHIPPED it can only go to DELIVERED');
  });

  it('lets the subscription service cancel its subscriptions’ unpaid orders, and nothing else', () => {
    expect(check('PENDING_PAYMENT', 'CANCELLED', subscriptionService, periodFacts)).toBeNull();
    expect(check('PENDING_PAYMENT', 'CANCELLED', subscriptionService)?.reason).toMatch(/only owner, support, admin, system, subscription/);
    expect(check('PENDING_PAYMENT', 'CANCELLED', { kind: 'service', id: 'cart' }, periodFacts)).not.toBeNull();
    expect(check('PAID', 'CANCELLED', subscriptionService, periodFacts)?.reason).toMatch(/only support, admin/);
    expect(check('PENDING_PAYMENT', 'PAID', subscriptionService, periodFacts)).not.toBeNull();
  });

  it('moves production steps by admin only, shipping by support or admin', () => {
    expect(check('PAID', 'AWAITING_PRODUCTION', support)).not.toBeNull();
    expect(check('AWAITING_PRODUCTION', 'READY_TO_SHIP', admin)).toBeNull();
    expect(check('READY_TO_SHIP', 'SHIPPED', support)).toBeNull();
    expect(check('SHIPPED', 'DELIVERED', owner)).not.toBeNull();
  });

  it('takes a return request from the owner within 30 days of delivery', () => {
    expect(check('DELIVERED', 'RETURN_REQUESTED', owner, { ...facts, deliveredAt: daysAgo(30) })).toBeNull();
    expect(check('DELIVERED', 'RETURN_REQUESTED', owner, { ...facts, deliveredAt: new Date(daysAgo(30).getTime() - 1) })?.reason).toMatch(
      /within 30 days of delivery/,
    );
    expect(check('DELIVERED', 'RETURN_REQUESTED', stranger)?.reason).toMatch(/only owner/);
    expect(check('RETURN_REQUESTED', 'RETURNED', owner)).not.toBeNull();
  });

  it('ends in CANCELLED and RETURNED', () => {
    expect(orderLifecycle.states.filter((s) => orderLifecycle.isFinal(s))).toEqual(['CANCELLED', 'RETURNED']);
  });
});
