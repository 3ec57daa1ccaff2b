// Admin writes and reads of affiliate partners.
import { isUniqueViolation } from '../../lib/db.js';
import { UserErrorsException, badUserInput } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { decodeCursor, encodeCursor, toConnection } from '../../lib/pagination.js';
import { partnerFields, type PartnerInput } from './affiliate.js';
import type { AffiliatePartnerConnectionRow, AffiliatePartnerRow } from './models.js';
import type { PrismaClient } from './prisma-client/client.js';
import { Checker } from './validation.js';

const fail = (code: Parameters<Checker['add']>[0], message: string, field: string[]): never => {
  const c = new Checker();
  c.add(code, message, field);
  throw new UserErrorsException(c.errors);
};
const NOT_FOUND = () => fail('PARTNER_NOT_FOUND', 'affiliate partner not found', ['id']);

export class AffiliatePartnerService {
  constructor(private readonly db: PrismaClient) {}

  /** Two admins racing for one code: one partner, CODE_TAKEN for the other. */
  private async write(code: string, fn: () => Promise<AffiliatePartnerRow>): Promise<AffiliatePartnerRow> {
    try {
      return await fn();
    } catch (err) {
      if (isUniqueViolation(err, 'code')) return fail('CODE_TAKEN', `another affiliate partner already has the code ${code}`, ['input', 'code']);
      throw err;
    }
  }

  async create(input: PartnerInput): Promise<AffiliatePartnerRow> {
    const c = new Checker();
    const fields = partnerFields(c, input, null);
    if (c.errors.length) throw new UserErrorsException(c.errors);
    return this.write(fields.code, () => this.db.affiliatePartner.create({ data: fields }));
  }

  async update(id: string, input: PartnerInput): Promise<AffiliatePartnerRow> {
    const current = await this.get(id);
    if (!current) return NOT_FOUND();
    const c = new Checker();
    const fields = partnerFields(c, input, current);
    if (c.errors.length) throw new UserErrorsException(c.errors);
    return this.write(fields.code, () => this.db.affiliatePartner.update({ where: { id }, data: fields }));
  }

  async deactivate(id: string): Promise<AffiliatePartnerRow> {
    if (!isUuid(id)) return NOT_FOUND();
    const { count } = await this.db.affiliatePartner.updateMany({ where: { id }, data: { active: false } });
    if (count === 0) return NOT_FOUND();
    return (await this.get(id))!;
  }

  async get(id: string): Promise<AffiliatePartnerRow | null> {
    return isUuid(id) ? this.db.affiliatePartner.findUnique({ where: { id } }) : null;
  }

  /** Newest first; the cursor is the last id seen (UUIDv7 ids sort by creation time). */
  async list(first: number, after: string | null | undefined): Promise<AffiliatePartnerConnectionRow> {
    let before: string | undefined;
    if (after) {
      const [id] = decodeCursor(after);
      if (typeof id !== 'string' || !isUuid(id)) throw badUserInput('after is not a valid cursor', 'after');
      before = id;
    }
    const rows = await this.db.affiliatePartner.findMany({ where: before ? { id: { lt: before } } : {}, orderBy: { id: 'desc' }, take: first + 1 });
    return { ...toConnection(rows, first, after, (p) => encodeCursor([p.id])), count: () => this.db.affiliatePartner.count() };
  }
}
