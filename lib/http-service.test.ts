// The HTTP shell's requests, born with Express's prototypes, and its shutdown: requests in flight
// when it starts are answered whole, and their answers close their connections, so that a client's
// next request never goes out on a kept-alive connection the server is closing (lost unread: the
// faults-sigterm test saw it as UND_ERR_SOCKET).
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createHttpService } from './http-service.js';

describe('closing the HTTP shell', () => {
  it('answers the requests in flight with Connection: close, then closes', async () => {
    const http = createHttpService({ service: 'probe', log: pino({ level: 'silent' }), registry: new Registry(), readiness: {} });
    let arrived!: () => void;
    const inRoute = new Promise<void>((resolve) => (arrived = resolve));
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    http.app.get('/slow', async (_req, res) => {
      arrived();
      await held;
      res.json({ ok: true });
    });
    const port = await http.listen(0, '127.0.0.1');

    const warm = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(warm.headers.get('connection')).toBe('keep-alive');
    await warm.text();
    const slow = fetch(`http://127.0.0.1:${port}/slow`);
    await inRoute;
    const closed = http.close(5000);
    finish();
    const answer = await slow;
    expect(await answer.json()).toEqual({ ok: true });
    expect(answer.headers.get('connection')).toBe('close');
    await closed;
  });
});

describe("the HTTP shell's requests and responses", () => {
  // Express swaps a request's and a response's prototype for its own unless they already have it;
  // V8 then keeps the request's whole object graph through every young-generation collection.
  it("are born with Express's prototypes, so that Express never swaps them", async () => {
    const http = createHttpService({ service: 'probe', log: pino({ level: 'silent' }), registry: new Registry(), readiness: {} });
    const born: { request?: object | null; response?: object | null } = {};
    http.server.prependListener('request', (req, res) => {
      born.request = Object.getPrototypeOf(req);
      born.response = Object.getPrototypeOf(res);
    });
    let handled: { request?: object | null; response?: object | null; expressHelpers?: boolean } = {};
    http.app.get('/probe', (req, res) => {
      handled = { request: Object.getPrototypeOf(req), response: Object.getPrototypeOf(res), expressHelpers: typeof req.header === 'function' && typeof res.json === 'function' };
      res.json({ ok: true });
    });
    const port = await http.listen(0, '127.0.0.1');
    const answer = await fetch(`http://127.0.0.1:${port}/probe`);
    expect(await answer.json()).toEqual({ ok: true });
    expect(born.request).toBe(http.app.request);
    expect(born.response).toBe(http.app.response);
    expect(handled).toEqual({ request: http.app.request, response: http.app.response, expressHelpers: true });
    await http.close(1000);
  });
});
