// Every change of a subscription goes through SubscriptionService.apply(): the row is locked, the
// change is decided from the subscription as it is under the lock (a transition of its lifecycle,
// or a field change its status allows), written conditionally, its history entry appended and its
// event recorded, all in one transaction. Subscribing and renewals make their own moves with the
// same pieces: lockSubscription and recordSubscriptionEvent.
import { v7 as uuidv7 } from 'uuid';
import { QUEUED_WRITE } from '../../lib/db.js';
import { isUuid } from '../../lib/ids.js';
import { recordEvents } from '../../lib/outbox.js';
import { IllegalTransition, describeActor, type Actor } from '../../lib/state-machine.js';
import type { SubscriptionRow } from './models.js';
import type { Prisma, PrismaClient, SubscriptionEventKind } from './prisma-client/client.js';
import { subscriptionEvent, type SubscriptionEventType } from './subscription-events.js';
import { subscriptionLifecycle, type SubscriptionStatus } from './subscription-lifecycle.js';
import { refuse } from './validation.js';

export type Tx = Prisma.TransactionClient;

/** One entry of a subscription's history (subscription_event). */
export interface HistoryEntry {
  kind: SubscriptionEventKind;
  /** The status before; null for its creation. */
  from: SubscriptionStatus | null;
  to: SubscriptionStatus;
  /** The period it concerns, if any. */
  period: number | null;
  actor: Actor;
  reason?: string | null;
  at: Date;
}

/** The subscription's row, locked (FOR UPDATE) until the transaction ends; null when there is none. */
export async function lockSubscription(tx: Tx, id: string): Promise<SubscriptionRow | null> {
  if (!isUuid(id)) return null;
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM customer_subscription WHERE id = ${id}::uuid FOR UPDATE`;
  return locked.length ? tx.customerSubscription.findUnique({ where: { id } }) : null;
}

/**
 * Appends `entry` to the subscription's history and, when `event` is given, records that event
 * (subscription-events.ts) about `subscription` as it is after the change, in the caller's
 * transaction. Call it after the change took the row lock, so that history and events keep the
 * order in which writers got through.
 */
export async function recordSubscriptionEvent(
  tx: Tx,
  subscription: SubscriptionRow,
  entry: HistoryEntry,
  event?: { type: SubscriptionEventType; extra?: Record<string, unknown> },
): Promise<void> {
  await tx.subscriptionEvent.create({
    data: {
      id: uuidv7(),
      subscriptionId: subscription.id,
      kind: entry.kind,
      fromStatus: entry.from,
      toStatus: entry.to,
      period: entry.period,
      actor: describeActor(entry.actor),
      reason: entry.reason ?? null,
      at: entry.at,
    },
  });
  if (event) await recordEvents(tx, [subscriptionEvent(event.type, subscription, { period: entry.period, at: entry.at }, event.extra)]);
}

/** What one change does, decided under the row lock from the subscription as it is. */
export interface SubscriptionMove {
  /** The status it moves to, as the lifecycle allows; left out, the status stays (a field change the decider allowed in this status). */
  to?: SubscriptionStatus;
  /** The columns it sets besides the status. */
  data: Prisma.CustomerSubscriptionUpdateManyMutationInput;
  /** The history entry and the event; null for taking back something asked for before (a skip), which records nothing. */
  record: { kind: SubscriptionEventKind; period: number | null; reason?: string | null; event: SubscriptionEventType; extra?: Record<string, unknown> } | null;
}

/** Decides a change from the locked row: a move, or null when the subscription is already as asked (nothing is written). */
export type DecideMove = (current: SubscriptionRow, at: Date, tx: Tx) => SubscriptionMove | null | Promise<SubscriptionMove | null>;

export interface ApplyOptions {
  /** Refuses (SUBSCRIPTION_NOT_FOUND) when the subscription is not this person's. */
  ownerOnly?: string;
  /** The input field that named the subscription, for a refusal. */
  field?: readonly string[];
}

/** The refusal of a transition, naming the field that named the subscription. */
export const illegal = (from: SubscriptionStatus, to: SubscriptionStatus, reason: string, field: readonly string[] = ['id']) =>
  new IllegalTransition(subscriptionLifecycle.name, from, to, reason, field);

/** Refuses a field change the subscription's status (or its scheduled end) does not allow: ILLEGAL_TRANSITION, no move of status named. */
export const notNow = (reason: string, field: readonly string[] = ['id']): never => refuse('ILLEGAL_TRANSITION', reason, field);

export class SubscriptionService {
  constructor(
    private readonly db: PrismaClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Changes subscription `id` as `actor`, as `decide` says. A move to another status must be one the
   * lifecycle allows this actor (ILLEGAL_TRANSITION otherwise), and a move to the status it is in
   * already is refused the same way: "resume" on an ACTIVE subscription did not happen. Concurrent
   * changes queue on the row lock, and the write is conditional on the states that lead to the new
   * one (a field change: on the status it was decided in).
   */
  async apply(id: string, actor: Actor, decide: DecideMove, options: ApplyOptions = {}): Promise<SubscriptionRow> {
    const field = options.field ?? ['id'];
    return this.db.$transaction(async (tx) => {
      const current = await lockSubscription(tx, id);
      if (!current || (options.ownerOnly !== undefined && current.personId !== options.ownerOnly)) {
        return refuse('SUBSCRIPTION_NOT_FOUND', 'no subscription of yours has this id', field);
      }
      const at = this.now();
      const move = await decide(current, at, tx);
      if (!move) return current;
      const from = current.status;
      const to = move.to ?? from;
      if (move.to !== undefined) {
        if (move.to === from) throw illegal(from, to, `it is ${from} already`, field);
        subscriptionLifecycle.decide(from, to, { actor, at, context: { personId: current.personId } }, field);
      }
      const sources = move.to === undefined ? [from] : subscriptionLifecycle.sourcesOf(to);
      const written = await tx.customerSubscription.updateMany({ where: { id, status: { in: sources } }, data: { ...move.data, status: to, updatedAt: at } });
      if (written.count !== 1) throw new Error(`subscription ${id} left ${from} while locked`);
      const row = await tx.customerSubscription.findUniqueOrThrow({ where: { id } });
      if (move.record) {
        const { kind, period, reason, event, extra } = move.record;
        await recordSubscriptionEvent(tx, row, { kind, from, to, period, actor, reason, at }, { type: event, extra });
      }
      return row;
    }, QUEUED_WRITE);
  }
}
