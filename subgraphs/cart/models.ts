import type { Money } from '../../lib/money.js';
import type { Cart } from './prisma-client/client.js';

export type CartRow = Cart;

/** A line as the cart shows it, priced from the catalog at read time. */
export interface CartLineView {
  id: string;
  variantId: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
  discountTotal: Money;
}
