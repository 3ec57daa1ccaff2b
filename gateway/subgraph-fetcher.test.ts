// The gateway's subgraph fetcher answers what RemoteGraphQLDataSource reads of a fetch Response
// (status, headers, body), on kept-alive connections.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphFetcher as fetcher } from './subgraph-fetcher.js';

let server: Server;
let url: string;
const sockets = new Set<unknown>();
const seen: { method?: string; contentType?: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    sockets.add(req.socket);
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, contentType: req.headers['content-type'], body });
      if (req.url === '/down') {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('subgraph restarting');
        return;
      }
      res.setHeader('Cache-Control', 'max-age=10, public');
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { echo: JSON.parse(body) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('subgraphFetcher', () => {
  it("sends the request as given and answers the status, headers (any case) and body as fetch would, on kept-alive connections", async () => {
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const res = await fetcher(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n }) });
      expect(res.ok).toBe(true);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('max-age=10, public');
      expect(res.headers.get('Content-Type')).toBe('application/json');
      expect(res.headers.get('set-cookie')).toBe('a=1, b=2');
      expect(res.headers.get('x-missing')).toBeNull();
      expect(await res.json()).toEqual({ data: { echo: { n } } });
    }
    expect(seen.slice(-6)).toEqual([1, 2, 3, 4, 5, 6].map((n) => ({ method: 'POST', contentType: 'application/json', body: JSON.stringify({ n }) })));
    // Six requests one after another on at most two connections (undici may open a second while the first settles).
    expect(sockets.size).toBeLessThanOrEqual(2);
  });

  it('answers an error status with its status text and body', async () => {
    const res = await fetcher(`${url}/down`, { method: 'POST', headers: {}, body: '{}' });
    expect(res.ok).toBe(false);
    expect([res.status, res.statusText]).toEqual([503, 'Service Unavailable']);
    expect(await res.text()).toBe('subgraph restarting');
  });

  it('rejects when nothing answers', async () => {
    await expect(fetcher('http://127.0.0.1:1/graphql', { method: 'POST', headers: {}, body: '{}' })).rejects.toThrow();
  });
});
