// Writes to the Product aggregate (product, options, variants, images, category links), one use
// case a method; what they share runs in product-aggregate.ts.
import { recordEvents } from '../../lib/outbox.js';
import { isUuid } from '../../lib/ids.js';
import type { ProductRow, VariantRow } from './models.js';
import type { PrismaClient } from './prisma-client/client.js';
import {
  SKU_TAKEN_MESSAGE,
  checkOptionNameFree,
  createOption,
  createVariant,
  linkOptionValues,
  lockLiveProduct,
  lockProduct,
  notFound,
  productOptions,
  productUpdated,
  refreshDerivedColumns,
  refuseUniqueViolation,
  storedValues,
  type Tx,
} from './product-aggregate.js';
import {
  CatalogInputChecker,
  LIMITS,
  checkImage,
  checkOption,
  checkOptions,
  checkProductFields,
  checkVariant,
  refuse,
  type ImageInput,
  type OptionInput,
  type ProductFieldsInput,
  type VariantInput,
} from './validation.js';

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

export class ProductService {
  constructor(private readonly db: PrismaClient) {}

  /** Runs a write and turns constraint races (two admins taking one SKU) into userErrors. */
  private async write<T>(field: string[], fn: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.db.$transaction(fn);
    } catch (err) {
      return refuseUniqueViolation(err, field);
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
    c.throwIfAny();

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
      for (const [i, option] of options.entries()) await createOption(tx, product.id, option, i);
      for (const [i, variant] of variants.entries()) await createVariant(tx, product.id, variant, i);
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
    c.throwIfAny();
    return this.write([], async (tx) => {
      await lockLiveProduct(tx, id);
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
      await productUpdated(tx, id, Object.keys(input));
      return product;
    });
  }

  /** Soft delete; archiving twice is the same as once. */
  async archiveProduct(id: string): Promise<ProductRow> {
    return this.write([], async (tx) => {
      const product = await lockProduct(tx, id);
      if (product.deletedAt) return product;
      const archived = await tx.product.update({ where: { id }, data: { deletedAt: new Date(), active: false } });
      await productUpdated(tx, id, ['archived']);
      return archived;
    });
  }

  async addOption(productId: string, input: OptionInput): Promise<ProductRow> {
    const c = new CatalogInputChecker();
    checkOption(c, input, ['input']);
    c.throwIfAny();
    return this.write(['input', 'name'], async (tx) => {
      const product = await lockLiveProduct(tx, productId, ['productId']);
      const existing = await tx.productOption.findMany({ where: { productId }, select: { id: true, name: true } });
      const refused = new CatalogInputChecker();
      if (existing.length >= LIMITS.options) refused.add('INVALID_INPUT', `at most ${LIMITS.options} options`, ['input']);
      checkOptionNameFree(refused, existing, input.name, null);
      refused.throwIfAny();
      await createOption(tx, productId, input, existing.length);
      await productUpdated(tx, productId, ['options']);
      return product;
    });
  }

  /** Renames the option and sets its values; values that variants use must stay. */
  async updateOption(optionId: string, input: OptionInput): Promise<ProductRow> {
    const c = new CatalogInputChecker();
    checkOption(c, input, ['input']);
    c.throwIfAny();
    if (!isUuid(optionId)) notFound('option', ['id']);
    return this.write(['input', 'name'], async (tx) => {
      const owner = await tx.productOption.findUnique({ where: { id: optionId }, select: { productId: true } });
      if (!owner) return notFound('option', ['id']);
      // Which values are in use is read under the product lock, so a variant added meanwhile is seen.
      const product = await lockLiveProduct(tx, owner.productId);
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
      refused.throwIfAny();
      await tx.productOption.update({ where: { id: optionId }, data: { name: input.name.trim() } });
      await tx.productOptionValue.deleteMany({ where: { id: { in: removed.map((v) => v.id) } } });
      const existing = new Map(option.values.map((v) => [v.value.toLowerCase(), v]));
      for (const [position, value] of input.values.entries()) {
        const current = existing.get(value.toLowerCase());
        if (current) await tx.productOptionValue.update({ where: { id: current.id }, data: { value, position } });
        else await tx.productOptionValue.create({ data: { optionId, value, position } });
      }
      await productUpdated(tx, option.productId, ['options']);
      return product;
    });
  }

  async addVariant(productId: string, input: VariantInput): Promise<VariantRow> {
    return this.write(['input'], async (tx) => {
      await lockLiveProduct(tx, productId, ['productId']);
      const options = await productOptions(tx, productId);
      const c = new CatalogInputChecker();
      checkVariant(c, input, ['input'], options, true);
      const count = await tx.productVariant.count({ where: { productId } });
      if (count >= LIMITS.variants) c.add('INVALID_INPUT', `at most ${LIMITS.variants} variants`, ['input']);
      c.throwIfAny();
      const variant = await createVariant(tx, productId, input, count);
      await refreshDerivedColumns(tx, productId);
      await productUpdated(tx, productId, ['variants']);
      return variant;
    });
  }

  async updateVariant(id: string, input: Omit<VariantInput, 'onHand' | 'reorderThreshold'>): Promise<VariantRow> {
    if (!isUuid(id)) notFound('variant', ['id']);
    return this.write(['input'], async (tx) => {
      const existing = await tx.productVariant.findUnique({ where: { id } });
      if (!existing) return notFound('variant', ['id']);
      await lockLiveProduct(tx, existing.productId);
      const options = await productOptions(tx, existing.productId);
      const c = new CatalogInputChecker();
      checkVariant(c, input, ['input'], options, false);
      // A variant's currency is fixed: carts hold its lines in it.
      for (const [name, money] of [['price', input.price], ['compareAtPrice', input.compareAtPrice]] as const) {
        if (money && money.currencyCode !== existing.currency) {
          c.add('INVALID_CURRENCY', `${name} must be in the variant's currency, ${existing.currency}`, ['input', name, 'currencyCode']);
        }
      }
      c.throwIfAny();
      const variant = await tx.productVariant.update({
        where: { id },
        data: {
          sku: input.sku ?? undefined,
          title: input.title ?? undefined,
          price: input.price?.amount ?? undefined,
          compareAtPrice: input.compareAtPrice === undefined ? undefined : (input.compareAtPrice?.amount ?? null),
          weightGrams: input.weightGrams === undefined ? undefined : input.weightGrams,
          active: input.active ?? undefined,
        },
      });
      if (input.options) {
        await tx.variantOptionValue.deleteMany({ where: { variantId: id } });
        await linkOptionValues(tx, id, await storedValues(tx, existing.productId, input.options));
      }
      await refreshDerivedColumns(tx, existing.productId);
      await productUpdated(tx, existing.productId, ['variants']);
      return variant;
    });
  }

  async addImage(productId: string, input: ImageInput): Promise<ProductRow> {
    const c = new CatalogInputChecker();
    checkImage(c, input, ['input']);
    c.throwIfAny();
    return this.write([], async (tx) => {
      const product = await lockLiveProduct(tx, productId, ['productId']);
      const { _count: count, _max: last } = await tx.productImage.aggregate({ where: { productId }, _count: true, _max: { position: true } });
      if (count >= LIMITS.images) {
        refuse('INVALID_INPUT', `at most ${LIMITS.images} images`, ['input']);
      }
      // After the last image: removals leave gaps, so the count is not a free position.
      const position = input.position ?? (last.position === null ? 0 : last.position + 1);
      await tx.productImage.create({ data: { productId, url: input.url, altText: input.altText ?? null, position } });
      await productUpdated(tx, productId, ['images']);
      return product;
    });
  }

  async updateImage(id: string, input: ImageInput): Promise<ProductRow> {
    const c = new CatalogInputChecker();
    checkImage(c, input, ['input']);
    c.throwIfAny();
    if (!isUuid(id)) notFound('image', ['id']);
    return this.write([], async (tx) => {
      const image = await tx.productImage.findUnique({ where: { id } });
      if (!image) return notFound('image', ['id']);
      const product = await lockLiveProduct(tx, image.productId);
      await tx.productImage.update({
        where: { id },
        data: { url: input.url, altText: input.altText === undefined ? image.altText : input.altText, position: input.position ?? image.position },
      });
      await productUpdated(tx, image.productId, ['images']);
      return product;
    });
  }

  async removeImage(id: string): Promise<ProductRow> {
    if (!isUuid(id)) notFound('image', ['id']);
    return this.write([], async (tx) => {
      const image = await tx.productImage.findUnique({ where: { id } });
      if (!image) return notFound('image', ['id']);
      const product = await lockLiveProduct(tx, image.productId);
      await tx.productImage.delete({ where: { id } });
      await productUpdated(tx, image.productId, ['images']);
      return product;
    });
  }

  /** Refuses unknown categories (naming each by its place in the input); returns each category once. */
  private async knownCategories(tx: Tx, ids: string[], field: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const c = new CatalogInputChecker();
    const valid = ids.filter(isUuid);
    const found = new Set((await tx.category.findMany({ where: { id: { in: valid } }, select: { id: true } })).map((r) => r.id));
    ids.forEach((id, i) => {
      if (!found.has(id)) c.add('CATEGORY_NOT_FOUND', `category ${id} does not exist`, [...field, String(i)]);
    });
    c.throwIfAny();
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
    c.throwIfAny();
  }

}

