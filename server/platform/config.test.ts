import { describe, expect, it } from 'vitest';
import { defaultGlueConfig, readGlueConfig } from './config';

describe('readGlueConfig', () => {
  it('uses the defaults when nothing is set', () => {
    expect(readGlueConfig({})).toEqual({
      port: 9001,
      dbPath: '.data/glue.sqlite',
      publicUrl: null,
      corsOrigins: [
        'http://127.0.0.1:4173',
        'http://localhost:4173',
        'http://127.0.0.1:5173',
        'http://localhost:5173',
      ],
      accessTokenTtl: 28800,
      refreshTokenTtl: 2628000,
      lockoutAttempts: 9,
      lockoutBlockSeconds: 360,
      lockoutTtlSeconds: 900,
      seedCustomers: 0,
    });
    expect(readGlueConfig({})).toEqual(defaultGlueConfig);
  });

  it('treats empty variables as unset', () => {
    expect(readGlueConfig({ GLUE_PORT: '', GLUE_DB: ' ', GLUE_CORS_ORIGINS: '' })).toEqual(
      defaultGlueConfig,
    );
  });

  it('reads every variable', () => {
    expect(
      readGlueConfig({
        GLUE_PORT: '0',
        GLUE_DB: ':memory:',
        GLUE_PUBLIC_URL: 'https://glue.example.com/',
        GLUE_CORS_ORIGINS: 'https://console.example.com, http://localhost:3000',
        GLUE_ACCESS_TOKEN_TTL: '60',
        GLUE_REFRESH_TOKEN_TTL: '120',
        GLUE_LOCKOUT_ATTEMPTS: '3',
        GLUE_LOCKOUT_BLOCK_SECONDS: '30',
        GLUE_LOCKOUT_TTL_SECONDS: '90',
        GLUE_SEED_CUSTOMERS: '100000',
      }),
    ).toEqual({
      port: 0,
      dbPath: ':memory:',
      publicUrl: 'https://glue.example.com',
      corsOrigins: ['https://console.example.com', 'http://localhost:3000'],
      accessTokenTtl: 60,
      refreshTokenTtl: 120,
      lockoutAttempts: 3,
      lockoutBlockSeconds: 30,
      lockoutTtlSeconds: 90,
      seedCustomers: 100000,
    });
  });

  it('accepts GLUE_SEED_CUSTOMERS from 0 up to 1,000,000', () => {
    expect(readGlueConfig({ GLUE_SEED_CUSTOMERS: '0' }).seedCustomers).toBe(0);
    expect(readGlueConfig({ GLUE_SEED_CUSTOMERS: ' 1000000 ' }).seedCustomers).toBe(1_000_000);
  });

  it('keeps a path prefix of the public URL', () => {
    expect(readGlueConfig({ GLUE_PUBLIC_URL: 'https://shop.example.com/glue/' }).publicUrl).toBe(
      'https://shop.example.com/glue',
    );
  });

  it.each([
    ['GLUE_PORT', 'abc'],
    ['GLUE_PORT', '9001.5'],
    ['GLUE_PORT', '-1'],
    ['GLUE_PORT', '70000'],
    ['GLUE_ACCESS_TOKEN_TTL', '0'],
    ['GLUE_ACCESS_TOKEN_TTL', '1e3'],
    ['GLUE_REFRESH_TOKEN_TTL', 'month'],
    ['GLUE_LOCKOUT_ATTEMPTS', '0'],
    ['GLUE_LOCKOUT_BLOCK_SECONDS', '6m'],
    ['GLUE_LOCKOUT_TTL_SECONDS', '99999999999999999999'],
    ['GLUE_PUBLIC_URL', 'glue.example.com'],
    ['GLUE_PUBLIC_URL', 'ftp://glue.example.com'],
    ['GLUE_PUBLIC_URL', 'https://glue.example.com/?x=1'],
    ['GLUE_CORS_ORIGINS', 'http://localhost:5173/'],
    ['GLUE_CORS_ORIGINS', 'localhost:5173'],
    ['GLUE_CORS_ORIGINS', 'http://localhost:5173,*'],
    ['GLUE_SEED_CUSTOMERS', '-1'],
    ['GLUE_SEED_CUSTOMERS', '1e5'],
    ['GLUE_SEED_CUSTOMERS', '100,000'],
    ['GLUE_SEED_CUSTOMERS', '1000001'],
  ])('throws an error naming %s for "%s"', (name, value) => {
    expect(() => readGlueConfig({ [name]: value })).toThrow(new RegExp(`^${name} `));
  });
});
