// The HTTP shell's shutdown: requests in flight when it starts are answered whole, and their
// answers close their connections, so that a client's next request never goes out on a kept-alive
// connection the server is closing (lost unread: the faults-sigterm test saw it as UND_ERR_SOCKET).
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
