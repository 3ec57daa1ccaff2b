import type { Logger } from './logger.js';
import type { Viewer } from './auth.js';

/** What every subgraph resolver receives; a context adds its own data access on top. */
export interface RequestContext {
  viewer: Viewer | null;
  requestId: string;
  /** The caller's network address (lib/client-address.ts), for per-client limits. */
  clientAddress: string | null;
  log: Logger;
}
