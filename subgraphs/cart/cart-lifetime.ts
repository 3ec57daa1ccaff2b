// When a cart expires: CART_TTL_DAYS after its last activity (SPEC §3). The one rule for it, on
// one clock: the service's (UTC), which also stamps last_activity_at; `now` is passed in.
import { DAY_MS } from '../../lib/time.js';

export interface CartLifetime {
  /** When a cart last active at `lastActivityAt` expires. */
  expiresAt(lastActivityAt: Date): Date;
  /** Carts last active at or before this instant have expired at `now`: the bound the sweep and the queries use. */
  idleCutoff(now: Date): Date;
  hasExpired(lastActivityAt: Date, now: Date): boolean;
}

export function cartLifetime(ttlDays: number): CartLifetime {
  const ttl = ttlDays * DAY_MS;
  const idleCutoff = (now: Date) => new Date(now.getTime() - ttl);
  return {
    expiresAt: (lastActivityAt) => new Date(lastActivityAt.getTime() + ttl),
    idleCutoff,
    hasExpired: (lastActivityAt, now) => lastActivityAt <= idleCutoff(now),
  };
}
