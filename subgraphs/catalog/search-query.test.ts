// Which word a shopper is still typing: only a plain last word with nothing after it.
import { describe, expect, it } from 'vitest';
import { wordBeingTyped } from './search-query.js';

describe('the word being typed', () => {
  it('is the last plain word when nothing follows it', () => {
    expect(wordBeingTyped('popl')).toEqual({ head: '', last: 'popl' });
    expect(wordBeingTyped('linen  shi')).toEqual({ head: 'linen', last: 'shi' });
    expect(wordBeingTyped('café')).toEqual({ head: '', last: 'café' });
    expect(wordBeingTyped('size 4')).toEqual({ head: 'size', last: '4' });
  });

  it('is none once a space follows, after an operator, inside a phrase or for a SKU', () => {
    for (const search of ['popl ', 'linen -shi', '"poplin shi', 'shirt or', 'RUNNERS-7', 'tee*']) expect(wordBeingTyped(search), search).toBeNull();
  });

  it('is the last word after a closed phrase', () => {
    expect(wordBeingTyped('"linen shirt" blu')).toEqual({ head: '"linen shirt"', last: 'blu' });
  });
});
