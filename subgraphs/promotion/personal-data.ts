// The promotion context's part of a person's erasure (lib/personal-data.ts): uses of codes, the
// per-person usage counts and affiliate clicks and attributions name the pseudonym instead. The
// counts move onto the pseudonym (added to it, when a repeated erasure finds it there already), so
// that per-person limits still hold; amounts and commissions stay.
import type { Erasure } from '../../lib/personal-data.js';
import type { Prisma } from './prisma-client/client.js';

export async function erasePromotionData(tx: Prisma.TransactionClient, { personId, pseudonym }: Erasure): Promise<void> {
  await tx.$executeRawUnsafe(`UPDATE promotion_redemption SET person_id = $2 WHERE person_id = $1`, personId, pseudonym);
  await tx.$executeRawUnsafe(
    `INSERT INTO promotion_person_usage (promotion_id, person_id, uses)
     SELECT promotion_id, $2, uses FROM promotion_person_usage WHERE person_id = $1
     ON CONFLICT (promotion_id, person_id) DO UPDATE SET uses = promotion_person_usage.uses + EXCLUDED.uses`,
    personId,
    pseudonym,
  );
  await tx.$executeRawUnsafe(`DELETE FROM promotion_person_usage WHERE person_id = $1`, personId);
  await tx.$executeRawUnsafe(`UPDATE affiliate_click SET person_id = $2 WHERE person_id = $1`, personId, pseudonym);
  await tx.$executeRawUnsafe(`UPDATE affiliate_attribution SET person_id = $2 WHERE person_id = $1`, personId, pseudonym);
}
