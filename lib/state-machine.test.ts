// The generic lifecycle machine: transitions as data, guards with a reason, the actor and the
// time passed in, repeats that settle, and refusals that payloads answer as ILLEGAL_TRANSITION.
import { describe, expect, it } from 'vitest';
import { toPayload } from './errors.js';
import { IllegalTransition, actorOf, defineMachine, describeActor, onlyBy, systemActor, type Actor } from './state-machine.js';

type Light = 'GREEN' | 'AMBER' | 'RED' | 'BROKEN';
const NOON = new Date('2026-11-30T12:00:00Z');
const alice: Actor = { kind: 'person', id: 'alice', roles: ['customer'] };
const service: Actor = { kind: 'service', id: 'order' };

const light = defineMachine<Light, { cars: number }>({
  name: 'light',
  transitions: { GREEN: ['AMBER', 'BROKEN'], AMBER: ['RED'], RED: ['GREEN'], BROKEN: [] },
  guards: {
    'GREEN->AMBER': ({ context }) => (context.cars > 10 ? 'the road is busy' : null),
    'RED->GREEN': ({ at }) => (at.getUTCHours() < 6 ? 'the light stays red at night' : null),
    'GREEN->BROKEN': onlyBy('system'),
  },
  settles: { RED: ['BROKEN'] },
});
const ask = (actor: Actor = alice, cars = 0, at = NOON) => ({ actor, at, context: { cars } });

describe('defineMachine', () => {
  it('lists its states and knows the final ones and where each state can be reached from', () => {
    expect(light.states).toEqual(['GREEN', 'AMBER', 'RED', 'BROKEN']);
    expect(light.states.filter(light.isFinal)).toEqual(['BROKEN']);
    expect(light.sourcesOf('RED')).toEqual(['AMBER']);
    expect(light.sourcesOf('BROKEN')).toEqual(['GREEN']);
    expect(light.sourcesOf('GREEN')).toEqual(['RED']);
  });

  it('refuses a definition that names an undeclared state, a self edge, or a guard on no edge', () => {
    expect(() => defineMachine<'A' | 'B'>({ name: 'x', transitions: { A: ['C' as 'B'], B: [] } })).toThrow(/undeclared state/);
    expect(() => defineMachine<'A' | 'B'>({ name: 'x', transitions: { A: ['A'], B: [] } })).toThrow(/not a move/);
    expect(() => defineMachine<'A' | 'B'>({ name: 'x', transitions: { A: ['B'], B: [] }, guards: { 'B->A': () => null } })).toThrow(/not a transition/);
  });
});

describe('check', () => {
  it('allows an edge whose guard holds', () => {
    expect(light.check('GREEN', 'AMBER', ask())).toBeNull();
    expect(light.check('AMBER', 'RED', ask())).toBeNull();
  });

  it('refuses a pair that is no edge, naming from, to and where it could go', () => {
    const refusal = light.check('AMBER', 'GREEN', ask());
    expect(refusal).toBeInstanceOf(IllegalTransition);
    expect(refusal).toMatchObject({ machine: 'light', from: 'AMBER', to: 'GREEN', code: 'ILLEGAL_TRANSITION', reason: 'from AMBER it can only go to RED' });
    expect(light.check('BROKEN', 'GREEN', ask())?.reason).toBe('BROKEN is final');
  });

  it('refuses with the guard’s reason, given the context, the time and the actor', () => {
    expect(light.check('GREEN', 'AMBER', ask(alice, 11))?.reason).toBe('the road is busy');
    expect(light.check('RED', 'GREEN', ask(alice, 0, new Date('2026-11-30T03:00:00Z')))?.reason).toBe('the light stays red at night');
    expect(light.check('GREEN', 'BROKEN', ask(service))?.reason).toBe('only system may do this, not service:order');
    expect(light.check('GREEN', 'BROKEN', ask(systemActor('inspection')))).toBeNull();
  });
});

describe('decide', () => {
  it('moves when the transition is legal', () => {
    expect(light.decide('GREEN', 'AMBER', ask())).toBe('move');
  });

  it('stays when the state already is the target, or settles it', () => {
    expect(light.decide('RED', 'RED', ask())).toBe('stay');
    expect(light.decide('BROKEN', 'RED', ask())).toBe('stay');
  });

  it('throws the refusal, carrying the field that named the thing', () => {
    expect(() => light.decide('AMBER', 'GREEN', ask(), ['lightId'])).toThrow(
      expect.objectContaining({ from: 'AMBER', to: 'GREEN', field: ['lightId'], message: 'the light cannot go from AMBER to GREEN: from AMBER it can only go to RED' }),
    );
  });
});

describe('a refusal in a mutation', () => {
  it('is answered as the userError ILLEGAL_TRANSITION, with the message and the field', async () => {
    const payload = await toPayload('light', async () => light.decide('BROKEN', 'GREEN', ask(), ['lightId']));
    expect(payload).toEqual({
      light: null,
      userErrors: [{ code: 'ILLEGAL_TRANSITION', field: ['lightId'], message: 'the light cannot go from BROKEN to GREEN: BROKEN is final' }],
    });
  });
});

describe('actors', () => {
  it('are people with their roles, services, or our own jobs, and history names them', () => {
    expect(actorOf({ personId: 'alice', roles: new Set(['customer']) })).toEqual(alice);
    expect(actorOf({ personId: 'order', roles: new Set(['service']) })).toEqual(service);
    expect([alice, service, systemActor('cart-expiry')].map(describeActor)).toEqual(['person:alice', 'service:order', 'system:cart-expiry']);
  });
});
