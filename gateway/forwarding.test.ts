import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { keyFor, verifyServiceToken, type ServiceKeys } from '../lib/auth.js';
import { callerAddress, clientAddressOf, signClientAddress, trustProxySetting } from '../lib/client-address.js';
import { ForwardingDataSource, type GatewayContext } from './server.js';

const keysFrom = (secret: string): ServiceKeys => ({ serviceSecret: keyFor(secret, 'service-token'), clientAddressKey: keyFor(secret, 'client-address') });
const keys = keysFrom(randomBytes(32).toString('hex'));

async function send(context: GatewayContext) {
  const source = new ForwardingDataSource({ url: 'http://127.0.0.1:1/graphql' }, keys);
  const headers = new Headers();
  await source.willSendRequest({ request: { http: { headers, method: 'POST', url: '' } }, context } as never);
  return headers;
}

const request = (headers: Record<string, string>, remoteAddress = '10.0.0.9') => ({
  header: (name: string) => headers[name.toLowerCase()],
  socket: { remoteAddress },
});

const context = (more: Partial<GatewayContext> = {}): GatewayContext => ({
  viewer: null,
  requestId: 'req-1',
  traceId: '0af7651916cd43dd8448eb211c80319c',
  clientAddress: null,
  ...more,
});

describe('what the gateway sends each subgraph', () => {
  it('forwards the caller token, the request id and the trace id', async () => {
    const headers = await send(context({ authorization: 'Bearer abc' }));
    expect(headers.get('authorization')).toBe('Bearer abc');
    expect(headers.get('x-request-id')).toBe('req-1');
    expect(headers.get('traceparent')).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[\da-f]{16}-01$/);
  });

  it('sends no authorization for anonymous callers, and its own service token always', async () => {
    const headers = await send(context());
    expect(headers.has('authorization')).toBe(false);
    expect(await verifyServiceToken(keys.serviceSecret, headers.get('x-service-token')!)).toMatchObject({ service: 'gateway' });
  });

  it('forwards the client address with a signature the subgraph verifies', async () => {
    const headers = Object.fromEntries((await send(context({ clientAddress: '203.0.113.7' }))).entries());
    expect(headers['x-client-address']).toBe('203.0.113.7');
    expect(clientAddressOf(keys.clientAddressKey, request(headers))).toBe('203.0.113.7');
  });

  it('signs with one key per purpose: neither is the configured secret, and one cannot stand for the other', async () => {
    const secret = randomBytes(32).toString('hex');
    const derived = keysFrom(secret);
    expect(derived.serviceSecret.export().equals(derived.clientAddressKey.export())).toBe(false);
    expect(derived.serviceSecret.export().equals(Buffer.from(secret))).toBe(false);
    // A client-address signature made with the service-token key is refused.
    const forged = { 'x-client-address': '198.51.100.1', 'x-client-address-signature': signClientAddress(derived.serviceSecret, '198.51.100.1') };
    expect(clientAddressOf(derived.clientAddressKey, request(forged))).toBe('10.0.0.9');
  });
});

/** The address the gateway's Express app works out for a request from loopback with these headers. */
async function addressSeen(trustProxy: string, headers: Record<string, string>): Promise<string> {
  const app = express();
  app.set('trust proxy', trustProxySetting.parse(trustProxy));
  app.get('/', (req, res) => {
    res.json({ address: callerAddress(req) });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers });
    return ((await res.json()) as { address: string }).address;
  } finally {
    server.close();
  }
}

describe('the client address', () => {
  it('is the socket peer by default: a caller cannot choose it with x-forwarded-for', async () => {
    expect(await addressSeen('none', { 'x-forwarded-for': '203.0.113.7' })).toMatch(/127\.0\.0\.1$/);
    expect(await addressSeen('none', {})).toMatch(/127\.0\.0\.1$/);
  });

  it('is the hop the trusted proxies recorded: what a caller writes before that is ignored', async () => {
    // One load balancer in front: it appends the address it saw; the caller's own entries come before.
    expect(await addressSeen('1', { 'x-forwarded-for': '198.51.100.66, 203.0.113.7' })).toBe('203.0.113.7');
    // Proxies named by range: the first address from the right that is not one of them.
    expect(await addressSeen('loopback,10.0.0.0/8', { 'x-forwarded-for': '198.51.100.66, 203.0.113.7, 10.1.2.3' })).toBe('203.0.113.7');
    expect(await addressSeen('loopback,uniquelocal', { 'x-forwarded-for': '203.0.113.7' })).toBe('203.0.113.7');
  });

  it('is configured with none, hops, or addresses and ranges, never "trust everyone"', () => {
    expect(trustProxySetting.parse(undefined)).toBe(false);
    expect(trustProxySetting.parse('2')).toBe(2);
    expect(trustProxySetting.parse('loopback, 10.0.0.0/8, ::1')).toEqual(['loopback', '10.0.0.0/8', '::1']);
    for (const bad of ['true', '*', 'example.com', '10.0.0.0/8/1']) expect(trustProxySetting.safeParse(bad).success, bad).toBe(false);
  });

  it('is not trusted by a subgraph without the gateway signature: the socket peer counts instead', async () => {
    const forged = { 'x-client-address': '198.51.100.1', 'x-client-address-signature': 'forged' };
    expect(clientAddressOf(keys.clientAddressKey, request(forged))).toBe('10.0.0.9');
    expect(clientAddressOf(keys.clientAddressKey, request({ 'x-client-address': '198.51.100.1' }))).toBe('10.0.0.9');
    const signedElsewhere = Object.fromEntries((await send(context({ clientAddress: '198.51.100.1' }))).entries());
    expect(clientAddressOf(keysFrom(randomBytes(32).toString('hex')).clientAddressKey, request(signedElsewhere))).toBe('10.0.0.9');
  });
});
