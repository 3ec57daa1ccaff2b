// The payment provider on the official Stripe SDK: real Stripe, or the local Stripe-compatible
// server (local-stripe/) when `apiBase` points at it; the code path is the same. Amounts travel in
// minor units, currencies lower-case on the wire and upper-case in views, the order id as
// metadata.order_id, an idempotency key with every write.
import Stripe from 'stripe';
import {
  PaymentProviderError,
  WebhookSignatureError,
  type PaymentIntentStatus,
  type PaymentIntentView,
  type PaymentProvider,
  type ProviderEvent,
  type RefundView,
} from './provider.js';
import { stripeConnection, type PaymentSettings } from './config.js';

export interface StripeProviderOptions {
  secretKey: string;
  webhookSecret: string;
  /** `http://127.0.0.1:12111` for the local server; unset: real Stripe. */
  apiBase?: string;
  timeoutMs?: number;
  maxNetworkRetries?: number;
}

/** How old a webhook's signature may be (seconds), as Stripe's own default. */
const WEBHOOK_TOLERANCE_S = 300;
const STRIPE_REFUND_REASONS: readonly string[] = ['duplicate', 'fraudulent', 'requested_by_customer'];
/** Every answer about a payment intent carries its charge, for the amount refunded. */
const WITH_CHARGE = ['latest_charge'];

function clientConfig(options: StripeProviderOptions): Stripe.StripeConfig {
  const config: Stripe.StripeConfig = {
    timeout: options.timeoutMs ?? 20_000,
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    appInfo: { name: 'commerce-supergraph' },
  };
  if (options.apiBase) {
    const url = new URL(options.apiBase);
    const protocol = url.protocol === 'https:' ? 'https' : 'http';
    config.host = url.hostname;
    config.port = url.port || (protocol === 'https' ? 443 : 80);
    config.protocol = protocol;
  }
  return config;
}

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : value.id;

function intentView(intent: Stripe.PaymentIntent): PaymentIntentView {
  const charge = intent.latest_charge !== null && typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
  const error = intent.last_payment_error;
  return {
    id: intent.id,
    status: intent.status as PaymentIntentStatus,
    amount: intent.amount,
    amountReceived: intent.amount_received,
    currency: intent.currency.toUpperCase(),
    clientSecret: intent.client_secret,
    orderId: intent.metadata?.order_id ?? null,
    customerId: idOf(intent.customer),
    paymentMethodId: idOf(intent.payment_method),
    latestChargeId: idOf(intent.latest_charge),
    amountRefunded: charge?.amount_refunded ?? 0,
    lastError: error ? { code: error.code ?? null, declineCode: error.decline_code ?? null, message: error.message ?? 'The payment failed.' } : null,
  };
}

function refundView(refund: Stripe.Refund, paymentIntentId: string): RefundView {
  return {
    id: refund.id,
    paymentIntentId: idOf(refund.payment_intent) ?? paymentIntentId,
    amount: refund.amount,
    status: (refund.status ?? 'pending') as RefundView['status'],
    currency: refund.currency.toUpperCase(),
  };
}

/** An SDK error in the order context's terms. */
function providerError(err: unknown): PaymentProviderError {
  if (!(err instanceof Stripe.errors.StripeError)) {
    return new PaymentProviderError('other', err instanceof Error ? err.message : String(err), { cause: err });
  }
  const details = { code: err.code ?? null, declineCode: err.decline_code ?? null, statusCode: err.statusCode ?? null, cause: err };
  if (err instanceof Stripe.errors.StripeCardError) return new PaymentProviderError('card_declined', err.message, details);
  if (err instanceof Stripe.errors.StripeIdempotencyError) return new PaymentProviderError('idempotency', err.message, details);
  if (
    err instanceof Stripe.errors.StripeConnectionError ||
    err instanceof Stripe.errors.StripeAPIError ||
    err instanceof Stripe.errors.StripeRateLimitError ||
    (err.statusCode ?? 0) >= 500
  ) {
    return new PaymentProviderError('unavailable', err.message, details);
  }
  if (err instanceof Stripe.errors.StripeInvalidRequestError) {
    return new PaymentProviderError(err.code === 'payment_intent_unexpected_state' ? 'unexpected_state' : 'invalid_request', err.message, details);
  }
  return new PaymentProviderError('other', err.message, details);
}

/** Runs a call to Stripe, its errors in our terms. */
async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (err) {
    throw providerError(err);
  }
}

/** A payment attempt: a decline answers the intent as it now is (with lastError) instead of failing. */
async function attempt(request: () => Promise<Stripe.PaymentIntent>): Promise<PaymentIntentView> {
  try {
    return intentView(await request());
  } catch (err) {
    if (err instanceof Stripe.errors.StripeCardError && err.payment_intent) return intentView(err.payment_intent);
    throw providerError(err);
  }
}

export function stripeProvider(options: StripeProviderOptions): PaymentProvider {
  const stripe = new Stripe(options.secretKey, clientConfig(options));

  const retrievePaymentIntent = async (id: string) => intentView(await call(() => stripe.paymentIntents.retrieve(id, { expand: WITH_CHARGE })));

  return {
    async createPaymentIntent(input) {
      const intent = await call(() =>
        stripe.paymentIntents.create(
          {
            amount: input.amount,
            currency: input.currency.toLowerCase(),
            customer: input.customerId ?? undefined,
            setup_future_usage: input.setupFutureUsage ? 'off_session' : undefined,
            description: input.description,
            metadata: { order_id: input.orderId },
            allowed_payment_method_types: ['card'],
            expand: WITH_CHARGE,
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      return intentView(intent);
    },

    retrievePaymentIntent,

    confirmPaymentIntent(id, input) {
      return attempt(() =>
        stripe.paymentIntents.confirm(id, { payment_method: input.paymentMethodId, expand: WITH_CHARGE }, { idempotencyKey: input.idempotencyKey }),
      );
    },

    async cancelPaymentIntent(id, idempotencyKey) {
      try {
        return intentView(await stripe.paymentIntents.cancel(id, { expand: WITH_CHARGE }, { idempotencyKey }));
      } catch (err) {
        const error = providerError(err);
        if (error.kind === 'unexpected_state') {
          const current = await retrievePaymentIntent(id);
          if (current.status === 'canceled') return current;
        }
        throw error;
      }
    },

    async createCustomer(input) {
      const customer = await call(() =>
        stripe.customers.create({ email: input.email ?? undefined, metadata: { person_id: input.personId } }, { idempotencyKey: input.idempotencyKey }),
      );
      return { id: customer.id };
    },

    chargeOffSession(input) {
      return attempt(() =>
        stripe.paymentIntents.create(
          {
            amount: input.amount,
            currency: input.currency.toLowerCase(),
            customer: input.customerId,
            payment_method: input.paymentMethodId,
            confirm: true,
            off_session: true,
            metadata: { order_id: input.orderId },
            allowed_payment_method_types: ['card'],
            expand: WITH_CHARGE,
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
    },

    async savedPaymentMethods(customerId) {
      const methods = await call(() => stripe.paymentMethods.list({ customer: customerId, type: 'card', limit: 100 }));
      return methods.data.map((m) => ({ id: m.id, brand: m.card?.brand ?? null, last4: m.card?.last4 ?? null }));
    },

    async refund(input) {
      const reason = input.reason ?? null;
      const stripeReason = reason !== null && STRIPE_REFUND_REASONS.includes(reason) ? (reason as Stripe.RefundCreateParams.Reason) : undefined;
      const refund = await call(() =>
        stripe.refunds.create(
          {
            payment_intent: input.paymentIntentId,
            amount: input.amount,
            reason: stripeReason,
            // Stripe takes three reasons; ours are free text, kept with the refund.
            metadata: reason !== null && !stripeReason ? { reason: reason.slice(0, 500) } : undefined,
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      return refundView(refund, input.paymentIntentId);
    },

    parseWebhook(rawBody, signatureHeader) {
      if (!signatureHeader) throw new WebhookSignatureError('No Stripe-Signature header');
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signatureHeader, options.webhookSecret, WEBHOOK_TOLERANCE_S);
      } catch (err) {
        // A bad or stale signature, or a signed body that is not JSON.
        throw new WebhookSignatureError(err instanceof Error ? err.message : 'The webhook could not be verified', { cause: err });
      }
      const object = (event as { data?: { object?: unknown } } | null)?.data?.object as
        | { id?: unknown; object?: unknown; payment_intent?: string | { id: string } | null }
        | undefined;
      if (event?.object !== 'event' || typeof event.id !== 'string' || typeof event.type !== 'string' || !object || typeof object !== 'object') {
        throw new WebhookSignatureError('The webhook payload is not a Stripe event');
      }
      const objectId = typeof object.id === 'string' ? object.id : null;
      return {
        id: event.id,
        type: event.type,
        created: new Date(event.created * 1000),
        paymentIntentId: object.object === 'payment_intent' ? objectId : idOf(object.payment_intent),
        objectId,
      } satisfies ProviderEvent;
    },
  };
}

/** The payment provider the settings choose: real Stripe with STRIPE_SECRET_KEY, else the local server. */
export function paymentProviderFrom(settings: PaymentSettings, options: { timeoutMs?: number; maxNetworkRetries?: number } = {}): PaymentProvider {
  const connection = stripeConnection(settings);
  return stripeProvider({
    secretKey: connection.secretKey,
    webhookSecret: connection.webhookSecret,
    apiBase: connection.apiBase ?? undefined,
    ...options,
  });
}
