// What the order resolvers receive: rows as stored (codegen maps the SDL's types to these).
import type { CountedConnection } from '../../lib/pagination.js';
import type { Order, OrderDiscount, OrderHistory, OrderLine, Payment, Refund } from './prisma-client/client.js';

export type OrderRow = Order;
/** Lines and discounts carry their order's currency, for their Money fields. */
export type OrderLineRow = OrderLine & { currency: string };
export type OrderDiscountRow = OrderDiscount & { currency: string };
export type OrderHistoryRow = OrderHistory;
export type PaymentRow = Payment;
/** Refunds carry their order's currency, for their Money field. */
export type RefundRow = Refund & { currency: string };
export type OrderConnectionRow = CountedConnection<OrderRow>;

/** A shipping address as kept (JSON in order.shipping_address): lib/address.ts, one shape for every context. */
export type { Address as AddressView } from '../../lib/address.js';
