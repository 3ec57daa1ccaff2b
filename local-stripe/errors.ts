// Stripe's error responses: `{ error: { type, code?, decline_code?, message, param?, doc_url? … } }`
// with the HTTP status Stripe uses for each (the SDK picks its error class from the status: 400
// and 404 → StripeInvalidRequestError, or StripeIdempotencyError for type idempotency_error; 401 →
// StripeAuthenticationError; 402 → StripeCardError). Messages are Stripe's own wording where we
// know it, so that code matching on them behaves the same against both.

export type ErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

export interface StripeErrorBody {
  type: ErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: object;
  payment_method?: object;
}

export class ApiError extends Error {
  /**
   * Whether an idempotency key keeps this answer. Stripe keeps the result of every request that
   * began to execute (a decline, a refused state change) but not one refused while its parameters
   * were being checked: that request may be sent again, corrected, with the same key.
   */
  readonly saved: boolean;

  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    options: { saved?: boolean } = {},
  ) {
    super(body.message);
    this.saved = options.saved ?? false;
  }
}

export const docUrl = (code: string): string => `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`;

function invalidRequest(status: number, message: string, extra: { code?: string; param?: string; saved?: boolean } = {}): ApiError {
  const body: StripeErrorBody = { type: 'invalid_request_error', message };
  if (extra.code) {
    body.code = extra.code;
    body.doc_url = docUrl(extra.code);
  }
  if (extra.param) body.param = extra.param;
  return new ApiError(status, body, { saved: extra.saved });
}

/** The errors the endpoints answer with; each says when Stripe answers it. */
export const fail = {
  missingParam: (param: string) => invalidRequest(400, `Missing required param: ${param}.`, { code: 'parameter_missing', param }),

  unknownParam: (param: string) =>
    invalidRequest(400, `Received unknown parameter: ${param}`, { code: 'parameter_unknown', param }),

  invalidInteger: (param: string, value: string) =>
    invalidRequest(400, `Invalid integer: ${value}`, { code: 'parameter_invalid_integer', param }),

  invalidParam: (param: string, message: string, code?: string) => invalidRequest(400, message, { code, param }),

  /** A path id that names nothing: 404 with param `id`. */
  noSuchObject: (kind: string, id: string) => invalidRequest(404, `No such ${kind}: '${id}'`, { code: 'resource_missing', param: 'id' }),

  /** A parameter that names nothing (`customer=cus_x`): 400 with that param. */
  noSuchParamObject: (kind: string, id: string, param: string) =>
    invalidRequest(400, `No such ${kind}: '${id}'`, { code: 'resource_missing', param }),

  unexpectedState: (message: string, paymentIntent: object) => {
    const error = invalidRequest(400, message, { code: 'payment_intent_unexpected_state', saved: true });
    error.body.payment_intent = paymentIntent;
    return error;
  },

  stateRefused: (message: string, code?: string, param?: string) => invalidRequest(400, message, { code, param, saved: true }),

  unrecognizedUrl: (method: string, path: string) =>
    invalidRequest(
      404,
      `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    ),

  /** Stripe answers 401 with type invalid_request_error (its error types have no authentication_error). */
  unauthenticated: (message: string, code?: string) => invalidRequest(401, message, { code }),

  idempotency: (message: string) => new ApiError(400, { type: 'idempotency_error', message }),
};
