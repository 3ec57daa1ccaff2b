import type { JobSpec } from '../../../../lib/runtime.js';
import type { AffiliateClickService } from '../click.service.js';

const DAY_MS = 24 * 3600 * 1000;

/** Deletes affiliate clicks past the two-year retention, daily. */
export function affiliateClickPurgeJob(clicks: AffiliateClickService, everyMs = DAY_MS): JobSpec {
  return {
    queueName: 'promotion-affiliate-click-purge',
    everyMs,
    run: () => clicks.purgeExpired(),
  };
}
