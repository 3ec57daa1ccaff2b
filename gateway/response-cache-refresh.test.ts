// The response cache's background refreshes, driven through its plugin hooks with a clock of the
// test's own: answers that go stale together are refreshed at most `refreshesAtOnce` at a time,
// each once, and every one of them in turn without another request asking.
import { HeaderMap, type GraphQLRequest } from '@apollo/server';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../lib/logger.js';
import { sharedResponseCache } from './response-cache.js';

type Ctx = { viewer: null };

function harness(refreshesAtOnce: number) {
  let clock = 1_000_000;
  const registry = new Registry();
  const cache = sharedResponseCache<Ctx>({ shared: () => true, staleSeconds: 60, maxBytes: 1 << 20, refreshesAtOnce, registry, log: createLogger('silent', 'test'), now: () => clock });
  const plugin = cache.plugin;
  /** One request for `slug` through the plugin's hooks; answers what a cached answer was served, or null for a miss (stored as `data`). */
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
  return { cache, registry, ask, advance: (ms: number) => void (clock += ms) };
}

describe('refreshing stale answers', () => {
  it('refreshes answers that went stale together a few at a time, each once, all of them', async () => {
    const { cache, registry, ask, advance } = harness(2);
    const slugs = Array.from({ length: 7 }, (_, i) => `p-${i}`);
    for (const slug of slugs) expect(await ask(slug)).toBeNull(); // stored
    let running = 0;
    let most = 0;
    const refreshed: string[] = [];
    const finish: (() => void)[] = [];
    cache.refreshWith(async (request: GraphQLRequest) => {
      running++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => finish.push(resolve));
      refreshed.push((request.variables as { slug: string }).slug);
      running--;
    });
    advance(11_000); // past max-age (10 s), within the stale window
    for (const slug of [...slugs, ...slugs]) expect(await ask(slug)).not.toBeNull(); // each asked twice, served stale

    const gauge = async () => (await registry.getSingleMetricAsString('gateway_response_cache_refreshes')).split('\n').filter((l) => !l.startsWith('#'));
    expect(await gauge()).toEqual(['gateway_response_cache_refreshes{state="running"} 2', 'gateway_response_cache_refreshes{state="waiting"} 5']);
    while (refreshed.length < slugs.length) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      finish.shift()?.();
    }
    expect(most).toBe(2);
    expect(refreshed.sort()).toEqual(slugs); // each once, none waiting for another request to ask
    expect(await gauge()).toEqual(['gateway_response_cache_refreshes{state="running"} 0', 'gateway_response_cache_refreshes{state="waiting"} 0']);
  });
});
