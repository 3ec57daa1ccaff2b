// The real entry points, as a person runs them: bin/serve.ts starts every service, answers,
// and stops on SIGINT/SIGTERM within the shutdown deadline; the token script.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis, deleteKeysWithPrefix } from '../lib/redis.js';
import { SUBGRAPHS } from '../lib/subgraph-names.js';
import { projectRoot } from '../lib/paths.js';
import { createDatabaseFrom, dropDatabase, ensureTemplate } from './db-template.js';

const ROOT = projectRoot();
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const dbName = `commerce_test_proc_${randomBytes(4).toString('hex')}`;
let databaseUrl: string;
let keysDir: string;

beforeAll(async () => {
  databaseUrl = await createDatabaseFrom(process.env.TEST_TEMPLATE_DB ?? (await ensureTemplate()), dbName);
  keysDir = mkdtempSync(path.join(tmpdir(), 'commerce-keys-'));
});
afterAll(async () => {
  const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  await deleteKeysWithPrefix(redis, `test:${dbName}`);
  redis.disconnect();
  await dropDatabase(dbName);
  rmSync(keysDir, { recursive: true, force: true });
});

/**
 * Ports away from the defaults, so a running dev stack does not collide, and below Linux's
 * ephemeral range (32768 and up), where the other test files' connections and port-0 servers
 * take theirs.
 */
function freshPorts(): number[] {
  const base = 20_000 + Math.floor(Math.random() * 12_000);
  return Array.from({ length: SUBGRAPHS.length + 1 }, (_, i) => base + i);
}

async function runStack(signal: NodeJS.Signals): Promise<{ exitCode: number | null; answered: unknown; output: string }> {
  const [gatewayPort, ...subgraphPorts] = freshPorts();
  const env: Record<string, string> = {
    ...process.env,
    // As a developer runs it: under NODE_ENV=test some libraries skip their signal handlers.
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    PORT: String(gatewayPort),
    REDIS_PREFIX: `test:${dbName}:${signal}`,
    LOG_LEVEL: 'warn',
    DEV_KEYS_DIR: keysDir,
    ...Object.fromEntries(SUBGRAPHS.map((s, i) => [`${s.toUpperCase()}_URL`, `http://127.0.0.1:${subgraphPorts[i]}/graphql`])),
  };
  // No tsx wrapper process in between: signals reach the service process itself, as in production.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bin', 'serve.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    for (let i = 0; i < 300 && !output.includes('Commerce supergraph is up'); i++) {
      if (child.exitCode !== null) throw new Error(`stack exited early:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(output).toContain(`http://localhost:${gatewayPort}/graphql`);
    const res = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ products(first: 1) { totalCount } }' }),
    });
    const answered = await res.json();
    child.kill(signal);
    return { exitCode: await exited, answered, output };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

describe('bin/serve.ts', () => {
  // Exit code 0 means every service closed before the process's own shutdown deadline
  // (SHUTDOWN_TIMEOUT_MS, 10 s), which otherwise ends it with exit code 1.
  it.each(['SIGTERM', 'SIGINT'] as const)('starts every service, answers, and stops cleanly on %s', async (signal) => {
    const { exitCode, answered, output } = await runStack(signal);
    expect(answered).toMatchObject({ data: { products: { totalCount: 0 } } });
    expect(exitCode, output).toBe(0);
  }, 60_000);

  it('refuses to start with bad configuration, naming each bad value, the contexts\' own included', () => {
    const env = { ...process.env, PORT: 'x', REDIS_URL: 'localhost', CART_TTL_DAYS: '0', QUERY_MAX_DEPTH: 'deep', RESERVATION_TTL_SECONDS: '5', AFFILIATE_CLICKS_PER_MINUTE: '-1' };
    const result = spawnSync(TSX, [path.join(ROOT, 'bin', 'serve.ts')], { cwd: ROOT, env, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/PORT: must be a number \(got "x"\)/);
    expect(result.stderr).toMatch(/REDIS_URL: must be a redis:\/\/ URL/);
    expect(result.stderr).toMatch(/CART_TTL_DAYS: .* \(got "0"\)/);
    expect(result.stderr).toMatch(/QUERY_MAX_DEPTH: must be a number \(got "deep"\)/);
    expect(result.stderr).toMatch(/RESERVATION_TTL_SECONDS: .* \(got "5"\)/);
    expect(result.stderr).toMatch(/AFFILIATE_CLICKS_PER_MINUTE: .* \(got "-1"\)/);
  }, 30_000);

  it('names the server that does not answer, without a stack trace', () => {
    // Ports nothing listens on (below the ephemeral range, away from the defaults).
    const [pgPort, redisPort] = freshPorts();
    const env = { ...process.env, DATABASE_URL: `postgresql://postgres@127.0.0.1:${pgPort}/commerce`, REDIS_URL: `redis://127.0.0.1:${redisPort}`, DEV_KEYS_DIR: keysDir };
    const result = spawnSync(TSX, [path.join(ROOT, 'bin', 'serve.ts')], { cwd: ROOT, env, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `PostgreSQL (DATABASE_URL) does not answer at 127.0.0.1:${pgPort}.`,
      `Redis (REDIS_URL) does not answer at 127.0.0.1:${redisPort}.`,
      'Start it, or set the variable to one that runs; `npm start` starts PostgreSQL and Redis itself when none answers.',
    ]);
    expect(result.stdout).toBe('');
  }, 30_000);
});

describe('npm run token', () => {
  const token = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(TSX, [path.join(ROOT, 'scripts', 'token.ts'), ...args], { cwd: ROOT, env: { ...process.env, DEV_KEYS_DIR: keysDir, ...env }, encoding: 'utf8' });

  it('prints a dev token with the subject and roles asked for', () => {
    const result = token({}, '--sub', 'person-7', '--role', 'support');
    expect(result.status).toBe(0);
    const claims = decodeJwt(result.stdout.trim());
    expect(claims).toMatchObject({ sub: 'person-7', roles: ['support'], iss: 'commerce-dev', aud: 'commerce-api' });
  }, 30_000);

  it('is refused when a real identity-provider key is configured', () => {
    const result = token({ JWT_JWKS_URL: 'https://idp.example/jwks.json' }, '--sub', 'p', '--role', 'admin');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/dev tokens are refused/);
  }, 30_000);

  it('will not mint the service role', () => {
    const result = token({}, '--sub', 'p', '--role', 'service');
    expect(result.status).toBe(2);
  }, 30_000);
});
