// The subscription context's part of a person's erasure (lib/personal-data.ts). First, what still
// runs is cancelled now, by the admin who asked, through the lifecycle: nobody bills an erased
// person. Then the subscriptions name the pseudonym, their addresses keep only what tax records
// need, and their histories name the pseudonym; periods and amounts stay.
import { eraseActor, erasedAddressSql, erasureActor, type Erasure } from '../../lib/personal-data.js';
import type { Prisma, PrismaClient } from './prisma-client/client.js';
import type { SubscriptionActions } from './subscription-actions.service.js';

export async function cancelRunningSubscriptions(db: PrismaClient, actions: SubscriptionActions, erasure: Erasure): Promise<void> {
  const running = await db.customerSubscription.findMany({ where: { personId: erasure.personId, status: { not: 'CANCELLED' } }, select: { id: true } });
  for (const { id } of running) await actions.cancel(erasureActor(erasure), id, false);
}

export async function eraseSubscriptionData(tx: Prisma.TransactionClient, erasure: Erasure): Promise<void> {
  const { personId, pseudonym } = erasure;
  await tx.$executeRawUnsafe(
    `UPDATE customer_subscription SET person_id = $2, shipping_address = ${erasedAddressSql('shipping_address')} WHERE person_id = $1`,
    personId,
    pseudonym,
  );
  await eraseActor(tx, 'subscription_event', erasure);
}
