// The cart's lifecycle and lifetime, table-tested: every legal edge with its actor, every other
// pair refused, and expiry decided by one rule on one clock.
import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../lib/state-machine.js';
import { everyPair } from '../../test/lifecycle-table.js';
import { IDLE_EXPIRING, cartLifecycle, type CartStatus } from './cart-lifecycle.js';
import { cartLifetime } from './cart-lifetime.js';

const lifetime = cartLifetime(30);
const lifecycle = cartLifecycle(lifetime);
const checkout: Actor = { kind: 'service', id: 'order' };
const expiry = systemActor('cart-expiry');
const now = new Date('2026-11-30T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const idle = { lastActivityAt: daysAgo(31) };

describe('cart lifecycle', () => {
  // Idleness expires an ACTIVE cart; the checkout expires the cart it merges into a newer one.
  const actorFor = (from: CartStatus, to: CartStatus) => (from === 'ACTIVE' && to === 'EXPIRED' ? expiry : checkout);
  it.each(
    everyPair(lifecycle.states, ['ACTIVE->CHECKING_OUT', 'ACTIVE->EXPIRED', 'CHECKING_OUT->CHECKED_OUT', 'CHECKING_OUT->ACTIVE', 'CHECKING_OUT->EXPIRED']),
  )(
    '%s -> %s is legal: %s',
    (from, to, legal) => {
      const refusal = lifecycle.check(from, to, { actor: actorFor(from, to), at: now, context: idle });
      expect(refusal === null).toBe(legal);
      if (refusal) expect(refusal).toMatchObject({ from, to, code: 'ILLEGAL_TRANSITION' });
    },
  );

  it('goes in and out of checkout only through the order context', () => {
    const shopper: Actor = { kind: 'person', id: 'alice', roles: ['customer'] };
    expect(lifecycle.check('ACTIVE', 'CHECKING_OUT', { actor: shopper, at: now, context: idle })?.reason).toMatch(/only service/);
    expect(lifecycle.check('CHECKING_OUT', 'ACTIVE', { actor: expiry, at: now, context: idle })?.reason).toMatch(/only service/);
    expect(lifecycle.check('CHECKING_OUT', 'CHECKED_OUT', { actor: shopper, at: now, context: idle })?.reason).toMatch(/only service/);
  });

  it('expires a cart only once it has been idle for its lifetime', () => {
    expect(lifecycle.check('ACTIVE', 'EXPIRED', { actor: expiry, at: now, context: { lastActivityAt: daysAgo(29) } })?.reason).toBe(
      'the cart is in use until 2026-12-01T12:00:00.000Z',
    );
    expect(lifecycle.check('ACTIVE', 'EXPIRED', { actor: expiry, at: now, context: { lastActivityAt: daysAgo(30) } })).toBeNull();
  });

  it('is never expired by idleness while checking out: checkout decides how it ends', () => {
    expect(IDLE_EXPIRING).toEqual(['ACTIVE']);
    expect(lifecycle.check('CHECKING_OUT', 'EXPIRED', { actor: expiry, at: now, context: idle })?.reason).toMatch(/only service/);
    expect(lifecycle.check('CHECKING_OUT', 'EXPIRED', { actor: checkout, at: now, context: { lastActivityAt: now } })).toBeNull();
  });
});

describe('cart lifetime', () => {
  it('expires CART_TTL_DAYS after the last activity, to the millisecond', () => {
    const last = new Date('2026-11-01T08:30:00.000Z');
    expect(lifetime.expiresAt(last).toISOString()).toBe('2026-12-01T08:30:00.000Z');
    expect(lifetime.hasExpired(last, new Date('2026-12-01T08:29:59.999Z'))).toBe(false);
    expect(lifetime.hasExpired(last, new Date('2026-12-01T08:30:00.000Z'))).toBe(true);
  });

  it('bounds the sweep with the same rule: a cart has expired exactly when it was last active at or before the cutoff', () => {
    const cutoff = lifetime.idleCutoff(now);
    expect(cutoff.toISOString()).toBe('2026-10-31T12:00:00.000Z');
    for (const last of [daysAgo(31), daysAgo(30), new Date(cutoff.getTime() + 1), daysAgo(1)]) {
      expect(lifetime.hasExpired(last, now)).toBe(last <= cutoff);
      expect(lifetime.hasExpired(last, now)).toBe(lifetime.expiresAt(last) <= now);
    }
  });
});
