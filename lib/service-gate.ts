// A subgraph answers only the gateway and its peer services. The gateway sends a service token of
// its own in x-service-token beside the caller's token (which the subgraph still verifies for who
// the caller is); a peer sends its service token as the authorization itself. Anyone else who
// reaches a subgraph's port (it listens on loopback unless configured otherwise) is refused before
// the body is read: no `_entities` lookups of inactive products, no operation that skipped the
// gateway's limits.
import type { RequestHandler } from 'express';
import type { KeyObject } from 'node:crypto';
import { signServiceToken, verifyServiceToken } from './auth.js';

export const SERVICE_TOKEN_HEADER = 'x-service-token';

/** How many verified tokens a gate remembers until their expiry, so that it verifies each once. */
const KNOWN_TOKENS = 1000;

/**
 * The token a service presents as itself: signed once and signed afresh when half of its life is
 * gone, so that every request carries one valid for minutes yet none is signed per request.
 */
export function serviceCredential(secret: KeyObject, service: string, ttlSeconds = 600): () => Promise<string> {
  let current: { token: Promise<string>; renewAt: number } | undefined;
  return () => {
    const now = Date.now();
    if (!current || now >= current.renewAt) current = { token: signServiceToken(secret, service, ttlSeconds), renewAt: now + (ttlSeconds * 1000) / 2 };
    return current.token;
  };
}

/** Lets a request through when it carries a valid service token, in x-service-token or as its bearer token. */
export function serviceGate(secret: KeyObject): RequestHandler {
  const known = new Map<string, number>();
  const isServiceToken = async (token: string | undefined): Promise<boolean> => {
    if (!token) return false;
    const expiresAt = known.get(token);
    if (expiresAt !== undefined) {
      if (expiresAt > Date.now()) return true;
      known.delete(token);
    }
    try {
      const verified = await verifyServiceToken(secret, token);
      if (known.size >= KNOWN_TOKENS) known.clear();
      known.set(token, verified.expiresAt * 1000);
      return true;
    } catch {
      return false;
    }
  };
  return (req, res, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
    void (async () => {
      if ((await isServiceToken(req.header(SERVICE_TOKEN_HEADER))) || (await isServiceToken(bearer))) return next();
      res.status(401).json({
        errors: [{ message: 'This service answers the gateway and peer services only: send requests to the gateway.', extensions: { code: 'UNAUTHENTICATED' } }],
      });
    })().catch(next);
  };
}
