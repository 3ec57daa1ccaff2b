// Calling another subgraph's operations directly (its service-only ones among them), with a
// service token: one POST per call. Any GraphQL error, a non-2xx answer or a timeout is an
// outage of that subgraph, thrown as an error the caller does not turn into a userError:
// business refusals come back as data (payload userErrors).
import { GraphQLError } from 'graphql';

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

export function subgraphCall(options: SubgraphCallOptions): SubgraphCall {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(options.url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await options.token()}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
    } catch (err) {
      throw new SubgraphUnavailable(options.name, `did not answer: ${(err as Error).message}`);
    }
    const body = (await res.json().catch(() => ({}))) as { data?: T | null; errors?: { message: string }[] };
    if (!res.ok || !body.data || body.errors?.length) {
      throw new SubgraphUnavailable(options.name, `answered ${res.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
    }
    return body.data;
  };
}
