import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, makeTestGlue, signInCustomer, statusAndBody } from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

let t: TestGlue;

beforeEach(async () => {
  t = await makeTestGlue();
});

afterEach(() => t.close());

const reasons = (texts: string[]): unknown => ({
  data: texts.map((reason) => ({
    type: 'return-reasons',
    id: null,
    attributes: { reason },
    links: { self: 'http://glue.test/return-reasons' },
  })),
  links: { self: 'http://glue.test/return-reasons' },
});

const ENGLISH = ['Damaged', 'Wrong Item', 'No longer needed'];
const GERMAN = ['Beschädigt', 'Falscher Artikel', 'Nicht mehr benötigt'];

describe('GET /return-reasons (§12)', () => {
  it('answers the demo reasons in import order, in en_US without Accept-Language', async () => {
    const response = await t.send('GET', '/return-reasons');
    expect(response.headers.get('Content-Language')).toBe('en_US');
    expect(await statusAndBody(response)).toEqual({ status: 200, body: reasons(ENGLISH) });
  });

  it.each([
    ['de', GERMAN],
    ['de-DE', GERMAN],
    ['en-US', ENGLISH],
    ['fr-FR', ENGLISH],
  ])('answers Accept-Language: %s in its locale', async (header, texts) => {
    const response = await t.send('GET', '/return-reasons', {
      headers: { 'Accept-Language': header },
    });
    expect(await statusAndBody(response)).toEqual({ status: 200, body: reasons(texts) });
  });

  it('needs no token, and answers the same with one', async () => {
    const { accessToken } = await signInCustomer(t);
    const response = await t.send('GET', '/return-reasons', { headers: bearer(accessToken) });
    expect(await statusAndBody(response)).toEqual({ status: 200, body: reasons(ENGLISH) });
  });
});
