// The stack under test: the one already answering on PORT when there is one, otherwise every
// service started in this process on a catalog seeded to a size worth measuring.
import { startServices } from '../bin/serve.js';
import type { Config } from '../lib/config.js';
import type { Runtime } from '../lib/runtime.js';
import { assertCatalogReady, seedCatalog } from '../scripts/seed.js';
import { createCatalogServices } from '../subgraphs/catalog/server.js';

/** Below this the catalog is too small for listing, search and facets to cost what they will. */
export const MIN_PRODUCTS = 200;

export async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

export async function seedIfSmall(config: Config): Promise<void> {
  await assertCatalogReady(config);
  const services = createCatalogServices({ config });
  try {
    const products = await services.db.product.count({ where: { deletedAt: null } });
    if (products >= MIN_PRODUCTS) return;
    console.log(`The catalog has ${products} products; seeding the demo catalog first.`);
    const summary = await seedCatalog(services);
    console.log(`Seeded ${summary.products.created} products in ${(summary.durationMs / 1000).toFixed(1)} s.`);
  } finally {
    await services.db.$disconnect();
  }
}

export interface Stack {
  mode: 'external' | 'in-process';
  /** What the services started here share (in-process only): another gateway can start on it. */
  runtime?: Runtime;
  close(): Promise<void>;
}

export async function ensureStack(config: Config, gatewayBase: string): Promise<Stack> {
  if (await answers(`${gatewayBase}/healthz`)) {
    console.log(`Using the stack already answering on ${gatewayBase}.`);
    return { mode: 'external', close: async () => {} };
  }
  console.log(`Nothing answers on ${gatewayBase}; starting the stack in this process.`);
  await seedIfSmall(config);
  const started = await startServices(config);
  return { mode: 'in-process', runtime: started.runtime, close: started.close };
}
