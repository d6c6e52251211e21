import type { Glue } from '../server/glue';

/** One request to Glue: over HTTP to a running stand-in, or straight into its Hono app. */
export type GlueSend = (path: string, init?: RequestInit) => Promise<Response>;

export const JSON_API = 'application/vnd.api+json';

/** The demo agent (server/platform/seed-data/users.csv). */
export const AGENT = { username: 'admin@spryker.com', password: 'change123' };
/** What the agent types in the bench's searches, and what benchmark (b) asks for. */
export const BENCH_QUERY = 'mar';
/** A demo product every cart test adds (server/platform/seed-data/products.csv). */
export const BENCH_SKU = '005_30663301';

export function overHttp(baseUrl: string): GlueSend {
  return (path, init) => fetch(`${baseUrl}${path}`, init);
}

export function inProcess(glue: Glue): GlueSend {
  // The host is never looked at by the stand-in beyond building links.
  return async (path, init) => glue.app.request(`http://glue.test${path}`, init);
}

export function jsonApiBody(type: string, attributes: Record<string, unknown>): string {
  return JSON.stringify({ data: { type, attributes } });
}

export const cartBody = (name: string): string =>
  jsonApiBody('carts', { name, priceMode: 'GROSS_MODE', currency: 'EUR', store: 'DE' });

export const itemBody = (sku: string, quantity: number): string =>
  jsonApiBody('items', { sku, quantity });

export const agentSignInBody = (username: string, password: string): string =>
  jsonApiBody('agent-access-tokens', { username, password });

function post(token: string | null, body: string): RequestInit {
  const headers: Record<string, string> = { 'Content-Type': JSON_API, Accept: JSON_API };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  return { method: 'POST', headers, body };
}

/** An access token: an agent's from POST /agent-access-tokens, a customer's from POST /access-tokens. */
export async function signIn(
  send: GlueSend,
  kind: 'agent' | 'customer',
  username: string,
  password: string,
): Promise<string> {
  const type = kind === 'agent' ? 'agent-access-tokens' : 'access-tokens';
  const response = await send(`/${type}`, post(null, jsonApiBody(type, { username, password })));
  if (response.status !== 201) {
    throw new Error(`POST /${type} as ${username} answered ${response.status}`);
  }
  const body = (await response.json()) as { data: { attributes: { accessToken: string } } };
  return body.data.attributes.accessToken;
}

/** POST /carts with the customer's token: the status, and the new cart's id on 201. */
export async function createCart(
  send: GlueSend,
  token: string,
  name: string,
): Promise<{ status: number; id: string | null }> {
  const response = await send('/carts', post(token, cartBody(name)));
  if (response.status !== 201) {
    await response.body?.cancel();
    return { status: response.status, id: null };
  }
  const body = (await response.json()) as { data: { id: string } };
  return { status: response.status, id: body.data.id };
}

/** POST /carts/{id}/items; only the status matters to the bench. */
export async function addItem(
  send: GlueSend,
  token: string,
  cartId: string,
  sku: string,
  quantity: number,
): Promise<number> {
  const response = await send(
    `/carts/${encodeURIComponent(cartId)}/items`,
    post(token, itemBody(sku, quantity)),
  );
  await response.body?.cancel();
  return response.status;
}
