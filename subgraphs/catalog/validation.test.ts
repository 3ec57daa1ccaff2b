import { describe, expect, it } from 'vitest';
import { checkCurrency } from '../../lib/input-checker.js';
import {
  CatalogInputChecker,
  LIMITS,
  checkImage,
  checkOption,
  checkOptions,
  checkProductFields,
  checkVariant,
  defaultVariantTitle,
  type ImageInput,
  type OptionInput,
  type ProductFieldsInput,
  type VariantInput,
} from './validation.js';

/** The (code, field) pairs a check produced, in order; messages are for humans and not pinned. */
function run(check: (c: CatalogInputChecker) => void): [string, string][] {
  const c = new CatalogInputChecker();
  check(c);
  return c.errors.map((e) => [e.code, (e.field ?? []).join('.')]);
}

const long = (n: number) => 'a'.repeat(n);

describe('CatalogInputChecker.text', () => {
  it.each<[string, string | null | undefined, boolean, [string, string][]]>([
    ['absent and optional', undefined, false, []],
    ['null and optional', null, false, []],
    ['absent and required', undefined, true, [['INVALID_INPUT', 'name']]],
    ['blank and required', '   ', true, [['INVALID_INPUT', 'name']]],
    ['blank and optional', '', false, []],
    ['at the limit', long(10), true, []],
    ['one over the limit', long(11), true, [['TOO_LONG', 'name']]],
    // Postgres varchar(n) counts characters, not UTF-16 code units: ten emoji fit in ten.
    ['ten astral characters in a limit of ten', '🧦'.repeat(10), true, []],
    ['eleven astral characters in a limit of ten', '🧦'.repeat(11), true, [['TOO_LONG', 'name']]],
  ])('%s', (_label, value, required, expected) => {
    expect(run((c) => c.text(value, ['name'], 10, required))).toEqual(expected);
  });
});

describe('CatalogInputChecker.slug', () => {
  it.each<[string | null | undefined, [string, string][]]>([
    [undefined, []],
    ['summer-tee', []],
    ['tee2', []],
    ['a', []],
    [long(LIMITS.slug), []],
    [long(LIMITS.slug + 1), [['TOO_LONG', 'slug']]],
    ['Summer-Tee', [['INVALID_INPUT', 'slug']]],
    ['summer tee', [['INVALID_INPUT', 'slug']]],
    ['summer--tee', [['INVALID_INPUT', 'slug']]],
    ['-tee', [['INVALID_INPUT', 'slug']]],
    ['tee-', [['INVALID_INPUT', 'slug']]],
    ['tée', [['INVALID_INPUT', 'slug']]],
    ['', [['INVALID_INPUT', 'slug']]],
  ])('%.40j', (value, expected) => {
    expect(run((c) => c.slug(value, ['slug']))).toEqual(expected);
  });
});

describe('CatalogInputChecker.price', () => {
  it.each<[number | null | undefined, boolean]>([
    [undefined, true],
    [null, true],
    [0, true],
    [1999, true],
    [LIMITS.price, true],
    [LIMITS.price + 1, false],
    [-1, false],
    [12.5, false],
    [Number.NaN, false],
  ])('%s is %s', (value, ok) => {
    expect(run((c) => c.price(value, ['price']))).toEqual(ok ? [] : [['INVALID_PRICE', 'price']]);
  });
});

describe('CatalogInputChecker.range', () => {
  it.each<[number | null | undefined, boolean]>([
    [undefined, true],
    [0, true],
    [5, true],
    [10, true],
    [-1, false],
    [11, false],
    [2.5, false],
  ])('%s in 0..10 is %s', (value, ok) => {
    expect(run((c) => c.range(value, ['onHand'], 0, 10))).toEqual(ok ? [] : [['QUANTITY_OUT_OF_RANGE', 'onHand']]);
  });

  it('reports the code it is given', () => {
    expect(run((c) => c.range(-5, ['position'], 0, 10, 'INVALID_INPUT'))).toEqual([['INVALID_INPUT', 'position']]);
  });
});

describe('CatalogInputChecker.url', () => {
  it.each<[string, [string, string][]]>([
    ['https://cdn.example.com/a.jpg', []],
    ['http://cdn.example.com/a.jpg?w=200', []],
    ['ftp://cdn.example.com/a.jpg', [['INVALID_URL', 'url']]],
    ['javascript:alert(1)', [['INVALID_URL', 'url']]],
    ['/images/a.jpg', [['INVALID_URL', 'url']]],
    ['not a url', [['INVALID_URL', 'url']]],
    ['', [['INVALID_INPUT', 'url']]],
    [`https://cdn.example.com/${long(LIMITS.url)}`, [['TOO_LONG', 'url']]],
  ])('%.40j', (value, expected) => {
    expect(run((c) => c.url(value, ['url']))).toEqual(expected);
  });
});

describe('CatalogInputChecker.currency', () => {
  it.each<[string, boolean]>([
    ['USD', true],
    ['EUR', true],
    ['JPY', true],
    ['usd', false],
    ['US', false],
    ['ZZZ', false],
    ['DOLLARS', false],
  ])('%s is %s', (value, ok) => {
    expect(run((c) => checkCurrency(c, value, ['currencyCode']))).toEqual(ok ? [] : [['INVALID_CURRENCY', 'currencyCode']]);
  });
});

describe('CatalogInputChecker.unique', () => {
  it.each<[string[], number[]]>([
    [[], []],
    [['A-1', 'A-2'], []],
    [['A-1', 'A-1'], [1]],
    [['A-1', 'a-1'], [1]],
    [['A-1', 'B-1', 'A-1', 'b-1', 'a-1'], [2, 3, 4]],
  ])('%j repeats at %j', (values, repeats) => {
    const errors = run((c) => c.unique(values, (i) => ['variants', String(i), 'sku'], 'SKU_TAKEN', 'SKU'));
    expect(errors).toEqual(repeats.map((i) => ['SKU_TAKEN', `variants.${i}.sku`]));
  });
});

describe('checkProductFields', () => {
  it.each<[string, ProductFieldsInput, boolean, [string, string][]]>([
    ['a complete new product', { slug: 'tee', name: 'Tee', description: 'Soft', brand: 'Acme' }, true, []],
    ['a new product without slug', { name: 'Tee' }, true, [['INVALID_INPUT', 'input.slug']]],
    ['a new product without name', { slug: 'tee' }, true, [['INVALID_INPUT', 'input.name']]],
    ['a new product with a blank name', { slug: 'tee', name: '  ' }, true, [['INVALID_INPUT', 'input.name']]],
    ['a long name', { slug: 'tee', name: long(LIMITS.name + 1) }, true, [['TOO_LONG', 'input.name']]],
    ['a long description', { slug: 'tee', name: 'Tee', description: long(LIMITS.description + 1) }, true, [['TOO_LONG', 'input.description']]],
    ['a long brand', { slug: 'tee', name: 'Tee', brand: long(LIMITS.brand + 1) }, true, [['TOO_LONG', 'input.brand']]],
    ['an update that changes nothing', {}, false, []],
    ['an update of the name only', { name: 'New' }, false, []],
    ['an update to a blank name', { name: ' ' }, false, [['INVALID_INPUT', 'input.name']]],
    ['an update to a bad slug', { slug: 'Bad Slug' }, false, [['INVALID_INPUT', 'input.slug']]],
    ['an update that clears the brand', { brand: null }, false, []],
  ])('%s', (_label, input, creating, expected) => {
    expect(run((c) => checkProductFields(c, input, ['input'], creating))).toEqual(expected);
  });
});

describe('checkOption and checkOptions', () => {
  it.each<[string, OptionInput, [string, string][]]>([
    ['a good option', { name: 'Size', values: ['S', 'M', 'L'] }, []],
    ['no values', { name: 'Size', values: [] }, [['INVALID_INPUT', 'o.values']]],
    ['too many values', { name: 'Size', values: Array.from({ length: LIMITS.optionValues + 1 }, (_, i) => `v${i}`) }, [['INVALID_INPUT', 'o.values']]],
    ['a blank name', { name: ' ', values: ['S'] }, [['INVALID_INPUT', 'o.name']]],
    ['a long name', { name: long(LIMITS.optionName + 1), values: ['S'] }, [['TOO_LONG', 'o.name']]],
    ['a blank value', { name: 'Size', values: ['S', ''] }, [['INVALID_INPUT', 'o.values.1']]],
    ['a long value', { name: 'Size', values: [long(LIMITS.optionValue + 1)] }, [['TOO_LONG', 'o.values.0']]],
    ['a repeated value, in any case', { name: 'Size', values: ['S', 'M', 's'] }, [['INVALID_INPUT', 'o.values.2']]],
  ])('%s', (_label, option, expected) => {
    expect(run((c) => checkOption(c, option, ['o']))).toEqual(expected);
  });

  it('refuses two options of one name and more than the limit of options', () => {
    expect(run((c) => checkOptions(c, [{ name: 'Size', values: ['S'] }, { name: 'size', values: ['M'] }], ['options']))).toEqual([
      ['OPTION_TAKEN', 'options.1.name'],
    ]);
    expect(run((c) => checkOptions(c, [{ name: 'Size', values: ['S'] }, { name: ' Size ', values: ['M'] }], ['options']))).toEqual([
      ['OPTION_TAKEN', 'options.1.name'],
    ]);
    const many = Array.from({ length: LIMITS.options + 1 }, (_, i) => ({ name: `o${i}`, values: ['x'] }));
    expect(run((c) => checkOptions(c, many, ['options']))).toEqual([['INVALID_INPUT', 'options']]);
  });
});

const usd = (amount: number) => ({ amount, currencyCode: 'USD' });

describe('checkVariant', () => {
  const options: OptionInput[] = [
    { name: 'Size', values: ['S', 'M'] },
    { name: 'Colour', values: ['Red', 'Blue'] },
  ];
  const good: VariantInput = { sku: 'TEE-S-RED', price: usd(1999), options: [{ name: 'Size', value: 'S' }, { name: 'Colour', value: 'Red' }] };

  it.each<[string, VariantInput, boolean, [string, string][]]>([
    ['a good new variant', good, true, []],
    ['option names and values in another case', { ...good, options: [{ name: 'size', value: 's' }] }, true, []],
    ['a new variant without SKU', { price: usd(100) }, true, [['INVALID_INPUT', 'v.sku']]],
    ['a new variant without price', { sku: 'X' }, true, [['INVALID_PRICE', 'v.price']]],
    ['a negative price', { sku: 'X', price: usd(-1) }, true, [['INVALID_PRICE', 'v.price.amount']]],
    ['a fractional price', { sku: 'X', price: usd(9.99) }, true, [['INVALID_PRICE', 'v.price.amount']]],
    ['a negative compare-at price', { sku: 'X', price: usd(1), compareAtPrice: usd(-1) }, true, [['INVALID_PRICE', 'v.compareAtPrice.amount']]],
    ['a long SKU', { sku: long(LIMITS.sku + 1), price: usd(1) }, true, [['TOO_LONG', 'v.sku']]],
    ['a long title', { sku: 'X', price: usd(1), title: long(LIMITS.variantTitle + 1) }, true, [['TOO_LONG', 'v.title']]],
    ['an unknown currency', { sku: 'X', price: { amount: 1, currencyCode: 'XYZ' } }, true, [['INVALID_CURRENCY', 'v.price.currencyCode']]],
    ['a compare-at price in another currency', { sku: 'X', price: usd(100), compareAtPrice: { amount: 200, currencyCode: 'EUR' } }, true, [['INVALID_CURRENCY', 'v.compareAtPrice.currencyCode']]],
    ['a negative weight', { sku: 'X', price: usd(1), weightGrams: -1 }, true, [['INVALID_INPUT', 'v.weightGrams']]],
    ['negative stock', { sku: 'X', price: usd(1), onHand: -1 }, true, [['QUANTITY_OUT_OF_RANGE', 'v.onHand']]],
    ['too much stock', { sku: 'X', price: usd(1), onHand: LIMITS.onHand + 1 }, true, [['QUANTITY_OUT_OF_RANGE', 'v.onHand']]],
    ['the most stock', { sku: 'X', price: usd(1), onHand: LIMITS.onHand }, true, []],
    ['a negative reorder threshold', { sku: 'X', price: usd(1), reorderThreshold: -1 }, true, [['QUANTITY_OUT_OF_RANGE', 'v.reorderThreshold']]],
    ['an unknown option', { sku: 'X', price: usd(1), options: [{ name: 'Fit', value: 'Slim' }] }, true, [['OPTION_VALUE_NOT_FOUND', 'v.options.0']]],
    ['an unknown value', { sku: 'X', price: usd(1), options: [{ name: 'Size', value: 'S' }, { name: 'Size', value: 'XL' }] }, true, [
      ['INVALID_INPUT', 'v.options.1'],
      ['OPTION_VALUE_NOT_FOUND', 'v.options.1'],
    ]],
    ['the same option twice', { sku: 'X', price: usd(1), options: [{ name: 'Size', value: 'S' }, { name: 'size', value: 'M' }] }, true, [
      ['INVALID_INPUT', 'v.options.1'],
    ]],
    ['an update that changes nothing', {}, false, []],
    ['an update of the price only', { price: usd(2500) }, false, []],
    ['an update to a blank SKU', { sku: ' ' }, false, [['INVALID_INPUT', 'v.sku']]],
    ['an update to a negative price', { price: usd(-5) }, false, [['INVALID_PRICE', 'v.price.amount']]],
  ])('%s', (_label, variant, creating, expected) => {
    expect(run((c) => checkVariant(c, variant, ['v'], options, creating))).toEqual(expected);
  });

  it('matches option names the way they are stored: trimmed', () => {
    const spaced: OptionInput[] = [{ name: ' Size ', values: ['S'] }];
    expect(run((c) => checkVariant(c, { sku: 'X', price: usd(1), options: [{ name: 'Size', value: 'S' }] }, ['v'], spaced, true))).toEqual([]);
    expect(run((c) => checkVariant(c, { sku: 'X', price: usd(1), options: [{ name: ' size', value: 'S' }] }, ['v'], options, true))).toEqual([]);
  });
});

describe('checkImage', () => {
  it.each<[string, ImageInput, [string, string][]]>([
    ['a good image', { url: 'https://cdn.example.com/a.jpg', altText: 'A tee', position: 0 }, []],
    ['a bad URL', { url: 'cdn.example.com/a.jpg' }, [['INVALID_URL', 'i.url']]],
    ['a long alt text', { url: 'https://cdn.example.com/a.jpg', altText: long(LIMITS.altText + 1) }, [['TOO_LONG', 'i.altText']]],
    ['a negative position', { url: 'https://cdn.example.com/a.jpg', position: -1 }, [['INVALID_INPUT', 'i.position']]],
  ])('%s', (_label, image, expected) => {
    expect(run((c) => checkImage(c, image, ['i']))).toEqual(expected);
  });
});

describe('defaultVariantTitle', () => {
  it.each<[{ name: string; value: string }[] | null, string]>([
    [null, 'SKU-1'],
    [[], 'SKU-1'],
    [[{ name: 'Size', value: 'M' }], 'M'],
    [[{ name: 'Size', value: 'M' }, { name: 'Colour', value: 'Red' }], 'M / Red'],
  ])('%j gives %s', (options, title) => {
    expect(defaultVariantTitle(options, 'SKU-1')).toBe(title);
  });
});
