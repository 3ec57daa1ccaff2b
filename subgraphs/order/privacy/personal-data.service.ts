// Erasure requests (GDPR art. 17, SPEC §3), taken by the order context because it keeps the
// financial records: the request is recorded without the person id and published; every context
// then erases its own part (lib/personal-data.ts), this one's included (eraseOrderData).
import { QUEUED_WRITE } from '../../../lib/db.js';
import { recordEvents } from '../../../lib/outbox.js';
import {
  ERASURE_REQUESTED,
  eraseActor,
  erasedAddressSql,
  newPseudonym,
  personHash,
  type Erasure,
} from '../../../lib/personal-data.js';
import type { Prisma, PrismaClient, PersonalDataErasure } from '../prisma-client/client.js';
import { LIMITS, OrderInputChecker } from '../validation.js';

type Tx = Prisma.TransactionClient;

const PERSON_ID_MAX = 100;

export class PersonalDataService {
  constructor(private readonly db: PrismaClient) {}

  /**
   * Records the erasure of a person (a repeat counts another run of the same erasure) and asks
   * every context to carry it out, in one transaction: the request exists exactly when its event does.
   */
  async requestErasure(input: { personId: string; reason: string }, requestedBy: string): Promise<PersonalDataErasure> {
    const c = new OrderInputChecker();
    const personId = input.personId.trim();
    c.text(personId, ['input', 'personId'], PERSON_ID_MAX, true);
    c.text(input.reason, ['input', 'reason'], LIMITS.reason, true);
    c.throwIfAny();
    return this.db.$transaction(async (tx) => {
      const [erasure] = await tx.$queryRaw<PersonalDataErasure[]>`
        INSERT INTO personal_data_erasure (id, person_hash, pseudonym, requested_by, reason, last_run_by)
        VALUES (gen_random_uuid(), ${personHash(personId)}, ${newPseudonym()}, ${requestedBy}, ${input.reason.trim()}, ${requestedBy})
        ON CONFLICT (person_hash) DO UPDATE
          SET runs = personal_data_erasure.runs + 1, last_run_by = EXCLUDED.last_run_by, last_run_at = now()
        RETURNING id, person_hash AS "personHash", pseudonym, requested_by AS "requestedBy", reason, requested_at AS "requestedAt",
                  runs, last_run_by AS "lastRunBy", last_run_at AS "lastRunAt"`;
      const data: Erasure = { personId, pseudonym: erasure!.pseudonym, requestedBy };
      await recordEvents(tx, [{ type: ERASURE_REQUESTED, aggregateType: 'PersonalDataErasure', aggregateId: erasure!.id, data }]);
      return erasure!;
    }, QUEUED_WRITE);
  }

  /** The erasure of this person, if one was asked for. */
  find(personId: string): Promise<PersonalDataErasure | null> {
    return this.db.personalDataErasure.findUnique({ where: { personHash: personHash(personId.trim()) } });
  }
}

/**
 * The order context's part of an erasure: its orders and checkouts no longer name the person nor
 * where they live; the histories and refunds name the pseudonym. Amounts and lines stay.
 */
export async function eraseOrderData(tx: Tx, erasure: Erasure): Promise<void> {
  const { personId, pseudonym } = erasure;
  await tx.$executeRawUnsafe(`UPDATE "order" SET person_id = $2, shipping_address = ${erasedAddressSql('shipping_address')} WHERE person_id = $1`, personId, pseudonym);
  await tx.$executeRawUnsafe(
    `UPDATE checkout SET person_id = $2::text,
       request = CASE WHEN request ? 'shippingAddress' THEN jsonb_set(request, '{shippingAddress}', ${erasedAddressSql("request->'shippingAddress'")}) ELSE request END,
       quote = CASE WHEN quote ? 'personId' THEN jsonb_set(quote, '{personId}', to_jsonb($2::text)) ELSE quote END
     WHERE person_id = $1`,
    personId,
    pseudonym,
  );
  await eraseActor(tx, 'order_history', erasure);
  await eraseActor(tx, 'refund', erasure);
}
