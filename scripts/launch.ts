import { readGlueConfig } from '../server/platform/config';
import { startGlue, type RunningGlue } from '../server/glue';
import { isPriceMode } from '../server/platform/pricing';

export interface GlueTarget {
  /** Where the console sends its requests. */
  glueBaseUrl: string;
  /** The stand-in, when this process runs one (absent with GLUE_URL). */
  standIn?: RunningGlue;
  /** The console's settings beside glueBaseUrl in /glue-config.json. */
  settings: Record<string, unknown>;
}

/**
 * Starts the Glue stand-in beside the console, or uses an outside Glue when GLUE_URL is set.
 * The console's own origin is added to the stand-in's CORS origins.
 */
export async function launchGlue(consoleOrigin: string, env = process.env): Promise<GlueTarget> {
  const config = readGlueConfig(env);
  const settings = readConsoleSettings(env, config.refreshTokenTtl);
  if (env.GLUE_URL) {
    return { glueBaseUrl: new URL(env.GLUE_URL).href.replace(/\/+$/, ''), settings };
  }
  const corsOrigins = config.corsOrigins.includes(consoleOrigin)
    ? config.corsOrigins
    : [...config.corsOrigins, consoleOrigin];
  const standIn = await startGlue({ ...config, corsOrigins });
  return { glueBaseUrl: standIn.url, standIn, settings };
}

/**
 * CONSOLE_REQUIRE_REASON (true/false), CONSOLE_IDLE_MINUTES, CONSOLE_STORE,
 * CONSOLE_PRICE_MODE and CONSOLE_START_MODE (view/change), plus the refresh-token lifetime (GLUE_REFRESH_TOKEN_TTL: the stand-in's,
 * or what the outside Glue is known to use).
 */
export function readConsoleSettings(
  env: NodeJS.ProcessEnv,
  refreshTokenLifetimeSeconds: number,
): Record<string, unknown> {
  const settings: Record<string, unknown> = { refreshTokenLifetimeSeconds };
  const requireReason = env.CONSOLE_REQUIRE_REASON;
  if (requireReason !== undefined && requireReason !== '') {
    if (requireReason !== 'true' && requireReason !== 'false') {
      throw new Error(`CONSOLE_REQUIRE_REASON must be true or false, not "${requireReason}".`);
    }
    settings.requireReason = requireReason === 'true';
  }
  const idle = env.CONSOLE_IDLE_MINUTES;
  if (idle !== undefined && idle !== '') {
    const minutes = Number(idle);
    if (!Number.isFinite(minutes) || minutes <= 0) {
      throw new Error(`CONSOLE_IDLE_MINUTES must be a positive number of minutes, not "${idle}".`);
    }
    settings.idleMinutes = minutes;
  }
  const store = env.CONSOLE_STORE;
  if (store !== undefined && store !== '') {
    if (!/^[A-Za-z0-9_-]+$/.test(store)) {
      throw new Error(`CONSOLE_STORE must be a store name such as DE, not "${store}".`);
    }
    settings.store = store;
  }
  const priceMode = env.CONSOLE_PRICE_MODE;
  if (priceMode !== undefined && priceMode !== '') {
    if (!isPriceMode(priceMode)) {
      throw new Error(`CONSOLE_PRICE_MODE must be GROSS_MODE or NET_MODE, not "${priceMode}".`);
    }
    settings.priceMode = priceMode;
  }
  const startMode = env.CONSOLE_START_MODE;
  if (startMode !== undefined && startMode !== '') {
    if (startMode !== 'view' && startMode !== 'change') {
      throw new Error(`CONSOLE_START_MODE must be view or change, not "${startMode}".`);
    }
    settings.startMode = startMode;
  }
  return settings;
}

export function readConsolePort(env = process.env, fallback: number): number {
  const raw = env.CONSOLE_PORT;
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`CONSOLE_PORT must be a port number (0-65535), not "${raw}".`);
  }
  return port;
}

/** Runs `stop` once on Ctrl-C or SIGTERM, then exits. */
export function stopOnSignal(stop: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

export function printBanner(consoleUrl: string, target: GlueTarget): void {
  const glue = target.standIn
    ? `Glue stand-in at ${target.glueBaseUrl} (database ${target.standIn.glue.config.dbPath})`
    : `Glue at ${target.glueBaseUrl}`;
  console.log(`\n  Agent Assist console: ${consoleUrl}\n  ${glue}`);
  if (target.standIn) console.log('  Demo agent: admin@spryker.com / change123');
  console.log('  Press Ctrl-C to stop.\n');
}
