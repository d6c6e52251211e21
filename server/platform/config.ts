export interface GlueConfig {
  port: number;
  dbPath: string;
  publicUrl: string | null;
  corsOrigins: string[];
  accessTokenTtl: number;
  refreshTokenTtl: number;
  lockoutAttempts: number;
  lockoutBlockSeconds: number;
  lockoutTtlSeconds: number;
  /**
   * GLUE_SEED_CUSTOMERS: how many generated customers (DE--22 onwards, password change123) to add
   * after the 21 demo customers when a new database is created; 0 to 1,000,000, default 0.
   * Deterministic: the same number gives the same customers. An existing database is left as is.
   */
  seedCustomers: number;
}

export const MAX_SEED_CUSTOMERS = 1_000_000;

export const defaultGlueConfig: GlueConfig = {
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
};

function readInteger(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}".`);
  }
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}".`);
  }
  return value;
}

/** Accepts an http(s) URL and returns it without a trailing slash, so links join with one "/". */
export function normalizePublicUrl(value: string, name = 'GLUE_PUBLIC_URL'): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL, got "${value}".`);
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.search !== '' ||
    url.hash !== ''
  ) {
    throw new Error(
      `${name} must be an absolute http(s) URL without query or fragment, got "${value}".`,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function readOrigins(env: NodeJS.ProcessEnv, name: string, fallback: string[]): string[] {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((origin) => {
      const parsed = URL.canParse(origin) ? new URL(origin) : null;
      // Browsers send the bare origin, so anything with a path or a slash would never match.
      if (parsed === null || parsed.origin !== origin) {
        throw new Error(`${name} must list origins like http://localhost:5173, got "${origin}".`);
      }
      return origin;
    });
}

export function readGlueConfig(env: NodeJS.ProcessEnv = process.env): GlueConfig {
  const d = defaultGlueConfig;
  const dbPath = env.GLUE_DB?.trim();
  const publicUrl = env.GLUE_PUBLIC_URL?.trim();
  const maxSeconds = 10 * 365 * 24 * 3600;
  return {
    port: readInteger(env, 'GLUE_PORT', d.port, 0, 65535),
    dbPath: dbPath === undefined || dbPath === '' ? d.dbPath : dbPath,
    publicUrl:
      publicUrl === undefined || publicUrl === '' ? d.publicUrl : normalizePublicUrl(publicUrl),
    corsOrigins: readOrigins(env, 'GLUE_CORS_ORIGINS', d.corsOrigins),
    accessTokenTtl: readInteger(env, 'GLUE_ACCESS_TOKEN_TTL', d.accessTokenTtl, 1, maxSeconds),
    refreshTokenTtl: readInteger(env, 'GLUE_REFRESH_TOKEN_TTL', d.refreshTokenTtl, 1, maxSeconds),
    lockoutAttempts: readInteger(env, 'GLUE_LOCKOUT_ATTEMPTS', d.lockoutAttempts, 1, 1_000_000),
    lockoutBlockSeconds: readInteger(
      env,
      'GLUE_LOCKOUT_BLOCK_SECONDS',
      d.lockoutBlockSeconds,
      1,
      maxSeconds,
    ),
    lockoutTtlSeconds: readInteger(
      env,
      'GLUE_LOCKOUT_TTL_SECONDS',
      d.lockoutTtlSeconds,
      1,
      maxSeconds,
    ),
    seedCustomers: readInteger(env, 'GLUE_SEED_CUSTOMERS', d.seedCustomers, 0, MAX_SEED_CUSTOMERS),
  };
}
