// The catalog's own settings (README "Configuration" in this folder).
import { z } from 'zod';
import { setting } from '../../lib/config.js';

export const catalogSettings = z.object({
  /** Seconds shoppers' catalog reads may be served from the gateway's response cache; 0 turns it off. */
  CATALOG_CACHE_MAX_AGE: setting.int(0, 3600).default(10),
  /** How long stock stays held for an unpaid order. */
  RESERVATION_TTL_SECONDS: setting.int(30, 7 * 24 * 3600).default(900),
  RESERVATION_SWEEP_MS: setting.int(100, 3_600_000).default(15_000),
  /** The largest import file (by URL or as text), in bytes. */
  CATALOG_IMPORT_MAX_BYTES: setting.int(1024, 1024 * 1024 * 1024).default(64 * 1024 * 1024),
  /** How long fetching an import file by URL may take in all. */
  CATALOG_IMPORT_FETCH_TIMEOUT_MS: setting.int(1000, 600_000).default(60_000),
  /** How long a process searches with the synonym rules it read before reading them again (another process's change shows within it). */
  CATALOG_SYNONYM_CACHE_MS: setting.int(0, 600_000).default(5_000),
});

export type CatalogSettings = z.infer<typeof catalogSettings>;
