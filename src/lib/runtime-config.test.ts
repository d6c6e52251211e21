import { describe, expect, it } from 'vitest';
import { DEFAULT_REFRESH_TOKEN_LIFETIME_SECONDS, parseRuntimeConfig } from './runtime-config';

describe('parseRuntimeConfig', () => {
  it('fills the defaults and drops a trailing slash', () => {
    expect(parseRuntimeConfig({ glueBaseUrl: 'http://glue.test:9001/' })).toEqual({
      glueBaseUrl: 'http://glue.test:9001',
      requireReason: true,
      idleMinutes: 15,
      refreshTokenLifetimeSeconds: DEFAULT_REFRESH_TOKEN_LIFETIME_SECONDS,
      store: null,
      priceMode: 'GROSS_MODE',
      startMode: 'view',
    });
  });

  it('takes the settings it is given', () => {
    expect(
      parseRuntimeConfig({
        glueBaseUrl: 'https://glue.example.com',
        requireReason: false,
        idleMinutes: 0.5,
        refreshTokenLifetimeSeconds: 90,
        store: 'AT',
        priceMode: 'NET_MODE',
        startMode: 'change',
      }),
    ).toMatchObject({
      requireReason: false,
      idleMinutes: 0.5,
      refreshTokenLifetimeSeconds: 90,
      store: 'AT',
      priceMode: 'NET_MODE',
      startMode: 'change',
    });
  });

  it.each([
    [{}],
    [{ glueBaseUrl: 'not a url' }],
    [{ glueBaseUrl: 'http://glue.test', requireReason: 'yes' }],
    [{ glueBaseUrl: 'http://glue.test', idleMinutes: 0 }],
    [{ glueBaseUrl: 'http://glue.test', refreshTokenLifetimeSeconds: -1 }],
    [{ glueBaseUrl: 'http://glue.test', store: '' }],
    [{ glueBaseUrl: 'http://glue.test', store: 'D E' }],
    [{ glueBaseUrl: 'http://glue.test', priceMode: 'gross' }],
    [{ glueBaseUrl: 'http://glue.test', startMode: 'edit' }],
  ])('names what is wrong with %j', (body) => {
    expect(() => parseRuntimeConfig(body)).toThrow('config.invalid');
  });
});
