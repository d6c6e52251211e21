import { createContext, useContext } from 'react';
import * as z from 'zod/mini';
import { message } from '../i18n/translate';
import { ConfigurationError } from './glue-errors';

/** Spryker's price modes: what a new cart's prices include. */
export const PRICE_MODES = ['GROSS_MODE', 'NET_MODE'] as const;
export type PriceMode = (typeof PRICE_MODES)[number];

/** How a session as a customer starts: looking only, or ready to change the account. */
export const START_MODES = ['view', 'change'] as const;

/** Spryker's default refresh-token lifetime (about a month), in seconds. */
export const DEFAULT_REFRESH_TOKEN_LIFETIME_SECONDS = 2_628_000;

const runtimeConfigSchema = z.object({
  glueBaseUrl: z.url(),
  requireReason: z.optional(z.boolean()),
  idleMinutes: z.optional(z.number().check(z.positive())),
  refreshTokenLifetimeSeconds: z.optional(z.number().check(z.positive())),
  store: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]+$/))),
  priceMode: z.optional(z.enum(PRICE_MODES)),
  startMode: z.optional(z.enum(START_MODES)),
});

export interface RuntimeConfig {
  /** Where Glue lives, without a trailing slash. */
  glueBaseUrl: string;
  /** Whether the agent must give a reason before acting as a customer (default true). */
  requireReason: boolean;
  /** Minutes without agent activity after which a customer session ends (default 15). */
  idleMinutes: number;
  /**
   * How long a refresh token lives at this Glue: its token answers say only how long the access
   * token lives, so the console is told (default: Spryker's, 2,628,000 s).
   */
  refreshTokenLifetimeSeconds: number;
  /**
   * The store new carts are made in, one of those GET /stores answers; null: the first it
   * answers (the console sends no Store header, so Glue serves its default store).
   */
  store: string | null;
  /** The price mode of new carts (default gross: prices include tax). */
  priceMode: PriceMode;
  /** The mode a session as a customer starts in (default view: nothing can change until the agent says so). */
  startMode: (typeof START_MODES)[number];
}

/** Path of the file that tells one build which Glue to talk to, and how to behave. */
export const RUNTIME_CONFIG_PATH = '/glue-config.json';

export async function loadRuntimeConfig(fetchImpl: typeof fetch = fetch): Promise<RuntimeConfig> {
  let body: unknown;
  try {
    const response = await fetchImpl(RUNTIME_CONFIG_PATH, { cache: 'no-store' });
    if (!response.ok) throw new Error(`it answered ${response.status}`);
    body = await response.json();
  } catch (error) {
    throw new ConfigurationError(
      message('config.unreadable', {
        path: RUNTIME_CONFIG_PATH,
        detail: error instanceof Error ? error.message : String(error),
      }),
    );
  }
  return parseRuntimeConfig(body);
}

export function parseRuntimeConfig(body: unknown): RuntimeConfig {
  const parsed = runtimeConfigSchema.safeParse(body);
  if (!parsed.success) {
    throw new ConfigurationError(message('config.invalid', { path: RUNTIME_CONFIG_PATH }));
  }
  const config = parsed.data;
  return {
    glueBaseUrl: config.glueBaseUrl.replace(/\/+$/, ''),
    requireReason: config.requireReason ?? true,
    idleMinutes: config.idleMinutes ?? 15,
    refreshTokenLifetimeSeconds:
      config.refreshTokenLifetimeSeconds ?? DEFAULT_REFRESH_TOKEN_LIFETIME_SECONDS,
    store: config.store ?? null,
    priceMode: config.priceMode ?? 'GROSS_MODE',
    startMode: config.startMode ?? 'view',
  };
}

export const RuntimeConfigContext = createContext<RuntimeConfig | null>(null);

export function useRuntimeConfig(): RuntimeConfig {
  const config = useContext(RuntimeConfigContext);
  if (!config) throw new Error('useRuntimeConfig needs the AppProvider');
  return config;
}
