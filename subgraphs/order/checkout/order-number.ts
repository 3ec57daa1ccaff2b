// Human-readable order numbers (SPEC §3): ORD-YYYYMMDD-XXXX, the UTC date the order was placed
// and four characters of Crockford's base 32 (no I, L, O or U, so none is misread). A number is
// unique in the database; checkout draws again on the rare collision.
import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function orderNumber(at: Date, random: (max: number) => number = randomInt): string {
  const day = at.toISOString().slice(0, 10).replaceAll('-', '');
  let suffix = '';
  for (let i = 0; i < 4; i++) suffix += ALPHABET[random(ALPHABET.length)];
  return `ORD-${day}-${suffix}`;
}

export const ORDER_NUMBER = /^ORD-\d{8}-[0-9A-HJKMNP-TV-Z]{4}$/;
