// The categories an import needs: each slug path of the file against the stored tree. A missing
// category is created under the one before it in the path, named after its slug; one that exists
// must sit where the path says. Pure.
import { notImported, type ImportError, type PlannedProduct } from './catalog-import-rows.js';
import { LIMITS } from './validation.js';

export interface StoredCategory {
  id: string;
  slug: string;
  parentId: string | null;
}

export interface NewCategory extends StoredCategory {
  name: string;
  /** 0 for a root: parents are created before their children. */
  depth: number;
}

export interface CategoryChanges {
  create: NewCategory[];
  errors: ImportError[];
  /** Products (by slug) whose paths disagree with the tree. */
  rejected: Set<string>;
}

/** "mens-linen-shirts" is named "Mens linen shirts" until an admin renames it. */
export const nameFromSlug = (slug: string): string => {
  const words = slug.replaceAll('-', ' ');
  return (words.charAt(0).toUpperCase() + words.slice(1)).slice(0, LIMITS.categoryName);
};

export function categoryChanges(products: PlannedProduct[], stored: StoredCategory[], newId: () => string): CategoryChanges {
  const bySlug = new Map(stored.map((c) => [c.slug, c]));
  const slugOf = new Map(stored.map((c) => [c.id, c.slug]));
  const out: CategoryChanges = { create: [], errors: [], rejected: new Set() };
  for (const product of products) {
    const problems: string[] = [];
    for (const path of product.categories ?? []) {
      path.forEach((slug, depth) => {
        const parentSlug = depth === 0 ? null : path[depth - 1]!;
        const known = bySlug.get(slug);
        if (!known) {
          const parentId = parentSlug === null ? null : bySlug.get(parentSlug)!.id;
          const created: NewCategory = { id: newId(), slug, parentId, name: nameFromSlug(slug), depth };
          out.create.push(created);
          bySlug.set(slug, created);
          slugOf.set(created.id, slug);
          return;
        }
        const actual = known.parentId === null ? null : slugOf.get(known.parentId)!;
        if (actual !== parentSlug) {
          const where = (p: string | null) => (p === null ? 'a root category' : `under ${p}`);
          problems.push(`category ${slug} is ${where(actual)}, not ${where(parentSlug)}`);
        }
      });
    }
    if (problems.length === 0) continue;
    out.rejected.add(product.slug);
    out.errors.push({ line: product.line, column: 'categories', code: 'INVALID_INPUT', message: [...new Set(problems)].join('; ') });
    out.errors.push(...product.variants.filter((v) => v.line !== product.line).map((v) => notImported(v.line, product.slug, product.line)));
  }
  return out;
}
