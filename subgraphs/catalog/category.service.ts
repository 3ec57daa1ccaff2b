// Writes to the category tree.
import { isUniqueViolation } from '../../lib/db.js';
import type { Prisma, PrismaClient } from './prisma-client/client.js';
import type { CategoryRow } from './models.js';
import { isUuid } from '../../lib/ids.js';
import { CatalogInputChecker, LIMITS } from './validation.js';

export interface CategoryInput {
  slug: string;
  name: string;
  parentId?: string | null;
  sortOrder?: number | null;
}

export class CategoryService {
  constructor(private readonly db: PrismaClient) {}

  async create(input: CategoryInput): Promise<CategoryRow> {
    return this.write(input, null);
  }

  async update(id: string, input: CategoryInput): Promise<CategoryRow> {
    return this.write(input, id);
  }

  private async write(input: CategoryInput, id: string | null): Promise<CategoryRow> {
    const c = new CatalogInputChecker();
    c.slug(input.slug, ['input', 'slug']);
    c.text(input.name, ['input', 'name'], LIMITS.categoryName, true);
    c.range(input.sortOrder, ['input', 'sortOrder'], -1_000_000, 1_000_000, 'INVALID_INPUT');
    c.throwIfAny();
    try {
      return await this.db.$transaction(async (tx) => {
        // Tree edits are serialised: two concurrent moves could otherwise form a cycle together.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('catalog.category_tree'))`;
        if (id !== null && (!isUuid(id) || !(await tx.category.findUnique({ where: { id } })))) {
          c.add('CATEGORY_NOT_FOUND', 'category not found', ['id']);
        }
        if (input.parentId != null) await this.checkParent(tx, c, id, input.parentId);
        c.throwIfAny();
        const data = { slug: input.slug, name: input.name.trim() };
        if (id === null) return tx.category.create({ data: { ...data, parentId: input.parentId ?? null, sortOrder: input.sortOrder ?? 0 } });
        // A rename that leaves out parentId must not move the category to the root; null does.
        return tx.category.update({
          where: { id },
          data: { ...data, parentId: input.parentId, sortOrder: input.sortOrder ?? undefined },
        });
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
