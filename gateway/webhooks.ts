// Payment provider webhooks reach the public port (SPEC §6: POST /webhooks/stripe) and go to the
// order subgraph unchanged: the raw body and its signature, which only the order context checks.
// The order context's answer (2xx once the effect is committed, 4xx for a bad signature, 5xx
// otherwise) goes back as it is, so that the provider retries exactly when it should.
import express, { type Express } from 'express';
import type { Logger } from '../lib/logger.js';
import { traceHeaders } from '../lib/tracing.js';

export function forwardPaymentWebhooks(app: Express, options: { orderUrl: () => string; log: Logger; timeoutMs?: number }): void {
  app.post('/webhooks/stripe', express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
    const target = new URL('/webhooks/stripe', options.orderUrl());
    try {
      const upstream = await fetch(target, {
        method: 'POST',
        headers: {
          'content-type': req.header('content-type') ?? 'application/json',
          ...(req.header('stripe-signature') ? { 'stripe-signature': req.header('stripe-signature')! } : {}),
          ...traceHeaders(),
        },
        body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      res.status(upstream.status).type('json').send(await upstream.text());
    } catch (err) {
      options.log.warn({ err: (err as Error).message }, 'payment webhook could not reach the order subgraph');
      res.status(502).json({ error: 'the order service did not answer; retry later' });
    }
  });
}
