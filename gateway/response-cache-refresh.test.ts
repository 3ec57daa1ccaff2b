// The response cache's background refreshes, driven through its plugin hooks with a clock of the
// test's own: answers that go stale together are refreshed at most `refreshesAtOnce` at a time,
// each once, and every one of them in turn without another request asking.
import type { GraphQLRequest } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { cacheHarness } from './response-cache-fixtures.js';

describe('refreshing stale answers', () => {
  it('refreshes answers that went stale together a few at a time, each once, all of them', async () => {
    const { cache, ask, metric, advance } = cacheHarness({ refreshesAtOnce: 2 });
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

    const gauge = () => metric('gateway_response_cache_refreshes');
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
