// The gateway's own settings (README "Configuration" in this folder).
import { z } from 'zod';
import { setting } from '../lib/config.js';

export const gatewaySettings = z.object({
  QUERY_MAX_DEPTH: setting.int(2, 100).default(12),
  /** The most an operation may cost (gateway/query-cost.ts): objects asked for, lists multiplied by their size. */
  QUERY_MAX_COST: setting.int(10, 10_000_000).default(50_000),
  QUERY_MAX_ALIASES: setting.int(1, 1000).default(20),
  QUERY_MAX_TOKENS: setting.int(50, 100_000).default(3000),
  QUERY_MAX_DIRECTIVES: setting.int(1, 1000).default(50),
  /** Subscriptions one WebSocket connection may hold at once. */
  WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: setting.int(1, 1000).default(20),
  /** WebSocket connections one person may hold at once, over every gateway instance. */
  WS_MAX_CONNECTIONS_PER_PERSON: setting.int(1, 10_000).default(10),
  /** Comma-separated browser origins allowed to call the API, or * for any. */
  CORS_ORIGINS: z.string().default('*'),
});

export type GatewaySettings = z.infer<typeof gatewaySettings>;
