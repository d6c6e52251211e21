import { describe, expect, it } from 'vitest';
import { GENERATED_PASSWORD_HASH, generateCustomers, mailName } from './generated-customers';
import { verifyPassword } from '../../platform/passwords';

describe('generateCustomers', () => {
  it('numbers the customers from the first id, with DE--<id> references', () => {
    const customers = generateCustomers(3, 22);
    expect(customers.map((c) => [c.id, c.reference])).toEqual([
      [22, 'DE--22'],
      [23, 'DE--23'],
      [24, 'DE--24'],
    ]);
  });

  it('is deterministic, and a longer run starts with a shorter one', () => {
    expect(generateCustomers(500, 22)).toEqual(generateCustomers(500, 22));
    expect(generateCustomers(1000, 22).slice(0, 500)).toEqual(generateCustomers(500, 22));
  });

  it('varies names, e-mail patterns and domains, and keeps e-mails ASCII and unique', () => {
    const customers = generateCustomers(5000, 22);
    const distinct = (values: string[]): number => new Set(values).size;
    expect(distinct(customers.map((c) => c.firstName))).toBeGreaterThan(120);
    expect(distinct(customers.map((c) => c.lastName))).toBeGreaterThan(120);
    expect(distinct(customers.map((c) => c.email.split('@')[1] ?? ''))).toBeGreaterThan(15);
    expect(customers.some((c) => /[^\x20-\x7e]/.test(c.lastName))).toBe(true);
    expect(distinct(customers.map((c) => c.email.toLowerCase()))).toBe(5000);
    for (const customer of customers) {
      expect(customer.email).toMatch(/^[a-z0-9._]+@[a-z0-9.-]+\.[a-z]+$/);
    }
  });

  it('gives each customer a salutation and gender that agree, and Spryker timestamps', () => {
    for (const customer of generateCustomers(300, 22)) {
      expect(customer.salutation).toMatch(customer.gender === 'Male' ? /^Mr$/ : /^Mrs?$|^Ms$/);
      expect(customer.createdAt).toMatch(/^20\d\d-\d\d-\d\d \d\d:\d\d:\d\d\.000000$/);
      if (customer.dateOfBirth !== null) expect(customer.dateOfBirth).toMatch(/^\d{4}-\d\d-\d\d$/);
    }
  });

  it('steers clear of reserved e-mails in any letter case', () => {
    const [first] = generateCustomers(1, 22);
    const email = first?.email ?? '';
    const [again] = generateCustomers(1, 22, [email.toUpperCase()]);
    expect(again?.email).not.toBe(email);
    expect(again?.email.replace(/2@/, '@')).toBe(email);
  });

  it('shares one hash, of the demo password change123', async () => {
    expect(new Set(generateCustomers(50, 22).map((c) => c.passwordHash))).toEqual(
      new Set([GENERATED_PASSWORD_HASH]),
    );
    expect(await verifyPassword(GENERATED_PASSWORD_HASH, 'change123')).toBe(true);
  });
});

describe('mailName', () => {
  it.each([
    ['Müller', 'mueller'],
    ['Schäfer', 'schaefer'],
    ["O'Brien", 'obrien'],
    ['de Vries', 'devries'],
    ['Łukasz', 'lukasz'],
    ['Yılmaz', 'yilmaz'],
    ['Şahin', 'sahin'],
    ['Dvořák', 'dvorak'],
    ['Zoë', 'zoe'],
  ])('spells %s as %s', (name, expected) => {
    expect(mailName(name)).toBe(expected);
  });
});
