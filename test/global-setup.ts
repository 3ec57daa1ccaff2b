// Before any test file: PostgreSQL and Redis as configured (TEST_DATABASE_ADMIN_URL, REDIS_URL),
// found on their default addresses, or started as npm start would (scripts/local-services.ts),
// then the template database test files clone. A missing server is one clear paragraph.
import { MissingService, localServices } from '../scripts/local-services.js';

export default async function setup(): Promise<() => Promise<void>> {
  let servers: Awaited<ReturnType<typeof localServices>>;
  try {
    servers = await localServices({
      postgres: { env: { DATABASE_URL: process.env.TEST_DATABASE_ADMIN_URL }, database: 'postgres' },
      redis: { env: { REDIS_URL: process.env.REDIS_URL, PATH: process.env.PATH } },
    });
  } catch (err) {
    if (!(err instanceof MissingService)) throw err;
    // The message is for a person: no stack under it.
    const error = new Error(err.message);
    error.stack = err.message;
    throw error;
  }
  process.env.TEST_DATABASE_ADMIN_URL = servers.databaseUrl;
  process.env.REDIS_URL = servers.redisUrl;
  // Imported once the address is known: it reads TEST_DATABASE_ADMIN_URL when loaded.
  const { ensureTemplate } = await import('./db-template.js');
  process.env.TEST_TEMPLATE_DB = await ensureTemplate();
  return servers.stop;
}
