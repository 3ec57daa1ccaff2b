// Pays an order's PaymentIntent from the browser as Stripe.js does: the publishable key and the
// client secret checkout answered. Offline (config.json names the local Stripe server's apiBase)
// it POSTs the confirmation there; against real Stripe it loads Stripe.js and lets it confirm.
// Either way the order becomes PAID only when the provider's webhook reaches the shop.

/** The test cards a shopper may pick (local-stripe/README.md; real Stripe's test mode knows them too). */
export const TEST_CARDS = [
  { id: 'pm_card_visa', label: 'Visa ending 4242 (pays)' },
  { id: 'pm_card_chargeDeclined', label: 'Visa ending 0002 (declined)' },
];

/** The PaymentIntent id inside a client secret (`pi_…_secret_…`). */
const intentOf = (clientSecret) => clientSecret.slice(0, clientSecret.indexOf('_secret_'));

/** → `{ ok: true }`, or `{ ok: false, error }` with Stripe's error object (null when there is none). Throws when Stripe cannot be reached. */
export async function confirmPayment(stripe, clientSecret, paymentMethod) {
  if (stripe.apiBase) return confirmOnLocalServer(stripe, clientSecret, paymentMethod);
  const client = await loadStripeJs(stripe.publishableKey);
  const { error, paymentIntent } = await client.confirmCardPayment(clientSecret, { payment_method: paymentMethod });
  return error || paymentIntent?.status !== 'succeeded' ? { ok: false, error: error ?? null } : { ok: true };
}

async function confirmOnLocalServer({ apiBase, publishableKey }, clientSecret, paymentMethod) {
  const res = await fetch(`${apiBase}/v1/payment_intents/${encodeURIComponent(intentOf(clientSecret))}/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ key: publishableKey, client_secret: clientSecret, payment_method: paymentMethod }),
  });
  const body = await res.json().catch(() => null);
  if (res.ok && body?.status === 'succeeded') return { ok: true };
  return { ok: false, error: body?.error ?? null };
}

let stripeJs;

function loadStripeJs(publishableKey) {
  stripeJs ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'https://js.stripe.com/v3';
    script.onload = () => resolve(window.Stripe(publishableKey));
    script.onerror = () => {
      stripeJs = undefined;
      reject(new Error('Stripe.js did not load'));
    };
    document.head.append(script);
  });
  return stripeJs;
}
