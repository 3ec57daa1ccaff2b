// npm start after the dependencies are in (scripts/start.mjs): PostgreSQL and Redis as
// configured, found or started, and Stripe (real with STRIPE_SECRET_KEY, else the local
// Stripe-compatible server in this process) (scripts/local-services.ts), the database created and
// migrated, the demo catalog seeded, then every service in this terminal. Ctrl-C stops the
// services, then whatever servers this started; the databases' data stays for the next run.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig, readSettings } from '../lib/config.js';
import { createLogger } from '../lib/logger.js';
import { paymentSettings } from '../subgraphs/order/payments/config.js';
import { MissingService, ROOT, localServices, localStripe } from './local-services.js';

/** Stops the servers this started; nothing until they are. */
let stopServers = async (): Promise<void> => {};

function step(script: string, env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', script)], { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) throw new StepFailed(result.status ?? 1);
}

class StepFailed extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

async function main(): Promise<void> {
  // The gateway's port and the payment settings, checked before anything starts; the services
  // check every context's settings again when they start (bin/serve.ts).
  const config = loadConfig(process.env, [paymentSettings]);
  const servers = await localServices();
  stopServers = servers.stop;
  const stripe = await localStripe({ settings: readSettings(paymentSettings, config), gatewayPort: config.PORT, log: createLogger(config.LOG_LEVEL, 'local-stripe') });
  stopServers = async () => {
    await stripe.stop();
    await servers.stop();
  };
  const env = { ...process.env, DATABASE_URL: servers.databaseUrl, REDIS_URL: servers.redisUrl };
  step('db.ts', env);
  step('seed.ts', env);

  // Node with the tsx loader rather than the tsx wrapper process, so that signals reach the
  // services directly (the wrapper relays them with a short deadline and kills a busy child).
  const services = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bin', 'serve.ts')], { cwd: ROOT, stdio: 'inherit', env });
  // Ctrl-C reaches the whole process group; SIGTERM sent to this process alone is passed on.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => services.kill(signal));
  services.on('exit', (code, signal) => {
    void stopServers().then(() => process.exit(code ?? (signal ? 1 : 0)));
  });
}

main().catch(async (err) => {
  await stopServers();
  if (err instanceof MissingService || err instanceof ConfigError) console.error(`\n${err.message}\n`);
  else if (!(err instanceof StepFailed)) console.error(err);
  process.exit(err instanceof StepFailed ? err.code : err instanceof ConfigError ? 2 : 1);
});
