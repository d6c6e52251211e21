import { describe, expect, it } from 'vitest';
import { isDate, isEmail, isNumeric, phpString, violationPath } from './request-rules';

describe('the request rules’ building blocks (Symfony, PHP)', () => {
  it('reads numbers as PHP’s is_numeric does', () => {
    for (const numeric of [2, 0, -1.5, '2', ' 2 ', '1e3', '.5', '-0']) {
      expect({ numeric, is: isNumeric(numeric) }).toEqual({ numeric, is: true });
    }
    for (const other of ['', 'two', '0x1A', '2 apples', null, true, [], {}, Number.NaN]) {
      expect({ other, is: isNumeric(other) }).toEqual({ other, is: false });
    }
  });

  it('takes real days in YYYY-MM-DD only', () => {
    expect(isDate('2027-02-28')).toBe(true);
    expect(isDate('2028-02-29')).toBe(true);
    for (const text of ['2027-02-29', '2027-13-01', '2027-1-05', '27-01-05', '2027-01-05T00:00']) {
      expect({ text, is: isDate(text) }).toEqual({ text, is: false });
    }
  });

  it('takes e-mail addresses as FILTER_VALIDATE_EMAIL does, closely', () => {
    for (const address of ['sonia@acme.com', 'a.b+c@mail.example.org', 'x@[10.0.0.1]']) {
      expect({ address, is: isEmail(address) }).toEqual({ address, is: true });
    }
    for (const address of [
      '',
      'sonia',
      'sonia@',
      '@acme.com',
      'a..b@acme.com',
      'a@-acme.com',
      null,
    ]) {
      expect({ address, is: isEmail(address) }).toEqual({ address, is: false });
    }
    expect(isEmail(`${'a'.repeat(65)}@acme.com`)).toBe(false);
  });

  it('casts scalars to strings as PHP does', () => {
    expect([phpString('x'), phpString(5), phpString(true), phpString(false)]).toEqual([
      'x',
      '5',
      '1',
      '',
    ]);
  });

  it('joins a violation’s path with dots, as rest-request-validator formats it', () => {
    expect(violationPath(['payments', '0', 'paymentMethodName'])).toBe(
      'payments.0.paymentMethodName',
    );
    expect(violationPath(['idCart'])).toBe('idCart');
  });
});
