// The subscription's lifecycle, table-tested: every legal edge with an actor allowed on it, every
// other pair refused, and who may take each edge.
import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../lib/state-machine.js';
import { everyPair } from '../../test/lifecycle-table.js';
import { subscriptionLifecycle, type SubscriptionStatus } from './subscription-lifecycle.js';

const now = new Date('2026-11-30T12:00:00.000Z');
const owner: Actor = { kind: 'person', id: 'alice', roles: ['customer'] };
const stranger: Actor = { kind: 'person', id: 'bob', roles: ['customer'] };
const admin: Actor = { kind: 'person', id: 'ada', roles: ['admin'] };
const support: Actor = { kind: 'person', id: 'sam', roles: ['support'] };
const renewals = systemActor('subscription-renewals');
const service: Actor = { kind: 'service', id: 'order' };
const check = (from: SubscriptionStatus, to: SubscriptionStatus, actor: Actor) => subscriptionLifecycle.check(from, to, { actor, at: now, context: { personId: 'alice' } });

const LEGAL = [
  'PENDING->ACTIVE',
  'PENDING->CANCELLED',
  'ACTIVE->PAST_DUE',
  'ACTIVE->PAUSED',
  'ACTIVE->CANCELLED',
  'PAST_DUE->ACTIVE',
  'PAST_DUE->PAUSED',
  'PAST_DUE->CANCELLED',
  'PAUSED->ACTIVE',
  'PAUSED->CANCELLED',
] as const;

/** Who may take each legal edge; everyone else is refused. */
const WHO: Record<(typeof LEGAL)[number], Actor[]> = {
  'PENDING->ACTIVE': [renewals],
  'PENDING->CANCELLED': [owner, support, admin, renewals],
  'ACTIVE->PAST_DUE': [renewals],
  'ACTIVE->PAUSED': [owner, support, admin],
  'ACTIVE->CANCELLED': [owner, support, admin, renewals],
  'PAST_DUE->ACTIVE': [renewals],
  'PAST_DUE->PAUSED': [owner, support, admin, renewals],
  'PAST_DUE->CANCELLED': [owner, support, admin, renewals],
  'PAUSED->ACTIVE': [owner, support, admin],
  'PAUSED->CANCELLED': [owner, support, admin],
};
const EVERYONE = [owner, stranger, admin, support, renewals, service];

describe('subscription lifecycle', () => {
  it.each(everyPair(subscriptionLifecycle.states, LEGAL))('%s -> %s is legal: %s', (from, to, legal) => {
    const allowed = legal ? WHO[`${from}->${to}` as (typeof LEGAL)[number]] : [];
    for (const actor of EVERYONE) {
      const refusal = check(from, to, actor);
      expect(refusal === null, `${actor.kind}:${actor.id}`).toBe(allowed.includes(actor));
      if (refusal) expect(refusal).toMatchObject({ from, to, code: 'ILLEGAL_TRANSITION' });
    }
  });

  it('ends in CANCELLED only, and says who may do what', () => {
    expect(subscriptionLifecycle.states.filter(subscriptionLifecycle.isFinal)).toEqual(['CANCELLED']);
    expect(check('ACTIVE', 'PAUSED', stranger)?.reason).toBe('only owner, support, admin may do this, not person:bob');
    expect(check('CANCELLED', 'ACTIVE', admin)?.reason).toBe('CANCELLED is final');
  });
});
