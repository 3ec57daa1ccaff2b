// The order page: number, lines, totals, address, parcel and history, following the order's
// status live (live.js) without reloading; while the order waits for its payment, the payment
// step (the shopper picks a test card and pays the order's own total). And the shopper's orders.
import { MY_ORDERS, ORDER_PAGE, ORDER_STATUS_CHANGED } from './api.js';
import { paymentKey } from './checkout.js';
import { h, show, statusLabel, when } from './dom.js';
import { followOrder } from './live.js';
import { paymentErrorText } from './messages.js';
import { confirmPayment, TEST_CARDS } from './payments.js';

/** Reasons are written for staff (payment ids, job names); only why an order was cancelled or returned is the shopper's business. */
const SHOPPER_REASONS = new Set(['CANCELLED', 'RETURN_REQUESTED', 'RETURNED']);

const LIVE_STATES = {
  connecting: 'Connecting to live updates…',
  live: 'Live: this page updates by itself.',
  reconnecting: 'Live updates interrupted; reconnecting…',
  unavailable: 'Live updates are unavailable. Reload the page to see the latest status.',
};

export async function renderOrders(view, _params, ctx) {
  if (!ctx.session()) return show(view, h('h1', null, 'Your orders'), ctx.signInPrompt('Sign in to see your orders.'));
  const { myOrders } = await ctx.api(MY_ORDERS);
  show(view, h('h1', null, 'Your orders'), myOrders.edges.length === 0
    ? h('p', null, 'You have no orders yet.')
    : h('ul', { class: 'orders' }, myOrders.edges.map(({ node }) =>
        h('li', null, h('a', { href: `#/order/${encodeURIComponent(node.id)}` }, node.number), ` · ${statusLabel(node.status)} · ${node.total.formatted} · ${when(node.createdAt)}`))));
}

export async function renderOrder(view, { match }, ctx) {
  if (!ctx.session()) return show(view, h('h1', null, 'Your order'), ctx.signInPrompt('Sign in to see your order.'));
  const orderId = decodeURIComponent(match[1]);
  const { order } = await ctx.api(ORDER_PAGE, { id: orderId });
  if (!order) return show(view, h('h1', null, 'Order not found'), h('p', null, 'We could not find that order. ', h('a', { href: '#/orders' }, 'Your orders')));

  const status = h('p', { class: 'order-status', role: 'status' });
  const live = h('p', { class: 'live muted', 'data-testid': 'live-status' });
  const details = h('div', { class: 'order-details' });
  const payment = paymentStep(ctx, order);
  show(view, h('h1', null, `Order ${order.number}`), status, live, payment.el, details);

  function draw(current) {
    show(status, 'Status: ', h('strong', { 'data-testid': 'order-status', 'data-status': current.status }, statusLabel(current.status)));
    show(details, orderDetails(current));
    payment.draw(current);
  }
  draw(order);
  return followOrder({
    websocketPath: ctx.config.websocketPath,
    token: ctx.session().token,
    query: ORDER_STATUS_CHANGED,
    orderId,
    onEvent: (event) => draw(event.order),
    onState: (state) => (state === 'unauthenticated' ? ctx.fail({ kind: state }) : show(live, LIVE_STATES[state])),
  });
}

/**
 * Paying: shown while the order is PENDING_PAYMENT and this browser holds its client secret. The
 * card's answer is shown at once; the status turns PAID (or CANCELLED) when the webhook lands.
 */
function paymentStep(ctx, order) {
  const el = h('section', { class: 'panel payment', 'aria-labelledby': 'payment-heading' });
  let outcome = null;
  let declined = false;
  let paying = false;

  async function pay(event) {
    event.preventDefault();
    const secret = sessionStorage.getItem(paymentKey(order.id));
    const card = el.querySelector('#test-card').value;
    paying = true;
    draw(order);
    try {
      const result = await confirmPayment(ctx.config.stripe, secret, card);
      sessionStorage.removeItem(paymentKey(order.id));
      declined = !result.ok;
      outcome = result.ok
        ? h('p', { role: 'status', 'data-testid': 'payment-result' }, 'Payment accepted. Your order shows as paid as soon as the bank confirms it.')
        : h('div', { role: 'alert', class: 'error', 'data-testid': 'payment-result' },
            h('p', null, paymentErrorText(result.error)),
            h('p', null, 'This order will be cancelled and its items go back to your cart. ', h('a', { href: '#/cart' }, 'Back to your cart')));
    } catch {
      outcome = h('p', { role: 'alert', class: 'error', 'data-testid': 'payment-result' }, 'We could not reach the payment service. Please try again.');
    } finally {
      paying = false;
      draw(order);
    }
  }

  function draw(current) {
    order = current;
    const pending = current.status === 'PENDING_PAYMENT';
    const payable = pending && sessionStorage.getItem(paymentKey(current.id));
    // "Payment accepted" is news only until the status says Paid; a decline explains the cancellation for good.
    if (!payable && !(outcome && (pending || declined))) return show(el);
    const form = payable
      ? h('form', { onSubmit: pay },
          h('p', null, 'Total to pay: ', h('strong', null, current.total.formatted)),
          h('div', { class: 'field' }, h('label', { for: 'test-card' }, 'Test card'),
            h('select', { id: 'test-card', value: el.querySelector('#test-card')?.value ?? TEST_CARDS[0].id }, TEST_CARDS.map((c) => h('option', { value: c.id }, c.label)))),
          h('button', { type: 'submit', disabled: paying }, paying ? 'Paying…' : `Pay ${current.total.formatted}`))
      : null;
    show(el, h('h2', { id: 'payment-heading' }, 'Payment'), form, outcome);
  }

  return { el, draw };
}

const countryName = (code) => new Intl.DisplayNames(undefined, { type: 'region' }).of(code) ?? code;

function orderDetails(order) {
  const row = (label, testId, value) => [h('dt', null, label), h('dd', { 'data-testid': testId }, value)];
  const address = order.shippingAddress;
  const parcel = order.shipping;
  return [
    h('table', { class: 'lines' },
      h('caption', { class: 'visually-hidden' }, 'Items in this order'),
      h('thead', null, h('tr', null, ['Item', 'Price', 'Quantity', 'Total'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, order.lines.map((line) =>
        h('tr', null,
          h('th', { scope: 'row' }, line.variantTitle === line.sku ? line.productName : `${line.productName} — ${line.variantTitle}`),
          h('td', null, line.unitPrice.formatted),
          h('td', null, String(line.quantity)),
          h('td', null, line.lineTotal.formatted, line.discountTotal.amount > 0 ? h('span', { class: 'muted' }, ` (−${line.discountTotal.formatted})`) : null))))),
    order.discounts.length
      ? h('ul', { class: 'discounts', 'aria-label': 'Discounts' }, order.discounts.map((d) => h('li', null, `${d.name}${d.code ? ` (${d.code})` : ''}: −${d.amount.formatted}`)))
      : null,
    h('dl', { class: 'totals', 'aria-label': 'Order totals' },
      row('Subtotal', 'order-subtotal', order.subtotal.formatted),
      order.discountTotal.amount > 0 ? row('Discounts', 'order-discounts', `−${order.discountTotal.formatted}`) : null,
      row('Shipping', 'order-shipping', order.shippingTotal.formatted),
      row('Tax', 'order-tax', order.taxTotal.formatted),
      row('Total', 'order-total', order.total.formatted)),
    h('section', { 'aria-labelledby': 'shipping-heading' },
      h('h2', { id: 'shipping-heading' }, 'Shipping'),
      h('address', null, [address.name, address.line1, address.line2, `${address.city}${address.state ? `, ${address.state}` : ''} ${address.postalCode}`, countryName(address.country)]
        .filter(Boolean).flatMap((part, i) => (i ? [h('br'), part] : [part]))),
      h('p', null, `${order.shippingMethod === 'EXPRESS' ? 'Express' : 'Standard'} shipping`),
      parcel ? h('p', { 'data-testid': 'parcel' }, [parcel.provider, parcel.method].filter(Boolean).join(' '), parcel.trackingNumber ? `, tracking number ${parcel.trackingNumber}` : '') : null),
    h('section', { 'aria-labelledby': 'history-heading' },
      h('h2', { id: 'history-heading' }, 'History'),
      h('ol', { class: 'history', 'aria-labelledby': 'history-heading' }, order.history.map((entry) =>
        h('li', null,
          entry.from ? `${statusLabel(entry.from)} → ${statusLabel(entry.to)}` : `Placed: ${statusLabel(entry.to)}`,
          ` · ${when(entry.at)}`,
          entry.reason && SHOPPER_REASONS.has(entry.to) ? h('span', { class: 'muted' }, ` (${entry.reason})`) : null)))),
  ];
}
