// `tsx local-stripe/main.ts`: the local Stripe server on its own. STRIPE_LOCAL_PORT (default
// 12111), STRIPE_WEBHOOK_URL (where events go; none: they are only kept), STRIPE_WEBHOOK_SECRET
// (default the development secret), STRIPE_WEBHOOK_EVENTS (the event types sent, comma-separated, as
// an endpoint's enabled_events; default every type), LOG_LEVEL (default warn).
import { pino } from 'pino';
import { LOCAL_STRIPE_PORT } from './keys.js';
import { startLocalStripe } from './server.js';

const port = Number(process.env.STRIPE_LOCAL_PORT || LOCAL_STRIPE_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`STRIPE_LOCAL_PORT must be a port number, got ${JSON.stringify(process.env.STRIPE_LOCAL_PORT)}`);
  process.exit(2);
}
const webhookUrl = process.env.STRIPE_WEBHOOK_URL || undefined;
const stripe = await startLocalStripe({
  port,
  host: process.env.STRIPE_LOCAL_HOST || '127.0.0.1',
  webhookUrl,
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET || undefined,
  webhookEvents: process.env.STRIPE_WEBHOOK_EVENTS ? process.env.STRIPE_WEBHOOK_EVENTS.split(',').map((type) => type.trim()).filter(Boolean) : undefined,
  log: pino({ level: process.env.LOG_LEVEL || 'warn' }),
});
console.log(`Local Stripe listening on ${stripe.url} (keys sk_test_…/${stripe.publishableKey}; webhooks ${webhookUrl ? `to ${webhookUrl}` : 'kept, not delivered'})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stripe.close().then(() => process.exit(0));
  });
}
