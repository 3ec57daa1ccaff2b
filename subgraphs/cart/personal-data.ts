// The cart context's part of a person's erasure (lib/personal-data.ts): an ACTIVE cart nobody will
// check out any more is deleted with its lines (nothing was bought: no financial record); every
// other cart (being checked out, checked out, expired) stays for reporting under the pseudonym.
import type { Erasure } from '../../lib/personal-data.js';
import type { Prisma } from './prisma-client/client.js';

export async function eraseCartData(tx: Prisma.TransactionClient, { personId, pseudonym }: Erasure): Promise<void> {
  await tx.$executeRawUnsafe(`DELETE FROM cart WHERE person_id = $1 AND status = 'ACTIVE'`, personId);
  await tx.$executeRawUnsafe(`UPDATE cart SET person_id = $2 WHERE person_id = $1`, personId, pseudonym);
}
