// Small DOM helpers. Pages are built from data with h(), never from HTML strings, so nothing the
// API answers (names, messages, addresses) is ever parsed as markup.

/**
 * h('button', { type: 'button', onClick }, 'Add') → an element. Attributes are set as given
 * (true: present, false/null/undefined: left out); on<Event> props add listeners; `value`,
 * `checked` and `disabled` are set as properties once the children are in (a select's value
 * needs its options first).
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  const properties = {};
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (/^on[A-Z]/.test(name)) el.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === 'value' || name === 'checked' || name === 'disabled') properties[name] = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  Object.assign(el, properties);
  return el;
}

/** Replaces what `el` shows. */
export function show(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter((c) => c !== undefined && c !== null && c !== false));
}

/** An order status in words (the API's enum values are SHOUTED for machines). */
export const STATUS_LABELS = {
  PENDING_PAYMENT: 'Awaiting payment',
  PAID: 'Paid',
  AWAITING_PRODUCTION: 'Being prepared',
  READY_TO_SHIP: 'Ready to ship',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
  RETURN_REQUESTED: 'Return requested',
  RETURNED: 'Returned',
};

export const statusLabel = (status) => STATUS_LABELS[status] ?? status;

/** An instant as the shopper's locale writes it. */
export const when = (iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A labelled text input: h('label') and its input, joined by id. */
export function field(id, label, input = {}) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), h('input', { id, name: id, ...input }), h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

/** Marks a field (made by field()) as wrong with a message, or clears it. */
export function markField(form, id, message) {
  const input = form.querySelector(`#${id}`);
  const error = form.querySelector(`#${id}-error`);
  if (!input || !error) return false;
  if (message) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', error.id);
  } else {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
  error.textContent = message ?? '';
  error.hidden = !message;
  return true;
}
