// Plain Node, no dependencies: makes a fresh clone runnable. Installs packages when
// node_modules is missing or older than package-lock.json, and generates each context's
// Prisma client when it is missing or older than its schema; with --browser (npm test), installs
// Chromium with apt-get when it is missing, and with --redis-cluster (npm test) redis-server and
// redis-cli. Quiet when nothing is to do.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SUBGRAPHS = ['catalog', 'cart', 'order', 'subscription', 'promotion'];
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

function run(command, args, { env = {}, quiet = false } = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout}${result.stderr}`);
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

const installed = path.join(root, 'node_modules', '.package-lock.json');
if (mtime(installed) < mtime(path.join(root, 'package-lock.json'))) {
  // npm install, not npm ci: it installs the locked versions too, and unlike ci it accepts a
  // lock that lacks other platforms' optional binaries (which some registries do not carry).
  console.log('Installing dependencies…');
  run('npm', ['install', '--no-audit', '--no-fund']);
}

const stale = SUBGRAPHS.filter((name) => {
  const client = path.join(root, 'subgraphs', name, 'prisma-client', 'client.ts');
  return mtime(client) < mtime(path.join(root, 'prisma', name, 'schema.prisma'));
});
if (stale.length > 0) {
  console.log(`Generating Prisma clients: ${stale.join(', ')}…`);
  for (const name of stale) {
    run(path.join(root, 'node_modules', '.bin', 'prisma'), ['generate'], { env: { PRISMA_SUBGRAPH: name, PRISMA_HIDE_UPDATE_MESSAGE: '1' }, quiet: true });
  }
}

// `--browser` (npm test): the storefront's end-to-end tests drive Chromium through playwright-core,
// which downloads no browser; Debian's package is used (or CHROMIUM_PATH's executable).
if (process.argv.includes('--browser')) ensureChromium();
// `--redis-cluster` (npm test): test/redis-cluster.test.ts starts a Redis Cluster from redis-server
// processes and creates it with redis-cli; Debian's redis-server package brings both (redis-cli
// through redis-tools).
if (process.argv.includes('--redis-cluster')) ensureRedisServer();

function ensureChromium() {
  const executable = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(executable)) return;
  if (process.env.CHROMIUM_PATH) {
    console.error(`CHROMIUM_PATH is ${executable}, which does not exist: point it at a Chromium or Chrome executable.`);
    process.exit(1);
  }
  aptInstall('chromium', `Chromium is missing at ${executable} (the storefront tests drive it)`, 'install Chromium (or Chrome) and set CHROMIUM_PATH to it');
}

function ensureRedisServer() {
  const missing = ['redis-server', 'redis-cli'].filter((command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status !== 0);
  if (missing.length === 0) return;
  aptInstall('redis-server', `${missing.join(' and ')} missing from the PATH (the Redis Cluster test starts a cluster from them)`, 'install Redis (redis-server and redis-cli) yourself');
}

/** Installs Debian's `pkg` with apt-get (as root, or through sudo without a password); says `otherwise` and exits when it cannot. */
function aptInstall(pkg, why, otherwise) {
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) {
    console.error(`${why}, and apt-get is not here: ${otherwise}.`);
    process.exit(1);
  }
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const aptGet = (...args) => {
    const [command, ...rest] = [...asRoot, 'apt-get', ...args];
    console.log(`${command} ${rest.join(' ')}`);
    return spawnSync(command, rest, { cwd: root, stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  };
  console.log(`${why}; installing Debian's package ${pkg}…`);
  // A fresh image has no package lists yet: update only when the install cannot find the package.
  if (aptGet('install', '-y', pkg) || (aptGet('update') && aptGet('install', '-y', pkg))) return;
  console.error(`\nCould not install ${pkg} with apt-get: ${otherwise}.`);
  process.exit(1);
}
