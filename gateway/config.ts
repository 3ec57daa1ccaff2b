// The gateway's own settings (README "Configuration" in this folder).
import { z } from 'zod';
import { trustProxySetting } from '../lib/client-address.js';
import { setting } from '../lib/config.js';
import { queryLimitSettings } from '../lib/query-limits.js';

export const gatewaySettings = queryLimitSettings.extend({
  /** Subscriptions one WebSocket connection may hold at once. */
  WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: setting.int(1, 1000).default(20),
  /** WebSocket connections one person may hold at once, over every gateway instance. */
  WS_MAX_CONNECTIONS_PER_PERSON: setting.int(1, 10_000).default(10),
  /** Which proxies in front of the gateway may tell the client's address in x-forwarded-for (lib/client-address.ts). */
  TRUST_PROXY: trustProxySetting,
  /** How long past its max-age a cached public answer is still served while one request refreshes it (0: never). */
  RESPONSE_CACHE_STALE_SECONDS: setting.int(0, 3600).default(10),
  /** Memory for the gateway's cached answers, in MiB (their JSON size). */
  RESPONSE_CACHE_MAX_MB: setting.int(1, 4096).default(64),
  /** Comma-separated browser origins allowed to call the API, or * for any. */
  CORS_ORIGINS: z.string().default('*'),
});

export type GatewaySettings = z.infer<typeof gatewaySettings>;
