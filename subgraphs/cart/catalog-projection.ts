// The cart's copy of the catalog's answers about variants (price, stock, product), so that adding
// to a cart and reading one do not ask the catalog subgraph each time. A copy is taken the first
// time a variant is asked for, dropped when the catalog's events say its product or its stock
// changed, and not used past its maximum age (a bound, should an event be late). Checkout always
// asks the catalog itself (the cart's checkout service is given the catalog, not this copy).
//
// Copies race with drops: an answer the catalog gave before a change must not be stored after
// the change's drop. Each drop counts one up in catalog_projection's one row, under its row lock;
// an answer is stored only if the count is still what it was before the catalog was asked, read
// under a share lock of that row, so a drop either waits for the store to commit and then
// deletes what it stored, or has counted up and the store stores nothing.
import type { Counter } from 'prom-client';
import { z } from 'zod';
import { executeDirectly, queryAndCommit, readRows, transactDirectly, type TransactionalSqlClient } from '../../lib/db.js';
import type { ConsumerSpec } from '../../lib/event-consumer.js';
import { isUuid } from '../../lib/ids.js';
import type { Logger } from '../../lib/logger.js';
import { eventStream, type EventEnvelope } from '../../lib/outbox.js';
import type { CatalogClient, CatalogVariant } from './catalog.js';

interface CopyRow {
  epoch: string;
  variant_id: string | null;
  data: CatalogVariant | null;
}

/**
 * `live` behind the cart's copy: copies younger than `maxAgeSeconds` answer, the rest are asked of
 * `live` in one call and stored. With `maxAgeSeconds` 0, `live` itself. Storing is best effort:
 * the answers are in hand, so a failed store is logged and the request goes on.
 */
export function projectedCatalog(
  db: TransactionalSqlClient,
  live: CatalogClient,
  options: { maxAgeSeconds: number; log: Logger; copies?: Counter<'result'> },
): CatalogClient {
  const { maxAgeSeconds, log, copies } = options;
  if (maxAgeSeconds === 0) return live;
  return {
    async variants(ids) {
      const wanted = [...new Set(ids.filter(isUuid))];
      // The count of drops comes back even when no copy does (the left join's one row).
      const rows = await readRows<CopyRow>(db, {
        text: `SELECT p.epoch::text AS epoch, v.variant_id::text AS variant_id, v.data
                 FROM catalog_projection p
                 LEFT JOIN catalog_variant v ON v.variant_id = ANY($1::uuid[]) AND v.fetched_at > now() - make_interval(secs => $2)
                WHERE p.id = 1`,
        values: [wanted, maxAgeSeconds],
      });
      const known = new Map<string, CatalogVariant>();
      for (const row of rows) if (row.variant_id && row.data) known.set(row.variant_id, row.data);
      const missing = [...new Set(ids.filter((id) => !known.has(id)))];
      copies?.inc({ result: 'hit' }, known.size);
      copies?.inc({ result: 'miss' }, missing.length);
      if (missing.length > 0) {
        const answers = await live.variants(missing);
        const found = answers.filter((v): v is CatalogVariant => v !== null);
        missing.forEach((id, i) => {
          if (answers[i]) known.set(id, answers[i]);
        });
        if (found.length > 0) {
          await storeCopies(db, found, rows[0]!.epoch).catch((err: unknown) => log.warn({ err, variants: found.length }, "could not keep the catalog's answers; they are asked again next time"));
        }
      }
      return ids.map((id) => known.get(id) ?? null);
    },
  };
}

/**
 * Stores the catalog's answers unless a drop happened since `epoch` was read (see the file's head).
 * In variant-id order, as every store writes them, so that two stores of the same variants never
 * deadlock.
 */
async function storeCopies(db: TransactionalSqlClient, answers: CatalogVariant[], epoch: string): Promise<void> {
  const variants = [...answers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  await executeDirectly(db, {
    text: `WITH p AS (SELECT epoch FROM catalog_projection WHERE id = 1 AND epoch = $4::bigint FOR SHARE)
           INSERT INTO catalog_variant (variant_id, product_id, data, fetched_at)
           SELECT c.variant_id, c.product_id, c.data, now() FROM p, unnest($1::uuid[], $2::uuid[], $3::jsonb[]) AS c(variant_id, product_id, data)
           ON CONFLICT (variant_id) DO UPDATE SET product_id = EXCLUDED.product_id, data = EXCLUDED.data, fetched_at = EXCLUDED.fetched_at`,
    values: [variants.map((v) => v.id), variants.map((v) => v.productId), variants.map((v) => JSON.stringify(v)), epoch],
  });
}

/** Drops the copies of the products' variants and of the variants named; answers how many were dropped. */
export async function dropCopies(db: TransactionalSqlClient, changed: { productIds?: string[]; variantIds?: string[] }): Promise<number> {
  const productIds = (changed.productIds ?? []).filter(isUuid);
  const variantIds = (changed.variantIds ?? []).filter(isUuid);
  if (productIds.length === 0 && variantIds.length === 0) return 0;
  return transactDirectly(db, async (tx) => {
    // Two statements: the delete's snapshot is taken after the count's lock was granted, so it sees what a store that held the share lock committed.
    await tx.$executeRawUnsafe('UPDATE catalog_projection SET epoch = epoch + 1 WHERE id = 1');
    const dropped = await queryAndCommit<{ variant_id: string }[]>(
      tx,
      'DELETE FROM catalog_variant WHERE product_id = ANY($1::uuid[]) OR variant_id = ANY($2::uuid[]) RETURNING variant_id',
      productIds,
      variantIds,
    );
    return dropped.length;
  });
}

const productChanged = z.object({ productId: z.string() });
const reservationChanged = z.object({ lines: z.array(z.object({ variantId: z.string() })) });

/**
 * Drops copies as the catalog's events say they changed: `ProductUpdated` (any edit of the
 * product, its variants or their stock on hand) drops the product's variants; a reservation made
 * or released drops its lines' variants (their stock available moved). Dropping twice is dropping
 * once, so no receipt is kept. A new product has no copies yet; committing a reservation leaves
 * what is available as it was.
 */
export function catalogProjectionConsumer(options: { redisPrefix: string; db: TransactionalSqlClient; log: Logger }): ConsumerSpec {
  const name = 'cart-catalog-projection';
  return {
    name,
    stream: eventStream(options.redisPrefix, 'catalog'),
    types: ['ProductUpdated', 'InventoryReserved', 'InventoryReleased'],
    async process(event) {
      const changed = changedBy(event);
      if (!changed) {
        options.log.error({ consumer: name, eventId: event.id, type: event.type }, 'catalog event data has an unexpected shape; skipped');
        return;
      }
      await dropCopies(options.db, changed);
    },
  };
}

function changedBy(event: EventEnvelope): { productIds?: string[]; variantIds?: string[] } | null {
  if (event.type === 'ProductUpdated') {
    const product = productChanged.safeParse(event.data);
    return product.success ? { productIds: [product.data.productId] } : null;
  }
  const reservation = reservationChanged.safeParse(event.data);
  return reservation.success ? { variantIds: reservation.data.lines.map((l) => l.variantId) } : null;
}
