// A cart's lifecycle (SPEC §3, §4): a shopper fills an ACTIVE cart; checkout locks it
// (CHECKING_OUT), and either completes it (CHECKED_OUT) or, when the checkout is compensated,
// hands it back (ACTIVE), or merges it into the newer ACTIVE cart the person started meanwhile
// (EXPIRED: one ACTIVE cart per person). A cart idle past its lifetime expires.
import { defineMachine, onlyBy, type StateMachine } from '../../lib/state-machine.js';
import type { CartLifetime } from './cart-lifetime.js';
import type { CartStatus } from './prisma-client/client.js';

export type { CartStatus };

export interface CartFacts {
  lastActivityAt: Date;
}

export type CartLifecycle = StateMachine<CartStatus, CartFacts>;

/**
 * The states a cart expires from when it is idle (the sweep, createCart): ACTIVE only. A cart in
 * checkout is never expired by its idleness; its checkout decides how it ends.
 */
export const IDLE_EXPIRING: CartStatus[] = ['ACTIVE'];

export function cartLifecycle(lifetime: CartLifetime): CartLifecycle {
  return defineMachine<CartStatus, CartFacts>({
    name: 'cart',
    transitions: {
      ACTIVE: ['CHECKING_OUT', 'EXPIRED'],
      CHECKING_OUT: ['CHECKED_OUT', 'ACTIVE', 'EXPIRED'],
      CHECKED_OUT: [],
      EXPIRED: [],
    },
    guards: {
      // Only the order context's checkout moves a cart in and out of checkout.
      'ACTIVE->CHECKING_OUT': onlyBy('service'),
      'CHECKING_OUT->CHECKED_OUT': onlyBy('service'),
      'CHECKING_OUT->ACTIVE': onlyBy('service'),
      'CHECKING_OUT->EXPIRED': onlyBy('service'),
      'ACTIVE->EXPIRED': ({ context, at }) =>
        lifetime.hasExpired(context.lastActivityAt, at) ? null : `the cart is in use until ${lifetime.expiresAt(context.lastActivityAt).toISOString()}`,
    },
  });
}
