// The gateway's shared response cache: public reads (those every subgraph involved answered as
// cacheable, i.e. catalog reads for shoppers) answered from memory for as long as the subgraphs
// allow, without an expiry stampede:
// - a miss that is already being answered waits for that answer instead of asking the subgraphs
//   again (20 shoppers opening the same product at once cost one read);
// - once an answer's max-age has passed it is still served for `staleSeconds`, while one request
//   in the background asks the subgraphs again (stale-while-revalidate), so popular pages never
//   expire into a queue of misses; at most `refreshesAtOnce` refreshes run at a time, the rest
//   wait their turn, so answers stored together (a catalog's pages) that expire together are
//   refreshed a few at a time, not in a burst that queues every request behind it.
// Answers are kept as the objects Apollo Server serializes, with their data's JSON written once
// when stored, in an LRU bounded by what the two hold; a hit is sent with that JSON
// (stringifyResult), its data not serialized again for every request. Answers past their stale
// window are dropped every `purgeEveryMs`, so the memory a busy hour used comes back when it ends.
import {
  HeaderMap,
  type ApolloServerPlugin,
  type BaseContext,
  type GraphQLRequest,
  type GraphQLRequestContext,
  type GraphQLRequestContextWillSendResponse,
  type GraphQLResponse,
} from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { LRUCache } from 'lru-cache';
import pLimit from 'p-limit';
import { Gauge, type Registry } from 'prom-client';
import type { Logger } from '../lib/logger.js';

interface Entry {
  data: Record<string, unknown>;
  /** `data` as JSON. */
  json: string;
  scope: 'PUBLIC' | 'PRIVATE';
  storedAt: number;
  freshUntil: number;
}

export interface ResponseCacheOptions<C> {
  /** Whether this request may be answered from, and feed, the shared cache (staff never are). */
  shared(context: C): boolean;
  /** How long past its max-age an answer is still served while it is being refreshed (0: never). */
  staleSeconds: number;
  /** Memory for cached answers: their JSON and their data (see HELD_PER_JSON_CHAR). */
  maxBytes: number;
  /** How often answers past their stale window are dropped (default PURGE_MS). */
  purgeEveryMs?: number;
  /** Background refreshes running at once; more wait their turn (default REFRESHES_AT_ONCE). */
  refreshesAtOnce?: number;
  /** Where `gateway_response_cache_refreshes` (running and waiting), `…_bytes` and `…_entries` are reported. */
  registry?: Registry;
  log: Logger;
  now?: () => number;
}

export interface SharedResponseCache<C extends BaseContext> {
  plugin: ApolloServerPlugin<C>;
  /** How a stale answer is refreshed: the operation run again through the server, once it exists. */
  refreshWith(run: (request: GraphQLRequest, context: C) => Promise<unknown>): void;
  /** Apollo Server's `stringifyResult`: a cached answer as stored, anything else as Apollo Server writes it. */
  stringifyResult(result: FormattedExecutionResult): string;
}

/** Marks the context of a background refresh: it skips the cache's answer and stores its own. */
const REFRESH = Symbol('response cache refresh');
/** How long a request waits on the same miss being answered before it asks the subgraphs itself. */
const FOLLOW_MS = 10_000;
/** Operations seen to be uncacheable (personal data) are not coalesced: each asks at once. */
const UNCACHEABLE_KEYS = 10_000;
/** Background refreshes at once: enough to keep up with a catalog's pages, few enough not to crowd out requests. */
const REFRESHES_AT_ONCE = 4;
/** Expired answers are dropped this often; until then one is only dropped when asked for or pushed out. */
const PURGE_MS = 30_000;
/**
 * Bytes an answer holds per character of its data's JSON: the JSON (one byte a character for
 * ASCII) and the data's objects (a 61 KB listing page takes 78 KB as objects, measured in Node 20).
 */
const HELD_PER_JSON_CHAR = 2.3;

type Answer = Entry | null;

export function sharedResponseCache<C extends BaseContext>(options: ResponseCacheOptions<C>): SharedResponseCache<C> {
  const now = options.now ?? Date.now;
  const entries = new LRUCache<string, Entry>({
    maxSize: options.maxBytes,
    sizeCalculation: (entry) => Math.ceil(entry.json.length * HELD_PER_JSON_CHAR),
    ttlAutopurge: false,
    // One clock for an answer's freshness and its expiry.
    perf: { now },
  });
  // Each cached answer's data as JSON, by identity: a hit hands Apollo Server that object.
  const written = new WeakMap<object, string>();
  const uncacheable = new LRUCache<string, true>({ max: UNCACHEABLE_KEYS });
  const pending = new Map<string, Promise<Answer>>();
  // Keys being refreshed or waiting for their turn: each is refreshed once, however many find it stale.
  const refreshing = new Set<string>();
  const refreshSlots = pLimit(options.refreshesAtOnce ?? REFRESHES_AT_ONCE);
  if (options.registry) cacheMetrics(options.registry, entries, refreshSlots);
  let run: ((request: GraphQLRequest, context: C) => Promise<unknown>) | null = null;

  const refresh = (key: string, requestContext: GraphQLRequestContext<C>) => {
    const again = run;
    if (!again || refreshing.has(key)) return;
    refreshing.add(key);
    const { operationName, variables } = requestContext.request;
    const request = { query: requestContext.source, operationName, variables };
    const context = { ...requestContext.contextValue, [REFRESH]: true };
    refreshSlots(() => again(request, context))
      .catch((err: unknown) => options.log.warn({ err }, 'refreshing a cached answer failed; the stale one stays until it expires'))
      .finally(() => refreshing.delete(key));
  };

  const store = (key: string, requestContext: GraphQLRequestContextWillSendResponse<C>): Answer => {
    const body = requestContext.response.body;
    if (body.kind !== 'single' || body.singleResult.errors || !body.singleResult.data) return null;
    const policy = requestContext.overallCachePolicy.policyIfCacheable();
    // Nothing is told apart per person here, so only answers the same for everyone are kept.
    if (!policy || policy.scope !== 'PUBLIC') {
      uncacheable.set(key, true);
      return null;
    }
    const storedAt = now();
    const { data } = body.singleResult;
    const entry: Entry = { data, json: JSON.stringify(data), scope: policy.scope, storedAt, freshUntil: storedAt + policy.maxAge * 1000 };
    entries.set(key, entry, { ttl: (policy.maxAge + options.staleSeconds) * 1000 });
    written.set(data, entry.json);
    return entry;
  };

  const plugin: ApolloServerPlugin<C> = {
    async serverWillStart() {
      const purge = setInterval(() => entries.purgeStale(), options.purgeEveryMs ?? PURGE_MS).unref();
      return {
        async serverWillStop() {
          clearInterval(purge);
        },
      };
    },
    async requestDidStart() {
      let key: string | null = null;
      let lead: ((answer: Answer) => void) | null = null;
      let served: Entry | null = null;
      return {
        async responseForOperation(requestContext): Promise<GraphQLResponse | null> {
          if (requestContext.operation?.operation !== 'query' || !options.shared(requestContext.contextValue)) return null;
          key = cacheKey(requestContext);
          if (REFRESH in requestContext.contextValue || uncacheable.has(key)) return null;
          let entry = entries.get(key, { allowStale: false });
          if (!entry) {
            const inFlight = pending.get(key);
            if (!inFlight) {
              pending.set(key, new Promise<Answer>((resolve) => (lead = resolve)));
              return null;
            }
            entry = (await follow(inFlight)) ?? undefined;
            if (!entry) return null;
          }
          const at = now();
          const fresh = entry.freshUntil > at;
          if (!fresh) refresh(key, requestContext);
          served = entry;
          // A stale answer is not to be kept by anyone downstream (no-store); a fresh one for what remains of its max-age.
          requestContext.overallCachePolicy.replace({ maxAge: fresh ? Math.ceil((entry.freshUntil - at) / 1000) : 0, scope: entry.scope });
          return { body: { kind: 'single', singleResult: { data: entry.data } }, http: { status: undefined, headers: new HeaderMap() } };
        },
        async willSendResponse(requestContext) {
          if (served) {
            requestContext.response.http.headers.set('age', String(Math.round((now() - served.storedAt) / 1000)));
            return;
          }
          if (key === null) return;
          let answer: Answer = null;
          try {
            answer = store(key, requestContext);
          } finally {
            if (lead) {
              pending.delete(key);
              lead(answer);
            }
          }
        },
      };
    },
  };
  return {
    plugin,
    refreshWith: (fn) => void (run = fn),
    stringifyResult(result) {
      const json = result.data && !result.errors ? written.get(result.data) : undefined;
      // As Apollo Server writes a result: errors, data, extensions in this order, those set, and a newline.
      if (json === undefined) return `${JSON.stringify(result)}\n`;
      return result.extensions === undefined ? `{"data":${json}}\n` : `{"data":${json},"extensions":${JSON.stringify(result.extensions)}}\n`;
    },
  };
}

function cacheMetrics(registry: Registry, entries: LRUCache<string, Entry>, slots: ReturnType<typeof pLimit>): void {
  new Gauge({
    name: 'gateway_response_cache_bytes',
    help: 'Memory the cached answers hold, as counted against RESPONSE_CACHE_MAX_MB',
    registers: [registry],
    collect() {
      this.set(entries.calculatedSize);
    },
  });
  new Gauge({
    name: 'gateway_response_cache_entries',
    help: 'Cached answers, fresh or stale',
    registers: [registry],
    collect() {
      this.set(entries.size);
    },
  });
  new Gauge({
    name: 'gateway_response_cache_refreshes',
    help: 'Background refreshes of stale cached answers, running and waiting for their turn',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'running' }, slots.activeCount);
      this.set({ state: 'waiting' }, slots.pendingCount);
    },
  });
}

/** The same operation with the same variables (persisted or sent whole) is the same answer. */
function cacheKey<C extends BaseContext>(requestContext: GraphQLRequestContext<C>): string {
  const { operationName, variables } = requestContext.request;
  return JSON.stringify([requestContext.source, operationName ?? null, variables ?? {}]);
}

/** The answer another request is getting for the same miss, or null once FOLLOW_MS have passed. */
async function follow(inFlight: Promise<Answer>): Promise<Answer> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<Answer>((resolve) => (timer = setTimeout(() => resolve(null), FOLLOW_MS).unref()));
  try {
    return await Promise.race([inFlight, gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}
