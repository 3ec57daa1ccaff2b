import type { Logger } from './logger.js';
import type { Viewer } from './auth.js';

/** What every subgraph resolver receives; a context adds its own data access on top. */
export interface RequestContext {
  viewer: Viewer | null;
  requestId: string;
  log: Logger;
}
