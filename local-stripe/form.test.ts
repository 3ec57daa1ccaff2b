import { describe, expect, it } from 'vitest';
import { asList, decodeForm } from './form.js';
import { canonical } from './params.js';

describe('decodeForm', () => {
  it.each([
    ['amount=1000&currency=usd', { amount: '1000', currency: 'usd' }],
    ['metadata[order_id]=o-1&metadata[note]=a+b%26c', { metadata: { order_id: 'o-1', note: 'a b&c' } }],
    ['expand[]=latest_charge&expand[]=customer', { expand: ['latest_charge', 'customer'] }],
    ['expand[0]=latest_charge&expand[1]=customer', { expand: { 0: 'latest_charge', 1: 'customer' } }],
    ['expand%5B0%5D=latest_charge', { expand: { 0: 'latest_charge' } }],
    ['automatic_payment_methods[enabled]=true&automatic_payment_methods[allow_redirects]=never', { automatic_payment_methods: { enabled: 'true', allow_redirects: 'never' } }],
    ['items[][price]=a&items[][quantity]=1&items[][price]=b', { items: [{ price: 'a', quantity: '1' }, { price: 'b' }] }],
    ['description=&flag', { description: '', flag: '' }],
    ['a=1&a=2', { a: '2' }],
    ['bad=%E0%A4%A', { bad: '%E0%A4%A' }],
    ['', {}],
    ['__proto__[polluted]=yes&constructor[prototype][polluted]=yes', { constructor: { prototype: { polluted: 'yes' } } }],
  ])('decodes %s', (text, expected) => {
    expect(decodeForm(text)).toEqual(expected);
  });

  it('leaves Object.prototype alone', () => {
    decodeForm('__proto__[polluted]=yes&a[__proto__][polluted]=yes');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads a list however it was sent, and keeps numeric metadata keys an object', () => {
    expect(asList(decodeForm('e[1]=b&e[0]=a').e)).toEqual(['a', 'b']);
    expect(asList(decodeForm('e[]=a').e)).toEqual(['a']);
    expect(asList(decodeForm('e[x]=a').e)).toBeNull();
    expect(decodeForm('metadata[0]=a').metadata).toEqual({ 0: 'a' });
  });

  it('compares parameters in any order and either list form', () => {
    expect(canonical(decodeForm('a=1&b[y]=2&b[x]=3&e[0]=z'))).toBe(canonical(decodeForm('b[x]=3&e[]=z&a=1&b[y]=2')));
    expect(canonical(decodeForm('a=1'))).not.toBe(canonical(decodeForm('a=2')));
  });
});
