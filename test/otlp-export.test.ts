// bin/serve.ts with OTEL_EXPORTER_OTLP_ENDPOINT set exports its spans over OTLP (http/protobuf)
// to that endpoint, named per service, and sends the last ones before it exits on SIGTERM.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectRoot } from '../lib/paths.js';
import { createRedis, deleteKeysWithPrefix } from '../lib/redis.js';
import { SUBGRAPHS } from '../lib/subgraph-names.js';
import { createDatabaseFrom, dropDatabase, ensureTemplate } from './db-template.js';

const ROOT = projectRoot();
const dbName = `commerce_test_otlp_${randomBytes(4).toString('hex')}`;
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

/** A stand-in OpenTelemetry collector: keeps what is posted to it. */
async function collector() {
  const posts: { path: string; contentType: string; body: Buffer }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      posts.push({ path: req.url ?? '', contentType: req.headers['content-type'] ?? '', body: Buffer.concat(chunks) });
      res.statusCode = 200;
      res.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, posts, close: () => new Promise((resolve) => server.close(resolve)) };
}

it('exports the spans of each service over OTLP and flushes them on SIGTERM', async () => {
  const sink = await collector();
  // Ports below Linux's ephemeral range, away from the defaults (as test/process.test.ts picks them).
  const base = 20_000 + Math.floor(Math.random() * 12_000);
  const [gatewayPort, ...subgraphPorts] = Array.from({ length: SUBGRAPHS.length + 1 }, (_, i) => base + i);
  const env: Record<string, string> = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    PORT: String(gatewayPort),
    REDIS_PREFIX: `test:${dbName}`,
    LOG_LEVEL: 'warn',
    DEV_KEYS_DIR: keysDir,
    RUN_WORKERS: 'false',
    OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
    ...Object.fromEntries(SUBGRAPHS.map((s, i) => [`${s.toUpperCase()}_URL`, `http://127.0.0.1:${subgraphPorts[i]}/graphql`])),
  };
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
    const res = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Listing { products(first: 1) { totalCount } }' }),
    });
    expect(res.status).toBe(200);
    // The batch is not due for seconds yet: what arrives, arrives on shutdown.
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await sink.close();
  }
  expect(sink.posts.length).toBeGreaterThan(0);
  expect(sink.posts.every((p) => p.path === '/v1/traces' && p.contentType === 'application/x-protobuf')).toBe(true);
  // Protobuf keeps strings as they are: the services' names and the spans' are readable in the bytes.
  const exported = Buffer.concat(sink.posts.map((p) => p.body)).toString('latin1');
  for (const text of ['gateway', 'catalog', 'POST /graphql', 'gateway.request', 'query Listing__catalog__0', 'prisma:client:db_query']) expect(exported).toContain(text);
}, 60_000);
