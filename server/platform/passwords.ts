import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import bcrypt from 'bcryptjs';

// OWASP's minimum for scrypt; a verification takes a few tens of milliseconds.
const SCRYPT_COST = { N: 16384, r: 8, p: 1 } as const;
const SCRYPT_KEY_LENGTH = 64;
const SCRYPT_SALT_LENGTH = 16;

// Hashes of random, forgotten passwords: an unknown user costs as much time as a wrong password.
export const DUMMY_SCRYPT_HASH =
  'scrypt$16384$8$1$MJqZqMh2CzsedihrB7QgiQ==$gzQymRBAKBuyKue4Vlc3bMBgEB3A9uWdYpsUd3mHeRhBH8XSqUnCF3mGN7ogSdX93YSTWHxClf/I7ZX2WCBrOw==';
export const DUMMY_BCRYPT_HASH = '$2y$10$0aBZajXjxrQfGlHjFDXjz.XuBdYe7GvS6CYkhuSWG..kCY.feF5q2';

interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

function scryptAsync(
  password: string,
  salt: Buffer,
  length: number,
  cost: ScryptCost,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Node refuses above maxmem, so allow exactly what these parameters need plus headroom.
    const maxmem = 128 * cost.N * cost.r * cost.p + 32 * 1024 * 1024;
    scrypt(password, salt, length, { ...cost, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** `scrypt$N$r$p$saltB64$hashB64`, for the back-office users whose seed passwords are plain. */
export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(SCRYPT_SALT_LENGTH);
  const key = await scryptAsync(plain, salt, SCRYPT_KEY_LENGTH, SCRYPT_COST);
  const { N, r, p } = SCRYPT_COST;
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

function parseScryptHash(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : NaN));
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (N === undefined || r === undefined || p === undefined) return null;
  // Bounds keep a damaged row from asking for gigabytes of memory.
  const sane =
    N >= 2 && N <= 2 ** 20 && (N & (N - 1)) === 0 && r >= 1 && r <= 32 && p >= 1 && p <= 16;
  if (!sane || salt.length === 0 || key.length === 0) return null;
  return { cost: { N, r, p }, salt, key };
}

/** Checks a password against a stored bcrypt (`$2y$`, from Spryker) or scrypt hash. */
export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  if (/^\$2[abxy]\$/.test(stored)) {
    return bcrypt.compare(plain, stored);
  }
  const parsed = parseScryptHash(stored);
  if (parsed === null) return false;
  const key = await scryptAsync(plain, parsed.salt, parsed.key.length, parsed.cost);
  return timingSafeEqual(key, parsed.key);
}
