import { describe, expect, it } from 'vitest';
import { ForwardingDataSource, type GatewayContext } from './server.js';

function send(context: GatewayContext) {
  const source = new ForwardingDataSource({ url: 'http://127.0.0.1:1/graphql' });
  const headers = new Headers();
  source.willSendRequest({ request: { http: { headers, method: 'POST', url: '' } }, context } as never);
  return headers;
}

describe('what the gateway sends each subgraph', () => {
  it('forwards the caller token, the request id and the trace id', () => {
    const headers = send({ authorization: 'Bearer abc', viewer: null, requestId: 'req-1', traceId: '0af7651916cd43dd8448eb211c80319c' });
    expect(headers.get('authorization')).toBe('Bearer abc');
    expect(headers.get('x-request-id')).toBe('req-1');
    expect(headers.get('traceparent')).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[\da-f]{16}-01$/);
  });

  it('sends no authorization for anonymous callers', () => {
    expect(send({ viewer: null, requestId: 'req-2', traceId: '0af7651916cd43dd8448eb211c80319c' }).has('authorization')).toBe(false);
  });
});
