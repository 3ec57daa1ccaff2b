// npm start after the dependencies are in (scripts/start.mjs): PostgreSQL and Redis as
// configured, found or started (scripts/local-services.ts), the database created and migrated,
// the demo catalog seeded, then every service in this terminal. Ctrl-C stops the services, then
// whatever servers this started; their data stays for the next run.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { MissingService, ROOT, localServices } from './local-services.js';

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
  const servers = await localServices();
  stopServers = servers.stop;
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
  if (err instanceof MissingService) console.error(`\n${err.message}\n`);
  else if (!(err instanceof StepFailed)) console.error(err);
  process.exit(err instanceof StepFailed ? err.code : 1);
});
