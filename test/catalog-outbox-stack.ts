// The catalog alone, without the gateway, and a catalog client of the file's own: the outbox's
// tests use the catalog's outbox as any context's. Started before a file's tests, closed after.
import { afterAll, beforeAll } from 'vitest';
import { createCatalogServices } from '../subgraphs/catalog/server.js';
import { startTestStack, type TestStack, type TestStackOptions } from './harness.js';

export interface CatalogOutboxStack {
  readonly stack: TestStack;
  readonly db: ReturnType<typeof createCatalogServices>['db'];
}

/** Registers the file's beforeAll and afterAll; `options` add to the stack's (subgraphs: the catalog's first). */
export function catalogOutboxStack(options: TestStackOptions = {}): CatalogOutboxStack {
  const started: { stack?: TestStack; db?: CatalogOutboxStack['db'] } = {};
  beforeAll(async () => {
    started.stack = await startTestStack({ gateway: false, ...options, subgraphs: ['catalog', ...(options.subgraphs ?? []).filter((s) => s !== 'catalog')] });
    started.db = createCatalogServices(started.stack.runtime).db;
  });
  afterAll(async () => {
    await started.db?.$disconnect();
    await started.stack?.close();
  });
  return {
    get stack() {
      return started.stack!;
    },
    get db() {
      return started.db!;
    },
  };
}
