// The cart: its lines with quantities to change or remove, promotion codes, and the totals as the
// API prices them on every read (subtotal, discounts, shipping and tax estimates, total). Each
// change answers the whole cart, refused or not, so the page redraws from the answer alone.
import { APPLY_PROMOTION_CODE, MY_CART, REMOVE_CART_LINE, REMOVE_PROMOTION_CODE, UPDATE_CART_LINE } from './api.js';
import { h, show } from './dom.js';
import { userErrorText } from './messages.js';

/** The cart's totals as a description list; test ids name each figure. */
export function cartTotals(cart) {
  const row = (label, testId, value) => [h('dt', null, label), h('dd', { 'data-testid': testId }, value)];
  return h('dl', { class: 'totals', 'aria-label': 'Cart totals' },
    row('Subtotal', 'cart-subtotal', cart.subtotal.formatted),
    cart.discountTotal.amount > 0 ? row('Discounts', 'cart-discounts', `−${cart.discountTotal.formatted}`) : null,
    row('Shipping (estimate)', 'cart-shipping', cart.shippingEstimate.formatted),
    row('Tax (estimate)', 'cart-tax', cart.taxEstimate.formatted),
    row('Total', 'cart-total', cart.total.formatted));
}

export async function renderCart(view, _params, ctx) {
  if (!ctx.session()) return show(view, h('h1', null, 'Your cart'), ctx.signInPrompt('Sign in to see your cart.'));
  show(view, h('h1', null, 'Your cart'), h('p', { role: 'status' }, 'Loading your cart…'));
  ctx.setCart((await ctx.api(MY_CART)).myCart);
  const problems = h('div', { class: 'problems' });
  // Each answer redraws the cart; a code being typed meanwhile survives the redraw.
  let typedCode = '';

  let busy = false;

  async function change(operation, variables) {
    const cart = ctx.cart();
    // One change at a time: a second one (e.g. the blur of an input the redraw removes) would race the first.
    if (!cart || busy) return;
    busy = true;
    try {
      const data = await ctx.api(operation, { cartId: cart.id, ...variables });
      const payload = Object.values(data)[0];
      if (payload.cart) ctx.setCart(payload.cart);
      if (operation === APPLY_PROMOTION_CODE && payload.userErrors.length === 0) typedCode = '';
      draw(payload.userErrors);
    } catch (error) {
      ctx.fail(error);
    } finally {
      busy = false;
    }
  }

  function draw(userErrors = []) {
    const cart = ctx.cart();
    show(problems, userErrors.length ? h('p', { role: 'alert', class: 'error', 'data-testid': 'cart-error' }, userErrors.map(userErrorText).join(' ')) : null);
    if (!cart || cart.lines.length === 0) {
      show(view, h('h1', null, 'Your cart'), problems, h('p', null, 'Your cart is empty. ', h('a', { href: '#/' }, 'Find something you like')));
      return;
    }
    const codeInput = h('input', { id: 'promotion-code', name: 'code', autocomplete: 'off', autocapitalize: 'characters', value: typedCode, onInput: () => (typedCode = codeInput.value) });
    show(
      view,
      h('h1', null, 'Your cart'),
      problems,
      cart.warnings.length ? h('ul', { class: 'warnings', 'aria-label': 'Before you check out' }, cart.warnings.map((w) => h('li', null, w.message))) : null,
      h('table', { class: 'lines' },
        h('caption', { class: 'visually-hidden' }, 'Items in your cart'),
        h('thead', null, h('tr', null, ['Item', 'Price', 'Quantity', 'Total', ''].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, cart.lines.map((line) => lineRow(line, ctx, change)))),
      h('form', { class: 'promotion', onSubmit: (e) => (e.preventDefault(), codeInput.value.trim() && change(APPLY_PROMOTION_CODE, { code: codeInput.value.trim() })) },
        h('label', { for: 'promotion-code' }, 'Promotion code'),
        codeInput,
        h('button', { type: 'submit' }, 'Apply')),
      cart.appliedCodes.length
        ? h('ul', { class: 'codes', 'aria-label': 'Applied codes' }, cart.appliedCodes.map((code) =>
            h('li', null, h('span', { class: 'code' }, code), ' ', h('button', { type: 'button', class: 'link', 'aria-label': `Remove code ${code}`, onClick: () => change(REMOVE_PROMOTION_CODE, { code }) }, 'Remove'))))
        : null,
      cart.discounts.length
        ? h('ul', { class: 'discounts', 'aria-label': 'Discounts' }, cart.discounts.map((d) => h('li', null, `${d.name}${d.code ? ` (${d.code})` : ''}: −${d.amount.formatted}`)))
        : null,
      cartTotals(cart),
      h('p', { class: 'muted' }, 'Shipping and tax are estimates; checkout works them out for your address and shipping method.'),
      h('p', null, h('a', { class: 'button', href: '#/checkout' }, 'Check out')),
    );
  }

  draw();
}

function lineRow(line, ctx, change) {
  const variant = line.variant;
  // A product without options has one variant, whose title is only its SKU.
  const name = !variant ? 'An item we cannot show right now' : variant.options.length ? `${variant.product.name} — ${variant.title}` : variant.product.name;
  const quantity = h('input', {
    type: 'number', min: '1', max: '999', value: String(line.quantity), 'aria-label': `Quantity of ${name}`,
    onChange: () => {
      // An input the redraw replaced still reports its change (on blur): the cart may have it already.
      const now = ctx.cart()?.lines.find((l) => l.id === line.id)?.quantity;
      if (Number(quantity.value) !== now) change(UPDATE_CART_LINE, { lineId: line.id, quantity: Number(quantity.value) });
    },
  });
  return h('tr', null,
    h('th', { scope: 'row' }, variant ? h('a', { href: `#/product/${encodeURIComponent(variant.product.id)}` }, name) : name),
    h('td', null, line.unitPrice.formatted),
    h('td', null, quantity),
    h('td', null, line.lineTotal.formatted, line.discountTotal.amount > 0 ? h('span', { class: 'muted' }, ` (−${line.discountTotal.formatted})`) : null),
    h('td', null, h('button', { type: 'button', class: 'link', 'aria-label': `Remove ${name}`, onClick: () => change(REMOVE_CART_LINE, { lineId: line.id }) }, 'Remove')));
}
