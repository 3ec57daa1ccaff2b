// Checkout, step one: where and how the order ships. checkout(input) turns the cart into an order
// at the totals for this address and method, holding the stock and the codes; the order page
// then shows those totals and takes the payment (step two, order.js). The idempotency key stays
// the same while the details do, so a retry after a lost answer finds the same order.
import { CHECKOUT, MY_CART } from './api.js';
import { field, h, markField, show } from './dom.js';
import { userErrorText } from './messages.js';
import { cartTotals } from './cart.js';

const KEY_STORE = 'storefront.checkout';
const COUNTRIES = [['US', 'United States'], ['CA', 'Canada'], ['GB', 'United Kingdom'], ['DE', 'Germany'], ['FR', 'France'], ['NL', 'Netherlands']];
/** The address input's fields and the ids of the inputs that hold them. */
const ADDRESS_FIELDS = { name: 'ship-name', line1: 'ship-line1', line2: 'ship-line2', city: 'ship-city', state: 'ship-state', postalCode: 'ship-postal', country: 'ship-country' };

/** Where the order page finds the client secret to pay an order with (checkout answers it once). */
export const paymentKey = (orderId) => `storefront.payment.${orderId}`;

function idempotencyKeyFor(details) {
  const fingerprint = JSON.stringify(details);
  const saved = JSON.parse(sessionStorage.getItem(KEY_STORE) ?? 'null');
  if (saved?.fingerprint === fingerprint) return saved.key;
  const key = `web-${Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
  sessionStorage.setItem(KEY_STORE, JSON.stringify({ fingerprint, key }));
  return key;
}

export async function renderCheckout(view, _params, ctx) {
  if (!ctx.session()) return show(view, h('h1', null, 'Checkout'), ctx.signInPrompt('Sign in to check out.'));
  show(view, h('h1', null, 'Checkout'), h('p', { role: 'status' }, 'Loading your cart…'));
  const { myCart: cart } = await ctx.api(MY_CART);
  ctx.setCart(cart);
  if (!cart || cart.lines.length === 0) {
    return show(view, h('h1', null, 'Checkout'), h('p', null, 'Your cart is empty. ', h('a', { href: '#/' }, 'Back to the shop')));
  }

  const problems = h('div', { class: 'problems' });
  const submit = h('button', { type: 'submit' }, 'Continue to payment');
  const method = (value, label, checked) =>
    h('div', { class: 'choice' }, h('input', { type: 'radio', id: `method-${value}`, name: 'shippingMethod', value, checked }), h('label', { for: `method-${value}` }, label));
  const form = h('form', { class: 'checkout', noValidate: true, onSubmit: placeOrder },
    h('fieldset', null, h('legend', null, 'Shipping address'),
      field(ADDRESS_FIELDS.name, 'Full name', { autocomplete: 'name', required: true }),
      field(ADDRESS_FIELDS.line1, 'Address', { autocomplete: 'address-line1', required: true }),
      field(ADDRESS_FIELDS.line2, 'Apartment, suite (optional)', { autocomplete: 'address-line2' }),
      field(ADDRESS_FIELDS.city, 'City', { autocomplete: 'address-level2', required: true }),
      field(ADDRESS_FIELDS.state, 'State or region', { autocomplete: 'address-level1' }),
      field(ADDRESS_FIELDS.postalCode, 'Postal code', { autocomplete: 'postal-code', required: true }),
      h('div', { class: 'field' }, h('label', { for: ADDRESS_FIELDS.country }, 'Country'),
        h('select', { id: ADDRESS_FIELDS.country, autocomplete: 'country', value: 'US' }, COUNTRIES.map(([code, name]) => h('option', { value: code }, name))),
        h('p', { class: 'field-error', id: `${ADDRESS_FIELDS.country}-error`, hidden: true }))),
    h('fieldset', null, h('legend', null, 'Shipping method'), method('STANDARD', 'Standard', true), method('EXPRESS', 'Express', false)),
    h('section', { 'aria-label': 'Your cart' }, h('h2', null, 'Your cart'), cartTotals(cart),
      h('p', { class: 'muted' }, 'The order is priced for your address and shipping method before you pay.')),
    problems,
    submit);
  show(view, h('h1', null, 'Checkout'), form);

  async function placeOrder(event) {
    event.preventDefault();
    const value = (id) => form.querySelector(`#${id}`).value.trim();
    const shippingAddress = Object.fromEntries(Object.entries(ADDRESS_FIELDS).map(([name, id]) => [name, value(id) || null]));
    const details = { cartId: cart.id, shippingAddress, shippingMethod: form.querySelector('input[name="shippingMethod"]:checked').value };
    for (const id of Object.values(ADDRESS_FIELDS)) markField(form, id, null);
    show(problems, h('p', { role: 'status' }, 'Placing your order…'));
    submit.disabled = true;
    try {
      // No expectedTotal: the cart's total is an estimate for a default address; the order page shows the real one before paying.
      const { checkout } = await ctx.api(CHECKOUT, { input: { ...details, idempotencyKey: idempotencyKeyFor(details) } });
      if (checkout.userErrors.length === 0) {
        sessionStorage.removeItem(KEY_STORE);
        if (checkout.paymentClientSecret) sessionStorage.setItem(paymentKey(checkout.order.id), checkout.paymentClientSecret);
        ctx.setCart(null);
        ctx.navigate(`#/order/${encodeURIComponent(checkout.order.id)}`);
        return;
      }
      if (checkout.userErrors.some((e) => e.code === 'IDEMPOTENCY_KEY_REUSED')) sessionStorage.removeItem(KEY_STORE);
      show(problems, h('div', { role: 'alert', class: 'error', 'data-testid': 'checkout-error' }, h('ul', null, checkout.userErrors.map((e) => h('li', null, errorText(form, e))))));
    } catch (error) {
      show(problems);
      ctx.fail(error);
    } finally {
      submit.disabled = false;
    }
  }
}

/** An address error is also shown at its field: ["input", "shippingAddress", "postalCode"] names it. */
function errorText(form, error) {
  const [, group, name] = error.field ?? [];
  const id = group === 'shippingAddress' ? ADDRESS_FIELDS[name] : null;
  if (!id) return userErrorText(error);
  const label = form.querySelector(`label[for="${id}"]`).textContent;
  const text = `Please check the ${label.replace(/ \(optional\)$/, '').toLowerCase()}.`;
  markField(form, id, text);
  return text;
}
