// The inventory reservation's lifecycle, table-tested: every legal edge with its actor, every other
// pair refused, and a release of an expired reservation settled (nothing left to do).
import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../lib/state-machine.js';
import { everyPair } from '../../test/lifecycle-table.js';
import { reservationLifecycle as lifecycle, type ReservationStatus } from './reservation-lifecycle.js';

const order: Actor = { kind: 'service', id: 'order' };
const expiryJob = systemActor('reservation-expiry');
const shopper: Actor = { kind: 'person', id: 'alice', roles: ['customer'] };
const at = new Date('2026-11-30T12:00:00Z');
/** Who legitimately asks for each move. */
const actorFor = (to: ReservationStatus) => (to === 'EXPIRED' ? expiryJob : order);

describe('reservation lifecycle', () => {
  it.each(everyPair(lifecycle.states, ['ACTIVE->COMMITTED', 'ACTIVE->RELEASED', 'ACTIVE->EXPIRED']))('%s -> %s is legal: %s', (from, to, legal) => {
    const refusal = lifecycle.check(from, to, { actor: actorFor(to), at, context: undefined });
    expect(refusal === null).toBe(legal);
    if (refusal) expect(refusal).toMatchObject({ from, to, code: 'ILLEGAL_TRANSITION' });
  });

  it('lets only the order context commit and release, and only the expiry job expire', () => {
    expect(lifecycle.check('ACTIVE', 'COMMITTED', { actor: shopper, at, context: undefined })).not.toBeNull();
    expect(lifecycle.check('ACTIVE', 'RELEASED', { actor: expiryJob, at, context: undefined })).not.toBeNull();
    expect(lifecycle.check('ACTIVE', 'EXPIRED', { actor: order, at, context: undefined })).not.toBeNull();
  });

  it('has nothing to do when a repeat asks for the state it is in, or to release what expired', () => {
    const request = { actor: order, at, context: undefined };
    expect(lifecycle.decide('COMMITTED', 'COMMITTED', request)).toBe('stay');
    expect(lifecycle.decide('RELEASED', 'RELEASED', request)).toBe('stay');
    expect(lifecycle.decide('EXPIRED', 'RELEASED', request)).toBe('stay');
    expect(() => lifecycle.decide('EXPIRED', 'COMMITTED', request)).toThrow(/cannot go from EXPIRED to COMMITTED/);
    expect(() => lifecycle.decide('COMMITTED', 'RELEASED', request)).toThrow(/cannot go from COMMITTED to RELEASED/);
  });

  it('expires from ACTIVE only: the sweep selects those', () => {
    expect(lifecycle.sourcesOf('EXPIRED')).toEqual(['ACTIVE']);
  });
});
