// Admin image writes through the gateway: images added, moved, cleared and removed in position
// order, each write in one document seen by the next, and bad URLs refused without changing a row.
import { describe, expect, it } from 'vitest';
import { codes, createProduct, teeInput, uniqueSlug, useCatalogTestStack } from './catalog-fixtures.js';

const env = useCatalogTestStack();
const { refusedWithoutChange, rejectedWithoutChange } = env;

describe('product images', () => {
  it('adds, updates and removes images', async () => {
    const product = await createProduct(env.stack.admin, teeInput());
    const added = await env.admin.addImage(product.id, { url: 'https://cdn.example.com/side.jpg', altText: 'Side' });
    expect(added.userErrors).toEqual([]);
    expect(added.product!.images.map((i) => [i.url, i.altText, i.position])).toEqual([
      ['https://cdn.example.com/tee-front.jpg', 'Front', 0],
      ['https://cdn.example.com/tee-back.jpg', null, 1],
      ['https://cdn.example.com/side.jpg', 'Side', 2],
    ]);
    const side = added.product!.images[2]!;

    const moved = await env.admin.updateImage(side.id, { url: 'https://cdn.example.com/side-2.jpg', position: 0 });
    expect(moved.userErrors).toEqual([]);
    // An image edit that does not mention the alt text keeps it.
    expect(moved.product!.images.find((i) => i.id === side.id)).toEqual({ id: side.id, url: 'https://cdn.example.com/side-2.jpg', altText: 'Side', position: 0 });
    const cleared = await env.admin.updateImage(side.id, { url: 'https://cdn.example.com/side-2.jpg', altText: null });
    expect(cleared.product!.images.find((i) => i.id === side.id)).toMatchObject({ altText: null, position: 0 });

    const removed = await env.admin.removeImage(side.id);
    expect(removed.userErrors).toEqual([]);
    expect(removed.product!.images.map((i) => i.url)).toEqual(['https://cdn.example.com/tee-front.jpg', 'https://cdn.example.com/tee-back.jpg']);
    const again = await refusedWithoutChange(() => env.admin.removeImage(side.id));
    expect(codes(again.userErrors)).toEqual([['IMAGE_NOT_FOUND', 'id']]);
  });

  it('appends a new image after the last one, even after earlier images were removed', async () => {
    const product = await createProduct(env.stack.admin, teeInput());
    const third = await env.admin.addImage(product.id, { url: 'https://cdn.example.com/third.jpg' });
    const fourth = await env.admin.addImage(product.id, { url: 'https://cdn.example.com/fourth.jpg' });
    expect(fourth.product!.images.map((i) => i.position)).toEqual([0, 1, 2, 3]);
    await env.admin.removeImage(third.product!.images[0]!.id);
    await env.admin.removeImage(third.product!.images[1]!.id);
    const fifth = await env.admin.addImage(product.id, { url: 'https://cdn.example.com/fifth.jpg' });
    expect(fifth.product!.images.map((i) => i.url)).toEqual([
      'https://cdn.example.com/third.jpg',
      'https://cdn.example.com/fourth.jpg',
      'https://cdn.example.com/fifth.jpg',
    ]);
  });

  it('shows each write to the mutations after it in one document', async () => {
    const product = await createProduct(env.stack.admin, teeInput());
    const data = await env.stack.admin.query(
      `mutation($id: ID!, $variant: ID!) {
        first: addProductImage(productId: $id, input: { url: "https://cdn.example.com/one.jpg" }) { product { images { url } } }
        second: addProductImage(productId: $id, input: { url: "https://cdn.example.com/two.jpg" }) { product { images { url } } }
        stock: setInventory(variantId: $variant, onHand: 3) { variant { inventory { onHand } } }
        more: adjustInventory(variantId: $variant, delta: 2) { variant { inventory { onHand } } }
        category: createCategory(input: { slug: "${uniqueSlug('doc')}", name: "Doc" }) { category { id children { id } } }
      }`,
      { id: product.id, variant: product.variants[0]!.id },
    );
    expect(data.first.product.images).toHaveLength(3);
    expect(data.second.product.images.map((i: { url: string }) => i.url)).toEqual([
      'https://cdn.example.com/tee-front.jpg',
      'https://cdn.example.com/tee-back.jpg',
      'https://cdn.example.com/one.jpg',
      'https://cdn.example.com/two.jpg',
    ]);
    expect(data.stock.variant.inventory.onHand).toBe(3);
    expect(data.more.variant.inventory.onHand).toBe(5);
    const child = await env.stack.admin.query(
      `mutation($parent: ID!) {
        before: updateCategory(id: $parent, input: { slug: "${uniqueSlug('doc-parent')}", name: "Parent" }) { category { children { id } } }
        child: createCategory(input: { slug: "${uniqueSlug('doc-child')}", name: "Child", parentId: $parent }) { category { id parent { id children { id } } } }
      }`,
      { parent: data.category.category.id },
    );
    expect(child.before.category.children).toEqual([]);
    expect(child.child.category.parent).toEqual({ id: data.category.category.id, children: [{ id: child.child.category.id }] });
  });

  it('refuses bad URLs and long alt texts, changing nothing', async () => {
    const product = await createProduct(env.stack.admin, teeInput());
    const bad = await refusedWithoutChange(() => env.admin.addImage(product.id, { url: 'javascript:alert(1)' }));
    expect(codes(bad.userErrors)).toEqual([['INVALID_URL', 'input.url']]);
    const long = await refusedWithoutChange(() => env.admin.addImage(product.id, { url: 'https://cdn.example.com/a.jpg', altText: 'a'.repeat(301) }));
    expect(codes(long.userErrors)).toEqual([['TOO_LONG', 'input.altText']]);
    // Not a URL at all (no scheme): the URL scalar refuses it before the catalog sees it.
    const update = await rejectedWithoutChange(() => env.adminRequests.updateImage(product.images[0]!.id, { url: 'cdn.example.com/a.jpg' }));
    expect(update.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/Invalid URL/) });
  });
});
