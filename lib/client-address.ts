// The caller's network address, as the gateway saw it, carried to the subgraphs. The gateway
// believes x-forwarded-for only as far as TRUST_PROXY says (Express's `trust proxy`: by default
// no proxy, so the socket's peer; else a number of hops or the proxies' address ranges), because
// the caller writes that header. A subgraph trusts the forwarded address only with the gateway's
// signature (HMAC with the client-address key), so a caller reaching a subgraph directly cannot
// pick the address it is rate-limited under either.
import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';

export const CLIENT_ADDRESS_HEADER = 'x-client-address';
export const CLIENT_ADDRESS_SIGNATURE_HEADER = 'x-client-address-signature';

interface IncomingRequest {
  header(name: string): string | undefined;
  socket: { remoteAddress?: string };
}

const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];
const isRange = (entry: string) => {
  const [address, bits, more] = entry.split('/');
  return more === undefined && isIP(address ?? '') !== 0 && (bits === undefined || /^\d{1,3}$/.test(bits));
};

/**
 * TRUST_PROXY: `none` (the default: the socket's peer is the client), a number of proxy hops in
 * front of the gateway, or a comma-separated list of the proxies' addresses, ranges (CIDR) and
 * Express's names (loopback, linklocal, uniquelocal). "Trust everything" is not offered: it would
 * let any caller choose its address again.
 */
export const trustProxySetting = z
  .string()
  .default('none')
  .transform((value, ctx): false | number | string[] => {
    if (value === 'none') return false;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((e) => e.trim());
    const bad = entries.filter((e) => !NAMED_RANGES.includes(e) && !isRange(e));
    if (bad.length > 0) ctx.addIssue({ code: 'custom', message: `must be none, a number of hops, or addresses, CIDR ranges and ${NAMED_RANGES.join('/')} (not ${bad.join(', ')})` });
    return entries;
  });

/** The address a request came from, as Express worked it out with the app's `trust proxy` setting. */
export function callerAddress(req: { ip?: string }): string | null {
  const address = req.ip ?? null;
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
