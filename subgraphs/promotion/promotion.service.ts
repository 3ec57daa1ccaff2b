// Admin writes and reads of the Promotion aggregate.
import { isUniqueViolation } from '../../lib/db.js';
import { isUuid } from '../../lib/ids.js';
import { newestFirst, type PageWindow } from '../../lib/pagination.js';
import type { PromotionConnectionRow, PromotionRow } from './models.js';
import type { Prisma, PrismaClient } from './prisma-client/client.js';
import { PromotionInputChecker, promotionFields, refuse, type PromotionInput } from './validation.js';

type Tx = Prisma.TransactionClient;

const notFound = () => refuse('PROMOTION_NOT_FOUND', 'promotion not found', ['id']);
const codeTaken = (code: string) => refuse('CODE_TAKEN', `another promotion already has the code ${code}`, ['input', 'code']);

export class PromotionService {
  /** `written`: told after each committed write, before it is answered (the automatic promotions summary for carts, automatic-summary.ts). */
  constructor(
    private readonly db: PrismaClient,
    private readonly written: () => Promise<void> = async () => {},
  ) {}

  /** Runs a write; two admins racing for one code get CODE_TAKEN, not an internal error. */
  private async write<T>(fn: (tx: Tx, wantCode: (code: string | null) => void) => Promise<T>): Promise<T> {
    let code: string | null = null;
    try {
      const result = await this.db.$transaction((tx) => fn(tx, (c) => (code = c)));
      await this.written();
      return result;
    } catch (err) {
      if (code !== null && isUniqueViolation(err, 'code')) return codeTaken(code);
      throw err;
    }
  }

  private async checkCodeFree(tx: Tx, code: string | null, exceptId?: string): Promise<void> {
    if (code === null) return;
    const holder = await tx.promotion.findUnique({ where: { code }, select: { id: true } });
    if (holder && holder.id !== exceptId) codeTaken(code);
  }

  async create(input: PromotionInput): Promise<PromotionRow> {
    const c = new PromotionInputChecker();
    const fields = promotionFields(c, input, null);
    c.throwIfAny();
    return this.write(async (tx, wantCode) => {
      wantCode(fields.code);
      await this.checkCodeFree(tx, fields.code);
      return tx.promotion.create({ data: fields });
    });
  }

  /**
   * Changes a promotion under its row lock, the lock reservations take too: maxRedemptions is
   * checked against the uses counted at that moment and cannot fall below them.
   */
  async update(id: string, input: PromotionInput): Promise<PromotionRow> {
    if (!isUuid(id)) notFound();
    return this.write(async (tx, wantCode) => {
      const current = await this.locked(tx, id);
      const c = new PromotionInputChecker();
      const fields = promotionFields(c, input, current);
      wantCode(fields.code);
      const used = current.reservedCount + current.confirmedCount;
      if (fields.maxRedemptions !== null && fields.maxRedemptions < used) {
        c.add('LIMIT_BELOW_USAGE', `maxRedemptions cannot be below the ${used} uses already held or confirmed`, ['input', 'maxRedemptions']);
      }
      c.throwIfAny();
      await this.checkCodeFree(tx, fields.code, id);
      return tx.promotion.update({ where: { id }, data: fields });
    });
  }

  async deactivate(id: string): Promise<PromotionRow> {
    if (!isUuid(id)) notFound();
    return this.write(async (tx) => {
      await this.locked(tx, id);
      return tx.promotion.update({ where: { id }, data: { active: false } });
    });
  }

  private async locked(tx: Tx, id: string): Promise<PromotionRow> {
    await tx.$queryRaw`SELECT id FROM promotion WHERE id = ${id}::uuid FOR UPDATE`;
    return (await tx.promotion.findUnique({ where: { id } })) ?? notFound();
  }

  async get(id: string): Promise<PromotionRow | null> {
    return isUuid(id) ? this.db.promotion.findUnique({ where: { id } }) : null;
  }

  /** Newest first, either way through (UUIDv7 ids sort by creation time). */
  list(window: PageWindow): Promise<PromotionConnectionRow> {
    return newestFirst(
      window,
      (cursorId, order, take) =>
        this.db.promotion.findMany({ where: cursorId ? { id: order === 'desc' ? { lt: cursorId } : { gt: cursorId } } : {}, orderBy: { id: order }, take }),
      () => this.db.promotion.count(),
    );
  }
}
