import { describe, expect, it } from 'vitest';
import { readSeedCsv } from '../../platform/db';
import { addressErrors, phpString, readAddressChange, readNewAddress } from './address-rules';
import { countryOf } from './addresses';

describe('phpString: PHP’s (string) of a decoded JSON scalar', () => {
  it.each([
    ['a string as it is', 'Berlin', 'Berlin'],
    ['true', true, '1'],
    ['false', false, ''],
    ['an integer', 10115, '10115'],
    ['-0', -0, '0'],
    ['a float', 1.5, '1.5'],
    ['a float at 14 digits', 0.1 + 0.2, '0.3'],
    ['a large float in exponent form', 1e20, '1.0E+20'],
    ['a small float in exponent form', 0.00001, '1.0E-5'],
    ['a small float in fixed form', 0.0001, '0.0001'],
    ['a float rounded to 14 digits', 1.2345678901234567, '1.2345678901235'],
  ])('%s', (_name, value, text) => {
    expect(phpString(value)).toBe(text);
  });
});

describe('countryOf: the countries Spryker installs', () => {
  it('names the store’s countries as countries.csv does', () => {
    for (const record of readSeedCsv('countries.csv', ['iso2_code', 'name'])) {
      expect(countryOf(record.iso2_code ?? '')?.name).toBe(record.name);
    }
  });

  it('holds 255 countries, none of them blacklisted, and finds them in any letter case', () => {
    expect(readSeedCsv('cldr-countries.csv', ['iso2_code', 'iso3_code', 'name'])).toHaveLength(255);
    for (const code of ['EU', 'QO', 'ZZ', 'XX', '', 'DEU']) expect(countryOf(code)).toBeNull();
    expect(countryOf('ch')).toEqual({ iso2Code: 'CH', name: 'Switzerland' });
    // Only ASCII letters are folded: "ß" is no "SS" (South Sudan).
    expect(countryOf('ß')).toBeNull();
  });
});

describe('the §8.1 rules on their own', () => {
  it('skips on PATCH the keys not sent, and checks on POST that each required one is there', () => {
    expect(addressErrors({}, 'PATCH')).toEqual([]);
    expect(addressErrors({ address3: 'x', company: 'x', phone: 'x' }, 'POST')).toHaveLength(10);
  });

  it('keeps only the keys a PATCH sent, and the flags as sent', () => {
    expect(readAddressChange({ city: 'Bonn', address3: null, isDefaultBilling: true })).toEqual({
      fields: { city: 'Bonn', address3: null },
      isDefaultShipping: null,
      isDefaultBilling: true,
    });
  });

  it('leaves the optional fields of a POST null when not sent', () => {
    const request = readNewAddress({
      salutation: 'Dr',
      firstName: 'A',
      lastName: 'B',
      address1: 'C',
      address2: 'D',
      zipCode: 1,
      city: 'Ulm',
      iso2Code: 'DE',
      isDefaultShipping: null,
      isDefaultBilling: false,
    });
    expect(request).toEqual({
      fields: {
        salutation: 'Dr',
        firstName: 'A',
        lastName: 'B',
        address1: 'C',
        address2: 'D',
        address3: null,
        zipCode: '1',
        city: 'Ulm',
        iso2Code: 'DE',
        company: null,
        phone: null,
      },
      isDefaultShipping: null,
      isDefaultBilling: false,
    });
  });
});
