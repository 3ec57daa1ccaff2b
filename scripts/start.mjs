// npm start: from a fresh clone to a running stack. Installs what is missing (plain Node, so
// that it runs before any dependency is installed), then hands over to scripts/start.ts, which
// finds or starts PostgreSQL and Redis, creates and migrates the database, seeds the demo
// catalog and runs every service in this terminal.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const deps = spawnSync(process.execPath, [path.join(root, 'scripts', 'ensure-deps.mjs')], { cwd: root, stdio: 'inherit' });
if (deps.status !== 0) process.exit(deps.status ?? 1);

const start = spawn(process.execPath, ['--max-semi-space-size=32', '--import', 'tsx', path.join(root, 'scripts', 'start.ts')], { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the whole process group; SIGTERM sent to this process alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => start.kill(signal));
start.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
