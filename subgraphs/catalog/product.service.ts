// Writes to the Product aggregate (product, options, variants, images, category links).
import { isUniqueViolation } from '../../lib/db.js';
import { UserErrorsException } from '../../lib/errors.js';
import { recordEvents } from '../../lib/outbox.js';
import { Prisma, type PrismaClient } from './prisma-client/client.js';
import type { ProductRow, VariantRow } from './models.js';
import { isUuid } from '../../lib/ids.js';
import {
  CatalogInputChecker,
  LIMITS,
  checkImage,
  checkOption,
  checkOptions,
  checkProductFields,
  checkVariant,
  defaultVariantTitle,
  sameOptionName,
  type ImageInput,
  type OptionInput,
  type ProductFieldsInput,
  type SelectedOptionInput,
  type VariantInput,
} from './validation.js';

type Tx = Prisma.TransactionClient;

interface StoredOptionValue {
  id: string;
  name: string;
  value: string;
}

export interface CreateProductInput extends ProductFieldsInput {
  slug: string;
  name: string;
  active?: boolean | null;
  categoryIds?: string[] | null;
  options?: OptionInput[] | null;
  variants?: VariantInput[] | null;
  images?: ImageInput[] | null;
}

export interface UpdateProductInput extends ProductFieldsInput {
  active?: boolean | null;
  categoryIds?: string[] | null;
}

const fail = (c: CatalogInputChecker): void => {
  if (c.errors.length > 0) throw new UserErrorsException(c.errors);
};

const notFound = (what: string, field: string[]): never => {
  const c = new CatalogInputChecker();
  c.add('NOT_FOUND', `${what} not found`, field);
  throw new UserErrorsException(c.errors);
};

const SLUG_TAKEN_MESSAGE = 'another product already has this slug';
const SKU_TAKEN_MESSAGE = 'another variant already has this SKU';

/** Maps a unique violation raised by a write (two admins racing for one SKU) to the userError it means. */
function uniqueViolationToUserError(err: unknown, field: string[]): never {
  const c = new CatalogInputChecker();
  if (isUniqueViolation(err, 'sku')) c.add('SKU_TAKEN', SKU_TAKEN_MESSAGE, [...field, 'sku']);
  else if (isUniqueViolation(err, 'slug')) c.add('SLUG_TAKEN', SLUG_TAKEN_MESSAGE, ['input', 'slug']);
  else if (isUniqueViolation(err)) c.add('OPTION_TAKEN', 'this option or value already exists', field);
  else throw err;
  throw new UserErrorsException(c.errors);
}

export class ProductService {
  constructor(private readonly db: PrismaClient) {}

  /** Runs a write and turns constraint races (two admins taking one SKU) into userErrors. */
  private async write<T>(field: string[], fn: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.db.$transaction(fn);
    } catch (err) {
      if (err instanceof UserErrorsException) throw err;
      return uniqueViolationToUserError(err, field);
    }
  }

  async createProduct(input: CreateProductInput): Promise<ProductRow> {
    const c = new CatalogInputChecker();
    checkProductFields(c, input, ['input'], true);
    const options = input.options ?? [];
    const variants = input.variants ?? [];
    const images = input.images ?? [];
    checkOptions(c, options, ['input', 'options']);
    if (variants.length > LIMITS.variants) c.add('INVALID_INPUT', `at most ${LIMITS.variants} variants`, ['input', 'variants']);
    variants.forEach((v, i) => checkVariant(c, v, ['input', 'variants', String(i)], options, true));
    c.unique(variants.map((v) => v.sku ?? ''), (i) => ['input', 'variants', String(i), 'sku'], 'SKU_TAKEN', 'SKU');
    if (images.length > LIMITS.images) c.add('INVALID_INPUT', `at most ${LIMITS.images} images`, ['input', 'images']);
    images.forEach((image, i) => checkImage(c, image, ['input', 'images', String(i)]));
    fail(c);

    return this.write(['input', 'variants'], async (tx) => {
      const categoryIds = await this.knownCategories(tx, input.categoryIds ?? [], ['input', 'categoryIds']);
      await this.checkSkusFree(tx, variants.map((v) => v.sku!), (i) => ['input', 'variants', String(i), 'sku']);
      const product = await tx.product.create({
        data: {
          slug: input.slug,
          name: input.name.trim(),
          description: input.description ?? '',
          brand: input.brand ?? null,
          active: input.active ?? true,
          categories: { create: categoryIds.map((categoryId) => ({ categoryId })) },
          images: { create: images.map((image, i) => ({ url: image.url, altText: image.altText ?? null, position: image.position ?? i })) },
        },
      });
      for (const [i, option] of options.entries()) await this.createOption(tx, product.id, option, i);
      for (const [i, variant] of variants.entries()) await this.createVariant(tx, product.id, variant, i);
      await refreshDerivedColumns(tx, product.id);
      await recordEvents(tx, [
        {
          type: 'ProductCreated',
          aggregateType: 'Product',
          aggregateId: product.id,
          data: { productId: product.id, slug: product.slug, name: product.name, active: product.active, skus: variants.map((v) => v.sku) },
        },
      ]);
      return product;
    });
  }

  async updateProduct(id: string, input: UpdateProductInput): Promise<ProductRow> {
    const c = new CatalogInputChecker();
    checkProductFields(c, input, ['input'], false);
    fail(c);
    return this.write([], async (tx) => {
      await this.lockLiveProduct(tx, id);
      if (input.categoryIds) {
        const categoryIds = await this.knownCategories(tx, input.categoryIds, ['input', 'categoryIds']);
        await tx.productCategory.deleteMany({ where: { productId: id } });
        await tx.productCategory.createMany({ data: categoryIds.map((categoryId) => ({ productId: id, categoryId })) });
      }
      const product = await tx.product.update({
        where: { id },
        data: {
          slug: input.slug ?? undefined,
          name: input.name?.trim() ?? undefined,
          description: input.description ?? undefined,
          brand: input.brand === undefined ? undefined : input.brand,
          active: input.active ?? undefined,
        },
      });
      await refreshDerivedColumns(tx, id);
      await this.productUpdated(tx, id, Object.keys(input));
      return product;
    });
  }

  /** Soft delete; archiving twice is the same as once. */
  async archiveProduct(id: string): Promise<ProductRow> {
    return this.write([], async (tx) => {
      const product = await this.lockProduct(tx, id);
      if (product.deletedAt) return product;
      const archived = await tx.product.update({ where: { id }, data: { deletedAt: new Date(), active: false } });
      await this.productUpdated(tx, id, ['archived']);
      return archived;
    });
  }

  async addOption(productId: string, input: OptionInput): Promise<ProductRow> {
    const c = new CatalogInputChecker();
    checkOption(c, input, ['input']);
    fail(c);
    return this.write(['input', 'name'], async (tx) => {
      const product = await this.lockLiveProduct(tx, productId);
      const existing = await tx.productOption.findMany({ where: { productId }, select: { id: true, name: true } });
      const refused = new CatalogInputChecker();
      if (existing.length >= LIMITS.options) refused.add('INVALID_INPUT', `at most ${LIMITS.options} options`, ['input']);
      checkOptionNameFree(refused, existing, input.name, null);
      fail(refused);
      await this.createOption(tx, productId, input, existing.length);
      await this.productUpdated(tx, productId, ['options']);
      return product;
    });
  }

  /** Renames the option and sets its values; values that variants use must stay. */
  async updateOption(optionId: string, input: OptionInput): Promise<ProductRow> {
    const c = new CatalogInputChecker();
    checkOption(c, input, ['input']);
    fail(c);
    if (!isUuid(optionId)) notFound('option', ['id']);
    return this.write(['input', 'name'], async (tx) => {
      const owner = await tx.productOption.findUnique({ where: { id: optionId }, select: { productId: true } });
      if (!owner) return notFound('option', ['id']);
      // Which values are in use is read under the product lock, so a variant added meanwhile is seen.
      const product = await this.lockLiveProduct(tx, owner.productId);
      const options = await tx.productOption.findMany({
        where: { productId: owner.productId },
        include: { values: { include: { _count: { select: { variants: true } } } } },
      });
      const option = options.find((o) => o.id === optionId);
      if (!option) return notFound('option', ['id']);
      const refused = new CatalogInputChecker();
      checkOptionNameFree(refused, options, input.name, optionId);
      const wanted = new Set(input.values.map((v) => v.toLowerCase()));
      const removed = option.values.filter((v) => !wanted.has(v.value.toLowerCase()));
      const inUse = removed.filter((v) => v._count.variants > 0);
      if (inUse.length > 0) refused.add('OPTION_VALUE_IN_USE', `variants still use ${inUse.map((v) => v.value).join(', ')}`, ['input', 'values']);
      fail(refused);
      await tx.productOption.update({ where: { id: optionId }, data: { name: input.name.trim() } });
      await tx.productOptionValue.deleteMany({ where: { id: { in: removed.map((v) => v.id) } } });
      const existing = new Map(option.values.map((v) => [v.value.toLowerCase(), v]));
      for (const [position, value] of input.values.entries()) {
        const current = existing.get(value.toLowerCase());
        if (current) await tx.productOptionValue.update({ where: { id: current.id }, data: { value, position } });
        else await tx.productOptionValue.create({ data: { optionId, value, position } });
      }
      await this.productUpdated(tx, option.productId, ['options']);
      return product;
    });
  }

  async addVariant(productId: string, input: VariantInput): Promise<VariantRow> {
    return this.write(['input'], async (tx) => {
      await this.lockLiveProduct(tx, productId);
      const options = await this.productOptions(tx, productId);
      const c = new CatalogInputChecker();
      checkVariant(c, input, ['input'], options, true);
      const count = await tx.productVariant.count({ where: { productId } });
      if (count >= LIMITS.variants) c.add('INVALID_INPUT', `at most ${LIMITS.variants} variants`, ['input']);
      fail(c);
      const variant = await this.createVariant(tx, productId, input, count);
      await refreshDerivedColumns(tx, productId);
      await this.productUpdated(tx, productId, ['variants']);
      return variant;
    });
  }

  async updateVariant(id: string, input: Omit<VariantInput, 'onHand' | 'reorderThreshold' | 'currencyCode'>): Promise<VariantRow> {
    if (!isUuid(id)) notFound('variant', ['id']);
    return this.write(['input'], async (tx) => {
      const existing = await tx.productVariant.findUnique({ where: { id } });
      if (!existing) return notFound('variant', ['id']);
      await this.lockLiveProduct(tx, existing.productId);
      const options = await this.productOptions(tx, existing.productId);
      const c = new CatalogInputChecker();
      checkVariant(c, input, ['input'], options, false);
      fail(c);
      const variant = await tx.productVariant.update({
        where: { id },
        data: {
          sku: input.sku ?? undefined,
          title: input.title ?? undefined,
          price: input.price ?? undefined,
          compareAtPrice: input.compareAtPrice === undefined ? undefined : input.compareAtPrice,
          weightGrams: input.weightGrams === undefined ? undefined : input.weightGrams,
          active: input.active ?? undefined,
        },
      });
      if (input.options) {
        await tx.variantOptionValue.deleteMany({ where: { variantId: id } });
        await this.linkOptionValues(tx, id, await this.storedValues(tx, existing.productId, input.options));
      }
      await refreshDerivedColumns(tx, existing.productId);
      await this.productUpdated(tx, existing.productId, ['variants']);
      return variant;
    });
  }

  async addImage(productId: string, input: ImageInput): Promise<ProductRow> {
    const c = new CatalogInputChecker();
    checkImage(c, input, ['input']);
    fail(c);
    return this.write([], async (tx) => {
      const product = await this.lockLiveProduct(tx, productId);
      const { _count: count, _max: last } = await tx.productImage.aggregate({ where: { productId }, _count: true, _max: { position: true } });
      if (count >= LIMITS.images) {
        const limit = new CatalogInputChecker();
        limit.add('INVALID_INPUT', `at most ${LIMITS.images} images`, ['input']);
        fail(limit);
      }
      // After the last image: removals leave gaps, so the count is not a free position.
      const position = input.position ?? (last.position === null ? 0 : last.position + 1);
      await tx.productImage.create({ data: { productId, url: input.url, altText: input.altText ?? null, position } });
      await this.productUpdated(tx, productId, ['images']);
      return product;
    });
  }

  async updateImage(id: string, input: ImageInput): Promise<ProductRow> {
    const c = new CatalogInputChecker();
    checkImage(c, input, ['input']);
    fail(c);
    if (!isUuid(id)) notFound('image', ['id']);
    return this.write([], async (tx) => {
      const image = await tx.productImage.findUnique({ where: { id } });
      if (!image) return notFound('image', ['id']);
      const product = await this.lockLiveProduct(tx, image.productId);
      await tx.productImage.update({
        where: { id },
        data: { url: input.url, altText: input.altText === undefined ? image.altText : input.altText, position: input.position ?? image.position },
      });
      await this.productUpdated(tx, image.productId, ['images']);
      return product;
    });
  }

  async removeImage(id: string): Promise<ProductRow> {
    if (!isUuid(id)) notFound('image', ['id']);
    return this.write([], async (tx) => {
      const image = await tx.productImage.findUnique({ where: { id } });
      if (!image) return notFound('image', ['id']);
      const product = await this.lockLiveProduct(tx, image.productId);
      await tx.productImage.delete({ where: { id } });
      await this.productUpdated(tx, image.productId, ['images']);
      return product;
    });
  }

  /** Locks the product row so that concurrent edits of one product apply one after the other. */
  private async lockProduct(tx: Tx, id: string): Promise<ProductRow> {
    if (!isUuid(id)) return notFound('product', ['id']);
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM product WHERE id = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) return notFound('product', ['id']);
    return tx.product.findUniqueOrThrow({ where: { id } });
  }

  private async lockLiveProduct(tx: Tx, id: string): Promise<ProductRow> {
    const product = await this.lockProduct(tx, id);
    if (product.deletedAt) {
      const c = new CatalogInputChecker();
      c.add('ARCHIVED', 'the product is archived', ['id']);
      fail(c);
    }
    return product;
  }

  /** Refuses unknown categories (naming each by its place in the input); returns each category once. */
  private async knownCategories(tx: Tx, ids: string[], field: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const c = new CatalogInputChecker();
    const valid = ids.filter(isUuid);
    const found = new Set((await tx.category.findMany({ where: { id: { in: valid } }, select: { id: true } })).map((r) => r.id));
    ids.forEach((id, i) => {
      if (!found.has(id)) c.add('UNKNOWN_CATEGORY', `category ${id} does not exist`, [...field, String(i)]);
    });
    fail(c);
    return [...found];
  }

  /** Names the variant whose SKU is taken; the unique index still decides a race between two admins. */
  private async checkSkusFree(tx: Tx, skus: string[], fieldAt: (index: number) => string[]): Promise<void> {
    if (skus.length === 0) return;
    const taken = new Set((await tx.productVariant.findMany({ where: { sku: { in: skus } }, select: { sku: true } })).map((v) => v.sku));
    const c = new CatalogInputChecker();
    skus.forEach((sku, i) => {
      if (taken.has(sku)) c.add('SKU_TAKEN', SKU_TAKEN_MESSAGE, fieldAt(i));
    });
    fail(c);
  }

  private async productOptions(tx: Tx, productId: string): Promise<OptionInput[]> {
    const options = await tx.productOption.findMany({ where: { productId }, include: { values: true } });
    return options.map((o) => ({ name: o.name, values: o.values.map((v) => v.value) }));
  }

  private async createOption(tx: Tx, productId: string, option: OptionInput, position: number): Promise<void> {
    await tx.productOption.create({
      data: {
        productId,
        name: option.name.trim(),
        position,
        values: { create: option.values.map((value, i) => ({ value, position: i })) },
      },
    });
  }

  private async createVariant(tx: Tx, productId: string, v: VariantInput, position: number): Promise<VariantRow> {
    const sku = v.sku!;
    const selected = await this.storedValues(tx, productId, v.options ?? []);
    const variant = await tx.productVariant.create({
      data: {
        productId,
        sku,
        title: v.title ?? defaultVariantTitle(selected, sku),
        price: v.price!,
        compareAtPrice: v.compareAtPrice ?? null,
        currency: v.currencyCode ?? 'USD',
        weightGrams: v.weightGrams ?? null,
        active: v.active ?? true,
        position,
        inventory: { create: { onHand: v.onHand ?? 0, reorderThreshold: v.reorderThreshold ?? undefined } },
      },
    });
    await this.linkOptionValues(tx, variant.id, selected);
    return variant;
  }

  /**
   * The product's stored option values that a (validated) selection names, in option order and
   * spelled as stored: "m / red" typed by an admin is the variant "M / Red".
   */
  private async storedValues(tx: Tx, productId: string, selected: SelectedOptionInput[]): Promise<StoredOptionValue[]> {
    if (selected.length === 0) return [];
    const values = await tx.productOptionValue.findMany({ where: { option: { productId } }, include: { option: true } });
    return selected
      .map((s) => values.find((v) => sameOptionName(v.option.name, s.name) && v.value.toLowerCase() === s.value.toLowerCase())!)
      .sort((a, b) => a.option.position - b.option.position)
      .map((v) => ({ id: v.id, name: v.option.name, value: v.value }));
  }

  private async linkOptionValues(tx: Tx, variantId: string, selected: StoredOptionValue[]): Promise<void> {
    if (selected.length === 0) return;
    await tx.variantOptionValue.createMany({ data: selected.map((v) => ({ variantId, optionValueId: v.id })) });
  }

  private async productUpdated(tx: Tx, productId: string, changed: string[]): Promise<void> {
    await recordEvents(tx, [{ type: 'ProductUpdated', aggregateType: 'Product', aggregateId: productId, data: { productId, changed } }]);
  }
}

/** Option names are unique within a product, ignoring case, as variants and filters match them. */
function checkOptionNameFree(c: CatalogInputChecker, options: { id: string; name: string }[], name: string, optionId: string | null): void {
  if (options.some((o) => o.id !== optionId && sameOptionName(o.name, name))) {
    c.add('OPTION_TAKEN', `the product already has an option named ${name.trim()}`, ['input', 'name']);
  }
}

/**
 * Recomputes what the listing reads instead of joining: the search document (name and SKUs
 * weigh most, then brand, then description) and the lowest active variant price. Every part is
 * parsed with the configuration the search query uses ('english'): a brand or SKU indexed
 * unstemmed would never meet its stemmed query ('acme' is searched as 'acm').
 */
export async function refreshDerivedColumns(tx: Tx | PrismaClient, productId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE product p SET
      search_vector =
        setweight(to_tsvector('english', p.name), 'A') ||
        setweight(to_tsvector('english', coalesce((SELECT string_agg(v.sku, ' ') FROM product_variant v WHERE v.product_id = p.id), '')), 'A') ||
        setweight(to_tsvector('english', coalesce(p.brand, '')), 'B') ||
        setweight(to_tsvector('english', p.description), 'C'),
      min_price = (SELECT min(v.price) FROM product_variant v WHERE v.product_id = p.id AND v.active)
    WHERE p.id = ${productId}::uuid`;
}
