// The authenticator keeps a verified token's viewer until the token expires, service tokens too
// (peers present one on every call), and never past its expiry.
import { createSecretKey, randomBytes } from 'node:crypto';
import { generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { createAuthenticator, signServiceToken, type AuthSettings } from './auth.js';

async function settings(): Promise<AuthSettings> {
  const { publicKey } = await generateKeyPair('ES256');
  return {
    issuer: 'https://id.example',
    audience: 'commerce',
    algorithms: ['ES256'],
    userKey: publicKey as unknown as AuthSettings['userKey'],
    serviceSecret: createSecretKey(randomBytes(32)),
    clientAddressKey: createSecretKey(randomBytes(32)),
  };
}

describe('a service token', () => {
  it('is verified once and its viewer kept until it expires, then refused', async () => {
    const auth = await settings();
    const authenticate = createAuthenticator(auth);
    const token = await signServiceToken(auth.serviceSecret, 'order', 2);
    const viewer = await authenticate(`Bearer ${token}`);
    expect(viewer?.personId).toBe('order');
    expect([...(viewer?.roles ?? [])]).toEqual(['service']);
    // Verified again it would fail now: the secret it was signed with is no longer the one checked.
    auth.serviceSecret = createSecretKey(randomBytes(32));
    expect(await authenticate(`Bearer ${token}`)).toBe(viewer);
    await expect.poll(() => authenticate(`Bearer ${token}`).then(() => 'accepted', (err: Error) => err.message), { timeout: 5000, interval: 200 }).toMatch(/expired|signature/);
  });

  it('signed with another secret is refused', async () => {
    const authenticate = createAuthenticator(await settings());
    const forged = await signServiceToken(createSecretKey(randomBytes(32)), 'order');
    await expect(authenticate(`Bearer ${forged}`)).rejects.toThrow(/signature/);
  });
});
