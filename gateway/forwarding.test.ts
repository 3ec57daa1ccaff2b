import { createSecretKey, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callerAddress, clientAddressOf } from '../lib/client-address.js';
import { ForwardingDataSource, type GatewayContext } from './server.js';

const secret = createSecretKey(randomBytes(32));

function send(context: GatewayContext) {
  const source = new ForwardingDataSource({ url: 'http://127.0.0.1:1/graphql' }, secret);
  const headers = new Headers();
  source.willSendRequest({ request: { http: { headers, method: 'POST', url: '' } }, context } as never);
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
  it('forwards the caller token, the request id and the trace id', () => {
    const headers = send(context({ authorization: 'Bearer abc' }));
    expect(headers.get('authorization')).toBe('Bearer abc');
    expect(headers.get('x-request-id')).toBe('req-1');
    expect(headers.get('traceparent')).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[\da-f]{16}-01$/);
  });

  it('sends no authorization for anonymous callers', () => {
    expect(send(context()).has('authorization')).toBe(false);
  });

  it('forwards the client address with a signature the subgraph verifies', () => {
    const headers = Object.fromEntries(send(context({ clientAddress: '203.0.113.7' })).entries());
    expect(headers['x-client-address']).toBe('203.0.113.7');
    expect(clientAddressOf(secret, request(headers))).toBe('203.0.113.7');
  });
});

describe('the client address', () => {
  it('is the first hop of x-forwarded-for, else the socket peer', () => {
    expect(callerAddress(request({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }))).toBe('203.0.113.7');
    expect(callerAddress(request({}))).toBe('10.0.0.9');
  });

  it('is not trusted by a subgraph without the gateway signature: the socket peer counts instead', () => {
    const forged = { 'x-client-address': '198.51.100.1', 'x-client-address-signature': 'forged' };
    expect(clientAddressOf(secret, request(forged))).toBe('10.0.0.9');
    expect(clientAddressOf(secret, request({ 'x-client-address': '198.51.100.1' }))).toBe('10.0.0.9');
    const signedElsewhere = Object.fromEntries(send(context({ clientAddress: '198.51.100.1' })).entries());
    expect(clientAddressOf(createSecretKey(randomBytes(32)), request(signedElsewhere))).toBe('10.0.0.9');
  });
});
