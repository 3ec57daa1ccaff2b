// A storefront page on another origin pays through the local server as Stripe.js does: the
// browser's preflight is answered, and every answer (a decline too) may be read cross-origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Running } from './local-stripe-fixtures.js';

let running: Running;

beforeAll(async () => {
  running = await startServer();
});
afterAll(() => running.server.close());

const STOREFRONT = 'http://127.0.0.1:4000';

async function confirmFromBrowser(paymentMethod: string) {
  const intent = await running.stripe.paymentIntents.create({ amount: 1_500, currency: 'usd', allowed_payment_method_types: ['card'] });
  return fetch(`${running.server.url}/v1/payment_intents/${intent.id}/confirm`, {
    method: 'POST',
    headers: { origin: STOREFRONT, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ key: running.server.publishableKey, client_secret: intent.client_secret as string, payment_method: paymentMethod }).toString(),
  });
}

describe('CORS', () => {
  it('answers a preflight with the methods and headers a browser may send', async () => {
    const res = await fetch(`${running.server.url}/v1/payment_intents/pi_123/confirm`, {
      method: 'OPTIONS',
      headers: { origin: STOREFRONT, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')?.split(/,\s*/)).toEqual(expect.arrayContaining(['GET', 'POST']));
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase().split(/,\s*/)).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key']));
    expect(await res.text()).toBe('');
  });

  it('lets the page read a payment, a decline and a refusal', async () => {
    const paid = await confirmFromBrowser('pm_card_visa');
    expect(paid.status).toBe(200);
    expect(paid.headers.get('access-control-allow-origin')).toBe('*');

    const declined = await confirmFromBrowser('pm_card_chargeDeclined');
    expect(declined.status).toBe(402);
    expect(declined.headers.get('access-control-allow-origin')).toBe('*');
    expect(await declined.json()).toMatchObject({ error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' } });

    const refused = await fetch(`${running.server.url}/v1/customers`, { method: 'POST', headers: { origin: STOREFRONT } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
  });
});
