import { describe, expect, it } from 'vitest';
import { DUMMY_BCRYPT_HASH, DUMMY_SCRYPT_HASH, hashPassword, verifyPassword } from './passwords';

const SPRYKER_HASH = '$2y$10$BfK63PmaH/mYpHNfVjCIIuDwnMM.q2ZyjzUAjZTXPmAEiXPoqsXdy';

describe('passwords', () => {
  it('checks Spryker’s $2y$ bcrypt hashes', async () => {
    expect(await verifyPassword(SPRYKER_HASH, 'change123')).toBe(true);
    expect(await verifyPassword(SPRYKER_HASH, 'change124')).toBe(false);
  });

  it('hashes with scrypt, a fresh salt each time, and checks the result', async () => {
    const first = await hashPassword('change123');
    const second = await hashPassword('change123');
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('change123');
    expect(await verifyPassword(first, 'change123')).toBe(true);
    expect(await verifyPassword(first, 'Change123')).toBe(false);
    expect(await verifyPassword(first, '')).toBe(false);
  });

  it('refuses everything against the dummy hashes', async () => {
    for (const plain of ['', 'change123', 'x'.repeat(10_000)]) {
      expect(await verifyPassword(DUMMY_SCRYPT_HASH, plain)).toBe(false);
      expect(await verifyPassword(DUMMY_BCRYPT_HASH, plain)).toBe(false);
    }
  });

  it.each([
    '',
    'change123',
    'scrypt$16384$8$1$$',
    'scrypt$1000$8$1$c2FsdA==$aGFzaA==',
    'scrypt$1073741824$8$1$c2FsdA==$aGFzaA==',
    'scrypt$16384$8$1$c2FsdA==',
    'md5$abc',
  ])('refuses, without throwing, a stored value of %j', async (stored) => {
    expect(await verifyPassword(stored, 'change123')).toBe(false);
  });
});
