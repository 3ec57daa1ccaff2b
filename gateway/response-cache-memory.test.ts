// What the response cache holds: each answer counted as its JSON and its data's objects, and
// answers past their stale window dropped by the periodic purge, not kept until pushed out.
import { describe, expect, it } from 'vitest';
import { cacheHarness } from './response-cache-fixtures.js';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('response cache memory', () => {
  it('counts an answer as its JSON and its objects, and gives expired answers back by itself', async () => {
    const { cache, ask, metric, advance } = cacheHarness({ staleSeconds: 5, purgeEveryMs: 5 });
    const hooks = await cache.plugin.serverWillStart!({} as never);
    try {
      const data = (slug: string) => ({ product: { slug, name: 'A shirt with a long enough name' } });
      for (const slug of ['a', 'b', 'c']) expect(await ask(slug, data(slug))).toBeNull();
      const held = ['a', 'b', 'c'].reduce((sum, slug) => sum + Math.ceil(JSON.stringify(data(slug)).length * 2.3), 0);
      expect(await metric('gateway_response_cache_entries')).toEqual(['gateway_response_cache_entries 3']);
      expect(await metric('gateway_response_cache_bytes')).toEqual([`gateway_response_cache_bytes ${held}`]);

      advance(14_000); // past max-age (10 s), within the stale window (5 s): still held and served
      await settle(30);
      expect(await metric('gateway_response_cache_entries')).toEqual(['gateway_response_cache_entries 3']);
      expect(await ask('a')).not.toBeNull();

      advance(2_000); // past the stale window: nobody asks again, and the purge drops them
      await settle(30);
      expect(await metric('gateway_response_cache_entries')).toEqual(['gateway_response_cache_entries 0']);
      expect(await metric('gateway_response_cache_bytes')).toEqual(['gateway_response_cache_bytes 0']);
    } finally {
      await hooks?.serverWillStop?.();
    }
  });
});
