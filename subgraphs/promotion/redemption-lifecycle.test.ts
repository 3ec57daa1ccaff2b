// The promotion redemption's lifecycle, table-tested: every legal edge, every other pair refused,
// and only the order context moving redemptions.
import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../lib/state-machine.js';
import { everyPair } from '../../test/lifecycle-table.js';
import { redemptionLifecycle as lifecycle } from './redemption-lifecycle.js';

const order: Actor = { kind: 'service', id: 'order' };
const at = new Date('2026-11-30T12:00:00Z');

describe('redemption lifecycle', () => {
  it.each(everyPair(lifecycle.states, ['RESERVED->CONFIRMED', 'RESERVED->RELEASED', 'CONFIRMED->RELEASED']))('%s -> %s is legal: %s', (from, to, legal) => {
    const refusal = lifecycle.check(from, to, { actor: order, at, context: undefined });
    expect(refusal === null).toBe(legal);
    if (refusal) expect(refusal).toMatchObject({ from, to, code: 'ILLEGAL_TRANSITION' });
  });

  it('is moved by the order context only', () => {
    for (const actor of [systemActor('sweep'), { kind: 'person', id: 'alice', roles: ['admin'] } as Actor]) {
      expect(lifecycle.check('RESERVED', 'CONFIRMED', { actor, at, context: undefined })?.reason).toMatch(/only service may do this/);
    }
  });

  it('settles a repeated confirm or release, and refuses to confirm what was released', () => {
    const request = { actor: order, at, context: undefined };
    expect(lifecycle.decide('CONFIRMED', 'CONFIRMED', request)).toBe('stay');
    expect(lifecycle.decide('RELEASED', 'RELEASED', request)).toBe('stay');
    expect(() => lifecycle.decide('RELEASED', 'CONFIRMED', request, ['orderId'])).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION', field: ['orderId'] }));
  });

  it('releases held and confirmed uses alike', () => {
    expect(lifecycle.sourcesOf('RELEASED')).toEqual(['RESERVED', 'CONFIRMED']);
    expect(lifecycle.sourcesOf('CONFIRMED')).toEqual(['RESERVED']);
  });
});
