import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, readSettings } from '../../../lib/config.js';
import { LOCAL_STRIPE_WEBHOOK_SECRET } from '../../../local-stripe/keys.js';
import { startLocalStripe, type LocalStripe } from '../../../local-stripe/server.js';
import { paymentSettings, stripeConnection } from './config.js';
import { paymentProviderFrom } from './stripe-provider.js';

let server: LocalStripe;
beforeAll(async () => {
  server = await startLocalStripe({ port: 0 });
});
afterAll(() => server.close());

describe('payment settings', () => {
  it('default to the local Stripe server with its development keys', () => {
    const settings = readSettings(paymentSettings, loadConfig({}, [paymentSettings]));
    expect(settings).toEqual({ STRIPE_API_BASE: 'http://127.0.0.1:12111' });
    expect(stripeConnection(settings)).toEqual({
      secretKey: 'sk_test_local',
      webhookSecret: LOCAL_STRIPE_WEBHOOK_SECRET,
      publishableKey: 'pk_test_local',
      apiBase: 'http://127.0.0.1:12111',
    });
  });

  it('choose real Stripe when a secret key is set, and then need the webhook secret', () => {
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'sk_live_abc123' }, [paymentSettings])).toThrow(/STRIPE_WEBHOOK_SECRET: is required with STRIPE_SECRET_KEY/);
    const env = { STRIPE_SECRET_KEY: 'sk_live_abc123', STRIPE_WEBHOOK_SECRET: 'whsec_abc', STRIPE_PUBLISHABLE_KEY: 'pk_live_abc', STRIPE_API_BASE: 'http://127.0.0.1:1' };
    expect(stripeConnection(readSettings(paymentSettings, loadConfig(env, [paymentSettings])))).toEqual({
      secretKey: 'sk_live_abc123',
      webhookSecret: 'whsec_abc',
      publishableKey: 'pk_live_abc',
      apiBase: null,
    });
  });

  it('name bad values', () => {
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'pk_test_x', STRIPE_WEBHOOK_SECRET: 'secret', STRIPE_API_BASE: 'nowhere' }, [paymentSettings])).toThrow(
      /STRIPE_SECRET_KEY: must be a Stripe secret key[\s\S]*STRIPE_WEBHOOK_SECRET: must be a webhook signing secret[\s\S]*STRIPE_API_BASE: must be a URL/,
    );
  });

  it('give a provider that pays through the local server at STRIPE_API_BASE', async () => {
    const provider = paymentProviderFrom(readSettings(paymentSettings, loadConfig({ STRIPE_API_BASE: server.url }, [paymentSettings])), { maxNetworkRetries: 0 });
    const intent = await provider.createPaymentIntent({ orderId: 'order-1', amount: 1_000, currency: 'USD', idempotencyKey: 'order-1' });
    expect((await provider.confirmPaymentIntent(intent.id, { paymentMethodId: 'pm_card_visa', idempotencyKey: 'confirm-1' })).status).toBe('succeeded');
  });
});
