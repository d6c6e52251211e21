/**
 * How fast the agent's customer search is with many customers: builds in-memory stand-ins with
 * GLUE_SEED_CUSTOMERS-style generated customers and prints p50/p95 per kind of query, for the
 * search alone and for a whole GET /agent-customer-search (token check and JSON included).
 *
 *   npx tsx server/search-timing.ts            # 10,000 and 100,000 customers
 *   npx tsx server/search-timing.ts 250000     # any sizes
 *
 * Not a test: numbers depend on the machine. The contract for them is in the report of the
 * issue that added the search (p95 < 5 ms at 100,000 customers, growth far below linear).
 */
import { performance } from 'node:perf_hooks';
import { createGlue } from './glue';
import type { Glue } from './glue';
import { CustomerSearch } from './customer-search';

const KINDS: Record<string, (size: number) => string[]> = {
  // The start of a name or an e-mail, as an agent types it.
  prefix: () => ['mar', 'schm', 'anna', 'sophie.m', 'jür', 'wagner', 'lukas.', 'o.bri'],
  substring: () => ['ller', 'chmid', 'gmail', 'ielsen', 'rtín', '.de', 'son@', 'x.net'],
  'no match': () => ['zzqxj', 'qqq', 'xylophone', 'müllerx', 'abcdefgh', 'zq@x', '@@', 'jjj'],
  'exact reference': (size) =>
    [1, 21, 22, 500, size / 2, size - 7, size].map((id, i) =>
      i % 2 === 0 ? `DE--${Math.floor(id)}` : `de--${Math.floor(id)}`,
    ),
  '1–2 characters': () => ['a', 'e', 'ma', 'ü', 'z', 'qq', '.', 'ch'],
  'no q (all)': () => [''],
};

const RUNS_PER_QUERY = 60;

interface Timing {
  p50: number;
  p95: number;
  max: number;
}

function percentiles(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}

async function timeAsync(queries: string[], run: (q: string) => Promise<unknown>): Promise<Timing> {
  for (const q of queries) await run(q);
  const samples: number[] = [];
  for (let round = 0; round < RUNS_PER_QUERY; round++) {
    for (const q of queries) {
      const start = performance.now();
      await run(q);
      samples.push(performance.now() - start);
    }
  }
  return percentiles(samples);
}

function format(timing: Timing): string {
  return `p50 ${timing.p50.toFixed(3)} ms  p95 ${timing.p95.toFixed(3)} ms  max ${timing.max.toFixed(3)} ms`;
}

async function agentToken(glue: Glue): Promise<string> {
  const response = await glue.app.request('http://glue.test/agent-access-tokens', {
    method: 'POST',
    body: JSON.stringify({
      data: {
        type: 'agent-access-tokens',
        attributes: { username: 'admin@spryker.com', password: 'change123' },
      },
    }),
  });
  const body = (await response.json()) as { data: { attributes: { accessToken: string } } };
  return body.data.attributes.accessToken;
}

async function measure(size: number): Promise<void> {
  const started = performance.now();
  const glue = await createGlue({ dbPath: ':memory:', seedCustomers: size });
  const opened = performance.now() - started;
  try {
    const total = glue.db.prepare<[], number>('SELECT count(*) FROM customers').pluck().get();
    console.log(
      `\n${size.toLocaleString('en')} generated customers (${total?.toLocaleString('en')} in all): ` +
        `database created, seeded and indexed in ${(opened / 1000).toFixed(2)} s`,
    );
    const search = new CustomerSearch(glue.db);
    const token = await agentToken(glue);
    const headers = { 'X-Agent-Authorization': `Bearer ${token}` };
    for (const [kind, queriesOf] of Object.entries(KINDS)) {
      const queries = queriesOf(size);
      const direct = await timeAsync(queries, (q) =>
        Promise.resolve(search.search(q, { offset: 0, limit: 10 })),
      );
      const request = await timeAsync(queries, async (q) => {
        const query = q === '' ? '' : `q=${encodeURIComponent(q)}&`;
        const response = await glue.app.request(
          `http://glue.test/agent-customer-search?${query}page[offset]=0&page[limit]=10`,
          { headers },
        );
        if (response.status !== 200) throw new Error(`${q}: ${response.status}`);
        await response.text();
      });
      const matches = queries.map((q) => search.search(q, { offset: 0, limit: 1 }).total);
      console.log(`  ${kind.padEnd(16)} matches ${matches.join('/')}`);
      console.log(`    search  ${format(direct)}`);
      console.log(`    request ${format(request)}`);
    }
  } finally {
    glue.close();
  }
}

const sizes = process.argv
  .slice(2)
  .map((arg) => Number(arg))
  .filter((n) => Number.isSafeInteger(n) && n >= 0);
for (const size of sizes.length > 0 ? sizes : [10_000, 100_000]) await measure(size);
