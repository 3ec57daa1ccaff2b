// A customer subscription's lifecycle (SPEC §3 "Subscription"): PENDING until its first payment
// (or straight to ACTIVE with a trial), PAST_DUE while a failed renewal is retried, PAUSED and
// CANCELLED by the subscriber or staff, or by dunning when retries run out. Pure: the actor, the
// time and whose subscription it is are passed in; the write that follows is conditional in SQL.
import { describeActor, defineMachine, type Guard } from '../../lib/state-machine.js';
import type { SubscriptionStatus } from './prisma-client/client.js';

export type { SubscriptionStatus };

/** What the guards need to know about the subscription that moves. */
export interface SubscriptionFacts {
  personId: string;
}

type SubscriptionGuard = Guard<SubscriptionStatus, SubscriptionFacts>;

/** Lets through the kinds of callers named: `owner` (the subscriber), staff roles, `system` (renewals, dunning, payment events). */
function allow(...who: ('owner' | 'admin' | 'support' | 'system')[]): SubscriptionGuard {
  return ({ actor, context }) => {
    const ok =
      (who.includes('owner') && actor.kind === 'person' && actor.id === context.personId) ||
      (who.includes('system') && actor.kind === 'system') ||
      (actor.kind === 'person' && who.some((w) => (w === 'admin' || w === 'support') && actor.roles.includes(w)));
    return ok ? null : `only ${who.join(', ')} may do this, not ${describeActor(actor)}`;
  };
}

const people = allow('owner', 'support', 'admin');

export const subscriptionLifecycle = defineMachine<SubscriptionStatus, SubscriptionFacts>({
  name: 'subscription',
  transitions: {
    PENDING: ['ACTIVE', 'CANCELLED'],
    ACTIVE: ['PAST_DUE', 'PAUSED', 'CANCELLED'],
    PAST_DUE: ['ACTIVE', 'PAUSED', 'CANCELLED'],
    PAUSED: ['ACTIVE', 'CANCELLED'],
    CANCELLED: [],
  },
  guards: {
    // The first payment succeeded (or a trial started): the payment provider's word, through events.
    'PENDING->ACTIVE': allow('system'),
    // The subscriber changes their mind before paying, or the first payment failed.
    'PENDING->CANCELLED': allow('owner', 'support', 'admin', 'system'),
    // A renewal's payment failed: dunning starts.
    'ACTIVE->PAST_DUE': allow('system'),
    'ACTIVE->PAUSED': people,
    // Cancelled now by a person, or at the end of its period by the renewal job.
    'ACTIVE->CANCELLED': allow('owner', 'support', 'admin', 'system'),
    // A retry (or a new payment method) paid the period.
    'PAST_DUE->ACTIVE': allow('system'),
    // Retries ran out (the configured outcome), or a person stops it meanwhile.
    'PAST_DUE->PAUSED': allow('owner', 'support', 'admin', 'system'),
    'PAST_DUE->CANCELLED': allow('owner', 'support', 'admin', 'system'),
    'PAUSED->ACTIVE': people,
    'PAUSED->CANCELLED': people,
  },
});

/** States in which the subscription bills: the renewal job looks at these only. */
export const BILLING_STATES: readonly SubscriptionStatus[] = ['ACTIVE', 'PAST_DUE'];

