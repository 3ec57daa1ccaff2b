// Calling another subgraph's operations directly (its service-only ones among them), with a
// service token: one POST per call. Any GraphQL error, a non-2xx answer or a timeout is an
// outage of that subgraph, thrown as an error the caller does not turn into a userError:
// business refusals come back as data (payload userErrors).
import { SpanKind } from '@opentelemetry/api';
import { GraphQLError } from 'graphql';
import { ATTR_HTTP_RESPONSE_STATUS_CODE } from '@opentelemetry/semantic-conventions';
import { request } from 'undici';
import { ATTR, inSpan, traceHeaders } from './tracing.js';

export type SubgraphCall = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export interface SubgraphCallOptions {
  /** The subgraph's name, for messages. */
  name: string;
  /** Read on every call: the subgraph may move (tests start it on a free port after its callers). */
  url: () => string;
  /** A bearer token for each call (a short-lived service token). */
  token: () => Promise<string>;
  timeoutMs?: number;
}

/** Thrown when another subgraph does not answer, or answers with errors instead of data. */
export class SubgraphUnavailable extends GraphQLError {
  constructor(readonly subgraph: string, detail: string) {
    super(`the ${subgraph} subgraph ${detail}`);
  }
}

/**
 * Each call carries the caller's trace (W3C traceparent): while tracing is on, in a CLIENT span
 * named after the operation (`mutation ReserveInventory`); otherwise the request's trace id, so the
 * callee's logs carry it too.
 */
export function subgraphCall(options: SubgraphCallOptions): SubgraphCall {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const [, type = 'query', operation] = /^\s*(query|mutation)\b\s*(\w+)?/.exec(query) ?? [];
    const attributes = { [ATTR.peerService]: options.name, [ATTR.graphqlOperationType]: type, ...(operation ? { [ATTR.graphqlOperationName]: operation } : {}) };
    return inSpan(operation ? `${type} ${operation}` : type, { kind: SpanKind.CLIENT, attributes }, async (span) => {
      let status: number;
      let text: string;
      try {
        // undici's request() rather than fetch(): the same connections kept alive, without a
        // WHATWG Request, Response and web stream per call.
        const res = await request(options.url(), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await options.token()}`, ...traceHeaders() },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
        });
        status = res.statusCode;
        text = await res.body.text();
      } catch (err) {
        throw new SubgraphUnavailable(options.name, `did not answer: ${(err as Error).message}`);
      }
      span?.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      const body = parsedOrEmpty<{ data?: T | null; errors?: { message: string }[] }>(text);
      if (status < 200 || status >= 300 || !body.data || body.errors?.length) {
        throw new SubgraphUnavailable(options.name, `answered ${status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
      }
      return body.data;
    });
  };
}

/** A body as JSON, or nothing when it is not JSON (a proxy's error page). */
function parsedOrEmpty<T extends object>(text: string): Partial<T> {
  try {
    return JSON.parse(text) as Partial<T>;
  } catch {
    return {};
  }
}
