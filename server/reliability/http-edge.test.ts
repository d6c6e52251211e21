import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGlue } from '../glue';
import type { RunningGlue } from '../glue';
import { CART_ATTRIBUTES, CUSTOMER, freshDatabasePath, snapshot } from '../platform/test-support';
import type { TokenDocument } from '../platform/test-support';
import { LeakWatch } from './helpers';

// Bytes on a socket, for what fetch would never send: the HTTP layer in front of the app.
let running: RunningGlue;
const logLines: string[] = [];
const leaks = new LeakWatch();
let token = '';
let cartId = '';

beforeAll(async () => {
  running = await startGlue(
    { dbPath: await freshDatabasePath(), port: 0 },
    { log: (line) => logLines.push(line) },
  );
  const signIn = await fetch(`${running.url}/access-tokens`, {
    method: 'POST',
    body: JSON.stringify({ data: { type: 'access-tokens', attributes: CUSTOMER } }),
  });
  const pair = leaks.remember(((await signIn.json()) as TokenDocument).data.attributes);
  token = pair.accessToken;
  const cart = await fetch(`${running.url}/carts`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: JSON.stringify({ data: { type: 'carts', attributes: CART_ATTRIBUTES } }),
  });
  cartId = ((await cart.json()) as { data: { id: string } }).data.id;
});

afterAll(async () => {
  await running.close();
});

interface RawAnswer {
  status: number;
  contentType: string | null;
  contentLength: number | null;
  connection: string | null;
  body: string;
}

/** Writes the bytes (then half-closes unless `hangUp` is false) and reads the whole answer. */
function raw(bytes: string | Buffer, { hangUp = true } = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(running.port, '127.0.0.1');
    let received = '';
    const finish = (): void => {
      const [head = '', ...rest] = received.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const header = (name: string): string | null =>
        new RegExp(`^${name}: *(.*)$`, 'im').exec(head)?.[1]?.trim() ?? null;
      const contentLength = header('content-length');
      resolve({
        status,
        contentType: header('content-type'),
        contentLength: contentLength === null ? null : Number(contentLength),
        connection: header('connection'),
        body: rest.join('\r\n\r\n'),
      });
    };
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('close', finish);
    socket.on('error', () => socket.destroy());
    socket.write(bytes);
    if (hangUp) socket.end();
    else setTimeout(() => socket.destroy(), 300);
    setTimeout(() => socket.destroy(), 3_000);
  });
}

const request = (line: string, headers = ''): string =>
  `${line}\r\nHost: glue.test\r\n${headers}Connection: close\r\n\r\n`;

function expectJsonApiError(answer: RawAnswer, status: number): void {
  expect({ status: answer.status, contentType: answer.contentType }).toEqual({
    status,
    contentType: 'application/vnd.api+json',
  });
  const body = JSON.parse(answer.body) as { errors: { status: number }[] };
  expect(body.errors.at(-1)?.status).toBe(status);
  leaks.expectClean('raw answer', answer.body);
}

async function stillServes(): Promise<void> {
  const response = await fetch(`${running.url}/carts/${cartId}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
}

describe('requests that only a raw socket sends', () => {
  it.each([
    ['an empty Host', 'GET /carts HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n', 400],
    [
      'a Host that is no host',
      'GET /carts HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n',
      400,
    ],
    ['an HTTP/1.0 request without Host', 'GET /carts HTTP/1.0\r\n\r\n', 400],
    ['a backslash in the path', request('GET /carts\\x HTTP/1.1'), 400],
    ['the asterisk target', request('OPTIONS * HTTP/1.1'), 400],
    ['an absolute-form target', request('GET http://evil.example/carts HTTP/1.1'), 403],
    ['a bad percent-escape', request('GET /carts/%zz HTTP/1.1'), 403],
    ['a path starting with //', request('GET //evil.example/x HTTP/1.1'), 404],
    ['TRACE', request('TRACE /carts HTTP/1.1'), 404],
  ])('answers %s with a JSON:API error', async (_name, bytes, status) => {
    expectJsonApiError(await raw(bytes), status);
    await stillServes();
  });

  it('changes nothing when the client hangs up in the middle of a body', async () => {
    const before = snapshot(running.glue);
    const body = JSON.stringify({
      data: { type: 'items', attributes: { sku: '005_30663301', quantity: 1 } },
    });
    const head = `POST /carts/${cartId}/items HTTP/1.1\r\nHost: glue.test\r\nAuthorization: Bearer ${token}\r\nContent-Length: ${body.length}\r\n\r\n`;
    // Every cut: the request line and headers whole, then only part of the body.
    for (const cut of [0, 1, 10, body.length - 1]) {
      await raw(head + body.slice(0, cut), { hangUp: false });
    }
    await stillServes();
    expect(snapshot(running.glue)).toBe(before);
    // A client that went away is no failure of the stand-in's.
    expect(logLines).toEqual([]);
  });

  it('keeps serving after a burst of malformed requests', async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => raw(request(`GET /carts/${'%'.repeat(i)} HTTP/1.1`))),
    );
    await stillServes();
  });

  // Node's HTTP parser refuses these before the app sees them: the clientError handler answers.
  it.each([
    [
      'a raw 0xFF byte in the path',
      Buffer.from(`GET /carts/\xff HTTP/1.1\r\nHost: x\r\n\r\n`, 'latin1'),
      400,
    ],
    ['a control character in a header', request('GET /carts HTTP/1.1', 'X-A: a\x01b\r\n'), 400],
    [
      'a malformed chunked body',
      request('POST /refresh-tokens HTTP/1.1', 'Transfer-Encoding: chunked\r\n') + 'zz\r\n',
      400,
    ],
    [
      'Content-Length beside chunked',
      request(
        'POST /refresh-tokens HTTP/1.1',
        'Content-Length: 3\r\nTransfer-Encoding: chunked\r\n',
      ) + '0\r\n\r\n',
      400,
    ],
    ['a method HTTP does not know', request('BREW /carts HTTP/1.1'), 400],
    ['a header over 16 KiB', request('GET /carts HTTP/1.1', `X-A: ${'a'.repeat(20_000)}\r\n`), 431],
  ])('answers %s with a JSON:API error document', async (_name, bytes, status) => {
    const answer = await raw(bytes);
    expectJsonApiError(answer, status);
    expect(answer.contentLength).toBe(Buffer.byteLength(answer.body, 'latin1'));
    expect(answer.connection).toBe('close');
    expect(logLines).toEqual([]);
    await stillServes();
  });
});
