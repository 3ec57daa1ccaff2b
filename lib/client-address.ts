// The caller's network address, as the gateway saw it, carried to the subgraphs. A subgraph
// trusts the header only with the gateway's signature (HMAC with the service secret), so a
// caller reaching a subgraph directly cannot pick the address it is rate-limited under.
import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';

export const CLIENT_ADDRESS_HEADER = 'x-client-address';
export const CLIENT_ADDRESS_SIGNATURE_HEADER = 'x-client-address-signature';

interface IncomingRequest {
  header(name: string): string | undefined;
  socket: { remoteAddress?: string };
}

/**
 * The address a request came from: the first hop of x-forwarded-for (the client, as the load
 * balancer in front of the gateway recorded it), else the socket's peer.
 */
export function callerAddress(req: IncomingRequest): string | null {
  const first = req.header('x-forwarded-for')?.split(',')[0]?.trim();
  const address = first || req.socket.remoteAddress || null;
  return address && address.length <= 100 ? address : null;
}

export function signClientAddress(key: KeyObject, address: string): string {
  return createHmac('sha256', key).update(address).digest('base64url');
}

/** The address the gateway vouches for, or the socket's peer when the request carries no valid signature. */
export function clientAddressOf(key: KeyObject, req: IncomingRequest): string | null {
  const address = req.header(CLIENT_ADDRESS_HEADER);
  const signature = req.header(CLIENT_ADDRESS_SIGNATURE_HEADER);
  if (address && signature) {
    const expected = Buffer.from(signClientAddress(key, address));
    const given = Buffer.from(signature);
    if (expected.length === given.length && timingSafeEqual(expected, given)) return address;
  }
  return req.socket.remoteAddress ?? null;
}
