// Admin category writes through the gateway: the tree built, renamed and moved as written, and
// cycles, unknown parents and taken slugs refused without changing a row.
import { describe, expect, it } from 'vitest';
import { badIdError, codes, createCategory, createProduct, teeInput, uniqueSlug, unknownId, useCatalogTestStack } from './catalog-fixtures.js';

const env = useCatalogTestStack();
const { refusedWithoutChange, rejectedWithoutChange } = env;

describe('categories', () => {
  it('builds a tree, renames and moves a category, and reads it back', async () => {
    const root = await createCategory(env.stack.admin, uniqueSlug('root'));
    const { category: child, userErrors } = await env.admin.createCategory({ slug: uniqueSlug('child'), name: 'Child', parentId: root, sortOrder: 2 });
    expect(userErrors).toEqual([]);
    expect(child).toMatchObject({ name: 'Child', sortOrder: 2, parent: { id: root } });
    const sibling = await createCategory(env.stack.admin, uniqueSlug('sibling'), root);

    const moved = await env.admin.updateCategory(child!.id, { slug: child!.slug, name: 'Grandchild', parentId: sibling });
    expect(moved.userErrors).toEqual([]);
    expect(moved.category).toMatchObject({ id: child!.id, name: 'Grandchild', parent: { id: sibling } });

    const tree = await env.stack.anonymous.query<{ categories: { id: string; children: { id: string; children: { id: string; name: string }[] }[] }[] }>(
      `{ categories { id children { id children { id name } } } }`,
    );
    const rootNode = tree.categories.find((c) => c.id === root)!;
    expect(rootNode.children).toEqual([{ id: sibling, children: [{ id: child!.id, name: 'Grandchild' }] }]);
    const bySlug = await env.stack.anonymous.query(`query($slug: String) { category(slug: $slug) { id parent { id parent { id } } } }`, { slug: child!.slug });
    expect(bySlug.category).toEqual({ id: child!.id, parent: { id: sibling, parent: { id: root } } });
  });

  it('changes only what an update gives: the rest keeps its value, and parentId null makes a root', async () => {
    const root = await createCategory(env.stack.admin, uniqueSlug('keep-root'));
    const { category } = await env.admin.createCategory({ slug: uniqueSlug('keep-child'), name: 'Child', parentId: root, sortOrder: 7 });
    const renamed = await env.admin.updateCategory(category!.id, { name: 'Renamed child' });
    expect(renamed.userErrors).toEqual([]);
    expect(renamed.category).toMatchObject({ slug: category!.slug, name: 'Renamed child', sortOrder: 7, parent: { id: root } });
    const reordered = await env.admin.updateCategory(category!.id, { sortOrder: 3 });
    expect(reordered.category).toMatchObject({ slug: category!.slug, name: 'Renamed child', sortOrder: 3, parent: { id: root } });
    expect((await env.admin.updateCategory(category!.id, { name: ' ' })).userErrors.map((e) => e.code)).toEqual(['INVALID_INPUT']);
    const rooted = await env.admin.updateCategory(category!.id, { slug: category!.slug, name: 'Root now', parentId: null, sortOrder: 1 });
    expect(rooted.category).toMatchObject({ name: 'Root now', sortOrder: 1, parent: null });
  });

  it('refuses cycles, unknown parents and taken slugs, changing nothing', async () => {
    const a = await createCategory(env.stack.admin, uniqueSlug('a'));
    const b = await createCategory(env.stack.admin, uniqueSlug('b'), a);
    const c = await createCategory(env.stack.admin, uniqueSlug('c'), b);
    const slugOf = async (id: string) => (await env.stack.admin.query(`query($id: ID) { category(id: $id) { slug } }`, { id })).category.slug as string;
    const aSlug = await slugOf(a);

    const self = await refusedWithoutChange(() => env.admin.updateCategory(a, { slug: aSlug, name: 'A', parentId: a }));
    expect(codes(self.userErrors)).toEqual([['CATEGORY_CYCLE', 'input.parentId']]);
    const underGrandchild = await refusedWithoutChange(() => env.admin.updateCategory(a, { slug: aSlug, name: 'A', parentId: c }));
    expect(codes(underGrandchild.userErrors)).toEqual([['CATEGORY_CYCLE', 'input.parentId']]);

    const unknown = await refusedWithoutChange(() => env.admin.createCategory({ slug: uniqueSlug('orphan'), name: 'Orphan', parentId: unknownId('Category') }));
    expect(codes(unknown.userErrors)).toEqual([['CATEGORY_NOT_FOUND', 'input.parentId']]);
    const notAnId = await rejectedWithoutChange(() => env.adminRequests.createCategory({ slug: uniqueSlug('orphan'), name: 'Orphan', parentId: 'shoes' }));
    expect(notAnId.errors).toEqual([badIdError('Category', 'shoes', 'input.parentId')]);
    const product = await createProduct(env.stack.admin, teeInput());
    const productParent = await rejectedWithoutChange(() => env.adminRequests.updateCategory(b, { parentId: product.id }));
    expect(productParent.errors).toEqual([badIdError('Category', product.id, 'input.parentId')]);

    const taken = await refusedWithoutChange(() => env.admin.createCategory({ slug: aSlug, name: 'Copy' }));
    expect(codes(taken.userErrors)).toEqual([['SLUG_TAKEN', 'input.slug']]);
    const takenOnUpdate = await refusedWithoutChange(() => env.admin.updateCategory(c, { slug: aSlug, name: 'C', parentId: b }));
    expect(codes(takenOnUpdate.userErrors)).toEqual([['SLUG_TAKEN', 'input.slug']]);

    const bad = await refusedWithoutChange(() => env.admin.createCategory({ slug: 'Bad Slug', name: 'n'.repeat(121) }));
    expect(codes(bad.userErrors)).toEqual([['INVALID_INPUT', 'input.slug'], ['TOO_LONG', 'input.name']]);
    const missing = await refusedWithoutChange(() => env.admin.updateCategory(unknownId('Category'), { slug: uniqueSlug('x'), name: 'X' }));
    expect(codes(missing.userErrors)).toEqual([['CATEGORY_NOT_FOUND', 'id']]);
  });
});
