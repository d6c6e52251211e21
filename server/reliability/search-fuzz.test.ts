import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeTestGlue, signInAgent } from '../platform/test-support';
import type { TestGlue } from '../platform/test-support';

// Generated customers beside the 21 demo ones: more names, some with letters beyond ASCII.
const GENERATED = 500;
const BASE = 'http://glue.test/agent-customer-search';

interface Customer {
  reference: string;
  fields: string[];
}

const scratch = mkdtempSync(join(tmpdir(), 'glue-search-fuzz-'));
let t: TestGlue;
let agent: Record<string, string>;
let customers: Customer[] = [];

beforeAll(async () => {
  // A new file, so the seed runs with the generated customers (a copy of the template has none).
  t = await makeTestGlue({ dbPath: join(scratch, 'search.sqlite'), seedCustomers: GENERATED });
  agent = bearer((await signInAgent(t)).accessToken);
  customers = t.glue.db
    .prepare<[], { reference: string; email: string; first: string; last: string }>(
      `SELECT customer_reference AS reference, email, first_name AS first, last_name AS last
       FROM customers ORDER BY id`,
    )
    .all()
    .map(({ reference, email, first, last }) => ({ reference, fields: [email, first, last] }));
});

afterAll(() => {
  t.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** §3.2 read literally: a substring of e-mail or a name in any case, or the whole reference. */
function oracle(q: string): string[] {
  if (q === '') return customers.map((customer) => customer.reference);
  const lower = q.toLowerCase();
  return customers
    .filter(
      ({ reference, fields }) =>
        fields.some((field) => field.toLowerCase().includes(lower)) ||
        reference.toLowerCase() === lower,
    )
    .map((customer) => customer.reference);
}

/** The §1 page links for the raw query `q=…` and the page asked for. */
function expectedLinks(rawQ: string, total: number, offset: number, limit: number): unknown {
  const self = `${BASE}?${rawQ}&page[offset]=${offset}&page[limit]=${limit}`;
  if (total === 0) return { self };
  const link = (at: number): string => `${BASE}?${rawQ}&page[offset]=${at}&page[limit]=${limit}`;
  return {
    self,
    last: link(limit * (Math.ceil(total / limit) - 1)),
    first: link(0),
    ...(offset > 0 ? { prev: link(Math.max(offset - limit, 0)) } : {}),
    ...(offset + limit < total ? { next: link(offset + limit) } : {}),
  };
}

const flipCase = (text: string, flips: boolean[]): string =>
  [...text].map((char, i) => (flips[i] === true ? char.toUpperCase() : char)).join('');

/** What an agent types: part of someone's name or e-mail, a reference, or something odd. */
const query = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({
        who: fc.nat(),
        field: fc.nat({ max: 2 }),
        start: fc.nat({ max: 30 }),
        length: fc.integer({ min: 1, max: 8 }),
        flips: fc.array(fc.boolean(), { maxLength: 8 }),
      })
      .map(({ who, field, start, length, flips }) => {
        const text = customers[who % customers.length]?.fields[field] ?? '';
        const from = start % Math.max(text.length, 1);
        return flipCase(text.slice(from, from + length), flips);
      }),
  },
  fc
    .tuple(
      fc.integer({ min: 1, max: 21 + GENERATED + 30 }),
      fc.constantFrom('DE--', 'de--', 'De--', 'E--', '--'),
    )
    .map(([n, prefix]) => `${prefix}${n}`),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 }),
  fc.constantFrom(
    '',
    ' ',
    '@',
    '.',
    '"',
    '*',
    '%',
    '_',
    "'",
    'a"b',
    '\\',
    'ü',
    'Ü',
    'ı',
    'ß',
    '🙂',
  ),
);

describe('GET /agent-customer-search against the contract, for any q and page', () => {
  it('answers exactly the matching customers, in id order, with §1 page links', async () => {
    expect(customers.length).toBe(21 + GENERATED);
    await fc.assert(
      fc.asyncProperty(
        query,
        fc.nat({ max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        async (q, offset, limit) => {
          // The query as the server receives it: the URL parser escapes a few more characters.
          const rawQ = new URL(`${BASE}?q=${encodeURIComponent(q)}`).search.slice(1);
          const response = await t.send(
            'GET',
            `/agent-customer-search?${rawQ}&page[offset]=${offset}&page[limit]=${limit}`,
            { headers: agent },
          );
          expect(response.status).toBe(200);
          const body = (await response.json()) as {
            data: { attributes: { customers: { customerReference: string }[] } }[];
            links: unknown;
          };
          const all = oracle(q);
          const found = body.data[0]?.attributes.customers.map((c) => c.customerReference);
          expect({ q, found }).toEqual({ q, found: all.slice(offset, offset + limit) });
          expect(body.links).toEqual(expectedLinks(rawQ, all.length, offset, limit));
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
