// What the order context needs from a payment provider, in its own words: amounts in minor
// units, currencies upper-case (ISO 4217), an idempotency key on every write. stripe-provider.ts
// implements it with the official Stripe SDK, against real Stripe or the local server
// (local-stripe/), chosen by config.ts.

/**
 * The provider's events that can change an order (SPEC §5, consumed): what the webhook endpoint
 * subscribes to (Stripe's `enabled_events`; the local server sends only these, as npm start runs
 * it). Any other event that arrives is answered 2xx and ignored.
 */
export const PAYMENT_WEBHOOK_EVENTS = ['payment_intent.succeeded', 'payment_intent.payment_failed', 'payment_intent.canceled', 'charge.refunded'] as const;

export type PaymentIntentStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'requires_capture'
  | 'canceled'
  | 'succeeded';

export interface PaymentIntentView {
  id: string;
  status: PaymentIntentStatus;
  amount: number;
  amountReceived: number;
  /** Upper-case ISO 4217. */
  currency: string;
  clientSecret: string | null;
  /** metadata.order_id */
  orderId: string | null;
  customerId: string | null;
  paymentMethodId: string | null;
  latestChargeId: string | null;
  amountRefunded: number;
  lastError: { code: string | null; declineCode: string | null; message: string } | null;
}

export interface RefundView {
  id: string;
  paymentIntentId: string;
  amount: number;
  status: 'pending' | 'succeeded' | 'failed' | 'canceled' | 'requires_action';
  currency: string;
}

export interface ProviderEvent {
  id: string;
  type: string;
  created: Date;
  /** The payment intent the event is about (for charge.* events, the charge's payment_intent). */
  paymentIntentId: string | null;
  /** The id of the object the event carries (a payment intent, charge, refund, customer …). */
  objectId: string | null;
}

export type PaymentProviderErrorKind = 'card_declined' | 'invalid_request' | 'idempotency' | 'unavailable' | 'unexpected_state' | 'other';

/** A refusal or failure of the provider, in the order context's terms. */
export class PaymentProviderError extends Error {
  readonly kind: PaymentProviderErrorKind;
  /** The provider's code (`card_declined`, `resource_missing`, `amount_too_large` …). */
  readonly code: string | null;
  readonly declineCode: string | null;
  readonly statusCode: number | null;

  constructor(
    kind: PaymentProviderErrorKind,
    message: string,
    details: { code?: string | null; declineCode?: string | null; statusCode?: number | null; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'PaymentProviderError';
    this.kind = kind;
    this.code = details.code ?? null;
    this.declineCode = details.declineCode ?? null;
    this.statusCode = details.statusCode ?? null;
  }
}

/** A webhook whose signature does not verify (or is too old, or is not an event at all): answer 400. */
export class WebhookSignatureError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WebhookSignatureError';
  }
}

export interface PaymentProvider {
  createPaymentIntent(input: {
    orderId: string;
    amount: number;
    currency: string;
    customerId?: string | null;
    setupFutureUsage?: boolean;
    description?: string;
    idempotencyKey: string;
  }): Promise<PaymentIntentView>;
  retrievePaymentIntent(id: string): Promise<PaymentIntentView>;
  /** A decline resolves (status requires_payment_method, with lastError); it does not throw. */
  confirmPaymentIntent(id: string, input: { paymentMethodId: string; idempotencyKey: string }): Promise<PaymentIntentView>;
  /** Already canceled: answers it; succeeded: throws unexpected_state. */
  cancelPaymentIntent(id: string, idempotencyKey: string): Promise<PaymentIntentView>;
  createCustomer(input: { personId: string; email?: string | null; idempotencyKey: string }): Promise<{ id: string }>;
  /** A decline resolves with lastError. */
  chargeOffSession(input: {
    customerId: string;
    paymentMethodId: string;
    orderId: string;
    amount: number;
    currency: string;
    idempotencyKey: string;
  }): Promise<PaymentIntentView>;
  savedPaymentMethods(customerId: string): Promise<{ id: string; brand: string | null; last4: string | null }[]>;
  /** `reason`: Stripe's own reasons pass as such; any other text goes with the refund as metadata.reason. */
  refund(input: { paymentIntentId: string; amount: number; reason?: string | null; idempotencyKey: string }): Promise<RefundView>;
  /** Verifies the signature on the raw body (tolerance 300 s) before parsing; throws WebhookSignatureError. */
  parseWebhook(rawBody: Buffer | string, signatureHeader: string | undefined): ProviderEvent;
}
