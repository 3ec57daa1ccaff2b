// npm run -s token -- --sub <personId> --role <customer|admin|support> [--role …] [--ttl seconds]
// Prints a bearer token signed with the development key. Refused when a real key is configured.
import { parseArgs } from 'node:util';
import { ROLES, ensureDevKeys, hasRealKey, signUserToken, type Role } from '../lib/auth.js';
import { loadConfigOrExit } from '../lib/config.js';

const { values } = parseArgs({
  options: {
    sub: { type: 'string' },
    role: { type: 'string', multiple: true, default: ['customer'] },
    ttl: { type: 'string', default: '3600' },
  },
});

const config = loadConfigOrExit();
if (hasRealKey(config)) {
  console.error('A real identity-provider key is configured (JWT_PUBLIC_KEY or JWT_JWKS_URL): dev tokens are refused.');
  process.exit(1);
}
const roles = values.role as string[];
const unknown = roles.filter((r) => !ROLES.includes(r as Role) || r === 'service');
if (!values.sub || unknown.length > 0) {
  console.error(`usage: npm run -s token -- --sub <personId> --role <customer|admin|support>${unknown.length ? `\nunknown role: ${unknown.join(', ')}` : ''}`);
  process.exit(2);
}
const keys = await ensureDevKeys(config.DEV_KEYS_DIR);
console.log(
  await signUserToken(keys.privateKeyPem, {
    sub: values.sub,
    roles: roles as Role[],
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    ttlSeconds: Number(values.ttl),
  }),
);
