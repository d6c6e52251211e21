/**
 * Requests per second and latency of the stand-in against the floor (a bare node:http server),
 * with autocannon here and the servers in a child process (bench/targets.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { AGENT, BENCH_QUERY, BENCH_SKU, JSON_API, agentSignInBody, itemBody } from './glue-client';
import { CONCURRENCY } from './stats';
import type { Targets } from './targets';

const WARM_UP_SECONDS = 1;
const MEASURE_SECONDS = 5;
// Seeding 100,000 customers plus two 2.5 s rate loops; far more means something hangs.
const TARGETS_START_TIMEOUT_MS = 120_000;

export interface Load {
  /** Every answer, whatever its status. */
  requestsPerSecond: number;
  /** 2xx answers only: what the endpoint got done. */
  okPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** How many answers had each status code. */
  statusCodes: Record<string, number>;
}

export interface Throughput {
  customers: number;
  openSeconds: number;
  floor: Load;
  search: Load;
  signIn: Load;
  /** null while POST /carts/{id}/items is missing; `missing` says what answered 404. */
  addItem: Load | null;
  missing: string | null;
  rs256SignsPerSecond: number;
  rs256VerifiesPerSecond: number;
  searchesPerSecond: number;
  passwordChecksPerSecond: number;
  passwordHash: string;
}

type LoadOptions = Pick<autocannon.Options, 'url' | 'method' | 'headers' | 'body'>;

async function load(options: LoadOptions): Promise<Load> {
  const run = (duration: number) =>
    autocannon({ ...options, connections: CONCURRENCY, duration, timeout: 10 });
  await run(WARM_UP_SECONDS);
  const result = await run(MEASURE_SECONDS);
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
    statusCodes[code] = stat.count ?? 0;
  }
  return {
    requestsPerSecond: result.requests.total / result.duration,
    okPerSecond: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

/** Starts bench/targets.ts with tsx and reads its one JSON line. */
async function startTargets(): Promise<{ child: ChildProcess; targets: Targets }> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/targets.ts'], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('bench/targets.ts did not start in time')),
        TARGETS_START_TIMEOUT_MS,
      );
      lines.once('line', (first) => {
        clearTimeout(timer);
        resolve(first);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`bench/targets.ts exited with ${code ?? 'a signal'} before it was ready`));
      });
    });
    return { child, targets: JSON.parse(line) as Targets };
  } catch (error) {
    await stopTargets(child);
    throw error;
  }
}

/** Closes its stdin (it stops itself), then SIGTERM, then SIGKILL if it still runs. */
async function stopTargets(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  const within = (ms: number) =>
    Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(r, ms, false))]);
  child.stdin?.end();
  if (await within(5_000)) return;
  child.kill('SIGTERM');
  if (await within(5_000)) return;
  child.kill('SIGKILL');
  await exited;
}

export async function measureThroughput(): Promise<Throughput> {
  const { child, targets } = await startTargets();
  try {
    const json = { 'Content-Type': JSON_API, Accept: JSON_API };
    const floor = await load({ url: `${targets.floorUrl}/` });
    const search = await load({
      url: `${targets.glueUrl}/agent-customer-search?q=${BENCH_QUERY}`,
      headers: { Authorization: `Bearer ${targets.agentToken}` },
    });
    const signIn = await load({
      url: `${targets.glueUrl}/agent-access-tokens`,
      method: 'POST',
      headers: json,
      body: agentSignInBody(AGENT.username, AGENT.password),
    });
    const { cart } = targets;
    const missing =
      cart.createStatus === 404
        ? 'POST /carts answered 404'
        : cart.addItemStatus === 404
          ? 'POST /carts/{id}/items answered 404'
          : null;
    if (missing === null && (cart.id === null || cart.addItemStatus !== 201)) {
      throw new Error(
        `setting up the cart failed: POST /carts ${cart.createStatus}, ` +
          `POST /carts/{id}/items ${cart.addItemStatus ?? '-'}`,
      );
    }
    const addItem =
      missing !== null || cart.id === null
        ? null
        : await load({
            url: `${targets.glueUrl}/carts/${encodeURIComponent(cart.id)}/items`,
            method: 'POST',
            headers: { ...json, Authorization: `Bearer ${targets.customerToken}` },
            body: itemBody(BENCH_SKU, 1),
          });
    return {
      customers: targets.customers,
      openSeconds: targets.openSeconds,
      floor,
      search,
      signIn,
      addItem,
      missing,
      rs256SignsPerSecond: targets.rs256SignsPerSecond,
      rs256VerifiesPerSecond: targets.rs256VerifiesPerSecond,
      searchesPerSecond: targets.searchesPerSecond,
      passwordChecksPerSecond: targets.passwordChecksPerSecond,
      passwordHash: targets.passwordHash,
    };
  } finally {
    await stopTargets(child);
  }
}
