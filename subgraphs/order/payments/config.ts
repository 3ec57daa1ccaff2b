// The payment settings of the order context (README "Configuration"). With STRIPE_SECRET_KEY set,
// payments go to real Stripe and nothing else changes; without it, to the local Stripe-compatible
// server (local-stripe/) at STRIPE_API_BASE with its development keys, through the same SDK calls
// (stripe-provider.ts paymentProviderFrom). The SDK is not imported here: every process checks these
// settings and reads the keys, and only the order context's needs the SDK.
import { z } from 'zod';
import { LOCAL_STRIPE_PUBLISHABLE_KEY, LOCAL_STRIPE_SECRET_KEY, LOCAL_STRIPE_WEBHOOK_SECRET } from '../../../local-stripe/keys.js';
import { setting } from '../../../lib/config.js';

export const paymentSettings = z
  .object({
    /** Real Stripe's secret key (sk_live_… or sk_test_…, or a restricted rk_…); unset: the local server. */
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_test_…, sk_live_… or rk_…)')
      .optional(),
    /** The signing secret of our webhook endpoint; required with STRIPE_SECRET_KEY. */
    STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, 'must be a webhook signing secret (whsec_…)').optional(),
    /** The publishable key the storefront pays with. */
    STRIPE_PUBLISHABLE_KEY: z.string().regex(/^pk_(test|live)_\w+$/, 'must be a publishable key (pk_test_… or pk_live_…)').optional(),
    /** Where the local Stripe-compatible server answers; not used with STRIPE_SECRET_KEY. */
    STRIPE_API_BASE: setting.url().default('http://127.0.0.1:12111'),
  })
  .superRefine((env, ctx) => {
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['STRIPE_WEBHOOK_SECRET'], message: 'is required with STRIPE_SECRET_KEY (the endpoint\'s signing secret, whsec_…)' });
    }
  });

export type PaymentSettings = z.infer<typeof paymentSettings>;

/** Which Stripe the settings name and with which keys; `apiBase` is null for real Stripe. */
export function stripeConnection(settings: PaymentSettings): {
  secretKey: string;
  webhookSecret: string;
  publishableKey: string | null;
  apiBase: string | null;
} {
  if (settings.STRIPE_SECRET_KEY) {
    return {
      secretKey: settings.STRIPE_SECRET_KEY,
      webhookSecret: settings.STRIPE_WEBHOOK_SECRET as string,
      publishableKey: settings.STRIPE_PUBLISHABLE_KEY ?? null,
      apiBase: null,
    };
  }
  return {
    secretKey: LOCAL_STRIPE_SECRET_KEY,
    webhookSecret: settings.STRIPE_WEBHOOK_SECRET ?? LOCAL_STRIPE_WEBHOOK_SECRET,
    publishableKey: settings.STRIPE_PUBLISHABLE_KEY ?? LOCAL_STRIPE_PUBLISHABLE_KEY,
    apiBase: settings.STRIPE_API_BASE,
  };
}
