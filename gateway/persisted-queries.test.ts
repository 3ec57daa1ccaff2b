// Automatic persisted queries as Apollo Client sends them (its persisted-query link, hashed
// queries over GET): the first request of a hash registers the document, and every gateway
// instance then answers the hash alone, because the documents live in Redis.
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../lib/runtime.js';
import { startTestStack, type TestStack } from '../test/harness.js';
import { startGateway } from './server.js';

let stack: TestStack;
let second: RunningService;
beforeAll(async () => {
  stack = await startTestStack({ subgraphs: ['catalog'] });
  second = await startGateway(stack.runtime, { port: 0 });
});
afterAll(async () => {
  await second?.close();
  await stack?.close();
});

const QUERY = gql`
  query Categories {
    categories {
      id
      name
    }
  }
`;

/** An Apollo Client on one gateway, recording what it sent. */
function client(uri: string) {
  const sent: { method: string; hasQuery: boolean }[] = [];
  const record: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { query?: string }) : {};
    sent.push({ method: init?.method ?? 'GET', hasQuery: url.searchParams.has('query') || Boolean(body.query) });
    return fetch(input, init);
  };
  const link = new PersistedQueryLink({ sha256: (query) => createHash('sha256').update(query).digest('hex'), useGETForHashedQueries: true }).concat(
    // CSRF prevention lets a GET through only with a header a browser cannot send cross-site unasked.
    new HttpLink({ uri, fetch: record, headers: { 'apollo-require-preflight': 'true' } }),
  );
  return { sent, apollo: new ApolloClient({ link, cache: new InMemoryCache() }) };
}

describe('automatic persisted queries', () => {
  it('registers a document on the first request of its hash, then answers the hash alone on any gateway', async () => {
    const first = client(stack.gatewayUrl);
    const answer = await first.apollo.query({ query: QUERY, fetchPolicy: 'network-only' });
    expect(answer.data).toEqual({ categories: [] });
    // A GET with the hash alone, answered PersistedQueryNotFound, then the document.
    expect(first.sent).toEqual([
      { method: 'GET', hasQuery: false },
      { method: expect.any(String), hasQuery: true },
    ]);
    expect(await stack.runtime.redis.keys(`${stack.config.REDIS_PREFIX}:apq:*`)).toHaveLength(1);

    const elsewhere = client(`http://127.0.0.1:${second.port}/graphql`);
    expect((await elsewhere.apollo.query({ query: QUERY, fetchPolicy: 'network-only' })).data).toEqual({ categories: [] });
    expect(elsewhere.sent).toEqual([{ method: 'GET', hasQuery: false }]);
  });

  it('refuses a GET without a preflight header, as CSRF prevention should', async () => {
    const url = new URL(stack.gatewayUrl);
    url.searchParams.set('query', '{ categories { id } }');
    const res = await fetch(url);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/i);
  });
});
