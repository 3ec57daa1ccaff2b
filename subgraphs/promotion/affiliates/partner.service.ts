// Admin writes and reads of affiliate partners.
import { isUniqueViolation } from '../../../lib/db.js';
import { isUuid } from '../../../lib/ids.js';
import { newestFirst, type PageWindow } from '../../../lib/pagination.js';
import type { PrismaClient } from '../prisma-client/client.js';
import { AffiliateInputChecker, partnerFields, refuse, type PartnerInput } from './affiliate.js';
import type { AffiliatePartnerConnectionRow, AffiliatePartnerRow } from './models.js';

const notFound = () => refuse('PARTNER_NOT_FOUND', 'affiliate partner not found', ['id']);

export class AffiliatePartnerService {
  constructor(private readonly db: PrismaClient) {}

  /** Two admins racing for one code: one partner, CODE_TAKEN for the other. */
  private async write(code: string, fn: () => Promise<AffiliatePartnerRow>): Promise<AffiliatePartnerRow> {
    try {
      return await fn();
    } catch (err) {
      if (isUniqueViolation(err, 'code')) return refuse('CODE_TAKEN', `another affiliate partner already has the code ${code}`, ['input', 'code']);
      throw err;
    }
  }

  async create(input: PartnerInput): Promise<AffiliatePartnerRow> {
    const c = new AffiliateInputChecker();
    const fields = partnerFields(c, input, null);
    c.throwIfAny();
    return this.write(fields.code, () => this.db.affiliatePartner.create({ data: fields }));
  }

  async update(id: string, input: PartnerInput): Promise<AffiliatePartnerRow> {
    const current = await this.get(id);
    if (!current) return notFound();
    const c = new AffiliateInputChecker();
    const fields = partnerFields(c, input, current);
    c.throwIfAny();
    return this.write(fields.code, () => this.db.affiliatePartner.update({ where: { id }, data: fields }));
  }

  async deactivate(id: string): Promise<AffiliatePartnerRow> {
    if (!isUuid(id)) return notFound();
    const { count } = await this.db.affiliatePartner.updateMany({ where: { id }, data: { active: false } });
    if (count === 0) return notFound();
    return (await this.get(id))!;
  }

  async get(id: string): Promise<AffiliatePartnerRow | null> {
    return isUuid(id) ? this.db.affiliatePartner.findUnique({ where: { id } }) : null;
  }

  /** Newest first, either way through (UUIDv7 ids sort by creation time). */
  list(window: PageWindow): Promise<AffiliatePartnerConnectionRow> {
    return newestFirst(
      window,
      (cursorId, order, take) =>
        this.db.affiliatePartner.findMany({ where: cursorId ? { id: order === 'desc' ? { lt: cursorId } : { gt: cursorId } } : {}, orderBy: { id: order }, take }),
      () => this.db.affiliatePartner.count(),
    );
  }
}
