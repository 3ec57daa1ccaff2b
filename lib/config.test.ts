import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults for local development', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/commerce');
    expect(config.SERVICES).toEqual(['gateway', 'catalog', 'cart', 'order', 'subscription', 'promotion']);
    expect(config.subgraphUrls.promotion).toBe('http://127.0.0.1:4005/graphql');
    expect(config.RUN_WORKERS).toBe(true);
  });

  it('names every bad value with the problem and what was given', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SERVICES: 'catalog,shop', RUN_WORKERS: 'maybe' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT: must be a number \(got "eighty"\)/);
    expect(message).toMatch(/DATABASE_URL: must be a postgresql:\/\/ URL \(got "mysql:\/\/x"\)/);
    expect(message).toMatch(/SERVICES: each must be one of/);
    expect(message).toMatch(/RUN_WORKERS: must be true or false/);
  });

  it('requires real keys in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_PUBLIC_KEY or JWT_JWKS_URL is required in production[\s\S]*SERVICE_TOKEN_SECRET: is required in production/);
    const config = loadConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/.well-known/jwks.json', SERVICE_TOKEN_SECRET: 'x'.repeat(32) });
    expect(config.NODE_ENV).toBe('production');
  });

  it('picks the services a process runs', () => {
    expect(loadConfig({ SERVICES: 'catalog, gateway' }).SERVICES).toEqual(['catalog', 'gateway']);
  });
});
