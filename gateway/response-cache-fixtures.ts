// The response cache driven through its plugin hooks with a clock of the test's own, as Apollo
// Server drives it: one request at a time, answered from the cache or stored as a miss.
import { HeaderMap } from '@apollo/server';
import { Registry } from 'prom-client';
import { createLogger } from '../lib/logger.js';
import { sharedResponseCache, type ResponseCacheOptions } from './response-cache.js';

type Ctx = { viewer: null };

export function cacheHarness(options: Partial<ResponseCacheOptions<Ctx>> = {}) {
  let clock = 1_000_000;
  const registry = new Registry();
  const cache = sharedResponseCache<Ctx>({ shared: () => true, staleSeconds: 60, maxBytes: 1 << 20, registry, log: createLogger('silent', 'test'), now: () => clock, ...options });
  const plugin = cache.plugin;
  /** One request for `slug` (a max-age of 10 s); answers what a cached answer was served, or null for a miss (stored as `data`). */
  const ask = async (slug: string, data: Record<string, unknown> = { product: { slug } }) => {
    const listener = (await plugin.requestDidStart!({} as never))!;
    const rc = {
      source: 'query Page($slug: String!) { product(slug: $slug) { slug } }',
      request: { operationName: 'Page', variables: { slug } },
      operation: { operation: 'query' },
      contextValue: { viewer: null },
      overallCachePolicy: { replace() {}, policyIfCacheable: () => ({ maxAge: 10, scope: 'PUBLIC' }) },
      response: { body: { kind: 'single', singleResult: { data } }, http: { headers: new HeaderMap() } },
    };
    const served = await listener.responseForOperation!(rc as never);
    await listener.willSendResponse!(rc as never);
    return served;
  };
  /** A metric's samples as /metrics prints them, without its help and type lines. */
  const metric = async (name: string) => (await registry.getSingleMetricAsString(name)).split('\n').filter((l) => !l.startsWith('#'));
  return { cache, registry, ask, metric, advance: (ms: number) => void (clock += ms) };
}
