// The local server's development defaults, shared with the code that talks to it
// (subgraphs/order/payments/config.ts). They are not secrets: nothing real can be paid with them.

export const LOCAL_STRIPE_PORT = 12111;
/** The server accepts any `sk_test_…` key; this is the one our services use against it. */
export const LOCAL_STRIPE_SECRET_KEY = 'sk_test_local';
/** The server accepts any `pk_test_…` key where Stripe.js may use one; this is the one it hands out. */
export const LOCAL_STRIPE_PUBLISHABLE_KEY = 'pk_test_local';
/** Webhooks are signed with this unless another secret is given (STRIPE_WEBHOOK_SECRET). */
export const LOCAL_STRIPE_WEBHOOK_SECRET = 'whsec_local_development_only_0000000000';
