// npm start: from a fresh clone to a running stack. Installs what is missing, creates and
// migrates the database, seeds the demo catalog, then runs every service in this terminal.
// Plain Node so that it runs before any dependency is installed.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function step(args) {
  const result = spawnSync(args[0], args.slice(1), { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step([process.execPath, path.join(root, 'scripts', 'ensure-deps.mjs')]);
step([tsx, path.join(root, 'scripts', 'db.ts')]);
step([tsx, path.join(root, 'scripts', 'seed.ts')]);

// Node with the tsx loader rather than the tsx wrapper process, so that signals reach the
// services directly (the wrapper relays them with a short deadline and kills a busy child).
const services = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bin', 'serve.ts')], { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the whole process group; SIGTERM sent to this process alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => services.kill(signal));
services.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
