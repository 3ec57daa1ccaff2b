// Admins' plans: creating and changing them, with the catalog's word on every variant they deliver.
// Plans record no events (SPEC §5 lists none for them).
import { isUuid } from '../../lib/ids.js';
import type { CatalogClient } from './catalog.js';
import type { CreateSubscriptionPlanInput, UpdateSubscriptionPlanInput } from './generated/resolvers-types.js';
import type { PlanRow } from './models.js';
import type { Prisma, PrismaClient } from './prisma-client/client.js';
import { LIMITS, SubscriptionInputChecker, newPlanFields, planChanges, refuse, type PlanFields } from './validation.js';

type Tx = Prisma.TransactionClient;

const notFound = () => refuse('PLAN_NOT_FOUND', 'no plan has this id', ['id']);

export class PlanService {
  constructor(
    private readonly db: PrismaClient,
    private readonly catalog: CatalogClient,
  ) {}

  async create(input: CreateSubscriptionPlanInput): Promise<PlanRow> {
    const c = new SubscriptionInputChecker();
    const { items, ...fields } = newPlanFields(c, input);
    await this.checkVariants(c, items);
    c.throwIfAny();
    return this.db.$transaction(async (tx) => {
      const plan = await tx.subscriptionPlan.create({ data: fields });
      await this.writeItems(tx, plan.id, items);
      return plan;
    });
  }

  /** Changes a plan under its row lock; new items replace the list. Subscriptions on it bill the new terms from their next period. */
  async update(id: string, input: UpdateSubscriptionPlanInput): Promise<PlanRow> {
    const current = isUuid(id) ? await this.db.subscriptionPlan.findUnique({ where: { id } }) : null;
    if (!current) return notFound();
    const c = new SubscriptionInputChecker();
    const { items, ...fields } = planChanges(c, input, current);
    if (items) await this.checkVariants(c, items);
    c.throwIfAny();
    return this.db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM subscription_plan WHERE id = ${id}::uuid FOR UPDATE`;
      if (items) {
        await tx.subscriptionPlanItem.deleteMany({ where: { planId: id } });
        await this.writeItems(tx, id, items);
      }
      return tx.subscriptionPlan.update({ where: { id }, data: { ...fields, updatedAt: new Date() } });
    });
  }

  /** Active plans, cheapest first; with `includeInactive`, every plan. */
  list(includeInactive: boolean): Promise<PlanRow[]> {
    return this.db.subscriptionPlan.findMany({ where: includeInactive ? {} : { active: true }, orderBy: [{ price: 'asc' }, { id: 'asc' }] });
  }

  private async writeItems(tx: Tx, planId: string, items: PlanFields['items']): Promise<void> {
    await tx.subscriptionPlanItem.createMany({ data: items.map((item, position) => ({ planId, variantId: item.variantId, quantity: item.quantity, position })) });
  }

  /** VARIANT_UNAVAILABLE for each item whose variant the catalog does not know or does not sell, naming the item. */
  private async checkVariants(c: SubscriptionInputChecker, items: PlanFields['items']): Promise<void> {
    // A list out of range is refused already; the catalog is not asked about it.
    if (items.length === 0 || items.length > LIMITS.items.max) return;
    const ids = [...new Set(items.map((i) => i.variantId))];
    const states = new Map((await this.catalog.variants(ids)).map((v, i) => [ids[i]!, v]));
    items.forEach((item, i) => {
      const state = states.get(item.variantId);
      if (!state) c.add('VARIANT_UNAVAILABLE', 'the catalog has no such variant', ['input', 'items', String(i), 'variantId']);
      else if (!state.forSale) c.add('VARIANT_UNAVAILABLE', 'the variant is not for sale (it or its product is inactive or archived)', ['input', 'items', String(i), 'variantId']);
    });
  }
}
