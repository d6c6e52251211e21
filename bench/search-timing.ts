/**
 * How fast the agent's customer search is with many customers: builds in-memory stand-ins with
 * GLUE_SEED_CUSTOMERS-style generated customers and measures p50/p95 per kind of query, for the
 * search alone and for a whole GET /agent-customer-search (token check and JSON included).
 *
 * The stand-in keeps recent answers until the database changes, so a query asked again times
 * the cache, not the search. Every query is therefore timed cold (the cache cleared through
 * CustomerSearch.clearCache before each, outside the timing; the database itself is in memory)
 * and, beside it, cached (the same query asked again, as an agent retyping it would). The agent's
 * token is the same throughout, as in a session, so its checked signature is remembered in both.
 * `npm run bench` (bench/run.ts) uses timeSearch; run alone, this file prints every kind:
 *
 *   npx tsx bench/search-timing.ts            # 10,000 and 100,000 customers
 *   npx tsx bench/search-timing.ts 250000     # any sizes
 *
 * Not a test: numbers depend on the machine. The contract for them is in the report of the
 * issue that added the search (p95 < 5 ms at 100,000 customers, growth far below linear).
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createGlue } from '../server/glue';
import { AGENT, inProcess, signIn } from './glue-client';
import { percentiles, type Percentiles } from './stats';

export const QUERIES = {
  // The start of a name or an e-mail, as an agent types it.
  prefix: () => ['mar', 'schm', 'anna', 'sophie.m', 'jür', 'wagner', 'lukas.', 'o.bri'],
  substring: () => ['ller', 'chmid', 'gmail', 'ielsen', 'rtín', '.de', 'son@', 'x.net'],
  'no match': () => ['zzqxj', 'qqq', 'xylophone', 'müllerx', 'abcdefgh', 'zq@x', '@@', 'jjj'],
  'exact reference': (size: number) =>
    [1, 21, 22, 500, size / 2, size - 7, size].map((id, i) =>
      i % 2 === 0 ? `DE--${Math.floor(id)}` : `de--${Math.floor(id)}`,
    ),
  '1–2 characters': () => ['a', 'e', 'ma', 'ü', 'z', 'qq', '.', 'ch'],
  'no q (all)': () => [''],
} satisfies Record<string, (size: number) => string[]>;

export type SearchKind = keyof typeof QUERIES;

/** The kinds the bench's table holds: what an agent types, and what finds nothing. */
export const BENCH_KINDS: readonly SearchKind[] = [
  'prefix',
  'substring',
  'no match',
  'exact reference',
];

const RUNS_PER_QUERY = 60;
// Untimed rounds first, so the first size measured does not pay for the JIT warming up.
const WARM_UP_ROUNDS = 10;

/** One way of asking, timed with the result cache cleared before each query and with it kept. */
export interface ColdAndCached {
  /** Every query a fresh search: the figure that says how fast the search is. */
  cold: Percentiles;
  /** Every query asked before: the figure of the stand-in's result cache. */
  cached: Percentiles;
}

export interface KindTiming {
  kind: SearchKind;
  /** Total matches of each query, to see what the timings are of. */
  matches: number[];
  /** CustomerSearch.search alone. */
  search: ColdAndCached;
  /** The whole GET /agent-customer-search through the app: token check, search, JSON. */
  request: ColdAndCached;
}

export interface SizeTiming {
  size: number;
  /** Customers in the database: the demo ones plus `size` generated ones. */
  customers: number;
  /** Seconds to create, seed and index the database. */
  openSeconds: number;
  kinds: KindTiming[];
}

/**
 * Times `run` over the queries, round after round; `beforeEach` runs untimed before every query
 * (clearing the cache makes every query cold).
 */
async function timeAsync(
  queries: string[],
  run: (q: string) => Promise<unknown>,
  beforeEach: () => void = () => undefined,
): Promise<Percentiles> {
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (const q of queries) {
      beforeEach();
      await run(q);
    }
  }
  const samples: number[] = [];
  for (let round = 0; round < RUNS_PER_QUERY; round++) {
    for (const q of queries) {
      beforeEach();
      const start = performance.now();
      await run(q);
      samples.push(performance.now() - start);
    }
  }
  return percentiles(samples);
}

async function timeColdAndCached(
  queries: string[],
  run: (q: string) => Promise<unknown>,
  clearCache: () => void,
): Promise<ColdAndCached> {
  const cold = await timeAsync(queries, run, clearCache);
  const cached = await timeAsync(queries, run);
  return { cold, cached };
}

/** Seeds an in-memory stand-in with `size` generated customers and times each kind of query. */
export async function timeSearch(
  size: number,
  kinds: readonly SearchKind[] = Object.keys(QUERIES) as SearchKind[],
): Promise<SizeTiming> {
  const started = performance.now();
  const glue = await createGlue({ dbPath: ':memory:', seedCustomers: size });
  const openSeconds = (performance.now() - started) / 1000;
  try {
    const customers = glue.db.prepare<[], number>('SELECT count(*) FROM customers').pluck().get();
    // The search the app's routes use, so clearing its cache makes the whole request cold too.
    const search = glue.customerSearch;
    const clearCache = () => search.clearCache();
    const firstPage = { offset: 0, limit: 10 };
    // Cold must be cold: a cleared cache answers with a new result, not the kept one.
    const kept = search.search('mar', firstPage);
    clearCache();
    if (search.search('mar', firstPage) === kept) throw new Error('clearCache kept an answer');
    const send = inProcess(glue);
    const token = await signIn(send, 'agent', AGENT.username, AGENT.password);
    const headers = { 'X-Agent-Authorization': `Bearer ${token}` };
    const timings: KindTiming[] = [];
    for (const kind of kinds) {
      const queries = QUERIES[kind](size);
      const direct = await timeColdAndCached(
        queries,
        (q) => Promise.resolve(search.search(q, firstPage)),
        clearCache,
      );
      const request = await timeColdAndCached(
        queries,
        async (q) => {
          const query = q === '' ? '' : `q=${encodeURIComponent(q)}&`;
          const response = await send(
            `/agent-customer-search?${query}page[offset]=0&page[limit]=10`,
            { headers },
          );
          if (response.status !== 200) throw new Error(`${q}: ${response.status}`);
          await response.text();
        },
        clearCache,
      );
      const matches = queries.map((q) => search.search(q, { offset: 0, limit: 1 }).total);
      timings.push({ kind, matches, search: direct, request });
    }
    return { size, customers: customers ?? 0, openSeconds, kinds: timings };
  } finally {
    glue.close();
  }
}

function format(timing: Percentiles): string {
  return `p50 ${timing.p50.toFixed(3)} ms  p95 ${timing.p95.toFixed(3)} ms  max ${timing.max.toFixed(3)} ms`;
}

function print(timing: SizeTiming): void {
  console.log(
    `\n${timing.size.toLocaleString('en')} generated customers ` +
      `(${timing.customers.toLocaleString('en')} in all): ` +
      `database created, seeded and indexed in ${timing.openSeconds.toFixed(2)} s`,
  );
  for (const kind of timing.kinds) {
    console.log(`  ${kind.kind.padEnd(16)} matches ${kind.matches.join('/')}`);
    console.log(`    search   cold   ${format(kind.search.cold)}`);
    console.log(`             cached ${format(kind.search.cached)}`);
    console.log(`    request  cold   ${format(kind.request.cold)}`);
    console.log(`             cached ${format(kind.request.cached)}`);
  }
}

// Run alone (not imported by run.ts): time the sizes named on the command line.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = process.argv
    .slice(2)
    .map((arg) => Number(arg))
    .filter((n) => Number.isSafeInteger(n) && n >= 0);
  for (const size of sizes.length > 0 ? sizes : [10_000, 100_000]) print(await timeSearch(size));
}
