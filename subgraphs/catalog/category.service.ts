// Writes to the category tree.
import { isUniqueViolation } from '../../lib/db.js';
import type { Prisma, PrismaClient } from './prisma-client/client.js';
import type { CategoryRow } from './models.js';
import { isUuid } from '../../lib/ids.js';
import { CatalogInputChecker, LIMITS } from './validation.js';
import { refreshDerivedColumns } from './product-aggregate.js';

export interface CreateCategoryInput {
  slug: string;
  name: string;
  parentId?: string | null;
  sortOrder?: number | null;
}

/** Omitted (undefined) fields keep their values; parentId null moves the category to the root. */
export interface UpdateCategoryInput {
  slug?: string | null;
  name?: string | null;
  parentId?: string | null;
  sortOrder?: number | null;
}

export class CategoryService {
  constructor(private readonly db: PrismaClient) {}

  async create(input: CreateCategoryInput): Promise<CategoryRow> {
    const c = this.check(input, true);
    return this.write(c, async (tx) => {
      if (input.parentId != null) await this.checkParent(tx, c, null, input.parentId);
      c.throwIfAny();
      return tx.category.create({ data: { slug: input.slug, name: input.name.trim(), parentId: input.parentId ?? null, sortOrder: input.sortOrder ?? 0 } });
    });
  }

  async update(id: string, input: UpdateCategoryInput): Promise<CategoryRow> {
    const c = this.check(input, false);
    return this.write(c, async (tx) => {
      if (!isUuid(id) || !(await tx.category.findUnique({ where: { id } }))) c.add('CATEGORY_NOT_FOUND', 'category not found', ['id']);
      if (input.parentId != null) await this.checkParent(tx, c, id, input.parentId);
      c.throwIfAny();
      const category = await tx.category.update({
        where: { id },
        data: {
          slug: input.slug ?? undefined,
          name: input.name?.trim() ?? undefined,
          // Left out keeps the parent; null moves the category to the root.
          parentId: input.parentId,
          sortOrder: input.sortOrder ?? undefined,
        },
      });
      // Products are found by the names of their categories and those above them.
      if (input.name != null || input.parentId !== undefined) await refreshDerivedColumns(tx, await productsUnder(tx, id));
      return category;
    });
  }

  /** The fields' own rules; a new category needs its slug and name. */
  private check(input: UpdateCategoryInput, creating: boolean): CatalogInputChecker {
    const c = new CatalogInputChecker();
    if (creating || input.slug != null) {
      if (input.slug == null) c.add('INVALID_INPUT', 'slug is required', ['input', 'slug']);
      else c.slug(input.slug, ['input', 'slug']);
    }
    if (creating || input.name != null) c.text(input.name, ['input', 'name'], LIMITS.categoryName, true);
    c.range(input.sortOrder, ['input', 'sortOrder'], -1_000_000, 1_000_000, 'INVALID_INPUT');
    c.throwIfAny();
    return c;
  }

  /** Runs a tree edit; two admins racing for one slug get SLUG_TAKEN, not an internal error. */
  private async write(c: CatalogInputChecker, edit: (tx: Prisma.TransactionClient) => Promise<CategoryRow>): Promise<CategoryRow> {
    try {
      return await this.db.$transaction(async (tx) => {
        // Tree edits are serialised: two concurrent moves could otherwise form a cycle together.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('catalog.category_tree'))`;
        return edit(tx);
      });
    } catch (err) {
      if (!isUniqueViolation(err, 'slug')) throw err;
      return c.refuse('SLUG_TAKEN', 'another category already has this slug', ['input', 'slug']);
    }
  }

  /** The parent must exist and must not be the category itself or one of its descendants. */
  private async checkParent(tx: Prisma.TransactionClient, c: CatalogInputChecker, id: string | null, parentId: string): Promise<void> {
    if (!isUuid(parentId) || !(await tx.category.findUnique({ where: { id: parentId } }))) {
      c.add('CATEGORY_NOT_FOUND', 'parent category does not exist', ['input', 'parentId']);
      return;
    }
    if (id === null) return;
    const [row] = await tx.$queryRaw<{ cycle: boolean }[]>`
      WITH RECURSIVE ancestors AS (
        SELECT id, parent_id FROM category WHERE id = ${parentId}::uuid
        UNION ALL SELECT c.id, c.parent_id FROM category c JOIN ancestors a ON c.id = a.parent_id)
      SELECT EXISTS (SELECT 1 FROM ancestors WHERE id = ${id}::uuid) AS cycle`;
    if (row?.cycle) c.add('CATEGORY_CYCLE', 'a category cannot sit under itself or its descendants', ['input', 'parentId']);
  }
}

/** The products filed in a category or any category below it. */
async function productsUnder(tx: Prisma.TransactionClient, categoryId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ product_id: string }[]>`
    WITH RECURSIVE subtree AS (SELECT id FROM category WHERE id = ${categoryId}::uuid UNION SELECT c.id FROM category c JOIN subtree s ON c.parent_id = s.id)
    SELECT DISTINCT product_id::text FROM product_category WHERE category_id IN (SELECT id FROM subtree)`;
  return rows.map((r) => r.product_id);
}
