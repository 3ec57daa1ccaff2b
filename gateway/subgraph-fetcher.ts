// How the gateway sends its subgraph requests: undici's request() on its global dispatcher
// (connections kept alive), as peers' calls do (lib/subgraph-client.ts), not fetch(). fetch builds
// a WHATWG Request, Headers, Response and a web stream for every call, which cost the gateway about
// half its CPU on a catalog page's large answers and a sixth on a product page; Apollo's
// RemoteGraphQLDataSource reads only a response's status, headers and body.
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { STATUS_CODES } from 'node:http';
import { request } from 'undici';

/** What RemoteGraphQLDataSource takes as its fetcher, and what that answers. */
export type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/** One header's value as fetch's Headers.get gives it: repeated values joined with ", ". */
const headerValue = (value: string | string[] | undefined): string | null => (value === undefined ? null : Array.isArray(value) ? value.join(', ') : value);

export const subgraphFetcher = (async (url: string, init?: { method?: string; headers?: Record<string, string>; body?: string }) => {
  const res = await request(url, { method: (init?.method ?? 'GET') as 'POST', headers: init?.headers, body: init?.body });
  const text = await res.body.text();
  const response = {
    url,
    ok: res.statusCode >= 200 && res.statusCode < 300,
    status: res.statusCode,
    statusText: STATUS_CODES[res.statusCode] ?? '',
    redirected: false,
    bodyUsed: true,
    headers: {
      get: (name: string) => headerValue(res.headers[name.toLowerCase()]),
      has: (name: string) => res.headers[name.toLowerCase()] !== undefined,
    },
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
    arrayBuffer: async () => new TextEncoder().encode(text).buffer,
    clone: () => response,
  };
  return response as unknown as FetcherResponse;
}) as Fetcher;
