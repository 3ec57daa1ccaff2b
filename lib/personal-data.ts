// A person's erasure (GDPR art. 17, SPEC §3), as every context carries it out: the order context
// records the request and publishes PersonalDataErasureRequested; each context holding personal
// data (order, cart, subscription, promotion) consumes it and, in one transaction, replaces the
// person id in its rows by the erasure's pseudonym, blanks addresses down to what tax records need,
// and rewrites the person id in the events it recorded. Amounts and lines stay: they are the
// financial records. Running it again changes nothing more, so a redelivery or a repeated request
// is harmless.
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SqlClient } from './db.js';
import { idempotentConsumer } from './event-consumer.js';
import type { ConsumerSpec } from './event-consumer.js';
import type { Logger } from './logger.js';
import { eventStream } from './outbox.js';
import { describeActor, type Actor } from './state-machine.js';
import { eraseVersionActor } from './versions.js';

export const ERASURE_REQUESTED = 'PersonalDataErasureRequested';

export const erasureData = z.object({
  personId: z.string().min(1).max(100),
  pseudonym: z.string().regex(/^erased:[\da-f-]{36}$/),
  /** The admin who asked: what a context changes on the way (a subscription cancelled) is theirs. */
  requestedBy: z.string().min(1),
});

export type Erasure = z.infer<typeof erasureData>;

/** What replaces a person's id everywhere: no function of the id, so nothing leads back to it. */
export const newPseudonym = (): string => `erased:${randomUUID()}`;

/** How an erasure record finds a repeated request without keeping the id. */
export const personHash = (personId: string): string => createHash('sha256').update(personId).digest('hex');


/**
 * SQL for an address column (jsonb) with the person taken out: the country and the state stay (tax
 * records need them); the name, street, city and postal code become "(erased)" or null, so that
 * the API's Address keeps its shape.
 */
export function erasedAddressSql(column: string): string {
  return `jsonb_build_object('name', null, 'line1', '(erased)', 'line2', null, 'city', '(erased)', 'state', ${column}->'state', 'postalCode', '(erased)', 'country', ${column}->'country')`;
}

/**
 * Lets this transaction rewrite the person in an append-only history (the history triggers allow
 * an UPDATE while commerce.erasure is on, and only then; it ends with the transaction), and makes
 * the version trigger erase the values it replaces from the rows' earlier versions (lib/versions.ts).
 * Every erasure consumer's transaction starts with it.
 */
async function allowHistoryErasure(tx: SqlClient): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT set_config('commerce.erasure', 'on', true)`);
}

/** Replaces the person as actor in a history table's `actor` column (`person:<id>`, lib/state-machine.ts describeActor). */
export async function eraseActor(tx: SqlClient, table: string, erasure: Erasure): Promise<void> {
  const person: Actor = { kind: 'person', id: erasure.personId, roles: [] };
  const pseudonym: Actor = { kind: 'person', id: erasure.pseudonym, roles: [] };
  await tx.$executeRawUnsafe(`UPDATE ${table} SET actor = $2 WHERE actor = $1`, describeActor(person), describeActor(pseudonym));
}

/** The admin who asked for the erasure, as the actor of what it changes on the way. */
export const erasureActor = (erasure: Erasure): Actor => ({ kind: 'person', id: erasure.requestedBy, roles: ['admin'] });

/** Replaces the person id in the data of the events this context recorded about them. */
export async function eraseFromOutbox(tx: SqlClient, erasure: Erasure): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE outbox_event SET data = jsonb_set(data, '{personId}', to_jsonb($2::text)) WHERE data->>'personId' = $1`,
    erasure.personId,
    erasure.pseudonym,
  );
}

interface Transactional<Tx> {
  $transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R>;
}

/**
 * A context's consumer of erasure requests: `erase` anonymises the context's own tables; the
 * events it recorded and the actor of the versions it kept (lib/versions.ts) are rewritten with
 * them, in the same transaction.
 */
export function erasureConsumer<Tx extends SqlClient>(options: {
  /** The consumer group, e.g. `cart-personal-data-erasure`. */
  name: string;
  redisPrefix: string;
  db: Transactional<Tx>;
  log: Logger;
  /** What must happen first, through the context's own services (each idempotent): e.g. ending subscriptions. */
  prepare?: (erasure: Erasure) => Promise<void>;
  erase: (tx: Tx, erasure: Erasure) => Promise<void>;
}): ConsumerSpec {
  const consumer = idempotentConsumer({
    name: options.name,
    stream: eventStream(options.redisPrefix, 'order'),
    types: [ERASURE_REQUESTED],
    db: options.db,
    data: erasureData,
    log: options.log,
    handle: async (erasure, tx) => {
      await allowHistoryErasure(tx);
      await options.erase(tx, erasure);
      await eraseFromOutbox(tx, erasure);
      await eraseVersionActor(tx, erasure);
      options.log.info({ consumer: options.name, pseudonym: erasure.pseudonym }, 'personal data erased');
    },
  });
  const { prepare } = options;
  if (!prepare) return consumer;
  return {
    ...consumer,
    process: async (event) => {
      const erasure = erasureData.safeParse(event.data);
      if (erasure.success) await prepare(erasure.data);
      await consumer.process(event);
    },
  };
}
