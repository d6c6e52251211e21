/**
 * The servers bench/throughput.ts loads with autocannon, in a process of their own so the load
 * generator does not steal their event loop: a bare node:http floor and a stand-in with 100,000
 * customers. Also measures, here in the same process, what bounds a sign-in: RS256 signatures
 * per second and password checks per second. Prints one JSON line (Targets) on stdout, then runs
 * until stdin closes or SIGTERM.
 *
 *   node --import tsx bench/targets.ts
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SignJWT, jwtVerify } from 'jose';
import { CustomerSearch } from '../server/features/agents/customer-search';
import { startGlue } from '../server/glue';
import { verifyPassword } from '../server/platform/passwords';
import { agentGrant, encodeSubject, loadOrCreateSigningKeys } from '../server/platform/tokens';
import {
  AGENT,
  BENCH_QUERY,
  BENCH_SKU,
  addItem,
  createCart,
  overHttp,
  signIn,
} from './glue-client';
import { CONCURRENCY, ratePerSecond } from './stats';

// Only types are exported: importing a value from here would start the servers.
const TARGET_CUSTOMERS = 100_000;
const CART_CUSTOMER = { username: 'sonia@acme.com', password: 'change123' };
const RATE_SECONDS = 2.5;

export interface Targets {
  floorUrl: string;
  glueUrl: string;
  customers: number;
  openSeconds: number;
  agentToken: string;
  customerToken: string;
  /** POST /carts as Sonia: 201 with an id once carts exist, 404 while the endpoint is missing. */
  cart: { createStatus: number; id: string | null; addItemStatus: number | null };
  rs256SignsPerSecond: number;
  /** What every authenticated request pays first: one RS256 verification. */
  rs256VerifiesPerSecond: number;
  /** CustomerSearch.search('mar') alone, first page: the query behind benchmark (b). */
  searchesPerSecond: number;
  passwordChecksPerSecond: number;
  /** "scrypt N=16384 r=8 p=1" or "bcrypt cost 10": what the agent's stored hash costs. */
  passwordHash: string;
}

/** The floor: the least any Node HTTP server can do, a fixed small JSON answer. */
function startFloor(): Promise<{ url: string; close: () => void }> {
  const body = JSON.stringify({ data: { type: 'ping', id: '1', attributes: { ok: true } } });
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => {
          server.close();
          server.closeAllConnections();
        },
      });
    });
  });
}

function describeHash(hash: string): string {
  const scrypt = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$/.exec(hash);
  if (scrypt) return `scrypt N=${scrypt[1]} r=${scrypt[2]} p=${scrypt[3]}`;
  const bcrypt = /^\$2[abxy]\$(\d+)\$/.exec(hash);
  return bcrypt ? `bcrypt cost ${Number(bcrypt[1])}` : 'unknown';
}

const floor = await startFloor();
const started = performance.now();
const glue = await startGlue({ port: 0, dbPath: ':memory:', seedCustomers: TARGET_CUSTOMERS });
const openSeconds = (performance.now() - started) / 1000;

let stopping = false;
async function stop(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  floor.close();
  await glue.close();
  process.exit(code);
}
// Stops with its parent: stdin closes when run.ts ends, however it ends.
process.stdin.on('end', () => void stop());
process.stdin.on('close', () => void stop());
process.stdin.resume();
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

try {
  const send = overHttp(glue.url);
  const db = glue.glue.db;
  const customers = db.prepare<[], number>('SELECT count(*) FROM customers').pluck().get() ?? 0;
  const agentToken = await signIn(send, 'agent', AGENT.username, AGENT.password);
  const customerToken = await signIn(
    send,
    'customer',
    CART_CUSTOMER.username,
    CART_CUSTOMER.password,
  );
  const created = await createCart(send, customerToken, 'bench');
  const addItemStatus =
    created.id === null ? null : await addItem(send, customerToken, created.id, BENCH_SKU, 1);

  // The stand-in's own key and claim shape: exactly the signature a sign-in makes.
  const { privateKey, publicKey } = await loadOrCreateSigningKeys(db);
  const sub = encodeSubject(agentGrant(1).subject);
  const sign = (): Promise<string> => {
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      aud: 'frontend',
      jti: randomUUID(),
      iat: now,
      nbf: now,
      exp: now + 28800,
      sub,
      scopes: ['agent'],
    };
    return new SignJWT(payload).setProtectedHeader({ typ: 'JWT', alg: 'RS256' }).sign(privateKey);
  };
  const rs256SignsPerSecond = await ratePerSecond(sign, RATE_SECONDS, CONCURRENCY);

  // The same checks as Tokens.verify, on the agent's real token.
  const rs256VerifiesPerSecond = await ratePerSecond(
    () =>
      jwtVerify(agentToken, publicKey, {
        algorithms: ['RS256'],
        audience: 'frontend',
        typ: 'JWT',
        requiredClaims: ['jti', 'iat', 'nbf', 'exp', 'sub'],
      }),
    RATE_SECONDS,
    CONCURRENCY,
  );
  const search = new CustomerSearch(db);
  const searchesPerSecond = await ratePerSecond(
    () => Promise.resolve(search.search(BENCH_QUERY, { offset: 0, limit: 10 })),
    RATE_SECONDS,
    1,
  );

  const storedHash = db
    .prepare<[string], string>('SELECT password_hash FROM users WHERE username = ?')
    .pluck()
    .get(AGENT.username);
  if (storedHash === undefined) throw new Error(`${AGENT.username} is not in the users table`);
  if (!(await verifyPassword(storedHash, AGENT.password))) {
    throw new Error(`The stored hash of ${AGENT.username} does not match its password`);
  }
  const passwordChecksPerSecond = await ratePerSecond(
    () => verifyPassword(storedHash, AGENT.password),
    RATE_SECONDS,
    CONCURRENCY,
  );

  const targets: Targets = {
    floorUrl: floor.url,
    glueUrl: glue.url,
    customers,
    openSeconds,
    agentToken,
    customerToken,
    cart: { createStatus: created.status, id: created.id, addItemStatus },
    rs256SignsPerSecond,
    rs256VerifiesPerSecond,
    searchesPerSecond,
    passwordChecksPerSecond,
    passwordHash: describeHash(storedHash),
  };
  process.stdout.write(`${JSON.stringify(targets)}\n`);
} catch (error) {
  console.error(`bench targets: ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
}
