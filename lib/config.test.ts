import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, databaseFor, databaseUrlFor, loadConfig, readSettings, setting } from './config.js';
import { SUBGRAPHS } from './subgraph-names.js';

/** A context's own settings, as a context declares them next to its code. */
const shopSettings = z.object({ SHOP_TTL_DAYS: setting.int(1, 365).default(30), SHOP_OPEN: setting.bool.default(true) });

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

  it('connects to a Redis Cluster through REDIS_URL, which then names no database', () => {
    expect(loadConfig({}).REDIS_CLUSTER).toBe(false);
    expect(loadConfig({ REDIS_CLUSTER: 'true', REDIS_URL: 'rediss://user:secret@cluster.example:6380' }).REDIS_CLUSTER).toBe(true);
    expect(loadConfig({ REDIS_CLUSTER: 'true', REDIS_URL: 'redis://cluster.example:6379/0' }).REDIS_CLUSTER).toBe(true);
    expect(() => loadConfig({ REDIS_CLUSTER: 'true', REDIS_URL: 'redis://cluster.example:6379/2' })).toThrow(/REDIS_URL: names a database, and a Redis Cluster has database 0 only/);
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).REDIS_URL).toBe('redis://127.0.0.1:6379/2');
  });

  it('picks the services a process runs', () => {
    expect(loadConfig({ SERVICES: 'catalog, gateway' }).SERVICES).toEqual(['catalog', 'gateway']);
  });

  it('checks the contexts\' settings with the process\'s and names every bad value in one message', () => {
    expect(() => loadConfig({ PORT: 'eighty', SHOP_TTL_DAYS: '0', SHOP_OPEN: 'maybe' }, [shopSettings])).toThrow(
      /PORT: must be a number \(got "eighty"\)[\s\S]*SHOP_TTL_DAYS: .* \(got "0"\)[\s\S]*SHOP_OPEN: must be true or false \(got "maybe"\)/,
    );
  });

  it('gives each context its own settings, defaults filled in', () => {
    const config = loadConfig({ SHOP_TTL_DAYS: '7' }, [shopSettings]);
    expect(readSettings(shopSettings, config)).toEqual({ SHOP_TTL_DAYS: 7, SHOP_OPEN: true });
    expect(readSettings(shopSettings, loadConfig({}))).toEqual({ SHOP_TTL_DAYS: 30, SHOP_OPEN: true });
    expect(() => readSettings(shopSettings, loadConfig({ SHOP_TTL_DAYS: 'soon' }))).toThrow(ConfigError);
  });

  it('gives each context the shared database unless its own URL names another, and checks them as DATABASE_URL', () => {
    const shared = loadConfig({ DATABASE_URL: 'postgresql://db.example/shop' });
    for (const context of SUBGRAPHS) expect(databaseFor(shared, context)).toEqual({ setting: 'DATABASE_URL', url: 'postgresql://db.example/shop' });
    expect(shared.CATALOG_READ_DATABASE_URL).toBeUndefined();

    const split = loadConfig({
      DATABASE_URL: 'postgresql://db.example/shop',
      CART_DATABASE_URL: 'postgres://carts.example:6432/carts',
      ORDER_DATABASE_URL: 'postgresql://orders.example/orders',
      CATALOG_READ_DATABASE_URL: 'postgresql://replica.example/shop',
      // Empty is unset, as for every setting.
      PROMOTION_DATABASE_URL: '',
    });
    expect(databaseFor(split, 'cart')).toEqual({ setting: 'CART_DATABASE_URL', url: 'postgres://carts.example:6432/carts' });
    expect(databaseUrlFor(split, 'order')).toBe('postgresql://orders.example/orders');
    expect(databaseFor(split, 'promotion')).toEqual({ setting: 'DATABASE_URL', url: 'postgresql://db.example/shop' });
    // The replica serves reads only: the catalog's database is still the primary.
    expect(databaseUrlFor(split, 'catalog')).toBe('postgresql://db.example/shop');
    expect(split.CATALOG_READ_DATABASE_URL).toBe('postgresql://replica.example/shop');

    expect(() =>
      loadConfig({ CATALOG_DATABASE_URL: 'mysql://catalog', SUBSCRIPTION_DATABASE_URL: 'db.example/subscriptions', CATALOG_READ_DATABASE_URL: 'http://replica' }),
    ).toThrow(
      /CATALOG_DATABASE_URL: must be a postgresql:\/\/ URL \(got "mysql:\/\/catalog"\)[\s\S]*SUBSCRIPTION_DATABASE_URL: must be a postgresql:\/\/ URL[\s\S]*CATALOG_READ_DATABASE_URL: must be a postgresql:\/\/ URL/,
    );
  });
});
