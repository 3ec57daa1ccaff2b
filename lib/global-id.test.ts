import { describe, expect, it } from 'vitest';
import { globalId, parseGlobalId, rawIdFrom, rawIdOf } from './global-id.js';

const UUID = '0190f5a0-0000-7000-8000-000000000001';

describe('global ids', () => {
  it('carry the type and the raw id, opaquely, and give both back', () => {
    const id = globalId('Product', UUID);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(id).not.toContain(UUID);
    expect(parseGlobalId(id)).toEqual({ type: 'Product', rawId: UUID });
    expect(rawIdOf('Product', id, 'id')).toBe(UUID);
  });

  it('are shorter than the UUID they carry, and carry any other raw id as text', () => {
    expect(globalId('Product', UUID).length).toBeLessThan(UUID.length);
    expect(globalId('AffiliateAttribution', UUID).length).toBeLessThanOrEqual(50);
    expect(parseGlobalId(globalId('Order', 'order-7'))).toEqual({ type: 'Order', rawId: 'order-7' });
    // An upper-case UUID is not a row id: it stays text, and comes back exactly as given.
    expect(parseGlobalId(globalId('Order', UUID.toUpperCase()))).toEqual({ type: 'Order', rawId: UUID.toUpperCase() });
  });

  it('keep a raw id that holds the separator whole', () => {
    expect(parseGlobalId(globalId('Order', 'a:b:c'))).toEqual({ type: 'Order', rawId: 'a:b:c' });
  });

  it.each([
    ['a raw UUID', UUID],
    ['empty', ''],
    ['not base64url', 'UHJvZHVjdDox+/='],
    ['padded', `${globalId('Product', 'x')}=`],
    ['no separator', Buffer.from('Product').toString('base64url')],
    ['no raw id', Buffer.from('Product:').toString('base64url')],
    ['a UUID cut short', Buffer.concat([Buffer.from('Product'), Buffer.of(0), Buffer.alloc(15, 1)]).toString('base64url')],
    ['a UUID sent as text', Buffer.from(`Product:${UUID}`).toString('base64url')],
    ['no type', Buffer.from(':abc').toString('base64url')],
    ['a type that is not a type name', Buffer.from('product id:abc').toString('base64url')],
    ['too long', globalId('Product', 'x'.repeat(300))],
  ])('are not %s', (_name, id) => {
    expect(parseGlobalId(id)).toBeNull();
    expect(() => rawIdOf('Product', id, 'input.productId')).toThrow('input.productId is not an id this API issued');
  });

  it('refuse an id of another type, saying which', () => {
    const error = (() => {
      try {
        rawIdOf('Product', globalId('Cart', UUID), 'lines[2].productId');
      } catch (e) {
        return e as { message: string; extensions: Record<string, unknown> };
      }
    })();
    expect(error?.message).toBe('lines[2].productId must be a Product id, not a Cart id.');
    expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'lines[2].productId' });
  });

  it('say "an" before a vowel', () => {
    expect(() => rawIdOf('Order', globalId('AffiliatePartner', UUID), 'orderId')).toThrow('orderId must be an Order id, not an AffiliatePartner id.');
  });

  it("blame the subgraph that answered a wrong id, not the caller", () => {
    expect(rawIdFrom('the catalog', 'Product', globalId('Product', UUID))).toBe(UUID);
    for (const id of [UUID, globalId('Category', UUID)]) {
      let error: unknown;
      try {
        rawIdFrom('the catalog', 'Product', id);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Error);
      expect((error as { extensions?: unknown }).extensions).toBeUndefined();
      expect((error as Error).message).toBe(`the catalog answered ${JSON.stringify(id)} where a Product id belongs`);
    }
  });
});
