// Admin writes and reads of the Promotion aggregate.
import { isUniqueViolation } from '../../lib/db.js';
import { UserErrorsException, badUserInput } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { decodeCursor, encodeCursor, toConnection } from '../../lib/pagination.js';
import type { Prisma, PrismaClient } from './prisma-client/client.js';
import type { PromotionConnectionRow, PromotionRow } from './models.js';
import { Checker, promotionFields, type PromotionFields, type PromotionInput } from './validation.js';

type Tx = Prisma.TransactionClient;

const failWith = (code: Parameters<Checker['add']>[0], message: string, field: string[]): never => {
  const c = new Checker();
  c.add(code, message, field);
  throw new UserErrorsException(c.errors);
};
const failIfAny = (c: Checker): void => {
  if (c.errors.length > 0) throw new UserErrorsException(c.errors);
};
const CODE_TAKEN = (code: string) => failWith('CODE_TAKEN', `another promotion already has the code ${code}`, ['input', 'code']);

const fieldsOf = (p: PromotionRow): PromotionFields => ({
  name: p.name,
  code: p.code,
  automatic: p.automatic,
  discountType: p.discountType,
  value: p.value,
  currency: p.currency,
  level: p.level,
  targetProductIds: p.targetProductIds,
  targetVariantIds: p.targetVariantIds,
  targetCategoryIds: p.targetCategoryIds,
  minSubtotal: p.minSubtotal,
  validFrom: p.validFrom,
  validTo: p.validTo,
  maxRedemptions: p.maxRedemptions,
  maxRedemptionsPerPerson: p.maxRedemptionsPerPerson,
  stackable: p.stackable,
  priority: p.priority,
  active: p.active,
});

export class PromotionService {
  constructor(private readonly db: PrismaClient) {}

  /** Runs a write; two admins racing for one code get CODE_TAKEN, not an internal error. */
  private async write<T>(fn: (tx: Tx, wantCode: (code: string | null) => void) => Promise<T>): Promise<T> {
    let code: string | null = null;
    try {
      return await this.db.$transaction((tx) => fn(tx, (c) => (code = c)));
    } catch (err) {
      if (code !== null && isUniqueViolation(err, 'code')) return CODE_TAKEN(code);
      throw err;
    }
  }

  private async checkCodeFree(tx: Tx, code: string | null, exceptId?: string): Promise<void> {
    if (code === null) return;
    const holder = await tx.promotion.findUnique({ where: { code }, select: { id: true } });
    if (holder && holder.id !== exceptId) CODE_TAKEN(code);
  }

  async create(input: PromotionInput): Promise<PromotionRow> {
    const c = new Checker();
    const fields = promotionFields(c, input, null);
    failIfAny(c);
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
    if (!isUuid(id)) failWith('PROMOTION_NOT_FOUND', 'promotion not found', ['id']);
    return this.write(async (tx, wantCode) => {
      const current = await this.locked(tx, id);
      const c = new Checker();
      const fields = promotionFields(c, input, fieldsOf(current));
      wantCode(fields.code);
      const used = current.reservedCount + current.confirmedCount;
      if (fields.maxRedemptions !== null && fields.maxRedemptions < used) {
        c.add('LIMIT_BELOW_USAGE', `maxRedemptions cannot be below the ${used} uses already held or confirmed`, ['input', 'maxRedemptions']);
      }
      failIfAny(c);
      await this.checkCodeFree(tx, fields.code, id);
      return tx.promotion.update({ where: { id }, data: fields });
    });
  }

  async deactivate(id: string): Promise<PromotionRow> {
    if (!isUuid(id)) failWith('PROMOTION_NOT_FOUND', 'promotion not found', ['id']);
    return this.db.$transaction(async (tx) => {
      await this.locked(tx, id);
      return tx.promotion.update({ where: { id }, data: { active: false } });
    });
  }

  private async locked(tx: Tx, id: string): Promise<PromotionRow> {
    await tx.$queryRaw`SELECT id FROM promotion WHERE id = ${id}::uuid FOR UPDATE`;
    const current = await tx.promotion.findUnique({ where: { id } });
    return current ?? failWith('PROMOTION_NOT_FOUND', 'promotion not found', ['id']);
  }

  async get(id: string): Promise<PromotionRow | null> {
    return isUuid(id) ? this.db.promotion.findUnique({ where: { id } }) : null;
  }

  /** Newest first; the cursor is the last id seen (UUIDv7 ids sort by creation time). */
  async list(first: number, after: string | null | undefined): Promise<PromotionConnectionRow> {
    let before: string | undefined;
    if (after) {
      const [id] = decodeCursor(after);
      if (typeof id !== 'string' || !isUuid(id)) throw badUserInput('after is not a valid cursor', 'after');
      before = id;
    }
    const rows = await this.db.promotion.findMany({ where: before ? { id: { lt: before } } : {}, orderBy: { id: 'desc' }, take: first + 1 });
    return { ...toConnection(rows, first, after, (p) => encodeCursor([p.id])), count: () => this.db.promotion.count() };
  }
}
