// The checkout saga's runner (SPEC §4). A checkout is a row whose step says how far it got; one
// process at a time holds its lease and runs the steps after that one. A step's result is stored
// before the next step starts when a repeat of the step could answer differently (the quote:
// prices move) and when the last step completes the checkout; the others are repeated on a
// resume, harmlessly, as every step is idempotent. A refusal or a failure compensates, in
// reverse, every step up to the one that failed (it may have half-run). A checkout whose process
// stopped is taken over when its lease lapses: by a retry with the same idempotency key, which
// resumes it, or by the recovery job, which compensates every step. The same key from the same
// person always answers the same checkout; racing requests wait for the one that holds the lease.
// Each write of the checkout row is one statement in a transaction of its own, in one round trip
// (write below).
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { v7 as uuidv7 } from 'uuid';
import { UserErrorsException, type UserError } from '../../../lib/errors.js';
import type { Logger } from '../../../lib/logger.js';
import type { CheckoutInput, OrderErrorCode } from '../generated/resolvers-types.js';
import { Prisma, type Checkout, type CheckoutStep, type Order } from '../prisma-client/client.js';
import { queryAlone, readRows, writeAlone } from '../../../lib/db.js';
import { orderById } from '../order-reads.js';
import { OrderInputChecker, refuse } from '../validation.js';
import { CHECKOUT_STEPS, type CheckoutRequest, type RunMemo, type StepDeps, type StepUpdate } from './checkout-steps.js';

export interface CheckoutOutcome {
  order: Order | null;
  clientSecret: string | null;
  userErrors: UserError<OrderErrorCode>[];
}

export interface CheckoutServiceOptions extends StepDeps {
  leaseMs: number;
  log: Logger;
  /** Test hook: runs after each step is stored (a thrown error is a failure there; a process kill, a crash). */
  afterStep?: (step: CheckoutStep) => Promise<void> | void;
}

/** A checkout's columns as its Prisma model names them (its reads go straight to pg, lib/db.ts readRows). */
const CHECKOUT_COLUMNS = Prisma.raw(`id, person_id AS "personId", idempotency_key AS "idempotencyKey", requested_key AS "requestedKey", fingerprint,
  request, cart_id AS "cartId", step::text AS step, state::text AS state, quote, reserved_until AS "reservedUntil", user_errors AS "userErrors",
  failure, lease_owner AS "leaseOwner", lease_until AS "leaseUntil", attempts, created_at AS "createdAt", updated_at AS "updatedAt"`);

/** This process lost the checkout's lease to another: it stops without touching it. */
class LeaseLost extends Error {}

const STEP_INDEX = new Map<CheckoutStep, number>(CHECKOUT_STEPS.map((s, i) => [s.reaches, i]));
const indexOf = (step: CheckoutStep) => STEP_INDEX.get(step) ?? -1;

function fingerprintOf(request: CheckoutRequest): string {
  const a = request.shippingAddress;
  const canonical = [request.cartId, request.shippingMethod, request.expectedTotal, a.name, a.line1, a.line2, a.city, a.state, a.postalCode, a.country];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

export class CheckoutService {
  /** Names this process as a lease holder. */
  private readonly owner = `checkout-${randomUUID()}`;

  constructor(private readonly deps: CheckoutServiceOptions) {}

  /** Checks the input, then starts the person's checkout for this key, or answers the one the key already names. */
  async checkout(personId: string, input: CheckoutInput): Promise<CheckoutOutcome> {
    const c = new OrderInputChecker();
    const key = c.idempotencyKey(input.idempotencyKey, ['input', 'idempotencyKey']);
    const shippingAddress = c.address(input.shippingAddress, ['input', 'shippingAddress']);
    c.range(input.expectedTotal, ['input', 'expectedTotal'], 0, Number.MAX_SAFE_INTEGER);
    c.throwIfAny();
    const request: CheckoutRequest = { cartId: input.cartId, shippingAddress, shippingMethod: input.shippingMethod, expectedTotal: input.expectedTotal ?? null };
    const fingerprint = fingerprintOf(request);

    // A failed checkout frees its key; a request racing that moment tries once more.
    for (let attempt = 0; attempt < 3; attempt++) {
      const id = uuidv7();
      const [inserted] = await queryAlone<Checkout>(
        this.deps.db,
        Prisma.sql`INSERT INTO checkout (id, person_id, idempotency_key, requested_key, fingerprint, request, cart_id, lease_owner, lease_until, attempts, updated_at)
                   VALUES (${id}::uuid, ${personId}, ${key}, ${key}, ${fingerprint}, ${JSON.stringify(request)}::jsonb, ${request.cartId}::uuid, ${this.owner},
                           now() + ${this.deps.leaseMs} * interval '1 millisecond', 1, now())
                   ON CONFLICT (person_id, idempotency_key) DO NOTHING
                   RETURNING ${CHECKOUT_COLUMNS}`,
      );
      if (inserted) return this.drive(inserted);
      const [existing] = await readRows<Checkout>(
        this.deps.db,
        Prisma.sql`SELECT ${CHECKOUT_COLUMNS} FROM checkout WHERE person_id = ${personId} AND idempotency_key = ${key}`,
      );
      if (!existing) continue;
      if (existing.fingerprint !== fingerprint) {
        return refuse('IDEMPOTENCY_KEY_REUSED', 'this idempotencyKey was used for another checkout; use a new key for a new purchase', ['input', 'idempotencyKey']);
      }
      return this.await(existing.id);
    }
    throw new Error('checkout could not start: its idempotency key kept changing hands');
  }

  /**
   * Compensates checkouts left half-done by a process that stopped (their lease lapsed more than
   * `graceMs` ago, so a client's retry had its chance to resume them). Returns how many.
   */
  async recoverAbandoned(graceMs = this.deps.leaseMs, limit = 50): Promise<number> {
    const stale = await this.deps.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM checkout WHERE state IN ('RUNNING', 'COMPENSATING')
         AND lease_until < now() - ${graceMs} * interval '1 millisecond' ORDER BY lease_until LIMIT ${limit}`;
    let recovered = 0;
    for (const { id } of stale) {
      if (!(await this.claim(id))) continue;
      const checkout = await this.load(id);
      try {
        await this.compensate(checkout, { failure: 'abandoned: the process running it stopped' });
        recovered++;
      } catch (err) {
        this.deps.log.error({ err, checkoutId: id }, 'compensating an abandoned checkout failed; it will be tried again');
      }
    }
    return recovered;
  }

  private async load(id: string): Promise<Checkout> {
    const [checkout] = await readRows<Checkout>(this.deps.db, Prisma.sql`SELECT ${CHECKOUT_COLUMNS} FROM checkout WHERE id = ${id}::uuid`);
    if (!checkout) throw new Error(`checkout ${id} not found`);
    return checkout;
  }

  /**
   * One statement on the checkout row, in a transaction of its own that tells the version history
   * who writes, in one round trip (lib/db.ts writeAlone), where Prisma's lone write takes four and
   * its query compiler. Answers the rows changed.
   */
  private write(statement: Prisma.Sql): Promise<number> {
    return writeAlone(this.deps.db, statement);
  }

  /** Takes the lease of a checkout nobody holds (its holder stopped); false when another has it or it is over. */
  private async claim(id: string): Promise<boolean> {
    const claimed = await this.write(
      Prisma.sql`UPDATE checkout SET lease_owner = ${this.owner}, lease_until = now() + ${this.deps.leaseMs} * interval '1 millisecond',
                        attempts = attempts + 1, updated_at = now()
                  WHERE id = ${id}::uuid AND state IN ('RUNNING', 'COMPENSATING') AND (lease_until IS NULL OR lease_until < now())`,
    );
    return claimed === 1;
  }

  /** Waits for the checkout another request runs; takes it over when its holder stopped. */
  private async await(id: string): Promise<CheckoutOutcome> {
    const deadline = Date.now() + this.deps.leaseMs + 10_000;
    while (Date.now() < deadline) {
      const checkout = await this.load(id);
      if (checkout.state === 'COMPLETED' || checkout.state === 'FAILED') return this.outcomeOf(checkout);
      if (await this.claim(id)) return this.drive(await this.load(id));
      await sleep(20);
    }
    throw new Error(`checkout ${id} is still running; try again`);
  }

  /** Runs the steps after the one the checkout (as stored) reached; this process holds its lease. */
  private async drive(stored: Checkout): Promise<CheckoutOutcome> {
    const id = stored.id;
    let checkout = stored;
    let clientSecret: string | null | undefined;
    const memo: RunMemo = {};
    if (checkout.state === 'COMPENSATING') {
      await this.compensate(checkout, {});
      return this.outcomeOf(await this.load(id));
    }
    for (let at = indexOf(checkout.step) + 1; at < CHECKOUT_STEPS.length; at++) {
      const step = CHECKOUT_STEPS[at]!;
      try {
        const update = await step.run(checkout, this.deps, memo);
        clientSecret = update.clientSecret ?? clientSecret;
        memo.order = update.order ?? memo.order;
        checkout = await this.advance(checkout, at, update);
        await this.deps.afterStep?.(step.reaches);
      } catch (err) {
        if (err instanceof LeaseLost) throw new Error(`checkout ${id} was taken over by another process`);
        const current = await this.load(id);
        // Failing after the last step was stored: the checkout is complete, and a retry answers it.
        if (current.state === 'COMPLETED') throw err;
        if (err instanceof UserErrorsException) {
          await this.compensate(current, { userErrors: err.userErrors }, at);
          return this.outcomeOf(await this.load(id));
        }
        await this.compensate(current, { failure: (err as Error).message }, at).catch((compensation: unknown) =>
          this.deps.log.error({ err: compensation, checkoutId: id }, 'checkout compensation failed; the recovery job will finish it'),
        );
        throw err;
      }
    }
    return this.outcomeOf(checkout, clientSecret, memo.order);
  }

  /**
   * The checkout once step `at` has run. Stored (and the lease renewed) when the step brings a
   * quote, which a repeat could price differently, and when it is the last, which completes the
   * checkout; otherwise only this run remembers it, and a resume repeats the step.
   */
  private async advance(checkout: Checkout, at: number, update: StepUpdate): Promise<Checkout> {
    const reached = CHECKOUT_STEPS[at]!.reaches;
    const reservedUntil = update.reservedUntil ?? checkout.reservedUntil;
    if (update.quote || at === CHECKOUT_STEPS.length - 1) return this.store(checkout, reached, { ...update, reservedUntil });
    return { ...checkout, step: reached, reservedUntil };
  }

  /** Stores a step's result and renews the lease; the last step completes the checkout. */
  private async store(checkout: Checkout, reached: CheckoutStep, update: StepUpdate): Promise<Checkout> {
    const last = indexOf(reached) === CHECKOUT_STEPS.length - 1;
    // Decided once: written as they are, and answered as written.
    const changes = {
      step: reached,
      state: last ? ('COMPLETED' as const) : ('RUNNING' as const),
      leaseOwner: last ? null : this.owner,
      leaseUntil: last ? null : new Date(Date.now() + this.deps.leaseMs),
      ...(update.reservedUntil ? { reservedUntil: update.reservedUntil } : {}),
      ...(update.quote ? { quote: update.quote as unknown as Checkout['quote'] } : {}),
    };
    // A step that brings no quote or stock hold leaves the stored one (coalesce), not resent.
    const stored = await this.write(
      Prisma.sql`UPDATE checkout SET step = ${changes.step}::checkout_step, state = ${changes.state}::checkout_state,
                        reserved_until = coalesce(${update.reservedUntil ?? null}::timestamptz, reserved_until),
                        quote = coalesce(${update.quote ? JSON.stringify(update.quote) : null}::jsonb, quote),
                        lease_owner = ${changes.leaseOwner}, lease_until = ${changes.leaseUntil}::timestamptz, updated_at = now()
                  WHERE id = ${checkout.id}::uuid AND lease_owner = ${this.owner} AND state = 'RUNNING'`,
    );
    if (stored !== 1) throw new LeaseLost();
    // The row as written, not read back: while this process holds the lease nothing else writes it.
    return { ...checkout, ...changes };
  }

  /**
   * Undoes, in reverse, every step up to `through` (by default all of them: a checkout taken over
   * from a stopped process may have run steps beyond the one it stored), then frees its
   * idempotency key. Each compensation is idempotent and safe for a step that never ran, so
   * running this again after a crash is safe.
   */
  private async compensate(checkout: Checkout, why: { userErrors?: UserError[]; failure?: string }, through = CHECKOUT_STEPS.length - 1): Promise<void> {
    const marked = await this.write(
      Prisma.sql`UPDATE checkout SET state = 'COMPENSATING', user_errors = coalesce(${why.userErrors ? JSON.stringify(why.userErrors) : null}::jsonb, user_errors),
                        failure = coalesce(${why.failure?.slice(0, 500) ?? null}, failure), updated_at = now()
                  WHERE id = ${checkout.id}::uuid AND lease_owner = ${this.owner} AND state IN ('RUNNING', 'COMPENSATING')`,
    );
    if (marked !== 1) throw new LeaseLost();
    for (const step of CHECKOUT_STEPS.slice(0, through + 1).reverse()) await step.compensate(checkout, this.deps);
    await this.write(
      Prisma.sql`UPDATE checkout SET state = 'FAILED', idempotency_key = NULL, lease_owner = NULL, lease_until = NULL, updated_at = now()
                  WHERE id = ${checkout.id}::uuid AND lease_owner = ${this.owner}`,
    );
    this.deps.log.info({ checkoutId: checkout.id, step: checkout.step, why: why.failure ?? why.userErrors?.map((e) => e.code) }, 'checkout compensated');
  }

  /**
   * The answer for a checkout that is over; the client secret is read back from the provider
   * unless this run created it, the order read unless this run made or paid it.
   */
  private async outcomeOf(checkout: Checkout, knownClientSecret?: string | null, knownOrder?: Order): Promise<CheckoutOutcome> {
    if (checkout.state === 'FAILED') {
      const userErrors = (checkout.userErrors as UserError<OrderErrorCode>[] | null) ?? null;
      if (!userErrors?.length) throw new Error(`checkout ${checkout.id} failed: ${checkout.failure ?? 'unknown'}`);
      return { order: null, clientSecret: null, userErrors };
    }
    const order = knownOrder ?? (await orderById(this.deps.db, checkout.id));
    if (!order) throw new Error(`checkout ${checkout.id} completed without its order`);
    let clientSecret = knownClientSecret ?? null;
    if (knownClientSecret === undefined && order.paymentIntentId) clientSecret = (await this.deps.payments.retrievePaymentIntent(order.paymentIntentId)).clientSecret;
    return { order, clientSecret, userErrors: [] };
  }
}
