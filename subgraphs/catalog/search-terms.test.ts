// How a plain search is read into units, and how near a typo is: the pure rules of search-terms.ts.
import { describe, expect, it } from 'vitest';
import { correction, editDistance, plainWords, synonymIndex, termKey, unitsOf } from './search-terms.js';

describe('words and terms', () => {
  it('compares terms without case, accents, hyphens or spaces', () => {
    expect(['T-Shirt', 't shirt', 'TSHIRT', 'tshirt'].map(termKey)).toEqual(['tshirt', 'tshirt', 'tshirt', 'tshirt']);
    expect(termKey('Café Crème')).toBe('cafecreme');
  });

  it('reads a plain search as normalised words, keeping inner hyphens; operators leave it to websearch', () => {
    expect(plainWords('  Café  T-Shirt, ')).toEqual([
      { raw: 'Café', text: 'cafe', key: 'cafe' },
      { raw: 'T-Shirt,', text: 't-shirt', key: 'tshirt' },
    ]);
    for (const search of ['"linen shirt"', 'shirt -linen', 'shirt or tee']) expect(plainWords(search), search).toBeNull();
    expect(plainWords(' ,; ')).toBeNull();
  });
});

describe('units', () => {
  const words = (search: string) => plainWords(search)!;
  const none = () => false;

  it('gives each word its joined form and its synonyms; a one-way rule only from its first term', () => {
    const synonyms = synonymIndex([
      { kind: 'TWO_WAY', terms: ['tee', 'T-Shirt'] },
      { kind: 'ONE_WAY', terms: ['sweatshirt', 'hoodie'] },
    ]);
    expect(unitsOf(words('tee'), synonyms, none)).toEqual([{ words: words('tee'), phrases: ['tee', 't-shirt', 'tshirt'] }]);
    expect(unitsOf(words('t-shirt'), synonyms, none)[0]!.phrases).toEqual(['t-shirt', 'tshirt', 'tee']);
    expect(unitsOf(words('sweatshirt'), synonyms, none)[0]!.phrases).toEqual(['sweatshirt', 'hoodie']);
    expect(unitsOf(words('hoodie'), synonyms, none)[0]!.phrases).toEqual(['hoodie']);
  });

  it('takes a run of words as one unit when a rule names it or the catalog writes it as one word, the longest run first', () => {
    const synonyms = synonymIndex([{ kind: 'TWO_WAY', terms: ['tee', 't shirt'] }]);
    expect(unitsOf(words('linen t shirt'), synonyms, none).map((u) => u.phrases)).toEqual([['linen'], ['t shirt', 'tshirt', 'tee']]);
    const catalogWords = (key: string) => key === 'buttondown';
    expect(unitsOf(words('oxford button down'), new Map(), catalogWords).map((u) => u.phrases)).toEqual([['oxford'], ['button down', 'buttondown']]);
    expect(unitsOf(words('button down'), new Map(), none).map((u) => u.phrases)).toEqual([['button'], ['down']]);
  });
});

describe('typos', () => {
  it('counts insertions, deletions, substitutions and a swap of neighbours as one edit each', () => {
    expect(editDistance('shrit', 'shirt')).toBe(1);
    expect(editDistance('jaket', 'jacket')).toBe(1);
    expect(editDistance('merinno', 'merino')).toBe(1);
    expect(editDistance('cardign', 'cardigan')).toBe(1);
    expect(editDistance('jeens', 'jeans')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('corrects to the nearest candidate within 1 edit for short words and 2 for longer, the first of equals', () => {
    expect(correction('shrit', ['shirts', 'shirt', 'short'])).toBe('shirt');
    expect(correction('tea', ['tee', 'tan'])).toBe('tee');
    expect(correction('tea', ['tube'])).toBeNull();
    expect(correction('sweeter', ['sweater', 'sweeten'])).toBe('sweater');
    expect(correction('xylophone', ['phone'])).toBeNull();
  });
});
