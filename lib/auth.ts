import { createPublicKey, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  SignJWT,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors as joseErrors,
  exportPKCS8,
  exportSPKI,
  generateKeyPair,
  importPKCS8,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import { LRUCache } from 'lru-cache';
import type { Config } from './config.js';
import { forbidden, unauthenticated } from './errors.js';

export const ROLES = ['customer', 'admin', 'support', 'service'] as const;
export type Role = (typeof ROLES)[number];

export interface Viewer {
  /** The person id (`sub`), or the calling service's name for service tokens. */
  personId: string;
  roles: ReadonlySet<Role>;
}

/** Verified identity tokens kept per process (each until it expires). */
const VERIFIED_TOKENS = 10_000;
const SERVICE_ISSUER = 'commerce-services';
const SERVICE_AUDIENCE = 'commerce-internal';
const SERVICE_ALG = 'HS256';

/** The keys services share, one per purpose (keyFor). */
export interface ServiceKeys {
  /** Signs and verifies service tokens. */
  serviceSecret: KeyObject;
  /** Signs the client address the gateway forwards (lib/client-address.ts). */
  clientAddressKey: KeyObject;
}

export interface AuthSettings extends ServiceKeys {
  issuer: string;
  audience: string;
  algorithms: string[];
  userKey: KeyObject | JWTVerifyGetKey;
}

/**
 * One key per purpose, derived (HKDF-SHA256) from the one configured SERVICE_TOKEN_SECRET: a
 * signature made for one purpose (a forwarded client address, say) is worthless as another (a
 * service token), and neither uses the configured secret itself.
 */
export function keyFor(secret: string, purpose: 'service-token' | 'client-address'): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync('sha256', secret, 'commerce-service-secret', purpose, 32)));
}

export interface DevKeys {
  privateKeyPem: string;
  publicKeyPem: string;
  serviceSecret: string;
}

/**
 * Development signing keys, created on first use under DEV_KEYS_DIR (git-ignored).
 * Concurrent first starts agree: whoever writes first wins and the rest read the files.
 */
export async function ensureDevKeys(dir: string): Promise<DevKeys> {
  const file = (name: string) => path.join(dir, name);
  try {
    return readDevKeys(dir);
  } catch {
    mkdirSync(dir, { recursive: true });
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const keys: DevKeys = {
      privateKeyPem: await exportPKCS8(privateKey),
      publicKeyPem: await exportSPKI(publicKey),
      serviceSecret: randomBytes(48).toString('base64url'),
    };
    try {
      writeFileSync(file('keys.json'), JSON.stringify(keys, null, 2), { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    return readDevKeys(dir);
  }
}

function readDevKeys(dir: string): DevKeys {
  return JSON.parse(readFileSync(path.join(dir, 'keys.json'), 'utf8')) as DevKeys;
}

/** True when a real identity provider key is configured (dev tokens are then refused). */
export function hasRealKey(config: Pick<Config, 'JWT_PUBLIC_KEY' | 'JWT_JWKS_URL'>): boolean {
  return Boolean(config.JWT_PUBLIC_KEY || config.JWT_JWKS_URL);
}

export async function resolveAuthSettings(config: Config): Promise<AuthSettings> {
  const dev = hasRealKey(config) && config.SERVICE_TOKEN_SECRET ? undefined : await ensureDevKeys(config.DEV_KEYS_DIR);
  let userKey: AuthSettings['userKey'];
  if (config.JWT_JWKS_URL) userKey = createRemoteJWKSet(new URL(config.JWT_JWKS_URL));
  else userKey = createPublicKey(config.JWT_PUBLIC_KEY ?? dev!.publicKeyPem);
  return {
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    algorithms: config.JWT_ALGORITHMS.split(',').map((a) => a.trim()),
    userKey,
    serviceSecret: keyFor(config.SERVICE_TOKEN_SECRET ?? dev!.serviceSecret, 'service-token'),
    clientAddressKey: keyFor(config.SERVICE_TOKEN_SECRET ?? dev!.serviceSecret, 'client-address'),
  };
}

function viewerFrom(sub: unknown, roles: unknown): Viewer {
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 100) throw unauthenticated('Token has no valid subject');
  const granted = Array.isArray(roles) ? roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
  return { personId: sub, roles: new Set(granted) };
}

function describe(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'Token expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) return `Token ${err.claim} claim is not accepted`;
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'Token signature is invalid';
  return 'Token is invalid';
}

export type Authenticate = (authorization: string | undefined) => Promise<Viewer | null>;

/**
 * Verifies a bearer token: identity-provider tokens (signature, exp, iss, aud) or service tokens
 * (HS256 with the service secret; the only way to hold the `service` role).
 * No header means anonymous (null); a bad token is an UNAUTHENTICATED error, never anonymous.
 */
export function createAuthenticator(settings: AuthSettings): Authenticate {
  // A token's signature is checked once (an ES256 verification costs the gateway about a tenth of a
  // cached read; a service token's HS256, through WebCrypto, about 3 % of a subgraph's CPU on add to
  // cart); its viewer is then kept until the token expires.
  const verified = new LRUCache<string, Viewer>({ max: VERIFIED_TOKENS });
  const remembered = (token: string, viewer: Viewer, expiresAt: number): Viewer => {
    const ttl = expiresAt * 1000 - Date.now();
    if (ttl > 0) verified.set(token, viewer, { ttl });
    return viewer;
  };
  return async (authorization) => {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated('Authorization must be "Bearer <token>"');
    const token = match[1]!;
    const known = verified.get(token);
    if (known) return known;
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw unauthenticated('Token is malformed');
    }
    try {
      if (alg === SERVICE_ALG) {
        const { service, expiresAt } = await verifyServiceToken(settings.serviceSecret, token);
        return remembered(token, { personId: service, roles: new Set<Role>(['service']) }, expiresAt);
      }
      const verifyOptions = {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: settings.algorithms,
        requiredClaims: ['exp', 'sub'],
      };
      const { payload } =
        typeof settings.userKey === 'function'
          ? await jwtVerify(token, settings.userKey, verifyOptions)
          : await jwtVerify(token, settings.userKey, verifyOptions);
      const viewer = viewerFrom(payload.sub, payload.roles);
      if (viewer.roles.has('service')) throw unauthenticated('The service role cannot come from an identity token');
      return remembered(token, viewer, payload.exp!);
    } catch (err) {
      if (err instanceof Error && 'extensions' in err) throw err;
      throw unauthenticated(describe(err));
    }
  };
}

/** A service token's subject (the calling service) and expiry (epoch seconds); throws jose's errors when it is not one. */
export async function verifyServiceToken(secret: KeyObject, token: string): Promise<{ service: string; expiresAt: number }> {
  const { payload } = await jwtVerify(token, secret, {
    issuer: SERVICE_ISSUER,
    audience: SERVICE_AUDIENCE,
    algorithms: [SERVICE_ALG],
    requiredClaims: ['exp'],
  });
  return { service: String(payload.sub), expiresAt: payload.exp! };
}

/** A short-lived token one service uses to call another's internal operations. */
export async function signServiceToken(secret: KeyObject, service: string, ttlSeconds = 300): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: SERVICE_ALG })
    .setSubject(service)
    .setIssuer(SERVICE_ISSUER)
    .setAudience(SERVICE_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(secret);
}

/** Signs an identity token with a dev (or test) private key, as the identity provider would. */
export async function signUserToken(
  privateKeyPem: string,
  claims: { sub: string; roles: Role[]; issuer: string; audience: string; ttlSeconds?: number; expiresAt?: number },
): Promise<string> {
  const key = await importPKCS8(privateKeyPem, 'ES256');
  return new SignJWT({ roles: claims.roles })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(claims.sub)
    .setIssuer(claims.issuer)
    .setAudience(claims.audience)
    .setIssuedAt()
    .setExpirationTime(claims.expiresAt ?? `${claims.ttlSeconds ?? 3600}s`)
    .sign(key);
}

export function hasRole(viewer: Viewer | null, ...roles: Role[]): boolean {
  return Boolean(viewer && roles.some((r) => viewer.roles.has(r)));
}

/** Throws UNAUTHENTICATED for anonymous callers and FORBIDDEN when none of the roles is held. */
export function requireRole(viewer: Viewer | null, ...roles: Role[]): Viewer {
  if (!viewer) throw unauthenticated();
  if (!hasRole(viewer, ...roles)) throw forbidden();
  return viewer;
}

/** SPEC §6: customers see only what is theirs; support and admin read everything. */
export function mayRead(viewer: Viewer | null, ownerId: string): boolean {
  return viewer?.personId === ownerId || hasRole(viewer, 'admin', 'support');
}
