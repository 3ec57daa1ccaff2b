// Lifecycles as data (after Vendure's finite state machine): each state lists the states it may
// move to, guards add conditions on an edge and answer with a reason, and the actor and the time
// are passed in, so a machine is pure and table-testable. A machine decides what is legal; the
// write that follows stays conditional in SQL (`WHERE status = ANY(<sourcesOf(to)>)`), so the
// database decides who won a race.
import type { Role, Viewer } from './auth.js';

/** Who asks for a transition: a person (with their roles), another service, or one of our jobs. */
export type Actor =
  | { kind: 'person'; id: string; roles: readonly Role[] }
  | { kind: 'service'; id: string }
  | { kind: 'system'; id: string };

export const systemActor = (job: string): Actor => ({ kind: 'system', id: job });

/** The actor a verified caller is: a service token names a service, anything else is a person. */
export function actorOf(viewer: Viewer): Actor {
  if (viewer.roles.has('service')) return { kind: 'service', id: viewer.personId };
  return { kind: 'person', id: viewer.personId, roles: [...viewer.roles] };
}

/** How history records an actor, e.g. `person:alice`, `service:order`, `system:cart-expiry`. */
export const describeActor = (actor: Actor): string => `${actor.kind}:${actor.id}`;

export interface TransitionRequest<S extends string, C> {
  from: S;
  to: S;
  actor: Actor;
  at: Date;
  /** What a guard needs to know about the thing moving (e.g. when it was last touched). */
  context: C;
}

/** A condition on one edge: null when it holds, else the reason the transition is refused. */
export type Guard<S extends string, C> = (request: TransitionRequest<S, C>) => string | null;

export interface MachineDefinition<S extends string, C> {
  /** What moves, in the business's words (e.g. "reservation"); refusals name it. */
  name: string;
  /** Every state with the states it may move to; a final state lists none. */
  transitions: { readonly [K in S]: readonly S[] };
  /** Conditions on edges, keyed `FROM->TO`. */
  guards?: { readonly [K in `${S}->${S}`]?: Guard<S, C> };
  /**
   * States in which asking to move to a state changes nothing, because what the move is for has
   * happened already (releasing an expired reservation: its stock is back). Each state settles
   * a request for itself without being listed.
   */
  settles?: { readonly [K in S]?: readonly S[] };
}

/** A transition refused: what moved, from and to where, and why. Resolvers answer it as the userError ILLEGAL_TRANSITION. */
export class IllegalTransition extends Error {
  readonly code = 'ILLEGAL_TRANSITION';

  constructor(
    readonly machine: string,
    readonly from: string,
    readonly to: string,
    readonly reason: string,
    /** The input field that named the thing, for the userError. */
    readonly field: readonly string[] | null = null,
  ) {
    super(`the ${machine} cannot go from ${from} to ${to}: ${reason}`);
  }
}

/** What a request to move comes to: a move, or nothing to do (the state already settles it). */
export type Decision = 'move' | 'stay';

export interface StateMachine<S extends string, C> {
  readonly name: string;
  readonly states: readonly S[];
  /** Null when the move is legal for this actor at this time, else the refusal. */
  check(from: S, to: S, request: Omit<TransitionRequest<S, C>, 'from' | 'to'>): IllegalTransition | null;
  /** 'stay' when `from` already settles `to`, 'move' when the move is legal; throws the refusal otherwise. */
  decide(from: S, to: S, request: Omit<TransitionRequest<S, C>, 'from' | 'to'>, field?: readonly string[]): Decision;
  /** The states with an edge into `to`: the `WHERE status = ANY(…)` of the conditional write. */
  sourcesOf(to: S): S[];
  isFinal(state: S): boolean;
}

export function defineMachine<S extends string, C = undefined>(definition: MachineDefinition<S, C>): StateMachine<S, C> {
  const { name, transitions } = definition;
  const states = Object.keys(transitions) as S[];
  const guards = (definition.guards ?? {}) as Partial<Record<string, Guard<S, C>>>;
  for (const from of states) {
    for (const to of transitions[from]) {
      if (!(to in transitions)) throw new Error(`${name}: ${from} -> ${to} leads to an undeclared state`);
      if (to === from) throw new Error(`${name}: ${from} -> ${from} is not a move; list it under settles`);
    }
  }
  for (const key of Object.keys(guards)) {
    const [from, to] = key.split('->') as [S, S];
    if (!transitions[from]?.includes(to)) throw new Error(`${name}: guard on ${key}, which is not a transition`);
  }

  const check: StateMachine<S, C>['check'] = (from, to, request) => {
    if (!transitions[from]?.includes(to)) {
      const reason = transitions[from]?.length ? `from ${from} it can only go to ${transitions[from].join(' or ')}` : `${from} is final`;
      return new IllegalTransition(name, from, to, reason);
    }
    const reason = guards[`${from}->${to}`]?.({ ...request, from, to });
    return reason ? new IllegalTransition(name, from, to, reason) : null;
  };

  return {
    name,
    states,
    check,
    decide(from, to, request, field) {
      if (from === to || definition.settles?.[to]?.includes(from)) return 'stay';
      const refusal = check(from, to, request);
      if (refusal) throw new IllegalTransition(name, from, to, refusal.reason, field ?? null);
      return 'move';
    },
    sourcesOf: (to) => states.filter((from) => transitions[from].includes(to)),
    isFinal: (state) => transitions[state].length === 0,
  };
}

/** A guard that lets only these kinds of actor through. */
export function onlyBy<S extends string, C>(...kinds: Actor['kind'][]): Guard<S, C> {
  return ({ actor }) => (kinds.includes(actor.kind) ? null : `only ${kinds.join(' or ')} may do this, not ${describeActor(actor)}`);
}
