import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAmount, headerWith, readAmount } from './catalog-csv-format.js';
import { planImport, type ImportError } from './catalog-import-rows.js';

const HEADER = 'product_slug,product_name,description,brand,product_active,categories,image_urls,option1_name,option1_value,option2_name,option2_value,sku,variant_title,price,compare_at_price,currency,weight_grams,variant_active,on_hand,reorder_threshold,location';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');
/** The errors as [line, column, code] triples: messages are for people and not pinned, except where a test says. */
const triples = (errors: ImportError[]) => errors.map((e) => [e.line, e.column, e.code]);

describe('readAmount and formatAmount', () => {
  it.each([
    ['25.00', 'USD', 2500],
    ['25', 'USD', 2500],
    ['25.5', 'USD', 2550],
    ['0.07', 'USD', 7],
    ['0', 'USD', 0],
    ['007.10', 'EUR', 710],
    ['1500', 'JPY', 1500],
    ['1500.00', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
    ['12.5', 'KWD', 12500],
    ['10000000.00', 'USD', 1_000_000_000],
    // 0.1 + 0.2 in floating point is 0.30000000000000004: the digits are shifted as text instead.
    ['19.99', 'USD', 1999],
    ['1.15', 'USD', 115],
  ])('reads %s %s as %i minor units', (cell, currency, amount) => {
    expect(readAmount(cell, currency)).toEqual({ value: amount });
  });

  it.each([
    ['25.505', 'USD', 'more decimal places than USD has (2)'],
    ['1500.5', 'JPY', 'more decimal places than JPY has (0)'],
    ['1.2345', 'KWD', 'more decimal places than KWD has (3)'],
    ['10000000.01', 'USD', 'between 0 and 10000000.00 USD'],
    ['99999999999999999999', 'USD', 'between 0 and'],
    ['-1.00', 'USD', 'major units'],
    ['1,000.00', 'USD', 'major units'],
    ['$5', 'USD', 'major units'],
    ['1e3', 'USD', 'major units'],
    ['5.', 'USD', 'major units'],
    ['.5', 'USD', 'major units'],
  ])('refuses %s %s', (cell, currency, message) => {
    expect(readAmount(cell, currency)).toEqual({ error: expect.stringContaining(message) });
  });

  it.each([
    [2500, 'USD', '25.00'],
    [7, 'USD', '0.07'],
    [1500, 'JPY', '1500'],
    [1234, 'KWD', '1.234'],
    [1_000_000_000, 'USD', '10000000.00'],
  ])('writes %i %s as %s, which reads back the same', (amount, currency, text) => {
    expect(formatAmount(amount, currency)).toBe(text);
    expect(readAmount(text, currency)).toEqual({ value: amount });
  });
});

describe('planImport', () => {
  it('reads the sample file: products with options, categories and images, prices in minor units', () => {
    const plan = planImport(readFileSync(path.resolve(import.meta.dirname, '../../samples/catalog.csv'), 'utf8'));
    expect(plan.errors).toEqual([]);
    expect(plan.unreadable).toBe(false);
    expect(plan.products.length).toBeGreaterThanOrEqual(3);
    expect(plan.rows).toBe(plan.products.reduce((n, p) => n + p.variants.length, 0));
  });

  it('groups rows by product, takes the product columns from its first row, and reads each cell', () => {
    const plan = planImport(
      csv(
        'linen-shirt,Linen shirt,"Cool, crisp",Acme,true,apparel/shirts|sale,https://cdn.example.com/a.jpg|https://cdn.example.com/b.jpg,Size,M,Colour,White,LIN-M-W,,49.00,59.00,usd,220,true,10,2,A1',
        'linen-shirt,,,,,,,size,L,colour,white,LIN-L-W,Large white,49.50,,USD,,false,,,',
        'gift-card,Gift card,,,false,,,,,,,GIFT-50,,50,,EUR,,,0,,',
      ),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.rows).toBe(3);
    expect(plan.products).toEqual([
      {
        slug: 'linen-shirt',
        line: 2,
        name: 'Linen shirt',
        description: 'Cool, crisp',
        brand: 'Acme',
        active: true,
        categories: [['apparel', 'shirts'], ['sale']],
        imageUrls: ['https://cdn.example.com/a.jpg', 'https://cdn.example.com/b.jpg'],
        options: [
          { name: 'Size', values: ['M', 'L'], column: 'option1_name' },
          { name: 'Colour', values: ['White'], column: 'option2_name' },
        ],
        variants: [
          {
            line: 2, sku: 'LIN-M-W', title: null, price: 4900, compareAtPrice: 5900, currency: 'USD', weightGrams: 220, active: true,
            onHand: 10, reorderThreshold: 2, location: 'A1', options: [{ name: 'Size', value: 'M' }, { name: 'Colour', value: 'White' }],
          },
          {
            line: 3, sku: 'LIN-L-W', title: 'Large white', price: 4950, compareAtPrice: null, currency: 'USD', weightGrams: null, active: false,
            options: [{ name: 'Size', value: 'L' }, { name: 'Colour', value: 'white' }],
          },
        ],
      },
      {
        slug: 'gift-card', line: 4, name: 'Gift card', description: '', brand: null, active: false, categories: [], imageUrls: [], options: [],
        variants: [{ line: 4, sku: 'GIFT-50', title: null, price: 5000, compareAtPrice: null, currency: 'EUR', weightGrams: null, active: true, onHand: 0, options: [] }],
      },
    ]);
  });

  it('leaves out what the header leaves out: a stock file names products by slug and variants by SKU only', () => {
    const plan = planImport('product_slug,sku,on_hand\nlinen-shirt,LIN-M-W,12\nlinen-shirt,LIN-L-W,\n');
    expect(plan.errors).toEqual([]);
    expect(plan.products).toEqual([{ slug: 'linen-shirt', line: 2, variants: [{ line: 2, sku: 'LIN-M-W', onHand: 12 }, { line: 3, sku: 'LIN-L-W' }] }]);
  });

  it('numbers rows by the line they start on, across quoted line breaks', () => {
    const plan = planImport(csv('tee,Tee,"two\nlines",,,,,,,,,TEE-1,,10.00,,USD,,,,,', 'tee,,,,,,,,,,,TEE-2,,abc,,USD,,,,,'));
    expect(triples(plan.errors)).toEqual([[4, 'price', 'INVALID_PRICE']]);
  });

  it('reports every bad cell of every row with its line and column (in header order), and plans only the good rows', () => {
    const plan = planImport(
      csv(
        'tee,Tee,,,,,,Size,S,,,TEE-S,,10.00,,USD,,,5,,',
        'tee,,,,,,,Size,M,,,TEE-M,,10.001,abc,USD,-3,yes,20000000,,',
        'tee,,,,,,,Size,,,,TEE-X,,10.00,,XXX,,,,,',
        'tee,,,,,,,,L,,,,,10.00,,USD,,,,,' ,
        'Bad Slug,Tee,,,,,,,,,,BAD-1,,1.00,,USD,,,,,',
        'tee,,,,,,,Size,L,,,tee-s,,12.00,,USD,,,,,',
        'tee,,,,,,,Size,XL,,,TEE-XL,,12.00,,USD,,,,,',
        'short,row',
      ),
    );
    expect(triples(plan.errors)).toEqual([
      [3, 'price', 'INVALID_PRICE'],
      [3, 'compare_at_price', 'INVALID_PRICE'],
      [3, 'weight_grams', 'INVALID_INPUT'],
      [3, 'variant_active', 'INVALID_INPUT'],
      [3, 'on_hand', 'QUANTITY_OUT_OF_RANGE'],
      [4, 'option1_value', 'INVALID_INPUT'],
      [4, 'currency', 'INVALID_CURRENCY'],
      [5, 'option1_name', 'INVALID_INPUT'],
      [5, 'sku', 'INVALID_INPUT'],
      [6, 'product_slug', 'INVALID_INPUT'],
      [7, 'sku', 'SKU_TAKEN'],
      [9, null, 'INVALID_INPUT'],
    ]);
    expect(plan.errors.find((e) => e.line === 7)!.message).toBe('SKU tee-s is on line 2 already');
    expect(plan.products.map((p) => [p.slug, p.variants.map((v) => v.line)])).toEqual([['tee', [2, 8]]]);
    expect(plan.rows).toBe(8);
  });

  it('refuses a later row whose product columns differ from the first row, or that names another option', () => {
    const plan = planImport(
      csv(
        'tee,Tee,Soft,,,,,Size,S,,,TEE-S,,10.00,,USD,,,,,',
        'tee,Tee,Soft,,,,,size,M,,,TEE-M,,10.00,,USD,,,,,',
        'tee,T-shirt,,,,,,Size,L,,,TEE-L,,10.00,,USD,,,,,',
        'tee,,,,,,,Colour,Red,,,TEE-R,,10.00,,USD,,,,,',
      ),
    );
    expect(triples(plan.errors)).toEqual([
      [4, 'product_name', 'INVALID_INPUT'],
      [5, 'option1_name', 'INVALID_INPUT'],
    ]);
    expect(plan.errors[0]!.message).toBe("product_name differs from the product's first row, line 2: repeat it or leave it blank");
    expect(plan.products[0]!.options).toEqual([{ name: 'Size', values: ['S', 'M'], column: 'option1_name' }]);
  });

  it('refuses a whole product when its own columns are bad: its first row says why, each other row points there', () => {
    const plan = planImport(
      csv(
        'tee,,,,maybe,apparel//tees,ftp://cdn.example.com/a.jpg,Size,S,size,S,TEE-S,,10.00,,USD,,,,,',
        'tee,,,,,,,,,,,TEE-M,,10.00,,USD,,,,,',
        'mug,Mug,,,,,,,,,,MUG-1,,8.00,,USD,,,,,',
      ),
    );
    expect(triples(plan.errors)).toEqual([
      [2, 'product_name', 'INVALID_INPUT'],
      [2, 'product_active', 'INVALID_INPUT'],
      [2, 'categories', 'INVALID_INPUT'],
      [2, 'image_urls', 'INVALID_URL'],
      [2, 'option2_name', 'OPTION_TAKEN'],
      [3, 'product_slug', 'INVALID_INPUT'],
    ]);
    expect(plan.errors.at(-1)!.message).toBe('not imported: product tee has errors on line 2');
    expect(plan.products.map((p) => p.slug)).toEqual(['mug']);
  });

  it('gives a category one parent across the file', () => {
    const plan = planImport(csv('tee,Tee,,,,apparel/tees,,,,,,TEE-1,,10.00,,USD,,,,,', 'top,Top,,,,sale/tees,,,,,,TOP-1,,10.00,,USD,,,,,'));
    expect(plan.errors).toEqual([{ line: 3, column: 'categories', code: 'INVALID_INPUT', message: 'category tees is under sale here but under apparel on line 2' }]);
  });

  it.each([
    ['an unknown column', 'product_slug,sku,colour', [[1, 'colour', 'INVALID_INPUT']]],
    ['a missing sku column', 'product_slug,price,currency', [[1, 'sku', 'INVALID_INPUT']]],
    ['a price without a currency column', 'product_slug,sku,price', [[1, 'currency', 'INVALID_INPUT']]],
    ['an option name without its value column', 'product_slug,sku,option1_name', [[1, 'option1_value', 'INVALID_INPUT']]],
    ['a column twice', 'product_slug,sku,SKU', [[1, 'sku', 'INVALID_INPUT']]],
    ['an eleventh option', 'product_slug,sku,option11_name,option11_value', [[1, 'option11_name', 'INVALID_INPUT'], [1, 'option11_value', 'INVALID_INPUT']]],
  ])('cannot read a file with %s in its header', (_label, header, expected) => {
    const plan = planImport(`${header}\nx,y,z,w\n`);
    expect(plan.unreadable).toBe(true);
    expect(plan.products).toEqual([]);
    expect(triples(plan.errors)).toEqual(expected);
  });

  it('cannot read a file that is not CSV, and says at which line', () => {
    const plan = planImport(csv('tee,Tee,"unclosed,,,,,,,,,,TEE-1,,10.00,,USD,,,,,'));
    expect(plan.unreadable).toBe(true);
    expect(plan.errors).toEqual([{ line: 2, column: null, code: 'INVALID_INPUT', message: 'a quoted field is never closed' }]);
  });

  it('cannot read an empty file', () => {
    expect(planImport('')).toMatchObject({ unreadable: true, errors: [{ line: 1, column: null }] });
  });

  it('accepts the header the export writes, in any case and order', () => {
    const header = headerWith(2).reverse().map((h) => h.toUpperCase()).join(',');
    expect(planImport(`${header}\n`)).toMatchObject({ errors: [], unreadable: false, rows: 0 });
  });
});
